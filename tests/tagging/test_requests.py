"""Acts only asked for by someone who is not a government, or only a possible outcome of
another step, are no acts; a government's own call, and nouns that look like calls, are."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

PUB = date(2024, 6, 5)



def types(tagger: Tagger, title: str, summary: str = "") -> set[str]:
    return {e.type for e in tagger.tag(title, summary, PUB).events}


@pytest.mark.parametrize(("title", "summary"), [
    ("Labour NGOs press Brussels on mine abuses",
     "A group of charities on Tuesday called on the European Union to ban imports of tin "
     "mined by children, saying audits had not worked."),
    ("Steel producers want duties on foreign tungsten",
     "An alliance of American tool producers petitioned the Commerce Department and the trade "
     "commission for anti-dumping duties on tungsten carbide from Vietnam."),
    ("Graphite miners seek duties on imported anodes", ""),
    ("Recyclers ask Canberra to curb scrap exports",
     "A battery recycling association asked the federal government to restrict exports of "
     "black mass containing nickel and cobalt."),
])
def test_a_call_by_no_government_is_no_act(tagger: Tagger, title: str, summary: str) -> None:
    assert types(tagger, title, summary) == set()


def test_a_possible_outcome_of_a_probe_is_no_tariff(tagger: Tagger) -> None:
    found = types(tagger, "Washington opens probe into polysilicon imports",
                  "The Commerce Department started a Section 232 inquiry into polysilicon "
                  "imports on Monday, a review that could lead to new tariffs.")
    assert found == {"investigation"}


def test_a_government_calling_on_another_still_acts(tagger: Tagger) -> None:
    ev = tagger.tag("Japan urges members to curb rare earth exports to Russia",
                    "Tokyo on Tuesday called on G7 partners to impose export controls on rare "
                    "earth magnets bound for Russia.", PUB).events
    assert {e.type for e in ev} == {"export_control"}


def test_a_verb_after_a_conjunction_keeps_the_earlier_subject(tagger: Tagger) -> None:
    found = types(tagger, "Canada sets out lithium plan",
                  "Canada's natural resources ministry published a critical minerals "
                  "strategy on Monday and urged provinces to speed up lithium permits.")
    assert "strategy" in found


@pytest.mark.parametrize(("title", "summary", "kind"), [
    ("China limits graphite exports as demand for anodes soars",
     "Beijing said on Monday exporters of graphite will need licences from Dec. 1.", "export_control"),
    ("Indonesia bans bauxite exports",
     "Jakarta imposed the ban on Monday; asked about tariffs, the minister declined to comment.",
     "export_control"),
])
def test_nouns_and_questions_that_look_like_calls(tagger: Tagger, title: str, summary: str,
                                                  kind: str) -> None:
    assert kind in types(tagger, title, summary)


@pytest.mark.parametrize(("summary", "targets"), [
    ("Washington on Monday imposed sanctions on the Wagner group's gold trade, days after "
     "its fighters turned on Moscow's generals.", ("RU",)),  # the one other country named
    ("The United States, Canada and Britain imposed fresh sanctions on Monday.", ()),  # allies
])
def test_a_sanction_with_no_stated_target_is_aimed_at_the_one_other_country(
        tagger: Tagger, summary: str, targets: tuple[str, ...]) -> None:
    [ev] = [e for e in tagger.tag("New sanctions", summary, PUB).events if e.type == "sanction"]
    assert ev.actor in ("US", "GB") and ev.targets == targets
