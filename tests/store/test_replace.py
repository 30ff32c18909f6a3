"""Corpus tables replaced by difference (`fuentes.store.replace`): a run that changes few rows
writes only those, and the table always ends holding exactly the rows given."""

from __future__ import annotations

from sqlalchemy import event, select

from fuentes.model import Claim, Discrepancy, Entity
from fuentes.store.analysis import load_corpus_claims, save_claims, save_corpus_entities
from fuentes.store.schema import claim_articles, entities
from fuentes.store.state import forget_state


def _claim(claim_id: str, articles: list[str], grade: int = 3, text: str | None = None) -> Claim:
    return Claim(id=claim_id, text=text or f"Statement {claim_id}.", articles=articles, origins=articles,
                 independent_sources=len(articles), grade=grade)


def _entity(entity_id: str, name: str, articles: list[str]) -> Entity:
    return Entity(id=entity_id, name=name, kind="person", articles=articles,
                  merged_from=[f"{a}#e1" for a in articles])


class Statements:
    """The INSERT and DELETE statements a store's engine executes, with their row counts."""

    def __init__(self, store):
        self.seen: list[tuple[str, int]] = []

        @event.listens_for(store.engine, "before_cursor_execute")
        def record(_conn, _cursor, statement, parameters, _context, executemany):
            verb = statement.lstrip().split(None, 1)[0].upper()
            if verb in ("INSERT", "DELETE"):
                self.seen.append((statement, len(parameters) if executemany else 1))

    def rows_inserted(self, table: str) -> int:
        return sum(n for s, n in self.seen if s.lstrip().upper().startswith(f"INSERT INTO {table.upper()} "))

    def clear(self) -> None:
        self.seen.clear()


def _links(store) -> set[tuple[str, str]]:
    with store.engine.connect() as conn:
        return {(row.article_id, row.claim_id) for row in conn.execute(select(claim_articles))}


def test_a_second_save_writes_only_the_claims_that_changed(store):
    before = [_claim(f"clm_{n}", [f"art_{n}", "art_x"]) for n in range(20)]
    save_claims(store, before, [])
    seen = Statements(store)
    after = before[:18] + [_claim("clm_5", ["art_5"], grade=2), _claim("clm_new", ["art_9", "art_y"])]
    after = [c for c in after if c.id != "clm_5"] + [after[-2]]  # clm_5 changed, clm_18 and clm_19 gone
    save_claims(store, after, [])
    assert seen.rows_inserted("claims") == 2  # the changed claim and the new one, not the 17 unchanged
    found, _ = load_corpus_claims(store)
    assert sorted(c.id for c in found) == sorted(c.id for c in after)
    assert next(c for c in found if c.id == "clm_5").grade == 2
    assert _links(store) == {(a, c.id) for c in after for a in c.articles}
    seen.clear()
    save_claims(store, after, [])  # nothing changed: nothing written
    assert seen.rows_inserted("claims") == 0 and seen.rows_inserted("claim_articles") == 0


def test_discrepancies_are_replaced_by_difference_too(store):
    one = Discrepancy(id="dis_1", about="bodyguards", values=[{"claim": "clm_1", "value": "4"}])
    two = Discrepancy(id="dis_2", about="vehicles", values=[{"claim": "clm_2", "value": "23"}])
    save_claims(store, [_claim("clm_1", ["a"]), _claim("clm_2", ["b"])], [one, two])
    seen = Statements(store)
    changed = Discrepancy(id="dis_2", about="vehicles", values=[{"claim": "clm_2", "value": "31"}])
    save_claims(store, [_claim("clm_1", ["a"]), _claim("clm_2", ["b"])], [one, changed])
    assert seen.rows_inserted("discrepancies") == 1
    _, found = load_corpus_claims(store)
    assert sorted((d.id, d.values[0]["value"]) for d in found) == [("dis_1", "4"), ("dis_2", "31")]


def test_a_table_the_record_does_not_describe_is_written_whole(store):
    """When the digests are lost (or the table holds other rows), every row is written again."""
    claims = [_claim(f"clm_{n}", [f"art_{n}"]) for n in range(5)]
    save_claims(store, claims, [])
    forget_state(store, "rows:claims")
    seen = Statements(store)
    save_claims(store, claims[:3], [])
    assert seen.rows_inserted("claims") == 3
    assert sorted(c.id for c in load_corpus_claims(store)[0]) == ["clm_0", "clm_1", "clm_2"]
    assert _links(store) == {(f"art_{n}", f"clm_{n}") for n in range(3)}


def test_entities_saved_again_write_only_the_changed_ones(store):
    people = [_entity(f"ent_{n}", f"Person {n}", [f"art_{n}"]) for n in range(10)]
    save_corpus_entities(store, people, {})
    seen = Statements(store)
    renamed = [*people[:9], _entity("ent_9", "Person Nine", ["art_9"])]
    save_corpus_entities(store, renamed, {"ent_9": ["same name 'Person Nine'"]})
    assert seen.rows_inserted("entities") == 1
    with store.engine.connect() as conn:
        rows = {r.id: r.name for r in conn.execute(select(entities.c.id, entities.c.name))}
    assert rows == {e.id: e.name for e in renamed}
