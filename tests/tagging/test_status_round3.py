"""Status and date readings of the third status pass, each with a look-alike that keeps its
reading: a deal still worked towards, an exemption that ends, a probe told opened, a speaker's
own "would", a decimal rate before a future verb, the first day of a several-day occasion."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)  # a Thursday


def events_of(tagger: Tagger, title: str, text: str, type_id: str) -> list[tuple[str, date]]:
    return [(e.status, e.date) for e in tagger.tag(title, text, PUB).events if e.type == type_id]


@pytest.mark.parametrize("title", [
    "Chile and Korea in talks to strike a minerals trade deal",
    "Brazil edges closer to a free trade agreement with Japan",
    "Ministers make progress towards a bilateral trade deal",
    "Peru-Canada trade deal stalls over farm quotas",
    "Negotiators race to finalise a critical minerals agreement",
    "Hopes of a Chile-EU trade deal fade",
])
def test_a_deal_still_worked_towards_is_proposed(tagger: Tagger, title: str) -> None:
    assert {s for s, _d in events_of(tagger, title, "", "agreement")} == {"proposed"}


@pytest.mark.parametrize("title", [
    "Chile and Korea sign a minerals trade deal",
    "Exporters cheer post-Brexit trade agreement",
])
def test_a_deal_made_stays_in_effect(tagger: Tagger, title: str) -> None:
    assert {s for s, _d in events_of(tagger, title, "", "agreement")} == {"in_effect"}


def test_an_exemption_that_ends_is_lifted(tagger: Tagger) -> None:
    assert events_of(tagger, "Washington ends tariff exemption for imported solar cells", "",
                     "tariff")[0][0] == "lifted"
    assert events_of(tagger, "Washington solar rules", "The proclamation revoked a carve-out from "
                     "safeguard duties on solar cells.", "tariff")[0][0] == "lifted"
    # twins: an end only said to come is announced; an exemption extended stands
    assert events_of(tagger, "Duties news", "Washington said on Tuesday it would revoke an exemption "
                     "from safeguard tariffs for solar cells.", "tariff")[0][0] == "announced"
    assert events_of(tagger, "Washington extends tariff exclusions on Chinese pumps", "",
                     "tariff")[0][0] == "in_effect"


def test_an_investigation_told_opened_is_in_effect(tagger: Tagger) -> None:
    text = "The Commission opened an anti-dumping investigation into Chinese tinplate on Tuesday."
    assert events_of(tagger, "Tinplate news", text, "investigation") == [("in_effect", date(2024, 7, 2))]
    text = "The Commission said on Tuesday it plans to open an anti-dumping investigation into Chinese tinplate."
    assert events_of(tagger, "Tinplate news", text, "investigation")[0][0] == "proposed"


def test_a_speakers_own_would_is_announced_unless_it_is_conditional(tagger: Tagger) -> None:
    text = "The president said on Tuesday he would impose a 30% tariff on imported trucks from Aug. 1."
    assert events_of(tagger, "Truck news", text, "tariff")[0][0] == "announced"
    text = "The president said he would impose a 30% tariff on imported trucks if the talks were not revived."
    assert events_of(tagger, "Truck news", text, "tariff")[0][0] == "threatened"


def test_a_decimal_rate_does_not_hide_the_measures_future_verb(tagger: Tagger) -> None:
    text = "Anti-dumping duties of up to 31.5 per cent will be imposed on Chinese tinplate."
    assert events_of(tagger, "EU targets Chinese tinplate", text, "tariff")[0][0] == "announced"
    text = "Anti-dumping duties of up to 31.5 per cent have hurt Chinese tinplate makers."
    assert events_of(tagger, "EU targets Chinese tinplate", text, "tariff")[0][0] == "in_effect"


def test_the_day_a_several_day_occasion_opened_is_its_first(tagger: Tagger) -> None:
    text = ("Leaders endorsed a minerals plan on Wednesday, on the second day of a summit that "
            "opened on Tuesday.")
    assert {d for _s, d in events_of(tagger, "Summit news", text, "summit")} == {date(2024, 7, 2)}
    text = ("Chinese Premier Li Qiang began the second day of his state visit to Germany on "
            "Wednesday with a factory tour.")
    assert {d for _s, d in events_of(tagger, "Visit news", text, "summit")} == {date(2024, 7, 2)}


def test_a_lifting_only_hoped_for_or_pursued_leaves_the_measure_standing(tagger: Tagger) -> None:
    text = "Seoul is expecting Beijing to next drop its duties on Korean kimchi."
    assert events_of(tagger, "Kimchi news", text, "tariff")[0][0] == "in_effect"
    text = "The trade minister pursues removal of the duties on Korean kimchi."
    assert events_of(tagger, "Kimchi news", text, "tariff")[0][0] == "in_effect"
    # twin: a lifting told as done
    text = "Beijing dropped its duties on Korean kimchi on Tuesday."
    assert events_of(tagger, "Kimchi news", text, "tariff")[0][0] == "lifted"


def test_a_deal_delayed_is_not_yet_made(tagger: Tagger) -> None:
    assert {s for s, _d in events_of(tagger, "EU trade deal with Central America delayed by a row "
                                     "over farm rules", "", "agreement")} == {"proposed"}


def test_a_publisher_promo_ends_the_standfirst_it_is_glued_to(tagger: Tagger) -> None:
    # the standfirst's act takes no year from the story's first sentence after the promo
    text = ("Canberra suspends its WTO challenge to Chinese duties on wine Follow our Australia "
            "news live blog for the latest updates Get our morning and afternoon news emails, free "
            "app or daily news podcast The dispute began with duties Beijing imposed in 2020.")
    dates = {d for _s, d in events_of(tagger, "Wine news", text, "investigation")}
    assert dates and all(d.year == 2024 for d in dates)
    # twin: with no promo between them, one sentence keeps its one date
    text = "Canberra suspended in 2020 its WTO challenge to Chinese duties on wine."
    assert {d.year for _s, d in events_of(tagger, "Wine news", text, "investigation")} == {2020}


def test_promo_pieces_keep_their_offsets() -> None:
    from ingest.tagging.sentences import split_sentences
    body = ("Ministers agree on a plan Follow our Australia news live blog for the latest updates "
            "Get our morning and afternoon news emails, free app or daily news podcast The plan "
            "was signed on Monday. See all our Ukraine coverage Talks resume.")
    pieces = split_sentences(body, 7)
    text = "x" * 7 + body
    assert [p.text for p in pieces][0] == "Ministers agree on a plan"
    assert "The plan was signed on Monday." in [p.text for p in pieces]
    assert pieces[-1].text == "Talks resume."
    for p in pieces:
        assert text[p.start: p.end].strip() == p.text and text[p.start] == p.text[0]


def test_a_date_its_noun_claims_across_an_adverb_or_a_pronoun_is_not_a_later_acts(tagger: Tagger) -> None:
    text = ("The ministry on Tuesday widened rules first imposed in March 2023 on drone parts, and "
            "added Chinese makers to its entity list.")
    assert {d for _s, d in events_of(tagger, "Ottawa tightens curbs on drone part exports", text,
                                     "sanction")} == {date(2024, 7, 2)}
    # twin: with no other date, the earlier rules' month is all the sentence gives
    text = "Ottawa added Chinese makers to its entity list in March 2023."
    assert {d for _s, d in events_of(tagger, "Drone news", text, "sanction")} == {date(2023, 3, 1)}


def test_a_pause_for_a_year_is_the_measures_and_not_the_next_clauses(tagger: Tagger) -> None:
    text = ("Seoul will suspend for a year the battery export curbs it unveiled this month and the "
            "United States will cut the tariff on Korean steel, officials said on Wednesday.")
    found = {e.type: (e.status, e.date) for e in tagger.tag("Truce", text, PUB).events}
    assert found["export_control"][0] == "suspended"
    assert found["tariff"] == ("announced", date(2024, 7, 3))


def test_a_list_a_state_puts_goods_on_applies(tagger: Tagger) -> None:
    assert events_of(tagger, "Canada adds tin to critical minerals list", "",
                     "strategy")[0][0] == "in_effect"
    assert events_of(tagger, "Tin and zinc make the Canadian critical minerals list", "",
                     "strategy")[0][0] == "in_effect"
    # twins: one only planned, or a strategy released, keep their readings
    assert events_of(tagger, "Minerals news", "Ottawa plans to add tin to its critical minerals "
                     "list next year.", "strategy")[0][0] == "proposed"
    assert events_of(tagger, "Canada releases critical minerals strategy", "",
                     "strategy")[0][0] == "announced"


def test_a_plan_named_with_a_hyphenated_modifier_is_a_noun(tagger: Tagger) -> None:
    assert {s for s, _d in events_of(tagger, "G20 leaders back ten-point plan to secure critical "
                                     "minerals supplies", "", "agreement")} == {"in_effect"}


def test_a_relative_clauses_modal_tells_what_a_deal_made_may_do(tagger: Tagger) -> None:
    text = "Canberra announced a deal with Beijing that could end duties on Australian wine."
    assert {s for s, _d in events_of(tagger, "Wine news", text, "agreement")} == {"in_effect"}
    # twin: a deal whose own verb is the modal is hypothetical
    text = "A deal with Beijing could end duties on Australian wine, officials said."
    assert {s for s, _d in events_of(tagger, "Wine news", text, "agreement")} == {"proposed"}


def test_a_start_to_come_in_the_bodys_own_sentence_outweighs_the_headlines_verb(tagger: Tagger) -> None:
    text = ("A proclamation signed on Wednesday raises the duty on Russian nickel to 150% from "
            "Aug. 1; the Treasury also named three traders.")
    assert events_of(tagger, "US slaps 150% tariff on Russian nickel", text, "tariff")[0][0] == "announced"
    # twin: with no start to come, the headline's verb stands
    text = "A proclamation signed on Wednesday raised the duty on Russian nickel to 150%."
    assert events_of(tagger, "US slaps 150% tariff on Russian nickel", text, "tariff")[0][0] == "in_effect"


def test_next_weekend_said_on_a_friday_is_the_one_after_the_coming_one(tagger: Tagger) -> None:
    friday = date(2024, 7, 5)
    text = "Chile is set to sign a minerals trade deal in Seoul next weekend."
    got = {e.date for e in tagger.tag("Deal news", text, friday).events if e.type == "agreement"}
    assert got == {date(2024, 7, 13)}
    # twins: "this weekend" on a Friday, and "next weekend" early in the week, are the coming one
    text = "Chile is set to sign a minerals trade deal in Seoul this weekend."
    assert {e.date for e in tagger.tag("Deal news", text, friday).events} == {date(2024, 7, 6)}
    text = "Chile is set to sign a minerals trade deal in Seoul next weekend."
    assert {e.date for e in tagger.tag("Deal news", text, date(2024, 7, 2)).events} == {date(2024, 7, 6)}
