"""A trigger's arguments in the dependency parse: its subject, objects and argument words.

Pure functions over spaCy tokens, knowing nothing of actors: the subject of a verb
(through passives, "and"/"to" chains and "asked X to" control), its objects, the
objects of a preposition, the words among its arguments, whether it is passive or
an infinitive, and the lemma forms of a verb when the lemmatizer slips.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.syntax import conjuncts, sentence_of, sentence_tokens, tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_CONTROL_VERBS = words("events", "object_control_verbs")
UNDERGO_VERBS = words("events", "undergo_verbs")
SAY_VERBS = words("events", "say_verbs")
# What a speaker goes on to do after what it said: "said the deaths were caused by gunfire and
# called on the government to ...".
SPEAKER_ACTS = words("events", "demand_verbs") | words("events", "announce_verbs") | SAY_VERBS
# Verbs by which their subject comes "under" an act done to it ("came under fire").
UNDER_VERBS = frozenset({"come", "be", "remain"})
# Relative pronouns standing for the noun their clause describes.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
# How many words a dateline before its dash may have ("PRETORIA, South Africa (WNS) —").
DATELINE_MAX = 12
# Deps under a trigger whose words are still its arguments (for has= and target search).
ARG_DEPS_BLOCKED = frozenset({"nsubj", "csubj", "relcl", "advcl", "ccomp", "conj", "parataxis", "punct", "mark", "cc"})


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


def arg_tokens(trigger: Token) -> list[Token]:
    """Words among the trigger's arguments: objects, prepositional phrases, xcomp chains."""
    out: list[Token] = []
    stack = [c for c in trigger.children if c.dep_ not in ARG_DEPS_BLOCKED]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "advcl", "ccomp", "parataxis", "punct"))
    return sorted(out, key=lambda t: t.i)  # nearest first: "relations with Congo over their ties with Israel"


_OBJECTS = "tidings.events.objects"


def objects(trigger: Token) -> list[Token]:
    """Direct objects (or passive subjects) of a verb, through 'to using X' style chains."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return []
    # Kept on the doc (as token indexes) by trigger: the matcher, the senses and the target search
    # ask for the objects of the same trigger many times, and they depend on the parse alone.
    memo: dict[int, tuple[int, ...]] = trigger.doc.user_data.setdefault(_OBJECTS, {})
    found = memo.get(trigger.i)
    if found is None:
        found = memo[trigger.i] = tuple(o.i for o in _find_objects(trigger))
    toks = tokens(trigger.doc)
    return [toks[i] for i in found]


def _find_objects(trigger: Token) -> list[Token]:
    subj_deps: tuple[str, ...] = ("nsubjpass",) if not stative(trigger) else ()
    if had_done(trigger):
        subj_deps = ("nsubjpass", "nsubj")  # "had its assets seized": the assets
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "attr", "oprd", *subj_deps)]
    if not objs and trigger.dep_ == "conj" and is_passive(trigger):
        # "Protesters gathered in the square and were dispersed by police": the protesters.
        objs = [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
    if not objs and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        objs = [trigger.head]  # "detainees beaten by police": the noun is the patient
    if not objs:
        # "denounced as an ugly crime Serbia's suppression of ...": the object moved after "as".
        objs = [
            a
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for o in c.children
            if o.dep_ == "pobj"
            for a in o.children
            if a.dep_ == "appos"
        ]
    if not objs:
        for c in trigger.children:
            if c.dep_ in ("xcomp", "pcomp") or (c.dep_ == "prep" and c.children):
                for cc in c.children:
                    if cc.dep_ in ("dobj", "pcomp"):
                        objs.extend(x for x in ([cc] if cc.dep_ == "dobj" else cc.children) if x.dep_ == "dobj")
    return [o for obj in objs for o in conjuncts(obj)]


def pobjs(prep: Token) -> list[Token]:
    """A preposition's objects; when the parser hung the noun phrase elsewhere ("granted
    asylum to [five officers] holed up in ..." with "officers" the subject of "holed"),
    the phrase that starts right after it."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if objs or prep.i + 1 >= len(prep.doc):
        return objs
    for t in prep.doc[prep.i + 1 : prep.i + 8]:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "poss") and t.left_edge.i == prep.i + 1:
            return [t]
    return []


def depth_below(tok: Token, top: Token) -> int:
    """How many arcs lead down from ``top`` to ``tok`` (99 when ``tok`` is not below it)."""
    n = 0
    while tok.i != top.i:
        if tok.head.i == tok.i or n > 30:
            return 99
        tok, n = tok.head, n + 1
    return n


