"""A standing measure suspended or paused: the event is the suspension. (Its date may still be
the measure's first imposition when the text states it, "suspend the ban it imposed last
December": acts use that date to link the suspension to the measure it changes.)"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.relative import head_change
from ingest.tagging.tagger import Tagger

SUNDAY = date(2025, 3, 9)



def test_a_suspension_with_its_length_in_between_is_suspended(tagger: Tagger) -> None:
    [ev] = [e for e in tagger.tag(
        "Hanoi pauses rare earth licensing",
        "Vietnam said on Sunday it would suspend for six months the licensing rules on rare "
        "earth exports.", SUNDAY).events if e.type == "export_control"]
    assert (ev.status, ev.date) == ("suspended", SUNDAY)


def test_without_a_change_the_imposition_date_stands(tagger: Tagger) -> None:
    """No verb of change: the ban "imposed last July" is dated last July."""
    [ev] = [e for e in tagger.tag(
        "Malaysia ban still bites",
        "The ban on raw rare earth exports that Malaysia imposed last July has cut shipments "
        "by half.", SUNDAY).events if e.type == "export_control"]
    assert (ev.date, ev.date_precision) == (date(2024, 7, 1), "month")


def test_a_country_giving_companies_something_is_no_company_label(tagger: Tagger) -> None:
    """"Canada will give companies a tax credit": Canada acts; "Canadian rare earth refiners"
    still only labels companies."""
    from ingest.tagging.signals import company_labels
    from ingest.tagging.vocab import Mention

    text = "Canada will give companies a tax credit for refining nickel."
    assert company_labels(text, [Mention("CA", 0, 6, "Canada", False)]) == frozenset()
    text = "Canada rare earth refiners raised output."
    assert company_labels(text, [Mention("CA", 0, 6, "Canada", False)]) == frozenset({0})
    ev = tagger.tag("Canada budget: tax credit for nickel refining",
                    "Canada will give companies a refining tax credit worth 15% of costs, the "
                    "finance minister said in Tuesday's budget.", date(2025, 4, 9)).events
    [credit] = [e for e in ev if e.type == "investment"]
    assert (credit.actor, credit.date) == ("CA", date(2025, 4, 8))


def test_an_executive_order_speeding_mines_is_a_strategy(tagger: Tagger) -> None:
    ev = tagger.tag("President orders faster permits for mines",
                    "The president on Thursday signed an executive order to fast-track permits "
                    "for new mines and smelters of copper and lithium.", date(2025, 3, 21)).events
    assert "strategy" in {e.type for e in ev}


@pytest.mark.parametrize(("summary", "status"), [
    ("Bolivia's president on Monday unveiled his plan to create a state-owned lithium company.",
     "announced"),
    ("Bolivia unveiled a plan to create a state-owned lithium company on Monday.", "announced"),
    ("The government plans to create a state-owned lithium company, the minister said on "
     "Monday.", "proposed"),  # a verb: planning, not a plan made
])
def test_a_plan_named_as_a_noun_is_no_proposal_cue(tagger: Tagger, summary: str,
                                                   status: str) -> None:
    [ev] = [e for e in tagger.tag("Bolivia lithium policy", summary, date(2025, 3, 10)).events
            if e.type == "production_control"]
    assert ev.status == status


# An earlier measure named in a relative clause takes the change its sentence makes to it.
def _statuses(tagger: Tagger, title: str, summary: str) -> list[str]:
    return [e.status for e in tagger.tag(title, summary, SUNDAY).events if e.type == "export_control"]


def test_a_clause_suspended_after_its_relative_clause_is_suspended(tagger: Tagger) -> None:
    assert _statuses(tagger, "Trade ministry notice", (
        "The ministry said on Sunday that article 4 of its 2024 decree, which banned exports of "
        "tungsten to Japan, is suspended until the end of the year.")) == ["suspended"]


def test_a_suspension_verb_before_the_head_suspends_the_act_it_names(tagger: Tagger) -> None:
    assert _statuses(tagger, "Trade ministry notice", (
        "Hanoi said on Sunday it would pause, until March 2026, the rule of its January notice "
        "that barred exports of rare earth oxides.")) == ["suspended"]
    assert _statuses(tagger, "Trade ministry notice", (
        "Hanoi said on Sunday it would pause, until March 31, 2026, the rule of its January "
        "notice that barred exports of rare earth oxides. Licences for other metals stay in "
        "place.")) == ["suspended"]


def test_a_repeal_lifts_the_measure_named_in_the_relative_clause(tagger: Tagger) -> None:
    assert _statuses(tagger, "Trade ministry notice", (
        "Jakarta said on Sunday it had repealed the regulation that banned exports of bauxite "
        "ore.")) == ["lifted"]


def test_a_relative_clause_with_no_change_stays_in_force(tagger: Tagger) -> None:
    assert _statuses(tagger, "Trade ministry notice", (
        "The decree, which banned exports of tungsten to Japan in 2024, remains in force, the "
        "ministry said on Sunday.")) == ["in_effect"]


def test_a_change_to_other_goods_leaves_the_measure_alone(tagger: Tagger) -> None:
    """The pause governs shipments, not the measure named in the relative clause."""
    low = "traders paused shipments of cobalt, citing the rule that restricts exports"
    assert head_change(low, (0, len(low)), low.index("restricts"), len(low)) is None
    assert _statuses(tagger, "Trade ministry notice", (
        "Exporters paused shipments of cobalt on Sunday, citing the new rule that restricts "
        "exports of cobalt hydroxide.")) != ["suspended"]
