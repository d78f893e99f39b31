"""The country a story happens in, and the country of the names the gazetteer lacks.

:func:`focus_country` weighs the story's locations (the lede and the dateline
more), leaving out stances ("anti-Syria") and currencies ("US $50 million");
:func:`country_of_unknown` gives that country to the names no gazetteer holds
("Khayelitsha"), unless they name a sea or a region.
"""

from __future__ import annotations

from dataclasses import replace

from tidings.model import Article, Place, Span
from tidings.words import words

# Words of names that need not lie in the story's country ("Indian Ocean", "Middle East").
SUPRANATIONAL = words("places", "supranational_words")


def supranational(text: str) -> bool:
    return any(w.lower() in SUPRANATIONAL for w in text.replace("-", " ").split())


def country_of_unknown(article: Article) -> None:
    """A name the gazetteer lacks ("Khayelitsha", "Portroe") most likely lies in the story's country.

    Only the country is filled in: ``geonameid``, ``lat`` and ``lon`` stay None.
    """
    if article.focus_country is None:
        return
    for i, p in enumerate(article.places):
        if p.country is not None or p.geonameid is not None or p.feature is not None:
            continue
        if supranational(p.text):
            continue
        article.places[i] = replace(p, country=article.focus_country)


def focus_country(article: Article) -> str | None:
    """The country the story happens in: the commonest country of its locations.

    Agents with no country clue ("riot police") and implicit protesters take this
    country; counting every mention instead lets the country most talked *about*
    (Russia, in a story on Belarus) win. The dateline counts like a location in
    the lede, no more: it says where the reporter sits (Brussels, Doha), which is
    often not where the story happens.
    """
    return story_country(article.text, article.places, article.dateline)


def story_country(text: str, places: list[Place], dateline: Span | None) -> str | None:
    counts: dict[str, float] = {}
    lede_end = text.find("\n\n")
    lede_end = lede_end if lede_end > 0 else len(text)
    for p in places:
        if not p.country or p.role == "demonym" or p.feature == "facility" or p.geonameid is None:
            continue
        if _not_a_setting(text, p):
            continue
        if dateline is not None and p.start == dateline.start:
            weight = 4.0
        elif p.role == "location":
            weight = 4.0 if p.start < lede_end else 2.0
        else:
            weight = 0.5
        counts[p.country] = counts.get(p.country, 0.0) + weight
    return max(counts, key=lambda c: counts[c]) if counts else None


def _not_a_setting(text: str, p: Place) -> bool:
    """Names that say nothing of where the story happens: a stance ("an anti-Syria
    journalist", "pro-Russian separatists") or a currency ("US $50 million", "U.S. dollars")."""
    before = text[max(0, p.start - 5) : p.start].lower()
    after = text[p.end : p.end + 10].lstrip().lower()
    return before.endswith(("anti-", "pro-")) or after.startswith(("$", "dollar"))
