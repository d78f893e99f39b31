"""Events stage: who did what to whom, from the dependency parse and the event lexicon.

For every verb (and event noun: "protests", "crackdown") whose lemma is in
the lexicon, the most specific matching pattern gives the CAMEO code; the
source comes from the subject (or the "by" agent of a passive, or the subject
inherited through "and"/"to" chains), the target from the slots the pattern
names. Coordinated targets make one event each. Modality and negation come
from the verb's auxiliaries and the verbs above it; the date and place come
from the event's own clause first, then its sentence, then the story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.lexicon import DEFAULT_TARGETS, EventLexicon, Pattern, default_lexicon
from tidings.events.ontology import lookup
from tidings.model import Actor, ActorRef, Article, Event, Place, Sentence, Span
from tidings.syntax import clause_head, conjuncts, phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

SAY_VERBS = frozenset(
    {"say", "allege", "claim", "report", "tell", "state", "insist", "accuse", "add", "assert", "argue", "suggest"}
)
INTENT_VERBS = frozenset(
    {"agree", "plan", "intend", "promise", "pledge", "vow", "want", "seek", "decide", "aim", "hope", "prepare", "offer"}
)
DEMAND_VERBS = frozenset({"demand", "urge", "call", "ask", "press", "request"})
NEGATING_VERBS = frozenset({"refuse", "decline", "fail", "deny", "reject"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
# People named by their tie to someone else: the phrase does not stand for that someone.
RELATIONAL_NOUNS = frozenset(
    {
        "ally",
        "friend",
        "relative",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "aide",
        "associate",
        "rival",
        "critic",
        "opponent",
        "supporter",
        "lawyer",
        "widow",
        "mother",
        "father",
        "adviser",
        "advisor",
    }
)
SPEECH_ACT_VERBS = frozenset(
    {"say", "declare", "announce", "insist", "reiterate", "state", "stress", "warn", "tell", "conclude", "add"}
)
INTENT_ADJECTIVES = frozenset({"willing", "prepared", "ready", "determined", "eager", "keen", "set", "poised"})
PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "unrest", "riot"})
# Verbs that say an event noun happened ("protests broke out"): such a noun is an
# event even with no actor named; elsewhere ("curb the protests") it only refers to one.
OCCUR_VERBS = frozenset(
    {
        "break",
        "erupt",
        "take",
        "continue",
        "spread",
        "hold",
        "stage",
        "organise",
        "organize",
        "rage",
        "begin",
        "start",
        "sweep",
        "flare",
        "escalate",
        "resume",
        "occur",
        "happen",
        "call",
        "join",
        "lead",
        "draw",
    }
)
# Deps under a trigger whose words are still its arguments (for has= and target search).
ARG_DEPS_BLOCKED = frozenset({"nsubj", "csubj", "relcl", "advcl", "ccomp", "conj", "parataxis", "punct", "mark", "cc"})
# A stated intention recodes an event to CAMEO's "express intent to ..." code.
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "0841": "0353",
    "085": "0354",
    "0871": "0356",
    "0874": "0356",
}
# A cooperative act refused: CAMEO's 12x codes.
REJECT_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# A coercive or violent act announced for later ("will extend the curfew", "may halt
# mediation if ...") is a threat: CAMEO's 13x codes.
THREAT_CODES = {
    "16": "130",
    "161": "130",
    "162": "131",
    "163": "132",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "137",
    "172": "132",
    "18": "138",
    "19": "138",
    "20": "138",
}


def _arg_tokens(trigger: Token) -> list[Token]:
    """Words among the trigger's arguments: objects, prepositional phrases, xcomp chains."""
    out: list[Token] = []
    stack = [c for c in trigger.children if c.dep_ not in ARG_DEPS_BLOCKED]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "advcl", "ccomp", "parataxis", "punct"))
    return out


