"""2024-style hard negatives, second grid: each beside a twin in which a state really acts.

A 2024 feed is full of entries that carry the tracker's words but report no government act on a
taxonomy commodity (docs/labelling.md "Relevance"): miners' deals, offtakes, closures and
lawsuits; prices that move on tariff talk; companies halting their own shipments; smuggling,
theft and fraud; NGO, lobby and think-tank calls; banks', consultants' and columnists' views of
a measure that may come ("sees a tariff as likely", "consultants expect Beijing to lift the
quota", "nationalisation risk", "whether export bans could follow", an opinion piece saying what
a state should do); candidates' pledges, deals included; acts on goods outside the taxonomy
(EVs, chips, solar glass, steel alone, batteries with no metal named, vodka, seafood, petrol);
sport bodies, central banks, securities and competition regulators; states acting near mineral
words on no trade matter (safety inspections, pollution fines, a fuel subsidy, heritage
protection "granted"); mineral words in other senses (a platinum album, Silver Lake, Iron
Maiden, lithium the drug); history, obituaries, reviews, podcasts and explainers of how a
measure works. Each twin keeps the frame and names a real act, so precision is not bought with
recall. Written in our own words; pairs of test_negatives_2024.py are not repeated.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.tagging.tagger import Tagger

TAGGER = Tagger()
PUB = date(2024, 5, 14)

# (negative title, negative summary, twin title, twin summary, the twin's type: "a|b" for either)
PAIRS_A = [
    # Company deals, takeovers, offtakes, expansions, closures.
    ("Pilbara Minerals to buy Latin Resources in all-share deal",
     "The lithium miner will pay A$560 million for the owner of the Salinas project in Brazil.",
     "Brazil's development bank backs Latin Resources lithium project",
     "State lender BNDES on Tuesday approved a 300 million reais loan for the Salinas lithium "
     "project in Minas Gerais.", "investment"),
    ("Eramet pulls out of Argentine lithium joint venture with Tsingshan",
     "The French miner bought back its Chinese partner's stake in the Centenario plant.",
     "Argentina approves Eramet lithium plant under investment regime",
     "Argentina's economy ministry on Monday approved Eramet's Centenario lithium plant under "
     "its large-investment incentive regime.", "investment"),
    ("BHP walks away from Anglo American pursuit",
     "The world's biggest miner said it would not make a firm offer for the copper producer.",
     "South Africa says it will review any bid for Anglo American's copper assets",
     "South Africa's competition authorities said on Wednesday they would screen any foreign "
     "bid for Anglo American's copper and platinum units.", "investigation"),
    ("Albemarle idles Kemerton lithium hydroxide train",
     "The US group will put one processing line in Western Australia on care and maintenance "
     "and cut 300 jobs.",
     "Western Australia offers lithium miners royalty relief",
     "The state government on Tuesday said it would waive lithium royalties for miners for "
     "two years to keep mines open.", "investment"),
    ("BHP to suspend Western Australia nickel mines from October",
     "The company said low prices driven by Indonesian supply made the operations "
     "uneconomic.",
     "Australia adds nickel to critical minerals list to unlock support",
     "Resources minister Madeleine King on Tuesday added nickel to the critical minerals list, "
     "opening it to A$4 billion in state finance.", "strategy"),
    ("Glencore closes Koniambo nickel smelter in New Caledonia",
     "The trader put the loss-making plant on care and maintenance after failing to find a "
     "buyer.",
     "France offers New Caledonia nickel rescue package",
     "Paris on Tuesday offered 200 million euros in energy subsidies to keep New Caledonia's "
     "nickel smelters running.", "investment"),
    ("Freeport to expand Grasberg copper smelter capacity",
     "The company said its new smelter in Gresik would reach full output by the end of the "
     "year.",
     "Indonesia extends Freeport copper concentrate export permit",
     "Indonesia's energy ministry on Monday extended Freeport's permit to export copper "
     "concentrate until the end of the year.", "export_control"),
    ("CATL signs nickel supply deal with Indonesian producer",
     "The battery maker will take nickel matte from a Sulawesi smelter for five years.",
     "Indonesia and China sign nickel processing pact",
     "The two governments signed an agreement on Friday to cooperate on nickel processing "
     "and battery supply chains.", "agreement"),
    ("LG Energy Solution inks graphite offtake with Australian miner",
     "The Korean battery maker agreed to buy natural graphite from a Tanzanian project owned "
     "by an ASX-listed company.",
     "Korea and Tanzania sign graphite cooperation deal",
     "The two governments signed a memorandum on Tuesday on graphite and nickel supply.",
     "agreement"),
    ("Vale sells 10% of base metals unit to Saudi fund",
     "Manara Minerals and Engine No. 1 will pay $3.4 billion for stakes in Vale's copper and "
     "nickel business.",
     "Saudi Arabia's state fund launches $15 billion critical minerals investment vehicle",
     "The government on Wednesday set up a state vehicle to buy stakes in lithium, copper "
     "and nickel mines abroad.", "investment"),
    ("Chemours shuts titanium dioxide plant in Taiwan",
     "The US chemicals maker cited weak demand and low prices for the pigment.",
     "Taiwan opens anti-dumping probe into Chinese titanium dioxide",
     "Taiwan's finance ministry on Monday opened an investigation into titanium dioxide "
     "imports from China.", "investigation"),
    ("Lithium Americas picks contractor for Thacker Pass",
     "Bechtel will build the first phase of the Nevada lithium project.",
     "US Energy Department closes loan for Thacker Pass",
     "The Energy Department on Thursday closed a $2.23 billion loan to build the Thacker Pass "
     "lithium plant in Nevada.", "investment"),
    ("Syrah Resources declares force majeure at Mozambique graphite mine",
     "The company said protests over election results had blocked access to the Balama site.",
     "Mozambique bans graphite exports to protect local processing",
     "Mozambique's government on Tuesday banned exports of unprocessed graphite from next "
     "year.", "export_control"),
    ("Arcadium Lithium delays Argentine expansion",
     "The company pushed back the second phase at its Fenix operation amid falling prices.",
     "Argentine province raises lithium royalties",
     "Catamarca's provincial government on Monday raised royalties on lithium exports to 5%.",
     "export_control|tariff|strategy"),
    ("Tianqi weighs sale of stake in SQM",
     "The Chinese lithium group is considering options for its 22% holding in the Chilean "
     "producer, people familiar said.",
     "Chile's Codelco takes control of SQM lithium operations",
     "State miner Codelco on Friday signed the partnership that gives it majority control of "
     "SQM's Atacama lithium operations from 2031.", "agreement|strategy|investment"),
    ("Jinchuan to buy stake in Zambian copper mine from trader",
     "The Chinese state-backed company agreed terms with the seller on Tuesday.",
     "Zambia takes stake in Mopani copper mine",
     "Zambia's state mining holding company on Tuesday took a 49% stake in the Mopani copper "
     "mine with government funds.", "investment"),
    ("Korea Zinc fends off hostile takeover bid",
     "The smelter's board rejected a tender offer from private equity firm MBK Partners.",
     "Korea designates Korea Zinc technology as national core technology",
     "Seoul's industry ministry on Monday designated the zinc and nickel smelting know-how "
     "as national core technology, restricting its export.", "export_control"),
    ("Nornickel to shift copper smelting to China",
     "The Russian miner plans a joint venture smelter in China to get round Western sanctions.",
     "EU bans imports of Russian copper wire",
     "EU ministers on Monday agreed a ban on imports of Russian copper wire and rods as part "
     "of a new sanctions package.", "sanction|import_restriction"),
    ("Rio Tinto completes purchase of Arcadium Lithium",
     "",
     "Argentina fast-tracks Rio Tinto lithium project",
     "The Argentine government on Friday approved Rio Tinto's Rincon lithium project under "
     "its investment incentive regime.", "investment"),
    ("Talon Metals extends nickel offtake talks with Tesla",
     "The two companies agreed to extend the deadline for a supply deal to next year.",
     "Pentagon awards Talon Metals $20 million for nickel exploration",
     "The Defense Department on Monday awarded Talon Metals $20.6 million to find nickel in "
     "Minnesota.", "investment"),
    # Prices and market moves with tariff/export/ban words.
    ("Aluminium premiums in Rotterdam jump on tariff jitters",
     "Physical buyers paid more for duty-paid metal amid talk of new duties.",
     "Aluminium premiums jump after EU puts duty on Russian metal",
     "EU ministers on Friday agreed a phased ban on imports of Russian primary aluminium.",
     "sanction|import_restriction"),
    ("Tin surges on Myanmar export worries",
     "LME tin rose 4% as traders fretted over shipments from Wa State mines.",
     "Tin surges after Myanmar's Wa authority suspends mining",
     "The Wa State authorities on Monday ordered all tin mines in the region to halt "
     "operations.", "production_control"),
    ("Graphite prices sink despite export licensing fears",
     "Flake graphite fell to a two-year low as Chinese anode makers destocked.",
     "Graphite prices rise as China requires export licences",
     "China's commerce ministry said on Friday exports of some graphite products will need "
     "permits from December 1.", "export_control"),
    ("Uranium spot price hits 17-year high",
     "Funds bought pounds as Kazatomprom warned of lower output.",
     "Uranium spot price jumps after US bans Russian imports",
     "President Biden on Monday signed a law banning imports of Russian enriched uranium.",
     "import_restriction|sanction"),
    ("Palladium rallies as short sellers cover bets on sanctions talk",
     "Prices climbed 6% on speculation about curbs on Russian metal, traders said.",
     "Palladium rallies as US sanctions Russian metals producer",
     "The Treasury on Wednesday sanctioned a Russian palladium producer's trading arm.",
     "sanction"),
    ("Cobalt prices firm as traders price in export ban risk",
     "",
     "Cobalt prices firm as Congo bans exports",
     "Congo's government on Saturday suspended cobalt exports for four months.",
     "export_control"),
    ("Lithium carbonate extends slide on Chinese oversupply",
     "Futures in Guangzhou lost 3% as tariffs on Chinese EVs cut demand hopes.",
     "Lithium carbonate rises as China curbs lithium technology exports",
     "China on Thursday added lithium extraction technology to its export control list.",
     "export_control"),
    ("Silver tops $30 an ounce on solar demand",
     "Industrial buying and a weaker dollar lifted the metal, Kitco said.",
     "India raises import duty on silver",
     "India's finance ministry on Tuesday raised the import tax on silver to 15%.", "tariff"),
    ("Zinc hits one-year high as mine closures bite",
     "Glencore and Teck closed two mines this year, tightening concentrate supply.",
     "Zinc hits one-year high as China cuts smelter output",
     "China's industry ministry on Monday ordered zinc smelters to cut output by 10%.",
     "production_control"),
    ("Copper stocks on CME pile up as arbitrage trade fades",
     "Traders who shipped metal to beat a possible levy are now sitting on inventory.",
     "Copper stocks on CME pile up before Trump's tariff takes effect",
     "Traders rushed metal to the US before the 50% copper tariff the president imposed on "
     "Wednesday starts on August 1.", "tariff"),
    ("Potash prices slide as Belarus supply returns",
     "Shipments from Belarusian mines through Russian ports have grown this year.",
     "EU extends sanctions on Belarusian potash",
     "EU ministers on Monday extended the import ban on Belarusian potash for another year.",
     "sanction|import_restriction"),
    ("Iron ore falls below $100 as China steel output sags",
     "Futures in Dalian fell 2% and traders cited export bans on steel in some markets.",
     "India imposes export duty on iron ore",
     "India's finance ministry on Saturday put a 30% export duty on iron ore lumps and fines.",
     "export_control"),
    ("Manganese ore prices spike after cyclone hits Groote Eylandt",
     "South32 suspended exports from its Australian manganese mine after the storm.",
     "South Africa curbs manganese ore exports",
     "South Africa's mineral resources ministry on Tuesday capped manganese ore exports at "
     "current levels.", "export_control"),
    # Company export halts.
    ("Chinese smelter halts antimony shipments as feedstock dries up",
     "The Hunan producer said it had stopped exports for the month.",
     "China halts antimony shipments under new export rules",
     "China's commerce ministry said on Thursday antimony shipments will need a licence from "
     "September 15.", "export_control"),
    ("Glencore stops cobalt deliveries to European buyers",
     "The trader cited a dispute over contract prices with several chemical makers.",
     "Congo stops cobalt deliveries abroad",
     "Congo's strategic minerals authority on Saturday halted cobalt exports for four months.",
     "export_control"),
    ("Kazakh miner suspends uranium exports via Russia",
     "Kazatomprom said it would route shipments through the Caspian instead.",
     "Russia suspends uranium exports to the US",
     "The Russian government on Friday imposed temporary restrictions on enriched uranium "
     "exports to the United States.", "export_control"),
    ("Lynas pauses rare earth shipments from Malaysian plant",
     "The company said a kiln fault had interrupted output at Kuantan for two weeks.",
     "Malaysia bans rare earth raw material exports",
     "Prime Minister Anwar Ibrahim said on Monday Malaysia will ban exports of raw rare "
     "earths.", "export_control"),
    ("Polish copper producer KGHM halts sales to Chinese buyers",
     "",
     "Poland bans copper scrap exports",
     "Poland's government on Tuesday banned exports of copper scrap to keep the metal at "
     "home.", "export_control"),
    ("Nickel pig iron maker stops exports after fire at smelter",
     "The Indonesian company said a blast at its Morowali plant had halted shipments.",
     "Indonesia stops nickel pig iron exports",
     "Indonesia's government said on Monday it would ban exports of nickel pig iron from "
     "next year.", "export_control"),
    # Smuggling and crime.
    ("Gang jailed for stealing copper cable from rail network",
     "Five men took 20 tonnes of copper wire from lines in the Midlands, the court heard.",
     "Britain bans exports of copper scrap to curb theft",
     "The government on Tuesday banned exports of scrap copper cable to curb rail theft.",
     "export_control"),
    ("Police seize smuggled gallium at Hong Kong border",
     "Customs officers found 500 kg of gallium hidden in a truck bound for Vietnam.",
     "China tightens gallium export checks to stop smuggling",
     "China's commerce ministry on Friday ordered stricter checks on gallium exports to stop "
     "trans-shipment.", "export_control"),
    ("Smugglers move Congolese coltan through Rwanda, UN experts say",
     "A report found that M23 rebels earn money from tantalum ore carried over the border.",
     "US sanctions Rwandan minister over coltan smuggling",
     "The Treasury on Thursday sanctioned a Rwandan minister over the trade in Congolese "
     "tantalum ore.", "sanction"),
    ("Thieves steal $2 million of platinum catalytic converters",
     "Police in Texas broke up a ring that sold stolen parts to scrap dealers.",
     "South Africa bans exports of spent platinum catalysts",
     "South Africa's trade ministry on Monday barred exports of used catalytic converters "
     "rich in platinum.", "export_control"),
    ("Trader charged with faking nickel cargo documents",
     "Prosecutors in Singapore said the man sold containers of stones as nickel.",
     "Singapore charges trader with breaching Russia nickel sanctions",
     "",
     "sanction"),
    ("Illegal lithium mining rises in Nigeria's Nasarawa",
     "Artisanal miners dig lepidolite and sell it to Chinese buyers, residents say.",
     "Nigeria bans raw lithium ore exports",
     "Nigeria's solid minerals minister said on Monday raw lithium ore may no longer leave the "
     "country.", "export_control"),
    ("Gold and tin smugglers arrested in Indonesian raid",
     "Police in Bangka seized 40 tonnes of tin from an unlicensed mine.",
     "Indonesia suspends tin export permits",
     "The trade ministry on Tuesday suspended tin export permits for 12 smelters.",
     "export_control"),
    ("Man sentenced for shipping US gallium to Chinese military firm",
     "",
     "US adds Chinese gallium buyer to entity list",
     "The Commerce Department on Monday added a Chinese gallium buyer to its entity list.",
     "export_control|sanction"),
    ("Cyber attack halts shipments at lithium port",
     "Hackers disrupted the terminal at Port Hedland for two days.",
     "Australia invests in lithium port at Port Hedland",
     "The federal government on Tuesday committed A$500 million to expand the lithium export "
     "terminal at Port Hedland.", "investment"),
    # Court cases between companies.
    ("Court rules for Eurasian Resources in cobalt royalty row with Gécamines",
     "A Paris arbitration panel said the miner owes no more to the state company.",
     "Congo raises cobalt royalty rate",
     "Congo's government on Monday raised the royalty on cobalt to 10% under its mining "
     "code.", "export_control|tariff|strategy"),
    ("Albemarle wins trade secrets case against Chinese rival",
     "A jury found a former engineer passed lithium process secrets to a competitor.",
     "US charges Chinese firm with lithium export control breach",
     "The Justice Department on Monday charged a Chinese company with smuggling US lithium "
     "technology in breach of export controls.", "export_control"),
    ("Mercuria sues Chinese bank over missing copper",
     "The trader says the bank's warehouse released metal pledged as collateral.",
     "China probes copper concentrate imports",
     "China's commerce ministry on Monday opened an anti-dumping probe into copper concentrate "
     "imports.", "investigation"),
    ("Delaware court blocks lithium merger vote",
     "A judge halted a shareholder vote on the deal between two battery metals companies.",
     "CFIUS blocks Chinese stake in lithium merger",
     "The US government on Friday ordered a Chinese investor to drop its stake in a merging "
     "lithium company.", "sanction"),
    ("Jury finds tin supplier liable for contract breach",
     "",
     "WTO rules against Indonesia's tin export curbs",
     "A WTO panel found on Wednesday that Indonesia's tin export restrictions break trade "
     "rules.", "export_control"),
    ("Arbitrator orders Zimbabwe lithium miner to pay contractor",
     "The tribunal found the company failed to pay a drilling firm.",
     "Zimbabwe orders lithium miners to build local refineries",
     "Zimbabwe's mines ministry on Tuesday ordered lithium miners to submit plans for "
     "refineries by March.", "strategy|production_control"),
]

PAIRS_B = [
    # NGO, campaigner and think-tank calls.
    ("Campaigners call on EU to ban Russian titanium",
     "Ukrainian activists urged Brussels to stop buying titanium from VSMPO-Avisma.",
     "EU bans imports of Russian titanium",
     "EU ministers on Monday agreed to ban imports of titanium products from Russia.",
     "sanction|import_restriction"),
    ("Global Witness urges tech firms to stop buying Myanmar rare earths",
     "The watchdog said the supply chain fuels conflict in Kachin.",
     "US sanctions Myanmar rare earth traders",
     "The Treasury on Tuesday sanctioned three companies selling rare earths from Kachin "
     "state.", "sanction"),
    ("Miners' union demands export ban on raw nickel in New Caledonia",
     "",
     "New Caledonia bans raw nickel exports",
     "The territory's government on Thursday banned exports of unprocessed nickel ore.",
     "export_control"),
    ("Industry body asks Washington for tariffs on Chinese graphite",
     "The American Active Anode Material Producers filed a petition seeking duties.",
     "Washington sets tariffs on Chinese graphite",
     "The Commerce Department on Friday set preliminary duties of 93.5% on Chinese graphite "
     "anode material.", "tariff"),
    ("Environmental groups sue to stop Nevada lithium mine",
     "The groups say the project threatens a rare desert flower.",
     "Interior Department approves Nevada lithium mine",
     "The Interior Department on Friday approved the Rhyolite Ridge lithium mine, a project "
     "the administration called vital to supply.", "strategy|investment"),
    ("CSIS report urges allies to pool rare earth stockpiles",
     "The think tank said the G7 should share reserves of magnets and oxides.",
     "G7 leaders agree to pool rare earth stockpiles",
     "G7 leaders on Sunday agreed to share reserves of rare earths and magnets.",
     "agreement"),
    ("Transport groups want ban on deep-sea nickel mining",
     "Carmakers and shipping lines signed a pledge not to use metals from the seabed.",
     "Chile calls for ban on deep-sea mining at ISA",
     "Chile's government on Tuesday proposed a moratorium on deep-sea mining of nickel and "
     "cobalt at the International Seabed Authority.", "production_control"),
    ("Chamber of Mines calls for lower royalties on platinum",
     "Producers said the tax burden threatened jobs at shafts in Rustenburg.",
     "South Africa cuts royalty on platinum",
     "The finance ministry on Wednesday cut the royalty rate on platinum to 3%.",
     "investment|tariff|strategy"),
    ("Rights groups say Xinjiang polysilicon firms use forced labour",
     "A report named suppliers of solar-grade silicon in the region.",
     "US blocks imports from Xinjiang silicon producer",
     "Homeland Security on Tuesday added a Xinjiang silicon producer to the forced labour "
     "entity list, blocking its imports.", "import_restriction"),
    ("Lithium miners' group asks Chile to speed up permits",
     "",
     "Chile speeds up lithium permits",
     "Chile's government on Monday cut approval times for lithium contracts to six months.",
     "strategy"),
    ("Steelmakers' lobby urges Brussels to act on Chinese tungsten",
     "Eurofer said cheap imports of tungsten carbide threatened toolmakers.",
     "Brussels acts on Chinese tungsten",
     "The European Commission on Monday opened an anti-dumping probe into tungsten carbide "
     "from China.", "investigation"),
    ("Heritage Foundation: US must stockpile cobalt",
     "The conservative think tank urged the Pentagon to buy cobalt for the national defence "
     "reserve.",
     "Pentagon to buy cobalt for stockpile",
     "The Defense Logistics Agency said on Monday it would buy up to 7,500 tonnes of cobalt.",
     "investment"),
    # Analysts and columnists on possible policy.
    ("Analysts: China could restrict graphite further",
     "Researchers at a Shanghai consultancy said Beijing had room to tighten rules.",
     "China restricts graphite further",
     "China's commerce ministry on Friday added spherical graphite to its export licence "
     "list.", "export_control"),
    ("Goldman sees US copper tariff as likely by year end",
     "The bank's analysts put the odds of a duty on refined copper at 60%.",
     "US imposes copper tariff",
     "President Trump on Wednesday imposed a 50% tariff on semi-finished copper imports.",
     "tariff"),
    ("Breakingviews: The Philippines should think twice before banning nickel ore exports",
     "Copying a ban on raw ore would scare off the miners the country needs, writes our "
     "columnist.",
     "Philippines bans nickel ore exports",
     "The Philippine Senate on Monday passed a bill banning nickel ore exports from 2030.",
     "export_control"),
    ("Why a cobalt cartel won't work",
     "Congo and Indonesia lack the discipline of OPEC, argues a mining economist.",
     "Congo and Indonesia agree to coordinate cobalt output",
     "The two governments signed a pact on Tuesday to coordinate cobalt production and "
     "exports.", "agreement"),
    ("Analysis: Rare earth quota may rise as China seeks market share",
     "Consultants expect Beijing to lift the mining quota again this year.",
     "China raises rare earth mining quota",
     "China's industry ministry on Friday set the rare earth mining quota at 270,000 tonnes.",
     "production_control"),
    ("Lex: Lithium's tariff shield will not save Western miners",
     "",
     "US puts tariff on Chinese lithium",
     "The trade representative on Tuesday set a 25% tariff on Chinese lithium-ion batteries "
     "and their parts.", "tariff"),
    ("Citi says Chile lithium nationalisation risk is overblown",
     "The bank's mining team told clients SQM's contracts are safe until 2030.",
     "Chile nationalises lithium",
     "President Gabriel Boric on Thursday said Chile will nationalise its lithium industry.",
     "production_control|strategy"),
    ("Commentary: Europe needs a raw materials law with teeth",
     "Targets for mining and refining lithium should bind member states, the author "
     "argues.",
     "EU raw materials law enters into force",
     "The Critical Raw Materials Act, setting targets for mining and refining lithium, took "
     "effect on Thursday.", "strategy"),
    ("Economist warns tin export ban would hurt Indonesia",
     "A university economist said a ban would cut revenue from smelters in Bangka.",
     "Indonesia bans tin ingot exports",
     "Indonesia's government on Monday banned exports of tin ingots, saying it wants more "
     "local processing.", "export_control"),
    ("Strategists see new potash sanctions on Russia as unlikely",
     "Fertiliser analysts said Western governments would avoid curbs that raise food prices.",
     "US eases potash sanctions on Belarus",
     "The Treasury on Friday lifted sanctions on Belarus's state potash producer.",
     "sanction"),
    # Elections and candidates' pledges.
    ("Sheinbaum promises to keep lithium in state hands",
     "The ruling party's candidate told a rally she would protect the 2022 nationalisation.",
     "Mexico creates state lithium company",
     "President Andres Manuel Lopez Obrador on Tuesday decreed the creation of state lithium "
     "company LitioMx.", "strategy|investment|production_control"),
    ("Chilean candidate vows to sign lithium pact with China if elected",
     "",
     "Chile's government approves Codelco-SQM lithium pact",
     "Chile's government on Friday approved the partnership giving Codelco control of SQM's "
     "lithium operations.", "agreement"),
    ("Opposition leader pledges to lift nickel export ban",
     "The Philippine senator said he would ease ore rules if he wins the 2028 vote.",
     "Indonesia lifts nickel export ban for small miners",
     "Indonesia's government on Monday allowed small miners to export nickel ore again.",
     "export_control"),
    ("Trump tells Detroit rally he would mine more critical minerals at home",
     "The Republican nominee said he would speed permits for mines on his first day if "
     "elected.",
     "Treasury tightens battery mineral rules for EV tax credits",
     "The Treasury on Friday said cars with lithium or cobalt from China will lose tax credits "
     "next year.", "investment"),
    ("Labour candidate backs critical minerals strategy in manifesto",
     "The party's manifesto promises to review Britain's approach to lithium and rare "
     "earths.",
     "Britain publishes critical minerals strategy",
     "The government on Monday published a strategy covering lithium and rare earths.",
     "strategy"),
    ("Polls put Milei ahead as he vows open lithium market",
     "The libertarian said he would let foreign miners export lithium freely.",
     "Argentina signs lithium accord with US",
     "Argentina and the United States signed a critical minerals agreement covering lithium "
     "on Tuesday.", "agreement"),
    ("Democratic senators' campaign ads target Chinese critical minerals",
     "",
     "Senate passes bill banning Chinese critical minerals in defence supply chain",
     "The Senate on Thursday passed a bill barring the Pentagon from buying magnets made with "
     "Chinese rare earths.", "import_restriction"),
    ("Ramaphosa's rival promises state mining company",
     "The opposition leader told voters a state company would buy platinum and manganese "
     "mines.",
     "South Africa launches state mining company",
     "The government on Monday launched a state company to invest in platinum and manganese "
     "mines.", "investment"),
    ("Indonesian candidates debate nickel downstreaming",
     "Three presidential hopefuls traded barbs over the ore ban in the final televised debate.",
     "Indonesia extends nickel downstreaming to bauxite",
     "President Joko Widodo on Monday said Indonesia would ban bauxite exports from June.",
     "export_control"),
    ("Kenya opposition vows review of mining licences",
     "",
     "Kenya suspends mining licences pending review",
     "Kenya's mining ministry on Monday suspended new licences for rare earth and titanium "
     "mining.", "production_control"),
]

PAIRS_C = [
    # Acts on goods outside the taxonomy.
    ("Turkey slaps extra 40% tariff on Chinese electric cars",
     "The trade ministry said the duty applies from July on vehicles made in China.",
     "Turkey slaps extra tariff on Chinese aluminium sheet",
     "The trade ministry said on Friday a 25% duty applies from July on aluminium sheet "
     "made in China.", "tariff"),
    ("Netherlands widens export curbs on ASML chip machines",
     "The government said on Friday more deep ultraviolet tools will need a licence.",
     "Netherlands widens export curbs to gallium technology",
     "The government said on Friday exports of gallium processing equipment will need a "
     "licence.", "export_control"),
    ("India extends anti-dumping duty on Chinese solar glass",
     "",
     "India extends anti-dumping duty on Chinese silicon",
     "The finance ministry on Monday extended duties on silicon metal from China for five "
     "years.", "tariff"),
    ("Mexico raises tariffs on imported steel",
     "Mexico's economy ministry said on Monday steel from countries without trade deals will "
     "face 25% duties.",
     "Mexico raises tariffs on imported aluminium",
     "Mexico's economy ministry said on Monday aluminium from countries without trade deals "
     "will face 15% duties.", "tariff"),
    ("US bans Chinese drones from new approvals",
     "The Commerce Department said it would block sales of new DJI models.",
     "US bans Chinese rare earth magnets from defence contracts",
     "The Pentagon said on Monday contractors may not buy magnets made from Chinese rare "
     "earths from 2027.", "import_restriction"),
    ("Ukraine bans Russian vodka from shop shelves",
     "Retailers must remove drinks made in Russia within 30 days.",
     "Ukraine bans imports of Russian titanium",
     "Kyiv said on Monday it would bar titanium sponge made in Russia from its market.",
     "import_restriction|sanction"),
    ("China suspends seafood imports from Japan",
     "Customs said on Thursday it had halted all aquatic imports after the Fukushima water "
     "release.",
     "China suspends graphite imports from Japan",
     "Customs said on Thursday it had halted imports of synthetic graphite from Japan.",
     "import_restriction"),
    ("EU opens probe into Chinese wind turbine subsidies",
     "",
     "EU opens probe into Chinese rare earth magnet subsidies",
     "The Commission on Tuesday opened an investigation into subsidies for Chinese rare earth "
     "magnet makers.", "investigation"),
    ("US raises tariffs on Chinese batteries for forklifts",
     "Duties on non-EV batteries will rise to 25% in 2026, the USTR said.",
     "US raises tariffs on Chinese lithium batteries for forklifts",
     "Duties on non-EV lithium-ion batteries will rise to 25% in 2026, the USTR said on "
     "Tuesday.", "tariff"),
    ("Brazil raises import tax on electric vehicles",
     "The Camex committee restored duties on imported EVs, rising to 35% by 2026.",
     "Brazil raises import tax on nickel",
     "The Camex committee on Tuesday raised the import tax on refined nickel to 10%.",
     "tariff"),
    ("China bans exports of battery cathode technology",
     "The commerce ministry said on Friday technology to make cathodes will need approval.",
     "China bans exports of lithium processing technology",
     "The commerce ministry said on Friday technology to refine lithium will need approval.",
     "export_control"),
    ("Japan curbs exports of semiconductor equipment to China",
     "",
     "Japan curbs exports of rare earth magnets to China",
     "The trade ministry said on Tuesday exports of neodymium magnets to China will need a "
     "licence.", "export_control"),
    ("Canada slaps surtax on Chinese steel",
     "Ottawa said on Monday a 25% surtax applies to Chinese steel from October 15.",
     "Canada slaps surtax on Chinese aluminium",
     "Ottawa said on Monday a 25% surtax applies to Chinese aluminium from October 15.",
     "tariff"),
    ("US opens Section 232 probe into imported drones and polysilicon-free panels",
     "",
     "US opens Section 232 probe into imported polysilicon",
     "The Commerce Department on Tuesday opened an investigation into imports of polysilicon.",
     "investigation"),
    ("Russia bans exports of petrol for six months",
     "The government said the ban would keep domestic fuel prices in check.",
     "Russia bans exports of enriched uranium to US",
     "The government said on Friday it would restrict enriched uranium exports to the US.",
     "export_control"),
    # Sport bodies, central banks, regulators of conduct.
    ("FIFA sanctions Argentine club over fan chants",
     "The football body fined the club and ordered a match behind closed doors.",
     "US sanctions Argentine lithium trader over Russia links",
     "The Treasury on Monday sanctioned an Argentine lithium trader for shipping to Russia.",
     "sanction"),
    ("Olympic silver medallist banned for doping",
     "The anti-doping agency banned the sprinter for four years.",
     "India bans silver imports from Indonesia",
     "India's commerce ministry on Monday barred imports of silver from Indonesia under the "
     "trade pact.", "import_restriction"),
    ("World Aquatics lifts ban on Russian swimmers",
     "",
     "EU lifts ban on Russian potash transit",
     "The Commission on Monday lifted a ban on transit of Russian potash through Lithuania.",
     "sanction|import_restriction"),
    ("People's Bank of China adds gold and silver to reserves",
     "The central bank bought precious metals for the 18th month.",
     "China's reserve bureau adds cobalt to state stockpile",
     "The National Food and Strategic Reserves Administration said on Tuesday it had bought "
     "cobalt for the stockpile.", "investment"),
    ("Central bank raises rates as copper exports slump",
     "Chile's central bank lifted its benchmark rate to defend the peso.",
     "Chile raises copper export royalty",
     "Chile's Congress on Tuesday passed a new royalty on large copper miners' sales.",
     "tariff|export_control|strategy"),
    ("Bank of Zambia sees copper boom lifting growth",
     "The central bank said mining output would rise after the drought.",
     "Zambia boosts copper output with state investment",
     "Zambia's government on Monday put $200 million into state miner ZCCM to raise copper "
     "output.", "investment"),
    ("ASIC sues lithium explorer over misleading drill results",
     "The corporate regulator said the company overstated lithium grades.",
     "Australia sues Chinese investor over lithium stake",
     "Treasury ordered a Chinese investor on Monday to sell its stake in a lithium explorer.",
     "sanction"),
    ("Canada's securities watchdog halts trading in nickel junior",
     "",
     "Canada halts Chinese takeover of nickel junior",
     "Ottawa on Friday blocked a Chinese firm's takeover of a nickel explorer, citing "
     "national security.", "sanction"),
    ("UK competition regulator clears copper tube merger",
     "The CMA said the deal between two pipe makers raised no concerns.",
     "UK blocks Chinese purchase of rare earth magnet maker",
     "The business secretary on Friday blocked a Chinese firm's takeover of a rare earth "
     "magnet factory under national security law.", "sanction"),
    ("EPA fines lithium battery recycler over waste",
     "The Environmental Protection Agency fined the company for storing hazardous waste.",
     "Commerce fines lithium exporter over shipments to Russia",
     "The Commerce Department on Monday penalised a US firm for exporting lithium cells to "
     "Russia in breach of export controls.", "export_control|sanction"),
    ("LME fines trader over nickel price spike",
     "The exchange's disciplinary panel found a broker broke trading rules.",
     "UK bans Russian nickel from warehouses",
     "The British government on Saturday banned imports of Russian nickel.",
     "sanction|import_restriction"),
    # Governments acting on non-trade matters near mineral words.
    ("Chile orders safety inspection at Codelco mine after deaths",
     "The mining safety agency sent inspectors to El Teniente after two workers died.",
     "Chile orders Codelco to raise copper output",
     "The government on Monday ordered state miner Codelco to lift copper output by 10%.",
     "production_control"),
    ("Peru fines copper miner over spill",
     "The environmental agency fined the company after acid leaked into a river.",
     "Peru raises copper export levy",
     "Peru's government on Monday put a 3% levy on copper concentrate exports.",
     "export_control"),
    ("China's environment inspectors fine rare earth smelters over waste water",
     "Jiangxi officials fined seven plants after finding breaches of discharge rules.",
     "China orders rare earth smelters to cut output",
     "The industry ministry on Tuesday ordered rare earth smelters to cut output to meet the "
     "national quota.", "production_control"),
    ("Zambia to pay miners' pensions from copper fund",
     "",
     "Zambia to buy copper for state reserve",
     "Zambia's finance ministry said on Tuesday it would buy copper for a national reserve.",
     "investment"),
    ("Bolivia lowers fuel subsidy for lithium towns",
     "The government said the change in Potosi would save $40 million.",
     "Bolivia signs lithium deal with Russian state firm",
     "Bolivia's government on Tuesday signed a $450 million lithium plant contract with "
     "Uranium One.", "agreement|investment"),
    ("Indonesia names new nickel hub governor",
     "The home affairs ministry appointed an acting governor for Central Sulawesi.",
     "Indonesia names nickel hub a special economic zone",
     "The government on Monday designated the Morowali nickel hub a special economic zone "
     "with tax breaks.", "investment|strategy"),
    ("Congo ministry opens inquiry into cobalt mine collapse",
     "The mines ministry said 12 artisanal miners died when a pit collapsed in Kolwezi.",
     "Congo opens inquiry into cobalt export prices",
     "The mines ministry on Monday opened an investigation into cobalt export prices "
     "declared by traders.", "investigation"),
    ("Chile's tax authority audits lithium producer over back taxes",
     "",
     "Chile sets lithium export quota",
     "The government on Tuesday capped lithium carbonate exports from the Atacama.",
     "export_control"),
    ("Australia's state grants heritage protection at lithium site",
     "Western Australia's Aboriginal heritage agency protected a rock shelter near the mine.",
     "Australia grants lithium refinery $100 million",
     "The federal government on Tuesday granted A$100 million to a lithium hydroxide "
     "refinery.", "investment"),
    ("Government moves lithium battery factory workers after fire",
     "Korean authorities evacuated the plant near Seoul after a blaze that killed 23 people.",
     "Korean government funds lithium battery factory",
     "Seoul's industry ministry on Monday gave 50 billion won to a lithium battery factory.",
     "investment"),
    # Mineral words in other senses.
    ("Copper Mountain school wins state award",
     "Pupils in the Colorado town were recognised for their science fair project.",
     "Copper output rule wins state backing",
     "Chile's Congress on Tuesday passed a bill raising royalties on copper producers.",
     "tariff|export_control|strategy"),
    ("Taylor Swift album goes platinum in record time",
     "",
     "Russia bans platinum exports to unfriendly states",
     "The government said on Tuesday exports of platinum to unfriendly countries are "
     "banned.", "export_control"),
    ("Silver Lake to buy software group for $10 billion",
     "The private equity firm agreed to take the company private.",
     "India cuts import tax on silver",
     "India's finance ministry on Tuesday cut the import tax on silver to 6%.",
     "tariff"),
    ("Iron Maiden announces world tour",
     "The heavy metal band will play 50 dates in 2024.",
     "India bans iron ore exports",
     "India's government on Friday banned exports of low-grade iron ore fines.",
     "export_control"),
    ("Lead negotiator quits EU-Mercosur trade talks",
     "The official left after talks stalled over beef and cars.",
     "EU and Mercosur hold talks on lithium access",
     "EU and Mercosur negotiators met in Brasilia on Tuesday to discuss access to lithium.",
     "talks"),
    ("Platinum Group stock falls on earnings miss",
     "The software firm's shares fell after it cut its outlook.",
     "Platinum group metals face US tariff",
     "Washington on Tuesday imposed a 25% tariff on palladium and platinum from Russia.",
     "tariff"),
    ("Nickelodeon cuts jobs as streaming bites",
     "",
     "Canada cuts nickel output subsidies",
     "Ottawa on Tuesday cut the tax credit for nickel processing.",
     "investment"),
    ("Lithium prescriptions rise as more patients treated for bipolar disorder",
     "Doctors prescribed the mood stabiliser to more adults, NHS data show.",
     "Britain adds lithium to critical minerals list",
     "The government on Tuesday added lithium to its critical minerals list.",
     "strategy"),
    ("Zinc oxide sunscreen recall announced",
     "The health regulator recalled three brands over contamination.",
     "US announces zinc tariff",
     "The trade representative on Tuesday announced a 25% tariff on Chinese zinc.",
     "tariff"),
    ("Cobalt Robotics raises $50 million",
     "The security robot startup closed a funding round led by a venture firm.",
     "US raises cobalt stockpile funding",
     "Congress on Tuesday approved $50 million for the Pentagon to buy cobalt.",
     "investment"),
    ("Tin Pan Alley musical opens on Broadway",
     "",
     "Tin output curbed by Indonesia",
     "Indonesia's energy ministry on Monday cut tin mining quotas by a third.",
     "production_control"),
    ("Rare earth magnet found in toddler's stomach, doctors warn",
     "Paediatricians urged a ban on small magnet toys after a rise in cases.",
     "Rare earth magnet exports curbed by China",
     "China's commerce ministry on Tuesday required licences for exports of rare earth "
     "magnets.", "export_control"),
    ("Uranium City residents fight closure of hospital",
     "",
     "Uranium exports from Niger halted by junta",
     "Niger's military government on Thursday suspended uranium exports to France.",
     "export_control"),
    ("Potash Corp alumni launch farming startup",
     "",
     "Canada launches potash export strategy",
     "Ottawa on Tuesday unveiled a strategy to grow potash exports to Asia.", "strategy"),
    # History, obituaries, book reviews, explainers.
    ("Obituary: the chemist who taught China to separate rare earths",
     "Xu Guangxian, whose method let China dominate rare earth supply and trade, has died "
     "aged 95.",
     "China guards rare earths with new export curbs",
     "The commerce ministry on Thursday added rare earth separation technology to its export "
     "ban list.", "export_control"),
    ("Book review: 'Material World' traces copper, lithium and the global economy",
     "Ed Conway's book explains how trade bans and tariffs shaped the metals we depend on.",
     "US sets copper tariff",
     "President Trump on Wednesday set a 50% tariff on imported semi-finished copper.",
     "tariff"),
    ("Explainer: how anti-dumping duties on graphite work",
     "A petition, a preliminary finding and a final order: the steps in a US trade case.",
     "US sets anti-dumping duties on graphite",
     "The Commerce Department on Friday set final anti-dumping duties on Chinese graphite "
     "anodes.", "tariff"),
    ("What is an export licence? A guide for metal traders",
     "Licences, end-user certificates and dual-use lists: how shippers of rare earths or "
     "cobalt get their paperwork in order.",
     "China requires export licences for rare earths",
     "The commerce ministry said on Friday seven rare earths will need export licences from "
     "April 4.", "export_control"),
    ("From the archive, 1973: Oil embargo sends copper soaring",
     "Fifty years ago, the Arab embargo rattled metals markets as well.",
     "Chile restricts copper exports to China",
     "Chile's government on Monday capped copper cathode exports to China.",
     "export_control"),
    ("The 1980s tin crisis: lessons for lithium",
     "When the International Tin Council collapsed, prices crashed and mines closed across "
     "Malaysia.",
     "Malaysia bans tin ore exports",
     "Malaysia's government on Monday banned exports of unprocessed tin ore.",
     "export_control"),
    ("Podcast: the race for the metals of the future",
     "We talk to two authors about lithium, cobalt and the politics of export bans.",
     "Congo bans cobalt exports",
     "Congo's government on Saturday banned cobalt exports for four months.",
     "export_control"),
    ("Obituary: Ivan Glasenberg's mentor, cobalt trader Marc Rich",
     "",
     "US sanctions cobalt trader",
     "The Treasury on Friday sanctioned a cobalt trader for dealing with Russia.",
     "sanction"),
    ("Explainer: what an ore export ban does to a mining economy",
     "Economists describe how bans on raw nickel ore exports push miners to build smelters, "
     "and where the policy fails.",
     "Indonesia bans nickel matte exports",
     "Indonesia's government on Monday banned exports of nickel matte from next year.",
     "export_control"),
    ("Q&A: What the EU's new battery rules mean for you",
     "From recycled content to battery passports, a guide to the rules taking effect.",
     "EU sets lithium recycling targets",
     "The EU on Monday set targets for recycled lithium in new batteries from 2031.",
     "strategy"),
    ("Timeline: a decade of US-China trade fights over rare earths",
     "",
     "US and China hold talks on rare earths",
     "US and Chinese officials held talks in Geneva on Monday on rare earth exports.",
     "talks"),
    ("Review: documentary follows cobalt from Congo pit to phone",
     "The film tracks artisanal miners and the traders who buy their ore.",
     "Congo sets cobalt export quotas",
     "Congo's government on Saturday set cobalt export quotas for the coming year.",
     "export_control"),
]

PAIRS_D = [
    # Wire styles: prefixes, briefs, market wraps.
    ("METALS-Copper edges up as dollar weakens; tariff talk caps gains",
     "Three-month copper on the LME rose 0.4% while traders weighed chatter about US duties.",
     "METALS-Copper jumps after Washington imposes import tariff",
     "Three-month copper rose 3% after the White House on Wednesday imposed a 50% duty on "
     "copper imports.", "tariff"),
    ("BRIEF-Piedmont Lithium says board approves merger with Sayona",
     "",
     "BRIEF-Quebec government invests in Piedmont Lithium project",
     "Investissement Quebec, the province's state investment arm, said on Tuesday it would "
     "invest C$50 million in the North American Lithium project.", "investment"),
    ("UPDATE 2-Liontown shelves Kathleen Valley expansion as lithium slumps",
     "The Australian miner will cut 150 jobs and defer its underground ramp-up.",
     "UPDATE 2-Australia lends Liontown A$300 million for lithium mine",
     "The federal government's critical minerals facility on Tuesday lent Liontown A$300 "
     "million for its Kathleen Valley lithium mine.", "investment"),
    ("EXCLUSIVE-Chinese buyers weigh bid for Australian rare earth junior, sources say",
     "Two Chinese groups have approached the company about a takeover, three people said.",
     "EXCLUSIVE-Australia blocks Chinese bid for rare earth junior, sources say",
     "Treasurer Jim Chalmers on Monday rejected a Chinese group's bid for the company on "
     "national interest grounds, three people said.", "sanction"),
    ("WRAPUP 1-Base metals slide as China data disappoint",
     "Nickel, zinc and copper fell; traders said no new export curbs were in sight.",
     "WRAPUP 1-Base metals jump as China curbs rare earth exports",
     "China's commerce ministry on Thursday required licences for exports of seven rare "
     "earths.", "export_control"),
    ("Lithium stocks rally on short covering",
     "",
     "Lithium stocks rally as China curbs lithium technology exports",
     "The commerce ministry said on Thursday lithium battery cathode and lithium processing "
     "technology will need an export licence.", "export_control"),
    ("Morning Bid: Metals traders brace for tariff headlines",
     "Markets await any word from Washington on duties; copper is steady in Asian trade.",
     "Morning Bid: Copper steady after US sets tariff",
     "The White House on Wednesday set a 50% tariff on semi-finished copper imports.",
     "tariff"),
    ("Podcast: Is the nickel price crash over?",
     "Our commodities team discusses Indonesian supply and whether export bans elsewhere "
     "could follow.",
     "Indonesia cuts nickel mining permits",
     "Indonesia's energy ministry on Monday cut the approved nickel ore output for 2025 to "
     "200 million tonnes.", "production_control"),
    # Company acts with state words nearby.
    ("Codelco to cut copper output forecast for 2024",
     "The state miner said lower grades at its Chuquicamata mine would trim production.",
     "Chile orders Codelco to cut copper exports",
     "The government on Monday ordered state miner Codelco to cut copper exports to China.",
     "export_control"),
    ("Chinese state-owned miner signs lithium offtake in Zimbabwe",
     "Sinomine agreed to buy spodumene from its own Bikita mine for five years.",
     "Zimbabwe bans lithium ore exports",
     "Zimbabwe's government on Tuesday banned exports of raw lithium ore.",
     "export_control"),
    ("Kazatomprom cuts 2025 uranium production guidance",
     "The state-controlled miner blamed acid shortages and delays at two deposits.",
     "Kazakhstan raises uranium mining tax",
     "Kazakhstan's parliament on Monday passed a law raising the tax on uranium mining to 9% "
     "from 2025.", "strategy|tariff|production_control"),
    ("Sumitomo Metal Mining halts nickel plant in Philippines for maintenance",
     "",
     "Philippines halts nickel mines for environmental audit",
     "The environment ministry on Monday suspended operations at five nickel mines pending "
     "an audit.", "production_control"),
    ("South32 sells Cerro Matoso nickel mine to Chinese group",
     "The miner agreed to sell its Colombian ferronickel operation for $100 million.",
     "Colombia bars Chinese takeover of nickel mine",
     "Colombia's government on Monday blocked a Chinese group's purchase of the Cerro "
     "Matoso ferronickel mine.", "sanction"),
    ("Zimbabwe lithium miner raises prices for Chinese buyers",
     "Bikita Minerals said it would charge more for spodumene from next quarter.",
     "Zimbabwe sets export tax on lithium concentrate",
     "Zimbabwe's finance ministry on Thursday put a 5% tax on lithium concentrate exports.",
     "export_control"),
    # Other people acting: lawmakers' bills, local protests, unions.
    ("Villagers block road to Indonesian nickel smelter",
     "Protesters demanded jobs and compensation from the Chinese-owned plant in Sulawesi.",
     "Indonesia blocks new Chinese nickel smelters",
     "The industry ministry on Monday stopped approving new nickel smelters financed by "
     "Chinese groups.", "production_control"),
    ("Chilean truckers block highway to lithium flats over fuel prices",
     "",
     "Chile approves lithium royalty plan",
     "Chile's Congress on Tuesday approved a new royalty on lithium producers.",
     "strategy|tariff|export_control"),
    ("Union strikes at Peruvian copper mine over pay",
     "Workers at the Cuajone mine walked out demanding a bigger share of profits.",
     "Peru suspends copper mine over protests",
     "Peru's energy and mines ministry on Monday suspended the Cuajone copper mine's "
     "operating licence.", "production_control"),
    ("Indigenous groups march against lithium mining in Argentina",
     "Communities in Jujuy say salt flat projects threaten their water.",
     "Argentina's Jujuy province freezes new lithium permits",
     "The provincial government on Tuesday froze new lithium mining permits for a year.",
     "production_control"),
]

PAIRS_E = [
    # Found on a second probe: an option held, a measure only "possible", the market eyeing a
    # possible one, a "why ... should" piece, a leader visiting a mine.
    ("Rare earth curbs possible, says former Chinese official",
     "A retired commerce ministry official said Beijing had the option to limit exports.",
     "Rare earth curbs imposed, says Chinese commerce ministry",
     "The commerce ministry said on Friday exports of seven rare earths now need a licence.",
     "export_control"),
    ("Copper traders eye possible Chilean royalty hike",
     "",
     "Chile's Senate passes copper royalty hike",
     "Chile's Senate on Tuesday passed a bill raising royalties on large copper miners.",
     "strategy|tariff|export_control"),
    ("Why the US should stockpile lithium",
     "A strategic reserve would smooth prices for battery makers, economists argue.",
     "US to stockpile lithium",
     "The Defense Logistics Agency said on Monday it would buy lithium for the national "
     "defence stockpile.", "investment"),
    ("Zambia's president visits Chinese copper mine",
     "",
     "Zambia's president visits China to seek copper investment",
     "President Hakainde Hichilema met Chinese President Xi Jinping in Beijing on Tuesday to "
     "discuss copper mining investment.", "summit|talks"),
    ("Investors brace for a potential Indonesian nickel export tax",
     "Funds trimmed positions in nickel pig iron producers, brokers said.",
     "Indonesia sets nickel export tax",
     "Indonesia's finance ministry on Monday imposed a 2% tax on nickel pig iron exports.",
     "export_control"),
    ("Analysts say Beijing has room to tighten graphite controls",
     "",
     "Beijing tightens graphite controls",
     "China's commerce ministry on Friday added more graphite products to its export "
     "licence list.", "export_control"),
]

PAIRS = PAIRS_A + PAIRS_B + PAIRS_C + PAIRS_D + PAIRS_E

# Twins whose act the tagger does not read yet (a takeover screened or blocked, royalty relief,
# a mine approved, permits sped up, money approved by a legislature, recycling targets): recall
# gaps, left to their owner.
RECALL_GAPS = {
    "South Africa says it will review any bid for Anglo American's copper assets",
    'Western Australia offers lithium miners royalty relief',
    'CFIUS blocks Chinese stake in lithium merger',
    'Zimbabwe orders lithium miners to build local refineries',
    'Interior Department approves Nevada lithium mine',
    'US blocks imports from Xinjiang silicon producer',
    'Chile speeds up lithium permits',
    'Australia sues Chinese investor over lithium stake',
    'US raises cobalt stockpile funding',
    'EU sets lithium recycling targets',
}
# A measure on goods outside the taxonomy takes the entry's mineral from the headline when the
# goods follow the trigger ("tariffs on Chinese EVs"): tagger.py reads other goods only inside
# the trigger's own words, and that file is another pass's.
OUTSIDE_GOODS_AFTER = {"Lithium carbonate extends slide on Chinese oversupply"}


def _marked(case: tuple[str, ...], gaps: set[str], reason: str) -> object:
    """The case, expected to fail (strictly) when its title is in `gaps`."""
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if case[0] in gaps else []
    return pytest.param(*case, marks=marks)


NEGATIVES = [_marked((p[0], p[1]), OUTSIDE_GOODS_AFTER, "other goods named after the trigger")
             for p in PAIRS]
TWINS = [_marked((p[2], p[3], p[4]), RECALL_GAPS, "a trigger not yet read") for p in PAIRS]


def test_the_grid_is_wide_and_its_titles_unique() -> None:
    titles = [p[0] for p in PAIRS] + [p[2] for p in PAIRS]
    assert len(PAIRS) >= 150
    assert len(set(titles)) == len(titles)
    assert {p[2] for p in PAIRS} >= RECALL_GAPS


@pytest.mark.parametrize(("title", "summary"), NEGATIVES)
def test_a_2024_hard_negative_is_not_relevant(title: str, summary: str) -> None:
    assert not TAGGER.tag(title, summary, PUB).relevant


@pytest.mark.parametrize(("title", "summary", "kind"), TWINS)
def test_its_twin_reports_the_act(title: str, summary: str, kind: str) -> None:
    result = TAGGER.tag(title, summary, PUB)
    assert result.relevant
    assert set(kind.split("|")) & {e.type for e in result.events}
