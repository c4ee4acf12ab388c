"""A headline's act the headline leaves undated takes the one past day its lead gives, whether
the lead restates it in other words or tells another act of the same news; a lead with no such
day, or with two, leaves it on the publication day."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

FRIDAY = date(2024, 3, 15)
THURSDAY = date(2024, 3, 14)
TUESDAY = date(2024, 3, 12)


def _dates(title: str, lead: str, type_id: str, pub: date = FRIDAY) -> list[date]:
    return [e.date for e in Tagger().tag(title, lead, pub).events if e.type == type_id]


@pytest.mark.parametrize(("title", "lead", "type_id", "want"), [
    # the lead tells another act of the same news, on a named weekday
    ("Peru and Korea sign lithium accord",
     "The accord, signed in Lima on Thursday, creates a joint investment fund fed by royalties "
     "from new lithium mines.", "agreement", THURSDAY),
    # ... or gives the day it was said
    ("Ottawa places curbs on cobalt shipments",
     "The trade ministry said on Tuesday it had also opened an anti-dumping investigation "
     "into cobalt imports from Indonesia.", "export_control", TUESDAY),
    # a start to come beside the day is no rival to it
    ("Washington sets 150% duty on Russian nickel",
     "A proclamation signed on Thursday applies the levy from April 2 and to products "
     "containing the metal from May 2.", "tariff", THURSDAY),
])
def test_a_headline_act_takes_its_leads_one_past_day(title: str, lead: str, type_id: str,
                                                     want: date) -> None:
    assert want in _dates(title, lead, type_id)


@pytest.mark.parametrize(("title", "lead", "type_id"), [
    # two past days in the lead: which is the headline's is not told
    ("Peru and Korea sign lithium accord",
     "Talks opened on Monday and ministers met again on Wednesday to settle a joint fund.",
     "agreement"),
    # only a day to come
    ("Ottawa places curbs on cobalt shipments",
     "Trade officials will brief shippers on the paperwork on Monday, the ministry said.",
     "export_control"),
    # a day more than a week back is another occasion
    ("Peru and Korea sign lithium accord",
     "Negotiations began on Feb. 20 in Seoul and closed with a joint fund.", "agreement"),
])
def test_a_lead_without_one_past_day_leaves_the_publication_day(title: str, lead: str,
                                                                 type_id: str) -> None:
    assert _dates(title, lead, type_id)[:1] == [FRIDAY]
