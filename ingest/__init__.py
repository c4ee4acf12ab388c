"""minerals tracker: pull feeds, tag critical-minerals trade-policy events, store them."""

__version__ = "0.1.0"
