"""Acts: one real-world government act (or meeting), consolidated from the reports of it.

A *report* is one tagged event of one article, or one article that only mentions an act
(`kind="mention"`). `consolidate` groups reports into acts deterministically; `ingest.store.acts`
keeps them and re-groups only the neighbourhood a new report touches. See docs/acts.md.
"""

from .consolidate import consolidate
from .model import Act, DateSpan, Report, StatusChange, outlet_of

__all__ = ["Act", "DateSpan", "Report", "StatusChange", "consolidate", "outlet_of"]
