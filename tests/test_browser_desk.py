"""Issue 16's walk through the analyst's desk in one Chromium session: pick a country, dismiss
an act, see the dismissal survive a reload and a retag, edit a date, add an act by hand, save
a view and see an ingest run add an entry to its Atom file; the server log stays clean.

`streamlit run` serves a copy of the sample store; the CLI runs in subprocesses on the same
store, and the new report is served from 127.0.0.1. Skipped without chromium or Playwright."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from helpers.feeds import rss, rss_item
from helpers.feedserver import FeedServer

from tests.dashboard_fixtures import PROJECT_ROOT, TODAY, sample_store_url
from tests.test_browser import CHROMIUM, acts_in_view, chromium, reset_filters, streamlit, type_usa

FIXTURES = (sample_store_url,)  # used by name below

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install -y chromium)")]

PlaywrightError = pytest.importorskip("playwright.sync_api").Error
WAIT = 60_000  # ms: a busy 2-core machine reruns the page slowly
NEW_REPORT = rss_item(
    "China bans gallium exports to the United States",
    link="https://news.example/walk-1", guid="walk-1", pub_date="Thu, 03 Dec 2026 08:00:00 GMT",
    description="China banned exports of gallium to the United States with immediate effect, "
                "the commerce ministry said on Thursday.")
ADDED_URL = "https://ministry.example/notice/walk-rare-earths"
ADDED_SENTENCE = "Vietnam banned exports of rare earth ores on 3 March 2026."


@dataclass
class Desk:
    url: str  # the page
    db: str  # the store's URL
    env: dict[str, str]  # for the CLI: the same store, subscriptions folder and reviewer
    subs: Path
    log: Path


@pytest.fixture
def desk(sample_store_url: str, tmp_path: Path) -> Iterator[Desk]:
    """The dashboard on a copy of the sample store (the walk writes to it), its log in a file."""
    copy = tmp_path / "desk.db"
    shutil.copy(sample_store_url.removeprefix("sqlite:///"), copy)
    db = f"sqlite:///{copy}"
    env = {**os.environ, "TRACKER_DB_URL": db, "TRACKER_TODAY": TODAY.isoformat(),
           "TRACKER_SUBSCRIPTIONS_DIR": str(tmp_path / "subs"), "TRACKER_REVIEWER": "walker"}
    log = tmp_path / "streamlit.log"
    with streamlit(env, log) as url:
        yield Desk(url, db, env, tmp_path / "subs", log)


def ingest(desk: Desk, *args: str) -> str:
    """`python -m ingest ARGS --db STORE`; its stdout (a failure shows its stderr)."""
    done = subprocess.run([sys.executable, "-m", "ingest", *args, "--db", desk.db], cwd=PROJECT_ROOT,
                          env=desk.env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def dismissed(desk: Desk) -> list[str]:
    return [line.split("\t")[0] for line in ingest(desk, "review", "list", "--state", "dismissed").splitlines()
            if line.startswith("act-")]


def exported(desk: Desk) -> dict[str, dict]:
    lines = ingest(desk, "export", "--format", "jsonl").splitlines()
    return {a["id"]: a for a in map(json.loads, filter(None, lines))}


def load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stMetric"]', timeout=WAIT)


def settle(page) -> None:
    """Wait until the page's script has stopped running (the status widget's icon is gone, and
    still gone a moment later: a rerun shows it only after a short delay)."""
    for _ in range(2):
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')")
        page.wait_for_timeout(400)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')")


def open_marker(page, n: int) -> str:
    """Click the timeline's n-th marker; the id of the act whose detail opens."""
    page.wait_for_selector(".js-plotly-plot .scatterlayer .trace .points path", timeout=WAIT)
    settle(page)  # a chart drawn again by a late rerun forgets the click
    page.locator(".js-plotly-plot .scatterlayer .trace .points path").nth(n).click(force=True)
    act_id = shown_act(page)
    settle(page)
    return act_id


def shown_act(page) -> str:
    detail = page.locator(".st-key-act_detail", has_text="Status history")
    detail.wait_for(timeout=WAIT)
    found = re.search(r"Act id:\s*(act-[0-9a-f]+)", detail.inner_text())
    assert found, detail.inner_text()
    return found.group(1)


def wait_text(page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([s, t]) => [...document.querySelectorAll(s)].some(e => e.innerText.includes(t))",
        arg=[selector, text], timeout=WAIT)


