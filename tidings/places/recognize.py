"""Toponym recognition: spaCy's GPE/LOC entities plus what the small model misses.

The small English model labels many place names ORG or PERSON ("in Red Deer",
"Tamil Nadu accused ..."), misses upper-case datelines and drops names inside
organisation names ("Kentucky State Police"). Besides every GPE/LOC entity,
a name is taken from

* any other entity, or a run of capitalised words outside entities, whose
  text is a gazetteer name the article supports (see
  :func:`tidings.places.mentions.supported`, :mod:`tidings.places.candidates`);
* inside organisation-like entities, the longest capitalised word run that
  names a country, a first-order division or a large city (role "mention":
  the organisation is not a place, but the name tells where it belongs);
* the dateline, which the clean stage found, and datelines opening later
  paragraphs (:mod:`tidings.places.context`);
* sites no gazetteer holds, placed later at their town
  (:mod:`tidings.places.sites`): names ending in a street, building or water
  word, institutions after "at", a name between "at" and "in Town", names
  before a lower-case street noun, British road numbers.

A GPE/LOC name the gazetteer lacks is kept only where the words around make it
a place (:func:`tidings.places.filters.placed_unknowns`): the small model tags
firms and people GPE.

Demonyms give country context. Adjectival ones ("Syrian troops", "European
airlines") are also kept as records with role ``demonym``: they name a country
or continent, but never where something happened.

:func:`find_mentions` runs the steps in order over one article's
:class:`~tidings.places.mentions.Found`; :func:`given_mentions` reads toponyms
found by someone else.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tidings.places.abbreviations import after_comma, link_parents
from tidings.places.candidates import (
    called_a_place,
    capitalised_runs,
    court_seat,
    elsewhere,
    embedded,
    hyphenated,
    look_up,
    place_entities,
    whole_ok,
)
from tidings.places.context import adjective_candidates, adjectives, country_context, paragraph_datelines
from tidings.places.filters import keep, placed_unknowns
from tidings.places.gazetteer import Candidate, Gazetteer, demonyms
from tidings.places.mentions import (
    ADMIN_WORDS,
    CONTAINER_LABELS,
    FEATURE_WORDS,
    PLACE_LABELS,
    Found,
    Mention,
    after_locative,
    capitalised,
    core_and_hint,
    hint_around,
    supported,
    text_of,
)
from tidings.places.persons import degree_after_name, news_source, no_person
from tidings.places.resolve import resolve
from tidings.places.sites import (
    before_division,
    facilities,
    named_before_street_noun,
    road_numbers,
    venues_in_towns,
)
from tidings.syntax import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.model import Article

# A single name a locative preposition introduces but the context does not support yet:
# its tokens, label, hint, query and candidates, for a second look once more names resolved.
Deferred = tuple[list["Token"], str, str | None, str, tuple[Candidate, ...]]


def find_mentions(doc: Doc, article: Article, gaz: Gazetteer) -> tuple[list[Mention], Counter[str]]:
    """Every toponym of the doc, and the country context its sure names and demonyms give."""
    found = Found(doc)
    # 1. spaCy's place entities, with the division/city word in or around them.
    _ner_places(found, gaz)
    context = country_context(found.mentions, doc)
    # What the NER's own place names resolve to is context too ("Gloucester" in an English story).
    _count_resolved(found.mentions, context, context)
    # Datelines opening a later paragraph ("TORRINGTON — The mayor ..."), which the clean stage
    # only looks for at the top; found before the names below so that they vouch for the same
    # name there ("for Torrington businesses" after "TORRINGTON —").
    paragraph_datelines(doc, gaz, found.taken, found.add)
    seen = {m.text.lower() for m in found.mentions if m.cands}
    if article.dateline is not None and gaz.candidates(article.dateline.text):
        seen.add(article.dateline.text.lower())  # "MINSK, Aug. 16 -" vouches for "Minsk" below
    # Single names that a locative preposition introduces but the context above does not
    # support yet: a second look once the names found below have resolved ("to Cirencester"
    # after "Cheltenham" in an English story).
    deferred: list[Deferred] = []

    # 2. Names inside other entities and in capitalised runs the NER left alone.
    _other_entities(found, gaz, context, seen, deferred)
    _bare_runs(found, gaz, context, seen, deferred)
    # One sense per discourse: a name taken for a place above is a place wherever else it is
    # written the same way, inside an organisation's name too ("the Glenrock Trust" after "in Glenrock").
    elsewhere(doc, found.mentions, found.taken, found.add)
    if deferred:
        later = Counter(context)
        _count_resolved(found.mentions, context, later)
        for core, label, hint, query, cands in deferred:
            if not found.taken.intersection(t.i for t in core) and supported(cands, text_of(core), later, True):
                found.add(core, "entity" if label else "run", label, hint, query, cands)

    # Streets, buildings and venues ("Royal Street", "Jamsil Stadium"): no gazetteer holds
    # them; the places stage puts them in the town the article places them in.
    facilities(doc, found.taken, found.add)
    venues_in_towns(doc, found.mentions, found.taken, found.add)
    road_numbers(doc, found.taken, found.add)
    named_before_street_noun(doc, {m.text for m in found.mentions if m.cands}, found.taken, found.add)
    before_division(doc, found.mentions, found.taken, found.add)
    found.mentions.extend(hyphenated(doc, gaz, found.taken))

    # 3. Demonyms and other adjectives of a place ("Syrian", "European", "EU"): kept with
    # role "demonym" (they name a country or continent, never where something happened).
    adjectives(doc, gaz, found.taken, found.add)

    # 4. The dateline ("MINSK, Aug. 16 (Reuters) -") when nothing above covers it.
    _dateline(found, article, gaz)

    link_parents(found.mentions, doc, gaz)
    mentions = [m for m in found.mentions if keep(m, doc, gaz)]
    mentions = placed_unknowns(mentions, doc)
    mentions.sort(key=lambda m: m.start)
    return mentions, context


def _count_resolved(mentions: list[Mention], context: Counter[str], into: Counter[str]) -> None:
    """Count into ``into`` the country of every mention as resolved with ``context``."""
    for e in resolve(mentions, Counter(context)).values():
        if e is not None and e.country:
            into[e.country] += 1


def _ner_places(found: Found, gaz: Gazetteer) -> None:
    """spaCy's GPE/LOC entities, with a capitalised word the NER left out and the division or city
    word in or around them; an entity wider than a name gives the names inside it."""
    doc = found.doc
    for toks, label in place_entities(doc, gaz):
        if degree_after_name(toks, doc):
            continue  # "Charles Murphy, M.D.": a degree, not Maryland
        while toks and toks[0].lower_ in ("the", "a"):
            toks = toks[1:]
        while toks and toks[-1].text in ("'s", "’s", "'", "’"):
            toks = toks[:-1]
        if not toks:
            continue
        # "Baja California": a capitalised word the NER left out may belong to the name.
        start = toks[0].i
        before = doc[start - 1] if start > 0 else None
        if before is not None and capitalised(before) and before.pos_ == "PROPN" and not before.ent_type_:
            longer = [before, *toks]
            if gaz.candidates(text_of(longer)) and before.i not in found.taken:
                toks = longer
        # "Kansas City" and "Western Cape" are names as they stand: look the whole up first.
        query, cands = look_up(gaz, toks, ner=True)
        hint: str | None = None
        span = toks
        if not cands:
            core, hint = core_and_hint(toks)
            query, cands = look_up(gaz, core, ner=True) if core else (query, ())
        if not cands and toks[-1].lower_ not in FEATURE_WORDS:
            # "Greece Italy", "St. Louis Police": the NER span is wider than the name
            # (but "Mississippi River" and "Washington Square" are other places).
            before_n = len(found.mentions)
            embedded(toks, gaz, found.add, label)
            if len(found.mentions) > before_n:
                continue
        if hint is None:
            hint, span = hint_around(doc, toks)
        if hint is None and query.split()[-1].lower() in ADMIN_WORDS:
            hint = "admin"  # "Plymouth County" found as it stands
        found.add(span, "ner", label, hint, query, cands)


def _other_entities(
    found: Found, gaz: Gazetteer, context: Counter[str], seen: set[str], deferred: list[Deferred]
) -> None:
    """Other entities that are place names as a whole, or hold one ("Kentucky State Police")."""
    doc = found.doc
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or found.taken.intersection(range(ent.start, ent.end)):
            continue
        toks = list(ent)
        while toks and toks[0].lower_ in ("the", "a"):
            toks = toks[1:]
        # "United States", "Kansas City": a name that ends in a division or city word as it stands.
        core, hint = (toks, None) if toks and gaz.candidates(text_of(toks)) else core_and_hint(toks)
        if not core:
            continue
        text = text_of(core)
        if core[0].lower_ in demonyms() and len(core) == 1:
            continue
        if ent.label_ == "ORG" and news_source(ent.start, ent.end, doc):
            # "Xinhua reported": an agency named like a town; "the Suffolk Times reported" holds one.
            name = core
            while name and name[-1].lower_ in ("news", "agency", "'s", "’s"):
                name = name[:-1]
            if len(name) > 1:
                embedded(name, gaz, found.add, ent.label_, context)
            continue
        query, cands = look_up(gaz, core)
        if cands and whole_ok(ent.label_, core, cands, text, context, doc, gaz, seen):
            found.add(core, "entity", ent.label_, hint, query, cands)
            continue
        if cands and ent.label_ == "PERSON" and len(core) == 1 and after_locative(doc, core[0].i):
            deferred.append((core, ent.label_, hint, query, cands))
        if ent.label_ != "MONEY" and called_a_place(doc, core):
            found.add(core, "entity", ent.label_, hint, query, cands).extra["called"] = 1.0
            continue
        if (
            ent.label_ in CONTAINER_LABELS
            or ent.label_ in ("NORP", "MONEY")
            or (ent.label_ == "PERSON" and no_person(ent))
        ):
            # "the towns of Haris and Varzaqan": a list of names the NER took for one organisation.
            listed = any(t.lower_ in ("and", "or", ",") for t in core) and after_locative(doc, core[0].i)
            seat = court_seat(core)
            if seat:
                # "Bantam Superior Court": a court is named after the town it sits in ("Superior" is no town)
                embedded(seat, gaz, found.add, ent.label_, context, True)
            else:
                embedded(core, gaz, found.add, ent.label_, context, listed)


def _bare_runs(found: Found, gaz: Gazetteer, context: Counter[str], seen: set[str], deferred: list[Deferred]) -> None:
    """Runs of capitalised words outside every entity that are place names, or hold one."""
    doc = found.doc
    for run in capitalised_runs(doc, found.taken):
        core, hint = core_and_hint(run)
        if not core:
            continue
        if len(core) == 1 and core[0].i > 0 and doc[core[0].i - 1].text == "," and after_comma(doc, core[0].i - 1, gaz):
            continue  # "Churchill, Man.": the abbreviation is linked to the name before it below
        text = text_of(core)
        query, cands = look_up(gaz, core)
        if cands and whole_ok("", core, cands, text, context, doc, gaz, seen):
            found.add(core, "run", "", hint, query, cands)
        elif cands and len(core) == 1 and after_locative(doc, core[0].i):
            deferred.append((core, "", hint, query, cands))
        elif called_a_place(doc, core):
            found.add(core, "run", "", hint, query, cands).extra["called"] = 1.0
        elif len(core) > 1:
            # "Owensboro Public Schools", "CTV Saskatoon": a name inside a run the NER left alone.
            embedded(core, gaz, found.add, "", context, after_locative(doc, core[0].i))


def _dateline(found: Found, article: Article, gaz: Gazetteer) -> None:
    """The dateline ("MINSK, Aug. 16 (Reuters) -") when nothing found covers it, or only part of it."""
    dl = article.dateline
    if dl is None:
        return
    doc = found.doc
    inside = [m for m in found.mentions if m.start_char < dl.end and dl.start < m.end_char]
    cands = gaz.candidates(dl.text)
    toks = [t for t in tokens(doc) if dl.start <= t.idx < dl.end and not t.is_space]
    # "MEXICO CITY (AP) -": the dateline is the whole name where the NER kept a part.
    if toks and cands and all(m.end_char - m.start_char < dl.end - dl.start for m in inside):
        for m in inside:
            found.mentions.remove(m)
        found.add(toks, "dateline", "", None, dl.text, cands)


def given_mentions(
    doc: Doc, spans: list[tuple[int, int]], found: list[Mention], gaz: Gazetteer
) -> list[Mention | None]:
    """One mention for each toponym span found by someone else (a gold standard, another tagger).

    The caller says each span is a place, so none is dropped as a likely person
    or generic word. A span this module found as it stands keeps that reading
    (hint, parent, demonym); any other is looked up whole, then without its
    division word ("Idlib province"), then as an adjective ("Syrian"); one the
    gazetteer still lacks borrows the reading of a toponym found inside it
    ("Kentucky" in "Kentucky State Police"), else keeps no candidate. None
    where a span covers no word of the doc.
    """
    by_span = {(m.start_char, m.end_char): m for m in found}
    out: list[Mention | None] = []
    for start, end in spans:
        if (start, end) in by_span:
            out.append(by_span[(start, end)])
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        toks = [t for t in span if not t.is_space] if span is not None else []
        while toks and toks[0].lower_ in ("the", "a"):
            toks = toks[1:]
        while toks and toks[-1].text in ("'s", "’s", "'", "’"):
            toks = toks[:-1]
        if not toks:
            out.append(None)
            continue
        query, cands = look_up(gaz, toks, ner=True)
        hint: str | None = None
        source = "given"
        if not cands:
            core, hint = core_and_hint(toks)
            if core:
                query, cands = look_up(gaz, core, ner=True)
        if not cands:
            key = " ".join(t.lower_ for t in toks)
            cands = adjective_candidates(gaz, key)
            if cands:
                query, source = cands[0].entry.name, "demonym"
        if not cands:
            inner = [m for m in found if start <= m.start_char and m.end_char <= end and m.cands]
            if inner:
                # the largest place named inside it: "Kentucky State Police" is in Kentucky
                m = max(inner, key=lambda m: max(c.entry.population for c in m.cands))
                query, cands, hint = m.query, m.cands, m.hint
        if hint is None:
            hint, _ = hint_around(doc, toks)
        first, last = toks[0], toks[-1]
        out.append(Mention(first.i, last.i + 1, start, end, text_of(toks), query, source, "", hint, cands))
    return out