def infinitive(verb: Token) -> bool:
    """The verb has its own "to": "agreed [to] lift", "sent troops [to] help"."""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)


def stative(verb: Token) -> bool:
    """ "X is opposed to Y": an adjective in passive form, whose subject is the doer."""
    return (
        verb.lower_ == "opposed"
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def is_passive(verb: Token) -> bool:
    """The verb is passive: "was attacked", "detainees beaten by police", "had its assets seized"."""
    if stative(verb) or after_dateline(verb) is not None:
        return False
    return (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        or (verb.dep_ == "acl" and verb.tag_ == "VBN")
        or had_done(verb)
        or shares_passive(verb)
    )


def shares_passive(verb: Token) -> bool:
    """ "was detained in April and sentenced to two years": a participle joined to a passive,
    with no auxiliary or subject of its own, is passive too (the one detained is sentenced)."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and head.i != verb.i
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        and _speaker_going_on(verb) is None  # "said he had been brainwashed and appealed to X"
    )


def had_done(verb: Token) -> bool:
    """ "ConocoPhillips had its assets nationalised", "had his passport confiscated by police":
    a participle under "have" whose subject (so parsed) is what was done to, not the doer."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("ccomp", "xcomp", "oprd")
        and verb.head.lemma_.lower() == "have"
        and verb.head.i < verb.i
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the army, which seized power" -> army,
    "two aides, who were shot dead" -> aides. None when ``tok`` is no relative pronoun."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in ("WP", "WDT"):
        return None
    clause = tok.head
    for _ in range(3):  # "who were expected to attend": up to the relative clause
        if clause.dep_ == "relcl":
            return clause.head
        if clause.dep_ not in ("xcomp", "conj", "ccomp") or clause.head.i == clause.i:
            break
        clause = clause.head
    return None


def dateline_end(tok: Token) -> int:
    """Where the dateline opening the token's sentence ends: the index of the dash after
    "YEREVAN, Armenia —" or "MINSK, Aug. 16 (Reuters) -"; -1 when the sentence opens with none.
    The parser often takes the dateline for the subject of the first verb."""
    sent = sentence_tokens(tok)
    for t in sent[: DATELINE_MAX + 1]:
        if t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_):
            before = [x for x in sent[: t.i - sent[0].i] if not x.is_punct]
            names = [x for x in before if x.pos_ == "PROPN" or x.is_upper]
            if names and all(x.pos_ in ("PROPN", "NUM") or x.is_upper or x.is_title or x.like_num for x in before):
                return t.i
            return -1
    return -1


def past_dateline(tok: Token) -> Token | None:
    """The phrase after the dateline when the parser made the dateline its head ("YEREVAN,
    Armenia — Armenia and Azerbaijan blamed ..."): its first word whose head is before the dash;
    ``tok`` itself when it is no dateline, None when the dateline is all there is."""
    end = dateline_end(tok)
    if end < 0 or tok.i > end:
        return tok
    return next((t for t in tok.subtree if t.i > end and t.head.i <= end), None)


def after_dateline(verb: Token) -> Token | None:
    """ "KATHMANDU (Reuters) - Nepal's aviation authority disputed on Tuesday whether ...": the
    parser made the dateline (or the subject) the sentence's head and the verb a modifier of
    the phrase after the dash. That phrase is the verb's subject; None when the verb is no such
    predicate."""
    if verb.pos_ != "VERB" or verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ in ("agent", "auxpass", "nsubjpass", "aux", "nsubj") for c in verb.children):
        return None
    head = verb.head
    sent = sentence_of(verb)
    if head.i == sent.root.i and head.i < verb.i and head.left_edge.i == sent.start and _acts_on(verb):
        # "Nepal's aviation authority disputed on Tuesday whether ...", the dateline cut off:
        # a noun heading the sentence and a participle with an object or a clause of its own.
        # ("Journalist detained in Tehran", a headline's passive, has neither.)
        return head if head.pos_ in ("NOUN", "PROPN") else None
    end = dateline_end(verb)
    if end < 0 or verb.i <= end or sent.root.i > end:
        return None
    if head.i > end:
        # "Nepal's civil aviation authority [disputed]": the phrase right after the dash.
        return head if head.left_edge.i == end + 1 and head.pos_ in ("NOUN", "PROPN") else None
    # "Indianapolis – Several thousand teachers wearing red [surrounded]": hung on the dateline.
    return next(
        (t for t in sentence_tokens(verb) if end < t.i < verb.i and t.head.i <= end and t.pos_ in ("NOUN", "PROPN")),
        None,
    )


