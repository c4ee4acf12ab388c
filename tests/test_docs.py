"""Docs tests: every CLI command, option and setting is documented in the README, and the two
dependency lists (requirements*.txt, pyproject.toml) agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from ingest.cli import COMMANDS, build_parser
from ingest.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _help(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The --help text of one command, as a user sees it."""
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    return capsys.readouterr().out


def _requirements(name: str) -> list[str]:
    """The requirement lines of a requirements file: comments, blanks and `-r` dropped."""
    lines = (line.split("#", 1)[0].strip() for line in (ROOT / name).read_text(encoding="utf-8").splitlines())
    return [line.replace(" ", "") for line in lines if line and not line.startswith("-r")]


def test_every_command_has_a_readme_section_and_help(capsys) -> None:
    assert set(COMMANDS) == {"run", "tag", "retag", "evaluate", "export", "feeds", "subscriptions", "review"}
    for name in COMMANDS:
        assert f"### `python -m ingest {name}" in README, f"README lacks a section for {name}"
        assert _help(name, capsys).count("\n") > 2, f"{name} has no help"


def test_every_option_is_mentioned_in_the_readme(capsys) -> None:
    for name in COMMANDS:
        for flag in set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", _help(name, capsys))) - {"--help"}:
            assert flag in README, f"README does not mention {name} {flag}"


def test_every_setting_is_in_the_settings_table() -> None:
    for name, (default, _what) in SETTINGS.items():
        assert f"| `{name}` | {default} |" in README, f"README's settings table lacks {name}"
    for other in ("TRACKER_TEST_PG_URL", "data/feeds.toml"):
        assert other in README


def test_quick_start_is_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^make (\w+)", quick, flags=re.M) == ["run", "test"]


def test_requirements_and_pyproject_agree() -> None:
    project = PYPROJECT["project"]
    assert _requirements("requirements.txt") == [d.replace(" ", "") for d in project["dependencies"]]
    extras = project["optional-dependencies"]
    assert _requirements("requirements-dev.txt") == [
        d.replace(" ", "") for d in (*extras["postgres"], *extras["articles"], *extras["dev"])]


def test_every_tracker_variable_the_code_names_is_documented() -> None:
    """A TRACKER_* name anywhere in the code (a message, a docstring) is one the README explains."""
    code = [*ROOT.glob("ingest/**/*.py"), *ROOT.glob("views/*.py"), ROOT / "dashboard.py"]
    named = {m for p in code for m in re.findall(r"\bTRACKER_[A-Z_]+\b", p.read_text(encoding="utf-8"))}
    assert named >= set(SETTINGS)
    assert not {n for n in named if f"`{n}`" not in README}, "undocumented settings"
