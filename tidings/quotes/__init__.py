"""Quotes stage: who said what (see :mod:`tidings.quotes.finder`)."""

from tidings.quotes.finder import QuoteFinder, _pieces

__all__ = ["QuoteFinder", "_pieces"]
