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

from tidings.actors.clues import NAME_TITLES, Unit
from tidings.actors.coding import STATE_SECTORS, head_sector, join_code, org_sector, strip_the, variants
from tidings.model import Actor, Span
from tidings.syntax import tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Words inside a name that are no name of their own ("bin", "de", "van", "Jr.").
NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "de",
        "da",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "mc",
        "jr",
        "jr.",
        "sr",
        "sr.",
        "ii",
        "iii",
        "abu",
        "umm",
        "st",
        "st.",
    }
)
#: Honorifics before a name.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "madam"})
#: Singular agent nouns that name a body, not one person: "he" never stands for them.
INSTITUTION_NOUNS = words("actors", "institution_nouns")
#: Nouns for the office or campaign of the person who owns them ("Nadia Cruz's office", "Trump's campaign").
PERSON_BODIES = words("actors", "person_bodies")
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


# Who speaks for an actor named after "for" ("a spokesman for the ministry").
SPOKESPEOPLE = words("actors", "spokespeople")
# How many sentences back "the two sides" may look for its two parties (the most named win).
PAIR_WINDOW = 6


def _names_word(actor: Actor, word: str, *, head: bool) -> bool:
    """A mention of the actor of several words has ``word``; with ``head``, as its head ("House"
    in "the U.S. House of Representatives", not in "the House Foreign Affairs Committee")."""
    for m in actor.mentions:
        words = m.text.split()
        for i, w in enumerate(words):
            if w != word or len(words) < 2:
                continue
            if not head or i + 1 == len(words) or not words[i + 1][:1].isupper():
                return True
    return False


