"""Which earlier actor a later phrase refers to, within one article.

``ArticleActors`` is the per-article state of the stage: the actors coded so
far, keyed so that units with the same key are one actor, and every mention in
text order. It joins a surname to the full name before it ("Lukashenko" after
"Alexander Lukashenko"), an acronym to the name that introduced it in brackets
("the Royal Air Force (RAF)"), "the company" to the organisation named last,
"the two sides" to the two parties named last, and he/she/it/they to the
nearest fitting actor before them. It also says which country an unplaced
"spokesman" or "the army" takes from the actors just named.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.actors.clues import Unit
from tidings.actors.coding import head_sector, strip_the, variants
from tidings.model import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
#: Object pronouns, which never stand for their own clause's subject ("he would welcome him").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})
# Nouns that, definite and bare ("the company"), refer back to an organisation, and its sector.
ORG_NOUNS = {
    "company": "BUS",
    "firm": "BUS",
    "manufacturer": "BUS",
    "airline": "BUS",
    "consortium": "BUS",
}
# Plural nouns that "the two ..." / "both ..." make a pair of earlier actors, and what kind they want.
PAIR_NOUNS = {
    "side": "party",
    "company": "org",
    "firm": "org",
    "party": "party",
    "delegation": "party",
    "rival": "party",
    "camp": "party",
    "country": "country",
    "nation": "country",
    "government": "country",
    "neighbour": "country",
    "neighbor": "country",
    "state": "country",
    "capital": "country",
    "leader": "person",
    "president": "person",
    "man": "person",
    "minister": "person",
    "premier": "person",
}

#: One mention: its head token, the actor, and the head's dependency.
Mention = tuple[int, Actor, str]


@dataclass(slots=True)
class ArticleActors:
    """The actors one article has named so far and their mentions (one per article)."""

    doc: Doc
    sent_of: dict[int, int] = field(init=False, default_factory=dict)  # token index -> sentence number
    actors: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)  # in the order they were found

    def __post_init__(self) -> None:
        self.sent_of = {t.i: n for n, sent in enumerate(self.doc.sents) for t in sent}

    def add(self, unit: Unit, key: tuple[str, ...], actor: Actor, start: int, end: int) -> None:
        """Record ``actor`` (coded from ``unit``, spanning tokens ``start``..``end``) under ``key``,
        or as a mention of the actor a surname or acronym refers back to."""
        doc = self.doc
        span = doc[start : end + 1]
        if key[0] == "person":
            last = actor.name.split()[-1].lower() if actor.name else ""
            # "Lukashenko" after "Alexander Lukashenko" is the same man.
            if len(actor.name.split()) == 1 and last in self.surnames:
                key = self.surnames[last]
            else:
                self.surnames.setdefault(last, key)
        # "the Royal Air Force (RAF) ... RAF": an acronym given in brackets names the same actor.
        bare = strip_the(span.text)
        if bare in self.acronyms and len(variants(unit)) == 1:
            key = self.acronyms[bare]
        acronym = _bracket_acronym(doc, start, end)
        if acronym and acronym != bare:
            self.acronyms.setdefault(acronym, key)
        if key not in self.actors:
            actor.id = len(self.actors) + 1
            self.actors[key] = actor
        actor = self.actors[key]
        actor.mentions.append(Span(span.text, span.start_char, span.end_char))
        self.mentions.append((unit.head, actor, doc[unit.head].dep_))

    def coded(self) -> list[Actor]:
        """The article's actors, in the order first coded, each with its mentions in text order."""
        for actor in self.actors.values():
            actor.mentions.sort(key=lambda s: s.start)
        return list(self.actors.values())

    # -- the country an unplaced unit takes from the actors just named ----
    def _back_to(self, first_sentence: int) -> Iterator[tuple[int, Actor, str]]:
        """The mentions, latest first, back to the first one of sentence ``first_sentence``: they are
        recorded in text order, so the walk stops there (a walk over all of them made long texts
        quadratic)."""
        for m in reversed(self.mentions):
            if self.sent_of[m[0]] < first_sentence:
                return
            yield m

    def government_country(self, unit: Unit, focus: str | None) -> str | None:
        """ "A spokesman said" right after "the U.S. State Department": the same government's
        country, for a government agent the phrase places nowhere; else ``focus``."""
        if unit.countries or not any(s == "GOV" for s, _ in unit.sectors):
            return focus
        doc, here = self.doc, self.sent_of[unit.head]
        # (a body that speaks, not "the two diplomats" it expelled: plural people are left out)
        recent = [
            (h, a, dep)
            for h, a, dep in self._back_to(here - 1)
            if a.country and a.sector == "GOV" and doc[h].tag_ not in ("NNS", "NNPS")
        ]
        subjects = [m for m in recent if m[2] in ("nsubj", "nsubjpass")]
        return (subjects or recent)[0][1].country if recent else focus

    def same_kind_country(self, unit: Unit, fallback: str | None) -> str | None:
        """ "the army", "the ministry", "the rebels": the country of the same kind of actor named
        last (within five sentences), not whichever country the story is set in; else ``fallback``."""
        if (
            unit.countries
            or not unit.sectors
            or not any(c.lower_ in ("the", "this", "that", "these", "those") for c in self.doc[unit.head].children)
        ):
            return fallback
        here, sector = self.sent_of[unit.head], head_sector(unit.sectors)[0]
        same = [a for h, a, _ in self._back_to(here - 5) if a.country and a.sector == sector and a.kind == "agent"]
        return same[0].country if same else fallback

    def sentence_country(self, head: int) -> str | None:
        """The country of the last actor named in the sentence of token ``head`` (if any)."""
        here = self.sent_of[head]
        return next((a.country for h, a, _ in reversed(self.mentions) if a.country and self.sent_of[h] == here), None)

    # -- phrases that only refer back ----------------------------------
    def definite_org(self, unit: Unit) -> bool:
        """ "the company", "the firm", "the group": the organisation named last (within three
        sentences) that fits, when the phrase gives no clue of its own. True when joined."""
        doc = self.doc
        tok = doc[unit.head]
        want = ORG_NOUNS.get(tok.lemma_.lower())
        if (
            want is None
            or tok.tag_ != "NN"
            or unit.countries
            or unit.igo
            or unit.known
            or unit.person_text
            or not any(c.lower_ == "the" for c in tok.children)
            or any(c.dep_ in ("amod", "compound") for c in tok.children)
        ):
            return False
        for h, actor, _ in reversed(self.mentions):
            if self.sent_of[unit.head] - self.sent_of[h] > 3:
                break
            if actor.kind in ("organisation", "group") and (actor.sector in (want, None) or want == "any"):
                start = left_edge(doc, unit.head)
                span = doc[start : unit.head + 1]
                actor.mentions.append(Span(span.text, span.start_char, span.end_char))
                self.mentions.append((unit.head, actor, tok.dep_))
                return True
        return False

    def pair(self, head: int) -> bool:
        """Make "the two sides" (at ``head``) a mention of the two fitting actors named last.

        Looks back at most three sentences; "the two leaders" wants people,
        "the two countries" countries or their governments, "the two sides" any
        party but bystanders (civilians). False (nothing added) unless two are found.
        """
        doc = self.doc
        tok = doc[head]
        want = PAIR_NOUNS[tok.lemma_.lower()]
        found: list[Actor] = []
        for h, actor, dep in reversed(self.mentions):
            if h >= head or dep in ("amod", "compound"):
                continue  # later words, or a word that only qualifies a noun ("Belarusian elections")
            if self.sent_of[head] - self.sent_of[h] > 3:
                break
            if any(a is actor for a in found):
                continue
            if actor.kind == "agent" and actor.sector is None:
                continue  # a people ("Belarusians") is not one of two parties to talks
            if not _fits_pair(want, actor):
                continue
            found.append(actor)
            if len(found) == 2:
                break
        if len(found) < 2:
            return False
        span = doc[left_edge(doc, head) : head + 1]
        for actor in reversed(found):
            actor.mentions.append(Span(span.text, span.start_char, span.end_char))
            self.mentions.append((head, actor, tok.dep_))
        return True

    def pronouns(self) -> None:
        """Attach he/she/it/they to the nearest fitting actor before them (within three sentences)."""
        doc, sent_of = self.doc, self.sent_of
        taken = {i for i, _, _ in self.mentions}
        everything = sorted(self.mentions, key=lambda m: m[0])
        heads = [m[0] for m in everything]
        firsts = [sent_of[h] for h in heads]  # non-decreasing, as the heads are
        resolved: dict[int, Actor] = {i: a for i, a, _ in self.mentions}
        for tok in doc:
            low = tok.lower_
            if tok.pos_ != "PRON" or tok.i in taken:
                continue
            # Only the mentions before the pronoun, back to the widest window (six sentences), can
            # fit: the rest are never looked at (a scan of all of them made long texts quadratic).
            ordered = everything[bisect_left(firsts, sent_of[tok.i] - 6) : bisect_left(heads, tok.i)]
            if low in PERSON_PRONOUNS:
                fits = [m for m in ordered if m[0] < tok.i and m[1].kind == "person"]
            elif low in THING_PRONOUNS or low in GROUP_PRONOUNS:
                fits = [
                    m
                    for m in ordered
                    if m[0] < tok.i and m[1].kind != "person" and m[2] in ("nsubj", "nsubjpass", "poss", "compound")
                ]
                if low in GROUP_PRONOUNS:
                    # "they", "them": a plural group named in the same sentence, in any role,
                    # before the subjects that "it" would take ("returned the Russians without charging them").
                    plural = [
                        m
                        for m in ordered
                        if m[0] < tok.i
                        and m[1].kind != "person"
                        and doc[m[0]].tag_ in ("NNS", "NNPS")
                        and sent_of[m[0]] == sent_of[tok.i]
                    ]
                    fits = plural or fits
            else:
                continue
            window = 6 if low in PERSON_PRONOUNS else 3  # people are named once and quoted for paragraphs
            fits = [m for m in fits if sent_of[tok.i] - sent_of[m[0]] <= window]
            bound = _clause_subject_actor(tok, resolved)
            if bound is not None:
                fits = [m for m in fits if m[1] is not bound]
            if not fits:
                continue
            # The nearest sentence with a candidate; in it, its subject (or a word of the subject).
            nearest = max(sent_of[m[0]] for m in fits)
            fits = [m for m in fits if sent_of[m[0]] == nearest]
            subj = [m for m in fits if m[2] in ("nsubj", "nsubjpass") or doc[m[0]].head.dep_ in ("nsubj", "nsubjpass")]
            target = (subj or fits)[-1][1]
            target.mentions.append(Span(tok.text, tok.idx, tok.idx + len(tok.text)))
            resolved[tok.i] = target


