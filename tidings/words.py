"""Word lists a domain expert edits, kept as data (``tidings/data/words/<stage>.toml``).

Open-class knowledge (which nouns name protests, which verbs report speech, which
nouns are sites) lives in one TOML file per stage, each list under its own key
with a comment saying what it is for; closed grammatical lists (pronouns,
auxiliaries, prepositions) stay in the code that reads them.

>>> "protest" in words("events", "protest_nouns")  # doctest: +SKIP
True
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from tidings.errors import TidingsError

WORDS = Path(__file__).parent / "data" / "words"


@cache
def word_lists(stage: str) -> dict[str, frozenset[str]]:
    """Every list of ``data/words/<stage>.toml``, by key."""
    path = WORDS / f"{stage}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TidingsError("T041", f"{path}: cannot read word lists: {exc}") from exc
    out: dict[str, frozenset[str]] = {}
    for key, value in data.items():
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise TidingsError("T041", f"{path}: {key!r} must be a list of strings")
        out[key] = frozenset(value)
    return out


def words(stage: str, name: str) -> frozenset[str]:
    """One list: ``words("events", "protest_nouns")``."""
    lists = word_lists(stage)
    if name not in lists:
        raise TidingsError("T041", f"{WORDS / f'{stage}.toml'}: no word list {name!r}")
    return lists[name]
