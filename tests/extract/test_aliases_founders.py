"""Stage `entities` (issue #15): a founder's title before a person's name, joined to another title
by 'and' after the organisation's name ("Zentrix Labs CEO and co-founder Mara Quell"), and a
co-founder's title of an organisation before the name and its comma ("el cofundador de Zentrix,
Mara Quell,") refer to the person: the title is an evidence span of the person, in English and
Spanish."""

from __future__ import annotations

import pytest

from fuentes.extract.entities import extract
from tests.extract.fixtures_entities import tagged

pytestmark = pytest.mark.models


def spans_of(nlp, language: str, text: str, person: str) -> list[str]:
    sdoc = tagged(nlp[language], text, [("Zentrix Labs", "ORG"), (person, "PERSON" if language == "en" else "PER")])
    _, entities = extract(sdoc, language)
    ent = next(e for e in entities if e.name == person)
    return [text[ev.start:ev.end] for ev in ent.evidence]


@pytest.mark.parametrize("language,text,span", [
    ("en", "Zentrix Labs CEO and co-founder Mara Quell opened the fair on Monday. She showed a new chip.",
     "Zentrix Labs CEO and co-founder"),
    ("en", "The co-founder of Zentrix Labs, Mara Quell, opened the fair on Monday.", "co-founder of Zentrix Labs"),
    ("es", "La cofundadora de Zentrix Labs, Mara Quell, inauguró la feria el lunes.", "cofundadora de Zentrix Labs"),
])
def test_a_founders_title_is_an_evidence_span_of_the_person(language, text, span, nlp):
    assert span in spans_of(nlp, language, text, "Mara Quell")
