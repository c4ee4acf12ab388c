"""minerals tracker: pull feeds, tag critical-minerals trade-policy events, store and show them.

The data path, one package per stage: `sources` (feed list, fetch, parse, normalise) →
`tagging` (taxonomy, vocabularies, triggers, dates, the tagger) → `store` (schema, writes) →
`read` (filters, queries, exports); `pipeline` runs one ingest, `cli` is the command line.
"""

__version__ = "0.2.0"
