"""The store's one exception: what went wrong and what to do, in one line."""


class StoreError(Exception):
    """The store cannot be opened or used; the message says what to do."""
