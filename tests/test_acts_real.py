"""Acts on real news: real 2023 RSS reports of real acts (data/labelled/real-acts.toml, texts in
../shared/corpora), the command that scores them, and the rules they showed were missing."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ingest.acts import DateSpan, consolidate
from ingest.acts.evaluate import score
from ingest.acts.features import stems
from ingest.acts.real import REAL_ACTS, load_real_acts
from ingest.cli import main
from ingest.store.schema import act_reports
from ingest.tagging import evaluate as tagging_evaluate
from ingest.tagging.evaluate import LabelledSetError
from tests.test_acts import rep, stemmed

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
needs_shared = pytest.mark.skipif(not (SHARED / "real-news-2023.jsonl").is_file(),
                                  reason="../shared/corpora is not there (users' clones do not have it)")


@needs_shared
def test_floors_on_real_reports_of_real_acts() -> None:
    # Measured 2026-12-05: 9/14 acts found, 1.11 markers per act, B-cubed P 1.000 R 0.580
    # F1 0.734, no wrong merge, dates right 0.571; with the tagger merged on main that evening
    # (recall15 + status15): 9/14, 1.33 markers, P 1.000 R 0.618 F1 0.764, dates 0.571 (two
    # more gallium markers: a US measure read with China's minerals, and a report stating the
    # in-force day). The floors hold for both. Five acts are missed because the tagger
    # finds no event in any of their reports (the chip curbs, Micron, the EV probe) or types
    # them otherwise: see docs/acts.md. With meetings typed by who meets (Blinken's and
    # Yellen's visits are talks) and one meeting joined whether reports call it talks or a
    # summit, its announcement included: 10/14, 1.20 markers, P 1.000 R 0.671 F1 0.803,
    # dates 0.571.
    # 2026-12-06: the four acts on no commodity of the taxonomy (the Dutch chip-tool licences,
    # the US AI-chip rules, the Micron ban, the EU probe into electric cars) are out of scope
    # by design and scored as distractors (`scope = "outside"`): 10/10, 1.20 markers, P 1.000
    # R 0.801 F1 0.889, dates 0.800. With weak events no longer dating an act, undated held
    # meetings held on their first "held" report's day, mentions naming who met (Yellen, the
    # G7) and a report of the measure "in force since" a later day: 10/10, 1.10 markers,
    # P 1.000 R 0.930 F1 0.964, no wrong merge, dates 0.900; with events read from background
    # ("the deal comes after ...") no longer dating an act: dates 1.000. Who met checked on the
    # whole 2023 corpus (a leader is in the news every day: the headline must name the person
    # and the mention speak of a meeting or share words with it): R 0.891 F1 0.942.
    items, gold = load_real_acts()
    assert len(gold) == 10 and len(items) == 85
    assert sum(it["kind"] == "outside" for it in items) == 15
    rep_ = score(items, gold)
    assert rep_.wrong_merges == 0 and rep_.distractors_merged == 0
    assert rep_.found >= 10
    assert rep_.markers_per_act <= 1.11
    assert rep_.precision >= 0.99
    assert rep_.recall >= 0.88
    assert rep_.f1 >= 0.94
    assert rep_.dates_right >= 0.99


@needs_shared
def test_every_labelled_link_is_in_the_corpora_once() -> None:
    items, _gold = load_real_acts()
    assert len({it["url"] for it in items}) == len(items)
    assert all(it["published"] and it["title"] for it in items)


def test_an_unknown_link_is_named(tmp_path: Path) -> None:
    (tmp_path / "real-news-2023.jsonl").write_text(
        '{"title": "t", "summary": "", "link": "https://a.example/1", "published": "2023-07-03T10:00:00Z"}\n')
    (tmp_path / "real-news-2023-more.jsonl").write_text("")
    labels = tmp_path / "acts.toml"
    labels.write_text('[[act]]\nid = "x"\ntype = "export_control"\nfirst = ["https://a.example/2"]\n')
    with pytest.raises(LabelledSetError, match="a.example/2"):
        load_real_acts(labels, tmp_path)
    labels.write_text('[[act]]\nid = "x"\ntype = "export_control"\nfirst = ["https://a.example/1"]\n'
                      '[distractors]\nlinks = ["https://a.example/1"]\n')
    with pytest.raises(LabelledSetError, match="twice"):
        load_real_acts(labels, tmp_path)


def test_evaluate_acts_real_without_shared_is_one_line_and_status_4(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(tagging_evaluate, "CORPORA_DIR", tmp_path / "absent")
    assert main(["evaluate", "--acts", "--real"]) == 4
    err = capsys.readouterr().err
    assert err.startswith("error: real-news texts not found") and err.count("\n") == 1
    assert REAL_ACTS.is_file()


def test_kind_words_alone_do_not_tie_a_report_naming_no_mineral_to_a_mineral_act() -> None:
    # Chip-tool curbs and a minister's visit share "export curbs" with China's gallium licences.
    act = rep(1, "2023-07-03T09:00", headline="China curbs exports of gallium and germanium chip metals")
    tools = rep(2, "2023-06-30T15:00", kind="weak", commodities=(),
                headline="Dozens of ASML shipments to China face tougher export curbs")
    visit = rep(3, "2023-07-07T09:00", kind="mention", actor=None, commodities=(), countries=("CN", "US"),
                headline="Yellen criticises Chinese curbs against US firms")
    metals = rep(4, "2023-07-13T09:00", kind="mention", actor=None, commodities=("gallium",), countries=("CN",),
                 headline="China's curbs on gallium exports are a wake up call for chip metal buyers")
    [a] = consolidate([stemmed(act), stemmed(tools), stemmed(visit), stemmed(metals)])
    assert [r.article_id for r in a.reports] == ["a1", "a4"]


def test_a_dateless_follow_up_on_the_same_measure_joins_after_a_quiet_month() -> None:
    kw = dict(actor="CN", commodities=("graphite",))
    first = rep(1, "2023-10-20T09:00", headline="China restricts exports of some graphite products", **kw)
    permits = rep(2, "2023-12-14T09:00", status="in_effect",
                  headline="China has approved a number of export permits for graphite", **kw)
    [act] = consolidate([stemmed(first), stemmed(permits)])
    assert [r.article_id for r in act.reports] == ["a1", "a2"]
    # A new target, a mineral more, or a date of its own: the other gates decide, and here
    # (weeks later, no word in common) they keep it apart.
    us_only = rep(3, "2023-12-14T09:00", status="in_effect", targets=("US",),
                  headline="China has approved a number of export permits for graphite", **kw)
    assert len(consolidate([stemmed(first), stemmed(us_only)])) == 2
    more = rep(4, "2023-12-14T09:00", actor="CN", commodities=("graphite", "antimony"), status="in_effect",
               headline="China has approved a number of export permits for graphite and antimony")
    assert len(consolidate([stemmed(first), stemmed(more)])) == 2


def test_a_group_of_governments_is_a_word() -> None:
    # "G-7" and "G7" are one word, and the word a G7 mention shares with the summit's act.
    assert "g7" in stems("G-7 Seeks Stable China Ties") and "g7" in stems("G7 urges China")
    assert "g20" in stems("the G20 summit") and not {"g", "7"} & set(stems("G-7"))


def test_a_weak_preview_does_not_date_a_visit_and_an_undated_held_visit_is_held_that_day() -> None:
    # "Ahead of Blinken's trip" (weak, 16 June) joins the visit; the visit "begins" on 18 June.
    kw = dict(type_="talks", actor=None, commodities=(), countries=("US", "CN"))
    preview = rep(1, "2023-06-16T11:00", kind="weak", status="scheduled",
                  headline="Ahead of Secretary of State Blinken's trip to China, a lawmaker on engagement", **kw)
    visit = rep(2, "2023-06-18T01:30", status="held",
                headline="Antony Blinken begins China visit that spy balloon put off", **kw)
    act = consolidate([stemmed(visit), stemmed(preview)])[0]
    assert {r.article_id for r in act.reports} == {"a1", "a2"}
    assert act.announced is not None and act.announced.start.isoformat() == "2023-06-18"
    assert act.effective is not None and act.effective.start.isoformat() == "2023-06-18"


@needs_shared
@pytest.mark.parametrize("order", ["reverse", "shuffled"])
def test_real_reports_ingested_in_any_order_equal_grouping_at_once(engine, order) -> None:
    # Mentions of a meeting by who met may come a week before its first event report.
    from ingest import store
    from ingest.acts.evaluate import item_reports
    from ingest.store import acts as act_store

    items, _gold = load_real_acts()
    reports = item_reports(items)
    batches = sorted(reports, key=lambda r: r.order, reverse=order == "reverse")
    if order == "shuffled":  # previews of a summit wait for the talks founded first (real029)
        random.Random(5).shuffle(batches)
    for i in range(0, len(batches), 7):
        with store.atomic(engine) as conn:
            act_store.add_reports(conn, batches[i: i + 7])
    with engine.connect() as conn:
        got = {rid: aid for rid, aid in conn.execute(select(act_reports.c.id, act_reports.c.act_id)) if aid}
    assert got == {r.id: a.id for a in consolidate(reports) for r in a.reports}


def test_a_mention_naming_who_met_joins_the_meeting_and_a_preview_of_another_visit_does_not() -> None:
    kw = dict(type_="talks", actor=None, commodities=(), countries=("US", "CN"))
    blinken = rep(1, "2023-06-18T01:30", status="held",
                  headline="Antony Blinken begins China visit that a balloon put off", **kw)
    preview = rep(2, "2023-06-16T11:00", kind="weak", status="scheduled",
                  headline="Ahead of Blinken's trip to China, a lawmaker on engagement with Beijing", **kw)
    yellen = rep(3, "2023-07-05T19:00", status="held",
                 headline="Janet Yellen heads to China for talks, seeking to ease tensions", **kw)
    m_kw = dict(kind="mention", actor=None, commodities=(), countries=("US", "CN"))
    set_to = rep(4, "2023-07-03T07:00", headline="Yellen set to travel to China to ease US tensions", **m_kw)
    after = rep(5, "2023-07-10T12:00", headline="After Yellen visit, China speaks of rainbows but "
                                                "prepares for trade tensions", **m_kw)
    late = rep(6, "2023-08-20T12:00", headline="Yellen says China talks showed US and Chinese "
                                               "economies can avoid decoupling", **m_kw)
    change = rep(7, "2023-07-08T12:00", headline="Yellen in China: will Beijing suspend curbs to ease "
                                                 "tensions with the US?", **m_kw)
    assert change.modifier  # a meeting changes no act: the flag does not keep it out
    acts = consolidate([stemmed(r) for r in (blinken, preview, yellen, set_to, after, late, change)])
    assert sorted(sorted(r.article_id for r in a.reports) for a in acts) == [
        ["a1", "a2"], ["a3", "a4", "a5", "a7"]]
    # Alone with Yellen's talks, the preview of Blinken's trip stays out: another visit.
    from ingest.acts.match import Group, event_score
    g = Group(founder=stemmed(yellen))
    g.add(stemmed(yellen))
    assert event_score(stemmed(preview), g) is None
    assert event_score(stemmed(replace(preview, headline="Ahead of Yellen's trip to China, a lawmaker "
                                                         "on engagement with Beijing")), g) is not None


def test_a_report_of_the_measure_in_force_since_a_later_day_joins_it() -> None:
    # China announces gallium licences on 3 July; six weeks later an analysis says they have
    # been in force since 1 August. No report of the act dated its entry into force.
    kw = dict(actor="CN", commodities=("gallium", "germanium"))
    first = rep(1, "2023-07-03T09:00", status="in_effect",
                headline="China restricts exports of gallium and germanium used in chips", **kw)
    more = rep(2, "2023-07-16T09:00", status="in_effect",
               headline="China's limits on gallium and germanium exports are self-defeating", **kw)
    since = rep(3, "2023-08-15T23:00", actor="CN", commodities=("gallium",), status="in_effect",
                stated=DateSpan(date(2023, 8, 1)),
                headline="Sourcing Gallium for American Semiconductor Supremacy as China's "
                         "export restrictions bite")
    [act] = consolidate([stemmed(first), stemmed(more), stemmed(since)])
    assert [r.article_id for r in act.reports] == ["a1", "a2", "a3"]
    # Once a report has dated the act after its first day, the other gates compare with that.
    dated = rep(4, "2023-07-05T09:00", status="announced", stated=DateSpan(date(2023, 8, 1)),
                headline="China's gallium and germanium export licences start on August 1", **kw)
    later = replace(since, date=DateSpan(date(2023, 9, 20)), published=since.published.replace(month=10, day=1))
    assert len(consolidate([stemmed(first), stemmed(dated), stemmed(more), stemmed(later)])) == 2


def test_a_demonym_in_a_headline_is_no_acting_country() -> None:
    from ingest.acts.features import headline_subject

    assert headline_subject("Sourcing Gallium for American Semiconductor Supremacy") is None
    assert headline_subject("Mexican magnet buyers weigh duties") is None
    assert headline_subject("Japan curbs exports of chip tools") == "JP"


def test_a_mention_naming_the_group_that_met_joins_its_summit() -> None:
    summit = rep(1, "2023-05-18T09:00", type_="summit", actor=None, commodities=(), countries=("CN", "RU"),
                 status="held", headline="As G-7 summit kicks off in Hiroshima, China and Russia are on "
                                         "everyone's mind: leaders weigh trade restrictions and coercion")
    urges = rep(2, "2023-05-20T09:00", kind="mention", actor=None, commodities=(), countries=("CN",),
                headline="G7 urges China to play by the rules, as officials grow vocal about Beijing's "
                         "use of trade restrictions")
    g20 = replace(urges, id="g20", article_id="a3", headline=urges.headline.replace("G7", "G20"))
    [act] = consolidate([stemmed(summit), stemmed(urges), stemmed(g20)])
    assert [r.article_id for r in act.reports] == ["a1", "a2"]


def test_an_event_read_from_background_does_not_date_the_act() -> None:
    # An agreement story of 28 March explains the credit's rules in the background; the
    # Treasury's guidance is reported on 31 March.
    from ingest.acts.features import is_background

    kw = dict(type_="investment", actor="US", commodities=("critical_minerals",), status="in_effect")
    background = rep(1, "2023-03-28T20:00", headline="US, Japan reach trade deal for electric vehicles", **kw)
    background = replace(background, evidence="The deal comes after the Inflation Reduction Act limits "
                                              "consumer tax credits for electric vehicles")
    guidance = rep(2, "2023-03-31T13:00", headline="Tax credit guidance expands origins for critical "
                                                   "battery minerals for electric vehicles", **kw)
    [act] = consolidate([stemmed(background), stemmed(guidance)])
    assert len(act.reports) == 2 and act.announced is not None
    assert act.announced.start == date(2023, 3, 31)
    assert is_background("The move came just days after Beijing's curbs")
    assert not is_background("The plan comes as Chile faces pressure for more public spending")


def test_a_leaders_daily_news_is_no_report_of_his_meeting() -> None:
    kw = dict(type_="summit", actor=None, commodities=(), countries=("US", "EU"), status="held")
    meet = rep(1, "2023-03-10T20:00", headline="Biden and the EU's von der Leyen meet to ease tensions "
                                              "over subsidies and trade", **kw)
    m_kw = dict(kind="mention", actor=None, commodities=(), countries=("US", "EU"))
    nimby = rep(2, "2023-03-11T09:00", headline="Biden's mining NIMBY-ism fuels reliance on imports, "
                                                "EU and US subsidies race on", **m_kw)
    host = rep(3, "2023-03-08T09:00", headline="Biden to host EU chief as Europe hopes to avoid "
                                               "a subsidy race: what the meeting may ease", **m_kw)
    [act] = consolidate([stemmed(meet), stemmed(nimby), stemmed(host)])
    assert sorted(r.article_id for r in act.reports) == ["a1", "a3"]


def test_summit_reports_naming_the_group_are_one_meeting_whatever_countries_they_name() -> None:
    kw = dict(type_="summit", actor=None, commodities=(), status="held")
    kicks = rep(1, "2023-05-18T09:00", countries=("CN", "RU"),
                headline="As G-7 summit kicks off in Hiroshima, China and Russia are on everyone's minds", **kw)
    warns = rep(2, "2023-05-20T09:00", countries=("CN", "KP"),
                headline="G7 leaders warn China and North Korea against expanding nuclear arsenals", **kw)
    other = rep(3, "2023-05-20T09:00", countries=("CN", "IR"),
                headline="Leaders warn China and Iran against expanding nuclear arsenals", **kw)
    acts = consolidate([stemmed(kicks), stemmed(warns), stemmed(other)])
    assert sorted(sorted(r.article_id for r in a.reports) for a in acts) == [["a1", "a2"], ["a3"]]
