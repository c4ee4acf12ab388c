"""Shared fixtures of the tagging tests."""

from __future__ import annotations

import pytest

from ingest.tagging.tagger import Tagger


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    """One tagger for every test: it keeps no state between articles (see test_parts)."""
    return Tagger()
