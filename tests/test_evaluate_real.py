"""Per-event scoring (actor, targets, status), error causes, and the real-news join.

The join and the CLI's missing-corpora path are tested on small files written here; the
real-news floors live in test_quality_floors.py (they need ../shared and skip without it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.cli import main
from ingest.tagging import evaluate
from ingest.tagging.evaluate import (
    REAL_CORPORA,
    CorporaMissing,
    LabelledSetError,
    load_real,
    match_events,
    score,
)

# Our own words: one act (export ban by China aimed at the US) and one off-topic item.
ACT = {"id": "own-1", "title": "China bans gallium exports to the United States",
       "summary": "The commerce ministry said the measure protects national security.",
       "published": "2023-07-05T09:00:00Z",
       "gold": {"relevant": True, "event_types": ["export_control"], "countries": ["CN", "US"],
                "commodities": ["gallium"],
                "events": [{"type": "export_control", "subtype": "ban", "actor": "CN",
                            "targets": ["US"], "status": "announced", "date": "2023-07-03",
                            "precision": "day"}]}}
OFF = {"id": "own-2", "title": "Village fete raises money for the church roof",
       "summary": "Cake stalls and a tombola raised 900 pounds on Saturday.",
       "published": "2023-07-05T09:00:00Z",
       "gold": {"relevant": False, "event_types": [], "countries": [], "commodities": [],
                "events": []}}


def test_per_event_fields_are_scored_and_errors_named() -> None:
    rep = score([ACT, OFF])
    assert rep.n == 2
    assert rep.scores["events"].tp == 1 and rep.scores["events"].fp == 0
    assert (rep.actor.right, rep.actor.total) == (1, 1)
    assert rep.scores["targets"].tp == 1
    # The text has no announcement cue and no date: the tagger says in effect, dated the
    # publication day; both errors are counted against what produced them.
    assert (rep.status.right, rep.status.total) == (0, 1)
    assert (rep.dates.right, rep.dates.total) == (0, 1)
    keys = list(rep.patterns)
    assert any(k.startswith("status announced->in_effect: no cue") for k in keys), keys
    assert any(k.startswith("date: publication day used") for k in keys), keys
    table = rep.table()
    for name in ("actor", "status", "targets", "events", "dates found"):
        assert name in table
    assert "status announced->in_effect" in rep.pattern_table(5)


def test_a_spurious_event_names_its_trigger() -> None:
    item = dict(ACT, gold=dict(ACT["gold"], event_types=[], events=[], relevant=False))
    rep = score([item])
    keys = [k for k in rep.patterns if k.startswith("extra export_control: export_control trigger #")]
    assert len(keys) == 1 and keys[0].endswith("(ban)") and rep.patterns[keys[0]] == 1
    assert rep.patterns["relevance: extra (events export_control)"] == 1


def test_a_missed_type_says_whether_a_trigger_was_there() -> None:
    item = dict(OFF, gold=dict(OFF["gold"], event_types=["summit"]))
    rep = score([item])
    assert rep.patterns["missed summit: no trigger in text"] == 1


def test_match_events_pairs_by_type_and_best_fit() -> None:
    from ingest.tagging.tagger import Tagger

    res = Tagger().tag(ACT["title"], ACT["summary"], evaluate.parse_time(ACT["published"]))
    gold = [{"type": "tariff", "actor": "US", "status": "announced", "date": None},
            {"type": "export_control", "actor": "CN", "status": "in_effect", "date": None}]
    pairs, missed, spurious = match_events(gold, res.events)
    assert [g["type"] for g, _e in pairs] == ["export_control"]
    assert [g["type"] for g in missed] == ["tariff"]
    assert spurious == []


def _corpora(folder: Path, entries: list[dict[str, str]]) -> Path:
    folder.mkdir()
    for i, name in enumerate(REAL_CORPORA):
        lines = [json.dumps(e) for e in entries[i::2]]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _labels(folder: Path, records: list[dict[str, object]]) -> Path:
    folder.mkdir()
    (folder / "x.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n",
                                    encoding="utf-8")
    return folder


def _entry(item: dict[str, object], link: str) -> dict[str, str]:
    return {"title": str(item["title"]), "summary": str(item["summary"]), "link": link,
            "published": "2023-07-05 09:00:00+00:00", "feed": "https://example.org/feed"}


def test_load_real_joins_labels_and_texts_by_link(tmp_path: Path) -> None:
    corpora = _corpora(tmp_path / "corpora", [_entry(ACT, "https://a.example/1"),
                                              _entry(OFF, "https://a.example/2")])
    labels = _labels(tmp_path / "labels", [
        {"link": "https://a.example/1", "split": "dev", "gold": ACT["gold"], "note": ""},
        {"link": "https://a.example/2", "split": "test", "gold": OFF["gold"], "note": ""}])
    items = load_real(labels, corpora)
    assert [it["title"] for it in items] == [ACT["title"], OFF["title"]]
    assert [it["id"] for it in load_real(labels, corpora, split="test")] == ["x:2"]
    assert score(load_real(labels, corpora, split="dev")).actor.right == 1


def test_load_real_names_an_unknown_link(tmp_path: Path) -> None:
    corpora = _corpora(tmp_path / "corpora", [_entry(ACT, "https://a.example/1")])
    labels = _labels(tmp_path / "labels", [
        {"link": "https://a.example/9", "split": "dev", "gold": OFF["gold"], "note": ""}])
    with pytest.raises(LabelledSetError, match=r"x\.jsonl:1: link not in"):
        load_real(labels, corpora)


def test_load_real_without_the_corpora(tmp_path: Path) -> None:
    with pytest.raises(CorporaMissing, match="not shipped"):
        load_real(corpora=tmp_path / "absent")


def test_evaluate_real_without_shared_is_one_line_and_status_4(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(evaluate, "CORPORA_DIR", tmp_path / "absent")
    assert main(["evaluate", "--real"]) == 4
    err = capsys.readouterr().err
    assert err.startswith("error: real-news texts not found") and err.count("\n") == 1


def test_evaluate_real_takes_no_file(capsys) -> None:
    assert main(["evaluate", "--real", "some.jsonl"]) == 2
    assert "give no FILE" in capsys.readouterr().err


def test_evaluate_prints_error_causes(capsys) -> None:
    assert main(["evaluate", "--patterns", "3"]) == 0
    out = capsys.readouterr().out
    assert "-- most frequent error causes --" in out
    causes = out.split("-- most frequent error causes --\n", 1)[1].strip().splitlines()
    assert 1 <= len(causes) <= 3


def _own_items(path: Path) -> Path:
    """Four own-words items: ids 1-4, two years, one act each in the odd ones."""
    lines = []
    for n, year in ((1, 2024), (2, 2024), (3, 2025), (4, 2025)):
        relevant = n % 2 == 1
        lines.append(json.dumps({
            "id": f"t-{n:03d}", "title": "China curbs gallium exports" if relevant else "Gallium price edges up",
            "summary": "", "published": f"{year}-03-04T10:00:00Z",
            "gold": {"relevant": relevant, "event_types": ["export_control"] if relevant else [],
                     "countries": ["CN"] if relevant else [], "commodities": ["gallium"], "dates": []}}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_half_and_by_year(tmp_path: Path, capsys) -> None:
    path = _own_items(tmp_path / "own.jsonl")
    assert main(["evaluate", str(path), "--half", "odd", "--by-year"]) == 0
    out = capsys.readouterr().out
    assert "== own-words set, odd ids, 2024 ==" in out and "== own-words set, odd ids, 2025 ==" in out
    assert "(1 articles)" in out and "-- most frequent error causes --" in out


def test_the_even_half_is_held_out_figures_only(tmp_path: Path, capsys) -> None:
    path = _own_items(tmp_path / "own.jsonl")
    assert main(["evaluate", str(path), "--half", "even", "--show-errors", "--patterns", "5"]) == 0
    out = capsys.readouterr().out
    assert "(2 articles)" in out and "error causes" not in out


def test_half_is_for_own_words_files(capsys) -> None:
    assert main(["evaluate", "--real", "--half", "odd"]) == 2
    assert "--half splits an own-words FILE" in capsys.readouterr().err


def test_half_and_by_year_are_not_for_acts(capsys) -> None:
    assert main(["evaluate", "--acts", "--half", "odd"]) == 2
    assert "--acts scores acts whole" in capsys.readouterr().err