def _acts_on(verb: Token) -> bool:
    """The verb has an object or a clause ("disputed whether ...", "said that ...")."""
    return any(
        c.dep_ in ("dobj", "ccomp")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("whether", "that", "if") for m in c.children))
        for c in verb.children
    )


def _speaker_going_on(verb: Token) -> Token | None:
    """The verb of saying whose speaker also did ``verb``: "the office said the deaths were
    caused by gunfire and called on the government to ...". The parser hangs "called" on
    "caused"; but a passive or a copula reports what befell its subject, and an act of
    speech after it is the speaker's."""
    head = verb.head
    if (
        verb.dep_ != "conj"
        or verb.lemma_.lower() not in SPEAKER_ACTS
        or head.dep_ != "ccomp"
        or head.head.lemma_.lower() not in SAY_VERBS
        or not (is_passive(head) or head.lemma_ == "be")
        or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    ):
        return None
    return head.head


def subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb and whether it was inherited from another verb."""
    if depth > 4:
        return None, True
    told = after_dateline(verb)
    if told is not None:
        return told, depth > 0
    speaker = _speaker_going_on(verb)
    if speaker is not None:
        return subject(speaker, depth + 1)
    if is_passive(verb):
        # "was detained and sentenced by a court": the by-agent of the verb, else (a passive
        # sharing the first verb's "was") of the first verb
        for v in (verb, verb.head) if shares_passive(verb) else (verb,):
            for c in v.children:
                if c.dep_ == "agent":
                    for cc in c.children:
                        if cc.dep_ == "pobj":
                            return cc, depth > 0
        return None, depth > 0
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and stative(verb)):
            real = past_dateline(c)
            if real is None:
                continue  # "TAIPEI, Taiwan — China's military launched": not Taipei
            return real, depth > 0
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        # "Obama is scheduled to attend", "was pressured by Congress to help": the passive's subject.
        passive_subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if passive_subj is not None:
            return passive_subj, True
        # "asked Obama to help", "urged Russia to withdraw": the one asked does it.
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and head.lemma_.lower() in OBJECT_CONTROL_VERBS:
            return obj, True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and is_passive(verb.head):
        # "was indicted by the court and will resign": the one indicted resigns, not the court.
        passive_subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if passive_subj is not None:
            return passive_subj, True
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head, depth + 1)
    if verb.dep_ == "acomp" and stative(verb) and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head, depth + 1)  # "Japan is opposed to ...", parsed with a copula head
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head.head, depth + 1)  # "Norway is willing to send ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head, True
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        outer = verb.head.head
        if outer.pos_ not in ("VERB", "AUX"):
            return None, True
        obj = next((c for c in outer.children if c.dep_ == "dobj"), None)
        if obj is not None and verb.head.lower_ in ("for", "of"):
            return obj, True  # "jailed a student for helping", "accused Uganda of arming": the object did it
        return subject(outer, depth + 1)
    if under_phrase(verb) is not None:
        return None, True  # "troops came under ... shelling": the troops did not shell
    if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive(verb)):
        passive_subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if infinitive(verb) and passive_subj is not None:
            return passive_subj, True  # "was pressured by Congress to help": the one pressed
        return subject(verb.head, depth + 1)  # "..., sending troops", "... to help defend X"
    return None, True


def nominal(tok: Token) -> bool:
    """The word is an event noun, or a gerund used as one ("came under heavy Russian shelling")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")
        and any(c.dep_ in ("amod", "poss", "det", "compound") for c in tok.children)
        and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in tok.children)
    )


def under_phrase(verb: Token) -> Token | None:
    """ "came under heavy Azerbaijani shelling" parsed with the gerund as a clause of "came"
    and the doer as the object of "under": that "under"."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.lemma_.lower() not in UNDER_VERBS:
        return None
    return next(
        (c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "under" and c.right_edge.i + 1 == verb.i),
        None,
    )


def light_verb(noun: Token) -> Token | None:
    """The verb by which its subject undergoes an event noun: "faces pressure",
    "received assurances", "came under fire"."""
    if under_phrase(noun) is not None:
        return noun.head
    if not nominal(noun):
        return None
    head = noun.head
    if noun.dep_ == "dobj" and set(verb_lemmas(head)) & UNDERGO_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in UNDER_VERBS:
        return head.head
    return None
