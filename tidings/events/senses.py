"""Which sense of an ambiguous trigger a sentence uses: the CAMEO act it names, or none.

"Strike" is a labour strike (143) when workers do it, force (19x) when jets or
missiles do it or targets are hit, a deal (057) when a deal is struck, and no event
at all when a quake strikes or a player strikes the ball; "attacked the plan" is
criticism (111), "attacked from the opening whistle" play. The verb alone does not
tell; its doer, its object, its instrument, the words around it and the kind of
story the article is do.

The rules are data (``tidings/data/senses.tsv``, format at its top) over cue lists
(``tidings/data/words/senses.toml``). For a trigger, the first rule whose conditions
all hold gives its reading: ``none`` (no event) or a CAMEO code, which keeps the
lexicon's more specific patterns of that code's root and otherwise codes the trigger
with the code itself. :func:`sense_patterns` applies it to the lexicon's candidates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from tidings.errors import TidingsError
from tidings.events.arguments import arg_tokens, is_passive, subject
from tidings.events.lexicon import DEFAULT_TARGETS, Pattern
from tidings.events.ontology import lookup
from tidings.syntax import conjuncts, sentence_of, sentence_tokens, tokens
from tidings.words import word_lists, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.mentions import MentionIndex

RULES = Path(__file__).resolve().parent.parent / "data" / "senses.tsv"
WORD_KEYS = frozenset({"subj", "obj", "args", "prep", "prt", "sent", "comp"})
FLAG_KEYS = frozenset({"agentless", "intrans", "clause", "score", "naming", "bare", "described"})
KEYS = WORD_KEYS | FLAG_KEYS | {"story", "objkind"}
STORIES = ("political", "sport", "business", "weather", "science", "culture")
#: An article whose political words are fewer than this share of its domain words is a
#: story of its largest other domain (sport, business, weather, science, culture), when
#: that domain has at least :data:`DOMAIN_WORDS` words (a sentence alone tells no story).
POLITICAL_SHARE = 1 / 3
DOMAIN_WORDS = 6
#: The reading of a rule that leaves the lexicon's patterns as they are.
LEXICON = "lexicon"
_SCORE = re.compile(r"(?<![\d.,/-])\d{1,3} ?[-–] ?\d{1,3}(?!\d|[.,/]\d|-\w)")
_PEOPLE_PRONOUNS = frozenset(
    {"him", "her", "them", "us", "me", "you", "he", "she", "they", "we", "i", "himself", "herself", "themselves"}
)
_PEOPLE_KINDS = frozenset({"person", "agent", "group"})


@dataclass(frozen=True, slots=True)
class Condition:
    key: str
    values: frozenset[str]
    negate: bool = False  # KEY!=VALUES


@dataclass(frozen=True, slots=True)
class SenseRule:
    verbs: frozenset[str]
    nouns: frozenset[str]
    conditions: tuple[Condition, ...]
    reading: str | None  # a CAMEO code, LEXICON (the lexicon decides), or None: no event
    text: str  # the rule as written, for provenance


def parse_rule(line: str, where: str) -> SenseRule:
    """One line of ``senses.tsv``; a clear ``T047`` error names the line when it is malformed."""
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 3:
        raise TidingsError("T047", f"{where}: expected 'triggers<TAB>conditions<TAB>reading', got {line.strip()!r}")
    triggers, conds, reading = (c.strip() for c in cols[:3])
    verbs = frozenset(t for t in triggers.split("|") if t and not t.startswith("n:"))
    nouns = frozenset(t[2:] for t in triggers.split("|") if t.startswith("n:"))
    conditions = tuple(_condition(c, where) for c in conds.split() if c != "-")
    if reading == "none":
        code = None
    elif reading == LEXICON:
        code = LEXICON
    else:
        try:
            code = lookup(reading).code
        except KeyError as exc:
            raise TidingsError("T047", f"{where}: {exc.args[0]}") from exc
    return SenseRule(verbs, nouns, conditions, code, "\t".join(c.strip() for c in cols[:3]))


def _condition(text: str, where: str) -> Condition:
    key, sep, value = text.partition("=")
    negate = key.endswith("!")
    key = key.rstrip("!")
    if not sep or key not in KEYS or not value:
        raise TidingsError("T047", f"{where}: unknown condition {text!r}")
    if negate and key not in WORD_KEYS:
        raise TidingsError("T047", f"{where}: {key}!= is not allowed, only {', '.join(sorted(WORD_KEYS))}")
    values: set[str] = set()
    for v in value.split("|"):
        if v.startswith("@"):
            lists = word_lists("senses")
            if v[1:] not in lists:
                raise TidingsError("T047", f"{where}: no word list {v[1:]!r} in data/words/senses.toml")
            values |= lists[v[1:]]
        else:
            values.add(v.lower())
    if key == "story" and values - set(STORIES):
        raise TidingsError("T047", f"{where}: story= takes {', '.join(STORIES)}")
    if key == "objkind" and values - {"people", "thing"}:
        raise TidingsError("T047", f"{where}: objkind= takes people or thing")
    if key in FLAG_KEYS and values != {"yes"}:
        raise TidingsError("T047", f"{where}: {key}= takes yes")
    return Condition(key, frozenset(values), negate)


def load_rules(path: Path) -> list[SenseRule]:
    """Every rule of a sense file, in file order."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip() and not line.startswith("#"):
                out.append(parse_rule(line, f"{path.name}:{n}"))
    return out


