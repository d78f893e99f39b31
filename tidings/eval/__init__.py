"""Evaluation harness: gold-set loaders, pure scorers, and one runner that puts a set through the pipeline.

Kept apart from the pipeline on purpose: loaders read the public gold sets under
``../shared/eval`` with the standard library only, and scorers work on plain
tuples and strings, so a change inside the pipeline can never silently change
how it is measured.

Layout: :mod:`.datasets` registers the loaders of :mod:`.gold` (one module per
family of sets); :mod:`.metrics` and :mod:`.align` are the scorers and the
offset alignment; :mod:`.harness` holds :class:`~.harness.Report`, the
:class:`~.harness.EvalSet` spec and the generic runner; :mod:`.sets` describes
each set (one module per family); :mod:`.runners` registers them
(``run``, ``RUNNERS``, ``HEADLINE``); :mod:`.cli` is ``tidings eval``.
"""
