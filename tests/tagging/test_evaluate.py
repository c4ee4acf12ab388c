"""The tagger meets its quality floors on the labelled dev set."""

from __future__ import annotations

import json

import pytest

from ingest.tagging.evaluate import DEV_SET, load, score
from ingest.tagging.taxonomy import default_taxonomy

FLOORS = {"countries": 0.90, "commodities": 0.90, "event_types": 0.85, "relevance": 0.90}
DATE_FLOOR = 0.94


@pytest.fixture(scope="module")
def report():
    return score(load(DEV_SET))


def test_dev_set_is_large_and_well_formed() -> None:
    items = load(DEV_SET)
    assert len(items) >= 120
    tax = default_taxonomy()
    codes = {c.code for c in tax.countries}
    comms = {c.id for c in tax.commodities}
    kinds = {e.id for e in tax.event_types}
    ids = set()
    for it in items:
        assert it["id"] not in ids
        ids.add(it["id"])
        g = it["gold"]
        assert set(g["countries"]) <= codes, it["id"]
        assert set(g["commodities"]) <= comms, it["id"]
        assert set(g["event_types"]) <= kinds, it["id"]
        if g["relevant"]:
            assert g["event_types"] and g["commodities"], it["id"]
    assert sum(not it["gold"]["relevant"] for it in items) >= 20


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_f1_floor(report, field: str) -> None:
    assert report.scores[field].f1 >= FLOORS[field], report.table()


def test_date_accuracy_floor(report) -> None:
    assert report.dates_total >= 70
    assert report.date_accuracy >= DATE_FLOOR, report.table()


def test_evaluate_cli_prints_the_table(capsys) -> None:
    from ingest.cli import main

    assert main(["evaluate"]) == 0
    out = capsys.readouterr().out
    for name in ("relevance", "event_types", "countries", "commodities", "dates"):
        assert name in out


def test_evaluate_reports_a_malformed_line(tmp_path, capsys) -> None:
    from ingest.cli import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "title": "t"}) + "\n", encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:1" in err and err.count("\n") == 1


def test_fresh_own_words_floors() -> None:
    """A 2024-26 own-words set written by someone who had not read the rules
    (data/labelled/fresh-own.jsonl; its even ids were never read while tuning)."""
    from pathlib import Path

    rep = score(load(Path(DEV_SET).parent / "fresh-own.jsonl"))
    assert rep.scores["relevance"].f1 >= 0.975
    assert rep.scores["event_types"].f1 >= 0.935
    assert rep.dates.value >= 0.89


def test_second_fresh_own_words_floors() -> None:
    """A second such set, 2023-25, a third of it hard negatives (data/labelled/fresh-own2.jsonl;
    its even ids were never read while tuning). Its writer, like the fourth's and the fifth's,
    labelled a plan the G7 endorses a strategy; the sixth's, the seventh's, the eighth's and the
    reference events an agreement, which the tagger follows (docs/labelling.md)."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own2.jsonl")
    rep = score(items)
    assert rep.n == 100
    assert rep.scores["relevance"].f1 >= 0.99
    assert rep.scores["event_types"].f1 >= 0.93
    assert rep.dates.value >= 0.87
    even = score([i for i in items if int(i["id"][-1]) % 2 == 0])
    assert even.scores["relevance"].f1 >= 0.99
    assert even.scores["event_types"].f1 >= 0.92


def test_third_fresh_own_words_floors() -> None:
    """A third, 2023-26, in the harder styles of real RSS text, 45% hard negatives
    (data/labelled/fresh-own3.jsonl). Its even ids were never read while tuning: their floors
    say where unseen text of this kind stands (first measured 0.794 / 0.720 / 0.600)."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own3.jsonl")
    assert len(items) == 120
    rep = score(items)
    assert rep.scores["relevance"].f1 >= 0.92
    assert rep.scores["event_types"].f1 >= 0.87
    assert rep.dates.value >= 0.79
    even = score([i for i in items if int(i["id"][-1]) % 2 == 0])
    assert even.scores["relevance"].f1 >= 0.86
    assert even.scores["event_types"].f1 >= 0.78
    assert even.dates.value >= 0.74


