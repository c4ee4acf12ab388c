"""The dashboard's "Save this view": the page's filters become a saved view (a subscription)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest import store
from ingest.store import subscriptions as subs
from tests.dashboard_fixtures import TODAY, app, fresh_streamlit_caches, ok, sample_store_url

FIXTURES = (fresh_streamlit_caches, sample_store_url)  # used by name below


@pytest.fixture
def own_store(sample_store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              fresh_streamlit_caches: None) -> str:
    """A copy of the sample store (the page writes to it), and a folder for the feeds."""
    copy = tmp_path / "store.db"
    shutil.copy(sample_store_url.removeprefix("sqlite:///"), copy)
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    monkeypatch.setenv("TRACKER_SUBSCRIPTIONS_DIR", str(tmp_path / "subs"))
    return url


def _save(at, name: str):
    at.text_input(key="save_view_name").input(name)
    next(b for b in at.button if b.label == "Save this view").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_save_this_view_stores_the_url_filters_with_ids(own_store: str, tmp_path: Path) -> None:
    at = ok(app(view="Feeds").run())
    at.multiselect(key="country").select("CN")
    at.multiselect(key="commodity").select("gallium")
    at = ok(at.run())
    at = ok(_save(at, "cn-gallium"))
    assert "cn-gallium" in at.success[0].value
    engine = store.connect(own_store, create=False)
    try:
        with engine.connect() as conn:
            view = subs.get(conn, "cn-gallium")
    finally:
        engine.dispose()
    assert view is not None and view["query"] == "country=CN&commodity=gallium"
    assert (tmp_path / "subs" / "cn-gallium.atom").exists()
    table = next(d.value for d in at.dataframe if "view" in d.value.columns)
    assert list(table["view"]) == ["cn-gallium"] and table.loc[0, "last_fired"] == "never"
    at = _save(at, "cn-gallium")  # the same name again: refused in one line
    assert "exists" in at.error[0].value
    at.checkbox(key="save_view_dates").check()
    at = ok(_save(at, "dated"))
    engine = store.connect(own_store, create=False)
    with engine.connect() as conn:
        dated = subs.get(conn, "dated")
    engine.dispose()
    assert dated is not None and dated["query"].startswith("country=CN&commodity=gallium&dates=")


def test_a_bad_name_is_refused_on_the_page(own_store: str) -> None:
    at = ok(app(view="Feeds").run())
    at = _save(at, "../x")
    assert "view name" in at.error[0].value
