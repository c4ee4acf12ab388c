"""The dashboard in a real browser: `streamlit run` on a fixture store, driven by headless
Chromium (the system's, through Playwright). Skipped when no chromium is installed."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dashboard_fixtures import PROJECT_ROOT, TODAY, sample_store_url

FIXTURES = (sample_store_url,)  # used by name below

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with status {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout}s")


@contextlib.contextmanager
def streamlit(env: dict[str, str], log_path: Path) -> Iterator[str]:
    """`streamlit run dashboard.py` with `env` on a free port, its output in `log_path`; yields its URL."""
    port = free_port()
    log = open(log_path, "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_http(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture
def server(sample_store_url, tmp_path) -> Iterator[str]:
    env = {**os.environ, "TRACKER_DB_URL": sample_store_url, "TRACKER_TODAY": TODAY.isoformat()}
    with streamlit(env, tmp_path / "streamlit.log") as url:
        yield url


@contextlib.contextmanager
def chromium() -> Iterator:
    """A headless Chromium (the system's) driven through Playwright; skips without Playwright."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def acts_in_view(page) -> int:
    text = page.locator('[data-testid="stMetric"]').filter(has_text="Acts in view").inner_text()
    return int(re.search(r"([\d,]+)\s*$", text.strip()).group(1).replace(",", ""))


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install -y chromium)")
def test_dashboard_in_chromium(server, tmp_path):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server)
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        before = acts_in_view(page)
        assert before > 20
        markers = page.locator(".js-plotly-plot .scatterlayer .trace .points path").count()
        assert markers == before

        # Clicking a marker shows that act's history and reports below the timeline.
        page.locator(".js-plotly-plot .scatterlayer .trace .points path").nth(3).click(force=True)
        detail = page.locator(".st-key-act_detail", has_text="Status history")
        detail.wait_for(timeout=30_000)
        assert "Reported " in detail.inner_text()

        # Filter by country through the sidebar widget.
        box = page.locator(".st-key-country input")
        box.click()
        box.fill("China")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        page.wait_for_function(
            """n => [...document.querySelectorAll('[data-testid="stMetric"]')]
                   .some(m => m.innerText.includes('Acts in view') && !m.innerText.endsWith(String(n)))""",
            arg=before, timeout=30_000)
        after = acts_in_view(page)
        assert 0 < after < before
        page.wait_for_timeout(800)
        assert "country=CN" in page.url  # the view is a shareable link, with the option's id
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        assert (tmp_path / "dashboard.png").stat().st_size > 10_000

        # The link opens the same view in a fresh page.
        fresh = browser.new_page(viewport={"width": 1400, "height": 1000})
        fresh.goto(page.url)
        fresh.wait_for_selector(".js-plotly-plot", timeout=60_000)
        fresh.wait_for_function(
            """n => [...document.querySelectorAll('[data-testid="stMetric"]')]
                   .some(m => m.innerText.includes('Acts in view') && m.innerText.trim().endsWith(String(n)))""",
            arg=after, timeout=30_000)


def chips(page, key: str) -> list[str]:
    """The options chosen in a multiselect, as shown."""
    text = page.locator(f".st-key-{key}").inner_text()
    return [t for t in text.splitlines()[1:] if t.strip()]


def wait_url(page, pattern: str) -> None:
    page.wait_for_function("p => new RegExp(p).test(window.location.search)", arg=pattern, timeout=30_000)


def type_usa(page) -> None:
    """Type "usa" + Enter in Country: the United States, and it alone, is chosen."""
    box = page.locator(".st-key-country input")
    box.click()
    box.fill("usa")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_url(page, "country=US")
    page.wait_for_function("() => document.querySelector('.st-key-country').innerText.includes('(US)')")
    assert len(chips(page, "country")) == 1 and "United States (US)" in chips(page, "country")[0]


def reset_filters(page) -> None:
    """Click Reset until the URL has no filters: on a busy machine a click that lands while the
    app still reruns for the last change can be dropped (Reset itself is idempotent)."""
    timeout = pytest.importorskip("playwright.sync_api").TimeoutError
    for _attempt in range(3):
        page.locator(".st-key-reset_sidebar button").click()
        try:
            page.wait_for_function("() => window.location.search === ''", timeout=15_000)
            return
        except timeout:
            continue
    raise AssertionError("Reset left filters in the URL: " + page.url)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install -y chromium)")
def test_filters_without_traps_and_clean_logs(server, tmp_path):
    """Issue 16: Enter picks one best match, links take plain names and are rewritten with ids,
    unknown values are named, Reset leaves no warning in the server log, nothing is fetched from
    another host, and on a phone the filters start collapsed."""
    outside: list[str] = []

    def record(request) -> None:
        host = urllib.parse.urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            outside.append(request.url)

    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("request", record)
        page.goto(server)
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)

        type_usa(page)
        assert page.url.endswith("?country=US")  # one country, by id, no label or count

        reset_filters(page)

        page.goto(server + "?country=China&commodity=rare%20earths&country=Narnia")
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        wait_url(page, "country=CN")
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query) == {
            "country": ["CN"], "commodity": ["rare_earths"]}
        notice = page.locator('[data-testid="stAlert"]', has_text="Narnia")
        notice.wait_for(timeout=30_000)
        assert "not a known country" in notice.inner_text()

        # Every tab, the timeline's choices and the older-acts box: none may log a warning.
        for tab in ("Upcoming", "Overview", "Events", "Feeds", "Timeline"):
            page.get_by_role("tab", name=tab).click()
            page.wait_for_timeout(700)
        for choice in ("Country", "Commodity", "Event type"):
            page.locator(".st-key-rows button", has_text=choice).click()
            page.wait_for_timeout(500)
        page.locator(".st-key-older label").click()
        wait_url(page, "older=hide")
        reset_filters(page)

        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.on("request", record)
        phone.goto(server)
        phone.wait_for_selector(".js-plotly-plot", timeout=60_000)
        side = phone.locator('[data-testid="stSidebar"]').bounding_box()
        assert side is None or side["x"] + side["width"] <= 1  # the filters start collapsed, off screen
        assert phone.locator(".js-plotly-plot").first.bounding_box()["width"] >= 340  # full width
        page.wait_for_timeout(1000)
    assert outside == []
    log = (tmp_path / "streamlit.log").read_text()
    for bad in ("WARNING", "Traceback", "does not exist anymore", "Exception"):
        assert bad not in log, log