def _objects(trigger: Token) -> list[Token]:
    """Direct objects (or passive subjects) of a verb, through 'to using X' style chains."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return []
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if not objs and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        objs = [trigger.head]  # "detainees beaten by police": the noun is the patient
    if not objs:
        for c in trigger.children:
            if c.dep_ in ("xcomp", "pcomp") or (c.dep_ == "prep" and c.children):
                for cc in c.children:
                    if cc.dep_ in ("dobj", "pcomp"):
                        objs.extend(x for x in ([cc] if cc.dep_ == "dobj" else cc.children) if x.dep_ == "dobj")
    return [o for obj in objs for o in conjuncts(obj)]


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb and whether it was inherited from another verb."""
    if depth > 4:
        return None, True
    if _is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return cc, depth > 0
        return None, depth > 0
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c, depth > 0
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head, depth + 1)  # "Norway is willing to send ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head, True
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return _subject(verb.head.head, depth + 1) if verb.head.head.pos_ in ("VERB", "AUX") else (None, True)
    if verb.dep_ == "advcl" and (
        verb.tag_ == "VBG" or any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    ):
        return _subject(verb.head, depth + 1)  # "..., sending troops", "... to help defend X"
    return None, True


class MentionIndex:
    """Answers 'which actor does this token stand for?' from the actors stage's mentions."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.spans: list[tuple[Span, Actor]] = sorted(
            ((m, a) for a in article.actors for m in a.mentions), key=lambda x: (x[0].start, -(x[0].end - x[0].start))
        )

    def at(self, tok: Token) -> ActorRef | None:
        """The mention containing the token, preferring the smallest span."""
        best: tuple[Span, Actor] | None = None
        for span, actor in self.spans:
            if span.start <= tok.idx < span.end and (
                best is None or span.end - span.start < best[0].end - best[0].start
            ):
                best = (span, actor)
        return ActorRef(best[1], best[0]) if best else None

    def all_at(self, tok: Token) -> list[ActorRef]:
        """Every actor of the smallest mention containing the token (several for
        "agitators from Poland and the Netherlands")."""
        best = self.at(tok)
        if best is None:
            return []
        return [ActorRef(a, s) for s, a in self.spans if s.start == best.span.start and s.end == best.span.end]

    def resolve(self, tok: Token) -> ActorRef | None:
        """The actor a phrase stands for: its head's mention, else the first mention inside it."""
        refs = self.resolve_all(tok)
        return refs[0] if refs else None

    def resolve_all(self, tok: Token) -> list[ActorRef]:
        refs = self.all_at(tok)
        if refs:
            return refs
        if tok.lemma_.lower() in RELATIONAL_NOUNS:
            return []  # "a close ally of Putin" is not Putin
        for t in sorted(phrase_tokens(tok), key=lambda t: t.i):
            refs = self.all_at(t)
            if refs:
                # "action against the United States and South Korea": both.
                head = tok.doc.char_span(refs[0].span.start, refs[0].span.end, alignment_mode="expand")
                for c in conjuncts(head.root if head is not None else t)[1:]:
                    refs += [r for r in self.all_at(c) if all(r.actor.id != x.actor.id for x in refs)]
                return refs
        return []


def ensure_actor(article: Article, *, country: str | None, sector: str | None, name: str, span: Span) -> Actor:
    """The actor with this code, created when the article has none, with ``span`` as a mention."""
    code = (country or "") + (sector or "")
    kind = "agent" if sector else "country"
    return article.adopt_actor(
        lambda a: a.code == code and a.kind == kind,
        lambda n: Actor(n, name, code or "---", country, sector, None, kind),
        span,
    )


