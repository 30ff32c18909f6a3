"""Optional tables: what the store can show, and what to tell the analyst when it cannot.

Claims, events, relations, stories and watchlist hits are filled by capabilities that may not
have run (or whose tables may not exist in an older store). Every view asks `TableCache` for
them and shows an explanation instead of an error when a table is absent or empty. The tables
are reflected by the store (`fuentes.store.views.OptionalTables`), so the web layer keeps
working across schema revisions; a column it does not know is simply passed through.
"""

from __future__ import annotations

from fuentes.store.views import OPTIONAL, OptionalTables
from fuentes.views.fields import as_list

__all__ = ["MISSING", "OPTIONAL", "TableCache", "as_list"]

# What each optional view tells the analyst when its table is absent.
MISSING = {
    "stories": "Stories have not been computed on this store; articles are grouped by their "
               "derivations (copies and rewrites) instead.",
    "claims": "No claims in this store yet: the claims capability has not run.",
    "discrepancies": "No discrepancies in this store yet.",
    "events": "No events in this store yet: the events capability has not run.",
    "relations": "No relations in this store yet; the network shows entities mentioned in the same "
                 "articles instead.",
    "watchlist_hits": "No watchlist has been matched against this store.",
}


class TableCache(OptionalTables):
    """The store's optional tables (refreshed every few seconds), with the workbench's notes."""

    def capabilities(self) -> dict[str, bool]:
        return {name: self.filled(name) for name in OPTIONAL}

    def missing(self, *capabilities: str) -> dict[str, str]:
        """The explanation of each capability that has not filled its table."""
        return {name: MISSING[name] for name in capabilities if not self.filled(name)}
