"""Datasette metadata for a tidings store: what each table and column means, and the facets to show.

The descriptions follow the tables the SQLite sink writes
(:mod:`tidings.sinks.migrations`, columns from :mod:`tidings.records`);
``tests/test_explorer.py`` checks that every described column exists and
every column of the events table is described.

Example::

    Datasette(["news.db"], metadata=metadata("news"))
"""

from __future__ import annotations

from typing import Any

from tidings.contrib.explorer.state import PREFIX

_ACTOR = "CAMEO-style actor code: country, then sector (RUSGOV, BLRCOP, IGOEUREEC)"

TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "description": "One row per article processed. Every offset elsewhere indexes `text`, the cleaned text.",
        "columns": {
            "id": "The article's id: from its canonical URL, else a digest of its normalised text (or the input's own)",
            "input": "The file path or URL it was read from",
            "url": "The article's URL, when known",
            "title": "Headline",
            "source": "The site or agency that published it",
            "published": "Publication date (YYYY-MM-DD); relative dates resolve against it",
            "focus_country": "ISO3 code of the country the story happens in",
            "text": "The cleaned text: wraps mended, promo and caption lines removed, quotes straightened",
            "notes": "JSON list of what a stage wants the reader to know",
            "processed_at": "When tidings stored it (UTC)",
            "tidings_version": "The tidings version that processed it",
            "author": "Author(s), from the page's markup or a byline line",
            "raw": "The text as read, before cleaning (offsets do not index it)",
        },
        "facets": ["source", "focus_country"],
    },
    "events": {
        "description": "One row per event an article codes (who did what to whom, when, where), with CAMEO and "
        "PLOVER codes and the characters of the text it was coded from.",
        "columns": {
            "id": "Row id",
            "article_id": "The article (articles.id)",
            "event_index": "The event's position in its article",
            "cameo": "CAMEO event code (2 to 4 digits)",
            "root": "CAMEO root code: the first two digits (01 Make public statement … 20 Mass violence)",
            "event_name": "CAMEO name of the code",
            "plover": "PLOVER event type",
            "plover_mode": "PLOVER mode",
            "quad_class": "GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
            "4 material conflict",
            "goldstein": "Goldstein score of the code (-10 to +10)",
            "source_actor_id": "The source actor (actors.actor_id in the same article)",
            "source_code": "Source " + _ACTOR,
            "source_name": "Source actor's name",
            "source_country": "ISO3 country of the source actor",
            "source_text": "The words of the text naming the source",
            "source_start": "Offset of the source's words in articles.text",
            "source_end": "End offset of the source's words",
            "target_actor_id": "The target actor (actors.actor_id in the same article)",
            "target_code": "Target " + _ACTOR,
            "target_name": "Target actor's name",
            "target_country": "ISO3 country of the target actor",
            "target_text": "The words of the text naming the target",
            "target_start": "Offset of the target's words in articles.text",
            "target_end": "End offset of the target's words",
            "trigger": "The word(s) the event was coded from",
            "trigger_start": "Offset of the trigger in articles.text",
            "trigger_end": "End offset of the trigger",
            "sentence": "The sentence holding the trigger",
            "sentence_start": "Offset of the sentence in articles.text",
            "date": "When it happened (ISO 8601; as precise as the text allows)",
            "date_source": "Where the date came from: the event's clause, its sentence, the lede, the publication date",
            "place_name": "Where it happened",
            "place_country": "ISO3 country of the place",
            "place_geonameid": "GeoNames id of the place",
            "place_lat": "Latitude of the place",
            "place_lon": "Longitude of the place",
            "place_source": "Where the place came from (the clause, an enclosing clause, the dateline, the story)",
            "negated": "1 when the text says it did not happen",
            "modality": "asserted, reported_claim, intended, hypothetical, …",
            "confidence": "Calibrated confidence (0-1) that the event is right: see the README's confidence "
            "table on whole articles",
            "pattern": "The lexicon pattern that matched",
            "mention_count": "How many times the article tells it (headline, lede, body)",
            "symmetric": "1 for a mutual act between two parties (they met, agreed, clashed): told once, "
            "source and target interchangeable",
        },
        "facets": ["root", "quad_class", "source_country", "target_country", {"month": "date"}],
        "sort_desc": "date",
    },
    "event_mentions": {
        "description": "Every telling of an event in its article (the headline and the body tell one event twice).",
        "columns": {
            "event_id": "The event (events.id)",
            "mention_index": "0 for the telling the event row keeps, then in text order",
            "trigger": "The trigger of this telling",
            "headline": "1 when this telling is in the headline",
        },
    },
    "actors": {
        "description": "One row per actor per article, with every mention of it (names, titles, pronouns).",
        "columns": {
            "actor_id": "The actor's number within its article",
            "name": "Canonical name",
            "code": _ACTOR,
            "country": "ISO3 country",
            "sector": "CAMEO sector (GOV, MIL, COP, OPP, CVL, …)",
            "wikidata": "Wikidata id of a person or organisation, when known",
            "kind": "person, country, agent, organisation, group, igo",
            "mention_count": "How many mentions",
            "mentions": "JSON list of {text, start, end}: each mention in articles.text",
        },
        "facets": ["country", "sector", "kind"],
    },
    "quotes": {
        "description": "Direct, partial and indirect quotes with their speaker resolved to an actor.",
        "columns": {
            "kind": "direct, partial or indirect",
            "text": "What was said",
            "start": "Offset of the quote in articles.text",
            "end": "End offset",
            "speaker_code": "Speaker " + _ACTOR,
            "speaker_name": "Speaker's name",
            "speaker_text": "The words naming the speaker",
            "cue": "The verb of saying",
        },
        "facets": ["kind", "speaker_code"],
    },
    "places": {
        "description": "Toponyms resolved to GeoNames, offline.",
        "columns": {
            "text": "The words in the text",
            "name": "GeoNames name",
            "country": "ISO3 country",
            "geonameid": "GeoNames id",
            "lat": "Latitude",
            "lon": "Longitude",
            "feature": "country, city, region, facility, …",
            "role": 'location, mention, metonym ("Moscow said") or demonym',
        },
        "facets": ["country", "role", "feature"],
    },
    "times": {
        "description": "Date and time expressions resolved against the publication date.",
        "columns": {
            "text": "The words in the text",
            "value": "ISO 8601 value (a date, a duration such as P26Y, or PRESENT_REF)",
            "kind": "date, time, duration or set",
            "rule": "The rule that resolved it",
        },
        "facets": ["kind"],
    },
    "failures": {
        "description": "Inputs that could not be processed, with their coded one-line reason ([T001]…).",
        "facets": ["error"],
    },
    "event_view": {"description": "Events with actor names, codes, place and the article's title and date."},
    "quote_view": {"description": "Quotes with their speaker and the article's title and date."},
}


def metadata(database: str, *, title: str = "tidings") -> dict[str, Any]:
    """Datasette metadata for the store served as ``database``."""
    return {
        "title": title,
        "description_html": (
            "Political events coded from news articles by tidings. "
            f'<a href="{PREFIX}/events">Explore the events</a>, '
            f'<a href="{PREFIX}/map">the map</a> and <a href="{PREFIX}/timeline">the timeline</a>.'
        ),
        "databases": {database: {"tables": TABLES}},
    }
