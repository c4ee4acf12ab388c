"""Meta-tests: the taxonomy files stay valid, complete and consistent with the code.

If one fails after an edit to data/taxonomy/*.toml, the message names the entry; run
`python -m ingest evaluate` and `python -m ingest retag` after fixing it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pycountry
import pytest

from ingest.tagging.taxonomy import TAXONOMY_DIR, TaxonomyError, load_taxonomy
from ingest.tagging.vocab import WordIndex

USGS_2025 = ["aluminum", "antimony", "arsenic", "barite", "beryllium", "bismuth", "boron", "cerium", "cesium", "chromium", "cobalt", "copper", "dysprosium", "erbium", "europium", "fluorspar", "gadolinium", "gallium", "germanium", "graphite", "hafnium", "holmium", "indium", "iridium", "lanthanum", "lead", "lithium", "lutetium", "magnesium", "manganese", "metallurgical_coal", "neodymium", "nickel", "niobium", "palladium", "phosphate", "platinum", "potash", "praseodymium", "rhenium", "rhodium", "rubidium", "ruthenium", "samarium", "scandium", "silicon", "silver", "tantalum", "tellurium", "terbium", "thulium", "tin", "titanium", "tungsten", "uranium", "vanadium", "ytterbium", "yttrium", "zinc", "zirconium"]
RARE_EARTHS = ["scandium", "yttrium", "lanthanum", "cerium", "praseodymium", "neodymium", "promethium", "samarium", "europium", "gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium", "ytterbium", "lutetium"]
PGMS = ["platinum", "palladium", "rhodium", "iridium", "ruthenium", "osmium"]
# Ids the tagger's code relies on by name.
CODE_EVENT_TYPES = {"summit", "talks", "investigation", "investment", "export_control", "tariff"}
CODE_STATUSES = {"threatened", "proposed", "announced", "in_effect", "suspended", "lifted",
                 "scheduled", "held"}


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


def test_usgs_2025_list_is_covered(tax) -> None:
    ids = {c.id for c in tax.commodities}
    assert len(USGS_2025) == 60
    missing = set(USGS_2025) - ids
    assert not missing
    assert {c.id for c in tax.commodities if c.usgs_2025} == set(USGS_2025)
    assert sum(c.usgs_2022 for c in tax.commodities) == 50


def test_eu_lists_and_groups(tax) -> None:
    ids = {c.id for c in tax.commodities}
    assert {"feldspar", "helium", "phosphorus", "strontium", "critical_minerals",
            "rare_earths", "platinum_group_metals"} <= ids
    for e in RARE_EARTHS:
        assert "rare_earths" in tax.commodity(e).parents, e
    for e in PGMS:
        assert "platinum_group_metals" in tax.commodity(e).parents, e
    assert sum(c.eu_strategic for c in tax.commodities) >= 15
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c.id) for c in tax.commodities)


def test_every_iso_country_and_the_eu(tax) -> None:
    codes = {c.code for c in tax.countries}
    assert {c.alpha_2 for c in pycountry.countries} | {"EU"} == codes


def test_event_types_and_statuses_the_code_uses_exist(tax) -> None:
    assert {e.id for e in tax.event_types} >= CODE_EVENT_TYPES
    assert {s.id for s in tax.statuses} == CODE_STATUSES
    assert len(tax.event_types) == 11


def test_trigger_and_cue_patterns_are_lower_case(tax) -> None:
    """Triggers and status cues run on lower-cased text: an upper-case letter (other than an
    escape such as \\S or \\W) could never match."""
    patterns = [t.pattern for et in tax.event_types for t in et.triggers]
    patterns += [c for s in tax.statuses for c in s.cues]
    for p in patterns:
        letters = re.sub(r"\\.", "", p)
        assert letters == letters.lower(), p


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("event_types.toml", 'id = "tariff"', 'id = "tariff"\ncolour = "red"', "unknown key"),
        ("event_types.toml", 'id = "tariff"', 'id = "export_control"', "duplicate event_type id"),
        ("event_types.toml", 'pattern = "section 232', 'pattern = "(section 232', "does not compile"),
        ("commodities.toml", 'id = "gallium"', 'id = "gallium"\nparents = ["nonsense"]', "parent"),
        ("event_types.toml", 'leaders = [', 'leaders = [3, ', "leaders must be a list of names"),
        ("countries.toml", 'code = "FR"', 'code = "XX"', "not an ISO 3166-1"),
        ("statuses.toml", 'id = "held"', 'id = "held"\nshade = 1', "unknown key"),
    ],
)
def test_bad_files_fail_with_a_message_naming_file_and_entry(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = tmp_path / "taxonomy"
    shutil.copytree(TAXONOMY_DIR, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(folder)
    msg = str(err.value)
    assert file in msg and message in msg
    assert "\n" not in msg


def test_one_leaders_list_feeds_every_meeting_trigger(tax) -> None:
    """`{leaders}` expands to the one list: every trigger naming leaders knows the same ones."""
    with_leaders = [t.pattern for et in tax.event_types for t in et.triggers if "jinping" in t.pattern]
    assert len(with_leaders) >= 5
    assert all("prabowo" in p and "von\\ der\\ leyen" in p for p in with_leaders)
    assert not any("{leaders}" in t.pattern for et in tax.event_types for t in et.triggers)


def test_indexed_triggers_match_exactly_like_one_alternation(tax) -> None:
    """The prefix index is an optimisation only: same matches as a plain alternation."""
    import json

    from ingest.tagging.evaluate import DEV_SET
    from ingest.tagging.triggers import TriggerSet
    from ingest.tagging.vocab import lower_same_length

    for pairs in ([(et.id, t.pattern) for et in tax.event_types for t in et.triggers],
                  [(st.id, c) for st in tax.statuses for c in st.cues]):
        groups = [g for g, _p in pairs]
        patterns = [p for _g, p in pairs]
        # One plain alternation per group, run separately, is the reference.
        plain = {
            g: re.compile("(?<![\\w-])(?:" + "|".join(
                f"(?P<t{i}>{p})" for i, (gg, p) in enumerate(pairs) if gg == g) + ")(?![\\w])")
            for g in dict.fromkeys(groups)
        }
        indexed = TriggerSet(patterns, groups)
        for line in DEV_SET.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            low = lower_same_length(item["title"] + "\n" + item["summary"])
            want = sorted((m.start(), int(m.lastgroup[1:]), m.end())
                          for rx in plain.values() for m in rx.finditer(low))
            got = sorted((m.start(), i, m.end()) for i, m in indexed.finditer(low))
            assert got == want, item["id"]
            # The tagger's path: only at the words that WordIndex says may start a trigger.
            words = WordIndex({1: indexed.may_start}, not_after_hyphen=1, sees_next=1).hot(low)[1]
            got = sorted((m.start(), i, m.end()) for i, m in indexed.finditer(low, [p for p, _w in words]))
            assert got == want, item["id"]


def test_vocabularies_match_exactly_like_one_alternation() -> None:
    """First-word indexing is an optimisation only: the same leftmost-longest whole-word
    mentions as one trie alternation per vocabulary (folded forms on lower-cased text, exact
    forms on the text as written, the longer kept where they overlap)."""
    import json

    from ingest.tagging.evaluate import DEV_SET
    from ingest.tagging.tagger import Tagger
    from ingest.tagging.vocab import lower_same_length, trie_pattern

    tagger = Tagger()
    texts = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines()]
    # Forms that start with function words are looked up from a later word: same matches.
    texts.append({"id": "lead-ins", "title": "The Hague: in the lead-up to talks, lead rose",
                  "summary": "In the lead, within the lead smelter; tin the lead. (in the lead) "
                  "the hague court, Hague, in the hague, in the the lead, lead-up, in  the lead."})
    for vocab in (tagger.countries, tagger.commodities):
        folded = re.compile(r"(?<!\w)(?:" + trie_pattern(sorted(vocab._folded)) + r")(?!\w)")
        exact = re.compile(r"(?<!\w)(?:" + trie_pattern(sorted(vocab._exact)) + r")(?!\w)")
        index = WordIndex({1: vocab.first_words.__contains__, 2: vocab.first_words_cased.__contains__})
        for item in texts:
            text = item["title"] + "\n" + item["summary"]
            low = lower_same_length(text)
            hits = sorted([(m.start(), m.end(), vocab._folded[m.group()]) for m in folded.finditer(low)]
                          + [(m.start(), m.end(), vocab._exact[m.group()]) for m in exact.finditer(text)],
                          key=lambda h: (h[0], h[0] - h[1]))
            want: list[tuple[int, int, str | None]] = []
            for h in hits:
                if want and h[0] < want[-1][1]:
                    if h[0] == want[-1][0] and h[1] > want[-1][1]:
                        want[-1] = h
                    continue
                want.append(h)
            hot = index.hot(low)
            got = [(m.start, m.end, m.ident) for m in vocab.find(text, low, hot[1], hot[2])]
            assert got == want, item["id"]


def test_signal_categories_are_the_union_of_the_hits() -> None:
    """`categories` (remembered stems, one set) answers what `find` lists hit by hit."""
    from ingest.tagging.vocab import WordSignals, lower_same_length

    signals = WordSignals({"crime": ["smuggl*", "police", "charged with"],
                           "state": ["government", "state", "prime minister"],
                           "deal": ["acquir*", "deal to buy"]})
    index = WordIndex({1: signals.may_start})
    for text in ["Police said smugglers were charged with fraud.",
                 "The Prime Minister's government agreed a deal to buy the state miner.",
                 "Acquirers acquired; smuggling, smuggle, SMUGGLED, prime ministers, dealt",
                 "Nothing to see here.", ""]:
        low = lower_same_length(text)
        for _ in range(2):  # the second time from the remembered stems
            hot = index.hot(low)[1]
            want = set().union(*(cats for _p, cats in signals.find(low, hot)))
            assert signals.categories(low, hot) == want, text
    assert signals.categories("smug", [(0, "smug")]) == set()  # shorter than the stem
    assert signals.categories("smuggle", [(0, "smuggle")]) == {"crime"}


def test_triggers_that_start_with_a_currency_sign_are_found_from_word_starts(tax) -> None:
    """Word starts miss "€2 billion loan"; the sign itself is looked for (only where present)."""
    from ingest.tagging.triggers import TriggerSet
    from ingest.tagging.vocab import lower_same_length

    pairs = [(et.id, t.pattern) for et in tax.event_types for t in et.triggers]
    indexed = TriggerSet([p for _g, p in pairs], [g for g, _p in pairs])
    for text in ["The EU approved a €2 billion loan for a lithium refinery.",
                 "Washington pledged $500 million in grants and a $1.2 billion loan.",
                 "It lent-$5 million (not a start) and €-3; no sign here: a loan."]:
        low = lower_same_length(text)
        words = WordIndex({1: indexed.may_start}, not_after_hyphen=1, sees_next=1).hot(low)[1]
        scanned = [(i, m.span()) for i, m in indexed.finditer(low)]
        from_words = [(i, m.span()) for i, m in indexed.finditer(low, [p for p, _w in words])]
        assert from_words == scanned, text
    low = lower_same_length("The EU approved a €2 billion loan for a lithium refinery.")
    assert any(low[m.start()] == "€" for _i, m in indexed.finditer(low, []))


def test_triggers_are_found_from_words_seen_with_the_character_after_them(tax) -> None:
    """A word is asked about with what follows it in its chunk and the space after ("analysts "
    or "week. " starts no "u.s.-china deal"), the text's last word with nothing after it: the
    same matches as a scan."""
    from ingest.tagging.triggers import TriggerSet
    from ingest.tagging.vocab import lower_same_length

    pairs = [(et.id, t.pattern) for et in tax.event_types for t in et.triggers]
    indexed = TriggerSet([p for _g, p in pairs], [g for g, _p in pairs])
    index = WordIndex({1: indexed.may_start}, not_after_hyphen=1, sees_next=1)
    for text in ["Analysts expect a U.S.-China trade deal", "China imposed an export ban",
                 "Indonesia-Japan deal, then a nickel-export ban.\nExport curbs", "export", "",
                 "Week. U.S.-China trade deal (U.S.-China deal) in the a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q deal"]:
        low = lower_same_length(text)
        scanned = [(i, m.span()) for i, m in indexed.finditer(low)]
        from_words = [(i, m.span()) for i, m in indexed.finditer(low, [p for p, _w in index.hot(low)[1]])]
        assert from_words == scanned, text
    assert (0, "analysts") not in index.hot("analysts said")[1]  # followed by a space
    assert (0, "week") not in index.hot("week. u.s.-china deal")[1] and (6, "u") in index.hot("week. u.s.-china deal")[1]
    assert (0, "analysts") in index.hot("analysts-backed deal")[1] and index.hot("analysts")[1]
