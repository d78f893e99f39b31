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


#: ``<repo>/../shared``: the seed article and the output contract.
SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED_DIR / "seed" / "000_8f90abbaab45254c.txt"
SCHEMA = SHARED_DIR / "contract" / "article.schema.json"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The specimen article, or a skip when ../shared is absent."""
    if not SEED.is_file():
        pytest.skip(f"seed article not present at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def article_schema() -> dict[str, object]:
    """The output contract, or a skip when ../shared is absent."""
    import json

    if not SCHEMA.is_file():
        pytest.skip(f"contract not present at {SCHEMA}")
    schema: dict[str, object] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return schema
