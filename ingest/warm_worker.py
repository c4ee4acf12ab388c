"""Imported once by the forkserver that starts parse workers: the tagger is built and one
small feed parsed and tagged there, so every worker forked from it starts warm (in about
10 ms, instead of 0.3 s of imports, tagger building and first-use set-up per worker)."""

from .workers import warm_up

warm_up()
