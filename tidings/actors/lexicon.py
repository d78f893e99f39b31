"""The actor dictionaries the project owns, loaded once into token tries.

Tables (see ``tidings/data/README.md`` for their origin):

- ``countries.tsv``: names, aliases, adjectives/demonyms, seats of government;
- ``igos.tsv``: international organisations and non-state groups with codes;
- ``agents.tsv``: agent nouns -> sector codes ("riot police" -> COP);
- ``peoples.tsv``: ethnic peoples without a demonym of their own ("Karen" -> MMR,
  "Kurds": no one country);
- ``officeholders.tsv``: who held which office when, for time-aware codes;
- ``phoenix_actors.tsv``: people, institutions and armed groups converted from
  the Phoenix dictionaries (older, consulted after the tables above).

Entries are matched on spaCy tokens, so each pattern is tokenised with the
same tokenizer as the text ("U.S." stays one token on both sides).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tidings.words import words

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    capital: str
    wikidata: str | None


@dataclass(frozen=True, slots=True)
class Office:
    name: str
    iso3: str
    sector: str
    role: str
    start: str
    end: str  # "" while in office
    wikidata: str | None

    def holds_on(self, day: str | None) -> bool:
        if day is None:
            return not self.end
        return self.start <= day and (not self.end or day < self.end)


@dataclass(frozen=True, slots=True)
class Term:
    """One Phoenix code of a known actor, with the dates it applies (ISO, "" = open)."""

    code: str
    start: str
    end: str

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def holds_on(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)


#: Phoenix.Countries.actors.txt was generated from CountryInfo.140130 (2014-01-30).
PHOENIX_VINTAGE = "2014-01-30"
#: How long after the later of the vintage and a term's start an open-ended term is
#: still believed: about one term of office. Past that, the person is known but their
#: office is not, and they are coded as an elite (ELI) of their country.
TRUST_YEARS = 4


def _plus_years(day: str, years: int) -> str:
    return f"{int(day[:4]) + years:04d}{day[4:]}"


@dataclass(frozen=True, slots=True)
class Known:
    """A person, institution or group of ``phoenix_actors.tsv`` with its coded terms."""

    name: str
    kind: str  # person or organisation
    terms: tuple[Term, ...]
    source: str

    def code_on(self, day: str | None) -> tuple[str, bool]:
        """The code that applies on ``day`` and whether the actor is past (or stale in) its terms.

        A dated term that holds wins (the latest begun); else Phoenix's undated
        fallback; else, after the last term, that term's code (the caller makes it
        an ex-official); before the first, the first. A person's open-ended term
        counts as past once it is more than ``TRUST_YEARS`` older than the
        dictionary's evidence for it.
        """
        dated = [t for t in self.terms if t.dated]
        plain = [t for t in self.terms if not t.dated]
        now = [t for t in dated if not t.end] if day is None else [t for t in dated if t.holds_on(day)]
        if now:
            term = max(now, key=lambda t: t.start)
            if (
                self.kind == "person"
                and day is not None
                and not term.end
                and day > _plus_years(max(PHOENIX_VINTAGE, term.start), TRUST_YEARS)
            ):
                return term.code, True  # an open term the dictionary last saw years ago: stale
            return term.code, False
        if plain:
            return plain[0].code, False
        if day is not None and all(t.end and t.end < day for t in dated):
            return max(dated, key=lambda t: t.end).code, True
        return min(dated, key=lambda t: t.start or "0").code, False


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched phrase means: ``kind`` is country, adjective, region, metonym, igo, agent, person, people
    or known.

    ``key`` is the iso3, IGO code, sector, person name, or (known) the row in ``ActorLexicon.known``;
    for a people, its country or "" where it lives in several.
    """

    kind: str
    key: str  # iso3, region code, IGO code, sector or person name
    sector2: str = ""
    later: str = ""  # igo: "CODE@YYYY-MM-DD|..." codes the group takes from those days on
    name: str = ""  # igo: the row's own name (several national bodies share a code: USABUS)


@dataclass(slots=True)
class Trie:
    """Longest-match lookup of token sequences (lower-cased)."""

    root: dict[str, object] = field(default_factory=dict)

    def add(self, tokens: list[str], entry: Entry, *, cased: bool) -> None:
        # A name written lower-case in the table ("al-Qaeda") is matched in any case; an
        # acronym ("PAN", "DEA") only as written, so that "Pan Am" is not Mexico's PAN.
        cased = cased and bool(tokens) and tokens[0][:1].isupper()
        exact = " ".join(tokens) if cased and _acronym(tokens) else ""
        node = self.root
        for tok in tokens:
            node = node.setdefault(tok.lower(), {})  # type: ignore[assignment]
        entries: list[tuple[Entry, bool, str]] = node.setdefault("", [])  # type: ignore[assignment]
        if (entry, cased, exact) not in entries:
            entries.append((entry, cased, exact))

    def longest(self, words: list[str], start: int) -> tuple[int, list[tuple[Entry, bool, str]]]:
        """The end index and entries of the longest phrase starting at ``start``."""
        node = self.root
        best: tuple[int, list[tuple[Entry, bool, str]]] = (start, [])
        for i in range(start, len(words)):
            nxt = node.get(words[i].lower())
            if not isinstance(nxt, dict):
                break
            node = nxt
            if "" in node:
                best = (i + 1, node[""])  # type: ignore[assignment]
        return best


