"""Reviews of acts on both backends: actions, history, the overlay after retag, merge and split
kept through rebuilds, hand-added acts, export, and the `review` CLI's messages and exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from ingest import pipeline, store
from ingest.cli import main
from ingest.read.act_export import iter_acts
from ingest.read.acts import act_detail, acts_frame
from ingest.read.filters import REVIEW_STATES, Filters
from ingest.read.review import queue, review_log_of
from ingest.retag import retag
from ingest.sources.feedlist import sample_feeds
from ingest.store import acts as act_store
from ingest.store import review
from ingest.store.act_rows import row_report
from ingest.store.schema import act_reports
from ingest.tagging.tagger import Tagger, TagResult

AT = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def sample(engine):  # type: ignore[no-untyped-def]
    """A store built from the bundled samples, on each backend."""
    pipeline.run(engine, sample_feeds(), workers=2)
    return engine


def _act(engine, text: str, type_: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    df = acts_frame(engine, Filters(review_states=REVIEW_STATES))
    hits = df[df["headline"].str.contains(text, regex=False)]
    if type_:
        hits = hits[hits["type"] == type_]
    assert len(hits), text
    return hits.iloc[0].to_dict()


def _act_of(engine, url_end: str, type_: str) -> dict:  # type: ignore[no-untyped-def]
    """The act holding the article whose URL ends so, by its report of that type: a headline may
    change with the tagger (the founder is the earliest report), the article does not."""
    with engine.connect() as conn:
        ids = conn.execute(select(act_reports.c.act_id).where(
            act_reports.c.url.endswith(url_end), act_reports.c.type == type_)).scalars().all()
    assert ids, url_end
    df = acts_frame(engine, Filters(review_states=REVIEW_STATES))
    return df[df["id"] == ids[0]].iloc[0].to_dict()


def _state(engine, act_id: str) -> str:  # type: ignore[no-untyped-def]
    detail = act_detail(engine, act_id)
    assert detail is not None, act_id
    return str(detail["review_state"])


def test_confirm_dismiss_edit_with_history(sample) -> None:
    a, b = _act(sample, "magnet incentive"), _act(sample, "MOFCOM and GAC announce")
    with store.atomic(sample) as conn:
        review.dismiss(conn, a["id"], "a budget line, not a measure", "ana", AT)
        review.edit(conn, b["id"], {"effective_date": {"date": "2023-08-01", "precision": "day"},
                                    "targets": ["US"]}, "ben", AT)
    assert _state(sample, a["id"]) == "dismissed" and _state(sample, b["id"]) == "edited"
    assert a["id"] not in set(acts_frame(sample)["id"])  # dismissed acts leave the default view
    assert set(acts_frame(sample, Filters(review_states=("dismissed",)))["id"]) == {a["id"]}
    assert {a["id"], b["id"]}.isdisjoint(acts_frame(sample, Filters(review_states=("unreviewed",)))["id"])
    b_now = act_detail(sample, b["id"])
    assert b_now is not None and b_now["in_force"] == "2023-08-01" and b_now["targets"] == ["US"]
    assert b["id"] in set(acts_frame(sample, Filters(countries=("US",), country_role="target"))["id"])
    log = review_log_of(sample, b["id"])
    assert [(x["action"], x["field"], x["by"]) for x in log] == [
        ("edit", "effective_date", "ben"), ("edit", "targets", "ben")]
    assert log[1]["old"] == b["targets"] and log[1]["new"] == ["US"]
    assert queue(sample, "dismissed")["review_reason"].tolist() == ["a budget line, not a measure"]


def test_reviews_survive_retag(sample) -> None:
    a, b = _act(sample, "magnet incentive"), _act(sample, "MOFCOM and GAC announce")
    c = _act(sample, "Jakarta brings nickel ore export ban forward")
    with store.atomic(sample) as conn:
        review.dismiss(conn, a["id"], "off topic", "ana", AT)
        review.confirm(conn, b["id"], "ana", AT)
        review.edit(conn, c["id"], {"end_date": {"date": "2031-06-01", "precision": "month"}}, "ana", AT)
    retag(sample)
    assert _state(sample, a["id"]) == "dismissed" and _state(sample, b["id"]) == "confirmed"
    exported = {x["id"]: x for x in iter_acts(sample)}
    assert a["id"] not in exported
    assert exported[c["id"]]["end_date"] == "2031-06-01" and exported[c["id"]]["end_precision"] == "month"
    assert exported[c["id"]]["review"]["state"] == "edited"
    assert exported[b["id"]]["review"]["by"] == "ana"
    every = {x["id"] for x in iter_acts(sample, Filters(review_states=REVIEW_STATES))}
    assert a["id"] in every


class _Retyping(Tagger):
    """A tagger whose taxonomy changed: export controls are now import restrictions (so every
    such event gets a new key, its report a new id and its act a new id)."""

    def tag(self, title, summary, published):  # type: ignore[no-untyped-def]
        res = super().tag(title, summary, published)
        events = tuple(e._replace(type="import_restriction") if e.type == "export_control" else e
                       for e in res.events)
        return TagResult(res.relevant, res.countries, res.commodities, events)


def test_confirmed_fields_win_over_a_changed_tagger(sample) -> None:
    b = _act(sample, "MOFCOM and GAC announce", "export_control")
    a = _act(sample, "Jakarta brings nickel ore export ban forward")
    with store.atomic(sample) as conn:
        review.confirm(conn, b["id"], "ana", AT)
        review.dismiss(conn, a["id"], "duplicate", "ana", AT)
    retag(sample, _Retyping())
    found = queue(sample, None)
    confirmed = found[found["review_state"] == "confirmed"]
    assert len(confirmed) == 1 and confirmed.iloc[0]["type"] == "export_control"  # not the tagger's
    assert confirmed.iloc[0]["headline"] == b["headline"]
    assert found[found["review_state"] == "dismissed"].iloc[0]["headline"] == a["headline"]


def test_a_dismissed_act_stays_dismissed_when_new_reports_join(sample) -> None:
    a = _act(sample, "MOFCOM and GAC announce")
    with store.atomic(sample) as conn:
        review.dismiss(conn, a["id"], "test", "ana", AT)
        rows = conn.execute(select(act_reports).where(act_reports.c.act_id == a["id"])).mappings().all()
    first = row_report(rows[0])
    copy = replace(first, id="copy-" + first.id[:19], article_id="copy", url="https://copy.example/1",
                   published=first.published.replace(hour=23))
    with store.atomic(sample) as conn:
        act_store.add_reports(conn, [copy])
    detail = act_detail(sample, a["id"])
    assert detail is not None and detail["reports"] == len(rows) + 1
    assert detail["review_state"] == "dismissed"


def test_merge_and_split_survive_retag(sample) -> None:
    x = _act_of(sample, "/2025/11/china-suspends-us-specific-ban", "export_control")
    y = _act_of(sample, "/2026/11/gallium-ban-suspension-lapse-friday", "export_control")  # its end told
    assert x["id"] != y["id"]
    with store.atomic(sample) as conn:
        merged = review.merge(conn, x["id"], y["id"], "ana", AT)
    one = act_detail(sample, merged)
    assert one is not None and one["reports"] == x["reports"] + y["reports"]
    retag(sample)
    again = act_detail(sample, merged)
    assert again is not None and again["reports"] == one["reports"] and again["review_state"] == "edited"
    url = one["reports_table"]["url"].iloc[-1]
    with store.atomic(sample) as conn:
        new = review.split(conn, merged, url, "ana", AT)
    assert new is not None and new != merged
    retag(sample)
    kept = act_detail(sample, merged)
    assert kept is not None and url not in set(kept["reports_table"]["url"])
    assert url in set(act_detail(sample, new)["reports_table"]["url"])  # type: ignore[index]


def test_hand_added_act_survives_retag(sample) -> None:
    fields = {"type": "tariff", "actor": "US", "targets": ["CN"], "commodities": ["tungsten"],
              "announced_date": {"date": "2026-11-30", "precision": "day"}}
    with store.atomic(sample) as conn:
        act_id = review.add(conn, "https://gov.example/notice-7", "The US set a 25% tariff on Chinese "
                            "tungsten on 30 November.", fields, "ana", AT)
    retag(sample)
    a = act_detail(sample, act_id)
    assert a is not None and a["review_state"] == "confirmed" and a["type"] == "tariff"
    assert a["reports_table"]["url"].tolist() == ["https://gov.example/notice-7"]
    assert a["announced"] == "2026-11-30"


def test_unknown_ids_and_split_limits(sample) -> None:
    with pytest.raises(review.UnknownAct), store.atomic(sample) as conn:
        review.confirm(conn, "act-0000000000000000", "ana", AT)
    one = acts_frame(sample)
    single = one[one["reports"] == 1].iloc[0]["id"]
    with pytest.raises(review.ReviewError, match="no report"), store.atomic(sample) as conn:
        review.split(conn, single, "https://nowhere.example/", "ana", AT)


# --- the CLI --------------------------------------------------------------------------------


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_review_cli(offline_db_url, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_REVIEWER", "cli-analyst")
    db = ("--db", offline_db_url)
    code, out, _ = _run(capsys, "review", "list", "--state", "unreviewed", *db)
    first = out.splitlines()[0].split("\t")[0]
    assert code == 0 and first.startswith("act-")
    assert _run(capsys, "review", "confirm", first, *db)[0] == 0
    code, out, _ = _run(capsys, "review", "list", "--state", "confirmed", *db)
    assert out.startswith(first) and "by cli-analyst" in out
    code, _, err = _run(capsys, "review", "edit", first, "effective_date=2026-02-30", *db)
    assert code == 2 and err.count("\n") == 1 and "not a date" in err
    code, _, err = _run(capsys, "review", "edit", first, "colour=red", *db)
    assert code == 2 and "unknown field 'colour'" in err
    code, _, err = _run(capsys, "review", "edit", first, "actor=Atlantis", *db)
    assert code == 2 and "unknown country" in err
    code, _, err = _run(capsys, "review", "dismiss", "act-ffffffffffffffff", "--reason", "x", *db)
    assert code == 5 and err.startswith("error: no act") and err.count("\n") == 1
    assert _run(capsys, "review", "edit", first, "effective_date=2026-02", "commodities=gallium", *db)[0] == 0
    code, out, _ = _run(capsys, "export", "--format", "jsonl", *db)
    line = next(json.loads(x) for x in out.splitlines() if json.loads(x)["id"] == first)
    assert line["effective_date"] == "2026-02-01" and line["commodities"] == ["gallium"]
    assert line["review"]["state"] == "edited" and line["review"]["by"] == "cli-analyst"
    assert _run(capsys, "review", "dismiss", first, "--reason", "not an act", *db)[0] == 0
    n_default = len(_run(capsys, "export", "--format", "jsonl", *db)[1].splitlines())
    n_all = len(_run(capsys, "export", "--format", "jsonl", "--include-dismissed", *db)[1].splitlines())
    assert n_all == n_default + 1
    code, out, _ = _run(capsys, "export", "--format", "csv", "--include-dismissed", *db)
    assert "review_state" in out.splitlines()[0] and ",dismissed,cli-analyst," in out


def test_review_add_cli(offline_db_url, capsys) -> None:
    db = ("--db", offline_db_url)
    code, _, err = _run(capsys, "review", "add", "--url", "https://x.example/a", "--sentence",
                        "Nothing at all happened.", *db)
    assert code == 2 and "type=" in err
    code, out, _ = _run(capsys, "review", "add", "--url", "https://x.example/b", "--sentence",
                        "Chile imposed export controls on lithium carbonate.", *db)
    act_id = out.strip()
    assert code == 0 and act_id.startswith("act-")
    code, out, _ = _run(capsys, "review", "list", "--state", "confirmed", *db)
    assert act_id in out and "export_control" in out and "\tCL\t" in out


# --- two analysts at once -------------------------------------------------------------------


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_two_analysts_at_once_lose_no_edit(sample) -> None:
    """Two threads, each its own connection, edit one act at the same time on PostgreSQL: every
    edit is in the history, each analyst's own field keeps their last value, and on the field
    both edit the last writer wins."""
    import threading

    from ingest.read.review import review_log_of

    act_id = _act(sample, "MOFCOM and GAC announce")["id"]
    rounds = 8
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def analyst(name: str, field: str, codes: list[str]) -> None:
        try:
            start.wait()
            for i in range(rounds):
                with store.atomic(sample) as conn:
                    review.edit(conn, act_id, {field: [codes[i % len(codes)]],
                                               "end_date": {"date": f"203{i}-01-01", "precision": "day"}},
                                name, datetime.now(UTC))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=analyst, args=("ana", "targets", ["US", "JP", "KR"])),
               threading.Thread(target=analyst, args=("ben", "commodities", ["gallium", "germanium"]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    log = review_log_of(sample, act_id)
    assert len(log) == 2 * rounds * 2  # two fields per edit, every edit kept
    last = {f: [x for x in log if x["field"] == f][-1] for f in ("targets", "commodities", "end_date")}
    a = act_detail(sample, act_id)
    assert a is not None
    assert a["targets"] == [["US", "JP", "KR"][(rounds - 1) % 3]]
    assert a["commodities"] == [["gallium", "germanium"][(rounds - 1) % 2]]
    assert a["end_date"].isoformat() == last["end_date"]["new"]["date"]  # the last writer's
    ends = [x for x in log if x["field"] == "end_date"]
    assert all(y["old"] == x["new"] for x, y in zip(ends, ends[1:], strict=False))  # old: what the last left
