"""How a text names a corpus entity: one rule for the timeline filter and the analysts' decisions."""

from __future__ import annotations

from fuentes.model import Entity
from fuentes.views.names import name_key, named_by

ROWS = [
    {"id": "ent_pena", "name": "Enrique Peña Nieto", "kind": "person", "aliases": ["Peña Nieto", "EPN"]},
    {"id": "ent_cjng", "name": "Cártel de Jalisco Nueva Generación", "kind": "organization",
     "aliases": ["CJNG", "Cártel Jalisco"]},
    {"id": "ent_nieto", "name": "Peña Nieto", "kind": "person", "aliases": []},  # another one by that name
]


def test_name_key_folds_case_accents_and_punctuation():
    assert name_key("Cártel de Jalisco Nueva Generación") == "cartel de jalisco nueva generacion"
    assert name_key("  PEÑA   nieto. ") == name_key("Pena Nieto") == "pena nieto"
    assert name_key("Ángel «El Güero» Núñez") == "angel el guero nunez"
    assert name_key("") == "" and name_key("¿?") == ""


def test_named_by_id_name_or_alias():
    assert [r["id"] for r in named_by("ent_cjng", ROWS)] == ["ent_cjng"]
    assert [r["id"] for r in named_by("cartel de jalisco nueva generacion", ROWS)] == ["ent_cjng"]
    assert [r["id"] for r in named_by("CÁRTEL JALISCO", ROWS)] == ["ent_cjng"]  # an alias
    assert [r["id"] for r in named_by("pena nieto", ROWS)] == ["ent_pena", "ent_nieto"]  # name or alias, all
    assert [r["id"] for r in named_by("pena nieto", ROWS, names_first=True)] == ["ent_nieto"]  # a name wins
    assert [r["id"] for r in named_by("epn", ROWS, names_first=True)] == ["ent_pena"]  # else an alias
    assert named_by("Nadie", ROWS) == [] and named_by("...", ROWS) == []


def test_records_and_rows_give_the_same_answer():
    records = [Entity(id=r["id"], name=r["name"], kind=r["kind"], aliases=r["aliases"]) for r in ROWS]
    for text in ("Peña Nieto", "cjng", "ent_nieto", "nobody"):
        assert [e.id for e in named_by(text, records)] == [r["id"] for r in named_by(text, ROWS)]