@cache
def default_rules() -> dict[tuple[bool, str], list[SenseRule]]:
    """The rules of ``data/senses.tsv`` by (noun?, lemma), each list in file order."""
    table: dict[tuple[bool, str], list[SenseRule]] = {}
    for rule in load_rules(RULES):
        for lemma in rule.verbs:
            table.setdefault((False, lemma), []).append(rule)
        for lemma in rule.nouns:
            table.setdefault((True, lemma), []).append(rule)
    return table


def sense_patterns(patterns: list[Pattern], tok: Token, lemma: str, index: MentionIndex | None = None) -> list[Pattern]:
    """The patterns a trigger may still be coded by once its sense is known: none when
    its sense is no event; those of the sense's root (and the sense's own code) when a
    rule names one; ``patterns`` unchanged when no rule applies."""
    rule = sense_of(tok, lemma, index)
    if rule is None or rule.reading == LEXICON:
        return patterns
    if rule.reading is None:
        return []
    code = rule.reading
    kept = [p for p in patterns if p.code[:2] == code[:2] and (p.specificity > 0 or p.code == code)]
    if any(p.specificity == 0 for p in kept):
        return kept
    noun = tok.pos_ in ("NOUN", "PROPN")
    own = Pattern(lemma, "", noun, code, frozenset(), frozenset(), "", DEFAULT_TARGETS, False, rule.text, "senses.tsv")
    return [*kept, own]


def sense_of(tok: Token, lemma: str, index: MentionIndex | None = None) -> SenseRule | None:
    """The first rule for the trigger whose conditions all hold, or None."""
    noun = tok.pos_ in ("NOUN", "PROPN")
    rules = default_rules().get((noun, lemma))
    if not rules:
        return None
    cues = _Cues(tok, index)
    for rule in rules:
        if all(cues.holds(c) for c in rule.conditions):
            return rule
    return None