class EventCoder:
    """Pipeline stage: sets ``article.events`` (needs ``doc``, ``actors``, ``times``, ``places``)."""

    name = "events"
    requires: tuple[str, ...] = ("doc", "actors", "times", "places")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, *, lexicon: EventLexicon | None = None) -> None:
        self.lex = lexicon or default_lexicon()

    # -- matching -------------------------------------------------------
    def _candidates(self, tok: Token) -> list[Pattern]:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            for form in verb_lemmas(tok):
                if form in self.lex.verbs:
                    return self.lex.verbs[form]
            return []
        if tok.pos_ in ("NOUN", "PROPN"):
            pats = list(self.lex.nouns.get(lemma, []))
            prev = tok.doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.dep_ == "compound":
                pats = self.lex.nouns.get(f"{prev.lemma_.lower()} {lemma}", []) + pats
            return pats
        return []

    def _fits(self, p: Pattern, tok: Token, index: MentionIndex) -> bool:
        # "crack down on": the particle may be parsed as a preposition or adverb too.
        if p.particle and not any(c.lower_ == p.particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children):
            return False
        if p.prep and not any(c.dep_ in ("prep", "dative") and c.lower_ == p.prep for c in tok.children):
            return False
        objs = _objects(tok)
        if p.obj:
            # The object's head, its compounds and what it measures: "aid deliveries",
            # "25,000 tons of food aid", "part of a military aid programme".
            heads = list(objs)
            for o in objs:
                heads += [c for c in o.children if c.dep_ == "compound"]
                heads += [
                    g
                    for c in o.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                heads += [c for g in heads[len(objs) :] for c in g.children if c.dep_ == "compound"]
            lemmas = {o.lemma_.lower() for o in heads} | {o.lower_ for o in heads}
            lemmas |= {f"{o.doc[o.i - 1].lower_} {o.lower_}" for o in heads if o.i > 0}
            if not lemmas & p.obj:
                return False
        if p.people:
            refs = [index.resolve(o) for o in objs]
            if not any(r and (r.actor.kind in ("person", "agent")) for r in refs):
                return False
        if p.has:
            args = _arg_tokens(tok)
            words = {t.lemma_.lower() for t in args} | {t.lower_ for t in args}
            if tok.pos_ in ("NOUN", "PROPN"):
                words |= {t.lemma_.lower() for t in tok.sent}
            if not words & p.has:
                return False
        return True

    # -- arguments ------------------------------------------------------
    def _targets(
        self, p: Pattern, trigger: Token, index: MentionIndex, article: Article, source: ActorRef | None = None
    ) -> list[ActorRef]:
        args = _arg_tokens(trigger)
        # "Russia closed its borders with Iran": a slot that only names the source again
        # ("its") gives no target; the next slot may.
        not_source = source.actor.id if source is not None else -1
        # A verb may take its target from any usual slot; an event noun only from its own
        # ("protests against X"), not from "blame for the protests on agitators".
        noun = trigger.pos_ in ("NOUN", "PROPN")
        slots = list(p.targets) if noun else list(dict.fromkeys([*p.targets, *DEFAULT_TARGETS]))
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
            # "protests broke out against X": the target hangs on the verb of the noun.
            args += [c for c in trigger.head.children if c.dep_ == "prep"]
        for slot in slots:
            if slot == "dobj":
                toks = _objects(trigger)
            elif slot == "dative":
                toks = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            else:
                preps = [
                    t for t in [*trigger.children, *args] if t.dep_ in ("prep", "dative", "agent") and t.lower_ == slot
                ]
                toks = [o for pr in preps for c in pr.children if c.dep_ == "pobj" for o in conjuncts(c)]
            refs = [r for t in toks for r in self._refs(t, index, article) if r.actor.id != not_source]
            if refs:
                return _unique(refs)
        # "demanded that the US cancel ...": the one asked is the subject of the clause.
        for c in trigger.children:
            if c.dep_ == "ccomp":
                subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                refs = self._refs(subj, index, article) if subj is not None else []
                if refs:
                    return _unique(refs)
        # "arrived in Amman": a place stands for its country.
        for t in args:
            if t.dep_ == "pobj" and t.head.lower_ in ("in", "to"):
                place = next((pl for pl in article.places if pl.start <= t.idx < pl.end and pl.country), None)
                if place is not None and place.country:
                    span = Span(place.text, place.start, place.end)
                    actor = ensure_actor(article, country=place.country, sector=None, name=place.name, span=span)
                    return [ActorRef(actor, span)]
        # A repression verb's target may sit in its purpose clause ("to curb the protests").
        for c in args:
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
                refs = [r for o in _objects(c) for r in self._refs(o, index, article)]
                if refs:
                    return _unique(refs)
        return []

    def _refs(self, tok: Token, index: MentionIndex, article: Article) -> list[ActorRef]:
        refs = index.resolve_all(tok)
        if not refs and tok.lemma_.lower() in PROTEST_NOUNS:
            refs = [self._protesters(tok, article)]
        return refs

    def _protesters(self, tok: Token, article: Article) -> ActorRef:
        """Protests with no named protesters: the protesters of the place they happen in."""
        country = _phrase_country(article, tok) or article.focus_country
        cname = next((a.name for a in article.actors if a.kind == "country" and a.country == country), country or "")
        span = Span(tok.text, tok.idx, tok.idx + len(tok.text))
        actor = ensure_actor(article, country=country, sector="OPP", name=f"{cname} protesters".strip(), span=span)
        return ActorRef(actor, span)

    def _source(self, trigger: Token, index: MentionIndex, article: Article) -> tuple[ActorRef | None, bool]:
        if trigger.pos_ in ("NOUN", "PROPN"):
            for c in trigger.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for cc in c.children:
                        if cc.dep_ == "pobj":
                            return index.resolve(cc), False
            for c in trigger.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    ref = index.at(c)
                    if ref is not None:
                        return ref, False
            if trigger.lemma_.lower() in PROTEST_NOUNS:
                return self._protesters(trigger, article), True
            return None, True
        subj, inherited = _subject(trigger)
        if subj is None:
            return None, True
        return index.resolve(subj), inherited

    # -- modality -------------------------------------------------------
    @staticmethod
    def _modality(trigger: Token, source: ActorRef | None, index: MentionIndex) -> tuple[str, bool]:
        negated = any(c.dep_ == "neg" for c in trigger.children) or (
            trigger.dep_ == "pcomp" and trigger.head.lower_ == "without"
        )
        aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
        modality = "asserted"
        if aux & {"will", "shall", "'ll"}:
            modality = "future"
        elif aux & {"must"}:
            modality = "demanded"  # "Libya must hand over the suspects": asked of Libya, not done by it
        elif aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in trigger.children):
            modality = "hypothetical"
        t = trigger
        for _ in range(4):
            if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or t.head.i == t.i:
                break
            head = t.head
            lemma = head.lemma_.lower()
            found = None  # the nearest frame wins: "said it agreed to resign" is an intention
            if t.dep_ == "xcomp" and lemma in NEGATING_VERBS:
                negated = True
            if (t.dep_ == "xcomp" and (lemma in INTENT_VERBS or lemma in INTENT_ADJECTIVES)) or (
                t.dep_ == "ccomp" and lemma in ("agree", "decide", "pledge", "promise", "vow")
            ):
                found = "intended"  # "agreed to resign", "is willing to send", "agreed that they should"
            elif lemma in DEMAND_VERBS and t.dep_ in ("xcomp", "ccomp"):
                found = "demanded"
            elif lemma in SAY_VERBS and t.dep_ == "ccomp":
                speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
                sref = index.resolve(speaker) if speaker is not None else None
                if sref is None or source is None or sref.actor.id != source.actor.id:
                    found = "reported_claim"
                if lemma == "deny":
                    negated = True
            if found is not None and modality == "asserted":
                modality = found
            if head.pos_ == "ADJ" and head.head.i != head.i:
                head = head.head  # "is willing to": climb past the adjective
            t = head
        return modality, negated

    # -- date and place -------------------------------------------------
    @staticmethod
    def _date(article: Article, trigger: Token, sentence: Sentence, lede: str | None) -> tuple[str | None, str | None]:
        doc = trigger.doc
        own, sent = None, None
        root = trigger.sent.root
        for t in article.times:
            if t.day is None or not (sentence.start <= t.start < sentence.end):
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            head = clause_head(span.root)
            event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
            if head.i == event_clause.i and own is None:
                own = t.day
            elif head.i == root.i and sent is None:
                sent = t.day
        if own:
            return own, "clause"
        if sent:
            return sent, "sentence"
        if lede:
            return lede, "lede"
        return article.published, "published" if article.published else None

    @staticmethod
    def _place(article: Article, trigger: Token, sentence: Sentence) -> tuple[Place | None, str | None]:
        doc = trigger.doc
        event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
        in_sentence = [p for p in article.places if p.role == "location" and sentence.start <= p.start < sentence.end]
        for p in in_sentence:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None and clause_head(span.root).i == event_clause.i:
                return p, "clause"
        if in_sentence:
            return in_sentence[0], "sentence"
        if article.dateline is not None:
            d = next((p for p in article.places if p.start == article.dateline.start), None)
            if d is not None:
                return d, "dateline"
        return None, None

    # -- the stage ------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        doc = article.doc
        if doc is None:
            return article
        index = MentionIndex(article)
        lede = next((t.day for t in article.times[:4] if t.day and t.start < _lede_end(article)), None)
        events: list[Event] = []
        seen: set[tuple[str, int, int, int]] = set()
        fired: set[int] = set()
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.head.i in fired:
                continue  # "staged a protest": the verb's event already covers the noun
            for p in [*self._candidates(tok), *_speech_act(tok)]:
                if not self._fits(p, tok, index):
                    continue
                found = self._events(p, tok, index, article, lede, seen)
                if found:
                    fired.add(tok.i)
                events.extend(found)
                break
        article.events = merge_mentions(events)
        return article

    def _events(
        self,
        p: Pattern,
        trigger: Token,
        index: MentionIndex,
        article: Article,
        lede: str | None,
        seen: set[tuple[str, int, int, int]],
    ) -> list[Event]:
        sentence = article.sentence_at(trigger.idx)
        if sentence is None:
            return []
        source, inherited = self._source(trigger, index, article)
        targets: list[ActorRef | None] = list(self._targets(p, trigger, index, article, source)) if p.targets else []
        if not targets:
            targets = [None]
        if trigger.pos_ in ("NOUN", "PROPN") and inherited and targets == [None] and not _occurs(trigger):
            return []  # a noun that only refers back to an event ("blame for the protests")
        # "Putin and Lukashenko talked": the second subject is the other party.
        if targets == [None] and source is not None and p.code[:2] in ("04", "05", "06", "03"):
            subj, _ = _subject(trigger) if trigger.pos_ == "VERB" else (None, True)
            if subj is not None:
                others = [index.resolve(c) for c in conjuncts(subj)[1:]]
                targets = [r for r in others if r is not None] or [None]
        if source is not None and (targets == [None] or p.code[:2] in ("03", "04", "05", "06")):
            # "The two sides agreed": a mention standing for two actors acts between them.
            partner: list[ActorRef | None] = [
                ActorRef(a, s) for s, a in index.spans if s == source.span and a is not source.actor
            ]
            targets = partner[:1] or targets
        modality, negated = self._modality(trigger, source, index)
        code = p.code
        if (
            negated
            and code[:2] in REJECT_CODES
            and (modality in ("future", "intended", "hypothetical") or _refused(trigger))
        ):
            # "refused to allow", "will not accept": a cooperative act declined is a rejection.
            code, negated = REJECT_CODES[code[:2]], False
        elif modality in ("future", "intended") or (modality == "hypothetical" and p.code[:2] in INTENT_CODES):
            code = INTENT_CODES.get(code, INTENT_CODES.get(code[:3], INTENT_CODES.get(code[:2], code)))
        if modality in ("future", "hypothetical") and not negated and not code.startswith("12"):
            code = THREAT_CODES.get(code[:3], THREAT_CODES.get(code[:2], code))
        entry = lookup(code)
        date, date_source = self._date(article, trigger, sentence, lede)
        place, place_source = self._place(article, trigger, sentence)
        out: list[Event] = []
        for target in targets:
            if target is not None and source is not None and target.actor.id == source.actor.id:
                target = None
            if source is None and target is None:
                continue
            key = (code, source.actor.id if source else 0, target.actor.id if target else 0, sentence.index)
            if key in seen:
                continue
            seen.add(key)
            confidence = 0.3 + 0.025 * min(p.specificity, 4) + (0.25 if source else 0) + (0.15 if target else 0)
            confidence -= 0.1 if inherited else 0
            confidence -= 0.1 if modality in ("hypothetical", "reported_claim", "demanded") else 0
            # The sentence's own predicate is what the sentence reports; a relative clause
            # or an event noun ("after the protests") is background.
            confidence += 0.15 if _main_predicate(trigger) else 0
            confidence -= 0.1 if trigger.pos_ in ("NOUN", "PROPN") else 0
            out.append(
                Event(
                    cameo=entry.code,
                    root=entry.root,
                    plover=entry.plover,
                    plover_mode=entry.plover_mode,
                    quad_class=entry.quad_class,
                    goldstein=entry.goldstein,
                    source=source,
                    target=target,
                    trigger=Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
                    sentence=sentence,
                    negated=negated,
                    modality=modality,
                    date=date,
                    date_source=date_source,
                    place=place,
                    place_source=place_source,
                    confidence=max(0.05, min(0.95, confidence)),
                    pattern=p.text if p.origin in ("", "event_lexicon.tsv") else f"{p.origin}: {p.text}",
                    name=entry.name,
                )
            )
        return out


