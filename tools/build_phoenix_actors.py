#!/usr/bin/env python3
"""Build tidings/data/phoenix_actors.tsv: named people, institutions and armed groups.

    python3 tools/build_phoenix_actors.py [--shared ../shared] [--check]

Inputs (under <shared>/eval/reference/), openeventdata/petrarch2 @676801c, MIT:
  * Phoenix.Countries.actors.txt    people with coded offices and date ranges,
                                    state institutions (KNESSET -> ISRGOVLEG)
  * Phoenix.MilNonState.actors.txt  armed and militant groups (-> XXXREB, ...)
  * Phoenix.International.actors.txt  IGO/NGO leaders and bodies (MNC rows skipped)

Each Phoenix block (a name line, ``+alias`` lines, and ``[CODE dates]`` lines)
becomes one row: ``name  kind  aliases  codes  source``. Codes keep Phoenix's
CAMEO spelling with dates rewritten as ``CODE@start/end`` (ISO, either side may
be empty; an undated code is the fallback Phoenix gives when no dated term
applies, usually ``ELI`` for a former office holder).

Left out: blocks whose only code is a bare country (the country name lists,
their cities and regions; countries.tsv covers countries), companies (MNC
codes), codes of countries that no longer exist (USR, YUG, DDR...), and single-
word aliases that are ordinary English words. Phoenix's old codes are mapped to
ISO 3166-1: KSV -> XKX, TMP -> TLS, ROM -> ROU, ANG -> AGO; territories that
countries.tsv does not list take their sovereign state (PRI -> USA, GLP -> FRA).

Armed groups that Phoenix codes by region (AFRREB, MEAREB...), as international
(INTREB) or with its coders' placeholder (KKLREB) take the one country their
names name ("National Patriotic Front of Liberia" -> LBRREB); the others keep
the region code, or ``INT`` for the placeholder, and the actor stage gives them
the country of the text or story (the Islamic Salvation Front in Algeria).

Plain python3, standard library only. ``--check`` exits 1 if the file on disk
differs from what would be built.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tidings" / "data"
OUT = DATA / "phoenix_actors.tsv"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt")
OLD_CODES = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ANG": "AGO", "PRI": "USA", "GLP": "FRA", "KKL": "INT"}
# Prefixes that are not countries but are kept (international / transnational actors).
NON_STATE = ("IGO", "NGO", "IMG")
# CAMEO region prefixes (and INT) under which Phoenix files local armed groups whose
# country it did not code; kept only for groups (``...REB``), see ``_home``.
REGIONS = frozenset(
    [
        "INT",
        "AFR",
        "ASA",
        "CAS",
        "CFR",
        "EAF",
        "EEU",
        "EIN",
        "EUR",
        "LAM",
        "MEA",
        "NAF",
        "NMR",
        "SAF",
        "SAM",
        "SAS",
        "SEA",
        "WAF",
        "WEU",
    ]
)
# Words of institutions: too common to stand alone as a name, and what makes a dated block an
# institution rather than a person.
_INSTITUTION_WORDS = """
    agency army assembly committee congress council court force forces front government group league
    ministry movement navy office parliament party police senate service union
"""
INSTITUTION_WORDS = frozenset(_INSTITUTION_WORDS.split())
# Words too common to stand alone as a name (Phoenix has a few such one-word aliases).
_COMMON_WORDS = """
    a an and april as at august be by central chief commander democratic director east federal for free
    freedom general green he her his hope in is it its june justice king labor labour leader liberal
    liberty march may minister national new north of on or our people popular president prince queen
    republican secretary she south state the their they to united unity we west
"""
COMMON = INSTITUTION_WORDS | frozenset(_COMMON_WORDS.split())
# With the agent nouns: words that do not make a name specific enough to code on its own.
_GENERIC_WORDS = """
    of the and for in on at to a an de la del national central federal general state supreme high
    special joint armed security defense defence foreign interior internal affairs public home chief
    staff command department ministry minister office council committee court assembly army navy air
    force forces police service services intelligence agency bureau community law enforcement military
    government cabinet presidential president republic republican democratic party union front movement
    people peoples popular revolutionary liberation islamic muslim christian catholic international
    united action group organization organisation resistance justice social youth war holy peace mission
    association federation world communist workers worker battalion brigade army corps children child
    fire death green red black
