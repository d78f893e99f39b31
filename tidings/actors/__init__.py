"""Actors stage: find every actor mention, resolve it, and code it CAMEO-style.

A code is a country (ISO 3166-1 alpha-3, or an IGO code) followed by a sector:
"Belarusian riot police" -> BLRCOP, "the Kremlin" -> RUSGOV, "his Belarusian
counterpart Alexander Lukashenko" -> BLRGOV. Clues come from one noun phrase:
its head (an agent noun, a person, a country), the words that modify it
(adjectives, possessives, "of/from X") and a name in apposition. Office
holders are looked up by the article's date, so a leader who has left office
is no longer coded as the government. A surname, a pronoun or "the ministry"
later in the article reuses the actor it refers to.

The modules, in the order the stage uses them:

- ``lexicon.py``: the actor tables (countries, IGOs, agents, peoples, office
  holders, Phoenix actors) loaded into a token trie;
- ``units.py``: the noun phrases that name actors (``Unit``), found in the parse;
- ``clues.py``: what each phrase says about its actor, and the countries that
  places and provinces add;
- ``coding.py``: a unit's clues -> country, sector and code, as of the article's date;
- ``coref.py``: the per-article state that joins surnames, acronyms, "the
  company", "the two sides" and pronouns to the actor they refer to;
- ``resolver.py``: ``ActorResolver``, the stage that runs the above per article;
- ``speakers.py``: ``speaker_actor``, actors for the speakers the quotes stage meets;
- ``sectors.py``: the CAMEO -> PLOVER sector crosswalk used by the evaluations.

Open-class word lists (group nouns, title words, ...) are in ``tidings/data/words/actors.toml``.
"""

from __future__ import annotations

from tidings.actors.clues import LOCATIVE_PREPS
from tidings.actors.coding import country_on
from tidings.actors.lexicon import default_lexicon
from tidings.actors.resolver import ActorResolver
from tidings.actors.sectors import plover_sector
from tidings.actors.speakers import speaker_actor

__all__ = ["LOCATIVE_PREPS", "ActorResolver", "country_on", "default_lexicon", "plover_sector", "speaker_actor"]
