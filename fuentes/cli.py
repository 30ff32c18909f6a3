"""The `fuentes` command line: thin Typer commands over the library."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from fuentes import __version__
from fuentes.errors import FuentesError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="fuentes: read news into an evidence-linked, provenance-aware knowledge base.")
out = Console()
err = Console(stderr=True)

DbOption = typer.Option(None, "--db", envvar="FUENTES_DB",
                        help="Store: a SQLite file path (default ./fuentes.db) or a postgresql:// URL.")


def _open(db: Optional[str]):
    from fuentes.store import open_store

    try:
        return open_store(db)
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)


def _auto_workers(total_bytes: int) -> int:
    # Starting worker processes costs about a second each; only worth it for real batches.
    return min(os.cpu_count() or 1, 4) if total_bytes > 4_000_000 else 1


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or RSS/Atom feed URLs."),
    db: Optional[str] = DbOption,
    workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: automatic)."),
    batch_size: int = typer.Option(200, help="Articles written per transaction."),
    max_bytes: int = typer.Option(16 * 1024 * 1024, help="Largest input accepted, in bytes."),
    timeout: float = typer.Option(10.0, help="Seconds before a URL fetch gives up."),
    delay: float = typer.Option(1.0, help="Seconds between two requests to the same host."),
    robots: bool = typer.Option(True, help="Respect robots.txt when fetching URLs."),
    saved_at: Optional[str] = typer.Option(None, help="When the given pages were saved (ISO 8601); "
                                                      "resolves '3 hours ago' in their text."),
    progress: Optional[bool] = typer.Option(None, help="Show a progress bar (default: on a terminal)."),
) -> None:
    """Read articles, clean them and store each exactly once."""
    from fuentes.ingest.files import iter_paths
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.progress import IngestProgress

    store = _open(db)
    local = [spec for spec in inputs if "://" not in spec]
    total = 0
    for path in iter_paths(local):
        try:
            total += Path(path).stat().st_size
        except OSError:
            pass
    options = ReadOptions(max_bytes=max_bytes, timeout=timeout, per_host_delay=delay, respect_robots=robots,
                          saved_at=saved_at)
    workers = workers or _auto_workers(total)
    started = time.monotonic()
    with IngestProgress(total or None, enabled=progress) as bar:
        summary = ingest_items(iter_inputs(inputs, options), store, workers=workers,
                               batch_size=batch_size, on_result=bar)
    elapsed = time.monotonic() - started
    err.print(f"stored {summary.stored}, duplicates {summary.duplicates}, rejected {summary.rejected} "
              f"(of {summary.seen} inputs) in {elapsed:.1f} s with {workers} worker(s)", markup=False)
    raise typer.Exit(1 if summary.rejected else 0)


@app.command()
def analyse(db: Optional[str] = DbOption,
            workers: int = typer.Option(1, "--workers", "-w", help="Worker processes for per-article stages."),
            force: bool = typer.Option(False, help="Re-analyse articles already analysed."),
            progress: Optional[bool] = typer.Option(None, help="Show a progress bar (default: on a terminal).")) -> None:
    """Entities, quotes and provenance for every stored article, then across the corpus."""
    from fuentes.analyse import analyse as run_analysis
    from fuentes.progress import IngestProgress

    store = _open(db)
    started = time.monotonic()
    try:
        with IngestProgress(None, enabled=progress) as bar:
            summary = run_analysis(store, workers=workers, force=force, on_result=bar)
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    err.print(f"analysed {summary.analysed} articles ({summary.failed} failed): {summary.entities} entities, "
              f"{summary.quotes} quotes, {summary.derivations} derivations, {summary.claims} claims, "
              f"{summary.discrepancies} discrepancies, {summary.stories} stories, {summary.events} events, "
              f"{summary.relations} relations ({summary.pairs_examined} article pairs compared) in "
              f"{time.monotonic() - started:.1f} s", markup=False)
    raise typer.Exit(1 if summary.failed else 0)


@app.command("run")
def run_all(inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or feeds."),
            db: Optional[str] = DbOption,
            workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: automatic)."),
            saved_at: Optional[str] = typer.Option(None, help="When the given pages were saved (ISO 8601)."),
            progress: Optional[bool] = typer.Option(None, help="Show a progress bar.")) -> None:
    """The main job: ingest the inputs, then analyse the store (entities, quotes, provenance)."""
    status = 0
    try:
        ingest(inputs, db=db, workers=workers, batch_size=200, max_bytes=16 * 1024 * 1024, timeout=10.0,
               delay=1.0, robots=True, saved_at=saved_at, progress=progress)
    except typer.Exit as done:
        status = done.exit_code or 0
        if status not in (0, 1):
            raise
    try:
        analyse(db=db, workers=max(workers, 1), force=False, progress=progress)
    except typer.Exit as done:
        status = status or (done.exit_code or 0)
    raise typer.Exit(status)


@app.command()
def articles(db: Optional[str] = DbOption,
             limit: int = typer.Option(50, help="How many to list (0: all)."),
             as_json: bool = typer.Option(False, "--json", help="One JSON object per line.")) -> None:
    """List stored articles, newest first."""
    from fuentes.store.articles import count_articles, list_articles

    store = _open(db)
    items = list_articles(store, limit=limit or None)
    if as_json:
        for article in items:
            print(json.dumps({"id": article.id, "outlet": article.outlet, "title": article.title,
                              "published": article.published, "language": article.language,
                              "kind": article.kind, "source": article.source}, ensure_ascii=False))
        return
    table = Table(title=f"{len(items)} of {count_articles(store)} articles")
    for column in ("id", "published", "lang", "kind", "outlet", "title / first words"):
        table.add_column(column, overflow="fold")
    for article in items:
        headline = article.title or " ".join(article.text.split()[:10]) + " ..."
        table.add_row(article.id, article.published or "", article.language or "", article.kind,
                      article.outlet or "", headline)
    out.print(table)


@app.command()
def entities(db: Optional[str] = DbOption,
             kind: Optional[str] = typer.Option(None, help="person, organization, place or other."),
             limit: int = typer.Option(50, help="How many to list (0: all).")) -> None:
    """List the people, groups and places resolved across articles, most reported first."""
    from fuentes.store.analysis import list_entities

    rows = list_entities(_open(db), kind=kind, limit=limit or None)
    table = Table(title=f"{len(rows)} entities")
    for column in ("id", "kind", "name", "articles", "aliases"):
        table.add_column(column, overflow="fold")
    for row in rows:
        aliases = ", ".join(a for a in row["aliases"] or [] if a != row["name"])
        table.add_row(row["id"], row["kind"], row["name"], str(len(row["articles"] or [])), aliases)
    out.print(table)


@app.command()
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


@app.command()
def claims(db: Optional[str] = DbOption,
           min_articles: int = typer.Option(2, help="Only claims reported by at least this many articles."),
           limit: int = typer.Option(50, help="How many to list (0: all).")) -> None:
    """Claims with independent-source counts, Admiralty grades and discrepancies."""
    from fuentes.corpus.grading import claim_rows
    from fuentes.store.analysis import load_corpus_claims

    found, contradictions = load_corpus_claims(_open(db))
    rows = claim_rows(found, contradictions, min_articles=min_articles)
    rows = rows[:limit] if limit else rows
    table = Table(title=f"{len(rows)} claims (grade: 1 confirmed ... 6 cannot be judged)")
    for column in ("grade", "independent", "articles", "claim", "origins", "discrepancies"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(str(row["grade"]), str(row["independent_sources"]), str(row["articles"]), row["text"],
                      row["origins"], row["discrepancies"])
    out.print(table)
    for item in contradictions:
        out.print(f"[bold]discrepancy[/bold] about {item.about}:", highlight=False)
        for value in item.values:
            out.print(f"    {value.get('value')!s}  <- {', '.join(value.get('articles', []))}",
                      markup=False, highlight=False)


@app.command()
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


@app.command()
def timeline(db: Optional[str] = DbOption,
             entity: Optional[str] = typer.Option(None, help="Only events involving this entity (id or name)."),
             story: Optional[str] = typer.Option(None, help="Only events of this story id.")) -> None:
    """Dated events with their sources and independent-source counts."""
    from fuentes.corpus.timeline import format_rows, timeline_rows
    from fuentes.store.analysis import load_corpus_entities, load_corpus_events, story_map
    from fuentes.store.articles import iter_articles

    store = _open(db)
    rows = timeline_rows(load_corpus_events(store), load_corpus_entities(store), list(iter_articles(store)),
                         entity=entity, story=story, stories=story_map(store))
    out.print(format_rows(rows) or "no events", markup=False, highlight=False)


@app.command()
def provenance(db: Optional[str] = DbOption) -> None:
    """Who copied whom: each origin outlet with the articles that carry its reporting."""
    from rich.tree import Tree

    from fuentes.store.analysis import provenance_rows

    rows = provenance_rows(_open(db))
    in_corpus = {row["outlet"] for row in rows if row["kind"] == "original"}
    by_origin: dict[str, list[dict]] = {}
    for row in rows:
        by_origin.setdefault(row["origin"] or row["outlet"] or "unknown origin", []).append(row)
    for origin, members in sorted(by_origin.items(), key=lambda item: (-len(item[1]), item[0])):
        label = origin if origin in in_corpus else f"{origin} (not in the corpus)"
        tree = Tree(f"[bold]{label}[/bold]: {len(members)} article(s), 1 independent source")
        for row in sorted(members, key=lambda r: (r["kind"] != "original", r["published"] or "", r["id"])):
            title = row["title"] or ""
            node = tree.add(f"{row['kind']}: {row['id']} {row['outlet'] or ''} {title[:60]}")
            for link in row["derived_from"]:
                node.add(f"[dim]{link['kind']} of {link['source']} (score {link['score'] or 0:.2f})[/dim]")
        out.print(tree)


@app.command()
def show(item_id: str = typer.Argument(..., help="An article id, an entity id, or an entity name."),
         db: Optional[str] = DbOption,
         removed: bool = typer.Option(False, help="Also print the page furniture that was removed.")) -> None:
    """Show one article (metadata, sources, clean text) or one entity (aliases, roles, quotes)."""
    from fuentes.store.articles import article_sources_of, get_article

    store = _open(db)
    article = get_article(store, item_id) if item_id.startswith("art_") else None
    if article is None:
        if _show_entity(store, item_id):
            return
        err.print(f"error: no article or entity {item_id!r} in {store.url}", markup=False)
        raise typer.Exit(2)
    for label, value in (("id", article.id), ("outlet", article.outlet), ("title", article.title),
                         ("byline", article.byline), ("published", article.published),
                         ("language", article.language), ("kind", article.kind), ("origin", article.origin),
                         ("url", article.url), ("saved at", article.saved_at)):
        if value:
            out.print(f"[bold]{label:>10}[/bold]  ", end="")
            out.print(value, markup=False, highlight=False)
    for source in article_sources_of(store, article.id):
        out.print(f"[bold]{'read from':>10}[/bold]  ", end="")
        out.print(source, markup=False, highlight=False)
    for field, how in sorted(article.meta_evidence.items()):
        out.print(f"[dim]{field} from {how}[/dim]", markup=True, highlight=False)
    out.print()
    out.print(article.text, markup=False, highlight=False)
    if removed and article.removed:
        out.print("\n[bold]removed page furniture[/bold]")
        for item in article.removed:
            out.print(f"  [{item.reason}] {item.text}", markup=False, highlight=False)


def _show_entity(store, item_id: str) -> bool:
    from fuentes.store.analysis import get_entity, quotes_of

    entity = get_entity(store, item_id)
    if entity is None:
        return False
    out.print(f"[bold]{entity['name']}[/bold] ({entity['kind']}, {entity['id']})")
    for label, values in (("aliases", entity["aliases"]), ("roles", entity["roles"]),
                          ("articles", entity["articles"])):
        out.print(f"[bold]{label:>9}[/bold]  ", end="")
        out.print("; ".join(values or []) or "-", markup=False, highlight=False)
    for reason in entity["merge_evidence"] or []:
        out.print(f"[dim]   merged  {reason}[/dim]", highlight=False)
    for row in quotes_of(store, entity_id=entity["id"]):
        out.print(f"  said in {row['outlet'] or row['article_id']}: ", end="")
        out.print(row["text"], markup=False, highlight=False)
    return True


@app.command()
def export(db: Optional[str] = DbOption,
           format: str = typer.Option("jsonl", "--format", "-f", help="Export format: jsonl."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout).")) -> None:
    """Export the knowledge base (one JSON object per line, each with a `type`)."""
    from fuentes.export.jsonl import export_jsonl

    if format != "jsonl":
        err.print(f"error: unknown export format {format!r}; available: jsonl", markup=False)
        raise typer.Exit(2)
    store = _open(db)
    if output is None:
        count = export_jsonl(store, sys.stdout)
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = export_jsonl(store, handle)
    err.print(f"exported {count} records", markup=False)


@app.command()
def rejections(db: Optional[str] = DbOption) -> None:
    """Inputs that could not be stored, with the reason (a re-run retries them)."""
    from fuentes.store.articles import list_rejections

    for rejection in list_rejections(_open(db)):
        out.print(f"{rejection.source}: {rejection.reason}", markup=False, highlight=False)


@app.command()
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          token: Optional[str] = typer.Option(None, "--token", envvar="FUENTES_TOKEN",
                                              help="Allow writing (upload, URL ingest) to requests bearing it."),
          max_upload: int = typer.Option(16 * 1024 * 1024, help="Largest upload accepted, in bytes."),
          allow_private_urls: bool = typer.Option(False, "--allow-private-urls",
                                                  help="Let URL ingest fetch loopback and private addresses.")) -> None:
    """The analyst's workbench: web pages and a JSON API over the store (read-only without --token)."""
    import uvicorn

    from fuentes.web.app import create_app

    application = create_app(_open(db), token=token, max_upload=max_upload, allow_private_urls=allow_private_urls)
    mode = "writable with the token" if token else "read-only"
    err.print(f"serving {application.state.store.url.split('@')[-1]} on http://{host}:{port} ({mode})",
              markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
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


@app.command()
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

    from fuentes.corpus.entity_decisions import entity_of, record_decision, refresh_entities

    store = _open(db)
    try:
        decision = record_decision(store, kind, first, second, f"cli:{getpass.getuser()}", note)
    except ValueError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    for line in refresh_entities(store):
        err.print(f"note: {line}", markup=False)
    one, two = entity_of(store, decision.first), entity_of(store, decision.second)
    together = bool(one and two and one["id"] == two["id"])
    word = "merged" if kind == "merge" else "kept apart"
    if together != (kind == "merge"):
        err.print(f"recorded, but not applied: {decision.first!r} and {decision.second!r}", markup=False)
        raise typer.Exit(1)
    shown = f"{one['name']} ({one['id']})" if together else " / ".join(row["id"] for row in (one, two) if row)
    out.print(f"{word}: {decision.first!r} and {decision.second!r} -> {shown}; every analysis applies it "
              f"(run `fuentes analyse` to update stories, claims and relations)", markup=False, highlight=False)


@app.command()
def merge(first: str = typer.Argument(..., help="An entity name, alias or id."),
          second: str = typer.Argument(..., help="The other entity."),
          note: Optional[str] = typer.Option(None, help="Why they are one (kept with the decision)."),
          db: Optional[str] = DbOption) -> None:
    """An analyst's merge: two entities are one. Kept in the store; every analysis applies it."""
    _entity_decision("merge", first, second, note, db)


@app.command()
def split(first: str = typer.Argument(..., help="An entity name, alias or id."),
          second: str = typer.Argument(..., help="A name the automatic rules join with it wrongly."),
          note: Optional[str] = typer.Option(None, help="Why they are different."),
          db: Optional[str] = DbOption) -> None:
    """An analyst's split: two names are different entities. Kept in the store; every analysis applies it."""
    _entity_decision("split", first, second, note, db)


@app.command()
def version() -> None:
    """Print the fuentes version."""
    out.print(f"fuentes {__version__}")


from fuentes.network.cli import network_app  # noqa: E402  (sub-command groups)
from fuentes.spark.cli import load_command, spark_app  # noqa: E402  (imports no pyspark)

app.add_typer(network_app, name="network")
app.add_typer(spark_app, name="spark")
app.command("load")(load_command)

if __name__ == "__main__":
    app()
