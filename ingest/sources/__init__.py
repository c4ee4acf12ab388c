"""Feeds in: the feed list, fetching, parsing, outlets and normalisation."""
