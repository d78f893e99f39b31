"""The export formats, one module each (``NAME``, ``KIND``, ``DESCRIPTION``, ``write``).

See :mod:`tidings.exports.registry`.
"""
