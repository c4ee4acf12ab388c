"""Where `export` and `tag` write: a file that cannot be written, a full disk or /dev/full
gives one line and exit status 1, and never a partial file left as if it were complete."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from helpers.db import REPO
from helpers.hostile import one_line

from ingest.cli import main
from ingest.read import export

DEV_FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not DEV_FULL.exists(), reason="needs /dev/full")


def _targets(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Paths that cannot be written, and the reason each must give."""
    (tmp / "a-folder").mkdir(exist_ok=True)
    found = {
        "missing-folder": (tmp / "missing" / "events.csv", "No such file or directory"),
        "missing-folders": (tmp / "a" / "b" / "c" / "events.jsonl", "No such file or directory"),
        "a-folder": (tmp / "a-folder", "Is a directory"),
        "below-a-file": (tmp / "plain.txt" / "events.csv", "Not a directory"),
    }
    (tmp / "plain.txt").write_text("x")
    if DEV_FULL.exists():
        found["dev-full"] = (DEV_FULL, "No space left on device")
    return found


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_to_a_target_that_cannot_be_written(offline_db_url, tmp_path, capsys, fmt):
    for name, (target, reason) in _targets(tmp_path).items():
        assert main(["export", "--events", "--format", fmt, "--db", offline_db_url, "-o", str(target)]) == 1, name
        out, err = capsys.readouterr()
        assert one_line(err.strip()) == f"error: cannot write {target}: {reason}; nothing written"
        assert out == ""
    assert not list(tmp_path.rglob("*.part")), "a temporary file was left behind"


@needs_dev_full
def test_export_to_dev_full_in_a_real_process(offline_db_url):
    res = run_cli("export", "--events", "--db", offline_db_url, "-o", str(DEV_FULL))
    assert res.returncode == 1
    assert one_line(res.stderr.strip()) == f"error: cannot write {DEV_FULL}: No space left on device; nothing written"


@needs_dev_full
@pytest.mark.parametrize("command", [["export", "--events", "--format", "jsonl"], ["tag"]])
def test_standard_output_on_a_full_disk(offline_db_url, command):
    if command == ["tag"] and "postgresql" in offline_db_url:
        pytest.skip("tag reads no store: once is enough")
    args = [*command, "--db", offline_db_url] if command[0] == "export" else command
    line = json.dumps({"id": 1, "title": "China restricts gallium exports"}) + "\n"
    with open(DEV_FULL, "w") as full:
        res = subprocess.run([sys.executable, "-m", "ingest", *args], cwd=REPO, stdout=full,
                             stderr=subprocess.PIPE, input=line.encode() if command == ["tag"] else None,
                             timeout=60, check=False)
    err = res.stderr.decode()
    assert res.returncode == 1, err
    assert one_line(err.strip()) == "error: cannot write to standard output: No space left on device"


class _DiskFills:
    """A stand-in for export.write that writes some of the events, then hits a full disk."""

    def __init__(self, real):
        self.real = real

    def __call__(self, events, fmt, out):
        events = list(events)
        self.real(events[: len(events) // 2], fmt, out)
        out.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("existing", [False, True])
def test_a_write_that_fails_midway_leaves_no_partial_file(offline_db_url, tmp_path, monkeypatch, capsys, existing):
    target = tmp_path / "events.csv"
    if existing:
        target.write_text("the previous export\n")
        target.chmod(0o640)
    monkeypatch.setattr(export, "write", _DiskFills(export.write))
    assert main(["export", "--events", "--db", offline_db_url, "-o", str(target)]) == 1
    assert one_line(capsys.readouterr().err.strip()) == \
        f"error: cannot write {target}: No space left on device; nothing written"
    assert sorted(p.name for p in tmp_path.iterdir()) == (["events.csv"] if existing else [])
    if existing:
        assert target.read_text() == "the previous export\n"


def test_a_complete_export_replaces_the_file_and_keeps_its_permissions(offline_db_url, tmp_path, capsys):
    target = tmp_path / "events.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    assert main(["export", "--events", "--format", "jsonl", "--db", offline_db_url, "-o", str(target)]) == 0
    n = int(capsys.readouterr().err.split()[1])
    assert n > 10 and len(target.read_text().splitlines()) == n
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.csv"
    assert main(["export", "--events", "--db", offline_db_url, "-o", str(fresh)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
