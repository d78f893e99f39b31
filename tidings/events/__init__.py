"""Events stage: who did what to whom, from the dependency parse and the event lexicon.

For every verb (and event noun: "protests", "crackdown") whose lemma is in
the lexicon, the most specific matching pattern gives the CAMEO code; the
source comes from the subject (each of several conjoined ones, the "by" agent
of a passive, the attack a passive happened in, the subject inherited through
"and"/"to" chains, the one asked in "urged X to"), the target from the slots
the pattern names. Coordinated targets make one event each; parties of a joint
act ("X and Y met") are each other's targets. Modality and negation come from
the verb's auxiliaries and the verbs above it; a frame and the act it frames
are one event ("agreed to lift" -> intent to ease sanctions, "urged X to
withdraw" -> appeal to yield); "X claimed/alleged that Y attacked" adds the
claim or accusation. The date and place come from the event's own clause
first, then its sentence, then the story. ``confidence`` is the calibrated
score of tidings.events.scoring; one happening told twice (the headline and
the body, or later again) is one event with several mentions.

The stage's parts, in the order they act:

- ``coder``: the stage (``EventCoder``) and the coding of one trigger;
- ``matching``: which lexicon patterns a token may trigger, and whether one fits;
- ``arguments``: a trigger's subject, objects and argument words in the parse;
- ``sources`` and ``targets``: who did it and to whom;
- ``parties``: sides made from places and context (protesters, a place's country);
- ``modality``: negation, modality and the frames a clause is told in, and the
  codes they lead to (intention, rejection, threat);
- ``anchoring``: the event's date and place;
- ``claims``: accusations and claims made by reporting an act of force;
- ``merging``: a frame folded into the act it frames, repeated mentions merged;
- ``records``: an ``Event`` made from a code; ``state``: per-article bookkeeping;
- ``lexicon``, ``ontology``, ``scoring``: the event lexicon, the CAMEO codebook, confidence.

Which actor a token stands for is ``tidings.mentions.MentionIndex``; the word lists
are ``tidings/data/words/events.toml``.
"""

from __future__ import annotations

from tidings.events.arguments import verb_lemmas
from tidings.events.coder import EventCoder
from tidings.events.merging import headline_end, merge_mentions
from tidings.events.parties import ensure_actor
from tidings.mentions import MentionIndex

__all__ = ["EventCoder", "MentionIndex", "ensure_actor", "headline_end", "merge_mentions", "verb_lemmas"]
