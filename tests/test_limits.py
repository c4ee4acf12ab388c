"""A feed that takes too long to parse and tag fails alone, and Ctrl-C stops a run at once.

Parsing and tagging run in worker processes; each feed gets TRACKER_PARSE_TIMEOUT seconds,
after which its worker is killed and replaced. The hostile bodies here are linear but slow
(about 4 s a megabyte in feedparser's fallback parser), so the limit is what stops them.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.db import REPO
from helpers.feedserver import Response, drip
from helpers.hostile import feed_rows, good_feed, one_line, slow_to_parse

from ingest import pipeline
from ingest.cli import main
from ingest.read.queries import feed_health
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import FetchSettings

NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)
RSS = {"Content-Type": "application/rss+xml"}
FAST = FetchSettings(deadline=20, read_timeout=10, connect_timeout=2, retries=0, backoff=0)
LIMIT = 0.5


def test_a_feed_over_the_limit_fails_alone_and_the_others_are_written(feed_server, engine, capsys):
    names = ["good-a", "slow-1", "good-b", "slow-2", "good-c"]
    specs = [FeedSpec(n, feed_server.route(f"/{n}", Response(
        200, slow_to_parse(2, n) if n.startswith("slow") else good_feed(n), RSS))) for n in names]
    t0 = time.monotonic()
    summary = pipeline.run(engine, specs, workers=4, settings=FAST, now=lambda: NOW,
                           processes=2, parse_timeout=LIMIT)
    seconds = time.monotonic() - t0
    outcomes = {o.name: o for o in summary.outcomes}
    assert [o.name for o in summary.outcomes] == names  # written in list order
    health = feed_health(engine, now=NOW).set_index("feed").to_dict("index")
    for name in ("good-a", "good-b", "good-c"):  # a killed worker is replaced: later feeds parse
        assert (outcomes[name].status, outcomes[name].new_articles) == ("ok", 2), outcomes[name]
    for name in ("slow-1", "slow-2"):
        error = one_line(outcomes[name].error)
        assert error == ("parsing and tagging took longer than the 0.5 s limit "
                         "(TRACKER_PARSE_TIMEOUT); stopped")
        assert (health[name]["status"], health[name]["error"]) == ("failed", error)
        assert feed_rows(engine, name) == {"links": 0, "log": 1}
    # Each slow feed cost its limit, not its 7 s of parsing: two workers, two limits at most.
    assert seconds < 2 * LIMIT + 4, seconds
    assert main(["feeds", "--db", engine.url.render_as_string(hide_password=False)]) == 0
    rows = [ln for ln in capsys.readouterr().out.splitlines() if ln.lstrip().startswith("slow-")]
    assert len(rows) == 2 and all("took longer than the 0.5 s limit" in r for r in rows)


def test_the_limit_is_a_setting(feed_server, engine, monkeypatch):
    monkeypatch.setenv("TRACKER_PARSE_TIMEOUT", "0.25")
    specs = [FeedSpec("slow", feed_server.route("/slow", Response(200, slow_to_parse(1), RSS)))]
    (out,) = pipeline.run(engine, specs, settings=FAST, now=lambda: NOW).outcomes
    assert out.error and "longer than the 0.25 s limit" in out.error


@pytest.mark.parametrize("value", ["abc", "0", "-3", "nan"])
def test_a_bad_limit_is_a_usage_error(tmp_path, capsys, monkeypatch, value):
    monkeypatch.setenv("TRACKER_PARSE_TIMEOUT", value)
    assert main(["run", "--offline", "--db", f"sqlite:///{tmp_path / 'x.db'}"]) == 2
    err = one_line(capsys.readouterr().err.strip())
    assert err == f"error: TRACKER_PARSE_TIMEOUT={value!r} is not a number of seconds above 0"


# --- Ctrl-C -------------------------------------------------------------------------------------


def _descendants(pid: int) -> set[int]:
    """Every live process below `pid` (its children, theirs, ...), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes via /proc")
def test_ctrl_c_stops_a_run_without_waiting_for_work_in_flight(feed_server, tmp_path):
    """SIGINT while one feed is parsing (15 s of work) and another is still downloading: the
    run ends at once (about 0.3 s on an idle machine; the bound leaves room for a busy one,
    and is still far below the work it must not wait for)."""
    body = good_feed("drip")
    feeds = {
        "good": feed_server.feed("/good", good_feed("good")),
        "slow-parse": feed_server.route("/slow", Response(200, slow_to_parse(4), RSS)),
        "slow-fetch": feed_server.route("/drip", Response(
            200, headers={**RSS, "Content-Length": str(len(body))},
            chunks=lambda: drip(body, 1.0, feed_server.stopping))),
    }
    toml = tmp_path / "feeds.toml"
    toml.write_text("".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n\n' for n, u in feeds.items()))
    env = {**os.environ, "TRACKER_PARSE_TIMEOUT": "120"}
    env.pop("TRACKER_DB_URL", None)
    cmd = [sys.executable, "-m", "ingest", "run", "--feeds", str(toml), "--db", f"sqlite:///{tmp_path / 'c.db'}"]
    with subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as proc:
        lines: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=lambda: [lines.put(ln) for ln in proc.stderr], daemon=True)
        reader.start()
        try:
            seen: list[str] = []
            while not any(ln.startswith("ok") and "good" in ln for ln in seen):  # the first feed is written
                seen.append(lines.get(timeout=30))
            assert feed_server.wait_for(1, "/slow") and feed_server.wait_for(1, "/drip")
            workers = _descendants(proc.pid)
            assert workers, "no worker process found"
            t0 = time.monotonic()
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=10)
            took = time.monotonic() - t0
        finally:
            if proc.poll() is None:
                proc.kill()
        reader.join(timeout=5)
    stderr = "".join(seen) + "".join(lines.queue)
    assert proc.returncode == 130, stderr
    assert took < 6.0, took
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr
    deadline = time.monotonic() + 2
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in workers if _alive(p)], "a worker outlived the run"
