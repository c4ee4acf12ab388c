"""The house rules of the layout, checked so they stay true: small modules, short functions,
a thin dashboard, a tagger that loads without the store, no build step."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.joinpath("ingest").rglob("*.py"), *ROOT.joinpath("views").rglob("*.py")])
MODULE_LINES = 420  # "about 400"
FUNCTION_LINES = 65  # "about 60"


def _lines(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("\n")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_are_small(path: Path) -> None:
    assert _lines(path) <= MODULE_LINES


@pytest.mark.parametrize("path", [*SOURCES, ROOT / "dashboard.py"], ids=lambda p: str(p.relative_to(ROOT)))
def test_functions_fit_on_a_screen(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (node.end_lineno or node.lineno) - node.lineno + 1 > FUNCTION_LINES
    ]
    assert not long


def test_dashboard_is_a_composer() -> None:
    assert _lines(ROOT / "dashboard.py") <= 260


def test_the_tagger_loads_without_the_store() -> None:
    code = "import sys, ingest.tagging.tagger; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_compile_step() -> None:
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").lower()
    assert "cython" not in requirements
    assert not list(ROOT.joinpath("ingest").rglob("*.pyx"))
