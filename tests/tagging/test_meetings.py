"""Meetings typed by who meets: heads of state or government at a summit, ministers at talks.

Texts written for the test; the facts follow real 2023 visits and meetings.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ingest.tagging.meetings import leveled, meeting_level
from ingest.tagging.tagger import Tagger

PUB = datetime(2023, 6, 19, 9, 0, tzinfo=UTC)



def meeting_types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events if e.type in ("summit", "talks")}


def test_a_ministers_visit_or_meeting_is_talks(tagger: Tagger) -> None:
    assert meeting_types(tagger, "Secretary of State Blinken begins his visit to Beijing",
                         "The top US diplomat meets Chinese officials over two days.") == {"talks"}
    assert meeting_types(tagger, "Treasury Secretary Yellen held talks with Vice Premier He Lifeng "
                         "in Beijing on Saturday") == {"talks"}


def test_a_visit_named_without_a_title_takes_the_articles_level(tagger: Tagger) -> None:
    # No title in the headline; the article names only a minister: talks.
    assert meeting_types(tagger, "Blinken begins China visit delayed by the balloon row",
                         "The secretary of state is the most senior US official to go in years.") == {"talks"}


def test_a_head_of_states_visit_or_meeting_is_a_summit(tagger: Tagger) -> None:
    assert meeting_types(tagger, "President Lula begins state visit to China",
                         "The Brazilian president meets Xi Jinping in Beijing.") == {"summit"}
    assert meeting_types(tagger, "G7 summit opens in Hiroshima") == {"summit"}


def test_the_visitor_decides_not_the_host() -> None:
    low = "the secretary met president xi in beijing"
    t0 = low.index("met")
    assert meeting_level(low, (0, len(low)), (t0, len(low)), low) == "minister"
    low = "president biden met president xi"
    assert meeting_level(low, (0, len(low)), (low.index("met"), len(low)), low) == "head"
    assert leveled("summit", "state_visit", "minister") == ("talks", "ministerial")
    assert leveled("summit", "summit", "minister") == ("summit", "summit")  # named a summit
    assert leveled("summit", "leaders_meeting", None) == ("summit", "leaders_meeting")


def test_talks_a_leader_is_aiming_for_are_to_come(tagger: Tagger) -> None:
    events = tagger.tag("Biden 'aiming' for 'constructive' talks with China's Xi in San Francisco",
                        "", PUB).events
    assert {e.status for e in events if e.type in ("summit", "talks")} == {"scheduled"}
