"""The order claims are listed in, by `fuentes claims` and on the workbench's claims board.

Best grade first (Admiralty information credibility: 1 confirmed ... 6 cannot be judged; a claim
without a grade counts as 6), then more independent sources, then more reporting articles, then
the text and id so the order is stable.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from fuentes.views.fields import as_list, field

UNGRADED = 6


def claim_key(claim: Any) -> tuple:
    """Sort key of a claim: a Claim record, a store row, or a `claim_rows` row (`articles` a count)."""
    grade = field(claim, "grade", UNGRADED)
    articles = field(claim, "articles")
    count = articles if isinstance(articles, int) else len(as_list(articles))
    return (int(grade), -int(field(claim, "independent_sources", 0)), -count, str(field(claim, "text", "")),
            str(field(claim, "id", "")))


def order_claims(claims: Iterable[Any]) -> list[Any]:
    """The claims in listing order (see the module)."""
    return sorted(claims, key=claim_key)


def grade_counts(claims: Iterable[Any]) -> dict[int, int]:
    """How many claims have each grade, best grade first."""
    return dict(sorted(Counter(int(field(c, "grade", UNGRADED)) for c in claims).items()))
