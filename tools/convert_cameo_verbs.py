#!/usr/bin/env python3
"""Convert the PETRARCH2 CAMEO verb dictionary into the tidings event-lexicon language.

    python3 tools/convert_cameo_verbs.py            # writes tidings/data/event_lexicon_cameo.tsv
    python3 tools/convert_cameo_verbs.py --check    # exit 1 if the file is stale
    python3 tools/convert_cameo_verbs.py --stats    # also print what was skipped, by reason

Input: ``../shared/eval/reference/CAMEO.2.0.txt`` (openeventdata/petrarch2 @676801c,
MIT licence), or ``--source PATH``. Plain python3, standard library only.

How the dictionary is read (PETRARCH2's ``PETRreader.read_verb_dictionary``):

* ``&NAME`` synsets, members on ``+WORD`` lines; ``_`` joins words; a member or a
  label ending in ``_`` gets no plural.
* verb blocks ``--- NAME [CODE] ---``; each synonym line is a verb (``{...}`` lists
  its irregular forms, ``[CODE]`` its own code, else the block's code);
  ``+VERB_PARTICLE`` is a phrasal verb (``+WAGE_WAR``: the verb with its object).
  A verb belongs to the first block that lists it (PETRARCH2 stores it with
  ``setdefault``).
* PETRARCH2 applies every pattern of a block to every verb of the block; most
  patterns carry a comment naming the verb they were written for (``# EXPRESS``,
  ``# PULLED_OUT``), and "set" + ``* DIPLOMAT [161]`` (written for BASE) or
  "abate" + ``* OFF ATTACK`` are not what the authors meant. So a pattern is
  applied to the verb its comment names (in its block, else wherever that verb
  is listed), and to every verb of its block only when the comment names none
  (``--all-verbs`` restores PETRARCH2's reading: about 22,500 lines instead of
  3,400, and a lower petr2-gsr score).
* pattern lines ``- PRE * POST [CODE]``: ``*`` the verb, ``+`` the target, ``$`` the
  source, ``^`` a skipped phrase, ``(P ...)`` a prepositional phrase, ``{A B}`` a
  noun phrase whose head is its last word, ``A/B`` alternatives, ``&SET`` a synset.
  When the same pattern is given twice with different codes the later one wins,
  as in PETRARCH2 (its pattern tree stores the code by assignment).
* codes ``[A:B]`` code A for source -> target and B for the reverse direction:
  A is kept, B dropped; ``[:B]`` (reverse only) cannot be expressed.

What the tidings language can say (see the header of event_lexicon.tsv): a trigger
lemma (``lemma+particle`` for phrasal verbs), ``obj=`` head lemmas of the direct
object (a two-word ``modifier+head`` matches the object with the word before it),
``has=`` a word among the arguments, ``prep=`` a governed preposition and ``tgt=``
where the target is. A pattern maps as

    - * NOUN                -> lemma obj=noun|nouns
    - * {MOD NOUN}          -> lemma obj=mod+noun|mod+nouns
    - * PARTICLE NOUN       -> lemma+particle obj=noun|nouns
    - * (P)  /  (P +)       -> lemma prep=p tgt=p
    - * (P NOUN)            -> lemma prep=p has=noun|nouns
    - * NOUN (P NOUN2)      -> lemma obj=noun|nouns prep=p has=noun2|noun2s
    - * +                   -> lemma tgt=dobj
    - * P +  (TABARI style) -> lemma prep=p tgt=p

and everything else is skipped and counted by reason (see --stats).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "eval" / "reference" / "CAMEO.2.0.txt"
OUT = ROOT / "tidings" / "data" / "event_lexicon_cameo.tsv"
CODEBOOK = ROOT / "tidings" / "data" / "cameo.tsv"


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Bare lines dropped (the verb's specific patterns -- obj=, has=, prep= -- are kept).
# GENERIC_VERBS: light and reporting verbs that would code an event in almost every
# news sentence. POLYSEMOUS_VERBS: WordNet synonyms in a CAMEO block whose common
# news sense is not the block's event ("increase" in BOOST [060], "die" in DIE
# [190], "disappoint" in DISMAY [110], "issue" in GRANT [060]), and whole blocks
# whose bare code is a vague statement (ESTIMATE, PREDICT, EXPLAIN_VERBAL [010]).
GENERIC_VERBS = words(
    """
    say tell add be have do make take give get go come see show hold put set keep leave
    call ask use find turn include continue begin start
    state report express mention comment note remark describe explain announce claim
    face meet run bring move pass open close play lead follow stand sit work serve
    look appear seem become remain stay expect hope consider think believe know want
    need try seek plan decide vote receive send carry raise return change reach enter
    provide offer allow let place post stage position base help prepare intend mean
    agree warn caution
    """
)
POLYSEMOUS_VERBS = words(
    """
    clap toast celebrate commemorate respect benefit swear assign task clear verify enable
    empower legislate tolerate countenance go+by go+through catch grab snatch attire furnish
    gear outfit render stock tender equip approach amass assemble cluster conglomerate
    congregate conjoin constellate converge flock gather get+together huddle join unite deal
    amplify augment boost compound deepen enhance enlarge escalate exaggerate expand heighten
    increase intensify magnify redouble step+up circulate diffuse dispense disperse dissipate
    distribute propagate scatter spread disseminate associate concert resettle resolve settle
    concern involve utter verbalise verbalize contain enclose cage contemplate excogitate
    meditate mull muse ponder reason reconsider ruminate speculate weigh conform correlate
    harmonise harmonize integrate organise organize synchronise synchronize unionise unionize
    declare pronounce ordain proclaim tend ward look+after bid campaign crusade necessitate
    press push push+ahead lecture remove dismiss best break break+away break+off bust disarm
    dominate master overcome overshadow overtake overwhelm surmount ruin shatter ravish
    desolate die acknowledge admit confess confide divulge expose profess reveal unveil
    disclose humble degrade debase disappoint discourage dishearten dismay sadden disarray
    disorder suspect agitate agonise agonize annoy badger bother bridle+at discomfit
    disconcert disquiet distress disturb frustrate harass harry hassle irk irritate pester
    plague rag torment upset vex dock outline accentuate emphasise emphasize enunciate
    highlight impress pinpoint punctuate spotlight stress underline underscore constitute
    establish found institute circle ring cheer enliven galvanize inspire invigorate
    revitalize rouse spur engage enroll assess calculate count estimate figure gauge measure
    reassesment score sum tally total articulate assert cite clarify clear+up communicate
    convey define depict detail elucidate explicate expound impart inform narrate rationalize
    refer blast blow fire fire+off extract pluck pull abate ameliorate appease assuage better
    ease expediate improve mitigate simplify prefer pay pay+for tax flatten depart egress
    embark go+away go+forth go+to journey leave+behind pull+out tour touring travel walk+out
    accord issue endow entrust bequeath award find+out hear learn desire bruise contaminate
    corrupt crack damage impair mar rip spoil tarnish tear vitiate hurt harm enforce force
    reinforce impel compel import bill affect impact influence persuade tempt analyse
    ascertain check explore research study look+over acquaint innovate insert introduce
    intrude obtrude pry trespass infest inhabit reside elicit hang stamp+out cry grieve
    mourn wail weep whine lament attach bind chain connect link relate tie+in disentangle
    tease undo untie brave confront encounter run+into blend coalesce combine conflate fuse
    merge unify garner pull+together promulgate notice observe saw take+note view watch
    watch+over volunteer address administer command conduct control dictate direct enjoin
    govern handle head manage oversee prescribe regulate rule steer supervise
    supervize parade altercate assail conflict duel grapple hammer hit kick kick+off match
    pit quarrel struggle wrestle subscribe ram thump anticipate augur auspicate await
    envisage forebode foresee foreshadow foretell portend predict prefigure presage
    prognosticate gear+up groom ready train comb dig glance+over mine rake scan skim sweep
    unearth ensure certify arouse enkindle buy compensate quote reiterate restate retell
    intrude+on dishonor dishonour reassert slight exult exuberate rejoice triumph
    bemock copy echo imitate mimic repeat esteem prize detach disconnect get+out recede
    retire resurrect resuscitate revive determine cut+down stabilise stabilize beef+up
    endeavor endeavour strive abide bide fill satify submit conform+to hint counsel
    advertise advertize promote moderate constrain overturn revolutionise revolutionize
    appropriate aim exchange swap apply argue compete contend contrast counterbalance differ
    contest challenge lash bow yield despair regret cable bless sanctify solicit
    counter contribute evacuate
    """
)

# Words that are particles when they follow the verb directly (PETRARCH writes
# "SET OUT VIEWS", "PUT FORWARD {PEACE PLAN}").
PARTICLES = words("up down out off back away forward aside apart together forth ahead over around along through")
PREPOSITIONS = words(
    """
    to with against on at in into for from of by over under toward towards between among amid
    about upon across within after before near behind through around along as onto without
    beyond during outside inside throughout via like alongside
    """
)
# Synonym lines that are an inflected form or a noun, never a spaCy verb lemma.
NOT_LEMMAS = words("saw forgave forgiven worried angered touring losing concession crackdown reassesment collision")
# Second words of "+VERB_WORD" synonyms that are the verb's object, not a particle.
NOUN_PARTS = frozenset({"war", "notice", "word", "note", "flight", "leave", "shape", "sign"})
FUNCTION_WORDS = (
    PARTICLES | PREPOSITIONS | {"if", "that", "whether", "when", "unless", "and", "or", "the", "a", "an", "it", "them"}
)
NEGATIONS = frozenset({"NOT", "NO", "NEVER", "N'T", "CANNOT", "WONT", "DON'T", "DIDN'T"})

IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "serviceman": "servicemen",
    "gunman": "gunmen",
    "policeman": "policemen",
    "spokesman": "spokesmen",
    "crisis": "crises",
    "analysis": "analyses",
    "thesis": "theses",
    "diagnosis": "diagnoses",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "leaf": "leaves",
    "life": "lives",
    "knife": "knives",
    "thief": "thieves",
    "wife": "wives",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "aircraft": "aircraft",
    "sheep": "sheep",
    "fish": "fish",
    "series": "series",
    "species": "species",
    "headquarters": "headquarters",
}
SINGULARS = {v: k for k, v in IRREGULAR_PLURALS.items()}
# Words ending in -s that are not plurals of a shorter word.
NOT_PLURAL = words(
    """
    news gas bus chaos status process means arms politics economics physics ethics tactics
    logistics consensus census campus virus bonus corpus focus surplus lens bias atlas alias odds
    """
)


def plural(noun: str) -> str:
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def singular(noun: str) -> str | None:
    """The singular of a word that looks plural, else None."""
    if noun in SINGULARS:
        return SINGULARS[noun]
    if noun in NOT_PLURAL or len(noun) < 4 or not noun.endswith("s") or re.search(r"(ss|us|is|ous)$", noun):
        return None
    if noun.endswith("ies"):  # "ties" -> tie, "parties" -> party
        return noun[:-1] if len(noun) <= 4 else noun[:-3] + "y"
    if re.search(r"(ches|shes|sses|xes|zes)$", noun):
        return noun[:-2]
    return noun[:-1]


def noun_forms(word: str, *, plurals: bool = True) -> set[str]:
    """Lower-cased singular and plural of a noun ("SANCTIONS" -> sanction, sanctions)."""
    word = word.lower()
    if word.endswith("_") or not plurals:
        return {word.rstrip("_")}
    if word in NOT_PLURAL:
        return {word}
    if word.endswith("men") and len(word) > 4:  # servicemen, gunmen
        return {word, word[:-3] + "man"}
    sing = singular(word)
    if sing is not None:
        return {word, sing}
    return {word, plural(word)}


# --------------------------------------------------------------------------- #
# reading the dictionary
# --------------------------------------------------------------------------- #


class Synsets:
    def __init__(self) -> None:
        self.members: dict[str, list[tuple[tuple[str, ...], bool]]] = {}

    def add(self, label: str, member: str) -> None:
        plurals = not label.endswith("_") and not member.endswith("_")
        phrase = tuple(w for w in member.rstrip("_").replace("_", " ").split() if w)
        if phrase:
            self.members.setdefault(label, []).append((phrase, plurals))

    def expand(self, token: str) -> list[tuple[tuple[str, ...], bool]] | None:
        """Phrases a word or synset stands for: ((words...), plural-allowed)."""
        if token.startswith("&"):
            return self.members.get(token)
        return [((token,), True)]


class Block:
    def __init__(self, name: str, code: str, line: int) -> None:
        self.name = name
        self.code = code
        self.line = line
        self.verbs: list[tuple[str, str, str, set[str]]] = []  # (lemma, particle, code, inflected forms)
        self.patterns: list[tuple[int, str]] = []


def inflections(lemma: str, particle: str) -> set[str]:
    """Upper-case regular forms of a verb as they are written in pattern comments (PULLED_OUT)."""
    v = lemma.upper()
    forms = {v, v + "S", v + "ES", v + "ED", v + "D", v + "ING"}
    if v.endswith("E"):
        forms.add(v[:-1] + "ING")
    if v.endswith("Y"):
        forms |= {v[:-1] + "IES", v[:-1] + "IED"}
    if re.search(r"[^AEIOU][AEIOU][BDGKLMNPRTV]$", v):
        forms |= {v + v[-1] + "ED", v + v[-1] + "ING"}
    return {f"{f}_{particle.lstrip('=').upper()}" for f in forms} if particle else forms


def parse_code(text: str) -> str:
    m = re.search(r"\[([^\]]*)\]", text)
    return m.group(1).strip() if m else "---"


def read_dictionary(path: Path, skipped: Counter[str]) -> tuple[Synsets, list[Block]]:
    synsets = Synsets()
    blocks: list[Block] = []
    label: str | None = None
    in_verbs = False
    block: Block | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not raw.strip() or raw.startswith(("#", "<!")):
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                label = line.strip()
            elif line.startswith("+") and label:
                synsets.add(label, line.strip()[1:])
            continue
        if line.startswith("---"):
            segs = line.split()
            block = Block(segs[1], parse_code(line), n)
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            block.patterns.append((n, raw.rstrip()))
            continue
        # a synonym line: VERB {forms} [code]
        code = parse_code(line) if "[" in line else block.code
        word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
        if not word:
            continue
        form = word[0]
        if "_" in form:
            front, _, rest = form.partition("+")
            if not rest:  # no '+' marks the verb
                skipped["verb: multi-word verb without '+'"] += 1
                continue
            parts = rest.split("_")
            if front.strip("_"):
                skipped["verb: word before the verb (RE_+ARREST)"] += 1
                continue
            if len(parts) != 2 or not parts[1]:
                skipped["verb: phrasal verb of more than two words"] += 1
                continue
            lemma, particle = parts[0].lower(), parts[1].lower()
            if particle in ("and", "or"):
                skipped["verb: coordinated form (KILLED_AND)"] += 1
                continue
            if particle in NOUN_PARTS:  # "+WAGE_WAR" is the verb with its object
                particle = "=" + particle
            elif particle not in PARTICLES | PREPOSITIONS | {"free"}:
                skipped["verb: second word neither particle nor object (SEEM_CONFIDENT)"] += 1
                continue
        else:
            lemma, particle = form.lstrip("+").lower(), ""
        if "-" in lemma or not re.fullmatch(r"[a-z]+", lemma):
            skipped["verb: hyphenated or non-alphabetic (spaCy splits it)"] += 1
            continue
        irregular = re.search(r"\{([^}]*)\}", line)
        forms = {f.replace("+", "").upper() for f in (irregular.group(1).split() if irregular else [])}
        block.verbs.append((lemma, particle, code, forms | inflections(lemma, particle)))
    return synsets, blocks


# --------------------------------------------------------------------------- #
# codes
# --------------------------------------------------------------------------- #


def load_codebook(path: Path) -> set[str]:
    codes = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "code\t")) or not line.strip():
            continue
        codes.add(line.split("\t", 1)[0].strip())
    return codes


class Coder:
    def __init__(self, codebook: set[str], skipped: Counter[str]) -> None:
        self.codebook = codebook
        self.skipped = skipped
        self.remapped: Counter[tuple[str, str]] = Counter()

    def resolve(self, raw: str, what: str) -> str | None:
        """The tidings code for a dictionary code, or None (and a count) when it has none."""
        first, colon, _second = raw.partition(":")
        first = first.strip()
        if colon and not first:
            self.skipped[f"{what}: reverse-direction code only [:X]"] += 1
            return None
        if first in ("---", ""):
            self.skipped[f"{what}: null code [---]"] += 1
            return None
        if not re.fullmatch(r"\d{2,4}", first):
            self.skipped[f"{what}: malformed code [{raw}]"] += 1
            return None
        code = first
        while code not in self.codebook and len(code) > 2:
            code = code[:-1]
        if code not in self.codebook:
            self.skipped[f"{what}: code not in cameo.tsv"] += 1
            return None
        if code != first:
            self.remapped[(first, code)] += 1
        return code


# --------------------------------------------------------------------------- #
# patterns
# --------------------------------------------------------------------------- #


class Skip(Exception):
    pass


def tokenize(post: str) -> list[object]:
    """Items of the part after '*': ('np', [words]) / ('pp', [preps], [items]) / '+' / '$' / '^'."""
    text = re.sub(r"\s+", " ", post).strip()
    items: list[object] = []
    toks = re.findall(r"\([^)]*\)?|\{[^}]*\}?|[^\s(){}]+", text)
    for tok in toks:
        if tok.startswith("("):
            inner = tok.strip("()").split()
            if not inner:
                raise Skip("malformed pattern")
            preps = [p.lower() for p in inner[0].split("/")]
            sub: list[object] = []
            for t in re.findall(r"\{[^}]*\}?|[^\s{}]+", " ".join(inner[1:])):
                sub.append(("np", t.strip("{}").split()) if t.startswith("{") else (t if t in "+$^%" else ("np", [t])))
            items.append(("pp", preps, sub))
        elif tok.startswith("{"):
            items.append(("np", tok.strip("{}").split()))
        elif tok in ("+", "$", "^", "%"):
            items.append(tok)
        else:
            items.append(("np", [tok]))
    return items


def np_forms(phrase: list[str], synsets: Synsets) -> set[str]:
    """obj=/has= values for a noun phrase: its head in singular and plural, with one modifier."""
    alternatives: list[list[tuple[tuple[str, ...], bool]]] = []
    for w in phrase:
        if "/" in w and not w.startswith("&"):
            alts = [((a,), True) for a in w.split("/") if a]
        else:
            alts = synsets.expand(w) or []
            if not alts:
                raise Skip("undefined synset")
        alternatives.append(alts)
    out: set[str] = set()

    def walk(k: int, acc: list[str], plurals: bool) -> None:
        if k == len(alternatives):
            if len(acc) > 2:
                return
            head = acc[-1]
            heads = noun_forms(head, plurals=plurals)
            for h in heads:
                phrase = [*acc[:-1], h]
                if any("-" in p or "'" in p or not re.fullmatch(r"[a-z][a-z.]*", p) for p in phrase):
                    continue
                out.add("+".join(phrase))
            return
        for words_, pl in alternatives[k]:
            walk(k + 1, acc + [w.lower() for w in words_], pl if k == len(alternatives) - 1 else plurals)

    walk(0, [], True)
    if not out:
        raise Skip("noun phrase of more than two words")
    return out


def convert_pattern(post: str, synsets: Synsets) -> list[dict[str, object]]:
    """The constraint sets (one per preposition alternative) a pattern's post-verb part maps to."""
    items = tokenize(post)
    if "$" in items or any(isinstance(x, tuple) and x[0] == "pp" and "$" in x[2] for x in items):
        raise Skip("source slot ($)")
    if (
        "^" in items
        or "%" in items
        or any(isinstance(x, tuple) and x[0] == "pp" and ("^" in x[2] or "%" in x[2]) for x in items)
    ):
        raise Skip("skip/compound marker (^ %)")
    if any(isinstance(x, tuple) and x[0] == "np" and x[1][0].upper() in NEGATIONS for x in items):
        raise Skip("negated form")
    particle = ""
    # a leading particle: "SET OUT VIEWS", "PUT FORWARD {PEACE PLAN}"
    if items and isinstance(items[0], tuple) and items[0][0] == "np" and len(items[0][1]) == 1:
        w = items[0][1][0].lower()
        if w in PARTICLES and not (
            w in PREPOSITIONS and len(items) > 1 and isinstance(items[1], tuple) and items[1][0] == "np"
        ):
            particle = w
            items = items[1:]
    # TABARI style bare prepositions: "TALKS WITH +", "ON TRIP"
    merged: list[object] = []
    k = 0
    while k < len(items):
        x = items[k]
        if isinstance(x, tuple) and x[0] == "np" and len(x[1]) == 1 and x[1][0].lower() in PREPOSITIONS:
            prep = x[1][0].lower()
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt == "+":
                merged.append(("pp", [prep], ["+"]))
                k += 2
                continue
            if isinstance(nxt, tuple) and nxt[0] == "np":
                merged.append(("pp", [prep], [nxt]))
                k += 2
                continue
            raise Skip("word order (bare preposition)")
        # "(AGAINST) +": the target is that preposition's object
        if isinstance(x, tuple) and x[0] == "pp" and not x[2] and k + 1 < len(items) and items[k + 1] == "+":
            merged.append(("pp", x[1], ["+"]))
            k += 2
            continue
        merged.append(x)
        k += 1
    items = merged
    nps = [x for x in items if isinstance(x, tuple) and x[0] == "np"]
    pps = [x for x in items if isinstance(x, tuple) and x[0] == "pp"]
    targets = [x for x in items if x == "+"]
    pp_nps = [s for p in pps for s in p[2] if isinstance(s, tuple)]
    if any(w.lower() in FUNCTION_WORDS for x in nps + pp_nps for w in x[1]):
        raise Skip("word order (function word inside a phrase)")
    if len(nps) > 1:
        raise Skip("several noun phrases")
    tgt: list[str] = []
    if targets:
        if items[0] != "+" or len(targets) > 1:
            raise Skip("word order (target after a noun)")
        tgt.append("dobj")
    obj: set[str] = np_forms(nps[0][1], synsets) if nps else set()
    noun_pps = [p for p in pps if any(isinstance(s, tuple) for s in p[2])]
    bare_pps = [p for p in pps if not any(isinstance(s, tuple) for s in p[2])]
    # "(OUT)", "(UP)": a particle written as a preposition
    for bp in list(bare_pps):
        if not bp[2] and len(bp[1]) == 1 and bp[1][0] in PARTICLES - PREPOSITIONS and not particle:
            particle = bp[1][0]
            bare_pps.remove(bp)
    if any(p[1] == ["by"] and all(x in ("+",) for x in p[2]) for p in bare_pps):
        # tidings reads a passive's "by" phrase as the source, so it cannot be the target
        raise Skip("target in a passive's (BY) phrase")
    if len(noun_pps) > 1:
        raise Skip("several prepositional phrases with nouns")
    if len(bare_pps) > 1:
        raise Skip("several prepositional phrases")
    has: set[str] = set()
    prep_alts: list[str] = [""]
    if noun_pps:
        p = noun_pps[0]
        nouns = [s for s in p[2] if isinstance(s, tuple)]
        if len(nouns) > 1 or "+" in p[2]:
            raise Skip("word order (target inside a noun phrase)")
        has = np_forms(nouns[0][1], synsets)
        if any("+" in h for h in has):
            raise Skip("two-word noun in a prepositional phrase")
        prep_alts = p[1]
    tgt_alts: list[list[str]] = [tgt]
    if bare_pps:
        bp = bare_pps[0]
        if noun_pps:
            tgt_alts = [[*tgt, q] for q in bp[1]]
        else:
            prep_alts = bp[1]
            tgt_alts = [[*tgt, q] for q in bp[1]]
    out = []
    for prep in prep_alts:
        for tg in tgt_alts:
            if bare_pps and not noun_pps and prep not in tg:
                continue
            out.append({"particle": particle, "obj": obj, "has": has, "prep": prep, "tgt": tg})
    if not any([particle, obj, has, prep_alts != [""], tgt]):
        out = [{"particle": "", "obj": set(), "has": set(), "prep": "", "tgt": []}]
    return out


