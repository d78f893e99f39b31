#!/usr/bin/env python3
"""Vendor the explorer's browser libraries from npm into tidings/contrib/static/vendor/.

    python3 tools/vendor_web.py            # fetch with `npm pack`, check, copy, write vendor/README.md
    python3 tools/vendor_web.py --check    # exit 1 when the vendored files differ from the npm packages

``tidings serve`` fetches nothing at run time: Leaflet, topojson-client and the
Natural Earth country outlines of world-atlas ship inside the wheel. Each
package is downloaded by ``npm pack NAME@VERSION`` (the npm registry only), its
tarball checked against the sha512 integrity pinned below, and only the files
listed copied, with the package's licence beside them. The outlines stay
TopoJSON; the map page turns them into GeoJSON in the browser with
topojson-client. Needs ``npm`` on the PATH; standard library otherwise.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "tidings" / "contrib" / "static" / "vendor"

# name, version, sha512 integrity of the npm tarball, licence, files to copy (path in the package -> path here)
PACKAGES: tuple[tuple[str, str, str, str, dict[str, str]], ...] = (
    (
        "leaflet",
        "1.9.4",
        "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
        "BSD-2-Clause",
        {
            "dist/leaflet.js": "leaflet.js",
            "dist/leaflet.css": "leaflet.css",
            "dist/images/layers.png": "images/layers.png",
            "dist/images/layers-2x.png": "images/layers-2x.png",
            "dist/images/marker-icon.png": "images/marker-icon.png",
            "dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
            "dist/images/marker-shadow.png": "images/marker-shadow.png",
            "LICENSE": "LICENSE",
        },
    ),
    (
        "topojson-client",
        "3.1.0",
        "sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw==",
        "ISC",
        {"dist/topojson-client.min.js": "topojson-client.min.js", "LICENSE": "LICENSE"},
    ),
    (
        "world-atlas",
        "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
        "ISC (the TopoJSON); Natural Earth data, public domain",
        {"countries-110m.json": "countries-110m.json", "LICENSE": "LICENSE"},
    ),
)


def _integrity(tarball: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode("ascii")


def _pack(name: str, version: str, into: Path) -> Path:
    out = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--silent"], cwd=into, check=True, capture_output=True, text=True
    )
    return into / out.stdout.strip().splitlines()[-1]


def _files(tarball: Path, wanted: dict[str, str]) -> dict[str, bytes]:
    got: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            inner = member.name.split("/", 1)[1] if "/" in member.name else member.name
            if inner in wanted and member.isfile():
                f = tar.extractfile(member)
                assert f is not None
                got[wanted[inner]] = f.read()
    missing = sorted(set(wanted.values()) - set(got))
    if missing:
        raise SystemExit(f"{tarball.name}: missing {', '.join(missing)}")
    return got


def _readme(rows: list[tuple[str, str, str, str]]) -> str:
    lines = [
        "# Vendored browser libraries",
        "",
        "Copied from the npm registry by `tools/vendor_web.py` (do not edit by hand; run it again).",
        "`tidings serve` serves them from `/-/tidings/static/vendor/`; nothing is fetched at run time.",
        "",
        "| package | version | licence | npm tarball integrity |",
        "|---|---|---|---|",
    ]
    lines += [f"| {n} | {v} | {lic} | `{i}` |" for n, v, lic, i in rows]
    lines += [
        "",
        "Each folder keeps its package's `LICENSE`. `world-atlas/countries-110m.json` is Natural Earth's",
        "1:110m Admin 0 country boundaries (version 4.1.0, public domain) as TopoJSON; the map page turns",
        "it into GeoJSON in the browser with topojson-client.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    stale: list[str] = []
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, version, pinned, licence, wanted in PACKAGES:
            tarball = _pack(name, version, Path(tmp))
            integrity = _integrity(tarball)
            if integrity != pinned:
                raise SystemExit(f"{name}@{version}: integrity {integrity} is not the pinned {pinned}")
            rows.append((name, version, licence, integrity))
            for rel, data in _files(tarball, wanted).items():
                target = VENDOR / name / rel
                if args.check:
                    if not target.is_file() or target.read_bytes() != data:
                        stale.append(str(target.relative_to(REPO)))
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    readme = _readme(rows)
    if args.check:
        if (VENDOR / "README.md").read_text(encoding="utf-8") != readme:
            stale.append("tidings/contrib/static/vendor/README.md")
        for path in stale:
            print(f"stale: {path}", file=sys.stderr)
        return 1 if stale else 0
    (VENDOR / "README.md").write_text(readme, encoding="utf-8")
    print(f"vendored {', '.join(f'{n}@{v}' for n, v, _, _ in rows)} into {VENDOR.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
