"""The `fuentes` command line: thin Typer commands over the library.

Knowledge-base listings and the analyst's merge/split live in fuentes.cli_knowledge, `serve`
in fuentes.web.cli, sub-command groups in fuentes.network.cli and fuentes.spark.cli; all are
registered here, in the order `fuentes --help` lists them."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from fuentes import __version__, cli_knowledge
from fuentes.cli_common import DbOption, add_id_column, cut_note, err, out
from fuentes.cli_common import open_db as _open
from fuentes.cli_common import open_existing
from fuentes.errors import FuentesError
from fuentes.web.cli import serve

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="fuentes: read news into an evidence-linked, provenance-aware knowledge base.")


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
    budget: float = typer.Option(60.0, help="Most seconds one document may take to clean (0: no limit): each gets "
                                            "30 s plus 10 s per MB, up to this. A page the cleaner's estimate puts "
                                            "over its budget is rejected before cleaning, one that overruns it is "
                                            "stopped; either way with the reason, and the batch goes on."),
    memory_mb: int = typer.Option(2048, help="Memory one document may take to clean, in MB (0: no limit)."),
) -> None:
    """Read articles, clean them and store each exactly once."""
    from fuentes.ingest.files import iter_paths
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import ReadOptions, iter_inputs
    from fuentes.progress import IngestProgress, printable

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
    try:
        with IngestProgress(total or None, enabled=progress) as bar:
            summary = ingest_items(iter_inputs(inputs, options), store, workers=workers,
                                   batch_size=batch_size, on_result=bar, budget=budget or None,
                                   memory_mb=memory_mb or None)
    except FuentesError as error:  # the store refused a write: status 2, as for a store that will not open
        err.print(f"error: {printable(error)}", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    except Exception as error:  # a bug: never status 1, which means "some input was rejected"
        err.print(f"internal error: {type(error).__name__}: {printable(error)[:500]} (please report it; "
                  "batches already written are kept)", markup=False, soft_wrap=True)
        raise typer.Exit(3)
    except KeyboardInterrupt:
        err.print("interrupted: batches already written are kept; run again to finish", markup=False)
        raise typer.Exit(130)
    elapsed = time.monotonic() - started
    err.print(f"stored {summary.stored}, duplicates {summary.duplicates}, rejected {summary.rejected} "
              f"(of {summary.seen} inputs) in {elapsed:.1f} s with {workers} worker(s)", markup=False)
    if summary.languages_note():
        err.print(summary.languages_note(), markup=False, soft_wrap=True)
    raise typer.Exit(1 if summary.rejected else 0)


@app.command()
def analyse(db: Optional[str] = DbOption,
            workers: int = typer.Option(0, "--workers", "-w", help="Worker processes for per-article stages "
                                                                  "(0: automatic, one per core for 40 articles or more)."),
            force: bool = typer.Option(False, help="Re-analyse articles already analysed."),
            progress: Optional[bool] = typer.Option(None, help="Show a progress bar (default: on a terminal)."),
            window_days: Annotated[Optional[int], typer.Option(
                "--window-days", min=0, help="Compare for derivations only articles published at most N days "
                "apart (undated ones: the day saved, else every article). Changing it rebuilds the "
                "saved provenance index.")] = None) -> None:
    """Entities, quotes and provenance for every stored article, then across the corpus."""
    from fuentes.analyse import analyse as run_analysis
    from fuentes.clean.language import not_analysed_counts
    from fuentes.progress import IngestProgress

    store = _open(db)
    started = time.monotonic()
    try:
        with IngestProgress(None, enabled=progress) as bar:
            summary = run_analysis(store, workers=workers, force=force, on_result=bar,
                                   window_days=window_days,
                                   on_stage=lambda report: err.print(report.line(), markup=False))
    except FuentesError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    err.print(f"analysed {summary.analysed} articles ({summary.failed} failed): {summary.entities} entities, "
              f"{summary.quotes} quotes, {summary.derivations} derivations, {summary.claims} claims, "
              f"{summary.discrepancies} discrepancies, {summary.stories} stories, {summary.events} events, "
              f"{summary.relations} relations ({summary.pairs_examined} article pairs compared) in "
              f"{time.monotonic() - started:.1f} s", markup=False)
    if summary.not_analysed:
        err.print(f"not analysed: {sum(summary.not_analysed.values())} article(s) in other languages "
                  f"({not_analysed_counts(summary.not_analysed)}); provenance and stories still read them",
                  markup=False, soft_wrap=True)
    if summary.corpus_up_to_date:
        err.print("corpus stages: nothing new since the last complete run, its results stand", markup=False)
    raise typer.Exit(1 if summary.failed else 0)


@app.command("run")
def run_all(inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or feeds."),
            db: Optional[str] = DbOption,
            workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: automatic)."),
            saved_at: Optional[str] = typer.Option(None, help="When the given pages were saved (ISO 8601)."),
            progress: Optional[bool] = typer.Option(None, help="Show a progress bar."),
            budget: float = typer.Option(60.0, help="Most seconds one document may take to clean (0: no limit); "
                                                    "see `fuentes ingest --help`."),
            memory_mb: int = typer.Option(2048, help="Memory one document may take to clean, in MB (0: no limit).")
            ) -> None:
    """The main job: ingest the inputs, then analyse the store (entities, quotes, provenance)."""
    status = 0
    try:
        ingest(inputs, db=db, workers=workers, batch_size=200, max_bytes=16 * 1024 * 1024, timeout=10.0,
               delay=1.0, robots=True, saved_at=saved_at, progress=progress, budget=budget, memory_mb=memory_mb)
    except typer.Exit as done:
        status = done.exit_code or 0
        if status not in (0, 1):
            raise
    try:
        analyse(db=db, workers=workers, force=False, progress=progress)
    except typer.Exit as done:
        status = status or (done.exit_code or 0)
    raise typer.Exit(status)


@app.command()
def watch(feeds: list[str] = typer.Argument(..., help="RSS/Atom feed URLs to follow."),
          db: Optional[str] = DbOption,
          every: str = typer.Option("10m", help="Time between two polls of a feed (90, 30s, 10m, 1h); at least 1m."),
          rounds: Optional[int] = typer.Option(None, help="Stop after this many rounds (default: until stopped)."),
          workers: int = typer.Option(1, "--workers", "-w", help="Worker processes for cleaning and analysis."),
          analyse_new: bool = typer.Option(True, "--analyse/--no-analyse", help="Analyse new articles after each round."),
          timeout: float = typer.Option(10.0, help="Seconds before a fetch gives up."),
          delay: float = typer.Option(1.0, help="Seconds between two requests to the same host."),
          robots: bool = typer.Option(True, help="Respect robots.txt.")) -> None:
    """Follow feeds: poll politely, store and analyse new entries; a restart goes on where it stopped."""
    from fuentes.ingest.sources import ReadOptions
    from fuentes.ingest.watch import parse_interval
    from fuentes.ingest.watch import watch as follow
    from fuentes.progress import printable

    try:
        seconds = parse_interval(every)
    except ValueError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    if seconds < 60:
        err.print(f"error: --every {every} polls too often; feeds are polled at most once a minute", markup=False)
        raise typer.Exit(2)
    bad = [feed for feed in feeds if not feed.startswith(("http://", "https://"))]
    if bad:
        err.print(f"error: not a feed URL: {bad[0]} (watch follows http(s) RSS/Atom feeds; use `fuentes ingest` "
                  "for files)", markup=False)
        raise typer.Exit(2)
    store = _open(db)
    options = ReadOptions(timeout=timeout, per_host_delay=delay, respect_robots=robots)

    def report(done) -> None:
        for poll in done.polls:
            err.print(f"round {done.number}: {printable(poll.feed)}: {printable(poll.result)}"
                      + (f" (stored {poll.summary.stored}, duplicates {poll.summary.duplicates}, rejected "
                         f"{poll.summary.rejected})" if poll.summary.seen else ""), markup=False, soft_wrap=True)
            for rejection in poll.summary.rejections:
                err.print(f"  rejected {printable(rejection.source)}: {printable(rejection.reason)}", markup=False,
                          soft_wrap=True)
        if done.analysis is not None:
            a = done.analysis
            err.print(f"round {done.number}: analysed {a.analysed} articles: {a.entities} entities, {a.claims} "
                      f"claims, {a.events} events, {a.stories} stories", markup=False)

    try:
        follow(store, feeds, every=seconds, rounds=rounds, options=options, workers=workers, analyse=analyse_new,
               on_round=report)
    except KeyboardInterrupt:
        err.print("stopped: what was read is stored; `fuentes watch` again goes on where it stopped", markup=False)
        raise typer.Exit(130)


@app.command()
def articles(db: Optional[str] = DbOption,
             limit: int = typer.Option(50, help="How many to list (0: all)."),
             as_json: bool = typer.Option(False, "--json", help="One JSON object per line.")) -> None:
    """List stored articles, newest first."""
    from fuentes.codecs import ARTICLE
    from fuentes.store.articles import count_articles, list_articles

    store = open_existing(db)
    items = list_articles(store, limit=limit or None)
    total = count_articles(store)
    if as_json:
        for article in items:
            print(json.dumps(ARTICLE.summary(article), ensure_ascii=False))
        cut_note(len(items), total, "articles")
        return
    table = Table(title=f"{len(items)} of {total} articles")
    add_id_column(table, [article.id for article in items])
    for column in ("published", "lang", "kind", "outlet", "title / first words"):
        table.add_column(column, overflow="fold")
    for article in items:
        headline = article.title or " ".join(article.text.split()[:10]) + " ..."
        table.add_row(article.id, article.published or "", article.language or "", article.kind,
                      article.outlet or "", headline)
    out.print(table)
    cut_note(len(items), total, "articles")



cli_knowledge.register(app, cli_knowledge.LISTINGS)


@app.command()
def show(item_id: str = typer.Argument(..., help="An article id, a story id, an entity id, or an entity name."),
         db: Optional[str] = DbOption,
         removed: bool = typer.Option(False, help="Also print the page furniture that was removed.")) -> None:
    """Show one article (metadata, sources, clean text), one story (dates, outlets, independent sources,
    articles, derivations) or one entity (aliases, roles, quotes)."""
    from fuentes.progress import printable
    from fuentes.store.articles import article_sources_of, get_article

    store = open_existing(db)
    article = get_article(store, item_id) if item_id.startswith("art_") else None
    if article is None:
        if _show_story(store, item_id) or _show_entity(store, item_id):
            return
        err.print(f"error: no article, story or entity {item_id!r} in {store.url}", markup=False)
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
        out.print(printable(source), markup=False, highlight=False)
    for field, how in sorted(article.meta_evidence.items()):
        out.print(f"[dim]{field} from {how}[/dim]", markup=True, highlight=False)
    out.print()
    out.print(article.text, markup=False, highlight=False)
    if removed and article.removed:
        out.print("\n[bold]removed page furniture[/bold]")
        for item in article.removed:
            out.print(f"  [{item.reason}] {item.text}", markup=False, highlight=False)


def _show_story(store, item_id: str) -> bool:
    from fuentes.views.stories import get_story

    story = get_story(store, item_id) if item_id.startswith("sto_") else None
    if story is None:
        return False
    dates = story["start"] if story["start"] == story["end"] else f"{story['start'] or '?'} .. {story['end'] or '?'}"
    for label, value in (("story", story["id"]), ("title", story["title"]), ("dates", dates),
                         ("articles", str(len(story["articles"]))), ("outlets", "; ".join(story["outlets"])),
                         ("independent", f"{story['independent_sources']} source(s)")):
        out.print(f"[bold]{label:>11}[/bold]  ", end="")
        out.print(value or "-", markup=False, highlight=False)
    out.print()
    for row in story["article_rows"]:
        out.print(f"{row['id']}  {row['published'] or '?':<10}  {row['kind']:<10}  {row['outlet'] or ''}: "
                  f"{row['title'] or ''}", markup=False, highlight=False, soft_wrap=True)
    for link in story["derivations"]:
        out.print(f"[dim]{link['target']} {link['kind']} of {link['source']} (score {link['score'] or 0:.2f})[/dim]",
                  highlight=False, soft_wrap=True)
    out.print(f"[dim]events: fuentes timeline --story {story['id']}[/dim]", highlight=False, soft_wrap=True)
    return True


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
           format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one file), csv (one CSV per record "
                                      "type, in the folder or .zip given by -o) or parquet (one file per type in "
                                      "the folder given by -o; needs pyarrow)."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout); for "
                                                 "csv a folder or a .zip, for parquet a folder."),
           check: bool = typer.Option(False, "--check", help="Write nothing: say, per record type, how many records "
                                      "carry evidence inside their articles' text (exit 1 when some do not).")) -> None:
    """Export the knowledge base as JSON lines, CSV or Parquet.

    JSON lines: one object per line, each with a `type`. CSV and Parquet: one file per record
    type, nested values as JSON text."""
    from fuentes.export.jsonl import export_jsonl, iter_records

    if format not in ("jsonl", "csv", "parquet"):
        err.print(f"error: unknown export format {format!r}; available: jsonl, csv, parquet", markup=False)
        raise typer.Exit(2)
    if format != "jsonl" and output is None and not check:
        err.print(f"error: --format {format} writes one file per record type: give a folder"
                  f"{' or a .zip' if format == 'csv' else ''} with -o", markup=False)
        raise typer.Exit(2)
    store = open_existing(db)
    if check:
        from fuentes.export.evidence_check import check_export, problems

        report = check_export(iter_records(store))
        for kind, row in sorted(report.items()):
            named = (f", {row['share_spans_reading_as_name']:.1%} of spans read as a name"
                     if row.get("share_spans_reading_as_name") is not None else "")
            out.print(f"{kind:>12}: {row['with_evidence']}/{row['records']} with evidence, {row['spans_inside']}/"
                      f"{row['spans']} spans inside their article, {row['every_article_covered']}/{row['records']} "
                      f"with a span in every listed article{named}", markup=False)
        found = problems(report)
        for line in found:
            err.print(f"problem: {line}", markup=False)
        raise typer.Exit(1 if found else 0)
    if format != "jsonl":
        from fuentes.export.tables import write_csv, write_parquet

        try:
            counts = (write_csv if format == "csv" else write_parquet)(store, output)
        except (FuentesError, OSError) as error:
            err.print(f"error: {error}", markup=False, soft_wrap=True)
            raise typer.Exit(2)
        err.print(f"exported {sum(counts.values())} records to {output} ("
                  + ", ".join(f"{kind} {n}" for kind, n in counts.items()) + ")", markup=False, soft_wrap=True)
        return
    if output is None:
        count = export_jsonl(store, sys.stdout)
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = export_jsonl(store, handle)
    err.print(f"exported {count} records", markup=False)


@app.command()
def rejections(db: Optional[str] = DbOption) -> None:
    """Inputs that could not be stored, with the reason (a re-run retries them)."""
    from fuentes.progress import rejection_line
    from fuentes.store.articles import list_rejections

    for rejection in list_rejections(open_existing(db)):
        out.print(rejection_line(rejection), markup=False, highlight=False, soft_wrap=True)



app.command()(serve)
cli_knowledge.register(app, cli_knowledge.CURATION)


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
