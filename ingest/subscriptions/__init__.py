"""Saved views (subscriptions): after each ingest run, each view's new and changed acts become
entries of its Atom feed file, and optionally a JSON POST to its webhook (docs/subscriptions.md)."""
