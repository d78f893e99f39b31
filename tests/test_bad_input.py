"""Bad inputs: one clear line on stderr each, the rest of the batch still processed, nothing stored for them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

GOOD = (
    "Police in Moldova detained 12 opposition activists on Tuesday after a rally in the capital, "
    "the interior ministry said. The activists were released on Wednesday."
)
FRENCH = (
    "La police a arrêté douze militants de l'opposition mardi après une manifestation dans la capitale, "
    "selon le ministère de l'Intérieur. Les militants ont été libérés mercredi."
)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidings", *args], capture_output=True, text=True, cwd=cwd)


def test_bad_inputs_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "latin1.txt").write_bytes(GOOD.replace("Moldova", "Moldová").encode("latin-1"))
    (tmp_path / "french.txt").write_text(FRENCH, encoding="utf-8")
    with (tmp_path / "huge.txt").open("w", encoding="utf-8") as fh:
        for _ in range(20 * 1024):
            fh.write((GOOD + " ") * 7 + "\n")  # ~1.1 KB a line, ~23 MB in all
    db = tmp_path / "out.db"
    proc = _run(["process", str(tmp_path), "--db", str(db), "--quiet"], REPO)
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    by_file = {name: [ln for ln in lines if name in ln] for name in ("empty", "binary", "latin1", "french", "huge")}
    for name, hits in by_file.items():
        assert len(hits) == 1, f"{name}: {hits}"
    assert "[T001]" in by_file["empty"][0]
    assert "[T002]" in by_file["binary"][0]
    assert "[T003]" in by_file["latin1"][0] and "0xe1" in by_file["latin1"][0]
    assert "[T005]" in by_file["french"][0]
    assert "[T004]" in by_file["huge"][0]
    conn = sqlite3.connect(db)
    inputs = [r[0] for r in conn.execute("SELECT input FROM articles")]
    assert [Path(i).name for i in inputs] == ["good.txt"]
    assert conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 5


def test_exit_status_is_nonzero_only_when_everything_failed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    proc = _run(["process", str(tmp_path / "empty.txt"), "--json"], REPO)
    assert proc.returncode == 1
    assert proc.stdout == ""
    proc = _run(["process", str(tmp_path / "missing.txt"), "--json"], REPO)
    assert proc.returncode == 1 and "[T008]" in proc.stderr


def test_bad_jsonl_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": GOOD, "date": "2021-03-02", "title": "Arrests", "url": None}),
        "{not json",
        json.dumps({"id": "a2", "date": "2021-03-02"}),
        json.dumps({"id": "a3", "text": GOOD, "date": "March 2nd"}),
        json.dumps({"id": "a4", "text": GOOD.replace("12", "13"), "date": "2021-03-03"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = _run(["process", str(path), "--json"], REPO)
    assert proc.returncode == 0
    records = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a1", "a4"]
    assert records[0]["title"] == "Arrests" and records[0]["published"] == "2021-03-02"
    assert records[0]["input"] == str(path)
    err = proc.stderr
    assert f"{path}:2" in err and "[T007]" in err
    assert f"{path}:3" in err and "no 'text'" in err
    assert f"{path}:4" in err and "[T009]" in err