def _acronym(tokens: list[str]) -> bool:
    """A one-word name in capitals of two or three letters ("PAN", "DEA"; "Nato" and "Isis" are also
    written so), or a short one with a capital inside ("LeT", "JeM": never the word "let")."""
    if len(tokens) != 1 or not tokens[0].isalpha():
        return False
    word = tokens[0]
    return (2 <= len(word) <= 3 and word.isupper()) or (len(word) <= 5 and any(c.isupper() for c in word[1:]))


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = DATA / name
    with path.open(encoding="utf-8") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


#: Agent nouns that take no plural -s ("police", "staff").
NO_PLURAL_NOUNS = words("actors", "no_plural_nouns")


def plurals(phrase: str) -> list[str]:
    """Regular English plurals of a noun phrase's last word ("riot policeman" -> "riot policemen")."""
    head, _, last = phrase.rpartition(" ")
    pre = head + " " if head else ""
    forms = {phrase}
    if last.endswith("man"):
        forms.add(pre + last[:-3] + "men")
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms.add(pre + last[:-1] + "ies")
    elif last.endswith(("s", "x", "ch", "sh")):
        forms.add(pre + last + "es")
    elif last not in NO_PLURAL_NOUNS:
        forms.add(pre + last + "s")
    return sorted(forms)


@dataclass(slots=True)
class ActorLexicon:
    countries: dict[str, Country]
    offices: dict[str, list[Office]]  # canonical person name -> terms
    person_alias: dict[str, set[str]]  # lower-cased alias -> canonical names
    igo_names: dict[str, str]  # IGO code -> name
    igo_wikidata: dict[str, str]  # row name -> Q-id; IGO/NGO code -> the umbrella body's Q-id
    agents: dict[str, tuple[str, str]]  # phrase -> (sector, sector2)
    trie: Trie
    known: list[Known] = field(default_factory=list)
    swapped: dict[str, Entry] = field(default_factory=dict)  # "Kazahks" -> the entry of "Kazakhs"

    def offices_of(self, person: str) -> list[Office]:
        return self.offices.get(person, [])

    def match(self, words: list[str], start: int) -> tuple[int, list[Entry]]:
        """Longest dictionary phrase at ``start``; proper names must be capitalised in the text."""
        end, found = self.trie.longest(words, start)
        if end == start:
            typo = self.swapped.get(words[start]) if words[start][:1].isupper() else None
            return (start + 1, [typo]) if typo is not None else (start, [])
        first = words[start]
        written = " ".join(words[start:end])
        ok = [e for e, cased, exact in found if (not cased or first[:1].isupper()) and (not exact or exact == written)]
        return (end, ok) if ok else (start, [])