def _refused(tok: Token) -> bool:
    """The verb is what someone refused or declined to do ("refused to allow")."""
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        if t.head.lemma_.lower() in NEGATING_VERBS:
            return True
        t = t.head
    return False


def _speech_act(tok: Token) -> list[Pattern]:
    """What a verb of saying does by its clause: "X said Y must go" demands (100) of Y,
    "X warned that Y would pay" threatens (130) Y. Used when the lexicon has no pattern."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in SPEECH_ACT_VERBS:
        return []
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return []
    aux = {c.lower_ for c in comp.children if c.dep_ == "aux"}
    if lemma == "warn":
        code = "130"
    elif aux & {"must", "should"}:
        code = "100"
    else:
        return []
    return [
        Pattern(lemma, "", False, code, frozenset(), frozenset(), "", ("ccomp",), False, f"{lemma} that ... {code}")
    ]


def _main_predicate(tok: Token) -> bool:
    """True for the root verb and the verbs it chains to by "and" or "to"."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ not in ("conj", "xcomp"):
            return False
        t = t.head
    return True


def verb_lemmas(tok: Token) -> list[str]:
    """The lemma, then forms rebuilt from the word when the lemmatizer slips ("staged" -> "stag")."""
    out = [tok.lemma_.lower()]
    w = tok.lower_
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    elif w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # "planned" -> "plan"
    elif w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    elif w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    return out


