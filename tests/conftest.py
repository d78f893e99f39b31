"""Shared pytest fixtures.

``eval_data_dir`` points at the public gold sets in ``../shared/eval``. A fresh
clone has no ``../shared``, so every test that asks for it is skipped there
instead of failing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

#: ``<repo>/../shared/eval``: gold sets live beside the repository, never inside it.
EVAL_DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="session")
def eval_data_dir() -> Path:
    """The gold-set folder, or a skip when this checkout has none."""
    if not EVAL_DATA_DIR.is_dir():
        pytest.skip(f"evaluation data not present at {EVAL_DATA_DIR}")
    return EVAL_DATA_DIR