def build(tokenize: Callable[[str], list[str]]) -> ActorLexicon:
    """Read every table and index its phrases with ``tokenize``."""
    trie = Trie()
    countries: dict[str, Country] = {}
    for row in _rows("countries.tsv"):
        iso3 = row["iso3"]
        countries[iso3] = Country(iso3, row["name"], row.get("capital", ""), row.get("wikidata") or None)
        for name in [row["name"], *_split(row.get("aliases", ""))]:
            trie.add(tokenize(name), Entry("country", iso3), cased=True)
            if name.lower().startswith("the "):
                trie.add(tokenize(name[4:]), Entry("country", iso3), cased=True)
        for adj in _split(row.get("adjectives", "")):
            trie.add(tokenize(adj), Entry("adjective", iso3), cased=True)
        for met in _split(row.get("metonyms", "")):
            trie.add(tokenize(met), Entry("metonym", iso3), cased=True)
            if met.lower().startswith("the "):
                trie.add(tokenize(met[4:]), Entry("metonym", iso3), cased=True)
    igo_names: dict[str, str] = {}
    igo_wikidata: dict[str, str] = {}
    for row in _rows("igos.tsv"):
        code = row["code"]
        # Several rows may share a code (UN agencies): the first, the umbrella body, names it.
        igo_names.setdefault(code, row["name"])
        if row.get("wikidata"):
            # by the row's own name, and (international bodies only) by the code for the umbrella
            # body; national bodies share codes (every US company is USABUS), so never by theirs
            igo_wikidata[row["name"]] = row["wikidata"]
            if code.startswith(("IGO", "NGO")):
                igo_wikidata.setdefault(code, row["wikidata"])
        later = row.get("later", "")
        for name in [row["name"], *_split(row.get("aliases", ""))]:
            entry = Entry("igo", code, later=later, name=row["name"])
            trie.add(tokenize(name), entry, cased=True)
            if name.lower().startswith("the "):
                trie.add(tokenize(name[4:]), entry, cased=True)
    for item in words("actors", "region_words"):
        phrase, _, code = item.partition("=")
        trie.add(tokenize(phrase), Entry("region", code), cased=True)
    for row in _rows("peoples.tsv"):
        for form in _split(row["forms"]):
            trie.add(tokenize(form), Entry("people", row.get("iso3", "")), cased=True)
    agents: dict[str, tuple[str, str]] = {}
    for row in _rows("agents.tsv"):
        phrase, sector = row["phrase"].lower(), row["sector"]
        if not phrase or not sector:
            continue
        agents[phrase] = (sector, row.get("sector2", ""))
        for form in plurals(phrase):
            trie.add(tokenize(form), Entry("agent", sector, row.get("sector2", "")), cased=False)
            if form.endswith(".") and " " not in form:
                # "Sen.", "Gen.": one token in a sentence, two in a bare phrase
                trie.add([form], Entry("agent", sector, row.get("sector2", "")), cased=False)
    offices: dict[str, list[Office]] = {}
    person_alias: dict[str, set[str]] = {}
    for row in _rows("officeholders.tsv"):
        name = row["name"]
        offices.setdefault(name, []).append(
            Office(
                name,
                row["iso3"],
                row["sector"],
                row["role"],
                row["start"],
                row.get("end", ""),
                row.get("wikidata") or None,
            )
        )
        for alias in [name, *_split(row.get("aliases", ""))]:
            person_alias.setdefault(alias.lower(), set()).add(name)
            trie.add(tokenize(alias), Entry("person", name), cased=True)
    known: list[Known] = []
    for row in _rows("phoenix_actors.tsv"):
        terms = []
        for cell in _split(row["codes"]):
            code, _, span = cell.partition("@")
            start, _, end = span.partition("/")
            terms.append(Term(code, start, end))
        if not terms:
            continue
        key = str(len(known))
        known.append(Known(row["name"], row["kind"], tuple(terms), row.get("source", "")))
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            trie.add(tokenize(alias), Entry("known", key), cased=True)
    lex = ActorLexicon(countries, offices, person_alias, igo_names, igo_wikidata, agents, trie, known)
    lex.swapped = _swapped_names(trie)
    return lex


def swaps(word: str) -> set[str]:
    """``word`` with two neighbouring letters exchanged, the commonest typing slip ("Kazahks")."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1) if word[i] != word[i + 1]}


def _swapped_names(trie: Trie) -> dict[str, Entry]:
    """One-word country names and demonyms of six letters or more with two neighbouring letters
    swapped (not the first), to their entry; a slip that spells another name is left out."""
    names: dict[str, Entry] = {}
    for row in _rows("countries.tsv"):
        for kind, cells in (
            ("country", [row["name"], *_split(row["aliases"])]),
            ("adjective", _split(row["adjectives"])),
        ):
            for word in cells:
                if " " not in word and len(word) >= 6 and word.isalpha() and word[:1].isupper():
                    names[word] = Entry(kind, row["iso3"])
    out: dict[str, Entry] = {}
    clash: set[str] = set()
    for word, entry in names.items():
        for slip in swaps(word):
            if slip in out and out[slip] != entry:
                clash.add(slip)
            out[slip] = entry
    return {w: e for w, e in out.items() if w not in clash and trie.longest([w], 0)[0] == 0 and w not in names}


def fold_name(name: str) -> str:
    """Lower case without accents: "Bādghīs" -> "badghis"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


# One-word division names that are also common English words, plus names news uses for something
# else (Meta, Kurdistan): they give an actor no country.
COMMON_WORD_REGIONS = words("actors", "common_word_regions")


@lru_cache(maxsize=1)
def admin1_countries() -> dict[str, str]:
    """First-order divisions (states, provinces, regions) of ``geo_admin1.tsv`` -> their country.

    Names of one country only, so that "Rakhine rebels" or "Sindh police" get a
    country; names several countries share ("Central", "Eastern Province") and
    short forms ("NT") are left out.
    """
    seen: dict[str, set[str]] = {}
    for row in _rows("geo_admin1.tsv"):
        for name in [row["name"], *_split(row.get("aliases", ""))]:
            if len(name) >= 4 and name[:1].isupper() and not name.lower().startswith("the "):
                seen.setdefault(fold_name(name), set()).add(row["country"])
    return {name: next(iter(cs)) for name, cs in seen.items() if len(cs) == 1 and name not in COMMON_WORD_REGIONS}


@lru_cache(maxsize=1)
def default_lexicon() -> ActorLexicon:
    """The packaged tables, tokenised with a blank English tokenizer (no model needed)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return build(lambda s: [t.text for t in tokenizer(s)])
