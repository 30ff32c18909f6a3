"""Quote variant links saved by difference: only the quotes whose link changed are written."""

from __future__ import annotations

from sqlalchemy import event, select

from fuentes.store.analysis import save_quote_variants
from fuentes.store.articles import save_batch
from fuentes.store.schema import quotes


def _links(store) -> dict[str, str | None]:
    with store.engine.connect() as conn:
        return {r.id: r.variant_of for r in conn.execute(select(quotes.c.id, quotes.c.variant_of))}


def test_quote_variants_are_saved_by_difference(store):
    save_batch(store, [{"id": "art_a", "source": "a.txt", "text": "El fiscal dijo: «No habrá impunidad».",
                        "language": "es", "kind": "unknown"},
                       {"id": "art_b", "source": "b.txt", "text": "The prosecutor said: \"There will be no impunity.\"",
                        "language": "en", "kind": "unknown"}])
    with store.engine.begin() as conn:
        conn.execute(quotes.insert(), [{"id": f"quo_{n}", "article_id": "art_a" if n < 3 else "art_b",
                                        "text": f"quote {n}", "start": n, "end": n + 5, "direct": True}
                                       for n in range(5)])
    save_quote_variants(store, {"quo_1": "quo_0", "quo_3": "quo_0"})
    assert _links(store) == {"quo_0": None, "quo_1": "quo_0", "quo_2": None, "quo_3": "quo_0", "quo_4": None}
    written: list = []
    if store.dialect == "sqlite":
        event.listen(store.engine, "before_cursor_execute", lambda *args: written.append(args[2]))
    save_quote_variants(store, {"quo_1": "quo_0", "quo_3": "quo_2", "quo_4": "quo_0"})  # quo_3 moves, quo_4 joins
    assert _links(store) == {"quo_0": None, "quo_1": "quo_0", "quo_2": None, "quo_3": "quo_2", "quo_4": "quo_0"}
    save_quote_variants(store, {"quo_4": "quo_0"})  # the others' links go
    assert _links(store) == {"quo_0": None, "quo_1": None, "quo_2": None, "quo_3": None, "quo_4": "quo_0"}
    if store.dialect == "sqlite":
        updates = [sql for sql in written if sql.lstrip().upper().startswith("UPDATE")]
        assert len(updates) == 2  # one statement per save, for the changed quotes only
        written.clear()
        save_quote_variants(store, {"quo_4": "quo_0"})  # nothing changed: nothing written
        assert not [sql for sql in written if sql.lstrip().upper().startswith("UPDATE")]
