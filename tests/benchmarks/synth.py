"""Seeded synthetic corpora built from the taxonomy, for benchmarks (not for tests of quality).

Articles mix policy sentences (a country, a commodity, an event phrase, a date) with the
background sentences real articles carry (prices, company news, context), about one policy
sentence in three, so the tagger sees realistic density.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from ingest.tagging.taxonomy import Taxonomy, default_taxonomy

POLICY = [
    "{country} said on {weekday} it would restrict exports of {commodity} from {date}.",
    "{country} imposed a {pct}% tariff on imports of {commodity} from {country2}.",
    "Officials from {country} and {country2} will hold talks on {commodity} supply chains on {date}.",
    "{country}'s commerce ministry added {commodity} to its export control list.",
    "{country} and {country2} signed a critical minerals framework covering {commodity}.",
    "The government of {country} will take a {pct}% equity stake in a {commodity} refinery.",
    "{country} opened an anti-dumping investigation into {commodity} from {country2}.",
    "Leaders of {country} and {country2} will meet at a summit on {date} to discuss {commodity}.",
    "{country} suspended its ban on {commodity} exports to {country2} until {date}.",
    "{country} threatened to impose export quotas on {commodity} if talks fail.",
    "{country} set a price floor for {commodity} and expanded its strategic stockpile.",
    "{country} revoked mining licences for {commodity} projects held by foreign firms.",
]
FILLER = [
    "Prices of {commodity} rose {pct}% on the week as traders weighed thin stocks.",
    "Analysts said demand from battery makers would keep growing through the decade.",
    "A company spokesperson declined to comment on shipments to customers in {country}.",
    "The region has produced {commodity} since the colonial era, according to local historians.",
    "Shares of several producers fell in early trading before recovering by the close.",
    "Port congestion in {country} delayed several bulk carriers for a second week.",
    "Researchers at a university in {country} published a study on recycling {commodity}.",
    "Weather disruptions slowed trucking routes used by small-scale miners.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _date_phrase(rng: random.Random, pub: date) -> str:
    d = pub + timedelta(days=rng.randint(-40, 90))
    return rng.choice([d.strftime("%B %-d"), d.strftime("%-d %B"), d.strftime("%b. %-d, %Y"),
                       "next month", "next week", f"{d.year}"])


def articles(n: int, chars: int, seed: int = 1, tax: Taxonomy | None = None,
             start: date = date(2023, 1, 1)) -> Iterator[tuple[str, str, datetime]]:
    """`n` (title, summary, published) triples whose summaries are about `chars` long."""
    tax = tax or default_taxonomy()
    rng = random.Random(seed)
    countries = [c.label for c in tax.countries if c.code in {
        "CN", "US", "EU", "JP", "KR", "AU", "CA", "IN", "ID", "CD", "ZW", "NA", "CL", "AR", "BO",
        "MX", "PE", "KZ", "RU", "UA", "VN", "MY", "PH", "SA", "BR", "ZA", "DE", "FR", "GB"}]
    commodities = [c.aliases[0] for c in tax.commodities if c.aliases and c.kind != "group"]
    for _ in range(n):
        pub = start + timedelta(days=rng.randint(0, 1400))
        parts: list[str] = []
        size = 0
        while size < chars:
            pool = POLICY if rng.random() < 0.33 else FILLER
            s = rng.choice(pool).format(
                country=rng.choice(countries), country2=rng.choice(countries),
                commodity=rng.choice(commodities), pct=rng.randint(5, 150),
                weekday=rng.choice(WEEKDAYS), date=_date_phrase(rng, pub))
            parts.append(s)
            size += len(s) + 1
        body = " ".join(parts)[:chars]
        title = parts[0][:90].rstrip(".")
        yield title, body, datetime(pub.year, pub.month, pub.day, 8, tzinfo=UTC)
