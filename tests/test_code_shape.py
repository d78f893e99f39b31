"""The shape a newcomer can read: no module of tidings/ over 900 lines, no function over 100,
and no module that imports back into its own package's ``__init__``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tidings"
MAX_MODULE_LINES = 900
MAX_FUNCTION_LINES = 100


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_module_is_over_900_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE.parent)): n
        for p in _modules()
        if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, long


def test_no_function_is_over_100_lines() -> None:
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}"] = n
    assert not long, long


def test_no_module_imports_its_own_package_init() -> None:
    """``from tidings.places import x`` inside tidings/places/ must name a module (``gazetteer``),
    never something the package's ``__init__`` defines: that is how import circles start."""
    back = []
    for path in _modules():
        if path.name == "__init__.py":
            continue
        package = _name(path).rsplit(".", 1)[0]
        folder = path.parent
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ImportFrom) or node.module != package or package == "tidings":
                continue
            names = [a.name for a in node.names]
            if any(not (folder / f"{n}.py").exists() and not (folder / n).is_dir() for n in names):
                back.append(
                    f"{path.relative_to(PACKAGE.parent)}:{node.lineno} from {package} import {', '.join(names)}"
                )
    assert not back, back


def test_cli_commands_are_thin() -> None:
    """A command parses its options and calls the library: ``tidings process`` (the run loop lives
    in tidings/runner.py) has a body, docstring aside, of under 40 lines."""
    tree = ast.parse((PACKAGE / "cli.py").read_text())
    process = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "process")
    body = process.body[1:] if isinstance(process.body[0], ast.Expr) else process.body
    lines = (body[-1].end_lineno or body[-1].lineno) - body[0].lineno + 1
    assert lines < 40, lines
