"""Filter options found by what people type, and the dashboard query string <-> Filters."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.read.filters import Filters
from ingest.read.options import UnknownKind, resolve_option, search_options
from ingest.read.view_query import parse_view_query, view_query
from ingest.tagging.taxonomy import default_taxonomy

TAX = default_taxonomy()


@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("country", "usa", "US"), ("country", "USA", "US"), ("country", "U.S.", "US"),
    ("country", "American", "US"), ("country", "united states", "US"), ("country", "CN", "CN"),
    ("country", "china", "CN"), ("country", "Chinese", "CN"), ("country", "  China ", "CN"),
    ("country", "cote d'ivoire", "CI"), ("country", "CHN", "CN"), ("country", "uk", "GB"),
    ("commodity", "gallium", "gallium"), ("commodity", "Rare earths", "rare_earths"),
    ("commodity", "rare-earth", "rare_earths"), ("commodity", "polysilicon", "silicon"),
    ("commodity", "2805.30", "rare_earths"), ("commodity", "280530", "rare_earths"),
    ("commodity", "NdPr", "neodymium"),
    ("type", "export control", "export_control"), ("type", "Export_Control", "export_control"),
    ("status", "In effect", "in_effect"), ("status", "in_effect", "in_effect"),
])
def test_resolve_names_ids_aliases_and_codes(kind: str, text: str, expected: str) -> None:
    assert resolve_option(kind, text, TAX) == expected


@pytest.mark.parametrize(("kind", "text"), [
    ("country", "Narnia"), ("country", "chin"), ("country", ""), ("commodity", "unobtainium"),
    ("commodity", "magnet"), ("type", "tariffs and more"), ("status", "maybe"),
])
def test_resolve_refuses_what_is_not_an_exact_name(kind: str, text: str) -> None:
    assert resolve_option(kind, text, TAX) is None


def test_search_puts_the_best_match_first_and_only_matches() -> None:
    assert search_options("country", "usa", TAX)[0] == "US"
    china = search_options("country", "china", TAX)
    assert china[0] == "CN" and "GF" not in china  # never French Guiana
    assert search_options("country", "chin", TAX)[0] == "CN"
    magnet = search_options("commodity", "magnet", TAX)
    assert magnet[:2] == ["rare_earths", "neodymium"]  # whole words before "magnetite"
    assert "iron_ore" in magnet
    assert set(search_options("commodity", "NdPr", TAX)) == {"neodymium", "praseodymium"}
    assert "gallium" in search_options("commodity", "8112", TAX)  # an HS heading
    assert search_options("country", "Narnia", TAX) == []
    assert search_options("status", "", TAX) == []


def test_unknown_kind_is_named() -> None:
    with pytest.raises(UnknownKind, match="planet"):
        search_options("planet", "mars", TAX)


def test_query_accepts_ids_and_plain_names() -> None:
    f, notices = parse_view_query(
        "country=China&country=usa&commodity=gallium&type=Export+control&status=in_effect"
        "&role=Acting&dates=2024-01-01&dates=2025-06-30&in_force=2025-01-01&source=Reuters.com"
        "&q=licence&view=Timeline", TAX)
    assert notices == []
    assert f == Filters(countries=("CN", "US"), country_role="actor", commodities=("gallium",),
                        types=("export_control",), statuses=("in_effect",),
                        since=date(2024, 1, 1), until=date(2025, 6, 30), sources=("reuters.com",),
                        text="licence", in_force_on=date(2025, 1, 1))


def test_query_names_every_unknown_value_in_one_line() -> None:
    f, notices = parse_view_query(
        "country=Narnia&country=CN&commodity=unobtainium&dates=not-a-date&role=sideways&colour=x"
        "&foo=1", TAX)
    assert f.countries == ("CN",) and f.commodities == () and f.since is None
    assert "country 'Narnia' is not a known country" in notices
    assert "commodity 'unobtainium' is not a known commodity" in notices
    assert any(n.startswith("dates 'not-a-date' is not a date") for n in notices)
    assert any(n.startswith("role 'sideways'") for n in notices)
    assert any(n.startswith("'foo' is not a filter") for n in notices)
    assert all("\n" not in n for n in notices) and len(notices) == 5  # "colour" shows, not filters


def test_query_written_with_clean_ids_only_and_round_trips() -> None:
    old, notices = parse_view_query("country=China+%28CN%29+%C2%B7+61&commodity=Rare+earth+elements"
                                    "+%28group%29+%C2%B7+1%2C024", TAX)  # a link from before ids
    assert old.countries == ("CN",) and "rare_earths" in old.commodities and notices == []
    assert view_query(old, TAX) == "country=CN&commodity=rare_earths"
    assert parse_view_query("source=reuters.com+%C2%B7+12", TAX)[0].sources == ("reuters.com",)
    f, _ = parse_view_query("country=China&commodity=rare+earths&commodity=Gallium&role=target"
                            "&dates=2024-01-01&q=a%26b", TAX)
    qs = view_query(f, TAX)
    assert qs == ("country=CN&role=Targeted&commodity=rare_earths&commodity=gallium"
                  "&dates=2024-01-01&q=a%26b")
    assert parse_view_query(qs, TAX) == (f, [])
    assert "rare_earths" in f.commodities and "neodymium" in f.commodities  # expanded for queries
    assert view_query(Filters()) == ""