# --------------------------------------------------------------------------- #
# assembling the lexicon
# --------------------------------------------------------------------------- #


def dropped(lemma: str, particle: str) -> str:
    """Why a verb's bare line is dropped ("" when it is kept)."""
    trig = f"{lemma}+{particle.lstrip('=')}" if particle else lemma
    if trig in GENERIC_VERBS or (lemma in GENERIC_VERBS and not particle):
        return "generic"
    if trig in POLYSEMOUS_VERBS:
        return "polysemous"
    return ""


def render(lemma: str, r: dict[str, object]) -> str:
    trig = f"{lemma}+{r['particle']}" if r["particle"] else lemma
    parts = [trig]
    if r["obj"]:
        parts.append("obj=" + "|".join(sorted(r["obj"])))
    if r["has"]:
        parts.append("has=" + "|".join(sorted(r["has"])))
    if r["prep"]:
        parts.append(f"prep={r['prep']}")
    if r["tgt"]:
        parts.append("tgt=" + ",".join(r["tgt"]))
    return " ".join(parts)


def specificity(r: dict[str, object]) -> int:
    return bool(r["obj"]) * 2 + bool(r["has"]) * 2 + bool(r["prep"]) + bool(r["particle"])


def convert(
    source: Path, codebook: set[str], *, all_verbs: bool = False
) -> tuple[list[str], Counter[str], dict[str, object]]:
    skipped: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    synsets, blocks = read_dictionary(source, skipped)
    coder = Coder(codebook, skipped)
    owner: dict[tuple[str, str], str] = {}
    bare: dict[tuple[str, str], tuple[str, str]] = {}
    dropped_bare: dict[str, set[str]] = defaultdict(set)
    # (lemma, particle, prep, has, tgt, obj-word) -> (code, block): later lines win
    table: dict[tuple, tuple[str, str]] = {}
    conflicts: set[int] = set()
    n_patterns = 0
    block_verbs: dict[int, list[tuple[str, str, set[str]]]] = {}
    form_index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for block in blocks:
        block_verbs[id(block)] = []
        for lemma, particle, raw_code, forms in block.verbs:
            key = (lemma, particle)
            if lemma in NOT_LEMMAS:
                skipped["verb: an inflected form or a noun, not a verb lemma (SAW, CONCESSION)"] += 1
                continue
            if key in owner:
                skipped["verb: listed again in a later block (first block wins)"] += 1
                continue
            owner[key] = block.name
            block_verbs[id(block)].append((lemma, particle, forms))
            for f in forms:
                form_index[f].append(key)
            code = coder.resolve(raw_code, "bare verb") if raw_code else None
            if code is None:
                continue
            why = dropped(lemma, particle)
            if why:
                dropped_bare[why].add(f"{lemma}+{particle.lstrip('=')}" if particle else lemma)
                skipped[f"bare verb: {why} verb, bare line dropped"] += 1
                continue
            bare[key] = (code, block.name)
    for block in blocks:
        block_forms = block_verbs[id(block)]
        verbs = [(lm, pt) for lm, pt, _ in block_forms]
        for n, raw in block.patterns:
            n_patterns += 1
            body = raw[1:].split("#", 1)[0]
            m = re.search(r"\[([^\]]*)\]\s*$", body.rstrip())
            if not m:
                skipped["pattern: no code"] += 1
                continue
            raw_code = m.group(1)
            body = body[: m.start()]
            if body.count("*") != 1:
                skipped["pattern: malformed (no single '*')"] += 1
                continue
            pre, post = body.split("*")
            pre_words = pre.split()
            if pre_words:
                if any(w.upper() in NEGATIONS for w in pre_words):
                    skipped["pattern: negated form"] += 1
                elif "$" in pre or "+" in pre:
                    skipped["pattern: source/target before the verb (word order)"] += 1
                else:
                    skipped["pattern: words before the verb (subject/auxiliary)"] += 1
                continue
            if not verbs:
                skipped["pattern: block has no usable verb"] += 1
                continue
            code = coder.resolve(raw_code, "pattern")
            if code is None:
                continue
            try:
                rules = convert_pattern(post, synsets)
            except Skip as exc:
                skipped[f"pattern: {exc.args[0]}"] += 1
                continue
            targets = verbs
            if not all_verbs:
                comment = raw.split("#", 1)[1].split() if "#" in raw else []
                origin = comment[0].strip(",").upper() if comment else ""
                named = [(lm, pt) for lm, pt, fs in block_forms if origin in fs]
                if not named and "_" in origin:  # "RULED_OUT" for the block's plain RULE
                    head, _, prt = origin.partition("_")
                    if prt.lower() in PARTICLES | PREPOSITIONS:
                        named = [(lm, prt.lower()) for lm, pt, fs in block_forms if not pt and head in fs]
                if named:
                    targets = named
                    origins["named"] += 1
                elif form_index.get(origin):  # the comment names a verb of another block
                    targets = sorted(set(form_index[origin]))
                    origins["named, in another block"] += 1
                elif any(r["particle"] for r in rules):
                    skipped["pattern: particle pattern with no verb named in its comment"] += 1
                    continue
                else:
                    origins["unnamed"] += 1
            for lemma, vparticle in targets:
                for r in rules:
                    if r["particle"] and vparticle:
                        continue  # "+PULL_OUT" with "* UP ...": not this verb's pattern
                    particle = r["particle"] or vparticle
                    plain = not (r["obj"] or r["has"] or r["prep"] or r["tgt"] or r["particle"])
                    if plain:
                        # "- * [CODE]" only restates the verb's bare code
                        why = dropped(lemma, particle)
                        if why:
                            dropped_bare[why].add(f"{lemma}+{particle.lstrip('=')}" if particle else lemma)
                            continue
                        bare[(lemma, particle)] = (code, block.name)
                        continue
                    objs = r["obj"]
                    if particle.startswith("="):  # "+WAGE_WAR": the object is part of the verb
                        if objs:
                            continue
                        objs, particle = noun_forms(particle[1:]), ""
                    base = (lemma, particle, r["prep"], frozenset(r["has"]), tuple(r["tgt"]))
                    for w in sorted(objs) or [None]:
                        k = (*base, w)
                        if k in table and table[k][0] != code:
                            conflicts.add(n)
                        table[k] = (code, block.name)
    # regroup obj words per (trigger, constraints, code)
    grouped: dict[tuple, set[str]] = defaultdict(set)
    for (lemma, particle, prep, has, tgt, w), (code, bname) in table.items():
        objs = grouped[(lemma, particle, prep, has, tgt, code, bname)]
        if w:
            objs.add(w)
    rows: list[tuple[tuple, str]] = []
    for (lemma, particle), (code, bname) in bare.items():
        r = {"particle": particle, "obj": set(), "has": set(), "prep": "", "tgt": []}
        if particle.startswith("="):
            r["particle"], r["obj"] = "", noun_forms(particle[1:])
        rows.append(((lemma, particle, 0, 0, render(lemma, r)), f"{render(lemma, r)}\t{code}\tCAMEO {bname}"))
    for (lemma, particle, prep, has, tgt, code, bname), objs in grouped.items():
        r = {"particle": particle, "obj": objs, "has": set(has), "prep": prep, "tgt": list(tgt)}
        text = render(lemma, r)
        two_word = max((o.count("+") for o in objs), default=0)
        rows.append(((lemma, particle, -specificity(r), -two_word, text), f"{text}\t{code}\tCAMEO {bname}"))
    rows.sort(key=lambda x: (x[0], x[1]))
    seen: set[str] = set()
    lines = []
    for _, line in rows:
        if line not in seen:
            seen.add(line)
            lines.append(line)
    info = {
        "blocks": len(blocks),
        "verbs": len(owner),
        "patterns_read": n_patterns,
        "bare_lines": len(bare),
        "conflicts": len(conflicts),
        "dropped_bare": {k: sorted(v) for k, v in dropped_bare.items()},
        "remapped": coder.remapped,
        "origins": origins,
    }
    return lines, skipped, info


