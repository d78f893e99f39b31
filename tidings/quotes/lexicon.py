"""The words the quotes stage looks for.

Open-class lists a domain expert edits (verbs of saying, verbs of naming,
statement nouns) come from ``tidings/data/words/quotes.toml``; the closed
grammatical lists (pronouns, sentence ends, dashes, entity types) stay here.
"""

from __future__ import annotations

import re

from tidings.words import words

# Verbs of saying (lemmas): a quote's cue, whose subject is its speaker.
CUE_LEMMAS = words("quotes", "cue_lemmas")
# Verbs of saying that need a quote or clause right next to them to be cues
# ("he began", "as she put it"): only counted when the quote is adjacent.
WEAK_CUES = words("quotes", "weak_cues")
# Cue words as written, for when the tagger misreads the cue ("the Kremlin read" as a noun).
CUE_WORDS = words("quotes", "cue_words")
# Verbs that introduce a short partial quote ("what she called 'baseless rumours'").
NAMING_LEMMAS = words("quotes", "naming_lemmas")
# Nouns that carry a quote in place of a verb ("in a statement: '...'").
STATEMENT_NOUNS = words("quotes", "statement_nouns")
# Verbs of saying whose "that"-clause is an indirect quote ('X said that ...').
INDIRECT_LEMMAS = words("quotes", "indirect_lemmas")

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "who"})
# A transcript turn: 'WALLACE: ...', 'SEN. JOHN SMITH: ...'.
LABEL_RE = re.compile(r"^\s*((?:[A-Z][A-Z.'\-]+\s){0,3}[A-Z][A-Z'\-]{2,})\s?:\s+")
SENT_END = frozenset({".", "!", "?"})
DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})
# Entity types that never speak ('said Thursday morning').
NOT_SPEAKERS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "EVENT", "LAW"}
)

# ... but a share of a poll is the subject that speaks ('63 percent said').
NOT_SUBJECTS = NOT_SPEAKERS - {"PERCENT"}