@dataclass(slots=True)
class ArticleActors:
    """The actors one article has named so far and their mentions (one per article)."""

    doc: Doc
    focus: str | None = None  # the country the story happens in
    dateline: frozenset[int] = frozenset()  # the dateline's tokens: no mention spans them
    # sentence -> (its comma, the country) of an opening "In <place>,"
    openers: dict[int, tuple[int, str]] = field(default_factory=dict)
    # token index of a verb or noun -> the country of the place it happens at ("detained ... in Minsk")
    sites: dict[int, str] = field(default_factory=dict)
    sent_of: dict[int, int] = field(init=False, default_factory=dict)  # token index -> sentence number
    actors: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # every word of a full name (given and family names): "Kim" after "Kim Jong Un", "Lai" after
    # "Lai Ching-te" (family name first), a leader's first name; the latest full name wins.
    name_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)  # in the order they were found

    def __post_init__(self) -> None:
        self.sent_of = {t.i: n for n, sent in enumerate(self.doc.sents) for t in sent}

    def add(self, unit: Unit, key: tuple[str, ...], actor: Actor, start: int, end: int) -> None:
        """Record ``actor`` (coded from ``unit``, spanning tokens ``start``..``end``) under ``key``,
        or as a mention of the actor a surname or acronym refers back to."""
        doc = self.doc
        if start in self.dateline and max(self.dateline) < end:
            start = max(self.dateline) + 1  # "JEDDAH, Saudi Arabia — Sudan's army": the army alone
        owner = doc[unit.head]
        if key[0] == "person" and owner.dep_ == "poss" and owner.head.lemma_.lower() in PERSON_BODIES:
            end = max(end, owner.head.i)  # "the ombudsman's office said": the ombudsman acting
        span = doc[start : end + 1]
        earlier = self._named_before(key, actor, unit)
        if earlier is not None:
            # "Lukashenko" after "Alexander Lukashenko" is the same man, and so is "Assange" that
            # the parser took for an organisation, or "Australian-born Assange" (a clue it adds).
            key = earlier
            self._fill_country(self.actors[key], actor)
        elif key[0] == "person":
            words = actor.name.split()
            if len(words) > 1:
                self.surnames.setdefault(words[-1].lower(), key)
                for w in words:
                    if len(w) > 1 and w.lower() not in NAME_PARTICLES:
                        self.name_parts[w.lower()] = key
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

    def _named_before(self, key: tuple[str, ...], actor: Actor, unit: Unit) -> tuple[str, ...] | None:
        """The key of the person named in full before whom a one-word name refers to: a
        surname, a given name or a family name written first, else None."""
        head = self.doc[unit.head]
        if key[0] == "person":
            words = actor.name.split()
        elif (
            key[0] in ("org", "country", "people")
            and head.ent_type_ in ("PERSON", "ORG")
            and head.pos_ == "PROPN"
            and not (unit.igo or unit.known or unit.persons)
        ):
            # a lone name the parser called an organisation ("Assange said"), or one a demonym
            # qualifies ("Australian-born Assange")
            words = bare_name(unit.org_text or unit.person_text or head.text).split()
        else:
            return None
        if len(words) != 1:
            return None
        word = words[0].lower()
        found = self.surnames.get(word) or self.name_parts.get(word)
        return found if found is not None and found != key and found in self.actors else None

    @staticmethod
    def _fill_country(known: Actor, clue: Actor) -> None:
        """A later mention's own clue gives a person named without one their country:
        "Australian-born Assange", "Kenyan opposition leader Odinga"."""
        if known.country is not None or clue.country is None or known.code.startswith(("IGO", "NGO")):
            return
        known.country = clue.country
        known.code = join_code(clue.country, known.sector)

    def merge_partial_names(self) -> None:
        """A one-word name told before the full one ("Duterte ... Rodrigo Duterte") that the tables
        do not code, or code only as someone of that surname ("Whelan" in a headline before "Paul
        Whelan"), is a mention of the one full name holding it, when only one does."""
        people = [a for k, a in self.actors.items() if k[0] == "person" and len(a.name.split()) > 1]
        bodies = [a for k, a in self.actors.items() if k[0] != "person" and a.country and a.kind != "country"]
        for key, actor in list(self.actors.items()):
            surname_only = key[0] == "person" and len(actor.name.split()) == 1
            if not (key[0] == "person" or actor.kind == "organisation"):
                continue
            if actor.country is not None and not surname_only:
                continue
            words = bare_name(actor.name).split()
            if len(words) != 1 or len(words[0]) < 3:
                continue
            word = words[0].lower()
            holders = [a for a in people if a is not actor and word in (w.lower() for w in a.name.split())]
            if not holders and actor.country is None and words[0][:1].isupper():
                # "House passes measure ..." in a headline, "The U.S. House of Representatives" in
                # the body: the one body whose name, as the text gives it, has that word.
                # (As its head first: "the House Foreign Affairs Committee" is another body; then
                # anywhere: "Moruo" for "Moruo Mining and Construction Company".)
                holders = [a for a in bodies if a is not actor and _names_word(a, words[0], head=True)]
                if len(holders) != 1:
                    holders = [a for a in bodies if a is not actor and _names_word(a, words[0], head=False)]
            if len({id(a) for a in holders}) != 1:
                continue
            target = holders[0]
            target.mentions.extend(actor.mentions)
            self.mentions = [(h, target if a is actor else a, d) for h, a, d in self.mentions]
            del self.actors[key]

    def spokespeople(self) -> None:
        """ "A spokesman for the European Commission", "a spokeswoman for Guterres": one who
        speaks for a named actor is a mention of it, not of the government that spoke last."""
        by_head: dict[int, Actor] = {}
        for h, a, _ in self.mentions:
            by_head.setdefault(h, a)
        for n, (h, actor, dep) in enumerate(list(self.mentions)):
            tok = self.doc[h]
            if tok.lemma_.lower() not in SPOKESPEOPLE:
                continue
            principal = next(
                (
                    by_head[o.i]
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "for"
                    for o in c.children
                    if o.dep_ == "pobj" and o.i in by_head
                ),
                None,
            )
            if principal is None or principal is actor:
                continue
            start = tok.left_edge.idx
            moved = [m for m in actor.mentions if m.start <= tok.idx < m.end or m.start == start]
            actor.mentions[:] = [m for m in actor.mentions if m not in moved]
            principal.mentions.extend(moved)
            self.mentions[n] = (h, principal, dep)

    def titles_and_employers(self) -> None:
        """A person the text names without a country takes one from the title phrase set beside
        the name: "Philip Luther, research director at Amnesty International" (the body's code),
        "the editor of the Peruvian daily El Tiempo, Manuel Ortiz" (its country)."""
        by_head: dict[int, Actor] = {}
        for h, a, _ in self.mentions:
            by_head.setdefault(h, a)
        for h, actor, _ in list(self.mentions):
            if actor.kind != "person" or actor.country is not None or actor.code.startswith(("IGO", "NGO")):
                continue
            titles = _title_phrases(self.doc[h])
            for title in titles:
                employer = _employer(title, by_head, actor)
                if employer is not None:
                    _take_employer(actor, employer)
                    break
            else:
                # "the MEC for Cooperative Governance, Jacob Mamabolo": a title alone gives the
                # sector, and the story its country.
                sector = next((NAME_TITLES[t.lower_] for t in titles if t.lower_ in NAME_TITLES), None)
                if sector is not None and actor.sector is None and self.focus is not None:
                    actor.country, actor.sector = self.focus, sector
                    actor.code = join_code(self.focus, sector)

    def coded(self) -> list[Actor]:
        """The article's actors, in the order first coded, each with its mentions in text order
        (numbered 1, 2, ... in that order)."""
        out = list(self.actors.values())
        for n, actor in enumerate(out, start=1):
            actor.id = n
            actor.name = " ".join(actor.name.split())  # a name that ran over a line break
            actor.mentions.sort(key=lambda s: s.start)
        return out

    # -- the country an unplaced unit takes from the actors just named ----
    def _back_to(self, first_sentence: int) -> Iterator[tuple[int, Actor, str]]:
        """The mentions, latest first, back to the first one of sentence ``first_sentence``: they are
        recorded in text order, so the walk stops there (a walk over all of them made long texts
        quadratic)."""
        for m in reversed(self.mentions):
            if self.sent_of[m[0]] < first_sentence:
                return
            yield m

    def context_country(self, unit: Unit, focus: str | None) -> str | None:
        """The country an actor the phrase places nowhere is of: the place a sentence opens with
        ("In Tehran, a foreign ministry spokesman said"), the last actor named with the same head
        noun ("Niger junta ... the junta") or of the same kind ("the U.S. House ... Lawmakers",
        "the army"), the government that just spoke ("A spokesman said"); else ``focus``."""
        if unit.countries or unit.region[0] or unit.igo or unit.known:
            return focus
        comma, opener = self.openers.get(self.sent_of[unit.head], (len(self.doc), ""))
        sector = unit_sector(unit)
        if unit.head > comma and sector in STATE_SECTORS:
            return opener  # (a state's agents and bodies: not "the same company" named before)
        if sector is not None and sector not in STATE_SECTORS:
            party = self.conjunct_country(unit)
            if party is not None:
                return party  # "Colombia's government and the rebels signed ... in Havana"
        site = self.site_country(unit)
        if site is not None and sector == "COP":
            return site  # police act where they serve: "Police detained ... in Minsk"
        # where the act happens outranks the story's country, not an actor just named
        return self.same_head_country(unit) or self.same_kind_country(
            unit, self.government_country(unit, site or focus)
        )

    def conjunct_country(self, unit: Unit) -> str | None:
        """ "Colombia's government and the rebels", "the army and the militants": a party the phrase
        places nowhere, named together with a state or its forces, is of that state, not of the
        place where they act or of the story's country."""
        conj = {t.i for t in self.doc[unit.head].conjuncts}
        if not conj:
            return None
        for h, a, _ in self._back_to(self.sent_of[unit.head]):
            if h in conj and a.country and (a.kind == "country" or a.sector in STATE_SECTORS):
                return a.country
        return None

    def site_country(self, unit: Unit) -> str | None:
        """The country of the place the phrase's own act happens at: "supporters in Tbilisi",
        "Police detained protesters in Minsk" (the place hangs on the noun or on its verb)."""
        tok = self.doc[unit.head]
        for anchor in (tok, tok.head, tok.head.head if tok.dep_ in ("pobj", "agent") else tok.head):
            if anchor.i in self.sites:
                return self.sites[anchor.i]
        return None

    def government_country(self, unit: Unit, focus: str | None) -> str | None:
        """ "A spokesman said" right after "the U.S. State Department": the same government's
        country, for a government agent the phrase places nowhere; else ``focus``. Not the
        government that acts on the phrase ("Esper met top government officials")."""
        if unit.countries or not any(s == "GOV" for s, _ in unit.sectors):
            return focus
        doc, here = self.doc, self.sent_of[unit.head]
        subject = _verb_subjects(doc[unit.head])
        actor_of = {id(a) for h, a, _ in self._back_to(here) if h in subject}
        # (a body that speaks, not "the two diplomats" it expelled: plural people are left out)
        recent = [
            (h, a, dep)
            for h, a, dep in self._back_to(here - 1)
            if a.country and a.sector == "GOV" and doc[h].tag_ not in ("NNS", "NNPS") and id(a) not in actor_of
        ]
        subjects = [m for m in recent if m[2] in ("nsubj", "nsubjpass")]
        return (subjects or recent)[0][1].country if recent else focus

    def same_head_country(self, unit: Unit) -> str | None:
        """ "the junta" after "Niger junta", "officers" after "Kenyan police officers": the country of
        the last agent or body named with the same head noun (within eight sentences), for a phrase
        that is that noun alone (with a determiner or a number at most)."""
        head = self.doc[unit.head]
        if unit.persons or unit.person_text or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ in ("amod", "compound", "nmod", "poss", "prep", "appos") for c in head.children):
            return None  # "government officials" are not the "State Department officials" named before
        lemma, here = head.lemma_.lower(), self.sent_of[unit.head]
        for h, a, _ in self._back_to(here - 8):
            if a.country and a.kind in ("agent", "organisation", "group") and self.doc[h].lemma_.lower() == lemma:
                return a.country
        return None

    def same_kind_country(self, unit: Unit, fallback: str | None) -> str | None:
        """ "the army", "the ministry", "the rebels", "Congress", "lawmakers": the country of the
        same kind of actor named last (within five sentences), not whichever country the story is
        set in; else ``fallback``. The phrase must be definite: a determiner, a capitalised
        institution's name ("the Senate", "Treasury"), or a legislature's members."""
        sector = unit_sector(unit)
        head = self.doc[unit.head]
        definite = (
            any(c.lower_ in ("the", "this", "that", "these", "those") for c in head.children)
            or (head.pos_ == "PROPN" and head.text[:1].isupper() and sector in STATE_SECTORS)
            or sector == "LEG"
        )
        if unit.countries or sector is None or unit.persons or unit.person_text or not definite:
            return fallback
        here = self.sent_of[unit.head]
        same = [
            a
            for h, a, _ in self._back_to(here - 5)
            if a.country and a.sector == sector and a.kind in ("agent", "organisation", "group")
        ]
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
            if doc[h].dep_ == "pobj" and doc[h].head.lower_ in ("on", "via", "through"):
                continue  # "said on Twitter": where it was said, not who
            if actor.kind in ("organisation", "group") and (actor.sector in (want, None) or want == "any"):
                if actor.sector is None and actor.code == "---":
                    # "Moruo ... the company": the text says what the body is
                    actor.sector, actor.code = want, join_code(actor.country, want)
                start = left_edge(doc, unit.head)
                span = doc[start : unit.head + 1]
                actor.mentions.append(Span(span.text, span.start_char, span.end_char))
                self.mentions.append((unit.head, actor, tok.dep_))
                return True
        return False

    def neighbour(self, head: int) -> None:
        """Make "its neighbour" (at ``head``) a mention of the country named last (in its sentence or
        the one before) that is not its clause's subject: "Congo ordered Rwanda's envoy out, accusing
        its neighbour of arming the rebels"."""
        doc, here = self.doc, self.sent_of[head]
        subject = _clause_subject(doc[head])
        doers = {id(a) for h, a, _ in self.mentions if h in subject}
        for h, actor, dep in reversed(self.mentions):
            if h >= head or dep in ("amod", "compound"):
                continue
            if here - self.sent_of[h] > 1:
                return
            state = actor.kind == "country" or (actor.sector == "GOV" and actor.kind == "agent" and actor.country)
            if state and id(actor) not in doers:
                span = doc[left_edge(doc, head) : head + 1]
                actor.mentions.append(Span(span.text, span.start_char, span.end_char))
                self.mentions.append((head, actor, doc[head].dep_))
                return

    def pair(self, head: int) -> bool:
        """Make "the two sides" (at ``head``) a mention of the two fitting actors named last.

        Looks back at most ``PAIR_WINDOW`` sentences; "the two leaders" wants people,
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
            if self.sent_of[head] - self.sent_of[h] > PAIR_WINDOW:
                break
            if any(a is actor for a in found):
                continue
            if tok.dep_ in ("dobj", "pobj", "dative") and self.sent_of[h] == self.sent_of[head]:
                continue  # "Guterres urged both parties": the one who urges is not one of them
            if actor.kind == "agent" and actor.sector is None:
                continue  # a people ("Belarusians") is not one of two parties to talks
            if not _fits_pair(want, actor):
                continue
            found.append(actor)
        if len(found) < 2:
            return False
        # The two the story is about: most named before, the latest first among equals ("the two
        # leaders" after a call between two presidents and a word on a third man they spoke of).
        named = {id(a): sum(1 for h, m, _ in self.mentions if m is a and h < head) for a in found}
        found = sorted(found, key=lambda a: -named[id(a)])[:2]
        found.sort(key=lambda a: max(h for h, m, _ in self.mentions if m is a and h < head), reverse=True)
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
        for tok in tokens(doc):
            if tok.pos_ != "PRON" or tok.i in taken:
                continue
            low = tok.lower_
            # Only the mentions before the pronoun, back to the widest window (six sentences), can
            # fit: the rest are never looked at (a scan of all of them made long texts quadratic).
            ordered = everything[bisect_left(firsts, sent_of[tok.i] - 6) : bisect_left(heads, tok.i)]
            if low in PERSON_PRONOUNS:
                # a person named, or one a singular agent noun stands for ("A doctor said he ...")
                fits = [m for m in ordered if m[0] < tok.i and (m[1].kind == "person" or _one_person(doc[m[0]], m[1]))]
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
            speaker = _speaker_of(tok, resolved) if low in GROUP_PRONOUNS else None
            if speaker is not None and speaker.country:
                # "Palestinian negotiator Saeb Erekat said they would ...": the speaker's side
                side = [
                    m
                    for m in ordered
                    if m[0] < tok.i
                    and m[1].kind != "person"
                    and m[1].country == speaker.country
                    and sent_of[tok.i] - sent_of[m[0]] <= window
                ]
                fits = side or fits
            if not fits:
                continue
            # The nearest sentence with a candidate; in it, its subject (or a word of the subject).
            nearest = max(sent_of[m[0]] for m in fits)
            fits = [m for m in fits if sent_of[m[0]] == nearest]
            subj = [m for m in fits if m[2] in ("nsubj", "nsubjpass") or doc[m[0]].head.dep_ in ("nsubj", "nsubjpass")]
            target = (subj or fits)[-1][1]
            target.mentions.append(Span(tok.text, tok.idx, tok.idx + len(tok.text)))
            resolved[tok.i] = target


#: Prepositions that tie a title to the body a person works for ("director at Amnesty").
EMPLOYER_PREPS = frozenset({"at", "for", "of", "with", "from", "in"})
#: Dependencies that stay inside a title phrase.
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "pobj", "prep", "conj", "appos", "det", "npadvmod"})


def _title_phrases(name: Token) -> list[Token]:
    """The heads of the title phrases set beside a name: its appositions ("Luther, director at
    Amnesty") and the noun it stands in apposition to ("the editor, Manuel Ortiz")."""
    out = [c for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "appos" and name.head.pos_ in ("NOUN", "PROPN"):
        out.append(name.head)
    if name.lower_ in NAME_TITLES or name.ent_type_ != "PERSON":
        out.insert(0, name)  # the phrase is headed by the title itself ("MEC for ..., Jacob Mamabolo")
    else:
        # "Philip Luther, research director, at Amnesty International": the employer on the name
        out += [c for c in name.children if c.dep_ == "prep" and c.lower_ in ("at", "for", "of", "with")]
    return out


def _employer(title: Token, by_head: dict[int, Actor], person: Actor) -> Actor | None:
    """The first actor with a country or an international code named inside a title phrase."""
    todo, seen = [title], 0
    while todo and seen < 40:
        t = todo.pop(0)
        seen += 1
        found = by_head.get(t.i)
        if found is not None and found is not person and (found.country or found.code.startswith(("IGO", "NGO"))):
            return found
        for c in t.children:
            if c.dep_ in _TITLE_DEPS and not (c.dep_ == "prep" and c.lower_ not in EMPLOYER_PREPS):
                todo.append(c)
    return None


def _take_employer(person: Actor, employer: Actor) -> None:
    if employer.code.startswith(("IGO", "NGO")) or (employer.country is None and employer.code != "---"):
        extra = person.sector if person.sector and person.sector not in ("GOV", "IGO") else ""
        person.code = employer.code + ("" if employer.code.endswith(extra) else extra)
        return
    person.country = employer.country
    sector = person.sector or (employer.sector if employer.kind in ("organisation", "igo", "group") else None)
    person.sector = sector
    person.code = join_code(person.country, sector)


def _one_person(head: Token, actor: Actor) -> bool:
    """An agent that a he or she can stand for: one person named by a singular noun for what
    they are or do ("a doctor", "the spokesman"), not an institution ("the army", "police")."""
    return (
        actor.kind == "agent"
        and head.tag_ == "NN"
        and head.ent_type_ == ""
        and head.lemma_.lower() not in INSTITUTION_NOUNS
        and actor.sector not in (None, "CVL")  # not "the man", "a woman": left to a named person
    )


def bare_name(name: str) -> str:
    """A name without a leading "the", honorifics and possessive: "Mr Assange" -> "Assange"."""
    words = strip_the(name).replace("'s", "").replace("’s", "").split()
    while len(words) > 1 and (words[0].lower() in HONORIFICS or words[0].lower() in NAME_TITLES):
        words = words[1:]  # "Mr Assange", "MEC Mamabolo"
    return " ".join(words)


def left_edge(doc: Doc, head: int) -> int:
    """Include determiners and possessives in the mention span."""
    left = head
    for child in doc[head].lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod"):
            left = min(left, child.left_edge.i)
    return left


def is_pair(tok: Token) -> bool:
    """ "the two sides", "both countries", "the two leaders" (plural, with "two" or "both"), not
    a pair the phrase names by its own words ("the only two Arab states", "the two states that signed")."""
    if tok.lemma_.lower() not in PAIR_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("acl", "relcl") for c in tok.children) or any(
        t.lower_ == "only" for t in tok.doc[tok.left_edge.i : tok.i]
    ):
        return False  # "the only two Arab states to have signed": two the phrase itself picks out
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "preconj") for c in tok.children)


