"""JSON lines: one record per article (``Article.to_dict()``, the contract of ``--json``).

Written to a text stream (stdout for ``tidings process --json``) or to a file.
Each line is written whole and flushed, so a reader tailing the file never
sees half a record. The sink holds nothing to skip: a re-run writes again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from tidings.model import Article
from tidings.sinks.base import BaseSink


class JsonlSink(BaseSink):
    """Prints each article as one JSON line.

    Example::

        run(["news/"], sink=JsonlSink("out.jsonl"))
    """

    def __init__(self, out: str | Path | TextIO | None = None) -> None:
        self._target = out
        self._stream: TextIO | None = None
        self._owned = False

    def open(self) -> None:
        if self._target is None:
            self._stream = sys.stdout
        elif isinstance(self._target, (str, Path)):
            self._stream = Path(self._target).open("w", encoding="utf-8")  # noqa: SIM115 - closed by close()
            self._owned = True
        else:
            self._stream = self._target

    def write(self, article: Article) -> None:
        if self._stream is None:
            self.open()
        assert self._stream is not None
        self._stream.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        self._stream.flush()

    def close(self) -> None:
        if self._owned and self._stream is not None:
            self._stream.close()
        self._stream = None
