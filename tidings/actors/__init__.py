"""Actors stage: find every actor mention, resolve it, and code it CAMEO-style.

A code is a country (ISO 3166-1 alpha-3, or an IGO code) followed by a sector:
"Belarusian riot police" -> BLRCOP, "the Kremlin" -> RUSGOV, "his Belarusian
counterpart Alexander Lukashenko" -> BLRGOV. Clues come from one noun phrase:
its head (an agent noun, a person, a country), the words that modify it
(adjectives, possessives, "of/from X") and a name in apposition. Office
holders are looked up by the article's date, so a leader who has left office
is no longer coded as the government. A surname, a pronoun or "the ministry"
later in the article reuses the actor it refers to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tidings.actors.lexicon import ActorLexicon, Entry, admin1_countries, default_lexicon, fold_name, swaps
from tidings.actors.sectors import plover_sector
from tidings.model import Actor, ActorRef, Article, Context, Place, Span

__all__ = ["LOCATIVE_PREPS", "ActorResolver", "country_on", "default_lexicon", "plover_sector", "speaker_actor"]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Modifier dependencies that tie a word to the noun phrase of its head.
NP_DEPS = frozenset({"compound", "amod", "nmod", "appos", "poss", "npadvmod"})
# Prepositions whose object still describes the noun above ("agitators from Poland").
NP_PREPS = frozenset({"of", "from", "in"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# Seats of government that are buildings, never a place an event is located.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "agent", "dative", "conj", "appos", "attr"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "around", "inside", "outside", "throughout", "into"})
# Nouns for people or groups that an agent word can qualify ("opposition candidates").
GROUP_HEADS = frozenset(
    {
        "candidate",
        "member",
        "leader",
        "officer",
        "official",
        "group",
        "force",
        "supporter",
        "worker",
        "figure",
        "activist",
        "representative",
        "delegation",
        "delegate",
        "fighter",
        "unit",
        "commander",
        "chief",
        "faction",
        "coalition",
        "movement",
        "camp",
        "bloc",
        "agent",
        "staff",
        "personnel",
        "team",
        "wing",
        "body",
        "organisation",
        "organization",
        "lawmaker",
        "deputy",
        "envoy",
        "source",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }
)
# Modifiers that make an office holder an ex-office holder ("ousted president").
FORMER = frozenset({"former", "ex", "ex-", "ousted", "exiled", "deposed", "toppled", "late"})
# Words in an unknown organisation's name that give its sector.
ORG_SECTOR_WORDS = {
    "ministry": "GOV",
    "government": "GOV",
    "police": "COP",
    "army": "MIL",
    "military": "MIL",
    "forces": "MIL",
    "party": "PTY",
    "court": "JUD",
    "parliament": "LEG",
    "assembly": "LEG",
    "university": "EDU",
    "company": "BUS",
    "union": "LAB",
    "church": "REL",
    "agency": "GOV",
    "council": "GOV",
    "institute": "EDU",
    "college": "EDU",
    "school": "EDU",
    "academy": "EDU",
    "hospital": "HLH",
    "clinic": "HLH",
    "newspaper": "MED",
    "television": "MED",
    "radio": "MED",
    "corporation": "BUS",
    "airlines": "BUS",
    "cartel": "CRM",
    "medical": "HLH",
    "health": "HLH",
}


@dataclass(slots=True)
class Unit:
    """One noun phrase that names an actor, with the clues collected for it."""

    head: int  # token index
    tokens: set[int] = field(default_factory=set)
    countries: list[str] = field(default_factory=list)
    government: bool = False  # a seat-of-government metonym ("the Kremlin")
    sectors: list[tuple[str, str]] = field(default_factory=list)  # (sector, phrase)
    persons: list[str] = field(default_factory=list)  # canonical names from the office table
    person_text: str = ""  # the name as written
    igo: str = ""
    demonym: bool = False
    org_text: str = ""
    former: bool = False
    coordinated: bool = False  # "agitators from Poland and the Netherlands": one actor per country
    head_kind: str = ""  # what the head word itself is (country, person, agent, igo...)
    known: list[int] = field(default_factory=list)  # rows of the Phoenix table (``ActorLexicon.known``)
    ethnic: bool = False  # "ethnic Albanians": a people whose country is where they live
    igo_later: str = ""  # codes the group takes later ("AFGGOV@2021-08-15": the Taliban in power)
    igo_name: str = ""  # the body's own name in igos.tsv


class ActorResolver:
    """Pipeline stage: sets ``article.actors`` (needs ``doc``; uses ``places`` and ``published``)."""

    name = "actors"
    requires: tuple[str, ...] = ("doc", "text", "published", "places", "focus_country", "dateline")
    assigns: tuple[str, ...] = ("actors",)

    def __init__(self, *, lexicon: ActorLexicon | None = None) -> None:
        self.lex = lexicon or default_lexicon()

    # -- finding units -------------------------------------------------
    def _matches(self, doc: Doc) -> dict[int, tuple[int, list[Entry]]]:
        words = [t.text for t in doc]
        out: dict[int, tuple[int, list[Entry]]] = {}
        memo: dict[int, tuple[int, list[Entry]]] = {}

        def at(j: int) -> tuple[int, list[Entry]]:
            if j not in memo:
                memo[j] = self.lex.match(words, j)
            return memo[j]

        def longer_name_inside(i: int, end: int) -> bool:
            # "Premier Li" is not the name in "Premier Li Keqiang": a capitalised name that starts
            # inside the match and runs past it wins ("Jewish community leader" keeps its people).
            return any(
                at(j)[1] and at(j)[0] > end and all(w[:1].isupper() for w in words[j : at(j)[0]])
                for j in range(i + 1, end)
            )

        i = 0
        while i < len(doc):
            end, entries = at(i)
            if entries and not longer_name_inside(i, end):
                out[i] = (end, entries)
                i = end
            else:
                i += 1
        return out

    @staticmethod
    def _root(doc: Doc, start: int, end: int) -> Token:
        """The token of a span whose head lies outside it (never a determiner: "the Kremlin")."""
        outside = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
        content = [t for t in outside if t.dep_ not in ("det", "punct", "case")]
        return (content or outside or [doc[end - 1]])[-1]

    def _same_person(self, name: Sequence[Token], entries: list[Entry]) -> bool:
        """Whether a longer name holding a Phoenix name is that person: it ends in it and its other
        words are the person's ("Carlos Saul Menem" for "Carlos Menem"), not another first name
        ("Anna Kovac" is not Michal Kovac)."""
        full = {w.lower() for e in entries for w in self.lex.known[int(e.key)].name.split()}
        return all(t.lower_ in full or not t.text[:1].isupper() for t in name)

    def _units(self, doc: Doc) -> list[Unit]:
        matches = self._matches(doc)
        pieces: list[tuple[Token, list[Entry], set[int]]] = []
        covered: set[int] = set()
        # A Phoenix name inside a longer name ("Hussein" in "Mohammed Hussein Roble") is not that person.
        names = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
        org_names = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG" and e.end - e.start > 1]
        for start, (end, found) in matches.items():
            # The project's own tables (current to 2026) outrank the old Phoenix rows.
            entries = [e for e in found if e.kind != "known"] or found
            if _currency(doc, end, entries):
                continue  # "US $50 million", "U.S. dollars": money, not the country
            if (
                {e.kind for e in entries} == {"people"}
                and end < len(doc)
                and doc[end].pos_ == "PROPN"
                and doc[end].text[:1].isupper()
            ):
                continue  # "Karen Bass", "Tamil Nadu": a given name or part of a place name
            # (A longer name that ends in it, "Carlos Menem" for "Carlos Saul Menem", is the same man.)
            if (
                {e.kind for e in entries} == {"agent"}
                and doc[start].text == "National"
                and end < len(doc)
                and doc[end].text[:1].isupper()
            ):
                continue  # "National Union for ...": the adjective of a name, not "a national" (citizen)
            if {e.kind for e in entries} == {"agent"} and doc[start].text[:1].isupper():
                # "Government Accountability Office": a word inside a name whose head is another
                # word is no agent of its own; the name is the actor (an organisation).
                inside = [(a, b) for a, b in org_names if a <= start and end < b]
                if inside and not any(
                    a <= i < b and {e.kind for e in es} != {"agent"}
                    for a, b in inside
                    for i, (_, es) in matches.items()
                ):
                    continue
            if all(e.kind == "known" and self.lex.known[int(e.key)].kind == "person" for e in entries) and any(
                a <= start and end <= b and (a, b) != (start, end) and not self._same_person(list(doc[a:b]), entries)
                for a, b in names
            ):
                continue
            if (
                {e.kind for e in entries} == {"igo"}
                and all(e.key.endswith("BUS") for e in entries)
                and end < len(doc)
                and any(c.isdigit() for c in doc[end].text)
            ):
                continue  # "a Boeing 777", "Airbus A320": a company's product, not the company
            if {e.kind for e in entries} == {"igo"}:
                # "Apple Computer", "Boeing Co.": the organisation's name as the text writes it in full
                end = max([end, *(b for a, b in org_names if a == start and b > end)])
            pieces.append((self._root(doc, start, end), entries, set(range(start, end))))
            covered.update(range(start, end))
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG") and not covered.intersection(range(ent.start, ent.end)):
                kind = "person" if ent.label_ == "PERSON" else "org"
                pieces.append((ent.root, [Entry(kind, ent.text)], set(range(ent.start, ent.end))))
                covered.update(range(ent.start, ent.end))

        # "opposition candidates", "Ugandan opposition candidates": an agent word that
        # modifies a plain noun names the actor that noun heads.
        promoted: list[tuple[Token, list[Entry], set[int]]] = []
        roots = {root.i for root, _, _ in pieces}
        for root, entries, toks in pieces:
            head = root.head
            if (
                {e.kind for e in entries} == {"agent"}
                and root.dep_ in ("compound", "amod")
                and head.pos_ == "NOUN"
                and head.lemma_.lower() in GROUP_HEADS  # not "police violence"
                and head.i not in roots
                and head.i != root.i
            ):
                promoted.append((head, entries, toks | {head.i}))
                roots.add(head.i)
            else:
                promoted.append((root, entries, toks))
        pieces = promoted

        def can_head(tok: Token, entries: list[Entry]) -> bool:
            kinds = {e.kind for e in entries}
            if kinds == {"agent"} and tok.pos_ not in ("NOUN", "PROPN"):
                return False  # "protest" the verb, "general" the adjective
            if kinds & {"agent", "person", "org", "igo", "country", "metonym", "known"}:
                return True
            if "adjective" in kinds and tok.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in tok.sent):
                return True  # a bare "British" (a headline, a list, a caption): the country's people
            return (
                bool(kinds & {"adjective", "people"})
                and tok.pos_ in ("NOUN", "PROPN")
                and tok.dep_ not in ("amod", "compound")
            )

        heads: dict[int, Unit] = {}
        piece_at = {root.i: (entries, toks) for root, entries, toks in pieces}
        # Heads first, so modifiers can find the unit they belong to.
        for root, entries, _ in pieces:
            if can_head(root, entries) and self._host(root, piece_at) is None:
                heads[root.i] = Unit(head=root.i)
        for root, entries, toks in pieces:
            host = self._host(root, piece_at)
            named = any(e.kind in ("person", "org", "igo", "known") for e in entries)
            if host is not None and root.dep_ == "pobj" and named and not _office_of(doc, root, entries):
                # "the sister of leader Kim Jong Un": a named actor after "of" is another actor.
                host = None
                if can_head(root, entries):
                    heads.setdefault(root.i, Unit(head=root.i))
            if root.i in heads:
                unit = heads[root.i]
            elif host is not None and host in heads:
                unit = heads[host]
            elif host is not None:
                # The host is itself a modifier of another unit: climb to it.
                h: int | None = host
                while h is not None and h not in heads:
                    h = self._host(doc[h], piece_at)
                if h is None:
                    continue
                unit = heads[h]
            elif {e.kind for e in entries} == {"adjective"} and root.dep_ in ("amod", "compound"):
                # "Palestinian lorries", "Belarusian presidential elections": no actor
                # heads the phrase, but it still names the country.
                if _names_a_people(root):
                    # "Iraqi Kurds", "Syrian Druze": a people of that country, not the state.
                    unit = heads.setdefault(root.head.i, Unit(head=root.head.i))
                    unit.tokens |= toks | {root.head.i}
                    self._add_clues(doc, unit, root, entries, toks)
                    unit.demonym = bool(unit.countries)
                    continue
                unit = heads.setdefault(root.i, Unit(head=root.i))
            elif (
                {e.kind for e in entries} == {"people"}
                and root.dep_ in ("amod", "compound")
                and root.i + 1 in heads
                and doc[root.i + 1].head.i == root.head.i
            ):
                # "a Karen guerrilla stronghold", parsed as two modifiers of "stronghold":
                # the people qualifies the agent noun that follows it.
                unit = heads[root.i + 1]
            elif {e.kind for e in entries} == {"people"} and _people_of(root):
                # "Ibo elders", "Pashtun tribesmen": members of that people.
                unit = heads.setdefault(root.head.i, Unit(head=root.head.i))
                unit.tokens |= toks | {root.head.i}
                self._add_clues(doc, unit, root, entries, toks)
                unit.demonym = bool(unit.countries)
                continue
            else:
                continue
            unit.tokens |= toks
            self._add_clues(doc, unit, root, entries, toks)
        return [heads[i] for i in sorted(heads)]

    @staticmethod
    def _host(tok: Token, piece_at: dict[int, tuple[list[Entry], set[int]]]) -> int | None:
        """The unit head a modifier belongs to, if its phrase has one."""
        t = tok
        for _ in range(4):
            if t.dep_ in NP_DEPS and t.head.i != t.i:
                parent = t.head
            elif t.dep_ == "pobj" and t.head.lower_ in NP_PREPS and t.head.head.pos_ in ("NOUN", "PROPN"):
                parent = t.head.head
            elif t.dep_ == "conj" and t.head.dep_ == "pobj" and t.head.head.lower_ in NP_PREPS:
                parent = t.head
            elif t.dep_ == "conj" and t.head.dep_ in ("amod", "compound") and t.head.head.i != t.head.i:
                parent = t.head.head  # "Russian and Ukrainian negotiators": both qualify the noun
            else:
                return None
            if parent.i in piece_at:
                return parent.i
            if parent.pos_ not in ("NOUN", "PROPN"):
                return None
            t = parent
        return None

    def _add_clues(self, doc: Doc, unit: Unit, root: Token, entries: list[Entry], toks: set[int]) -> None:
        text = doc[min(toks) : max(toks) + 1].text
        if root.dep_ == "conj" and any(e.kind in ("country", "adjective") for e in entries):
            unit.coordinated = True
        if root.i == unit.head and entries and not unit.head_kind:
            unit.head_kind = entries[0].kind
        first = min(toks)
        # "an anti-Syria journalist", "pro-Russian separatists": the country is what they oppose
        # or favour, not theirs.
        stance = _stance(doc, first)
        # "ethnic Albanians in Serbia": an ethnic group, whose country is where they live.
        ethnic = any(t.lower_ == "ethnic" for t in (*root.children, *doc[unit.head].children)) or (
            first >= 1 and doc[first - 1].lower_ == "ethnic"
        )
        for e in entries:
            if e.kind in ("country", "adjective") and (stance or (ethnic and e.kind == "adjective")):
                unit.ethnic = unit.ethnic or ethnic
                continue
            if e.kind == "country":
                unit.countries.append(e.key)
            elif e.kind == "adjective":
                unit.countries.append(e.key)
                if root.i == unit.head and root.pos_ in ("NOUN", "PROPN") and root.dep_ not in ("amod", "compound"):
                    unit.demonym = True  # "Belarusians", not "Belarusian elections"
            elif e.kind == "people":
                # "the Karen", "Uyghur activists": a people of its country; one that lives in
                # several ("Kurds", "Tamil refugees") takes the country where it lives.
                if e.key and not stance:
                    unit.countries.append(e.key)
                else:
                    unit.ethnic = True
                if root.i == unit.head and root.dep_ not in ("amod", "compound"):
                    unit.demonym = bool(unit.countries) or unit.demonym
            elif e.kind == "metonym":
                # A capital city is a government only when it acts, not where things happen.
                if root.i == unit.head and not self._acts(root):
                    continue
                unit.countries.append(e.key)
                unit.government = True
            elif e.kind == "agent":
                # The primary sector codes the actor ("defence minister": GOV, not MIL); a
                # legislature or intelligence service is a sector of its own (CAMEO LEG, SPY)
                # that Phoenix writes under GOV or MIL ("military intelligence" MIL+SPY).
                primary = e.sector2 if (e.key, e.sector2) in (("GOV", "LEG"), ("MIL", "SPY")) else e.key
                unit.sectors.append((primary, text.lower()))
                if any(t.lower_ in FORMER for t in root.children) or text.lower().startswith("ex-"):
                    unit.former = True
            elif e.kind == "person":
                if e.key in self.lex.offices:
                    unit.persons.append(e.key)
                unit.person_text = unit.person_text or text
            elif e.kind == "igo":
                unit.igo = e.key
                unit.igo_later = e.later
                unit.igo_name = e.name
            elif e.kind == "org":
                unit.org_text = text
            elif e.kind == "known":
                unit.known.append(int(e.key))
                if self.lex.known[int(e.key)].kind == "person" or root.ent_type_ == "PERSON":
                    # the name as the text writes it: "Carlos Menem", matched on "Menem"
                    ent = next((x for x in doc.ents if x.label_ == "PERSON" and x.start <= root.i < x.end), None)
                    unit.person_text = unit.person_text or (ent.text if ent is not None else text)
                else:
                    unit.org_text = unit.org_text or text
        for child in doc[unit.head].children:
            if child.lower_ in FORMER:
                unit.former = True

    @staticmethod
    def _place_clues(doc: Doc, units: list[Unit], places: list[Place]) -> None:
        """A resolved place that qualifies an actor gives its country: "Rakhine rebels",
        "police in Kharkiv", "the Madras High Court" (names no country table lists)."""
        located = [(p.start, p.end, p.country) for p in places if p.country]
        if not located:
            return

        def country_at(tok: Token) -> str | None:
            if _stance(tok.doc, tok.i):
                return None
            return next((c for a, b, c in located if a <= tok.idx < b), None)

        for unit in units:
            if unit.countries or unit.igo or unit.known or unit.persons or unit.person_text:
                continue
            head = doc[unit.head]
            # "ethnic Albanian guerrillas": the demonym names the people, not their country.
            words = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")] if not unit.ethnic else []
            words += [
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in NP_PREPS
                for g in c.children
                if g.dep_ == "pobj"
            ]
            words += _located_by_participle(head)
            if head.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in head.sent):
                words.append(head)  # a bare name: "Mariupol"
            for w in words:
                country = country_at(w)
                if country:
                    unit.countries.append(country)
                    break

    @staticmethod
    def _admin1_clues(doc: Doc, units: list[Unit]) -> None:
        """A state or province that qualifies an actor and that the places stage did not take as a
        place ("Rakhine rebels": an adjective to the parser) gives the country it belongs to."""
        regions = admin1_countries()
        for unit in units:
            if unit.countries or unit.igo or unit.known or unit.persons or unit.person_text:
                continue
            if unit.org_text and not unit.sectors:
                # "Aboriginal Medical Services Alliance Northern Territory": a region in the name of
                # a body whose name says what it is (else the name would be coded as the country)
                words = unit.org_text.split()
                if not any(w.lower() in ORG_SECTOR_WORDS for w in words):
                    continue
                grams = (" ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1))
                country = next((regions[g] for g in map(fold_name, grams) if g in regions), None)
                if country:
                    unit.countries.append(country)
                continue
            if not unit.sectors:
                continue
            head = doc[unit.head]
            for child in head.children:
                if child.dep_ not in ("compound", "amod", "nmod") or not child.text[:1].isupper():
                    continue
                if _stance(doc, child.i):
                    continue
                # "Khyber Pakhtunkhwa police": the whole name before the head, else the word itself
                span = doc[child.left_edge.i : child.i + 1].text
                country = regions.get(fold_name(span)) or regions.get(fold_name(child.text))
                if country is None and len(child.text) >= 5:
                    # a slip of the keys ("Dehli police")
                    country = next((regions[v] for v in map(fold_name, swaps(child.text)) if v in regions), None)
                if country:
                    unit.countries.append(country)
                    break

    @staticmethod
    def _acts(tok: Token) -> bool:
        if tok.dep_ == "pobj" and (tok.head.lower_ in LOCATIVE_PREPS or tok.head.lower_ == "of"):
            return False  # "in Moscow", "the streets of Rome"
        if tok.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in tok.sent):
            return True  # a bare name (a headline, a list, a caption): "Beijing", "The Pentagon"
        if tok.dep_ == "compound" or tok.dep_ == "poss":
            return True
        return tok.dep_ in ARGUMENT_DEPS

    # -- coding ---------------------------------------------------------
    def _known(self, unit: Unit, day: str | None) -> tuple[str, bool] | None:
        """The Phoenix code of a unit's known actor on ``day`` and whether its terms are all past.

        Rows that disagree on the country are settled in favour of the country
        dictionary (state actors) over the old armed-group and international
        lists; if that leaves more than one country, the name is ambiguous.
        """
        rows = [self.lex.known[i] for i in dict.fromkeys(unit.known)]
        if not rows:
            return None
        coded = [(k, *k.code_on(day)) for k in rows]
        if len({c[:3] for _, c, _ in coded}) > 1:
            coded = [x for x in coded if x[0].source == "Countries"] or coded
            if len({c[:3] for _, c, _ in coded}) > 1:
                return None
        _, code, past = coded[0]
        return code, past

    def _regional_group(self, unit: Unit, day: str | None) -> bool:
        """Whether the unit is a known armed group Phoenix files under a region or INT (``INTREB``)."""
        if not unit.known or unit.igo:
            return False
        found = self._known(unit, day)
        return found is not None and found[0][:3] not in self.lex.countries and found[0][3:6] == "REB"

    def _split_code(self, code: str) -> tuple[str | None, str | None]:
        """(country, primary sector) of a Phoenix code: "ISRGOVLEG" -> (ISR, LEG), "AFGGOVEDU" -> (AFG, GOV)."""
        pre, rest = code[:3], code[3:]
        if code == "ELI":
            return None, "ELI"
        if pre not in self.lex.countries:
            return None, None
        sectors = [rest[i : i + 3] for i in range(0, len(rest), 3)]
        # A legislature or an intelligence service is a sector of its own (CAMEO LEG, SPY),
        # which Phoenix writes under GOV or MIL.
        if sectors[:2] in (["GOV", "LEG"], ["MIL", "SPY"]):
            return pre, sectors[1]
        return pre, sectors[0] if sectors else None

    def _person(self, unit: Unit, day: str | None, focus: str | None) -> tuple[str, str | None, str | None, str | None]:
        """(name, country, sector, wikidata) of a person by office table and text clues."""
        name = unit.persons[0] if unit.persons else _strip_titles(unit.person_text)
        country = unit.countries[0] if unit.countries else None
        sector = _title_sector(unit.sectors)
        wikidata = None
        terms = self.lex.offices_of(name)
        if terms:
            wikidata = next((t.wikidata for t in terms if t.wikidata), None)
            now = [t for t in terms if t.holds_on(day)]
            if day is None and sector is not None:
                # No date to place the article in: the title the text gives is the best evidence.
                return name, country or (now or terms)[0].iso3, sector, wikidata
            if day is None and not now:
                now = [max(terms, key=lambda t: (t.end, t.start))]  # undated: the office the person left last
            if now:
                return name, now[0].iso3, now[0].sector, wikidata
            past = [t for t in terms if day is not None and t.end and t.end <= day]
            if past:
                # Out of office on the article's date: an ex-leader, not the government.
                return name, country or past[-1].iso3, "ELI", wikidata
            country = country or terms[0].iso3
        elif unit.known and (found := self._known(unit, day)) is not None:
            code, over = found
            kcountry, ksector = self._split_code(code)
            country = country or kcountry
            # The article's own title is newer than the dictionary; else the table's
            # role, or an ex-official once all its terms are over.
            sector = sector or ("ELI" if over and kcountry else ksector)
        if unit.former and sector in ("GOV", None):
            sector = "ELI"
        if country is None and sector is not None:
            # "President Abdelaziz Bouteflika" in a story on Algeria: the title says which
            # office, the story which country. A bare unknown name gets no country.
            country = focus
        return name, country, sector, wikidata

    def _code(self, unit: Unit, day: str | None, focus: str | None) -> tuple[tuple[str, ...], Actor] | None:
        lex = self.lex
        if unit.persons or unit.person_text:
            name, country, sector, wikidata = self._person(unit, day, focus)
            if not name:
                return None
            if unit.igo and not self.lex.offices_of(name):
                # "U.N. mediator Diego Cordovez" acts for the organisation.
                code = unit.igo + (
                    sector if sector and sector not in ("GOV", "IGO") and not unit.igo.endswith(sector) else ""
                )
                return ("person", name), Actor(0, name, code, None, sector, wikidata, "person")
            return ("person", name), Actor(0, name, _join(country, sector), country, sector, wikidata, "person")
        if unit.known and not unit.igo and (found := self._known(unit, day)) is not None:
            code, _ = found
            kcountry, ksector = self._split_code(code)
            name = _strip_the(unit.org_text) if unit.org_text else self.lex.known[unit.known[0]].name
            if kcountry is None and code[:3] in ("IGO", "NGO", "IMG"):
                kind = "igo" if code.startswith("IGO") else "group"
                sector = "NGO" if code.startswith("NGO") else None
                return ("igo", code), Actor(0, name, code, None, sector, None, kind)
            if kcountry is None and code[3:6] == "REB":
                # Phoenix files some local armed groups under a region or INT ("the Islamic
                # Salvation Front" INTREB): the group fights where the text or story is set.
                country = unit.countries[0] if unit.countries else focus
                return ("org", name.lower()), Actor(
                    0, name, _join(country, "REB"), country, "REB", None, "organisation"
                )
            if kcountry is not None:
                # "Chile's Defense Department": the text's own country outranks the old table's
                country = unit.countries[0] if unit.countries else kcountry
                # "FBI agents": the agent noun names the sector; else the institution's own.
                sector = unit.sectors[-1][0] if unit.sectors else ksector
                if unit.former and sector == "GOV":
                    sector = "ELI"  # "a former CIA official"
                full = code if not unit.sectors else _join(country, sector)
                return ("org", name.lower()), Actor(0, name, full, country, sector, None, "organisation")
        if unit.igo and unit.head_kind not in ("country", "metonym"):  # not "NATO-member Norway"
            sector = unit.sectors[0][0] if unit.sectors else None
            if unit.igo[:3] in lex.countries:
                sector = None  # "Boko Haram fighters", "a Hamas spokesman": the group itself
                if unit.former and unit.sectors:
                    # "a former CIA official": an ex-official of that country
                    return ("agent", unit.igo[:3], "ELI"), Actor(
                        0,
                        f"former {unit.sectors[-1][1]}",
                        _join(unit.igo[:3], "ELI"),
                        unit.igo[:3],
                        "ELI",
                        None,
                        "agent",
                    )
            extra = sector if sector and sector not in ("GOV", "IGO") and not unit.igo.endswith(sector) else ""
            base = unit.igo
            for step in filter(None, unit.igo_later.split("|")):
                later, _, since = step.partition("@")
                if day is not None and day >= since:
                    base = later  # "the Taliban" in 2023 govern Afghanistan: AFGGOV
            code = base + (extra if base == unit.igo else "")
            name = lex.igo_names.get(unit.igo, unit.igo)
            kind = "igo" if code.startswith("IGO") else "group"
            country = None if kind == "igo" or code[:3] not in lex.countries else code[:3]
            if sector is None and country is not None and len(code) >= 6:
                sector = code[3:6]  # a group's own code says what it is: NGAREB, PSEREBHMS
            if sector is None and code.startswith("NGO"):
                sector = "NGO"  # a transnational NGO (NGOHRIAMN): no country, sector NGO
            if sector is None and kind == "igo":
                sector = _igo_sector(code)
            key: tuple[str, ...] = ("igo", code)
            if unit.igo[:3] in lex.countries and unit.igo_name:
                # national bodies share codes (every US company is USABUS): one actor per body
                name = unit.igo_name
                key = ("igo", code, name)
            return key, Actor(0, name, code, country, sector, lex.igo_wikidata.get(unit.igo), kind)
        country = unit.countries[0] if unit.countries else None
        if unit.sectors:
            sector, phrase = _head_sector(unit.sectors)
            if unit.former and sector == "GOV":
                sector = "ELI"
            country = country or focus
            cname = lex.countries[country].name if country in lex.countries else ""
            name = f"{cname} {phrase}".strip() if cname else phrase
            key = ("agent", country or phrase, sector)
            return key, Actor(0, name, _join(country, sector), country, sector, None, "agent")
        if unit.government and country:
            name = f"{lex.countries[country].name} government" if country in lex.countries else country
            return ("agent", country, "GOV"), Actor(0, name, _join(country, "GOV"), country, "GOV", None, "agent")
        if unit.ethnic and not country and focus:
            c = lex.countries.get(focus)
            name = f"ethnic group in {c.name if c else focus}"
            return ("agent", focus, "CVL"), Actor(0, name, _join(focus, "CVL"), focus, "CVL", None, "agent")
        if unit.org_text and country:
            # "Massachusetts Institute of Technology", "the Bank of Mexico": a named body of that country.
            words = unit.org_text.lower().split()
            sector = next((ORG_SECTOR_WORDS[w] for w in words if w in ORG_SECTOR_WORDS), None)
            if sector is not None:
                name = _strip_the(unit.org_text)
                return ("org", name.lower()), Actor(
                    0, name, _join(country, sector), country, sector, None, "organisation"
                )
        if unit.demonym and country:
            # A people ("Palestinians", "33 detained Russians"): CAMEO codes them with the
            # country alone, as the Phoenix dictionaries do ("ordinary Kazakhs" and "Belarusian
            # protesters" carry a sector of their own); still people, not the state, so an
            # actor of its own that events can release, arrest or expel.
            c = lex.countries.get(country)
            name = f"people of {c.name}" if c else country
            return ("people", country), Actor(0, name, country, country, None, None, "agent")
        if country:
            c = lex.countries.get(country)
            return ("country", country), Actor(
                0, c.name if c else country, country, country, None, c.wikidata if c else None, "country"
            )
        if unit.org_text:
            words = unit.org_text.lower().split()
            sector = next((ORG_SECTOR_WORDS[w] for w in words if w in ORG_SECTOR_WORDS), None)
            name = _strip_the(unit.org_text)
            home = _home_of_movement(words, focus)
            return ("org", name.lower()), Actor(0, name, _join(home, sector), home, sector, None, "organisation")
        return None

    # -- the stage ------------------------------------------------------
    def __call__(self, article: Article, ctx: Context) -> Article:
        doc = ctx.doc
        if doc is None:
            return article
        day = article.published
        units = self._units(doc)
        self._place_clues(doc, units, article.places)
        self._admin1_clues(doc, units)
        focus = article.focus_country or self._focus(units)
        actors: dict[tuple[str, ...], Actor] = {}
        surnames: dict[str, tuple[str, ...]] = {}
        acronyms: dict[str, tuple[str, ...]] = {}
        mentions: list[tuple[int, Actor, str]] = []  # (head token, actor, dep)
        sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        # "the two sides", "both leaders": phrases that stand for the last two parties named.
        pairs = {t.i for t in doc if _is_pair(t)}
        heads = {u.head for u in units}
        queue: list[tuple[int, Unit | None]] = [(u.head, u) for u in units]
        queue += [(i, None) for i in pairs if i not in heads]
        for head, maybe in sorted(queue, key=lambda q: q[0]):
            if head in pairs and self._pair(doc, head, mentions, sent_of):
                continue
            if maybe is None:
                continue
            unit = maybe
            if self._definite_org(doc, unit, mentions, sent_of):
                continue
            start = min(min(unit.tokens | {unit.head}), self._left_edge(doc, unit.head))
            end = max(unit.tokens | {unit.head})
            span = doc[start : end + 1]
            fallback = focus
            if not unit.countries and any(s == "GOV" for s, _ in unit.sectors):
                # "A spokesman said" right after "the U.S. State Department": the same government.
                here = sent_of[unit.head]
                # (a body that speaks, not "the two diplomats" it expelled: plural people are left out)
                recent = [
                    (h, a, dep)
                    for h, a, dep in reversed(mentions)
                    if a.country and a.sector == "GOV" and doc[h].tag_ not in ("NNS", "NNPS")
                ]
                recent = [m for m in recent if here - sent_of[m[0]] <= 1]
                subjects = [m for m in recent if m[2] in ("nsubj", "nsubjpass")]
                fallback = (subjects or recent)[0][1].country if recent else focus
            if (
                not unit.countries
                and unit.sectors
                and any(c.lower_ in ("the", "this", "that", "these", "those") for c in doc[unit.head].children)
            ):
                # "the army", "the ministry", "the rebels": the same kind of actor named last
                # (within five sentences), not whichever country the story is set in.
                here, sector = sent_of[unit.head], _head_sector(unit.sectors)[0]
                same = [
                    a
                    for h, a, _ in reversed(mentions)
                    if a.country and a.sector == sector and a.kind == "agent" and here - sent_of[h] <= 5
                ]
                fallback = same[0].country if same else fallback
            if fallback is None and not unit.countries and self._regional_group(unit, day):
                # "President Bouteflika ... lift the ban on the Islamic Salvation Front": a group
                # Phoenix files under a region is of the state the same sentence names.
                here = sent_of[unit.head]
                fallback = next((a.country for h, a, _ in reversed(mentions) if a.country and sent_of[h] == here), None)
            for variant in self._variants(unit):
                coded = self._code(variant, day, fallback)
                if coded is None:
                    continue
                key, actor = coded
                actor = _as_of(actor, day)
                if key[0] == "person":
                    last = actor.name.split()[-1].lower() if actor.name else ""
                    # "Lukashenko" after "Alexander Lukashenko" is the same man.
                    if len(actor.name.split()) == 1 and last in surnames:
                        key = surnames[last]
                    else:
                        surnames.setdefault(last, key)
                # "the Royal Air Force (RAF) ... RAF": an acronym given in brackets names the same actor.
                bare = _strip_the(span.text)
                if bare in acronyms and len(self._variants(unit)) == 1:
                    key = acronyms[bare]
                acronym = _bracket_acronym(doc, start, end)
                if acronym and acronym != bare:
                    acronyms.setdefault(acronym, key)
                if key not in actors:
                    actor.id = len(actors) + 1
                    actors[key] = actor
                actor = actors[key]
                actor.mentions.append(Span(span.text, span.start_char, span.end_char))
                mentions.append((unit.head, actor, doc[unit.head].dep_))
        self._pronouns(doc, mentions)
        for actor in actors.values():
            actor.mentions.sort(key=lambda s: s.start)
        article.actors = list(actors.values())
        return article

    def _definite_org(
        self, doc: Doc, unit: Unit, mentions: list[tuple[int, Actor, str]], sent_of: dict[int, int]
    ) -> bool:
        """ "the company", "the firm", "the group": the organisation named last (within three
        sentences) that fits, when the phrase gives no clue of its own. True when joined."""
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
        for h, actor, _ in reversed(mentions):
            if sent_of[unit.head] - sent_of[h] > 3:
                break
            if actor.kind in ("organisation", "group") and (actor.sector in (want, None) or want == "any"):
                start = self._left_edge(doc, unit.head)
                span = doc[start : unit.head + 1]
                actor.mentions.append(Span(span.text, span.start_char, span.end_char))
                mentions.append((unit.head, actor, tok.dep_))
                return True
        return False

    def _pair(self, doc: Doc, head: int, mentions: list[tuple[int, Actor, str]], sent_of: dict[int, int]) -> bool:
        """Make "the two sides" (at ``head``) a mention of the two fitting actors named last.

        Looks back at most three sentences; "the two leaders" wants people,
        "the two countries" countries or their governments, "the two sides" any
        party but bystanders (civilians). False (nothing added) unless two are found.
        """
        tok = doc[head]
        want = PAIR_NOUNS[tok.lemma_.lower()]
        found: list[Actor] = []
        for h, actor, dep in reversed(mentions):
            if h >= head or dep in ("amod", "compound"):
                continue  # later words, or a word that only qualifies a noun ("Belarusian elections")
            if sent_of[head] - sent_of[h] > 3:
                break
            if any(a is actor for a in found):
                continue
            if actor.kind == "agent" and actor.sector is None:
                continue  # a people ("Belarusians") is not one of two parties to talks
            if want == "person" and actor.kind != "person":
                continue
            if want == "country" and (actor.kind == "person" or not actor.country or actor.sector not in (None, "GOV")):
                continue
            if want == "party" and actor.sector in ("CVL", "MED"):
                continue
            if want == "org" and actor.kind not in ("organisation", "group"):
                continue
            found.append(actor)
            if len(found) == 2:
                break
        if len(found) < 2:
            return False
        span = doc[self._left_edge(doc, head) : head + 1]
        for actor in reversed(found):
            actor.mentions.append(Span(span.text, span.start_char, span.end_char))
            mentions.append((head, actor, tok.dep_))
        return True

    @staticmethod
    def _variants(unit: Unit) -> list[Unit]:
        """One unit per country for "agitators from Poland and the Netherlands"."""
        countries = list(dict.fromkeys(unit.countries))
        if not unit.coordinated or len(countries) < 2 or unit.persons or unit.person_text:
            return [unit]
        return [replace(unit, countries=[c]) for c in countries]

    @staticmethod
    def _left_edge(doc: Doc, head: int) -> int:
        """Include determiners and possessives in the mention span."""
        left = head
        for child in doc[head].lefts:
            if child.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod"):
                left = min(left, child.left_edge.i)
        return left

    @staticmethod
    def _focus(units: list[Unit]) -> str | None:
        """Without places (the places stage did not run), the most named country."""
        counts: Counter[str] = Counter()
        for unit in units:
            counts.update(unit.countries)
        return counts.most_common(1)[0][0] if counts else None

    @staticmethod
    def _pronouns(doc: Doc, mentions: list[tuple[int, Actor, str]]) -> None:
        """Attach he/she/it/they to the nearest fitting actor before them (within three sentences)."""
        taken = {i for i, _, _ in mentions}
        sent_of = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                sent_of[t.i] = n
        ordered = sorted(mentions, key=lambda m: m[0])
        resolved: dict[int, Actor] = {i: a for i, a, _ in mentions}
        for tok in doc:
            low = tok.lower_
            if tok.pos_ != "PRON" or tok.i in taken:
                continue
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


def _currency(doc: Doc, end: int, entries: list[Entry]) -> bool:
    """A country name that only says which money: "US $50 million", "U.S. dollars"."""
    if end >= len(doc) or not all(e.kind in ("country", "adjective") for e in entries):
        return False
    nxt = doc[end]
    return nxt.text.startswith("$") or nxt.lower_ in ("dollar", "dollars")


def _located_by_participle(head: Token) -> list[Token]:
    """Places where a group is said to be by a participle: "guerrillas operating in
    Macedonia", "militants based in Waziristan"."""
    return [
        g
        for c in head.children
        if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _names_a_people(adjective: Token) -> bool:
    """A demonym before a plural people name is a people of that country: "Iraqi Kurds",
    "Ukrainian Catholics" (not "Belarusian elections" nor "Turkish Airlines")."""
    head = adjective.head
    # (the parser's NORP: a people or group, not "Turkish Airlines", an ORG)
    return (
        adjective.dep_ in ("amod", "compound")
        and head.i != adjective.i
        and head.tag_ in ("NNPS", "NNS")
        and head.ent_type_ == "NORP"
    )


#: Plural nouns for members of a people ("Ibo elders"), besides GROUP_HEADS.
PEOPLE_MEMBERS = frozenset({"elder", "villager", "tribesman", "man", "woman", "youth", "people", "family"})


def _people_of(word: Token) -> bool:
    """A people's name before a plural noun for its members: "Ibo elders", "Karen villagers"
    (not "Karen villages")."""
    head = word.head
    return (
        word.dep_ in ("amod", "compound")
        and head.i != word.i
        and head.tag_ in ("NNS", "NNPS")
        and (head.ent_type_ == "NORP" or head.lemma_.lower() in GROUP_HEADS | PEOPLE_MEMBERS)
    )


#: Name words of the parties, fronts and militias of one country's politics.
MOVEMENT_WORDS = frozenset({"movement", "front", "party", "militia", "brigade", "brigades", "army"})


def _home_of_movement(words: list[str], focus: str | None) -> str | None:
    """A political movement, front, party or militia the tables do not know ("the Movement
    for the Actualization of the Sovereign State of Biafra") is of the country the story
    is set in; other unknown bodies (news agencies, companies, forums) get no country."""
    return focus if MOVEMENT_WORDS.intersection(words) else None


#: States that seceded, with the day they became independent: before it their places
#: (Juba, Pristina) and people belonged to the state they left.
SECESSIONS: dict[str, tuple[str, str]] = {"SSD": ("SDN", "2011-07-09"), "XKX": ("SRB", "2008-02-17")}


def country_on(country: str | None, day: str | None) -> str | None:
    """The state a country code stood for on ``day``: South Sudan before July 2011 is Sudan."""
    if country in SECESSIONS and day is not None and day < SECESSIONS[country][1]:
        return SECESSIONS[country][0]
    return country


def _as_of(actor: Actor, day: str | None) -> Actor:
    """The actor with its country as of the article's date."""
    then = country_on(actor.country, day)
    if then is None or actor.country is None or then == actor.country:
        return actor
    code = then + actor.code[3:] if actor.code.startswith(actor.country) else actor.code
    return replace(actor, country=then, code=code)


#: Object pronouns, which never stand for their own clause's subject ("he would welcome him").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})


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


# Title words that only say "a member of" or "second to" something else the phrase names.
_DEPUTY = frozenset({"deputy", "deputies", "vice", "assistant"})
# Agent nouns too general to outrank a more specific one in the same phrase.
_GENERIC_AGENTS = frozenset(
    {"leader", "leaders", "official", "officials", "member", "members", "representative", "representatives"}
)


def _title_sector(sectors: list[tuple[str, str]]) -> str | None:
    """A person's sector from their titles: the first, but "deputy" before another title is not LEG.

    "Deputy Minister of Defense Andrei Kartapolov" and "Taiwan's deputy foreign
    minister" hold government posts; a bare "deputy" is a member of parliament.
    """
    rest = [s for s in sectors if s[1] not in _DEPUTY] if len(sectors) > 1 else sectors
    return (rest or sectors)[0][0] if sectors else None


def _head_sector(sectors: list[tuple[str, str]]) -> tuple[str, str]:
    """A group's sector: its head noun's, unless that is a generic "leader" or "official" and a
    more specific word qualifies it ("opposition leaders", "Muslim leaders", "union officials")."""
    sector, phrase = sectors[-1]
    if phrase.split()[-1] in _GENERIC_AGENTS and len(phrase.split()) == 1:
        specific = [s for s in sectors[:-1] if s[1] not in _DEPUTY]
        if specific:
            return specific[-1][0], f"{specific[-1][1]} {phrase}"
    return sector, phrase


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


def _is_pair(tok: Token) -> bool:
    """ "the two sides", "both countries", "the two leaders" (plural, with "two" or "both")."""
    if tok.lemma_.lower() not in PAIR_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "preconj") for c in tok.children)


