"""The compiled tagger: served only from an up-to-date build, and identical to pure Python."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.db import REPO

from ingest import accel, cli
from ingest.tagger import Tagger  # noqa: F401 - imported so accel.compiled() can see it


def _fake_build(tmp_path: Path, source: bytes, digest_of: bytes, so: bool = True) -> accel.CompiledFinder:
    pkg = tmp_path / "src"
    pkg.mkdir()
    (pkg / "tagger.py").write_bytes(source)
    build = tmp_path / "build"
    (build / "ingest").mkdir(parents=True)
    if so:
        (build / "ingest" / ("tagger" + accel._abi())).write_bytes(b"not loaded by find_spec")
    sources = {"tagger": hashlib.sha256(digest_of).hexdigest()}  # what the build was made from
    return accel.CompiledFinder(sources, build_dir=build, package_dir=pkg)


def test_an_up_to_date_build_is_served(tmp_path: Path) -> None:
    finder = _fake_build(tmp_path, b"x = 1\n", b"x = 1\n")
    spec = finder.find_spec("ingest.tagger")
    assert spec is not None and spec.origin.endswith("tagger" + accel._abi())
    assert finder.find_spec("ingest.store") is None  # not a compiled module
    assert finder.find_spec("other.tagger") is None


def test_an_edited_source_runs_as_python(tmp_path: Path) -> None:
    finder = _fake_build(tmp_path, b"x = 2  # edited after the build\n", b"x = 1\n")
    assert finder.find_spec("ingest.tagger") is None


def test_a_missing_extension_runs_as_python(tmp_path: Path) -> None:
    finder = _fake_build(tmp_path, b"x = 1\n", b"x = 1\n", so=False)
    assert finder.find_spec("ingest.tagger") is None


def test_a_build_for_another_python_is_ignored(tmp_path: Path) -> None:
    (tmp_path / accel.MANIFEST).write_text(json.dumps({"abi": ".cpython-27.so", "sources": {"tagger": "0"}}))
    assert accel.read_manifest(tmp_path) == {}
    (tmp_path / accel.MANIFEST).write_text("{not json")
    assert accel.read_manifest(tmp_path) == {}
    assert accel.read_manifest(tmp_path / "absent") == {}


def test_pure_python_switch_installs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path
                                           if not isinstance(f, accel.CompiledFinder)])
    monkeypatch.setattr(accel, "read_manifest", lambda: {"tagger": "0"})
    monkeypatch.setenv(accel.PURE_ENV, "1")
    accel.install()
    assert not any(isinstance(f, accel.CompiledFinder) for f in sys.meta_path)
    monkeypatch.delenv(accel.PURE_ENV)
    accel.install()
    accel.install()  # once only
    assert sum(isinstance(f, accel.CompiledFinder) for f in sys.meta_path) == 1


def test_a_failed_build_says_why_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def fail() -> list[str]:
        raise accel.BuildError("C compilation failed (command 'gcc' failed)")

    monkeypatch.setattr(accel, "build", fail)
    assert cli.main(["compile"]) == 0  # the pure-Python tagger still works
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pure-Python one will run" in err and "gcc" in err
    assert cli.main(["compile", "--strict"]) == 1


def _tag(inp: Path, pure: bool) -> str:
    env = {**os.environ, accel.PURE_ENV: "1" if pure else ""}
    code = ("import sys; from ingest import accel, cli; import ingest.tagger; "
            "print(','.join(accel.compiled()), file=sys.stderr); sys.exit(cli.main(['tag', sys.argv[1]]))")
    proc = subprocess.run([sys.executable, "-c", code, str(inp)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    compiled = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    assert (compiled == "") == pure, f"pure={pure} but compiled modules: {compiled!r}"
    return proc.stdout


@pytest.mark.skipif(accel.compiled() != list(accel.MODULES),
                    reason="the compiled tagger is not built here (python -m ingest compile)")
def test_compiled_and_pure_python_tag_identically(tmp_path: Path) -> None:
    from tests.benchmarks.synth import articles

    items = [json.loads(line) for line in (REPO / "data/labelled/dev.jsonl").read_text().splitlines()
             if line.strip()]
    items += [{"id": f"synth-{i}", "title": t, "summary": s, "published": p.isoformat()}
              for i, (t, s, p) in enumerate(articles(150, 2000, seed=11))]
    items += [  # odd inputs: markup, entities, non-ASCII case changes, empty parts
        {"id": "odd-1", "title": "", "summary": "<p>İstanbul &amp; Ankara ban <b>boron</b> exports "
         "from 1 March.</p>", "published": "2025-02-01T00:00:00Z"},
        {"id": "odd-2", "title": "ÉTATS-UNIS: tariffs on gallium", "summary": "",
         "published": "2025-02-01T00:00:00Z"},
    ]
    for item in items:
        item.setdefault("published", "2025-01-01T00:00:00Z")
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    compiled, pure = _tag(inp, pure=False), _tag(inp, pure=True)
    assert compiled.count("\n") == len(items)
    assert compiled == pure


_CYCLES = """
import gc, json, sys
from datetime import datetime
from ingest import accel
from ingest.tagger import Tagger
from tests.benchmarks.synth import articles
tagger = Tagger()
items = [json.loads(line) for line in open("data/labelled/dev.jsonl", encoding="utf-8") if line.strip()]
todo = [(i["title"], i["summary"], datetime.fromisoformat(i["published"])) for i in items]
todo += list(articles(100, 2000, seed=5))
tagger.tag(*todo[0])
gc.collect()
gc.disable()
for t in todo:
    tagger.tag(*t)
print(",".join(accel.compiled()) + "|" + str(gc.collect()))
"""


@pytest.mark.parametrize("pure", [True, False], ids=["pure-python", "compiled"])
def test_tagging_leaves_no_reference_cycles(pure: bool) -> None:
    """Everything an article allocates is freed by reference counting when it is done.

    A cycle (compiled closures share one scope object: a helper stored there points back at
    it) would keep each article's words, mentions and sentences alive until the cyclic
    collector ran, and make that collector walk them (8% of the compiled tagger's time).
    """
    if not pure and accel.compiled() != list(accel.MODULES):
        pytest.skip("the compiled tagger is not built here (python -m ingest compile)")
    env = {**os.environ, accel.PURE_ENV: "1" if pure else ""}
    proc = subprocess.run([sys.executable, "-c", _CYCLES], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    modules, garbage = proc.stdout.strip().splitlines()[-1].split("|")
    assert (modules == "") == pure
    assert garbage == "0", f"tagging left {garbage} objects in reference cycles"
