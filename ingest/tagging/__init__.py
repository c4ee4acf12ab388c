"""Text to tags: the taxonomy, vocabularies, triggers, dates and the tagger (no database code)."""
