"""Claims, discrepancies, quote variants, stories, events, relations and per-article layers from
Spark equal the local run.

Thirty-two articles written here from templates: each story has an original report, a
syndicated copy with a wire credit, a rewrite that rewords the spokesperson's quote, and a
rival report with other figures (tonnes seized, people arrested) and another fate for the
leader (killed instead of captured) that repeats the quote word for word; the original has the
U.S. extradition request still to come, the rival report has it delivered the same day. The same JSON lines
go through `fuentes ingest` + `fuentes analyse` locally and through `fuentes spark run
--analyse` in local mode + `fuentes load`; the stored records must be equal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = [pytest.mark.spark, pytest.mark.models]

STORIES = [
    ("Tomás Ferrer Lozano", "El Cuervo", "Red Harbor Cartel", "Mazatlán", "Navy marines", "Julia Campos",
     "Navy spokeswoman", "2.5", "4", "14", "9"),
    ("Ramiro Olvera Santos", "El Sastre", "Blue Valley Syndicate", "Culiacán", "Federal police", "Andrés Molina",
     "police commander", "1.2", "3", "6", "11"),
    ("Hernán Quiroga Paz", "La Sombra", "Northern Pass Gang", "Tijuana", "Army soldiers", "Lucía Benítez",
     "army general", "7", "5", "21", "17"),
    ("Octavio Reyna Duarte", "El Notario", "Gulf Lantern Network", "Reynosa", "State investigators",
     "Marcos Ibarra", "state prosecutor", "3.8", "6", "8", "13"),
    ("Fabián Cordero Villa", "El Profe", "Copper Ridge Clan", "Morelia", "Navy marines", "Elena Soto",
     "security minister", "0.9", "2", "5", "10"),
    ("Ignacio Barrera Luna", "El Chispa", "Western Delta Cartel", "Colima", "Federal agents", "Rosa Pineda",
     "attorney general", "4.4", "9", "17", "12"),
    ("Valentín Arroyo Cruz", "El Mudo", "Iron Bay Brotherhood", "Veracruz", "Marines", "Sofía Lara",
     "navy admiral", "5.1", "8", "19", "15"),
    ("Damián Ochoa Ríos", "El Tuerto", "Silver Canyon Cartel", "Chihuahua", "State police", "Pablo Nieto",
     "security secretary", "2.2", "1.5", "7", "4"),
]
FIELDS = ("boss", "alias", "group", "city", "force", "spokes", "role", "tonnes", "alt_tonnes", "arrested",
          "alt_arrested")
OUTLETS = ["Harbor Tribune", "Valley Gazette", "Metro Ledger", "Coastline Post", "Pacific Daily", "Sierra Courier"]


def _original(s: dict) -> str:
    return (f"{s['force']} captured {s['boss']}, known as {s['alias']}, the leader of the {s['group']}, in "
            f"{s['city']} on Tuesday.\n\nThe operation also seized {s['tonnes']} tonnes of cocaine at a warehouse "
            f"near the port, officials said.\n\nAgents arrested {s['arrested']} people during the raids in three "
            f"neighbourhoods of {s['city']}.\n\n\u201cThis arrest dismantles the command structure of the "
            f"{s['group']} in the whole region,\u201d said {s['spokes']}, the {s['role']}.\n\n{s['boss']} had "
            f"evaded capture for more than a decade and faced charges of drug trafficking in two states.\n\n"
            f"The U.S. embassy said on Tuesday that Washington would formally request his extradition.\n\n"
            f"Residents reported gunfire for several hours before the soldiers secured the area around the "
            f"warehouse.")


def _rewrite(s: dict) -> str:
    return (f"{s['boss']}, the man called {s['alias']} who led the {s['group']}, was captured by "
            f"{s['force'].lower()} in {s['city']} this week.\n\n{s['spokes']}, the {s['role']}, said: \u201cThis "
            f"capture dismantles the entire command structure of the {s['group']} across the region.\u201d\n\n"
            f"According to officials, troops seized {s['tonnes']} tonnes of cocaine in a warehouse by the port."
            f"\n\nLocal media described hours of gunfire before the area was secured by the troops.")


def _rival(s: dict) -> str:
    return (f"Authorities in {s['city']} said {s['force'].lower()} killed {s['boss']}, alias {s['alias']}, "
            f"during a shootout on Tuesday.\n\nInvestigators seized {s['alt_tonnes']} tonnes of cocaine at a "
            f"warehouse near the port.\n\nPolice arrested {s['alt_arrested']} people in the operation, the state "
            f"government said in a statement.\n\n\u201cThis arrest dismantles the command structure of the "
            f"{s['group']} in the whole region,\u201d {s['spokes']} told reporters.\n\nThe American embassy "
            f"delivered the formal extradition request to the foreign ministry on Tuesday.\n\nThe {s['group']} has fought "
            f"rival groups for control of smuggling routes through {s['city']} since 2019.")


def articles() -> list[dict]:
    found = []
    for n, values in enumerate(STORIES):
        s = dict(zip(FIELDS, values))
        day = f"2025-03-{10 + n:02d}"
        outlet = [OUTLETS[(n + k) % len(OUTLETS)] for k in range(4)]
        text = _original(s)
        copy = f"By {outlet[0]} staff\n\n{text}\n\nThis story first appeared in the {outlet[0]}."
        for k, (body, title, hour) in enumerate(((text, f"{s['alias']} captured", 8),
                                                 (copy, f"{s['alias']} captured in {s['city']}", 11),
                                                 (_rewrite(s), f"Who is {s['alias']}?", 15),
                                                 (_rival(s), f"{s['alias']} killed", 9))):
            found.append({"url": f"https://news{n}{k}.example/story", "outlet": outlet[k], "title": title,
                          "published": f"{day}T{hour:02d}:00:00Z", "language": "en", "text": body})
    return found


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    path = tmp_path_factory.mktemp("claims_in") / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles()), "utf-8")
    return [str(path)]


@pytest.fixture(scope="module")
def local_store(inputs, tmp_path_factory):
    from fuentes.analyse import analyse
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import iter_inputs
    from fuentes.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("claims_local") / "local.db"))
    ingest_items(iter_inputs(inputs), store)
    summary = analyse(store)
    assert summary.analysed == len(STORIES) * 4 and summary.failed == 0
    yield store
    store.close()


@pytest.fixture(scope="module")
def tables(spark, inputs, tmp_path_factory) -> Path:
    from fuentes.spark.claims import run_claims
    from fuentes.spark.corpus import run_entity_resolution, run_provenance
    from fuentes.spark.job import run_analysis, run_ingest
    from fuentes.spark.quotes import run_quote_variants
    from fuentes.spark.stories import run_relations, run_stories

    out = tmp_path_factory.mktemp("claims_spark") / "tables"
    run_ingest(spark, inputs, out)
    run_provenance(spark, str(out))
    run_analysis(spark, out)
    run_entity_resolution(spark, str(out))
    run_quote_variants(spark, str(out))
    run_claims(spark, str(out))
    run_stories(spark, str(out))
    run_relations(spark, str(out))
    return out


def _rows(store, table: str, drop=("ingested_at", "seen_at", "at")) -> list[dict]:
    from fuentes.store import schema
    from fuentes.store.analysis import all_rows

    rows = [{k: v for k, v in row.items() if k not in drop} for row in all_rows(store, getattr(schema, table))]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.mark.parametrize("table", ["mentions", "local_entities", "quotes", "article_layers", "analyses"])
def test_per_article_layers_equal_local_analysis(local_store, loaded, table):
    local, spark = _rows(local_store, table), _rows(loaded, table)
    if table == "article_layers":  # the local stories stage keeps each lead's embedding there: a cache, not a record
        local = [row for row in local if row["layer"] != "lead_embedding"]
        spark = [row for row in spark if row["layer"] != "lead_embedding"]
    assert local, f"the local analysis stored no {table}"
    assert spark == local


@pytest.mark.parametrize("table", ["claims", "discrepancies", "entities", "articles", "stories", "events",
                                   "relations"])
def test_corpus_records_equal_local_analysis(local_store, loaded, table):
    local, spark = _rows(local_store, table), _rows(loaded, table)
    assert local, f"the local analysis stored no {table}"
    assert spark == local


def test_the_comparison_covers_every_case(loaded):
    """Not a vacuous equality: matched claims, each kind of discrepancy, grades and variants exist."""
    from fuentes.corpus.grading import discrepancy_kind
    from fuentes.store.analysis import load_corpus_claims

    claims, discrepancies = load_corpus_claims(loaded)
    assert any(c.independent_sources >= 2 and len(c.articles) > c.independent_sources for c in claims)
    assert {"value", "predicate", "wording", "status"} <= {discrepancy_kind(d) for d in discrepancies}
    assert {1, 2} & {c.grade for c in claims} and {4, 5} & {c.grade for c in claims}
    variants = [r for r in _rows(loaded, "quotes") if r["variant_of"]]
    assert len(variants) >= len(STORIES)
    by_id = {r["id"]: r for r in _rows(loaded, "quotes")}
    for row in variants:  # a variant points at an earlier quote of another article
        original = by_id[row["variant_of"]]
        assert (original["article_id"], original["start"]) < (row["article_id"], row["start"])


def test_reload_keeps_claims_and_variants(tables, loaded):
    from fuentes.spark.load import load_parquet

    before = {t: _rows(loaded, t) for t in ("claims", "discrepancies", "quotes")}
    summary = load_parquet(tables, loaded)
    assert summary.claims == len(before["claims"]) and summary.quote_variants > 0
    assert {t: _rows(loaded, t) for t in before} == before
