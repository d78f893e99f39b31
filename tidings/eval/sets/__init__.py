"""The gold sets as :class:`~tidings.eval.harness.EvalSet` specs, one module per family.

``events`` (PLOVER GSR, PETRARCH2, ConfliBERT), ``actors`` (NGEC), ``geo``
(GeoWebNews, TR-News; gold countries from ``gazetteer``), ``quotes`` (PolNeAR),
``times`` (TimeBank + AQUAINT), ``ner`` (CoNLL-2003), ``coref`` (MEANTIME) and
``extract`` (the HTML and WARC page readers). ``countries`` holds the actor-code
helpers the event and actor sets share. :mod:`tidings.eval.runners` registers them.
"""