class _Cues:
    """What a trigger's sentence and article say about its sense, found once when asked."""

    def __init__(self, tok: Token, index: MentionIndex | None) -> None:
        self.tok = tok
        self.index = index
        self.noun = tok.pos_ in ("NOUN", "PROPN")
        self._words: dict[str, set[str]] = {}

    def holds(self, c: Condition) -> bool:
        if c.key in WORD_KEYS:
            found = self.words(c.key)
            if c.negate:
                return not (found & c.values) if c.key == "sent" else bool(found) and not (found & c.values)
            return bool(found & c.values)
        if c.key == "story":
            return story_domain(self.tok.doc) in c.values
        if c.key == "objkind":
            kinds = self.object_kinds()
            return bool(kinds) and ("people" in kinds if c.values == {"people"} else "people" not in kinds)
        if c.key == "agentless":
            return not self.noun and is_passive(self.tok) and not any(x.dep_ == "agent" for x in self.tok.children)
        if c.key == "intrans":
            return not self.noun and not direct_objects(self.tok)
        if c.key == "clause":
            return any(x.dep_ in ("ccomp", "csubj") or (x.dep_ == "dobj" and x.tag_ == "WP") for x in self.tok.children)
        if c.key == "naming":
            return any(x.dep_ == "oprd" for x in self.tok.children)  # "called the move illegal"
        if c.key == "described":
            # "hackers backed by the Chinese state", "troops, backed by militias": a participle
            # that says what a noun is, not what was done in the news
            return self.tok.dep_ == "acl" and self.tok.tag_ == "VBN"
        if c.key == "bare":
            # "his lawyers said they would appeal": no object, no phrase, no clause
            return not self.noun and not any(
                x.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "prep", "dative", "ccomp", "xcomp")
                for x in self.tok.children
            )
        if c.key == "score":
            return bool(_SCORE.search(sentence_of(self.tok).text))
        return False

    def words(self, key: str) -> set[str]:
        if key not in self._words:
            self._words[key] = clause_words(self.tok) if key == "comp" else _forms(self._tokens(key))
        return self._words[key]

    def _tokens(self, key: str) -> list[Token]:
        tok = self.tok
        if key == "subj":
            return doer(tok, self.index)
        if key == "obj":
            return patient(tok)
        if key == "args":
            return arg_tokens(tok)
        if key == "prep":
            return [c for c in tok.children if c.dep_ in ("prep", "agent", "dative")]
        if key == "prt":
            return [c for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.tag_ == "RP")]
        return sentence_tokens(tok)

    def object_kinds(self) -> set[str]:
        return {_kind(o, self.index) for o in direct_objects(self.tok)} if not self.noun else set()


def clause_words(tok: Token) -> set[str]:
    """The verb and auxiliaries of the clause a trigger governs ("insisted that X should be
    held": should, be, hold), and "subjunctive" for a bare verb ("insisted that he be freed")."""
    out: set[str] = set()
    for c in tok.children:
        # "X must go, the minister insisted": a clause told before its verb of saying
        fronted = c.dep_ in ("advcl", "parataxis") and c.i < tok.i and any(x.dep_ == "nsubj" for x in c.children)
        if c.dep_ != "ccomp" and not fronted:
            continue
        aux = [a for a in c.children if a.dep_ in ("aux", "auxpass")]
        out |= {c.lemma_.lower()} | {a.lower_ for a in aux}
        if c.tag_ == "VB" and not any(a.dep_ == "aux" for a in aux):
            out.add("subjunctive")
        if any(a.tag_ == "VB" and a.lower_ == "be" for a in aux) and not any(a.dep_ == "aux" for a in aux):
            out.add("subjunctive")  # "insisted that he be released"
    return out


def _forms(toks: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}


def _with_compounds(toks: list[Token]) -> list[Token]:
    return toks + [c for t in toks for c in t.children if c.dep_ == "compound"]


