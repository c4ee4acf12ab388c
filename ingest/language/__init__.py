"""Headlines in other languages, read through a word-for-word English gloss.

The English tagger is rules over English words; a French or Chinese headline about a real act
gives it nothing. Rather than a second tagger per language, each language has a small
glossary kept as data (`data/lexicon/*.toml`): policy words, commodities, countries and
function words. A headline is glossed into rough English and the English tagger reads the
gloss; the stored evidence stays the original headline.
"""
