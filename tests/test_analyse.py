"""The analysis job over a real store: per-article layers, corpus stages, idempotence, export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fuentes.analyse import analyse
from fuentes.export.jsonl import iter_records
from fuentes.ingest.job import ingest_items
from fuentes.ingest.sources import ReadOptions, iter_inputs
from fuentes.store.analysis import get_entity, provenance_rows, quotes_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

pytestmark = pytest.mark.models


@pytest.fixture
def analysed(store):
    ingest_items(iter_inputs([str(EXAMPLES)], ReadOptions()), store)
    first = analyse(store)
    return store, first


def test_every_article_is_analysed_once_and_a_rerun_does_nothing_new(analysed):
    store, first = analysed
    assert first.analysed == 7 and first.failed == 0
    again = analyse(store)
    assert again.analysed == 0
    assert (again.entities, again.quotes, again.derivations) == (first.entities, first.quotes, first.derivations)
    assert again.corpus_up_to_date and not first.corpus_up_to_date


def test_a_rerun_with_nothing_new_keeps_the_corpus_results_and_anything_new_redoes_them(analysed, tmp_path):
    from datetime import datetime, timezone

    from fuentes.store.decisions import add_decision

    store, first = analysed
    before = _tables(store)
    again = analyse(store)
    assert again.corpus_up_to_date and _tables(store) == before  # the stored results stand as they were
    add_decision(store, "split", "Houston", "Guayaquil", who="test", at=datetime.now(timezone.utc))
    assert not analyse(store).corpus_up_to_date  # an analyst's decision is an input
    assert analyse(store).corpus_up_to_date
    (tmp_path / "new.txt").write_text("Soldiers detained four men at a checkpoint near the border with rifles and "
                                      "ammunition in a pickup truck, the army said on Friday in a statement.")
    ingest_items(iter_inputs([str(tmp_path / "new.txt")], ReadOptions()), store)
    grown = analyse(store)
    assert grown.analysed == 1 and not grown.corpus_up_to_date


def test_copies_get_the_origin_of_the_report_they_carry(analysed):
    store, _ = analysed
    rows = {row["outlet"]: row for row in provenance_rows(store)}
    assert rows["Valley Herald"]["kind"] == "syndicated"
    assert rows["Valley Herald"]["origin"] == rows["Gulf Coast Courier"]["origin"] == "Gulf Coast Courier"
    assert rows["Gulf Coast Courier"]["kind"] == "original"
    assert rows["Diario Costa Azul"]["origin"] == "El Heraldo del Norte"
    ledger = next(row for outlet, row in rows.items() if outlet.startswith("Metro Ledger"))
    assert (ledger["kind"], ledger["origin"]) == ("rewrite", "Gulf Coast Courier")
    assert rows["Pacific Port Review"]["kind"] == "original"


def test_speakers_resolve_to_corpus_entities_with_their_aliases(analysed):
    store, _ = analysed
    entity = get_entity(store, "El Relojero")
    assert entity is not None and entity["kind"] == "person"
    assert len(entity["articles"]) >= 4
    minister = get_entity(store, "Ledesma")
    assert minister is not None
    said = quotes_of(store, entity_id=minister["id"])
    assert said and all(row["speaker"] == minister["id"] for row in said)
    assert {row["outlet"] for row in said} >= {"Gulf Coast Courier", "Valley Herald"}


def test_export_carries_every_record_type_with_contract_fields(analysed):
    store, _ = analysed
    records = list(iter_records(store))
    types = {record["type"] for record in records}
    assert {"article", "entity", "quote", "derivation", "claim", "story", "event", "relation"} <= types
    quote = next(r for r in records if r["type"] == "quote")
    assert set(quote) >= {"id", "article", "speaker", "speaker_name", "text", "start", "end", "direct", "variant_of"}
    texts = {r["id"]: r["text"] for r in records if r["type"] == "article"}
    for record in records:
        if record["type"] == "quote":  # offsets point into the exported article text
            assert texts[record["article"]][record["start"]:record["end"]] == record["text"]


def test_run_command_does_ingest_and_analysis(tmp_path):
    db = tmp_path / "run.db"
    result = subprocess.run([sys.executable, "-m", "fuentes.cli", "run", str(EXAMPLES), "--db", str(db)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "stored 7, duplicates 0, rejected 0" in result.stderr
    assert "analysed 7 articles (0 failed)" in result.stderr
    exported = subprocess.run([sys.executable, "-m", "fuentes.cli", "export", "--db", str(db)],
                              capture_output=True, text=True, timeout=120)
    kinds = {json.loads(line)["type"] for line in exported.stdout.splitlines()}
    assert {"article", "entity", "quote", "derivation"} <= kinds

    def command(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "fuentes.cli", *args, "--db", str(db)], capture_output=True,
                              text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})
        assert done.returncode == 0, (args, done.stderr)
        return done.stdout

    assert "Gulf Coast Courier" in command("provenance") and "syndicated" in command("provenance")
    assert "Valley Herald" in command("outlets")
    board = command("claims", "--min-articles", "1")
    assert "claims by story and subject" in board and "asserted by" in board and "predicate" in board
    assert "Zárate" in board and "the outlet" in board  # a subject's group heading; the outlet's own voice
    assert "killing" in command("timeline") or "arrest" in command("timeline")
    assert "Zárate" in command("entities")
    profile = command("show", "El Relojero")
    assert "Julián Arturo Zárate Villaseñor" in profile and "aliases" in profile
    assert "Ledesma" in command("quotes")
    assert "independent" in command("relations")
    assert "key players" in command("network", "metrics", "--co-mentions")
    assert "likely successors" in command("network", "what-if", "El Relojero", "--co-mentions", "--recovery", "degree")
    graph_file = tmp_path / "net.graphml"
    command("network", "export", str(graph_file), "--co-mentions")
    assert graph_file.read_text(encoding="utf-8").startswith("<?xml")
    watch = Path(__file__).resolve().parent / "fixtures" / "watchlist.ftm.jsonl"
    assert "no watchlist hits" in command("watchlist", str(watch)) or "=" in command("watchlist")


def test_provenance_is_incremental_and_equals_a_run_from_scratch(store, tmp_path):
    files = sorted(EXAMPLES.iterdir())
    ingest_items(iter_inputs([str(f) for f in files[:2]], ReadOptions()), store)
    first = analyse(store)
    assert first.pairs_examined >= 1
    ingest_items(iter_inputs([str(f) for f in files[2:]], ReadOptions()), store)
    second = analyse(store)
    unchanged = analyse(store)
    assert unchanged.pairs_examined == 0  # nothing new: the saved index is not re-examined
    incremental = {row["id"]: (row["kind"], row["origin"]) for row in provenance_rows(store)}

    from fuentes.store.schema import corpus_state

    with store.engine.begin() as conn:
        conn.execute(corpus_state.delete())
    scratch = analyse(store, force=False)
    assert scratch.pairs_examined >= second.pairs_examined
    assert {row["id"]: (row["kind"], row["origin"]) for row in provenance_rows(store)} == incremental


# --- the corpus stages give what the hard-coded sequence gave ------------------------------------

def previous_analyse_corpus(store, summary, window_days=None):
    """The body of `analyse_corpus` before its steps became registered corpus stages."""
    from fuentes.analyse import incremental_provenance
    from fuentes.corpus.entity_decisions import apply_decisions
    from fuentes.corpus.entity_ids import stable_ids
    from fuentes.corpus.discrepancies import copied_sources
    from fuentes.corpus.entity_resolution import resolve_with_merges
    from fuentes.corpus.events import merge_events
    from fuentes.corpus.grading import assess
    from fuentes.corpus.quote_matching import match_quotes
    from fuentes.corpus.relations import entity_index, merge_relations
    from fuentes.corpus.stories import cluster_stories
    from fuentes.store import analysis as db
    from fuentes.store.articles import iter_articles

    local_entities = db.load_local_entities(store)
    resolved, merges = apply_decisions(store, local_entities, *resolve_with_merges(local_entities))
    resolved, merges = stable_ids(resolved, merges, db.previous_entity_ids(store), db.absorbed_ids(store))
    reasons: dict[str, list[str]] = {}
    for merge in merges:
        reasons.setdefault(merge.entity, []).append(f"{merge.source}: {merge.reason}")
    db.save_corpus_entities(store, resolved, reasons)
    summary.entities = len(resolved)
    quotes = db.load_quotes(store)
    variants = {quote: original for group in match_quotes(quotes) for quote, original in group.variants.items()}
    db.save_quote_variants(store, variants)
    summary.quotes = sum(len(items) for items in quotes.values())
    articles = list(iter_articles(store))
    provenance = incremental_provenance(store, summary, articles, window_days)
    kinds = {aid: (provenance.kinds[aid], provenance.origins.get(aid)) for aid in provenance.kinds}
    db.save_derivations(store, provenance.derivations, kinds)
    summary.derivations = len(provenance.derivations)
    for article in articles:
        article.kind, article.origin = kinds.get(article.id, (article.kind, article.origin))
    entity_of = entity_index(resolved)
    names = {entity.id: entity.name for entity in resolved}
    published = {a.id: a.published for a in articles}  # status discrepancies read publication days
    copies = copied_sources(((d.source, d.target, d.decided_by) for d in provenance.derivations), published)
    claims, discrepancies = assess(db.load_claims(store), provenance.origins, entity_of, names,
                                   published=published, copies=copies)
    db.save_claims(store, claims, discrepancies)
    summary.claims, summary.discrepancies = len(claims), len(discrepancies)
    entity_ids: dict[str, set[str]] = {}
    for (article_id, _key), entity_id in entity_of.items():
        entity_ids.setdefault(article_id, set()).add(names[entity_id])
    stories = cluster_stories(articles, names=entity_ids)
    story_of = {article_id: story.id for story in stories for article_id in story.articles}
    events = merge_events(db.load_events(store), articles, resolved, provenance.origins, story_of)
    db.save_stories_and_events(store, stories, events, story_of)
    summary.stories, summary.events = len(stories), len(events)
    relations = merge_relations(db.load_relations(store), entity_of, provenance.origins)
    db.save_relations(store, relations)
    summary.relations = len(relations)
    return summary


CORPUS_TABLES = ("articles", "local_entities", "quotes", "entities", "derivations", "claims", "discrepancies",
                 "stories", "events", "relations")


def _tables(store) -> dict[str, list[dict]]:
    from fuentes.store import schema
    from fuentes.store.analysis import all_rows

    drop = {"ingested_at", "seen_at", "at", "updated_at"}
    return {table: sorted(({k: v for k, v in row.items() if k not in drop}
                           for row in all_rows(store, getattr(schema, table))),
                          key=lambda r: json.dumps(r, sort_keys=True, default=str)) for table in CORPUS_TABLES}


@pytest.mark.parametrize("window_days", [None, 3])
def test_corpus_stages_give_the_summary_and_records_of_the_previous_sequence(tmp_path, window_days):
    import dataclasses
    import shutil

    from fuentes.analyse import AnalysisSummary, analyse_articles, analyse_corpus
    from fuentes.store import open_store

    base = open_store(str(tmp_path / "base.db"))
    ingest_items(iter_inputs([str(EXAMPLES)], ReadOptions(saved_at="2026-03-09T20:00:00-06:00")), base)
    assert analyse_articles(base).analysed == 7
    base.close()
    results = {}
    for name, corpus in (("stages", analyse_corpus), ("previous", previous_analyse_corpus)):
        shutil.copy(tmp_path / "base.db", tmp_path / f"{name}.db")
        store = open_store(str(tmp_path / f"{name}.db"))
        first = corpus(store, AnalysisSummary(), window_days=window_days)
        again = corpus(store, AnalysisSummary(), window_days=window_days)  # incremental provenance: nothing new
        results[name] = (dataclasses.asdict(first), dataclasses.asdict(again), _tables(store))
        store.close()
    stages, previous = results["stages"], results["previous"]
    stages[1].pop("corpus_up_to_date")
    previous[1].pop("corpus_up_to_date")
    # the stages tell how many entity components they resolved afresh (all of them, then none)
    assert stages[0].pop("entity_blocks_resolved") > 0 and stages[1].pop("entity_blocks_resolved") == 0
    previous[0].pop("entity_blocks_resolved"), previous[1].pop("entity_blocks_resolved")
    assert stages[0] == previous[0] and stages[1] == previous[1]
    assert stages[0]["entities"] and stages[0]["claims"] and stages[0]["events"] and stages[0]["derivations"]
    assert stages[1]["pairs_examined"] == 0
    for table in CORPUS_TABLES:
        assert stages[2][table] == previous[2][table], table


# What the extraction stages read without declaring it in `requires`, found by `check_declarations`
# on the examples (body, id, language and meta are the stored layers every analysis starts from;
# `events` reading `quotes` is an order the declarations do not show). To be fixed in
# fuentes/extract/{claims,entities,events,quotes,relations}.py; this test fails when a gap appears
# or is fixed.
ANALYSIS_GAPS = {
    "stage 'claims' reads layer(s) body, id, language not in its `requires`",
    "stage 'events' reads layer(s) id, language, meta, quotes not in its `requires`",
}


def test_analysis_stages_declare_what_they_read_and_change(analysed):
    from fuentes.analyse import analysis_pipeline, doc_from_article
    from fuentes.pipeline import check_declarations
    from fuentes.store.analysis import articles_to_analyse

    store, _ = analysed
    pipeline, gaps = analysis_pipeline(), set()
    items = articles_to_analyse(store, {}, force=True)
    assert len(items) == 7
    for item in items:
        gaps.update(check_declarations(pipeline, doc_from_article(item))[1])
    assert gaps == ANALYSIS_GAPS


def test_articles_in_other_languages_are_kept_but_not_analysed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zh.txt").write_text("警方周二在边境地区逮捕了三名涉嫌走私毒品的男子。当局表示，此次行动是在数月的调查之后进行的，"
                                   "行动中没有人员伤亡。该集团被指控向邻国运送大量毒品。", encoding="utf-8")  # team-written
    (folder / "es.txt").write_text("La policía estatal detuvo el martes a Juan Pérez y a otros dos hombres acusados de "
                                   "transportar droga por la carretera federal, informó la fiscalía.", encoding="utf-8")
    db = str(tmp_path / "l.db")
    done = subprocess.run([sys.executable, "-m", "fuentes.cli", "run", str(folder), "--db", db, "--no-progress"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "not analysed: 1 article(s) in other languages (zh 1; supported: en, es)" in done.stderr
    assert "analysed 1 articles" in done.stderr
    assert "corpus stage 1/6 entity_resolution: " in done.stderr and "corpus stage 6/6 relations: " in done.stderr
    records = [json.loads(line) for line in subprocess.run(
        [sys.executable, "-m", "fuentes.cli", "export", "--db", db, "--format", "jsonl"],
        capture_output=True, text=True).stdout.splitlines()]
    languages = sorted(r["language"] for r in records if r["type"] == "article")
    assert languages == ["es", "zh"]
    zh = next(r["id"] for r in records if r["type"] == "article" and r["language"] == "zh")
    assert not any(zh in json.dumps(r.get("evidence", [])) for r in records if r["type"] != "article")


# --- per-article analysis in worker processes, spaCy in batches --------------------------------

def test_workers_store_what_one_process_stores_in_order_one_transaction_per_batch(store, monkeypatch):
    from fuentes import analyse as job
    from fuentes.analyse import analyse_articles

    ingest_items(iter_inputs([str(EXAMPLES)], ReadOptions()), store)
    saved: list[list[str]] = []
    real_save = job.db.save_article_layers
    monkeypatch.setattr(job.db, "save_article_layers",
                        lambda st, rows, extractors: saved.append([r["id"] for r in rows]) or real_save(st, rows, extractors))
    one: list = []
    analyse_articles(store, workers=1, on_result=lambda _, row: one.append(row))
    by_workers: list = []
    saved.clear()
    summary = analyse_articles(store, workers=2, batch_size=3, force=True, on_result=lambda _, row: by_workers.append(row))
    assert (summary.analysed, summary.failed) == (7, 0)
    assert by_workers == one  # the same rows (layers, records, offsets), in the articles' order
    assert [len(ids) for ids in saved if ids] == [3, 3, 1]  # one transaction per batch of 3
    assert [i for ids in saved for i in ids] == [row["id"] for row in one]


def test_workers_are_chosen_from_the_number_of_articles():
    from fuentes.analyse import AUTO_WORKERS_FROM, auto_workers

    assert auto_workers(AUTO_WORKERS_FROM - 1) == 1  # a few articles: not worth starting processes
    assert auto_workers(AUTO_WORKERS_FROM) == min(os.cpu_count() or 1, 4)
