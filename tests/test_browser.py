"""The dashboard in a real browser: `streamlit run` on a fixture store, driven by headless
Chromium (the system's, through Playwright). Skipped when no chromium is installed."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

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


@pytest.fixture
def server(sample_store_url, tmp_path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "TRACKER_DB_URL": sample_store_url, "TRACKER_TODAY": TODAY.isoformat()}
    log = open(tmp_path / "streamlit.log", "w")  # noqa: SIM115 - closed below
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


def acts_in_view(page) -> int:
    text = page.locator('[data-testid="stMetric"]').filter(has_text="Acts in view").inner_text()
    return int(re.search(r"([\d,]+)\s*$", text.strip()).group(1).replace(",", ""))


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install -y chromium)")
def test_dashboard_in_chromium(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
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
            assert "country=China" in page.url  # the view is a shareable link
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
        finally:
            browser.close()