"""
GENERIC = frozenset(_GENERIC_WORDS.split())
# Words that make a dated block an institution rather than a person.
_ORG_WORDS = """
    administration authority brigade brigades bureau cabinet commission department organisation
    organization
"""
ORG_WORDS = INSTITUTION_WORDS | frozenset(_ORG_WORDS.split())
HEADER = """\
# Generated by tools/build_phoenix_actors.py from the Phoenix/PETRARCH actor dictionaries; do not edit by hand.
# Phoenix.Countries/MilNonState/International.actors.txt, openeventdata/petrarch2 @676801c,
# Copyright (c) 2014 Open Event Data Alliance, MIT licence (full text in tidings/data/README.md).
# Stale after about 2014-2019: officeholders.tsv (current to 2026) is consulted first.
# Columns: name, kind (person|organisation), aliases (|), codes (| of CODE or CODE@start/end,
# ISO dates, either side may be empty), source (Phoenix file).
"""


def _date(s: str, *, end: bool) -> str | None:
    """Phoenix YYMMDD or YYYYMMDD -> ISO; None if malformed."""
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        s = f"{year}{s[2:]}"
    if len(s) != 8 or not s.isdigit():
        return None
    y, m, d = s[:4], s[4:6], s[6:]
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{m}-{d}"


def _code(raw: str, countries: set[str]) -> str | None:
    """``AFGGOV 051101-060531`` -> ``AFGGOV@2005-11-01/2006-05-31``; None if unusable."""
    raw = raw.split("#")[0].strip()
    m = re.fullmatch(r"([A-Z]{3,15})\s*(.*)", raw)
    if not m:
        return None
    code, spec = m.group(1), m.group(2).replace(" ", "")
    pre = OLD_CODES.get(code[:3], code[:3])
    code = pre + code[3:]
    regional = pre in REGIONS and len(code) > 3
    if pre not in countries and pre not in NON_STATE and code != "ELI" and not regional:
        return None
    if len(code) == 3 and pre in countries and not spec:
        return code  # a bare country; the caller drops blocks made only of these
    if not spec:
        return code
    if spec.startswith(">"):
        start = _date(spec[1:], end=False)
        return f"{code}@{start}/" if start else None
    if spec.startswith("<"):
        stop = _date(spec[1:], end=True)
        return f"{code}@/{stop}" if stop else None
    if "-" in spec:
        a, _, b = spec.partition("-")
        start, stop = _date(a, end=False), _date(b, end=True)
        return f"{code}@{start}/{stop}" if start and stop and start <= stop else None
    return None


SHORT_WORDS = frozenset(
    {
        "air",
        "law",
        "sea",
        "new",
        "red",
        "aid",
        "war",
        "oil",
        "gas",
        "arm",
        "bar",
        "art",
        "one",
        "two",
        "all",
        "pro",
        "our",
        "way",
        "end",
        "day",
        "key",
        "top",
    }
)
ACRONYM = re.compile(r"^[A-Z0-9.&-]+$")
SMALL = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "de",
        "del",
        "la",
        "le",
        "du",
        "al",
        "el",
        "bin",
        "ibn",
        "van",
        "von",
        "der",
        "da",
        "dos",
        "do",
    }
)


def _name(raw: str, *, org: bool = False) -> str:
    """``PEOPLES_LIBERATION_ARMY_`` -> ``Peoples Liberation Army``; acronyms ("PLA", "U.N.") stay upper case.

    Phoenix writes everything in capitals, so an acronym is guessed: a word with
    dots or without vowels, or in an organisation's name a word of up to three letters.
    """
    raw = raw.split("#")[0].split("[")[0].strip().lstrip("+").strip()
    raw = re.sub(r"\([^)]*\)", " ", raw)  # "(AAIA)" abbreviations in brackets
    words = [w for w in raw.replace("_", " ").split() if w]
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        short = org and len(w) <= 3 and low not in SMALL and low not in SHORT_WORDS
        if ACRONYM.match(w) and (not re.search(r"[AEIOUY]", w) or "." in w or short) and len(w) <= 6:
            out.append(w)  # "PLA", "U.N.", "FBI"
        elif i > 0 and low in SMALL:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in low.split("-")).replace("'S", "'s"))
    return " ".join(out)


def _keep_alias(name: str, generic: frozenset[str] = frozenset()) -> bool:
    words = name.split()
    if generic and all(w.strip("'").lower() in generic for w in name.replace("-", " ").split()):
        return False  # "National Front", "Youth", "Revolutionary Army": too many bearers
    if not words or len(name) < 3:
        return False
    if len(words) == 1 and (name.lower() in COMMON or name[:1].isdigit()):
        return False
    return bool(re.search(r"[A-Za-z]", name))


def _home(code: str, names: list[str], places: dict[str, str]) -> str:
    """A region-coded group's code with the one country its names name: ``AFRREB`` for the
    "National Patriotic Front of Liberia" -> ``LBRREB``; unchanged when they name none or several."""
    if code[:3] not in REGIONS:
        return code
    found = set()
    for n in names:
        words = re.findall(r"[a-z]+", n.lower().replace("_", " "))
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                iso = places.get(" ".join(words[i : i + size]))
                if iso:
                    found.add(iso)
    return found.pop() + code[3:] if len(found) == 1 else code


def parse(
    path: Path,
    countries: set[str],
    generic: frozenset[str] = frozenset(),
    places: dict[str, str] | None = None,
) -> list[tuple[str, str, list[str], list[str]]]:
    """(name, kind, aliases, codes) for every usable block of one Phoenix file.

    Names made only of ``generic`` words are dropped (used for the armed-group
    and international lists, whose old groups often have such names).
    """
    blocks: list[tuple[str, str, list[str], list[str]]] = []
    raw_names: list[str] = []  # the block's name line, then its +alias lines
    comment = ""
    codes: list[str] = []
    raw_codes: list[str] = []

    def flush() -> None:
        if not raw_names:
            return
        homed = [_home(c, raw_names, places or {}) for c in codes]
        useful = list(dict.fromkeys(c for c in homed if len(c.split("@")[0]) > 3 or c == "ELI"))
        if not useful or useful == ["ELI"] or any(c.startswith("MNC") for c in raw_codes):
            return  # a country, city or region list, a company, or nothing we can use
        if any(len(c.split("@")[0]) == 3 and c != "ELI" for c in codes):
            return  # a country's own block (its names, cities and eras: UKR, UKRUNR 1991)
        first = _name(raw_names[0])
        if re.search(r"CountryInfo|rulers|leaders", comment, re.I):
            kind = "person"
        elif any("@" in c for c in useful) and not ORG_WORDS.intersection(first.lower().split()):
            kind = "person"  # a plain name with a dated code: "HASHIM_THACI_ [KSVGOV >080109]"
        else:
            kind = "organisation"
        names = [_name(r, org=kind == "organisation") for r in raw_names]
        forms = [a for a in dict.fromkeys(names) if _keep_alias(a, generic)]
        if forms:
            blocks.append((forms[0], kind, forms[1:], useful))

    def take(found: list[str]) -> None:
        for c in found:
            raw_codes.append(c)
            code = _code(c, countries)
            if code:
                codes.append(code)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.strip()
        if not body or body.startswith("#"):
            continue
        inline = re.findall(r"\[([^\]]*)\]", body.split("#")[0])
        if body.startswith("["):
            take(inline)
            continue
        if body.startswith("+"):
            raw_names.append(body)
            take(inline)
            continue
        flush()
        raw_names, codes, raw_codes = [body], [], []
        comment = body.partition("#")[2]
        take(inline)
    flush()
    return blocks


def _unique_surnames(blocks: list[tuple[str, str, list[str], list[str], str]], generic: set[str]) -> dict[int, str]:
    """A bare surname alias ("Museveni") for people whose surname no other name here (in any
    position), in officeholders.tsv or among place names has, who held a dated post since
    1995, and whose surname is not a common word; keyed by ``id`` of the block's alias list."""
    taken: dict[str, int] = {}
    for line in (DATA / "officeholders.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("name\t"):
            cells = line.split("\t")
            for form in [cells[0], *cells[1].split("|")]:
                if form.strip():
                    taken[form.split()[-1].lower()] = taken.get(form.split()[-1].lower(), 0) + 2
    # Place names (provinces, districts) are not surnames to match on their own.
    for fname in ("geo_admin1.tsv", "geo_admin2.tsv", "countries.tsv"):
        for line in (DATA / fname).read_text(encoding="utf-8").splitlines():
            for cell in line.split("\t"):
                for form in cell.split("|"):
                    for w in form.split():
                        taken[w.lower()] = taken.get(w.lower(), 0) + 2
    owner: dict[str, int] = {}
    for name, _kind, aliases, _codes, _src in blocks:
        # any word of any name, so a surname that is someone else's given name is not unique
        words = {w.lower() for a in [name, *aliases] for w in a.split()}
        for w in words:
            taken[w] = taken.get(w, 0) + 1
            owner[w] = id(aliases)
    out: dict[int, str] = {}
    for name, kind, aliases, codes, _src in blocks:
        words = name.split()
        if kind != "person" or len(words) < 2:
            continue
        last = words[-1]
        # in a post since 1995 (dated; undated codes say nothing of when)
        # a leading figure: a plain GOV/MIL/OPP/REB code (heads, core ministers, commanders,
        # opposition and rebel leaders), not a line ministry (GOVBUS, GOVAGR...)
        top = any(re.fullmatch(r"[A-Z]{3}(GOV|MIL|OPP|REB)(@.*)?", c) for c in codes)
        recent = top and any(
            "@" in c and (c.split("/")[-1][:4] >= "1995" or (c.endswith("/") and c.split("@")[1] >= "1995"))
            for c in codes
        )
        if (
            taken.get(last.lower()) == 1
            and owner.get(last.lower()) == id(aliases)
            and len(last) >= 5
            and last.isalpha()
            and last[0].isupper()
            and last.lower() not in generic
            and recent
            and last not in aliases
        ):
            out[id(aliases)] = last
    return out


def build(shared: Path) -> str:
    ref = shared / "eval" / "reference"
    countries: set[str] = set()
    places: dict[str, str] = {}  # country names and demonyms, lower case -> ISO3
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("iso3"):
            cells = line.split("\t")
            countries.add(cells[0])
            for form in [cells[2], *cells[3].split("|"), *cells[4].split("|")]:
                if form.strip():
                    places[form.strip().lower()] = cells[0]
    generic = set(GENERIC)
    for line in (DATA / "agents.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("phrase\t"):
            generic.update(line.split("\t")[0].lower().replace("-", " ").split())
    blocks: list[tuple[str, str, list[str], list[str], str]] = []
    seen: set[tuple[str, str]] = set()
    for fname in FILES:
        strict = frozenset(generic) if "Countries" not in fname else frozenset()
        for name, kind, aliases, codes in parse(ref / fname, countries, strict, places):
            key = (name.lower(), "|".join(codes))
            if key in seen:
                continue
            seen.add(key)
            src = fname.replace(".actors.txt", "").replace("Phoenix.", "")
            blocks.append((name, kind, aliases, codes, src))
    surnames = _unique_surnames(blocks, generic)
    rows = []
    for name, kind, aliases, codes, src in blocks:
        extra = [surnames[id(aliases)]] if id(aliases) in surnames else []
        rows.append("\t".join([name, kind, "|".join([*aliases, *extra]), "|".join(codes), src]))
    return HEADER + "name\tkind\taliases\tcodes\tsource\n" + "\n".join(rows) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--check", action="store_true", help="exit 1 if the file on disk is not what would be built")
    args = ap.parse_args()
    if not (args.shared / "eval" / "reference").is_dir():
        print(f"[T090] no reference data under {args.shared}/eval/reference", file=sys.stderr)
        return 2
    text = build(args.shared)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("phoenix_actors.tsv is " + ("up to date" if same else "stale"))
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - HEADER.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
