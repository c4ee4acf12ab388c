"""A measure's status follows the clause that governs it: its own verb's tense and modality, a
start it states, the headline that calls it a threat. Each case has a look-alike that keeps its
status."""

from __future__ import annotations

from datetime import date

from ingest.tagging.tagger import Tagger

PUB = date(2024, 7, 4)


def status_of(tagger: Tagger, title: str, text: str, type_id: str, actor: str | None = None) -> str:
    found = [e.status for e in tagger.tag(title, text, PUB).events
             if e.type == type_id and (actor is None or e.actor == actor)]
    assert found, f"no {type_id} event"
    return found[0]


def test_a_noun_measure_whose_own_verb_would_apply_later_is_announced(tagger: Tagger) -> None:
    assert status_of(tagger, "Nickel news", "Jakarta said on Wednesday that a 10% levy on nickel "
                     "matte would apply next year.", "tariff") == "announced"
    assert status_of(tagger, "Nickel news", "A 10% levy on nickel matte has hurt smelters, miners "
                     "said.", "tariff") == "in_effect"


def test_a_conjunction_opens_another_subject_for_the_future(tagger: Tagger) -> None:
    assert status_of(tagger, "Cobalt news", "Kinshasa on Wednesday added cobalt to its export control "
                     "list and said the new duty would start in August.", "export_control") == "in_effect"


def test_a_start_told_in_a_clause_of_time_is_still_to_come(tagger: Tagger) -> None:
    assert status_of(tagger, "Graphite news", "Tokyo said on Wednesday it would build graphite "
                     "reserves before China's export permits take hold.", "export_control") == "announced"
    assert status_of(tagger, "Graphite news", "Tokyo said on Wednesday it built graphite reserves "
                     "after China's export permits took hold.", "export_control") == "in_effect"


def test_a_future_auxiliary_before_the_acts_own_verb_announces_it(tagger: Tagger) -> None:
    assert status_of(tagger, "Copper news", "Officials said Washington would cut the tariff on "
                     "Chilean copper to 5%.", "tariff") == "announced"
    assert status_of(tagger, "Copper news", "Officials said Washington cut the tariff on Chilean "
                     "copper to 5%.", "tariff") == "in_effect"


def test_licences_a_firm_will_need_are_announced_but_not_a_need_to_act(tagger: Tagger) -> None:
    assert status_of(tagger, "Chip tools", "Officials said Seoul will need new export licences for "
                     "gallium.", "export_control") == "announced"
    assert status_of(tagger, "Chip tools", "Officials said Seoul will need to defend its export "
                     "controls on gallium.", "export_control") == "in_effect"


def test_a_start_already_taken_outweighs_another_measures_later_start(tagger: Tagger) -> None:
    assert status_of(tagger, "Steel news", "A 20% Mexican duty on steel took effect on Wednesday; "
                     "a matching levy on aluminium is due from Sept. 1.", "tariff") == "in_effect"
    assert status_of(tagger, "Steel news", "Mexico on Wednesday imposed a 20% duty on steel, "
                     "taking effect from Sept. 1.", "tariff") == "announced"


def test_the_headlines_threat_is_what_the_body_says_would_come(tagger: Tagger) -> None:
    title = "Washington threatens 50% tariff on Chinese graphite"
    text = "The president said on Wednesday he would put a 50% tariff on Chinese graphite."
    assert status_of(tagger, title, text, "tariff", "US") == "threatened"
    title = "Washington weighs options on Chinese graphite"
    assert status_of(tagger, title, text, "tariff", "US") == "announced"


def test_a_start_pushed_back_suspends_the_duties(tagger: Tagger) -> None:
    assert status_of(tagger, "Truce extended", "Washington on Wednesday pushed back the higher duties "
                     "on Chinese rare earth magnets until Nov. 10.", "tariff") == "suspended"
    assert status_of(tagger, "Truce extended", "Washington on Wednesday pushed the higher duties on "
                     "Chinese rare earth magnets to 50%.", "tariff") != "suspended"


