"""Loaders for the public gold sets described in ``shared/eval/README.md``: the registry.

The loaders live one family to a module under :mod:`tidings.eval.gold`
(``events``, ``geo``, ``quotes``, ``times``, ``ner``, ``coref``, ``extract``;
shared helpers in ``common``); this module names them (:data:`DATASETS`) and
re-exports their records, so ``from tidings.eval.datasets import X`` keeps working.

Every loader has the same shape,
``load_<name>(data_dir, *, split=None, limit=None) -> list[<Item>]``, where
``data_dir`` is the ``shared/eval`` folder. They use the standard library only
(no pipeline code, no spaCy) so that a score never depends on the thing being
scored, and so that tests can run them on a bare checkout.

Conventions shared by all loaders:

* Offsets are Python ``str`` indices (code points), end exclusive, over the
  item's ``text`` exactly as stored here; a loader that has to rebuild the text
  (TimeML, CoNLL, MEANTIME) says how.
* Items come back in a deterministic order (file name or file order), and
  ``limit`` keeps the first ``limit`` items of that order, reading no more
  files than it needs to.
* A missing file raises :class:`FileNotFoundError` naming the path, so a
  benchmark run with a wrong ``--data`` path fails loudly rather than scoring
  an empty set; a ``split`` a set does not have raises :class:`ValueError`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tidings.eval.gold.common import GoldSpan
from tidings.eval.gold.coref import CorefChain, EntityMention, MeantimeDoc, load_meantime
from tidings.eval.gold.events import (
    CONFLIBERT_LABELS,
    PLOVER_LABEL_MAP,
    CameoEvent,
    ConflibertItem,
    ConflibertSpan,
    NgecActorItem,
    Petr2Item,
    PloverActor,
    PloverItem,
    load_conflibert,
    load_ngec_actors,
    load_petr2_gsr,
    load_plover_gsr,
)
from tidings.eval.gold.extract import ExtractItem, WarcItem, load_extract, load_warc
from tidings.eval.gold.geo import GeoArticle, Toponym, load_geo_gwn, load_geo_trnews
from tidings.eval.gold.ner import ConllSentence, load_conll
from tidings.eval.gold.ner import _iob1_entities as _iob1_entities
from tidings.eval.gold.quotes import (
    QUOTE_DIGRAPHS,
    QUOTE_MARKS,
    BratSpan,
    PolnearArticle,
    PolnearQuote,
    load_polnear,
)
from tidings.eval.gold.times import TimebankDoc, Timex, load_timebank
from tidings.eval.gold.times import _flatten_timeml as _flatten_timeml
from tidings.eval.wholedoc import load_docs, load_realdocs

__all__ = [
    "CONFLIBERT_LABELS",
    "DATASETS",
    "DEFAULT_SPLITS",
    "PLOVER_LABEL_MAP",
    "QUOTE_DIGRAPHS",
    "QUOTE_MARKS",
    "BratSpan",
    "CameoEvent",
    "ConflibertItem",
    "ConflibertSpan",
    "ConllSentence",
    "CorefChain",
    "EntityMention",
    "ExtractItem",
    "GeoArticle",
    "GoldSpan",
    "MeantimeDoc",
    "NgecActorItem",
    "Petr2Item",
    "PloverActor",
    "PloverItem",
    "PolnearArticle",
    "PolnearQuote",
    "TimebankDoc",
    "Timex",
    "Toponym",
    "WarcItem",
    "load_conflibert",
    "load_conll",
    "load_docs",
    "load_extract",
    "load_geo_gwn",
    "load_geo_trnews",
    "load_meantime",
    "load_ngec_actors",
    "load_petr2_gsr",
    "load_plover_gsr",
    "load_polnear",
    "load_realdocs",
    "load_timebank",
    "load_warc",
]

#: CLI name -> loader. Every loader takes ``(data_dir, *, split=None, limit=None)``.
DATASETS: dict[str, Callable[..., list[Any]]] = {
    "plover-gsr": load_plover_gsr,
    "petr2-gsr": load_petr2_gsr,
    "conflibert": load_conflibert,
    "ngec-actors": load_ngec_actors,
    "geo-gwn": load_geo_gwn,
    "geo-trnews": load_geo_trnews,
    "polnear": load_polnear,
    "timebank": load_timebank,
    "conll": load_conll,
    "meantime": load_meantime,
    "extract": load_extract,
    "warc": load_warc,
    "docs": load_docs,
    "realdocs": load_realdocs,
}

#: The split each loader uses when ``split`` is None (None = the whole set).
DEFAULT_SPLITS: dict[str, str | None] = dict.fromkeys(DATASETS) | {"polnear": "dev"}
