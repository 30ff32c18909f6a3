"""`fuentes` commands over the knowledge base: listings (entities, quotes, claims, outlets,
timeline, provenance, relations, watchlist hits) and the analyst's merge and split.

The functions are plain Typer command functions; fuentes.cli registers them on its app in the
order the help lists them (`LISTINGS`, then `CURATION`)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import typer
from rich.table import Table

from fuentes.cli_common import DbOption, add_id_column, cut_note, err, out
from fuentes.cli_common import open_db
from fuentes.cli_common import open_existing as _open  # listings only read: the store must exist
from fuentes.errors import FuentesError


def entities(db: Optional[str] = DbOption,
             kind: Optional[str] = typer.Option(None, help="person, organization, place or other."),
             limit: int = typer.Option(50, help="How many to list (0: all).")) -> None:
    """List the people, groups and places resolved across articles, most reported first."""
    from fuentes.store.analysis import list_entities

    found = list_entities(_open(db), kind=kind)
    rows = found[:limit] if limit else found
    table = Table(title=f"{len(rows)} of {len(found)} entities")
    add_id_column(table, [row["id"] for row in rows])
    for column in ("kind", "name", "articles", "aliases"):
        table.add_column(column, overflow="fold")
    for row in rows:
        aliases = ", ".join(a for a in row["aliases"] or [] if a != row["name"])
        table.add_row(row["id"], row["kind"], row["name"], str(len(row["articles"] or [])), aliases)
    out.print(table)
    cut_note(len(rows), len(found), "entities")


def quotes(db: Optional[str] = DbOption,
           entity: Optional[str] = typer.Option(None, help="Only quotes of this entity (id or name)."),
           article: Optional[str] = typer.Option(None, help="Only quotes in this article.")) -> None:
    """Who said what: quotes with their speakers; reworded variants marked."""
    from fuentes.store.analysis import get_entity, quotes_of

    store = _open(db)
    entity_id = None
    if entity:
        found = get_entity(store, entity)
        if found is None:
            err.print(f"error: no entity {entity!r}", markup=False)
            raise typer.Exit(2)
        entity_id = found["id"]
    for row in quotes_of(store, entity_id=entity_id, article_id=article):
        mark = " [variant of " + row["variant_of"] + "]" if row["variant_of"] else ""
        kind = "" if row["direct"] else " (reported)"
        out.print(f"{row['speaker_name'] or '?'}{kind} in {row['outlet'] or row['article_id']}{mark}:",
                  markup=False, highlight=False)
        out.print(f"    {row['text']}", markup=False, highlight=False)


def claims(db: Optional[str] = DbOption,
           min_articles: int = typer.Option(2, help="Only claims reported by at least this many articles."),
           limit: int = typer.Option(50, help="How many to list (0: all).")) -> None:
    """Claims with independent-source counts, Admiralty grades and discrepancies, grouped by story
    and subject with their slots as columns; best grade first."""
    from fuentes.corpus.grading import claim_rows
    from fuentes.store.analysis import load_corpus_claims, rows_of
    from fuentes.store.views import entity_names
    from fuentes.views.claims import SLOTS, group_claims, order_claims, slot_label
    from fuentes.views.fields import as_list

    store = _open(db)
    found, contradictions = load_corpus_claims(store)
    every = order_claims(claim_rows(found, contradictions, min_articles=min_articles))
    rows = every[:limit] if limit else every
    stories = rows_of(store, "stories")
    of_article = {a: str(row["id"]) for row in stories for a in as_list(row.get("articles"))}
    by_id = {c.id: c for c in found}
    groups = group_claims([by_id[r["id"]] for r in rows], of_article, {str(r["id"]): r.get("title") for r in stories},
                          slot_label(entity_names(store)))
    listed = {r["id"]: r for r in rows}
    table = Table(title=f"{len(rows)} of {len(every)} claims by story and subject "
                        "(grade: 1 confirmed ... 6 cannot be judged)")
    for column in ("grade", "independent", *(slot.replace("_", " ") for slot in SLOTS), "claim", "discrepancies"):
        table.add_column(column, overflow="fold")
    for group in groups:
        story = group["story_title"] or group["story"] or "no story"
        table.add_section()
        table.add_row("", "", f"[bold]{story}[/bold] · {group['subject_name'] or 'no subject named'}")
        for claim, slots in group["claims"]:
            row = listed[claim.id]
            table.add_row(str(row["grade"]), str(row["independent_sources"]), *(slots[slot] for slot in SLOTS),
                          row["text"], row["discrepancies"])
    out.print(table)
    cut_note(len(rows), len(every), f"claims reported by at least {min_articles} articles")
    for item in contradictions:
        out.print(f"[bold]discrepancy[/bold] about {item.about}:", highlight=False)
        for value in item.values:
            out.print(f"    {value.get('value')!s}  <- {', '.join(value.get('articles', []))}",
                      markup=False, highlight=False)


def outlets(db: Optional[str] = DbOption) -> None:
    """Per outlet: original reporting vs copies, and how often its claims are corroborated or contradicted."""
    from fuentes.corpus.grading import outlet_report
    from fuentes.store.analysis import load_corpus_claims
    from fuentes.store.articles import iter_articles

    store = _open(db)
    articles = list(iter_articles(store))
    found, contradictions = load_corpus_claims(store)
    rows = outlet_report({a.id: (a.outlet, a.kind) for a in articles}, {a.id: a.origin for a in articles},
                         found, contradictions)
    table = Table(title=f"{len(rows)} outlets")
    for column in ("outlet", "articles", "original", "copies", "claims", "corroborated", "contradicted"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.outlet, str(row.articles), f"{row.original} ({row.original_share:.0%})", str(row.copies),
                      str(row.claims), f"{row.corroborated} ({row.corroborated_share:.0%})",
                      f"{row.contradicted} ({row.contradicted_share:.0%})")
    out.print(table)


def stories(db: Optional[str] = DbOption,
            limit: int = typer.Option(50, help="How many to list (0: all)."),
            as_json: bool = typer.Option(False, "--json", help="One JSON object per line.")) -> None:
    """Stories: title, dates, articles, outlets and independent sources of each, biggest first.

    A story is the set of articles that report one event. `fuentes show STORY_ID` shows one,
    `fuentes timeline --story STORY_ID` its events."""
    import json

    from fuentes.views.stories import list_stories

    found = list_stories(_open(db))
    rows = found[:limit] if limit else found
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        table = Table(title=f"{len(rows)} of {len(found)} stories", caption="indep.: independent sources")
        add_id_column(table, [row["id"] for row in rows])
        table.add_column("dates", no_wrap=True)
        for column in ("arts", "outlets", "indep."):
            table.add_column(column, justify="right", no_wrap=True)
        table.add_column("title", overflow="fold", ratio=1)
        for row in rows:
            start, end = row["start"] or "?", row["end"] or "?"
            dates = start if start == end else f"{start}\n{end}"
            table.add_row(row["id"], dates, str(len(row["articles"])), str(len(row["outlets"])),
                          str(row["independent_sources"]), row["title"] or "")
        out.print(table)
        if not found:
            err.print("no stories in this store (run `fuentes analyse`)", markup=False)
    cut_note(len(rows), len(found), "stories")


def timeline(db: Optional[str] = DbOption,
             entity: Optional[str] = typer.Option(None, help="Only events involving this entity (id or name)."),
             story: Optional[str] = typer.Option(None, help="Only events of this story id."),
             kind: Optional[str] = typer.Option(None, "--kind", "--type",
                                                help="Only events of this type: fuentes type (arrest), ACLED event "
                                                     "type (Battles) or sub-event type ('Armed clash')."),
             place: Optional[str] = typer.Option(None, help="Only events in this place (id or name).")) -> None:
    """Dated events with their sources and independent-source counts."""
    from fuentes.corpus.timeline import format_rows, timeline_rows
    from fuentes.store.analysis import load_corpus_entities, load_corpus_events, story_map
    from fuentes.store.articles import iter_articles

    store = _open(db)
    rows = timeline_rows(load_corpus_events(store), load_corpus_entities(store), list(iter_articles(store)),
                         entity=entity, story=story, stories=story_map(store), kind=kind, place=place)
    out.print(format_rows(rows) or "no events", markup=False, highlight=False)


def provenance(db: Optional[str] = DbOption) -> None:
    """Who copied whom: each origin outlet with the articles that carry its reporting."""
    from rich.tree import Tree

    from fuentes.store.analysis import provenance_rows
    from fuentes.views.provenance import provenance_groups

    for group in provenance_groups(provenance_rows(_open(db))):
        origin, members = group["origin"], group["articles"]
        label = origin if group["in_corpus"] else f"{origin} (not in the corpus)"
        tree = Tree(f"[bold]{label}[/bold]: {len(members)} article(s), 1 independent source")
        for row in members:
            title = row["title"] or ""
            node = tree.add(f"{row['kind']}: {row['id']} {row['outlet'] or ''} {title[:60]}")
            for link in row["derived_from"]:
                node.add(f"[dim]{link['kind']} of {link['source']} (score {link['score'] or 0:.2f})[/dim]")
        out.print(tree)


def relations(db: Optional[str] = DbOption,
              relation: Optional[str] = typer.Option(None, help="Only this relation type (leader_of, rival_of...)."),
              entity: Optional[str] = typer.Option(None, help="Only relations of this entity (id or name).")) -> None:
    """Typed relations between entities, with independent sources; allegations marked."""
    from fuentes.store.analysis import get_entity, load_corpus_entities, load_corpus_relations

    store = _open(db)
    names = {e.id: e.name for e in load_corpus_entities(store)}
    wanted = get_entity(store, entity)["id"] if entity and get_entity(store, entity) else entity
    for item in sorted(load_corpus_relations(store), key=lambda r: (r.predicate, names.get(r.subject, r.subject))):
        if relation and item.predicate != relation or wanted and wanted not in (item.subject, item.object):
            continue
        flag = " (allegation)" if item.allegation else ""
        when = f" [{item.start or '?'} .. {item.end or ''}]" if item.start or item.end else ""
        out.print(f"{names.get(item.subject, item.subject)} {item.predicate} {names.get(item.object, item.object)}"
                  f"{flag}{when}  <- {item.independent_sources} independent, {len(item.articles)} article(s)",
                  markup=False, highlight=False)


def watchlist(path: Optional[Path] = typer.Argument(None, help="A FollowTheMoney JSON-lines file to import first."),
              db: Optional[str] = DbOption,
              min_score: float = typer.Option(0.7, help="Lowest score shown.")) -> None:
    """Match resolved entities against a watchlist (FollowTheMoney entities, as OpenSanctions publishes)."""
    from fuentes.store.watchlists import import_watchlist, refresh_hits

    store = _open(db)
    try:
        if path is not None:
            imported = import_watchlist(store, path)
            err.print(f"imported {imported} watchlist entities from {path}", markup=False)
        hits = refresh_hits(store, min_score=min_score)
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    for hit in hits:
        how = "; ".join(f"{m.ours!r}~{m.theirs!r} ({m.field}, {m.method}, {m.score:.2f}{', weak' if m.weak else ''})"
                        for m in hit.evidence)
        out.print(f"{hit.score:.2f}  {hit.entity_name} ({hit.entity}) = {hit.watchlist_name} [{hit.schema}, "
                  f"{hit.watchlist_id}]  {how}", markup=False, highlight=False)
    if not hits:
        out.print("no watchlist hits")


def _entity_decision(kind: str, first: str, second: str, note: Optional[str], db: Optional[str]) -> None:
    import getpass

    from fuentes.corpus.entity_decisions import make_decision

    store = open_db(db)
    try:
        done = make_decision(store, kind, first, second, f"cli:{getpass.getuser()}", note)
    except (ValueError, FuentesError) as error:  # a side names no entity; the store refused the write
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    for line in done.notes:
        err.print(f"note: {line}", markup=False)
    decision, (one, two) = done.decision, done.entities
    word = "merged" if kind == "merge" else "kept apart"
    if not done.applied:
        err.print(f"recorded, but not applied: {decision.first!r} and {decision.second!r}", markup=False)
        raise typer.Exit(1)
    shown = " / ".join(row["id"] for row in (one, two) if row)
    if kind == "merge" and one is not None:  # applied: both sides name this one entity
        shown = f"{one['name']} ({one['id']})"
    out.print(f"{word}: {decision.first!r} and {decision.second!r} -> {shown}; every analysis applies it "
              f"(run `fuentes analyse` to update stories, claims and relations)", markup=False, highlight=False)


def merge(first: str = typer.Argument(..., help="An entity name, alias or id."),
          second: str = typer.Argument(..., help="The other entity."),
          note: Optional[str] = typer.Option(None, help="Why they are one (kept with the decision)."),
          db: Optional[str] = DbOption) -> None:
    """An analyst's merge: two entities are one. Kept in the store; every analysis applies it."""
    _entity_decision("merge", first, second, note, db)


def split(first: str = typer.Argument(..., help="An entity name, alias or id."),
          second: str = typer.Argument(..., help="A name the automatic rules join with it wrongly."),
          note: Optional[str] = typer.Option(None, help="Why they are different."),
          db: Optional[str] = DbOption) -> None:
    """An analyst's split: two names are different entities. Kept in the store; every analysis applies it."""
    _entity_decision("split", first, second, note, db)


LISTINGS: tuple[Callable[..., None], ...] = (entities, quotes, claims, outlets, stories, timeline, provenance)
CURATION: tuple[Callable[..., None], ...] = (relations, watchlist, merge, split)


def register(app: typer.Typer, commands: tuple[Callable[..., None], ...]) -> None:
    """Add `commands` to `app`, each under its function's name."""
    for command in commands:
        app.command()(command)