def test_a_pause_told_of_another_states_measure_is_not_this_ones(tagger: Tagger) -> None:
    text = ("After talks on Wednesday, Washington said it would lower the tariff on Chinese magnets "
            "to 10% and Beijing would put its rare earth export controls on hold.")
    assert status_of(tagger, "Truce", text, "tariff", "US") == "announced"
    assert status_of(tagger, "Truce", text, "export_control", "CN") == "suspended"
    assert status_of(tagger, "Truce", "After talks on Wednesday, Washington said tariffs on Chinese "
                     "rare earths would be put on hold.", "tariff", "US") == "suspended"


def test_a_present_act_verb_suspending_exports_applies(tagger: Tagger) -> None:
    assert status_of(tagger, "Jakarta suspends nickel ore exports for three months", "",
                     "export_control") == "in_effect"
    assert status_of(tagger, "Nickel news", "Jakarta announced on Tuesday it was suspending exports "
                     "of nickel ore to Japan.", "export_control") == "announced"


def test_a_start_told_and_reached_applies(tagger: Tagger) -> None:
    assert status_of(tagger, "Chile brings back export tax on copper concentrate from July", "",
                     "export_control") == "in_effect"
    assert status_of(tagger, "Chile to bring back export tax on copper concentrate from August", "",
                     "export_control") == "announced"


def test_a_participle_of_an_act_after_the_noun_tells_it_done(tagger: Tagger) -> None:
    assert status_of(tagger, "Lithium news", "The Energy Department grant, made under the Defense "
                     "Production Act, is meant to expand a lithium mine, the company said on Tuesday.",
                     "investment") == "in_effect"
    assert status_of(tagger, "Lithium news", "The Energy Department grant is meant to expand a "
                     "lithium mine, the company said on Tuesday.", "investment") == "announced"


def test_a_comma_ends_a_to_phrase_before_the_act_verb(tagger: Tagger) -> None:
    assert status_of(tagger, "US unveils new curbs on chip sales to China, adds 140 firms to entity "
                     "list", "", "sanction") == "in_effect"
    assert status_of(tagger, "US unveils new curbs on chip sales to China and plans to add firms to "
                     "entity list", "", "sanction") == "proposed"


def test_quotas_issued_apply_and_quotas_to_be_issued_are_announced(tagger: Tagger) -> None:
    assert status_of(tagger, "Rare earths", "China's industry ministry this week issued the first "
                     "batch of rare earth mining quotas for 2024.", "production_control") == "in_effect"
    assert status_of(tagger, "Rare earths", "China's industry ministry said this week it would issue "
                     "the first batch of rare earth mining quotas for 2024 soon.",
                     "production_control") == "announced"


def test_a_name_as_an_object_before_the_pause_opens_no_clause(tagger: Tagger) -> None:
    assert status_of(tagger, "Beijing eases curbs", "China's tighter end-use review applied to graphite "
                     "shipments bound for the United States is paused for a year.",
                     "export_control") == "suspended"


def test_a_next_sentence_putting_the_start_a_month_away_announces_the_headlines_act(tagger: Tagger) -> None:
    title = "Turkey slaps extra 40% duty on Chinese-made cars"
    assert status_of(tagger, title, "The decree published on Wednesday takes effect in a month.",
                     "tariff") == "announced"
    assert status_of(tagger, title, "The decree published on Wednesday took effect a month ago.",
                     "tariff") == "in_effect"


def test_an_investigation_ordered_is_opened_one_planned_is_not(tagger: Tagger) -> None:
    assert status_of(tagger, "Probe", "The president on Wednesday directed the Commerce Department to "
                     "open an investigation into imports of processed critical minerals.",
                     "investigation") == "in_effect"
    assert status_of(tagger, "Probe", "The Commerce Department said on Wednesday it plans to open an "
                     "investigation into imports of processed critical minerals.",
                     "investigation") == "proposed"


def test_a_measure_a_state_says_it_will_keep_stands(tagger: Tagger) -> None:
    assert status_of(tagger, "Grain", "Warsaw said on Wednesday it would keep its ban on imports of "
                     "Ukrainian nickel.", "import_restriction") == "in_effect"
    assert status_of(tagger, "Grain", "Warsaw said on Wednesday it would impose a ban on imports of "
                     "Ukrainian nickel.", "import_restriction") == "announced"
