"""Docs tests: every CLI command, option and setting is documented in the README."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ingest.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps sub-commands here
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_command_has_a_readme_section_and_help() -> None:
    commands = _subparsers(build_parser())
    assert set(commands) == {"run", "tag", "retag", "evaluate", "export", "feeds"}
    for name, sub in commands.items():
        assert f"### `python -m ingest {name}" in README, f"README lacks a section for {name}"
        assert sub.description, f"{name} has no help description"


def test_every_option_is_mentioned_in_the_readme() -> None:
    for name, sub in _subparsers(build_parser()).items():
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in README, f"README does not mention {name} {flag}"


def test_settings_and_two_command_quick_start() -> None:
    for setting in ("TRACKER_DB_URL", "TRACKER_TEST_PG_URL", "TRACKER_TRUST_ENV", "data/feeds.toml"):
        assert setting in README
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^make (\w+)", quick, flags=re.M) == ["run", "test"]


def test_hardening_settings_are_in_the_settings_table() -> None:
    from ingest.settings import SETTINGS

    for name in ("TRACKER_PARSE_TIMEOUT", "TRACKER_ALLOW_PRIVATE"):
        assert name in SETTINGS
        assert f"| `{name}` | {SETTINGS[name][0]} |" in README, name
