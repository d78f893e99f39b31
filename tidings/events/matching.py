"""Which event patterns a token may trigger, and whether a pattern fits it.

A verb's patterns come from the event lexicon by its lemma (or a form rebuilt from
the word when the lemmatizer slips), a noun's by its lemma or the compound it ends
("hunger strike"). A pattern fits when the token has the particle, preposition,
object words, people as object or argument words the pattern asks for. Verbs of
saying and wanting that the lexicon does not cover get a built-in frame pattern:
"X said Y must go" (100), "X said Y should go" (020), "X warned that Y would pay" (130),
"X wants Y to ..." and "X asked Y to ..." (020).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.arguments import arg_tokens, objects, subject, verb_lemmas
from tidings.events.lexicon import EventLexicon, Pattern, default_lexicon
from tidings.events.modality import HYPOTHETICAL_AUX, WANT_VERBS, same_party
from tidings.events.senses import sense_patterns
from tidings.mentions import MentionIndex
from tidings.syntax import sentence_tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

PEOPLE_NOUNS = words("events", "people_nouns")
SPEECH_ACT_VERBS = words("events", "speech_act_verbs")
#: Words by which a warning threatens (13x): a sanction, force or a price to pay ("warned that
#: looters would be prosecuted"); a warning of a risk or a danger threatens no one.
THREAT_WORDS = words("modality", "threat_words")
#: Words that find fault with what they are said of ("the move was illegal", "a problem").
CRITICISM_WORDS = words("senses", "criticism_words")
#: Verbs by which one asks another to act: "will ask the ICC to open an investigation" (020).
ASKING_VERBS = frozenset({"ask", "invite", "implore", "beg", "request"})


def candidates(lex: EventLexicon, tok: Token, index: MentionIndex | None = None) -> list[Pattern]:
    """The lexicon's patterns for a verb or event noun, most specific first, as the
    trigger's sense leaves them (``tidings.events.senses``: "a quake struck" none,
    "workers struck" only the labour strike)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        forms = verb_lemmas(tok)
        form = next((f for f in forms if f in lex.verbs), forms[0])
        return sense_patterns(lex.verbs.get(form, []), tok, form, index)
    if tok.pos_ in ("NOUN", "PROPN"):
        pats = list(lex.nouns.get(lemma, []))
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.dep_ == "compound":
            pats = lex.nouns.get(f"{prev.lemma_.lower()} {lemma}", []) + pats
        return sense_patterns(pats, tok, lemma, index)
    return []


def fits(p: Pattern, tok: Token, index: MentionIndex) -> bool:
    """The token has what the pattern asks for: particle, preposition, object, people, argument words."""
    # "crack down on": the particle may be parsed as a preposition or adverb too.
    if p.particle and not any(c.lower_ == p.particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children):
        return False
    if p.prep and not any(c.dep_ in ("prep", "dative") and c.lower_ == p.prep for c in tok.children):
        return False
    if p.obj and not _object_words(tok) & p.obj:
        return False
    if p.people:
        objs = objects(tok)
        refs = [index.resolve(o) for o in objs]
        if not any(r and (r.actor.kind in ("person", "agent")) for r in refs) and not any(
            o.lemma_.lower() in PEOPLE_NOUNS for o in objs
        ):
            return False
    return not p.has or bool(_argument_words(tok) & p.has)


# Kept on the doc by trigger index: a trigger's patterns (seven on average) ask for the same
# words of its objects and arguments, which depend on the parse alone.
_OBJECT_WORDS = "tidings.events.object_words"
_ARGUMENT_WORDS = "tidings.events.argument_words"


