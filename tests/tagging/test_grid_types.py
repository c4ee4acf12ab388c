"""Grid of the forms real headlines give an act without its usual frame: no actor named
("Gallium Exports To US Banned", "Sanctions on Russian aluminium extended"), a demonym before
the goods that owns the curb ("Japanese Makers Face Chinese Rare Earth Curbs" are China's), a
country as the subject of a title-case verb ("US Funds Graphite Plant"), exports that need
permits, a leader's probe named by its goods, a state's word reported by traders, and the
look-alikes of each (a market move, a company's plant, a price that raised questions)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

DAY = date(2024, 6, 12)


def _events(tagger: Tagger, text: str) -> list[tuple[str, str]]:
    """(type, actor) of each event: "HEADLINE || SUMMARY", else a line ending in a full stop is
    a summary, any other a headline."""
    if "||" in text:
        title, summary = (part.strip() for part in text.split("||"))
    elif text.endswith("."):
        title, summary = "Update", text
    else:
        title, summary = text, ""
    return [(e.type, e.actor or "") for e in tagger.tag(title, summary, DAY).events]


@pytest.mark.parametrize(("text", "type_id", "actor"), [
    ("Gallium Exports To US Banned", "export_control", ""),
    ("Germanium Exports To The US Banned", "export_control", ""),
    ("Sanctions on Russian aluminium extended", "sanction", ""),
    ("Sanctions On Russian Aluminium Renewed", "sanction", ""),
    ("Cobalt Export Ban Extended By Three Months", "export_control", ""),
    ("Export Ban On Nickel Ore Lifted", "export_control", ""),
    ("Curbs on antimony exports tightened", "export_control", ""),
    ("Tariffs on Chinese graphite raised to 93.5%", "tariff", ""),
    ("Steel, Aluminium Tariffs Doubled", "tariff", ""),
    ("Aluminium Tariffs Hiked Again", "tariff", ""),
    ("US tariffs on Chinese graphite were extended on Tuesday.", "tariff", "US"),
    ("Chinese Graphite Hit With US Duties", "tariff", "US"),
    ("Japanese Makers Face Chinese Rare Earth Curbs", "export_control", "CN"),
    ("Korean Battery Makers Hit By Chinese Graphite Curbs", "export_control", "CN"),
    ("Korean Chipmakers Brace For Chinese Gallium Controls", "export_control", "CN"),
    ("Chinese Graphite Curbs Hit Anode Makers", "export_control", "CN"),
    ("US Ban On Russian Uranium Imports Takes Effect", "import_restriction", "US"),
    ("US Funds Graphite Plant", "investment", "US"),
    ("Canada Funds Lithium Refinery", "investment", "CA"),
    ("Canada Backs Lithium Refinery", "investment", "CA"),
    ("Beijing's Graphite Export Rule Kicks In", "export_control", "CN"),
    ("China Answers US Chip Curbs With Gallium Export Ban", "export_control", "CN"),
    ("China said on Friday that exports of some graphite products would need permits from December.",
     "export_control", "CN"),
    ("Beijing said exports of graphite anodes will require licences from Dec. 1.", "export_control", "CN"),
    ("Gallium prices surge || Prices have climbed since Beijing said last week it would make "
     "exporters of the metal apply for permits, traders said.", "export_control", "CN"),
    ("Canberra blocks China-linked fund from raising stake in rare earths miner", "sanction", "AU"),
    ("Treasurer Jim Chalmers rejected a bid by a Chinese fund to lift its holding in Northern "
     "Minerals on foreign investment grounds.", "sanction", ""),
    ("Markets || President Trump's order on Tuesday to investigate imports of processed critical "
     "minerals put miners in focus.", "investigation", "US"),
    ("Miners eye Trump's minerals probe", "investigation", "US"),
    ("Washington ordered a probe into imports of nickel from Indonesia on Monday.", "investigation", "US"),
])
def test_an_act_said_without_its_usual_frame_is_found(tagger: Tagger, text: str, type_id: str,
                                                      actor: str) -> None:
    events = _events(tagger, text)
    assert type_id in [t for t, _a in events]
    if actor:
        assert (type_id, actor) in events


@pytest.mark.parametrize("text", [
    "Copper tariffs could be extended, traders say",
    "Tariff fears lifted copper prices on Tuesday",
    "Tariffs on Chinese goods raised costs for US lithium battery makers",
    "Copper Tariffs Raised Questions For Buyers",
    "Eskom tariff increase approved for aluminium smelters",
    "Nersa grants Eskom 18.65% tariff increase for aluminium smelters",
    "Glencore Funds Cobalt Plant",
    "Chinese Firms Fund Lithium Plant In Argentina",
    "Japanese Makers Face Higher Chinese Rare Earth Prices",
    "Lithium Miner Rejects Takeover Bid From Albemarle",
    "Investors probe lithium miner over imports of spodumene",
    "Trump's Lithium Comments Spark Rally",
    "Gallium prices surge on export curb fears",
])
def test_a_look_alike_is_no_act(tagger: Tagger, text: str) -> None:
    title, summary = (text, "") if not text.endswith(".") else ("Update", text)
    assert not tagger.tag(title, summary, DAY).relevant


@pytest.mark.parametrize(("text", "type_id"), [
    ("The US on Friday barred Russian nickel from entering the country.", "import_restriction"),
    ("The US and UK announced sanctions that also bar those metals from entering the United "
     "States.", "import_restriction"),
    ("The Commerce Department's preliminary finding on Thursday that graphite anodes from China "
     "are being dumped was published.", "investigation"),
    ("Brussels Sets 10% Home-Mining Goal for Lithium", "strategy"),
    ("The Commission proposed on Thursday that at least a tenth of the bloc's yearly needs for "
     "strategic raw materials such as lithium and rare earths be mined inside the EU by 2030.",
     "strategy"),
    ("At the White House on Wednesday the two leaders signed up to a compact on critical minerals.",
     "summit"),
    ("Markets || After meeting on Thursday, the US president said China would pause its rare earth "
     "export controls.", "summit"),
    ("What Trump and Xi agreed on rare earths", "summit"),
    ("China Clamps Down on Gallium, Germanium Exports", "export_control"),
    ("Exporters of gallium will need to apply for licences, China's commerce ministry said",
     "export_control"),
    ("Refined copper spared from US tariff", "tariff"),
    ("Tariff on Australian aluminium waived", "tariff"),
    ("Loan for graphite mine approved by US export bank", "investment"),
    ("Anti-dumping probe into Chinese graphite opened", "investigation"),
    ("Panama orders First Quantum to close copper mine", "production_control"),
    ("Kazakhstan to set up state rare earth company", "production_control"),
    ("Japan's JOGMEC to invest in Australian rare earths miner", "investment"),
    ("Tariffs on Chinese natural graphite to rise to 25% in 2026", "tariff"),
    ("Indonesia Halts Nickel Smelter Permits", "production_control"),
    ("Indonesia freezes new nickel smelter permits", "production_control"),
    ("The strategy adds A$500 million to a government lending facility for lithium projects.",
     "investment"),
    ("Canada pours C$1.5 billion into a fund for critical minerals processing", "investment"),
])
def test_a_grid_form_of_a_recalled_type_is_found(tagger: Tagger, text: str, type_id: str) -> None:
    assert type_id in [t for t, _a in _events(tagger, text)]


@pytest.mark.parametrize("text", [
    "Canada barred Chinese lithium firms from entering its mining sector, officials said.",
    "Trump and Xi agreed on a phone call to talk rare earths",
    "Lithium Miner Sets 10% Output Goal",
    "Albemarle to invest in lithium refinery in South Carolina",
    "Copper tariffs may rise to 50%, analysts say",
    "Tesla pours $1 billion into lithium refinery for its cars",
    "Japanese trading house signs graphite offtake with Canadian miner",
    "Copper price raised to $10,000 forecast by Goldman",
    "Lithium output forecast raised to 1.5 million tonnes",
    "Nickel rally extended as Indonesia supply worries grow",
    "Cobalt Price Floor Lifted By Traders' Bets",
    "Aluminium premiums doubled in Rotterdam",
    "Rare earth stocks jump to record on China export news",
    "Gallium price rises to $600/kg",
    "Lithium Stock Rises To 52-Week High",
    "Copper tariffs could rise to 50% if Trump wins, analysts say",
    "Miners respond to copper price slump with job cuts",
    "Glencore answers activist with cobalt spin-off plan",
    "Albemarle counters lithium glut by cutting output",
    "Chinese Cobalt Makers Face Higher Costs",
    "Korean Battery Makers Brace For Lithium Price Swings",
    "Japanese Makers Face Chinese Graphite Competition",
    "Rio Tinto Funds Lithium Research Centre",
    "BHP invests in copper mine expansion in Chile",
    "Canadian Miner Rejects Chinese Takeover Bid",
    "Investors Blocked From Raising Stakes, Says Lithium Miner's Board",
    "Trump's Lithium Remarks Lift Stocks",
    "The two leaders of the mining union signed a wage deal at the nickel smelter",
    "Sanctions on Russian aluminium could be extended, traders say",
    "Tariffs raised costs for US aluminium buyers, survey shows",
    "Copper imports to China rise to record",
    "Lithium mine to close as prices slump",
    "Vale to close nickel mine in Canada",
    "Cobalt miner halts new permits applications amid slump",
])
def test_a_grid_look_alike_of_a_recalled_type_is_not_that_type(tagger: Tagger, text: str) -> None:
    types = [t for t, _a in _events(tagger, text)]
    assert not {"import_restriction", "summit", "strategy", "investment", "tariff"} & set(types)


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("China answers US tariff with curbs on gallium exports", "CN", "US"),
    ("China Retaliates Against US Chip Curbs With Gallium Ban", "CN", "US"),
    ("In response to US chip curbs, China banned exports of gallium to the United States.", "CN", "US"),
    ("China Answers US Export Curbs With Gallium Export Ban", "CN", "US"),
    ("In response to US export controls, China banned exports of gallium to the United States.",
     "CN", "US"),
])
def test_an_answer_is_aimed_at_the_earlier_acts_owner(tagger: Tagger, text: str, actor: str,
                                                       target: str) -> None:
    title, summary = (text, "") if not text.endswith(".") else ("Update", text)
    events = [e for e in tagger.tag(title, summary, DAY).events if e.type == "export_control"]
    assert any(e.actor == actor and target in e.targets for e in events)


def test_the_earlier_act_itself_is_no_answer(tagger: Tagger) -> None:
    events = tagger.tag("China retaliates against US tariffs on rare earths", "", DAY).events
    assert [(e.type, e.actor) for e in events] == [("tariff", "US")]


def test_a_measure_a_review_could_end_in_is_imagined(tagger: Tagger) -> None:
    types = [t for t, _a in _events(tagger, (
        "President Trump on Tuesday told the Commerce Department to examine whether reliance on "
        "imported processed critical minerals threatens national security, a review that could "
        "end in tariffs."))]
    assert "investigation" in types and "tariff" not in types


@pytest.mark.parametrize(("text", "meets"), [
    ("Officials said lithium output must double by 2030 to meet the country's targets.", False),
    ("Officials said nickel supply must rise to meet growing demand from battery makers.", False),
    ("Trade ministers will meet next week to discuss lithium.", True),
])
def test_meet_as_satisfy_is_no_meeting(tagger: Tagger, text: str, meets: bool) -> None:
    types = {t for t, _a in _events(tagger, text)}
    assert bool(types & {"talks", "summit"}) is meets
