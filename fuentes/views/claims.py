"""The order claims are listed in, by `fuentes claims` and on the workbench's claims board, and the
board's grouping by story and subject with the claims' slots as columns.

Best grade first (Admiralty information credibility: 1 confirmed ... 6 cannot be judged; a claim
without a grade counts as 6), then more independent sources, then more reporting articles, then
the text and id so the order is stable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
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


# --- the claims board: grouped by story and subject, the slots as columns ----------------------

SLOTS = ("subject", "predicate", "object", "values", "time", "place", "asserted_by", "modality")
OUTLET_VOICE = "the outlet"  # who asserts a claim no speaker is given for: the reporting outlet itself


def _value_text(value: Any) -> str:
    return str(field(value, "text", "") or "")


def slot_row(claim: Any, label: Callable[[Any], str]) -> dict[str, str]:
    """A claim's slots as the board shows them, `label` naming an entity id, a description or a
    noun phrase key ("" for none): subject, predicate, object, values (as written, with their
    units and approximation), time, place, who asserts it (a speaker, else the outlet) and
    modality."""
    values = as_list(field(claim, "values") or field(claim, "claim_values"))
    return {"subject": label(field(claim, "subject")), "predicate": str(field(claim, "predicate", "")),
            "object": label(field(claim, "object")),
            "values": ", ".join(t for t in map(_value_text, values) if t),
            "time": str(field(claim, "time", "")), "place": label(field(claim, "place")),
            "asserted_by": label(field(claim, "speaker")) or OUTLET_VOICE,
            "modality": str(field(claim, "modality", ""))}


def story_of(claim: Any, of_article: Mapping[str, str]) -> str | None:
    """The story of the first of the claim's articles that one is known for, or None."""
    return next((of_article[a] for a in as_list(field(claim, "articles")) if a in of_article), None)


def group_claims(claims: Iterable[Any], of_article: Mapping[str, str], titles: Mapping[str, str | None],
                 label: Callable[[Any], str]) -> list[dict[str, Any]]:
    """The claims (in listing order) grouped by story and subject, each group where its first claim
    stands: [{"story": id or None, "story_title", "subject": its key, "subject_name", "claims":
    [(claim, slots)]}]. A claim with no story known is grouped by subject alone."""
    groups: dict[tuple, dict[str, Any]] = {}
    for claim in claims:
        story, subject = story_of(claim, of_article), field(claim, "subject")
        group = groups.get((story, subject))
        if group is None:
            group = groups[(story, subject)] = {"story": story, "story_title": titles.get(story) if story else None,
                                               "subject": subject, "subject_name": label(subject), "claims": []}
        group["claims"].append((claim, slot_row(claim, label)))
    return list(groups.values())


def slot_label(names: Mapping[str, str]) -> Callable[[Any], str]:
    """How a slot's key reads: an entity id by its name (`names`), a described body by its
    description ("task force (Arizona)"), a noun phrase as written; "" for none."""
    from fuentes.corpus.claims import NP, described, description_label, unnamed

    known = names if isinstance(names, dict) else dict(names)

    def label(key: Any) -> str:
        if key in (None, ""):
            return ""
        if described(key):
            return description_label(key, known)
        if unnamed(key):
            return str(key)[len(NP):]
        return known.get(key, str(key))
    return label