def test_the_analysts_desk_in_one_session(desk: Desk, feed_server: FeedServer, tmp_path: Path) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.set_default_timeout(WAIT)
        try:
            walk(page, desk, feed_server, tmp_path)
        except (AssertionError, PlaywrightError):
            page.screenshot(path=str(tmp_path / "failed.png"), full_page=True)  # what the page showed
            raise
    log = desk.log.read_text()
    for bad in ("WARNING", "Warning", "Traceback"):
        assert bad not in log, log


def walk(page, desk: Desk, feed_server: FeedServer, tmp_path: Path) -> None:
    # 1. "usa" + Enter in Country chooses the United States alone; Reset clears it.
    load(page, desk.url)
    type_usa(page)
    reset_filters(page)
    page.wait_for_function("() => !document.querySelector('.st-key-country').innerText.includes('(US)')")

    # 2. Open an act from the timeline and dismiss it with a reason.
    victim = open_marker(page, 3)
    detail = page.locator(".st-key-act_detail")
    detail.get_by_role("button", name=re.compile("^.*Dismiss$")).click()
    reason = page.get_by_label("Why is this not a real act?")
    reason.fill("a company's plan, not a government measure")
    reason.press("Enter")  # the text input commits before the button's callback reads it
    page.get_by_role("button", name="Dismiss act").click()
    wait_text(page, '[data-testid="stAlert"]', f"Dismissed {victim}")

    # 3. After a reload the act is still dismissed: the review filter shows it alone.
    assert_dismissed(page, desk, victim)

    # 4. A retag keeps the dismissal.
    ingest(desk, "retag")
    assert_dismissed(page, desk, victim)

    # 5. Edit another act's announced date: the detail and the export show it.
    load(page, desk.url)
    other = open_marker(page, 1)
    assert other != victim
    page.locator(".st-key-act_detail").get_by_text("Edit fields").click()
    announced = page.get_by_label("Announced", exact=True)
    announced.fill("2026-10-15")
    page.get_by_role("button", name=re.compile("Save edits")).click()
    wait_text(page, '[data-testid="stAlert"]', "Saved announced_date")
    wait_text(page, ".st-key-act_detail", "Announced: 2026-10-15")
    assert exported(desk)[other]["announced_date"] == "2026-10-15"

    # 6. Add an act by hand on the Review tab.
    load(page, desk.url + "?view=Review")
    page.get_by_text("Add an act the tagger missed").click()
    page.get_by_label("Source URL").fill(ADDED_URL)
    page.get_by_label("The sentence that states the act").fill(ADDED_SENTENCE)
    page.get_by_role("button", name=re.compile("Add act")).click()
    wait_text(page, '[data-testid="stAlert"]', "Added the act")
    added = [a for a in exported(desk).values() if any(r["url"] == ADDED_URL for r in a["reports"])]
    assert len(added) == 1 and added[0]["actor"] == "VN", added

    # 7. Save a view of China's acts; an ingest run with a new Chinese report adds an entry.
    load(page, desk.url + "?view=Feeds&country=CN")
    page.wait_for_function("() => document.querySelector('.st-key-country').innerText.includes('(CN)')")
    page.locator(".st-key-save_view_name input").fill("walk-cn")
    page.get_by_role("button", name=re.compile("Save this view$")).click()
    wait_text(page, '[data-testid="stAlert"]', "Saved view walk-cn")
    (row,) = [line for line in ingest(desk, "subscriptions", "list").splitlines() if line.startswith("walk-cn")]
    assert row.split()[1] == "country=CN"  # the sidebar's filter, by id
    atom = desk.subs / "walk-cn.atom"
    assert feedparser.parse(atom.read_bytes()).entries == []  # the acts already stored: the baseline
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feeds]]\nname = "walk"\nurl = "{feed_server.feed("/walk.xml", rss(NEW_REPORT))}"\n')
    ingest(desk, "run", "--feeds", str(feeds), "--workers", "1")
    parsed = feedparser.parse(atom.read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) >= 1
    assert any("https://news.example/walk-1" in e.content[0].value for e in parsed.entries)


def assert_dismissed(page, desk: Desk, act_id: str) -> None:
    """The CLI lists `act_id` as dismissed, and the page filtered to dismissed acts shows it."""
    assert act_id in dismissed(desk)
    load(page, desk.url + "?review=dismissed")
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
               .some(m => m.innerText.includes('Acts in view') && /\\D1$/.test(m.innerText.trim()))""")
    assert acts_in_view(page) == 1
    assert open_marker(page, 0) == act_id
    wait_text(page, ".st-key-act_detail", "Dismissed · last: dismiss by walker")