def left_edge(doc: Doc, head: int) -> int:
    """Include determiners and possessives in the mention span."""
    left = head
    for child in doc[head].lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod"):
            left = min(left, child.left_edge.i)
    return left


def is_pair(tok: Token) -> bool:
    """ "the two sides", "both countries", "the two leaders" (plural, with "two" or "both")."""
    if tok.lemma_.lower() not in PAIR_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "preconj") for c in tok.children)


def _fits_pair(want: str, actor: Actor) -> bool:
    """Whether ``actor`` can be one of a pair of the kind ``want`` (PAIR_NOUNS)."""
    if want == "person" and actor.kind != "person":
        return False
    if want == "country" and (actor.kind == "person" or not actor.country or actor.sector not in (None, "GOV")):
        return False
    if want == "party" and actor.sector in ("CVL", "MED"):
        return False
    return not (want == "org" and actor.kind not in ("organisation", "group"))


def _bracket_acronym(doc: Doc, start: int, end: int) -> str:
    """The acronym a mention introduces in brackets: "the Royal Air Force (RAF)" -> "RAF"."""
    for i in range(max(start + 1, end - 1), min(end + 2, len(doc) - 2)):
        if doc[i].text == "(" and doc[i + 2].text == ")":
            word = doc[i + 1].text
            if 2 <= len(word) <= 8 and word.replace(".", "").replace("-", "").isalnum() and word.isupper():
                return word
    return ""


def _clause_subject_actor(tok: Token, resolved: dict[int, Actor]) -> Actor | None:
    """The actor an object pronoun cannot be: its verb's subject ("he would only welcome
    him": "him" is someone else; "themselves" and "himself" are not in this list)."""
    if tok.lower_ not in _OBJECT_PRONOUNS or tok.dep_ not in ("dobj", "dative", "pobj"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return resolved.get(subj.i) if subj is not None else None
