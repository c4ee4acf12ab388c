"""Benchmarks: tagging, ingest, queries and the dashboard, at realistic and large scale.

Run with `make bench` (or `.venv/bin/python tests/benchmarks/run.py [NAME ...]`). Each
benchmark runs in its own process, so its peak RSS is its own, and reports the median of
several runs with min and max. Everything is generated from a seed and served on 127.0.0.1;
nothing touches the network. Stores are cached in bench-results/ between invocations.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench-results"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


# --- tagger -------------------------------------------------------------------------------


def bench_tagger() -> dict:
    """Articles per second on one core: synthetic 2,000- and 8,000-character articles, and
    real-size RSS entries (the shared 2023 corpus when present, else 380-character articles)."""
    from ingest.tagging.tagger import Tagger
    from tests.benchmarks.synth import articles

    _one_core()
    tagger = Tagger()
    sets = {f"tagger_{chars}_chars_per_s": list(articles(n, chars, seed=chars))
            for chars, n in ((2000, 1000), (8000, 250))}
    sets["tagger_rss_entries_per_s"] = _rss_entries() or list(articles(2000, 380, seed=380))
    out = {}
    reference = []
    for key, arts in sets.items():
        for t, b, p in arts[:20]:  # warm-up
            tagger.tag(t, b, p)
        rates = []
        for _ in range(RUNS):
            reference.append(_reference_rate())
            t0 = time.process_time()
            for t, b, p in arts:
                tagger.tag(t, b, p)
            rates.append(len(arts) / (time.process_time() - t0))
        out[key] = _stats(rates)
    out["tagger_reference_runs_per_s"] = _stats(reference)
    return out


def _reference_rate() -> float:
    """Runs per second of a fixed pure-Python workload (counting words in a dict, a regex
    scan: the tagger's staple work), measured between the tagger's runs. It tells a slower
    machine (or a busy core) from slower code when figures of two sessions are compared."""
    import re

    text = "China imposed export curbs on gallium and germanium, officials said on Monday. " * 8
    rx = re.compile(r"\b(?:curbs?|bans?|tariffs?)\b")
    t0 = time.process_time()
    for _ in range(200):
        counts: dict[str, int] = {}
        for word in text.split():
            counts[word] = counts.get(word, 0) + 1
        sum(1 for _m in rx.finditer(text))
    return 200 / (time.process_time() - t0)


def _rss_entries() -> list[tuple[str, str, datetime]]:
    """The 2,444 real 2023 entries as (title, summary, published), or [] without ../shared."""
    path = ROOT.parent / "shared" / "corpora" / "real-news-2023.jsonl"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        out.append((x["title"], x.get("summary") or "", datetime.fromisoformat(x["published"])))
    return out


# --- ingest -------------------------------------------------------------------------------


def _feed_xml(i: int, items: list[tuple[str, str, datetime]]) -> bytes:
    from email.utils import format_datetime
    from xml.sax.saxutils import escape

    parts = [f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
             f"<title>Bench feed {i}</title><link>https://bench{i}.example/</link>"
             f"<description>synthetic</description>"]
    for j, (title, summary, pub) in enumerate(items):
        parts.append(
            f"<item><title>{escape(title)}</title><link>https://bench{i}.example/a/{j}</link>"
            f"<guid isPermaLink='false'>bench-{i}-{j}</guid><pubDate>{format_datetime(pub)}</pubDate>"
            f"<description>{escape(summary)}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def bench_ingest(feeds: int = 200, items: int = 50) -> dict:
    """200 feeds x 50 items over HTTP on 127.0.0.1: a cold run, then a run of all 304s."""
    import hashlib
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from ingest import pipeline, store
    from ingest.sources.feedlist import FeedSpec
    from tests.benchmarks.synth import articles

    corpus = list(articles(feeds * items, 600, seed=7))
    bodies = {f"/feed/{i}.xml": _feed_xml(i, corpus[i * items:(i + 1) * items]) for i in range(feeds)}
    etags = {k: '"' + hashlib.sha1(v).hexdigest()[:16] + '"' for k, v in bodies.items()}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            body = bodies.get(self.path)
            if body is None:
                self.send_error(404)
                return
            if self.headers.get("If-None-Match") == etags[self.path]:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etags[self.path])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    # Eight loopback addresses stand for eight publishers (one request at a time per host).
    servers = []
    for host in range(1, 9):
        srv = ThreadingHTTPServer((f"127.0.0.{host}", 0), Handler)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
    specs = [FeedSpec(f"bench {i}", f"http://{servers[i % 8].server_address[0]}:"
                      f"{servers[i % 8].server_address[1]}/feed/{i}.xml") for i in range(feeds)]
    cold, warm = [], []
    counts = {}
    try:
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory() as tmp:
                engine = store.connect(f"sqlite:///{tmp}/bench.db")
                t0 = time.perf_counter()
                s1 = pipeline.run(engine, specs, workers=8)
                cold.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                s2 = pipeline.run(engine, specs, workers=8)
                warm.append(time.perf_counter() - t0)
                counts = {"ok": s1.count("ok"), "not_modified": s2.count("not_modified"),
                          "articles": store.counts(engine)["articles"]}
                engine.dispose()
    finally:
        for srv in servers:
            srv.shutdown()
    return {"ingest_cold_s": _stats(cold), "ingest_304_s": _stats(warm), "ingest_counts": counts}


# --- stores and queries -------------------------------------------------------------------


def build_store(n_events: int, path: Path) -> str:
    """A SQLite store with `n_events` synthetic events (and one article each), cached on disk."""
    from tests.benchmarks.synthstore import populate

    url = f"sqlite:///{path}"
    if not path.exists():
        t0 = time.perf_counter()
        populate(url, n_events, seed=n_events)
        print(f"  built {n_events:,}-event store in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    return url


def bench_acts(n_acts: int = 1_000_000, n_reports: int = 10_000) -> dict:
    """Seconds to consolidate 10,000 new reports into a store of 1,000,000 acts, one core
    (the store is built once and cached; each run works on a fresh copy of it)."""
    import shutil

    from tests.benchmarks.actsbench import consolidate_into, new_reports, populate

    _one_core()
    path = OUT / f"acts-{n_acts}.db"
    if not path.exists():
        t0 = time.perf_counter()
        populate(path, n_acts)
        print(f"  built {n_acts:,}-act store in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    reports = new_reports(n_reports, n_acts)
    times = []
    for _ in range(min(RUNS, 3)):
        work = OUT / "acts-work.db"
        shutil.copyfile(path, work)
        times.append(consolidate_into(work, reports))
        work.unlink()
    return {"acts_ingest_10k_into_1m_s": _stats(times)}


def bench_queries(n_events: int) -> dict:
    """The dashboard's queries: default view, country+commodity filter, text search."""
    from ingest import store
    from ingest.read import queries as query
    from ingest.read.filters import Filters
    from ingest.tagging.taxonomy import default_taxonomy

    url = build_store(n_events, OUT / f"store-{n_events}.db")
    engine = store.connect(url)
    tax = default_taxonomy()
    today = date(2026, 11, 29)
    since, until = query.window_from_bounds(query.date_bounds(engine), today)
    def view(f: Filters) -> object:
        """What the dashboard's timeline asks for: a count, then markers or weekly counts."""
        n = query.count_events(engine, f)
        if n > 3000:
            return query.daily_counts(engine, f, "type")
        return query.events_frame(engine, f)

    cases: dict[str, Callable[[], object]] = {
        "default_view": lambda: view(Filters(since=since, until=until)),
        "country_commodity": lambda: view(Filters(
            countries=("CN",), commodities=tax.members("rare_earths"), since=since, until=until)),
        "text_search": lambda: view(Filters(text="gallium", since=since, until=until)),
    }
    out = {}
    for name, fn in cases.items():
        fn()  # warm the page cache
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
        out[f"query_{name}_{n_events}_ms"] = _stats(times)
    engine.dispose()
    return out


def bench_dashboard(n_events: int = 100_000) -> dict:
    """AppTest render time at 100,000 events: first render and one filter change."""
    from streamlit.testing.v1 import AppTest

    url = build_store(n_events, OUT / f"store-{n_events}.db")
    os.environ["TRACKER_DB_URL"] = url
    first, change = [], []
    for _ in range(RUNS):
        import streamlit as st

        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        t0 = time.perf_counter()
        at.run()
        first.append(time.perf_counter() - t0)
        if at.exception:
            raise RuntimeError(f"dashboard raised: {at.exception[0].message}")
        box = at.multiselect(key="type")
        t0 = time.perf_counter()
        box.select("export_control").run()
        change.append(time.perf_counter() - t0)
    return {"dashboard_first_render_s": _stats(first), "dashboard_filter_change_s": _stats(change)}


BENCHES: dict[str, Callable[[], dict]] = {
    "tagger": bench_tagger,
    "ingest": bench_ingest,
    "queries_10k": lambda: bench_queries(10_000),
    "queries_100k": lambda: bench_queries(100_000),
    "queries_1m": lambda: bench_queries(1_000_000),
    "dashboard_100k": bench_dashboard,
    "acts_1m": bench_acts,
}


def _child(name: str) -> None:
    result = BENCHES[name]()
    result[f"peak_rss_{name}_mb"] = _peak_rss_mb()
    print(json.dumps(result))


def _machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores, {mem:.0f} GiB, {platform.machine()}, "
            f"Python {platform.python_version()} ({os.path.realpath(sys.executable)})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("names", nargs="*", choices=[*BENCHES, []], help="benchmarks to run (default all)")
    p.add_argument("--child", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        _child(a.child)
        return 0
    OUT.mkdir(exist_ok=True)
    results: dict = {}
    t_all = time.perf_counter()
    for name in a.names or list(BENCHES):
        print(f"running {name} ...", file=sys.stderr)
        proc = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True,
                              text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            print(f"benchmark {name} failed", file=sys.stderr)
            return 1
        sys.stderr.write(proc.stderr)
        results.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    meta = {"date": datetime.now(UTC).strftime("%Y-%m-%d"), "machine": _machine(),
            "seconds": round(time.perf_counter() - t_all)}
    (OUT / "results.json").write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    print(table(meta, results))
    return 0


TARGETS = {
    "tagger_2000_chars_per_s": (">=", 500),
    "tagger_rss_entries_per_s": (">=", 3000),
    "ingest_cold_s": ("<", 30),
    "acts_ingest_10k_into_1m_s": ("<", 60),
    "ingest_304_s": ("<", 3),
    "query_country_commodity_1000000_ms": ("<", 200),
    "dashboard_first_render_s": ("<", 3),
    "dashboard_filter_change_s": ("<", 0.5),
    "peak_rss_queries_1m_mb": ("<", 1536),
}


def _num(x: float) -> str:
    """Whole numbers from 100 up ("1,040", not "1.04e+03"), else three significant digits."""
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def table(meta: dict, results: dict) -> str:
    """A Markdown table of medians (min–max) and whether each target is met."""
    lines = [f"Machine: {meta['machine']}; date {meta['date']}; "
             f"`make bench` took {meta['seconds']} s.", "",
             "| measure | median | min – max | target |", "|---|---|---|---|"]
    for key, val in results.items():
        if key == "ingest_counts":
            continue
        target = ""
        if key in TARGETS:
            op, limit = TARGETS[key]
            value = val["median"] if isinstance(val, dict) else val
            ok = value >= limit if op == ">=" else value < limit
            target = f"{op} {limit} {'✓' if ok else '✗'}"
        if isinstance(val, dict):
            lines.append(f"| {key} | {_num(val['median'])} | {_num(val['min'])} – {_num(val['max'])} "
                         f"| {target} |")
        else:
            lines.append(f"| {key} | {val:,.0f} | | {target} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