def test_fourth_fresh_own_words_floors() -> None:
    """A fourth, 2023-25, written after the 2026-12-06 rules (data/labelled/fresh-own4.jsonl;
    first measured 0.851 / 0.745 / 0.585; its odd ids were read on 2026-12-07, its even ids
    never)."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own4.jsonl")
    assert len(items) == 100
    rep = score(items)
    assert rep.scores["relevance"].f1 >= 0.90
    assert rep.scores["event_types"].f1 >= 0.84
    assert rep.dates.value >= 0.80
    even = score([i for i in items if int(i["id"][-1]) % 2 == 0])
    assert even.scores["event_types"].f1 >= 0.79
    assert even.dates.value >= 0.74


def test_fifth_fresh_own_words_floors() -> None:
    """A fifth, 2023-26, written blind to the rules at the end of the 2026-12-07 night session
    (data/labelled/fresh-own5.jsonl; first measured 0.929 / 0.884 / 0.678; its odd ids were
    read the next morning, its even ids never)."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own5.jsonl")
    assert len(items) == 100
    rep = score(items)
    assert rep.scores["relevance"].f1 >= 0.97
    assert rep.scores["event_types"].f1 >= 0.91
    assert rep.dates.value >= 0.85
    even = score([i for i in items if int(i["id"][-1]) % 2 == 0])
    assert even.scores["event_types"].f1 >= 0.88
    assert even.dates.value >= 0.77


def test_sixth_fresh_own_words_floors() -> None:
    """A sixth, 2023-25 (40 a year, 2024 mostly hard negatives), written blind at the start of
    the 2026-12-07 morning session (data/labelled/fresh-own6.jsonl; first measured 0.941 /
    0.831 / 0.777); its odd ids were read at midday, its even ids never."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own6.jsonl")
    assert len(items) == 120
    rep = score(items)
    assert rep.scores["relevance"].f1 >= 0.95
    assert rep.scores["event_types"].f1 >= 0.87
    assert rep.dates.value >= 0.86
    even = score([i for i in items if int(i["id"][-1]) % 2 == 0])
    assert even.scores["relevance"].f1 >= 0.92
    assert even.scores["event_types"].f1 >= 0.87
    assert even.dates.value >= 0.83


def test_seventh_fresh_own_words_floors() -> None:
    """A seventh, 2023-25 (40 a year, 2024 mostly hard negatives, acts named indirectly),
    written blind at the start of the 2026-12-07 midday session (data/labelled/fresh-own7.jsonl;
    first measured 0.939 / 0.865 / 0.727); its odd ids were read that afternoon, its even ids
    never (0.909 / 0.889 / 0.809 when the reading began)."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own7.jsonl")
    assert len(items) == 120
    rep = score(items)
    assert rep.scores["relevance"].f1 >= 0.95
    assert rep.scores["event_types"].f1 >= 0.91
    assert rep.dates.value >= 0.82
    even = score([i for i in items if int(i["id"][-1]) % 2 == 0])
    assert even.scores["relevance"].f1 >= 0.92
    assert even.scores["event_types"].f1 >= 0.90
    assert even.dates.value >= 0.82


def test_eighth_fresh_own_words_floors() -> None:
    """An eighth, 2023-25 (40 a year), written blind during the 2026-12-07 afternoon session
    (data/labelled/fresh-own8.jsonl; first measured 0.950 / 0.880 / 0.796), never read: only
    its figures were taken, at the start and the end of the next session; floors are the last
    measurement rounded down."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own8.jsonl")
    assert len(items) == 120
    rep = score(items)
    assert rep.scores["relevance"].f1 >= 0.945
    assert rep.scores["event_types"].f1 >= 0.88
    assert rep.dates.value >= 0.81


def test_ninth_fresh_own_words_floors() -> None:
    """A ninth, 2023-25 (40 a year), written blind at the start of the 2026-12-07 late session by
    a helper who saw only the taxonomy's ids (data/labelled/fresh-own9.jsonl; first measured
    0.943 / 0.872 / 0.675, the same at that session's starting commit), never read: floors are
    its end-of-session figures rounded down."""
    from pathlib import Path

    items = load(Path(DEV_SET).parent / "fresh-own9.jsonl")
    assert len(items) == 120
    rep = score(items)
    assert rep.scores["relevance"].f1 >= 0.94
    assert rep.scores["event_types"].f1 >= 0.87
    assert rep.dates.value >= 0.69
