"""Publication dates as ISO dates (YYYY-MM-DD, or partial YYYY-MM / YYYY), whatever form they come in.

Containers and pages give dates as ISO datetimes with offsets, RFC 822 strings (feeds, HTTP)
or free text. The article's date is the calendar date where it was published, so the local
date of an offset datetime is kept, not its UTC date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def iso_date(value: str | date | None) -> str | None:
    """The ISO (possibly partial) date of `value`, or None when it is not a recognisable date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _PARTIAL.match(text):
        return text
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only free-text dates need it

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
