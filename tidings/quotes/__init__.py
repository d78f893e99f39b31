"""Quotes stage: who said what.

Quote marks (the clean stage has made them all straight) give the quoted
pieces, paragraph by paragraph; a piece left open at a paragraph's end goes on
in the next paragraph when that one opens with a mark (news convention). Each
piece then looks for its cue in the words around it, outside the marks: a verb
of saying after it ('"...," the minister said'), before it ('X said: "..."'),
the verb it hangs on ('X called it "a disgrace"'), "according to X", or a
transcript label ('WALLACE: ...'). A piece with no cue of its own belongs to the
quote next to it in the same paragraph ('"A," she said. "B."' is one quote of
two parts), to the speaker a paragraph ending in a colon announces, or to the
quote of the paragraph before it that it continues. The speaker is the actor
the cue's subject stands for; a pronoun the actor stage left alone takes the
latest person (or organisation) named before it. A speaker that cannot be found
stays ``None``: a wrong speaker is worse than none. One to three words in quotes
with no cue beside them are scare quotes, and Title Case words with none are a
title ("Shark Tank"): neither is a quote. Indirect quotes are the "that"-clauses
of verbs of saying. A quote links to the events whose trigger lies inside it.

The stage's steps, one module each:

* :mod:`~tidings.quotes.marks` pairs the quote marks into quoted pieces (no parse needed);
* :mod:`~tidings.quotes.state` holds what the steps share about the article in hand;
* :mod:`~tidings.quotes.cues` finds each piece's verb of saying (or what stands for one);
* :mod:`~tidings.quotes.speakers` and :mod:`~tidings.quotes.headline` find who spoke;
* :mod:`~tidings.quotes.kinds` drops titles and scare quotes and tells direct from partial;
* :mod:`~tidings.quotes.joining` gives pieces with no cue of their own to their quote;
* :mod:`~tidings.quotes.indirect` finds the "that"-clauses of verbs of saying;
* :mod:`~tidings.quotes.finder` is the stage, :class:`QuoteFinder`, that runs them;
* :mod:`~tidings.quotes.lexicon` has the words (open-class lists in ``data/words/quotes.toml``).
"""

from tidings.quotes.finder import QuoteFinder

__all__ = ["QuoteFinder"]
