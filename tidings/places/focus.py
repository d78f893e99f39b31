"""The country a story happens in, and the country of the names the gazetteer lacks.

:func:`focus_country` weighs the story's locations (the lede and the dateline
more), leaving out stances ("anti-Syria") and currencies ("US $50 million");
:func:`country_of_unknown` gives that country to the names no gazetteer holds
("Khayelitsha"), unless they name a sea or a region.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from tidings.model import Article, Place, Span
from tidings.words import words

# Words of names that need not lie in the story's country ("Indian Ocean", "Middle East").
SUPRANATIONAL = words("places", "supranational_words")
# Dateline cities where international bodies sit: a story filed there is seldom about the host country.
INTERNATIONAL_HUBS = words("places", "international_hubs")
DOER_NOUNS = words("places", "doer_nouns")


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
    """The country the story happens in, from what the article is about.

    Agents with no country clue ("riot police") and implicit protesters take this
    country. It weighs every country the article names: the locations most
    (where things happen), then governments that act ("Moscow said") and
    demonyms ("Swedish rioters"); the headline and the lede more than the rest.
    The dateline says where the reporter sits, which is often not where the
    story happens: it counts like one mention in the body, and a city where
    international bodies sit (Geneva, New York, Brussels) hardly at all.
    """
    return story_country(article.text, article.places, article.dateline)


def story_country(text: str, places: list[Place], dateline: Span | None) -> str | None:
    counts: dict[str, float] = {}
    body: dict[str, float] = {}
    head_end = _headline_end(text)
    lede_end = text.find("\n\n", head_end + 2) if head_end else text.find("\n\n")
    lede_end = lede_end if lede_end > 0 else len(text)
    dateline_end = _dateline_end(text, dateline)
    hub = dateline is not None and dateline.text.lower() in INTERNATIONAL_HUBS
    for p in places:
        if not p.country or p.feature == "facility" or _not_a_setting(text, p):
            continue
        if p.role != "demonym" and p.geonameid is None:
            continue
        if p.role == "demonym" and any(w.lower() in DOER_NOUNS for w in text[p.end : p.end + 30].split()[:2]):
            continue  # "a Russian missile attack on Kharkiv": who struck, not where
        if p.role == "mention" and re.match(r"\s[A-Z][a-z]", text[p.end : p.end + 3]):
            continue  # inside a longer name ("Malaysia Airlines"): no setting
        if dateline is not None and dateline.start <= p.start < dateline_end:
            weight = 0.25 if hub else 1.0
        elif p.name.lower() in INTERNATIONAL_HUBS or p.text.lower() in INTERNATIONAL_HUBS:
            weight = 0.25  # "told the Human Rights Council in Geneva": where the bodies sit
        else:
            part = "head" if p.start < head_end else "lede" if p.start < lede_end else "body"
            weight = _WEIGHTS[part].get(p.role, _WEIGHTS[part]["other"])
            if part == "body":
                body[p.country] = body.get(p.country, 0.0) + weight
                continue
        counts[p.country] = counts.get(p.country, 0.0) + weight
    # The body's mentions count with diminishing returns: a long background passage on another
    # country ("the US is seeking his extradition ...") does not outweigh the headline and lede.
    # (past one, by the square root: a single passing mention counts as itself, not more)
    for country, weight in body.items():
        counts[country] = counts.get(country, 0.0) + (weight if weight <= 1 else 2.0 * math.sqrt(weight) - 1.0)
    return max(counts, key=lambda c: counts[c]) if counts else None


#: How much one mention of a country counts, by where it is and what it does there.
_WEIGHTS = {
    "head": {"location": 3.0, "metonym": 1.0, "demonym": 1.0, "other": 0.5},
    "lede": {"location": 3.0, "metonym": 0.5, "demonym": 0.5, "other": 0.5},
    "body": {"location": 1.5, "metonym": 0.5, "demonym": 0.25, "other": 0.5},
}


def _headline_end(text: str) -> int:
    """Where a headline paragraph ends (0 when the text opens with no headline)."""
    end = text.find("\n\n")
    if end <= 0:
        return 0
    first = text[:end]
    return end if len(first.split()) <= 25 and not re.search(r"[.!?:;][\"')\]]?\s*$", first) else 0


def _dateline_end(text: str, dateline: Span | None) -> int:
    """The end of the dateline's place words ("VILNIUS, Lithuania —": the country is the dateline's too)."""
    if dateline is None:
        return 0
    m = re.match(r"[^—–\-(\n]{0,60}", text[dateline.start :])
    return dateline.start + (m.end() if m else len(dateline.text))


def _not_a_setting(text: str, p: Place) -> bool:
    """Names that say nothing of where the story happens: a stance ("an anti-Syria
    journalist", "pro-Russian separatists") or a currency ("US $50 million", "U.S. dollars")."""
    before = text[max(0, p.start - 5) : p.start].lower()
    after = text[p.end : p.end + 10].lstrip().lower()
    return before.endswith(("anti-", "pro-")) or after.startswith(("$", "dollar"))