def _bracket_acronym(doc: Doc, start: int, end: int) -> str:
    """The acronym a mention introduces in brackets: "the Royal Air Force (RAF)" -> "RAF"."""
    for i in range(max(start + 1, end - 1), min(end + 2, len(doc) - 2)):
        if doc[i].text == "(" and doc[i + 2].text == ")":
            word = doc[i + 1].text
            if 2 <= len(word) <= 8 and word.replace(".", "").replace("-", "").isalnum() and word.isupper():
                return word
    return ""


def _stance(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows "anti-" or "pro-" ("anti-Syria", "pro-Russian")."""
    if doc[i].lower_.startswith(("anti-", "pro-")):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")


# Heads of an organisation: "the president of the European Council" acts for the organisation.
OFFICE_HEADS = frozenset(
    {"president", "head", "chief", "chairman", "chairwoman", "chair", "director", "secretary-general", "commissioner"}
)


def _office_of(doc: Doc, tok: Token, entries: list[Entry]) -> bool:
    """Whether ``tok`` is the organisation in "the <office> of <organisation>"."""
    return all(e.kind == "igo" for e in entries) and tok.head.lower_ == "of" and tok.head.head.lower_ in OFFICE_HEADS


# Sector codes that Phoenix writes inside an IGO's code for what the body does
# (IGOUNOJUDICJ: a court; IGOUNOHLHWHO: health; IGOUNOREFHCR: refugees).
IGO_SECTORS = frozenset({"JUD", "HLH", "REF", "HRI", "LAB", "AGR", "ENV", "MIL"})


def _igo_sector(code: str) -> str | None:
    """The functional sector in an IGO code: "IGOUNOJUDICJ" -> JUD; None for "IGOUNO", "IGOEUREEC"."""
    parts = [code[i : i + 3] for i in range(3, len(code), 3)]
    return next((p for p in parts[1:] if p in IGO_SECTORS), None)


def _join(country: str | None, sector: str | None) -> str:
    code = (country or "") + (sector or "")
    return code or "---"


TITLES = {
    "president",
    "prime",
    "minister",
    "chancellor",
    "king",
    "queen",
    "general",
    "gen.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sen.",
    "senator",
    "foreign",
    "defence",
    "defense",
    "interior",
    "secretary",
    "spokesman",
    "spokeswoman",
    "leader",
    "former",
}


def _strip_titles(name: str) -> str:
    words = name.replace("'s", "").split()
    while words and words[0].lower() in TITLES:
        words = words[1:]
    return " ".join(words)


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def speaker_actor(article: Article, head: Token) -> ActorRef:
    """An actor for a speaker no table knows, from the noun phrase headed by ``head``.

    Its sector comes from the agent table when the head noun is an agent
    ("spokesman" -> GOV); it gets no country, as an unknown name must not be guessed.
    """
    from tidings.syntax import phrase_tokens

    toks = sorted(phrase_tokens(head), key=lambda t: t.i)
    toks = [t for t in toks if t.dep_ not in ("relcl", "acl", "prep") or t.i < head.i]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    span = Span(article.text[start:end], start, end)
    name = _strip_the(span.text)
    lex = default_lexicon()
    sector = lex.agents.get(head.lemma_.lower(), ("", ""))[0] or None
    kind = "person" if head.pos_ == "PROPN" or head.ent_type_ == "PERSON" else "agent"
    actor = article.adopt_actor(
        # the same name, or a surname after the full name ("Caddell" after "Pat Caddell")
        lambda a: a.name.lower() == name.lower() or (kind == "person" == a.kind and a.name.split()[-1:] == [name]),
        lambda n: Actor(n, name, _join(None, sector), None, sector, None, kind),
        span,
    )
    return ActorRef(actor, span)
