"""An event's date comes from its own clause or the clauses it hangs from, never from a clause
beside it; a sentence with no date gives a bare year of the trigger's phrase or none (each clause
is read once, and none when the sentence holds no date). English and Spanish."""

from __future__ import annotations

import pytest

from tests.extract.test_events import run

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,text,date", [
    ("en", "On Monday, gunmen killed a guard in Culiacán and schools canceled classes on Friday.", "2016-01-11"),
    ("es", "El lunes, sicarios mataron a un guardia en Culiacán y las escuelas cancelaron las clases el viernes.",
     "2016-01-11"),
    ("en", "Soldiers arrested two men during a 2019 raid in Sinaloa.", "2019"),
    ("es", "Soldados detuvieron a dos hombres en el operativo de 2019 en Sinaloa.", "2019"),
    ("en", "Gunmen killed a guard in Culiacán.", None),
    ("es", "Sicarios mataron a un guardia en Culiacán.", None),
])
def test_an_events_date_is_its_own_clauses_or_none(language, text, date):
    found = run(text, language, "2016-01-13")  # a Wednesday: Monday the 11th, Friday the 8th
    assert found and {e[1] for e in found} == {date}