def _object_words(tok: Token) -> frozenset[str]:
    """The words of the trigger's objects: their heads, compounds and what they measure
    ("aid deliveries", "25,000 tons of food aid", "part of a military aid programme")."""
    memo: dict[int, frozenset[str]] = tok.doc.user_data.setdefault(_OBJECT_WORDS, {})
    found = memo.get(tok.i)
    if found is not None:
        return found
    objs = objects(tok)
    heads = list(objs)
    for o in objs:
        heads += [c for c in o.children if c.dep_ == "compound"]
        heads += [
            g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        heads += [c for g in heads[len(objs) :] for c in g.children if c.dep_ == "compound"]
    lemmas = {o.lemma_.lower() for o in heads} | {o.lower_ for o in heads}
    lemmas |= {f"{o.doc[o.i - 1].lower_} {o.lower_}" for o in heads if o.i > 0}
    found = memo[tok.i] = frozenset(lemmas)
    return found


def _argument_words(tok: Token) -> frozenset[str]:
    """The words among the trigger's arguments (and, for a noun, its sentence's lemmas)."""
    memo: dict[int, frozenset[str]] = tok.doc.user_data.setdefault(_ARGUMENT_WORDS, {})
    found = memo.get(tok.i)
    if found is not None:
        return found
    args = arg_tokens(tok)
    words_ = {t.lemma_.lower() for t in args} | {t.lower_ for t in args}
    if tok.pos_ in ("NOUN", "PROPN"):
        words_ |= {t.lemma_.lower() for t in sentence_tokens(tok)}
    found = memo[tok.i] = frozenset(words_)
    return found


def frame_patterns(tok: Token, index: MentionIndex | None = None) -> list[Pattern]:
    """Events a verb does by the clause below it, when the lexicon has no pattern for it
    (and the verb's sense leaves one: "experts warned" in a research story threatens no one)."""
    pats = _speech_act(tok, index) or _want_of(tok)
    return sense_patterns(pats, tok, tok.lemma_.lower(), index) if pats else pats


def _speech_act(tok: Token, index: MentionIndex | None = None) -> list[Pattern]:
    """What a verb of saying does by its clause: "X said Y must go" demands (100) of Y, "should
    go" appeals (020) to Y; "X warned that Y would pay" and "X said the attacks will not go
    unpunished" threaten (130) Y; "X said Y's position was a problem" criticises (111) Y. Used
    when the lexicon has no pattern."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in SPEECH_ACT_VERBS:
        return []
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return []
    aux = {c.lower_ for c in comp.children if c.dep_ == "aux"}
    if lemma == "warn":
        if not _threatening(tok, index):
            return []
        code = "130"
    elif aux & {"must"}:
        code = "100"  # "said Iran must release them": a demand
    elif aux & {"should", "ought"}:
        code = "020"  # "said parties should halt escalatory action": an appeal
    elif aux & {"will", "would", "'ll", "shall"} and _threat_said(comp) and not _told_itself(tok, comp, index):
        code = "130"  # "said the attacks will not go unpunished"
    elif _faulted(comp):
        code = "111"  # "said China's position was a problem"
    else:
        return []
    # "said France would respond to any attack on its citizens": the clause's doer is the
    # speaker's own side, not the one threatened, and no one else is named.
    own = code == "130" and lemma != "warn" and _own_side(tok, comp, index)
    return [
        Pattern(
            lemma,
            "",
            False,
            code,
            frozenset(),
            frozenset(),
            "",
            () if own else ("ccomp",),
            False,
            f"{lemma} that ... {code}",
            need_source=True,
        )
    ]


def _threatening(warn: Token, index: MentionIndex | None) -> bool:
    """A warning that threatens: what it says the speaker's side will do ("warned that it
    would respond", "warned that if Iran attacked, Israel would strike back"), or a sanction,
    force or price ("warned that anyone caught looting would be prosecuted"). "warned that the
    region could be set ablaze" threatens no one."""
    speaker, _ = subject(warn)
    sref = index.resolve(speaker) if index is not None and speaker is not None else None
    for comp in (c for c in warn.children if c.dep_ == "ccomp"):
        doer = next((c for c in comp.children if c.dep_ == "nsubj"), None)
        will = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in comp.children)
        if any(t.lower_ in ("we", "our", "us", "i") and t.pos_ == "PRON" for t in comp.subtree):
            return True  # "we will respond", "will not sit on our hands"
        dref = index.resolve(doer) if index is not None and doer is not None else None
        if will and sref is not None and dref is not None and same_party(sref, dref):
            return True  # "the group warned that it would keep targeting ships"
        if _threat_said(comp):
            return True
    return False


def _told_itself(verb: Token, comp: Token, index: MentionIndex | None) -> bool:
    """ "Israel said it would retaliate": the act the speaker's side announces is coded itself
    (a threat, 13x, by its modality); the saying adds no second threat."""
    lemma = comp.lemma_.lower()
    lex = default_lexicon()
    return _own_side(verb, comp, index) and (lemma in lex.verbs or any(f in lex.verbs for f in verb_lemmas(comp)))


def _own_side(verb: Token, comp: Token, index: MentionIndex | None) -> bool:
    """The doer of the clause is the speaker's own side ("we", or the speaker's state)."""
    doer = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    if doer is None or index is None:
        return False
    if doer.lower_ in ("we", "i"):
        return True
    speaker, _ = subject(verb)
    sref = index.resolve(speaker) if speaker is not None else None
    dref = index.resolve(doer)
    return sref is not None and dref is not None and same_party(sref, dref)


def _threat_said(comp: Token) -> bool:
    """The clause's predicate (not a clause inside it: "would not go back until sanctions are
    removed", nor its subject) names a sanction or a price to pay ("will not go unpunished", "would pay"), or
    a response to an attack ("would respond without delay to any attack")."""
    stack, found = [comp], set()
    while stack:
        t = stack.pop()
        found |= {t.lemma_.lower(), t.lower_}
        # the predicate only: not a clause inside it, nor its subject ("imposing sanctions would hurt")
        skip = ("advcl", "relcl", "acl", "parataxis", "ccomp", "nsubj", "nsubjpass", "csubj", "csubjpass")
        stack.extend(c for c in t.children if c.dep_ not in skip)
    if found & {"respond", "response"} and found & {"attack", "attacks", "aggression", "provocation", "assault"}:
        return True
    return bool(found & THREAT_WORDS)


def _faulted(comp: Token) -> bool:
    """The clause says what something is, in words of fault: "X's position was a problem",
    "the vote was illegal". Said of oneself ("we are ready") it is no criticism."""
    if comp.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in comp.children):
        return False
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    said = [c for c in comp.children if c.dep_ in ("attr", "acomp")]
    return any(c.lemma_.lower() in CRITICISM_WORDS or c.lower_ in CRITICISM_WORDS for c in said)


def _want_of(tok: Token) -> list[Pattern]:
    """ "Obama wants Putin to attack", "will ask the ICC to open an investigation": an appeal
    (020) to the one who is to act."""
    asking = tok.lemma_.lower() in ASKING_VERBS
    if tok.pos_ != "VERB" or (tok.lemma_.lower() not in WANT_VERBS and not asking) or tok.lemma_.lower() == "expect":
        return []
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in tok.children):
        return []  # "might want X to": not yet an appeal
    own_subject = not asking and any(
        c.dep_ == "ccomp" and any(x.dep_ == "nsubj" for x in c.children) for c in tok.children
    )
    object_control = any(c.dep_ == "dobj" for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children)
    if not (own_subject or object_control):
        return []
    lemma = tok.lemma_.lower()
    return [
        Pattern(
            lemma,
            "",
            False,
            "020",
            frozenset(),
            frozenset(),
            "",
            ("dobj",),
            False,
            f"{lemma} X to ... 020",
            need_source=True,
            need_target=True,
        )
    ]
