"""minerals tracker: pull feeds, tag critical-minerals trade-policy events, store them."""

from . import accel

__version__ = "0.1.0"

# The tagging modules run compiled when `make setup` could build them (see accel.py).
accel.install()