def _occurs(noun: Token) -> bool:
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and set(verb_lemmas(noun.head)) & OCCUR_VERBS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in OCCUR_VERBS for c in noun.children)


def _same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is None or b is None or a.actor.id == b.actor.id


def merge_mentions(events: list[Event]) -> list[Event]:
    """One event per happening in an article: a later report of the same code between
    the same actors (a missing side matches any) on a compatible date becomes a mention."""
    out: list[Event] = []
    for ev in events:
        for prior in out:
            if (
                prior.cameo == ev.cameo
                and prior.negated == ev.negated
                and _same_side(prior.source, ev.source)
                and _same_side(prior.target, ev.target)
                and (prior.date == ev.date or "clause" not in (prior.date_source, ev.date_source))
            ):
                # Keep the fuller record first; the other becomes a mention of it.
                if (ev.source is not None) + (ev.target is not None) > (prior.source is not None) + (
                    prior.target is not None
                ):
                    prior.source = prior.source or ev.source
                    prior.target = prior.target or ev.target
                prior.mentions.append(ev.trigger)
                prior.confidence = min(0.95, max(prior.confidence, ev.confidence) + 0.05)
                break
        else:
            out.append(ev)
    return out


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[int] = set()
    out = []
    for r in refs:
        if r.actor.id not in seen:
            seen.add(r.actor.id)
            out.append(r)
    return out


def _lede_end(article: Article) -> int:
    """The end of the lede: the first two sentences."""
    return article.sentences[min(1, len(article.sentences) - 1)].end if article.sentences else 0


def _phrase_country(article: Article, tok: Token) -> str | None:
    """The country of a place named inside the noun's own phrase ("protests in Minsk")."""
    idx = {t.idx for t in phrase_tokens(tok)}
    for p in article.places:
        if p.country and p.role == "location" and p.start in idx:
            return p.country
    return None
