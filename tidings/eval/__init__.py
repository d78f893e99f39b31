"""Evaluation harness: gold-set loaders (:mod:`.datasets`) and pure scorers (:mod:`.metrics`).

Kept apart from the pipeline on purpose: loaders read the public gold sets under
``../shared/eval`` with the standard library only, and scorers work on plain
tuples and strings, so a change inside the pipeline can never silently change
how it is measured.
"""