def is_neighbour(tok: Token) -> bool:
    """ "its neighbour", "their western neighbour": a country named by its tie to another."""
    return (
        tok.lemma_.lower() in ("neighbour", "neighbor")
        and tok.tag_ == "NN"
        and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)
    )


def _clause_subject(tok: Token) -> set[int]:
    """The subject tokens of the clauses ``tok`` is in, up to the sentence's main verb, but its own
    ("Congo ordered ..., accusing its neighbour": Congo; "Uganda said their neighbour should talk": Uganda)."""
    out: set[int] = set()
    verb = tok
    for _ in range(8):
        verb = verb.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and tok not in c.subtree:
                out |= {t.i for t in c.subtree}
        if verb.head.i == verb.i:
            break
    return out


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


def unit_sector(unit: Unit) -> str | None:
    """The sector a phrase names: its agent nouns' ("the army"), else its name's ("the Treasury")."""
    if unit.sectors:
        return head_sector(unit.sectors)[0]
    return org_sector(unit.org_text) if unit.org_text else None


def _verb_subjects(tok: Token) -> set[int]:
    """The subject tokens of the verb that takes ``tok`` as its object ("Esper met officials")."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif tok.dep_ not in ("dobj", "dative", "attr"):
        return set()
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _speaker_of(tok: Token, resolved: dict[int, Actor]) -> Actor | None:
    """The person whose words a clause with ``tok`` as its subject reports ("Erekat said they ...")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return None
    said = tok.head.head
    subj = next((c for c in said.children if c.dep_ == "nsubj"), None)
    actor = resolved.get(subj.i) if subj is not None else None
    return actor if actor is not None and actor.kind == "person" else None


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