def doer(tok: Token, index: MentionIndex | None = None) -> list[Token]:
    """Who or what does the act: the subject (a passive's by-agent) with its compounds, a
    pronoun with the words of the mention it stands for ("his lawyers said they would
    appeal"); for an event noun its compound, adjective, possessor or by-phrase ("workers' strike")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        out = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        out += [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"
        ]
        return _with_compounds(out)
    subj, _ = subject(tok)
    if subj is None:
        return []
    # "A magnitude 6.3 quake struck", "BOLOGNA, Italy — Torrential rain caused ...": a
    # parse may give the verb two subjects.
    subjects = [subj, *(c for c in subj.head.children if c.dep_ == "nsubj" and c is not subj)]
    out = _with_compounds([c for s in subjects for c in conjuncts(s)])
    if subj.pos_ == "PRON" and index is not None:
        ref = index.resolve(subj)
        span = tok.doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand") if ref is not None else None
        if span is not None and not (span.start <= subj.i < span.end):
            out += list(span)
    return out


def patient(tok: Token) -> list[Token]:
    """What the act is done to: the object's head, its compounds and what it measures
    ("of"); for an event noun, its on/against/at phrase."""
    if tok.pos_ in ("NOUN", "PROPN"):
        heads = [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at") for g in c.children
        ]
        return _with_compounds([g for g in heads if g.dep_ == "pobj"])
    objs = direct_objects(tok)
    heads = list(objs)
    for o in objs:
        heads += [
            g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    return _with_compounds(heads)


def direct_objects(verb: Token) -> list[Token]:
    """The verb's own objects (a passive's subject; for "detainees beaten by police" the
    noun), not the objects of a clause or phrase below it ("attacked after receiving reports")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN":
        objs = [verb.head]
    return [o for obj in objs for o in conjuncts(obj)]


def _kind(o: Token, index: MentionIndex | None) -> str:
    """ "people" for a person or a group of people (or a number of them), else "thing"."""
    ref = index.resolve(o) if index is not None else None
    if ref is not None and o.pos_ in ("PRON", "PROPN") and (o.pos_ == "PRON" or ref.span.start <= o.idx < ref.span.end):
        # the actor a name or pronoun stands for ("seized Díaz and his wife"); a common noun
        # is told by its word ("the towns" resolved to Goma, "a tanker" to its owner tell nothing)
        return "people" if ref.actor.kind in _PEOPLE_KINDS else "thing"
    if o.lower_ in _PEOPLE_PRONOUNS or o.pos_ == "NUM" or o.ent_type_ in ("PERSON", "NORP"):
        return "people"
    lemma = o.lemma_.lower()
    return "people" if lemma in words("senses", "people") or lemma in words("events", "people_nouns") else "thing"


def story_domain(doc: Doc) -> str:
    """The kind of story the article is: "political", or its largest other domain when
    political words are under :data:`POLITICAL_SHARE` of its domain words."""
    key = "tidings.senses.story"
    if key not in doc.user_data:
        counts = domain_counts(doc)
        other = {name: counts[name] for name in STORIES[1:]}
        share = (counts["political"] + 1) / (counts["political"] + sum(other.values()) + 2)
        top = max(other, key=lambda n: other[n])
        doc.user_data[key] = top if share < POLITICAL_SHARE and other[top] >= DOMAIN_WORDS else "political"
    return str(doc.user_data[key])


_DOMAIN_COUNTS = "tidings.senses.domain_counts"


def domain_counts(doc: Doc) -> Counter[str]:
    """How many of the article's nouns and adjectives are words of each domain (``STORIES``)."""
    # Kept on the doc: the senses and the acceptance of the article's events both ask for it.
    counts: Counter[str] | None = doc.user_data.get(_DOMAIN_COUNTS)
    if counts is None:
        counts = doc.user_data[_DOMAIN_COUNTS] = Counter()
        by_word = _domains_by_word()
        for t in tokens(doc):
            if t.pos_ in ("NOUN", "PROPN", "ADJ"):
                counts.update(by_word.get(t.lemma_.lower(), ()))
    return counts


@cache
def _domains_by_word() -> dict[str, tuple[str, ...]]:
    """The domains (``STORIES``) each domain word belongs to."""
    out: dict[str, tuple[str, ...]] = {}
    for name in STORIES:
        for w in words("domains", name):
            out[w] = (*out.get(w, ()), name)
    return out