HEADER = """\
# tidings event lexicon, converted from the PETRARCH2 CAMEO verb dictionary.
# GENERATED FILE, do not edit: regenerate with
#     python3 tools/convert_cameo_verbs.py
# Source: CAMEO.2.0.txt, openeventdata/petrarch2 @676801c (a composite of the TABARI
# CAMEO verb dictionaries and WordNet synsets), MIT licence:
#
#   The MIT License (MIT)
#
#   Copyright (c) 2014 Open Event Data
#   (CAMEO.2.0.txt itself: Copyright (c) 2015 Open Event Data Alliance)
#
#   Permission is hereby granted, free of charge, to any person obtaining a copy of
#   this software and associated documentation files (the "Software"), to deal in
#   the Software without restriction, including without limitation the rights to
#   use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
#   the Software, and to permit persons to whom the Software is furnished to do so,
#   subject to the following conditions:
#
#   The above copyright notice and this permission notice shall be included in all
#   copies or substantial portions of the Software.
#
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
#   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
#   FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
#   COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
#   IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
#   CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Same pattern language as event_lexicon.tsv (see its header). The hand-written
# event_lexicon.tsv wins over this file wherever both have a pattern for the same
# trigger: the loader reads both and tries a hand pattern first unless a pattern
# from this file is more specific by an extra obj= or has= constraint.
# The third column names the CAMEO verb block a line came from. Lines are sorted
# by trigger, then most specific first. Bare lines of generic and polysemous verbs
# are left out (their specific patterns are kept); the lists, and what else the
# converter skipped and why, are in README.md (section event_lexicon_cameo.tsv).
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the output file is stale")
    ap.add_argument("--stats", action="store_true", help="print counts and skip reasons")
    ap.add_argument(
        "--all-verbs",
        action="store_true",
        help="apply each pattern to every verb of its block (PETRARCH2's reading), "
        "not only to the verb its comment names",
    )
    args = ap.parse_args(argv)
    lines, skipped, info = convert(args.source, load_codebook(CODEBOOK), all_verbs=args.all_verbs)
    text = HEADER + "\n".join(lines) + "\n"
    if args.stats:
        n_verbs = len({ln.split("\t")[0].split()[0] for ln in lines})
        print(f"blocks {info['blocks']}, verbs read {info['verbs']}, patterns read {info['patterns_read']}")
        print(f"lines written {len(lines)} ({info['bare_lines']} bare), triggers {n_verbs}")
        o = info["origins"]
        print(
            f"patterns applied to the verb their comment names: {o['named']} (+{o['named, in another block']}"
            f" naming a verb listed in another block), to the whole block: {o['unnamed']}"
        )
        print(
            f"pattern lines overriding an earlier line's code for the same constraint (later wins): {info['conflicts']}"
        )
        print("skipped:")
        for reason, n in sorted(skipped.items(), key=lambda x: (-x[1], x[0])):
            print(f"  {n:5d}  {reason}")
        print("codes mapped to a parent:", dict(info["remapped"]))
        for why, verbs in sorted(info["dropped_bare"].items()):
            print(f"bare lines dropped ({why}, {len(verbs)}):", " ".join(verbs))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale: run python3 tools/convert_cameo_verbs.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
