"""Publication dates normalised to ISO dates."""

import pytest

from fuentes.clean.dates import iso_date


@pytest.mark.parametrize("value, expected", [
    ("2026-03-11T08:20:00-06:00", "2026-03-11"),  # local date kept, not the UTC one
    ("2026-03-11T23:50:00-06:00", "2026-03-11"),
    ("2026-02-23T10:00:00Z", "2026-02-23"),
    ("2026-02", "2026-02"),
    ("2026", "2026"),
    ("Mon, 09 Mar 2026 14:00:00 GMT", "2026-03-09"),
    ("March 9, 2026", "2026-03-09"),
    ("9 de marzo de 2026", "2026-03-09"),
    ("", None),
    (None, None),
    ("not a date at all", None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected
