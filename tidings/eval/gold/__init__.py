"""Gold-set loaders, one module per family; :mod:`tidings.eval.datasets` registers them and re-exports their records.

``common`` (shared helpers and ``GoldSpan``), ``events`` (PLOVER GSR, PETRARCH2,
ConfliBERT, NGEC), ``geo`` (GeoWebNews, TR-News), ``quotes`` (PolNeAR),
``times`` (TimeBank + AQUAINT), ``ner`` (CoNLL-2003), ``coref`` (MEANTIME),
``extract`` (article-extraction pages, as HTML and as WARC records).
"""
