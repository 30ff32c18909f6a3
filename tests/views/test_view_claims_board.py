"""The claims board's grouping by story and subject and its slot columns, shared by `fuentes claims`
and the workbench; English and Spanish claims, records and store rows alike."""

from __future__ import annotations

from fuentes.model import Claim, Value
from fuentes.views.claims import OUTLET_VOICE, group_claims, slot_label, slot_row

NAMES = {"ent_navy": "Mexican Navy", "ent_zarate": "Julián Zárate", "ent_ver": "Veracruz", "ent_ana": "Ana Ruiz"}
LABEL = slot_label(NAMES)
OF_ARTICLE = {"a1": "sto_port", "a2": "sto_port", "b1": "sto_blockade"}
TITLES = {"sto_port": "Navy captures Zárate in Veracruz", "sto_blockade": None}


def claim(cid: str, articles: list[str], subject: str | None, text: str, **slots) -> Claim:
    return Claim(id=cid, text=text, articles=articles, subject=subject, **slots)


def test_slots_read_names_values_and_who_asserts_it():
    en = claim("c1", ["a1"], "ent_navy", "The Navy captured Zárate with four bodyguards in Veracruz on Sunday",
               predicate="capture", object="ent_zarate", place="ent_ver", time="2026-03-08", modality="reported",
               values=[Value("count", "four bodyguards", 4.0, "bodyguards")])
    es = claim("c2", ["a2"], "ent_navy", "La Marina capturó a Zárate con cinco escoltas, dijo Ana Ruiz",
               predicate="capture", object="ent_zarate", speaker="ent_ana", modality="reported",
               values=[Value("count", "cinco escoltas", 5.0, "escoltas")])
    assert slot_row(en, LABEL) == {"subject": "Mexican Navy", "predicate": "capture", "object": "Julián Zárate",
                                   "values": "four bodyguards", "time": "2026-03-08", "place": "Veracruz",
                                   "asserted_by": OUTLET_VOICE, "modality": "reported"}
    assert slot_row(es, LABEL)["asserted_by"] == "Ana Ruiz" and slot_row(es, LABEL)["values"] == "cinco escoltas"
    row = {"id": "c3", "subject": "np:Los dos hombres", "object": "desc:task force@ent_ver#a1", "predicate": "flee",
           "claim_values": [{"kind": "count", "text": "dos"}], "speaker": None, "time": None, "place": None}
    slots = slot_row(row, LABEL)  # a store row: values in `claim_values`, a noun phrase and a description
    assert slots["subject"] == "Los dos hombres" and slots["object"] == "task force (Veracruz)"
    assert slots["values"] == "dos" and slots["asserted_by"] == OUTLET_VOICE and slots["time"] == ""


def test_claims_group_by_story_and_subject_in_listing_order():
    claims = [claim("c1", ["a1"], "ent_navy", "The Navy captured Zárate"),
              claim("c2", ["b1"], "ent_navy", "La Marina liberó la carretera bloqueada"),
              claim("c3", ["x9", "a2"], "ent_navy", "La Marina detuvo a cuatro escoltas"),
              claim("c4", ["a1"], "ent_zarate", "Zárate, 47, was detained"),
              claim("c5", ["z1"], None, "Gunmen set fire to 23 vehicles")]
    groups = group_claims(claims, OF_ARTICLE, TITLES, LABEL)
    assert [(g["story"], g["subject_name"], [c.id for c, _ in g["claims"]]) for g in groups] == [
        ("sto_port", "Mexican Navy", ["c1", "c3"]),  # (c3's first article with a known story)
        ("sto_blockade", "Mexican Navy", ["c2"]),  # the same subject in another story: a group apart
        ("sto_port", "Julián Zárate", ["c4"]),
        (None, "", ["c5"])]  # no story known, no subject named
    assert groups[0]["story_title"] == "Navy captures Zárate in Veracruz" and groups[1]["story_title"] is None
