#!/usr/bin/env python3
"""Extract dated person entries from the Phoenix actor dictionaries, and check
tidings/data/officeholders.tsv against them.

The Phoenix/PETRARCH country and international actor files (MIT licence,
Copyright (c) 2014 Open Event Data Alliance; openeventdata/petrarch2 @676801c)
list people with CAMEO codes and date ranges:

    VLADIMIR_PUTIN_  # CountryInfo.txt
    +PUTIN_
        [RUSGOV 991231-080507]
        [RUSGOV >080508]

This script turns such entries into plain rows
(name, aliases, code, start, end). Phoenix does not say which office a range
stands for (president, minister, ambassador, ...), so its rows are candidates
for a human to review, not office terms. Dates are yymmdd (00-29 read as 20yy,
30-99 as 19yy) or yyyymmdd; ">d" means "from d", "<d" means "until d".

It also runs the table's consistency checks (``check``), which need no Phoenix.

Usage (plain python3, standard library only):

    python3 tools/phoenix_officeholders.py check              # exit 1 on errors
    python3 tools/phoenix_officeholders.py extract > /tmp/phoenix_people.tsv
    python3 tools/phoenix_officeholders.py compare            # report only
    python3 tools/phoenix_officeholders.py compare --days 60  # looser check

``compare`` looks up every person of officeholders.tsv in Phoenix (by the full
name or a multi-word alias) and reports (a) our terms whose start is more than
``--days`` days away from every Phoenix range start with the same code, and
(b) multi-word Phoenix aliases we lack. It never edits the table; Phoenix is
stale after about 2014-2019 and imprecise (many ranges are placeholders such
as 030101), so every report line needs a human decision.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PHOENIX = ROOT.parent / "shared" / "eval" / "reference"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
TABLE = ROOT / "tidings" / "data" / "officeholders.tsv"

CODE_RE = re.compile(r"\[([A-Z]{3,})\s*(?:(?P<op>[<>])\s*(?P<one>\d{6,8})|(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8}))?\s*\]")
# Words that mark an alias as a title phrase rather than a name.
TITLE_WORDS = {
    "PRESIDENT",
    "MINISTER",
    "PRIME",
    "CHANCELLOR",
    "KING",
    "QUEEN",
    "AMBASSADOR",
    "SECRETARY",
    "GENERAL",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "SPEAKER",
    "LEADER",
    "RUSSIAN",
    "AMERICAN",
    "GERMAN",
    "BRITISH",
    "FRENCH",
    "CHINESE",
    "U.S.",
}


def parse_date(text: str) -> dt.date | None:
    try:
        if len(text) == 6:
            yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
            year = 2000 + yy if yy < 30 else 1900 + yy
        elif len(text) == 8:
            year, mm, dd = int(text[:4]), int(text[4:6]), int(text[6:])
        else:
            return None
        return dt.date(year, mm, dd)
    except ValueError:
        return None


def phrase(token: str) -> str:
    """PHOENIX_PHRASE_ -> 'PHOENIX PHRASE'."""
    return " ".join(token.replace("_", " ").split())


def entries(phoenix_dir: Path):
    """Yield (name, aliases, [(code, start, end)], source) for every entry with at least one code."""
    for fname in FILES:
        path = phoenix_dir / fname
        if not path.exists():
            print(f"warning: {path} not found", file=sys.stderr)
            continue
        name, aliases, codes, src = None, [], [], ""
        for lineno, raw in enumerate(path.open(encoding="utf-8", errors="replace"), 1):
            line = raw.rstrip("\n")
            body = line.split("#", 1)[0]
            if not body.strip():
                continue
            if body.startswith("+"):
                if name is not None:
                    aliases.append(phrase(body[1:].split("[", 1)[0]))
            elif body[:1].isspace() or body.lstrip().startswith("["):
                pass  # code line of the current entry
            else:
                if name is not None and codes:
                    yield name, aliases, codes, src
                name, aliases, codes = phrase(body.split("[", 1)[0]), [], []
                src = f"{fname}:{lineno}"
            for m in CODE_RE.finditer(body):
                if name is None:
                    continue
                start = end = None
                if m.group("op") == ">":
                    start = parse_date(m.group("one"))
                elif m.group("op") == "<":
                    end = parse_date(m.group("one"))
                elif m.group("a"):
                    start, end = parse_date(m.group("a")), parse_date(m.group("b"))
                codes.append((m.group(1), start, end))
        if name is not None and codes:
            yield name, aliases, codes, src


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def cmd_extract(args) -> int:
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    out.writerow(["name", "aliases", "code", "start", "end", "source"])
    n = 0
    for name, aliases, codes, src in entries(Path(args.phoenix)):
        for code, start, end in codes:
            if start is None and end is None and not args.undated:
                continue
            out.writerow(
                [
                    name.title(),
                    "|".join(a.title() for a in aliases),
                    code,
                    start.isoformat() if start else "",
                    end.isoformat() if end else "",
                    src,
                ]
            )
            n += 1
    print(f"{n} rows", file=sys.stderr)
    return 0


def read_table(path: Path):
    lines = (ln for ln in path.open(encoding="utf-8") if ln.strip() and not ln.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def cmd_compare(args) -> int:
    index: dict[str, list] = {}
    for name, aliases, codes, src in entries(Path(args.phoenix)):
        for form in [name, *aliases]:
            if len(form.split()) >= 2 and not (set(form.split()) & TITLE_WORDS):
                index.setdefault(fold(form), []).append((name, aliases, codes, src))
    rows = read_table(Path(args.table))
    found = date_issues = 0
    missing_aliases: dict[str, set[str]] = {}
    for row in rows:
        forms = [row["name"], *[a for a in row["aliases"].split("|") if a]]
        hits = []
        for form in forms:
            if len(form.split()) >= 2:
                hits.extend(index.get(fold(form), []))
        if not hits:
            continue
        found += 1
        code = row["iso3"] + row["sector"]
        ours = fold(" ".join(forms))
        starts = []
        for name, aliases, codes, src in hits:
            for c, s, _e in codes:
                if s and (c == code or (row["sector"] == "" and c.startswith(row["iso3"]))):
                    starts.append((s, src))
            for a in [name, *aliases]:
                if len(a.split()) >= 2 and not (set(a.split()) & TITLE_WORDS) and fold(a) not in ours:
                    missing_aliases.setdefault(row["name"], set()).add(a.title())
        if starts:
            start = dt.date.fromisoformat(row["start"])
            best = min(starts, key=lambda p: abs((p[0] - start).days))
            if abs((best[0] - start).days) > args.days:
                date_issues += 1
                print(f"DATE\t{row['name']}\t{code}\t{row['role']}\tours={row['start']}\tphoenix={best[0]}\t{best[1]}")
    for name, al in sorted(missing_aliases.items()):
        print(f"ALIAS\t{name}\t" + "|".join(sorted(al)))
    print(
        f"{len(rows)} rows, {found} found in Phoenix, {date_issues} start-date differences > {args.days} days, "
        f"{len(missing_aliases)} people with Phoenix aliases not in the table",
        file=sys.stderr,
    )
    return 0


# Roles several people hold at once in one country; every other (iso3, sector, role) has one holder at a time.
MULTI_HOLDER_ROLES = {
    "spokesperson",
    "opposition_leader",
    "special_envoy",
    "presidential_aide",
    "party_leader",  # one per party, several parties per country
    "member_of_parliament",
    "member_of_provincial_assembly",
    "senator",
    "supreme_court_justice",
}
CUTOFF = dt.date(2026, 11, 25)


def cmd_check(args) -> int:
    """Dates parse, start <= end <= cut-off, Q-ids well formed, no overlapping single-holder terms,
    no duplicate rows, and no surface form shared by two people."""
    errors: list[str] = []
    rows = read_table(Path(args.table))
    if rows and list(rows[0].keys()) != ["name", "aliases", "iso3", "sector", "role", "start", "end", "wikidata"]:
        errors.append(f"unexpected columns {list(rows[0].keys())}")
    terms: dict[tuple, list] = {}
    seen: set[tuple] = set()
    forms: dict[str, set[str]] = {}
    for n, row in enumerate(rows, 1):
        where = f"row {n} ({row.get('name')})"
        if None in row or any(v is None for v in row.values()):
            errors.append(f"{where}: wrong number of columns")
            continue
        name, iso, sec, role = row["name"], row["iso3"], row["sector"], row["role"]
        if not name.strip():
            errors.append(f"{where}: empty name")
        if not re.fullmatch(r"[A-Z]{3}([A-Z]{3,9})?", iso):
            errors.append(f"{where}: bad iso3/IGO code {iso!r}")
        if not re.fullmatch(r"[A-Z]*", sec) or not re.fullmatch(r"[a-z_]+", role):
            errors.append(f"{where}: bad sector {sec!r} or role {role!r}")
        try:
            start = dt.date.fromisoformat(row["start"])
            end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        except ValueError:
            errors.append(f"{where}: bad date {row['start']!r}/{row['end']!r}")
            continue
        if end and start > end:
            errors.append(f"{where}: start {start} after end {end}")
        if start > CUTOFF or (end and end > CUTOFF):
            errors.append(f"{where}: date after the cut-off {CUTOFF}")
        if row["wikidata"] and not re.fullmatch(r"Q[0-9]+", row["wikidata"]):
            errors.append(f"{where}: bad wikidata id {row['wikidata']!r}")
        key = (name, iso, sec, role, row["start"])
        if key in seen:
            errors.append(f"{where}: duplicate row")
        seen.add(key)
        if role not in MULTI_HOLDER_ROLES:
            terms.setdefault((iso, sec, role), []).append((start, end or dt.date.max, name))
        for form in [name, *[a for a in row["aliases"].split("|") if a]]:
            forms.setdefault(form.casefold(), set()).add(name)
    for key, ts in terms.items():
        ts.sort()
        for a, b in itertools.pairwise(ts):
            if b[0] < a[1]:
                errors.append(
                    f"overlap in {'/'.join(k for k in key if k)}: {a[2]} ({a[0]}..{a[1]}) and {b[2]} (from {b[0]})"
                )
    for form, people in sorted(forms.items()):
        if len(people) > 1:
            errors.append(f"surface form {form!r} shared by {sorted(people)}")
    for e in errors:
        print(e)
    print(f"{len(rows)} rows, {len({r['name'] for r in rows})} people, {len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--phoenix", default=str(DEFAULT_PHOENIX), help="folder with the Phoenix .actors.txt files")
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("extract", help="print dated person entries as TSV")
    ex.add_argument("--undated", action="store_true", help="also print codes without dates")
    cp = sub.add_parser("compare", help="check officeholders.tsv against Phoenix")
    cp.add_argument("--table", default=str(TABLE))
    cp.add_argument("--days", type=int, default=31, help="report start dates further apart than this")
    ck = sub.add_parser("check", help="consistency checks of officeholders.tsv (no Phoenix needed)")
    ck.add_argument("--table", default=str(TABLE))
    args = ap.parse_args(argv)
    return {"extract": cmd_extract, "compare": cmd_compare, "check": cmd_check}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
