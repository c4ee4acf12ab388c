"""The page's review controls under AppTest, on a copy of the sample store (the page writes
reviews through `ingest.store.review` only)."""

from __future__ import annotations

import ast
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest import store
from ingest.read.acts import act_detail
from ingest.read.filters import Filters
from ingest.read.review import queue
from ingest.store import review as review_store
from tests.dashboard_fixtures import (
    DASHBOARD,
    PROJECT_ROOT,
    TODAY,
    app,
    fresh_streamlit_caches,
    ok,
    sample_store_url,
)
from views.review_controls import FOCUS

FIXTURES = (fresh_streamlit_caches, sample_store_url)


@pytest.fixture
def own_store(tmp_path, monkeypatch, sample_store_url, fresh_streamlit_caches):  # type: ignore[no-untyped-def]
    path = tmp_path / "review.db"
    shutil.copy(sample_store_url.removeprefix("sqlite:///"), path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    monkeypatch.setenv("TRACKER_REVIEWER", "page-analyst")
    engine = store.connect(url)
    yield engine
    engine.dispose()


def test_review_queue_confirm_and_dismiss(own_store) -> None:
    at = ok(app(view="Review").run())
    table = at.dataframe[0].value
    newest = queue(own_store, "unreviewed", Filters())
    assert len(table) and table["headline"].iloc[0] == newest["headline"].iloc[0]  # newest first
    first = str(table["id"].iloc[0])
    at.session_state["review_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    ok(at.run())
    at.button(key=f"rv_{first}_confirm").click()
    ok(at.run())
    assert any(f"Confirmed {first}" in s.value for s in at.success)
    assert act_detail(own_store, first)["review_state"] == "confirmed"  # type: ignore[index]
    assert first not in set(at.dataframe[0].value["id"])  # it left the unreviewed queue
    assert any(t.value.replace("\\", "").startswith("Confirmed · last: confirm by page-analyst") for t in at.caption)
    at.text_input(key=f"rv_{first}_reason").set_value("not a government act")
    at.button(key=f"rv_{first}_dismiss").click()
    ok(at.run())
    assert act_detail(own_store, first)["review_state"] == "dismissed"  # type: ignore[index]
    assert any("reason: not a government act" in t.value.replace("\\", "") for t in at.caption)


def test_review_state_filter_in_the_url(own_store) -> None:
    at = ok(app(view="Events", review="dismissed").run())
    assert "No acts match" in " ".join(i.value for i in at.info)  # nothing dismissed yet
    at = ok(app(view="Events").run())
    assert len(at.dataframe[0].value) > 0


def test_the_page_writes_only_through_the_review_store() -> None:
    """Outside `ingest.store.review`, the page and its views import no write path."""
    writes = ("ingest.store.writes", "ingest.store.acts", "ingest.pipeline", "ingest.retag", "ingest.workers")
    for path in [DASHBOARD, *map(str, (PROJECT_ROOT / "views").glob("*.py"))]:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                assert not any(n.startswith(writes) for n in names), (path, node.module)


def test_the_timeline_keeps_showing_an_act_just_dismissed_there(own_store) -> None:
    """Dismissing an act takes it off the timeline; its detail stays, saying so."""
    act_id = str(queue(own_store, "unreviewed", Filters())["id"].iloc[0])
    with store.atomic(own_store) as conn:
        review_store.dismiss(conn, act_id, "a company deal", "page-analyst", datetime.now(UTC))
    at = app()
    at.session_state[FOCUS] = act_id
    at = ok(at.run())
    assert any(t.value.replace("\\", "").startswith("Dismissed · last: dismiss by page-analyst")
               for t in at.caption)
