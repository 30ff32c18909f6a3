"""Stage `claims` on hand-written English and Spanish paragraphs (fictional people)."""

from __future__ import annotations

import pytest

from fuentes.doc import ArticleDoc
from fuentes.extract.claims import extract_claims, is_hedged
from fuentes.model import Mention, Quote
from fuentes.pipeline import Pipeline

pytestmark = pytest.mark.models

EN = ("Navy commandos killed Rafael Quintero on Sunday near the port. "
      "The killing of Rafael Quintero ended a long hunt. "
      "Police had tried to arrest Quintero in 2019. "
      "From 2010 to 2020, the province spent $2.5 billion on patrols. "
      "The unit has roughly 120 officers.")
ES = ("Marinos abatieron a Rafael Quintero el domingo. "
      "La captura de Rafael Quintero fue anunciada por la fiscalía. "
      "De 2010 a 2020, la provincia gastó 2.500 millones de dólares en patrullas.")



def mentions_of(body: str, name: str, key: str = "e1") -> list[Mention]:
    out, start = [], body.find(name)
    while start >= 0:
        out.append(Mention(start, start + len(name), name, "PERSON", key))
        start = body.find(name, start + 1)
    if name.split()[-1] != name:
        surname = name.split()[-1]
        for i in range(len(body)):
            if body.startswith(surname, i) and not any(m.start <= i < m.end for m in out):
                out.append(Mention(i, i + len(surname), surname, "PERSON", key))
    return sorted(out, key=lambda m: m.start)


def test_english_frames_values_and_attempts(nlp):
    sdoc = nlp["en"](EN)
    claims = extract_claims(EN, sdoc, mentions_of(EN, "Rafael Quintero"), [], "en", "a1")
    kills = [c for c in claims if c.predicate == "kill"]
    assert len(kills) >= 2 and all(c.object == "e1" for c in kills)  # verb and "the killing of"
    assert any(c.predicate == "attempt:capture" and c.object == "e1" for c in claims)
    assert not any(c.predicate == "capture" for c in claims)  # "tried to arrest" is no arrest
    spend = next(c for c in claims if c.predicate == "spend")
    kinds = {v.kind: v for v in spend.values}
    assert kinds["money"].amount == pytest.approx(2.5e9) and kinds["range"].low == "2010"
    count = next(c for c in claims if any(v.kind == "count" for v in c.values))
    assert "120" in count.text and EN[count.start:count.end] == count.text


def test_spanish_frames_and_values(nlp):
    sdoc = nlp["es"](ES)
    claims = extract_claims(ES, sdoc, mentions_of(ES, "Rafael Quintero"), [], "es", "b1")
    preds = {(c.predicate, c.object) for c in claims}
    assert ("kill", "e1") in preds and ("capture", "e1") in preds
    money = [v for c in claims for v in c.values if v.kind == "money"]
    assert money and money[0].amount == pytest.approx(2.5e9) and money[0].unit == "USD"


def test_quotes_are_claims_of_their_speaker(nlp):
    body = "\u201cWe found forty rifles in the truck,\u201d said Ana Berg, the chief."
    sdoc = nlp["en"](body)
    q = Quote(id="q1", article="a2", text=body[1:34], start=1, end=34, direct=True, speaker_name="Ana Berg",
              speaker="e1")
    claims = extract_claims(body, sdoc, mentions_of(body, "Ana Berg"), [q], "en", "a2")
    said = [c for c in claims if c.predicate == "say"]
    assert len(said) == 1 and said[0].speaker == "e1" and said[0].text == q.text
    assert not any(c.start < q.end and c.predicate != "say" for c in claims)


def test_stage_in_a_pipeline(nlp):
    import fuentes.extract.claims  # noqa: F401

    doc = ArticleDoc(source="t", format="text", layers={"body": EN, "nlp": nlp["en"](EN), "id": "a3",
                                                        "language": "en", "mentions": [], "entities": [],
                                                        "quotes": []})
    out = Pipeline.from_names(["claims"], initial=("body", "nlp", "mentions", "entities", "quotes"))(doc)
    assert out.get("claims") and out.provenance["claims"].startswith("claims@")


def test_hedges():
    assert is_hedged("The boss was reportedly seen in town")
    assert is_hedged("El jefe habría sido visto, según fuentes")
    assert not is_hedged("The boss was seen in town")
