"""The event lexicon: trigger patterns over lemmas with argument constraints.

The file format is documented at the top of ``tidings/data/event_lexicon.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tidings.errors import TidingsError
from tidings.events.ontology import lookup

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_TARGETS = ("dobj", "dative", "with", "against", "to", "toward", "towards", "at", "on", "into")


@dataclass(frozen=True, slots=True)
class Pattern:
    lemma: str  # the trigger's lemma, lower-cased
    particle: str  # "" or the verb particle ("over" in hand over)
    noun: bool  # an event noun ("protests") rather than a verb
    code: str
    obj: frozenset[str]
    has: frozenset[str]
    prep: str
    targets: tuple[str, ...]
    people: bool  # obj=@people
    text: str  # the pattern as written, for provenance
    origin: str = ""  # the lexicon file it came from
    need_source: bool = False  # need=source: code only when the doer is named
    need_target: bool = False  # need=target: code only when the other side is found

    @property
    def specificity(self) -> int:
        return bool(self.obj) * 2 + bool(self.has) * 2 + bool(self.prep) + bool(self.particle) + self.people * 2


def parse_line(line: str, where: str, *, origin: str = "") -> Pattern:
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 2:
        raise TidingsError("T040", f"{where}: expected 'pattern<TAB>code', got {line.strip()!r}")
    pattern, code = cols[0].strip(), cols[1].strip()
    extra = cols[2].strip() if len(cols) > 2 else ""
    words = pattern.split()
    if extra.startswith("tgt="):
        words.append(extra)
    trigger = words[0]
    noun = trigger.startswith("n:")
    trigger = trigger[2:] if noun else trigger
    lemma, _, particle = trigger.partition("+")
    if noun and particle:  # "n:phone+call" is the compound noun "phone call"
        lemma, particle = f"{lemma} {particle}", ""
    fields: dict[str, str] = {}
    for w in words[1:]:
        key, sep, value = w.partition("=")
        if not sep or key not in ("obj", "has", "prep", "tgt", "need"):
            raise TidingsError("T040", f"{where}: unknown constraint {w!r}")
        fields[key] = value
    try:
        lookup(code)
    except KeyError as exc:
        raise TidingsError("T040", f"{where}: {exc.args[0]}") from exc
    obj = {v.replace("+", " ").lower() for v in fields.get("obj", "").split("|") if v}
    people = "@people" in obj
    obj.discard("@people")
    targets = tuple(t for t in fields.get("tgt", "").split(",") if t) or DEFAULT_TARGETS
    need = {v for v in fields.get("need", "").split(",") if v}
    if need - {"source", "target"}:
        raise TidingsError("T040", f"{where}: need= takes source and/or target, got {fields['need']!r}")
    return Pattern(
        lemma=lemma.lower(),
        particle=particle.lower(),
        noun=noun,
        code=code,
        obj=frozenset(obj),
        has=frozenset(v.replace("+", " ").lower() for v in fields.get("has", "").split("|") if v),
        prep=fields.get("prep", "").lower(),
        targets=() if targets == ("none",) else targets,
        people=people,
        text=pattern,
        origin=origin,
        need_source="source" in need,
        need_target="target" in need,
    )


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]


def load(path: Path) -> EventLexicon:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            p = parse_line(line, f"{path.name}:{n}", origin=path.name)
            (nouns if p.noun else verbs).setdefault(p.lemma, []).append(p)
    for table in (verbs, nouns):
        for plist in table.values():
            plist.sort(key=lambda p: -p.specificity)
    return EventLexicon(verbs, nouns)


def merge(hand: EventLexicon, extra: EventLexicon) -> EventLexicon:
    """Hand patterns first: a converted pattern goes before a hand pattern of the same
    trigger only when it is at least 2 more specific (an extra obj= or has=)."""
    tables: list[dict[str, list[Pattern]]] = []
    for a, b in ((hand.verbs, extra.verbs), (hand.nouns, extra.nouns)):
        out: dict[str, list[Pattern]] = {}
        for k in a.keys() | b.keys():
            ranked = [(p.specificity + 1, 0, i, p) for i, p in enumerate(a.get(k, []))]
            ranked += [(p.specificity, 1, i, p) for i, p in enumerate(b.get(k, []))]
            ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
            out[k] = [t[3] for t in ranked]
        tables.append(out)
    return EventLexicon(*tables)


@lru_cache(maxsize=1)
def default_lexicon() -> EventLexicon:
    """The hand-written lexicon over the one converted from PETRARCH2's CAMEO dictionary."""
    hand = load(DATA / "event_lexicon.tsv")
    cameo = DATA / "event_lexicon_cameo.tsv"
    return merge(hand, load(cameo)) if cameo.exists() else hand
