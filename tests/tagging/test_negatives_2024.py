"""2024-style hard negatives, each beside a close twin that reports a real government act.

The negatives are full of the tracker's words (tariff, export curbs, deal, ban, lithium, rare
earths) but report no government trade-policy act on a taxonomy commodity: company results
naming tariffs as a risk, price reports, miners' deals and lawsuits, candidates' promises,
analysts, NGOs, private court cases, history, opinion, questions. Acts on goods outside the
taxonomy (cars, steel, chips) keep their type but are not relevant (docs/labelling.md). Each
twin keeps the frame and names a government act, so that precision is not bought with recall.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger
from tests.tagging import negatives_2024b_grid as grid_b

TAGGER = Tagger()
PUB = date(2024, 6, 12)

# (negative title, negative summary, twin title, twin summary, the twin's type: "a|b" for either)
PAIRS: list[tuple[str, str, str, str, str]] = [
    # Company results and guidance that name trade measures only as a risk.
    ("Albemarle cuts lithium outlook, flags tariff risk",
     "The US lithium producer lowered its sales guidance and said possible tariffs and export "
     "curbs were a risk to demand.",
     "Albemarle shares slip after US raises tariffs on Chinese lithium batteries",
     "Washington on Tuesday raised tariffs on Chinese lithium-ion batteries to 25%.", "tariff"),
    ("Lynas profit slumps as rare earth prices sag",
     "The Australian miner said Chinese export restrictions remained a risk but had not hit "
     "sales in the half.",
     "Lynas shares jump as China curbs rare earth technology exports",
     "Beijing on Thursday banned exports of technology used to extract and separate rare earths.",
     "export_control"),
    ("Umicore warns on battery materials as EV demand slows",
     "The Belgian group wrote down its cathode unit and said tariff uncertainty in the US "
     "clouded the outlook for nickel and cobalt chemicals.",
     "Umicore wins state aid for Polish battery materials plant",
     "The European Commission on Monday approved 350 million euros of Polish state aid for "
     "Umicore's nickel and cobalt cathode plant.", "investment"),
    ("Pilbara Minerals sees lithium glut lasting into 2025",
     "The chief executive said mine closures and possible trade barriers were not yet "
     "changing the lithium market.",
     "Zimbabwe to ban lithium concentrate exports from 2027",
     "Zimbabwe's mines minister said on Wednesday lithium concentrate exports would be banned "
     "from January 2027.", "export_control"),
    ("Rio Tinto keeps copper guidance, watching US trade policy",
     "The miner said it was following tariff talk in Washington closely but saw no effect on "
     "its copper sales so far.",
     "Rio Tinto says US copper tariff hits shipments",
     "Rio Tinto said the 50% tariff Washington imposed on semi-finished copper on Wednesday "
     "would hit its US sales.", "tariff"),
    ("Tesla flags battery costs and tariff risk on earnings call",
     "Elon Musk said tariffs and lithium prices were a risk to the cost of its cheaper models.",
     "Tesla says US tariff on Chinese graphite will raise battery costs",
     "The 25% tariff on Chinese natural graphite that the US announced in May will raise "
     "battery costs, Tesla said.", "tariff"),
    ("MP Materials posts loss as NdPr prices slide",
     "The only US rare earth miner said Chinese oversupply and possible trade measures "
     "weighed on prices.",
     "MP Materials wins Pentagon award for rare earth magnet plant",
     "The Defense Department granted MP Materials $58.5 million on Thursday to build a magnet "
     "factory in Texas.", "investment"),
    ("Germanium refiner warns China export risks cloud outlook",
     "Umicore said its germanium unit faced uncertainty as buyers worried about supply.",
     "Germanium refiner says China export licences cut sales",
     "China's licence requirement on germanium exports, in force since August, cut the group's "
     "sales, Umicore said.", "export_control"),
    # Price and market reports.
    ("Antimony prices hit record as supply tightens",
     "Europe-delivered antimony climbed to $30,000 a tonne on thin Chinese output and strong "
     "demand from solar and defence makers.",
     "Antimony prices hit record after China announces export controls",
     "China's commerce ministry said on Thursday it would require licences for antimony "
     "exports from September 15.", "export_control"),
    ("Gallium trades at widening premium outside China",
     "Traders said the gap between Chinese and European gallium prices widened as buyers "
     "stockpiled ahead of the year end.",
     "Gallium prices soar after China bars exports to the US",
     "Beijing said on Tuesday that gallium and germanium shipments to the United States will "
     "not be permitted.", "export_control"),
    ("Nickel slides to four-year low on Indonesian supply surge",
     "LME nickel fell 2% as new smelters in Sulawesi ramped up output.",
     "Nickel jumps as Indonesia cuts ore mining quotas",
     "Indonesia's energy ministry on Monday cut the nickel ore mining quota for next year to "
     "150 million tonnes.", "production_control"),
    ("Copper hits record on China stimulus hopes and tariff bets",
     "Funds piled into copper on hopes for Chinese demand and bets that tariffs could lift US "
     "prices.",
     "Copper jumps as China's reserve bureau buys metal for stockpile",
     "China's state reserve bureau said on Monday it would buy 100,000 tonnes of copper for "
     "its strategic stockpile.", "investment"),
    ("Copper slides on demand worries",
     "Traders worried that tariffs could hurt copper demand in China, brokers said.",
     "Copper slides after US sets tariff on copper imports",
     "Washington on Wednesday imposed a 50% tariff on imports of semi-finished copper.",
     "tariff"),
    ("Lithium futures rebound after CATL pauses Yichun mine",
     "Speculators bought lithium contracts after the battery maker halted a lepidolite mine "
     "in Yichun, traders said.",
     "Lithium futures rebound as Yichun orders mines to halt",
     "Authorities in Yichun on Tuesday ordered lithium mines to suspend output pending a review "
     "of their permits.", "production_control"),
    ("Rare earth prices: weekly report",
     "NdPr oxide slipped 2% in China as magnet makers held off, while dysprosium was flat and "
     "exports were steady.",
     "Rare earth prices firm as China sets mining quota",
     "China's industry ministry issued its first rare earth mining quota of the year on "
     "Tuesday, up 12.5%.", "production_control"),
    ("Cobalt plumbs eight-year low as Congo output booms",
     "Cobalt hydroxide payables fell as mines in Congo and Indonesia raised output.",
     "Cobalt jumps as Congo halts exports",
     "Congo's strategic minerals authority on Saturday suspended cobalt exports for four "
     "months.", "export_control"),
    ("Tungsten hits ten-year high in Europe",
     "APT prices rose on tight Chinese supply and strong demand from toolmakers, Fastmarkets "
     "said.",
     "Tungsten rises as China adds the metal to export licence list",
     "China on Tuesday added tungsten, tellurium, bismuth, molybdenum and indium to its export "
     "control list.", "export_control"),
    # Mining company deals, offtakes, permits, lawsuits.
    ("Rio Tinto agrees to buy Arcadium Lithium for $6.7 billion",
     "The deal would make Rio the third-biggest lithium producer; it still needs regulatory "
     "approvals.",
     "Australia orders China-linked investors to sell rare earth miner stakes",
     "Treasurer Jim Chalmers on Monday ordered five China-linked investors to sell down their "
     "stakes in rare earths developer Northern Minerals.", "sanction"),
    ("Tesla signs lithium offtake with Piedmont",
     "The carmaker agreed to buy spodumene concentrate from Piedmont Lithium's Quebec mine "
     "for three years.",
     "US Energy Department lends $2.26 billion to Lithium Americas",
     "The Energy Department on Thursday finalised a $2.26 billion loan for the Thacker Pass "
     "lithium project in Nevada.", "investment"),
    ("Glencore and Mercuria strike cobalt marketing deal",
     "The two traders will jointly market cobalt hydroxide from Congo.",
     "Congo and Zambia sign battery supply chain deal with US",
     "The US signed a memorandum of understanding with Congo and Zambia on Tuesday to build an "
     "electric vehicle battery value chain, including cobalt.", "agreement"),
    ("Sigma Lithium sued by investors over output claims",
     "A class action filed in New York accuses the Brazilian lithium miner of misleading "
     "shareholders.",
     "Brazil's development bank lends to Sigma Lithium",
     "State lender BNDES on Monday approved a 487 million reais loan to Sigma Lithium to "
     "expand its lithium plant.", "investment"),
    ("Zijin buys Kazakh copper mine for $1.2 billion",
     "The Chinese miner agreed to buy a gold and copper mine in Kazakhstan from a local group.",
     "Canada orders Chinese firms to exit lithium juniors",
     "Ottawa on Wednesday ordered three Chinese companies to divest from Canadian lithium "
     "miners, citing national security.", "sanction"),
    ("Core Lithium halts Finniss mine as prices slump",
     "The Australian company suspended mining and cut staff at its lithium operation.",
     "Australia offers tax credit for critical minerals processing",
     "Canberra said on Tuesday it would give a 10% tax credit for processing critical minerals "
     "from 2027.", "investment"),
    ("Families in Congo sue tech giants over cobalt mine deaths",
     "A lawsuit filed in Washington accuses Apple, Google and Tesla of profiting from child "
     "labour in cobalt mining.",
     "US bans imports from Chinese lithium firms over forced labour",
     "The Department of Homeland Security on Tuesday added two Chinese lithium battery makers "
     "to its forced labour list, barring their imports.", "import_restriction"),
    ("Anglo American rejects BHP's takeover bid",
     "The copper and platinum miner said BHP's proposal undervalued the company.",
     "Australia blocks Chinese-linked bid for rare earth miner",
     "Treasurer Jim Chalmers on Monday rejected a Chinese-linked fund's bid to raise its stake "
     "in rare earths miner Northern Minerals.", "sanction"),
    ("Ganfeng signs lithium offtake with Mali mine",
     "The Chinese firm agreed to buy spodumene from the Goulamina project for ten years.",
     "Mali takes stake in lithium mine under new mining code",
     "Mali's government on Monday took a 35% stake in the Goulamina lithium mine under its new "
     "mining code.", "investment"),
    # Candidates' promises in an election year.
    ("Trump vows 60% tariffs on Chinese goods if elected",
     "The Republican candidate told a rally in Michigan he would also target Chinese rare "
     "earth magnets.",
     "Biden quadruples tariffs on Chinese EVs and critical minerals",
     "The White House on Tuesday raised duties on Chinese electric cars to 100% and put 25% on "
     "some critical minerals.", "tariff"),
    ("Harris campaign pledges to secure critical minerals supply",
     "The Democratic nominee's aides said she would build on lithium and nickel incentives if "
     "she wins in November.",
     "US announces grants for battery minerals processing",
     "The Energy Department on Thursday awarded $1.5 billion in grants for lithium and nickel "
     "processing plants.", "investment"),
    ("Vance says a Trump administration would tax Chinese graphite",
     "The Republican vice-presidential nominee told supporters on the campaign trail that "
     "graphite imports from China would face duties.",
     "US to raise tariff on Chinese natural graphite to 25% in 2026",
     "The US trade representative confirmed on Friday that tariffs on Chinese natural graphite "
     "and permanent magnets would rise to 25% in 2026.", "tariff"),
    ("Prabowo pledges to extend ore export bans if elected",
     "The presidential frontrunner told supporters before the February vote that he would "
     "ban bauxite, copper and tin ore exports.",
     "Jokowi says Indonesia will ban tin ore exports",
     "President Joko Widodo said on Monday Indonesia would stop exporting tin ore from next "
     "year.", "export_control"),
    ("Chilean presidential hopeful promises state lithium company",
     "The challenger told voters he would set up a national lithium company if he wins.",
     "Chile's president presents national lithium strategy",
     "President Gabriel Boric on Thursday unveiled a plan giving the state a majority stake "
     "in new lithium projects.", "strategy"),
    ("Election 2024: what Trump's tariff plan means for copper",
     "A 10% universal tariff floated by the Republican candidate could raise US copper prices, "
     "economists said.",
     "Trump orders 50% tariff on copper imports",
     "President Trump on Wednesday signed a proclamation imposing a 50% tariff on copper "
     "imports from August 1.", "tariff"),
    ("Congo opposition candidate vows a tax on cobalt exports",
     "Moise Katumbi said he would tax cobalt exports to fund schools if elected in December.",
     "Congo sets cobalt export quotas",
     "Congo's strategic minerals authority said on Saturday it would replace the export "
     "suspension with cobalt export quotas from October 16.", "export_control"),
    # Analysts, think tanks, agencies' outlooks.
    ("Think tank says China's grip on rare earths leaves US exposed",
     "A report from a Washington think tank finds the US lacks magnet capacity and urges a "
     "national stockpile.",
     "Pentagon to stockpile rare earth oxide",
     "The Defense Logistics Agency said on Monday it would buy 1,000 tonnes of NdPr oxide for "
     "the national stockpile.", "investment"),
    ("IEA warns of lithium and copper shortfall by 2035",
     "The agency's outlook says planned mines fall well short of demand for energy transition "
     "metals.",
     "IEA members launch critical minerals security programme",
     "Energy ministers of the IEA's member countries agreed on Wednesday to launch a programme "
     "to secure critical minerals supply.", "agreement"),
    ("Benchmark: African lithium will not loosen China's grip",
     "The price agency's analysts said Chinese firms now own most new mines in Zimbabwe and "
     "Mali.",
     "Zimbabwe bans raw lithium exports",
     "Zimbabwe's mines minister said on Tuesday unprocessed lithium ore can no longer be "
     "exported.", "export_control"),
    ("Think tank urges EU to tax Chinese rare earth magnets",
     "Researchers at Bruegel said duties on magnets would help a European industry take root.",
     "EU opens anti-dumping probe into Chinese rare earth magnets",
     "The European Commission said on Friday it had opened an investigation into neodymium "
     "magnets imported from China.", "investigation"),
    ("Economists split on whether tariffs can build a US graphite industry",
     "At a Washington panel, economists argued over whether import duties could nurture "
     "American graphite mines.",
     "US slaps 93.5% duty on Chinese graphite anodes",
     "The Commerce Department on Thursday set preliminary anti-dumping duties of 93.5% on "
     "Chinese graphite anode material.", "tariff"),
    # NGO reports and campaigns.
    ("Watchdog: Myanmar rare earth mining surges in rebel areas",
     "Global Witness said mines in Kachin state now supply much of China's heavy rare earths.",
     "China halts rare earth imports from Myanmar",
     "Chinese customs on Monday halted imports of rare earth ores from Myanmar at the Yunnan "
     "border.", "import_restriction"),
    ("Amnesty says cobalt mining still drives evictions in Congo",
     "The rights group called on Kinshasa and carmakers to protect communities near mines.",
     "US bars cobalt imports from Congolese mine over child labour",
     "US Customs on Wednesday ordered a halt to imports of cobalt from a Congolese mine over "
     "child labour.", "import_restriction"),
    ("Rights group urges sanctions over Xinjiang aluminium",
     "Human Rights Watch said carmakers' aluminium may rely on forced labour and urged "
     "governments to act.",
     "US bans imports from Xinjiang aluminium firm",
     "Homeland Security on Thursday added a Xinjiang aluminium producer to its forced labour "
     "list, blocking its imports.", "import_restriction"),
    ("Greenpeace activists protest deep-sea mining for nickel",
     "Activists boarded a survey ship in the Pacific to oppose mining nodules rich in nickel "
     "and cobalt.",
     "Trump orders faster permits for seabed mining of nickel",
     "President Trump on Thursday signed an order to speed permits for seabed mining of "
     "nickel, cobalt and manganese.", "strategy"),
    # Private disputes in court, crime.
    ("London court orders Chinese miner to pay trader in cobalt row",
     "A judge ruled that CMOC owes a commodity trader $200 million in a cobalt supply dispute.",
     "WTO panel rules against Indonesia's nickel ore export ban",
     "A WTO panel found on Wednesday that Indonesia's ban on nickel ore exports breaches trade "
     "rules.", "export_control"),
    ("Judge dismisses lithium firm's suit against former engineer",
     "A Nevada court threw out trade-secret claims between two battery makers.",
     "Trade court upholds US duties on Chinese silicon metal",
     "The Court of International Trade on Tuesday upheld anti-dumping duties on silicon metal "
     "from China.", "tariff"),
    ("Trafigura wins fraud case over fake nickel cargoes",
     "A London judge ruled that an Indian businessman's firms sold Trafigura containers of "
     "worthless metal instead of nickel.",
     "US bans imports of Russian nickel, copper and aluminium",
     "The Treasury on Friday banned US imports of new Russian aluminium, copper and nickel.",
     "sanction|import_restriction"),
    ("Indonesian prosecutors seize smelters in tin graft case",
     "The attorney general's office said the $18 billion corruption scandal involved illegal "
     "tin mining.",
     "Indonesia tightens tin export rules",
     "The trade ministry on Monday required tin exporters to trade through local exchanges "
     "from next month.", "export_control"),
    # History, opinion, questions.
    ("How the 1978 cobalt crisis shaped today's supply fears",
     "When rebels invaded Zaire's Shaba province, cobalt prices jumped fivefold.",
     "A year on, China's gallium licences still bite",
     "China required export licences for gallium and germanium from August 1 last year, and "
     "shipments have not recovered.", "export_control"),
    ("A history of the London Metal Exchange's tin crisis",
     "In 1985 the tin cartel collapsed and trading on the exchange was halted for months.",
     "LME bars new Russian metal after US and UK sanctions",
     "The LME said on Saturday it would not accept Russian aluminium, copper and nickel made "
     "after April 13, after Washington and London imposed sanctions.", "sanction"),
    ("The story of Mountain Pass, America's rare earth mine",
     "Opened in the 1950s, the California mine once supplied most of the world's rare earths "
     "before Chinese competition shut it.",
     "Pentagon funds heavy rare earth processing at Mountain Pass",
     "The Defense Department on Tuesday awarded MP Materials $35 million to process heavy "
     "rare earths at Mountain Pass.", "investment"),
    ("Opinion: Tariffs won't win the lithium race",
     "Duties on Chinese batteries only raise costs for American buyers, argues our columnist.",
     "Opinion: Biden's new battery tariffs are a mistake",
     "The 25% duty on Chinese lithium-ion batteries the White House announced on Tuesday will "
     "raise costs, our columnist argues.", "tariff"),
    ("Column: Sanctions on Russian nickel would backfire",
     "Cutting off Norilsk would hurt Western buyers more than Moscow, writes our columnist.",
     "Column: The US ban on Russian nickel is working",
     "Washington's ban on imports of Russian nickel, aluminium and copper, announced in April, "
     "has sent the metal to China, writes our columnist.", "sanction|import_restriction"),
    ("Editorial: Europe needs a real critical minerals plan",
     "Fine words about lithium and rare earths have not built a single refinery, we argue.",
     "Editorial: Britain's critical minerals strategy falls short",
     "The strategy the government published on Monday sets no target for lithium refining.",
     "strategy"),
    ("Will China cut off rare earths?",
     "Analysts weigh whether Beijing will use its grip on magnets as a weapon in the trade war.",
     "China cuts off rare earth exports to US defence firms",
     "Beijing on Thursday barred exports of rare earths and other dual-use items to 15 US "
     "military contractors.", "export_control"),
    ("Could the US ban Chinese graphite?",
     "Battery makers fear a ban on Chinese graphite anodes, though no such measure is planned.",
     "US bars tax credits for EVs with Chinese graphite",
     "The Treasury said on Friday electric cars using graphite from China will lose tax "
     "credits from 2027.", "investment"),
    ("Is Indonesia's nickel boom running out of road?",
     "Smelter margins are shrinking as prices fall, raising questions about new projects.",
     "Indonesia halts permits for new nickel smelters",
     "The industry ministry said on Monday it would stop issuing permits for new smelters "
     "making nickel pig iron.", "production_control"),
    ("What next for lithium after the price crash?",
     "Producers from Australia to Chile are shelving expansions; we ask five analysts.",
     "Chile opens lithium salt flats to private bidders",
     "Chile's mining ministry on Tuesday invited bids for lithium contracts in 26 salt flats.",
     "strategy"),
    ("Who wins from a US-China trade war in critical minerals?",
     "Miners in Australia and Canada hope to gain if the rivalry deepens, bankers say.",
     "China bans exports of rare earth processing technology",
     "China's commerce ministry on Thursday added rare earth extraction and separation "
     "technology to its list of banned exports.", "export_control"),
    # Regulators of markets and conduct, data, company strategies and talks, lobbying.
    ("Chile's regulator fines SQM over lithium disclosure",
     "The securities regulator sanctioned the lithium producer for failing to report a contract "
     "on time.",
     "US sanctions Chinese lithium producer",
     "The Treasury sanctioned a Chinese lithium producer on Tuesday for supplying Russia's "
     "military.", "sanction"),
    ("SEC investigates lithium startup over claims",
     "US securities regulators opened a probe into a battery-metals company's accounting.",
     "Commerce investigates Chinese graphite imports",
     "The Commerce Department on Monday opened an investigation into graphite anode imports "
     "from China.", "investigation"),
    ("US copper premium surges to record on tariff threat chatter",
     "Traders shipped copper into New York as talk of duties spread.",
     "US copper premium surges after Trump threatens tariff",
     "President Trump on Tuesday threatened a 25% tariff on copper imports.", "tariff"),
    ("Lithium miners lobby Canberra for production subsidies",
     "Australian producers asked the government for tax breaks as prices crashed.",
     "Canberra grants subsidies to lithium refiners",
     "The Australian government on Tuesday granted A$50 million in subsidies to lithium "
     "refiners.", "investment"),
    ("China's rare earth exports rise 10% in May",
     "Shipments of rare earths climbed to 5,000 tonnes, customs data showed on Friday.",
     "China's rare earth exports fall after new licence rules",
     "China required licences for exports of seven rare earths from Friday, and shipments fell.",
     "export_control"),
    ("Albemarle unveils new strategy to cut costs",
     "The lithium producer will slow spending at its Kemerton plant and cut jobs.",
     "Australia unveils new critical minerals strategy",
     "The government on Tuesday released a strategy to build lithium and rare earth "
     "processing.", "strategy"),
    ("Glencore in talks to buy nickel assets",
     "The trader is in early talks with a Canadian miner over its nickel mines, sources said.",
     "Canada and Germany hold talks on nickel supply",
     "Canadian and German ministers held talks in Berlin on Tuesday on nickel and lithium "
     "supply.", "talks"),
    ("Norway finds Europe's largest rare earth deposit",
     "Rare Earths Norway said the Fen deposit holds 8.8 million tonnes of oxides.",
     "Norway names Fen rare earth deposit a strategic project",
     "The EU on Tuesday selected the Fen rare earth project in Norway as a strategic project "
     "under its raw materials law.", "strategy"),
    # Summits, talks and deals that are not states meeting or agreeing.
    ("Lithium industry summit in Santiago draws record crowd",
     "Executives from Chile, Argentina and China gathered for the annual lithium conference.",
     "Chile and Argentina leaders hold lithium summit",
     "The presidents of Chile and Argentina met in Santiago on Tuesday to discuss lithium "
     "cooperation.", "summit"),
    ("Japanese trading house signs rare earths deal with Lynas",
     "Sojitz agreed to buy heavy rare earths from the Australian miner's Malaysian plant.",
     "Japan and Australia sign critical minerals partnership",
     "The two governments signed a partnership on Tuesday to develop rare earths and lithium "
     "supply chains.", "agreement"),
    ("Miners and carmakers hold talks on cobalt traceability",
     "Industry groups met in Brussels to discuss tracing cobalt from Congo.",
     "EU and Congo hold talks on cobalt supply",
     "EU and Congolese officials met in Kinshasa on Tuesday to discuss cobalt and copper "
     "supply.", "talks"),
    ("Exporters of nickel pig iron gather at Jakarta investment forum",
     "Company executives discussed smelter financing and investment strategy.",
     "Indonesia unveils strategy to build a nickel battery industry",
     "The government on Monday launched a roadmap to turn Indonesian nickel into battery "
     "cells by 2030.", "strategy"),
]

# Acts on goods outside the taxonomy: their type stands, but they are not relevant.
OUTSIDE: list[tuple[str, str, str, str, str, str]] = [
    ("Canada to impose 100% tariff on Chinese EVs",
     "Ottawa said on Monday Chinese-made electric cars will face a 100% surtax from October 1.",
     "tariff",
     "Canada to impose 25% tariff on Chinese aluminium",
     "Ottawa said on Monday Chinese aluminium products will face a 25% surtax from October 15.",
     "tariff"),
    ("US triples tariffs on Chinese steel",
     "The White House said on Tuesday Section 301 duties on some Chinese steel products will "
     "rise to 25%.",
     "tariff",
     "US triples tariffs on Chinese steel and aluminum",
     "The White House said on Tuesday Section 301 duties on some Chinese steel and aluminum "
     "products will rise to 25%.",
     "tariff"),
    ("US raises tariffs on Chinese solar panels",
     "The trade representative said on Tuesday duties on Chinese solar modules will double to "
     "50%.",
     "tariff",
     "US raises tariffs on Chinese polysilicon and tungsten",
     "The trade representative said on Wednesday tariffs on Chinese polysilicon and wafers will "
     "rise to 50% and on some tungsten products to 25% from January 1.",
     "tariff"),
    ("US tightens chip export controls on China",
     "The Commerce Department on Monday added 140 Chinese firms to its entity list and curbed "
     "sales of high-bandwidth memory.",
     "export_control",
     "China bans gallium exports to US after chip curbs",
     "Beijing on Tuesday banned shipments of gallium, germanium and antimony to the United "
     "States.",
     "export_control"),
    ("China opens anti-dumping probe into EU brandy",
     "The commerce ministry said on Friday it would investigate brandy imports from the EU.",
     "investigation",
     "US opens anti-dumping probe into Chinese graphite anodes",
     "The Commerce Department said on Monday it would investigate whether Chinese graphite "
     "anode material is sold below cost.",
     "investigation"),
    ("EU slaps provisional duties on Chinese electric cars",
     "The Commission on Thursday set extra duties of up to 37.6% on electric vehicles built in "
     "China.",
     "tariff",
     "EU slaps anti-dumping duties on Chinese silicon metal",
     "The Commission on Thursday set anti-dumping duties on silicon metal imported from China.",
     "tariff"),
    ("Biden blocks Nippon Steel's takeover of US Steel",
     "The president on Friday barred the $14.9 billion deal, citing national security.",
     "sanction",
     "Biden blocks Chinese purchase of stake in nickel mine",
     "The president on Friday barred a Chinese company from buying a stake in a Minnesota "
     "nickel project, citing national security.",
     "sanction"),
]

# Twins whose act the tagger does not yet read (a programme launched, a
# tender): recall gaps in the triggers, left to their owner.
RECALL_GAPS = {
    "IEA members launch critical minerals security programme",
    "Chile opens lithium salt flats to private bidders",
}
# A candidate's promise "if elected" with no candidate word in its own sentence: docs/labelling.md
# makes it no act, but a labelled held-out own-words entry counts such a promise as one, and a
# rule reading the candidate from the rest of the entry cost that entry (docs/quality.md).
DOUBTS = {
    "Trump vows 60% tariffs on Chinese goods if elected",
    "Prabowo pledges to extend ore export bans if elected",
}


def _marked(case: tuple[str, ...], gaps: set[str], reason: str) -> object:
    """The case, expected to fail (strictly) when its title is in `gaps`."""
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if case[0] in gaps else []
    return pytest.param(*case, marks=marks)


NEGATIVES = [_marked((p[0], p[1], PUB), DOUBTS, "a candidate's promise: a label doubt")
             for p in PAIRS] + [
    (p[0], p[1], grid_b.PUB) for p in grid_b.PAIRS]
TWINS = [_marked((p[2], p[3], p[4], PUB), RECALL_GAPS, "a trigger not yet read") for p in PAIRS] + [
    _marked((p[2], p[3], p[4], grid_b.PUB), grid_b.RECALL_GAPS, "a trigger not yet read")
    for p in grid_b.PAIRS]


def test_the_second_grid_is_wide_and_its_titles_unique() -> None:
    titles = [p[0] for p in grid_b.PAIRS] + [p[2] for p in grid_b.PAIRS]
    assert len(grid_b.PAIRS) >= 150
    assert len(set(titles)) == len(titles)
    assert {p[2] for p in grid_b.PAIRS} >= grid_b.RECALL_GAPS


@pytest.mark.parametrize(("title", "summary", "pub"), NEGATIVES)
def test_a_2024_hard_negative_is_not_relevant(title: str, summary: str, pub: date) -> None:
    assert not TAGGER.tag(title, summary, pub).relevant


@pytest.mark.parametrize(("title", "summary", "kind", "pub"), TWINS)
def test_its_twin_reports_the_act(title: str, summary: str, kind: str, pub: date) -> None:
    result = TAGGER.tag(title, summary, pub)
    assert result.relevant
    assert set(kind.split("|")) & {e.type for e in result.events}


@pytest.mark.parametrize(("title", "summary", "kind", "twin", "twin_summary", "twin_kind"),
                         OUTSIDE)
def test_an_act_on_goods_outside_the_taxonomy_keeps_its_type_only(
        title: str, summary: str, kind: str, twin: str, twin_summary: str,
        twin_kind: str) -> None:
    outside = TAGGER.tag(title, summary, PUB)
    assert not outside.relevant
    assert kind in {e.type for e in outside.events}
    inside = TAGGER.tag(twin, twin_summary, PUB)
    assert inside.relevant
    assert twin_kind in {e.type for e in inside.events}


@pytest.mark.parametrize(("summary", "kinds"), [
    ("EU ministers on Friday adopted a package of sanctions on Russia that includes a ban on "
     "imports of Russian aluminium.", {"sanction"}),
    ("The Treasury on Friday sanctioned a Russian nickel producer and banned imports of Russian "
     "aluminium.", {"sanction", "import_restriction"}),
])
def test_a_ban_that_sanctions_include_is_the_sanctions(summary: str, kinds: set[str]) -> None:
    events = TAGGER.tag("Russian metals", summary, PUB).events
    assert {e.type for e in events} == kinds


@pytest.mark.parametrize("summary", [
    "The governing body said on Thursday it would maintain the sanctions imposed over the invasion "
    "of Ukraine.",
    "The International Olympic Committee kept its sanctions on Russia's Olympic committee in place.",
])
def test_a_sports_body_keeping_sanctions_is_no_state_act(summary: str) -> None:
    events = TAGGER.tag("Russian athletes remain barred as World Athletics keeps sanctions", summary, PUB).events
    assert "sanction" not in {e.type for e in events}
