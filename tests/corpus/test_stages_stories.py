"""The stories stage over a real store: adding articles re-merges the events of the stories they
touch only, and gives the stories and events of a run from scratch."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuentes.analyse import AnalysisSummary, analyse
from fuentes.ingest.job import ingest_items
from fuentes.ingest.sources import ReadOptions, iter_inputs
from fuentes.store import analysis as db

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

pytestmark = pytest.mark.models


def stored(store) -> tuple[dict, list]:
    """The stored stories (id -> articles) and events (every column, the story by id)."""
    stories = {row["id"]: sorted(row["articles"]) for row in db.rows_of(store, "stories")}
    return stories, sorted((row for row in db.rows_of(store, "events")), key=lambda row: row["id"])


def by_members(stories: dict, events: list) -> tuple[set, list]:
    """The same, story ids replaced by their articles (a story index built from scratch may name
    a story by another of its articles)."""
    members = {sid: tuple(articles) for sid, articles in stories.items()}
    return set(members.values()), [dict(row, story=members.get(row["story"])) for row in events]


def forget(store, *names: str) -> None:
    from fuentes.store.state import forget_state

    for name in names:
        forget_state(store, name)


def test_added_articles_re_merge_only_the_stories_they_touch_and_equal_a_run_from_scratch(store, monkeypatch):
    import fuentes.corpus.events as events_module
    from fuentes.corpus.stages import CORPUS_DONE, LocalContext, run_corpus

    files = sorted(EXAMPLES.iterdir())
    ingest_items(iter_inputs([str(f) for f in files[:3]], ReadOptions()), store)
    analyse(store)
    ingest_items(iter_inputs([str(f) for f in files[3:]], ReadOptions()), store)
    merge = events_module.merge_events
    merged: list[set[str]] = []
    monkeypatch.setattr(events_module, "merge_events",
                        lambda per, arts, *rest: merged.append({a.id for a in arts}) or merge(per, arts, *rest))
    second = analyse(store)
    incremental = stored(store)
    assert second.events == len(incremental[1]) and second.stories == len(incremental[0])
    assert len(incremental[0]) > 1 and incremental[1]

    # nothing changed: no story is merged again, nothing is rewritten
    run_corpus(LocalContext(store, AnalysisSummary()), names=("entity_resolution", "provenance", "stories"))
    assert merged[-1] == set() and stored(store) == incremental

    # the events of every story merged again over the same story index: the very same rows
    forget(store, db.STORY_EVENTS_STATE, CORPUS_DONE)
    again = analyse(store)
    assert merged[-1] == {a for articles in incremental[0].values() for a in articles}
    assert stored(store) == incremental and again.events == second.events

    # everything from scratch (no saved index or state): the same stories and events
    from fuentes.store.schema import corpus_state

    with store.engine.begin() as conn:
        conn.execute(corpus_state.delete())
    analyse(store)
    assert by_members(*stored(store)) == by_members(*incremental)


UNRELATED = """Warehouse fire in Lakeview injures two firefighters

LAKEVIEW, March 9 - Two firefighters were injured on Monday while fighting a fire that destroyed a
furniture warehouse on the north side of Lakeview, the city's fire department said.

Fire Chief Marta Olsen said the blaze started shortly after 4 a.m. and took six hours to bring
under control. Investigators have not determined the cause, and no arrests have been made.
The injured firefighters were taken to Lakeview General Hospital and are in stable condition.
"""


def test_a_story_the_new_articles_do_not_touch_is_not_merged_again(store, monkeypatch, tmp_path):
    import fuentes.corpus.events as events_module

    ingest_items(iter_inputs([str(EXAMPLES)], ReadOptions()), store)
    analyse(store)
    before = stored(store)
    (tmp_path / "lakeview.txt").write_text(UNRELATED, encoding="utf-8")
    ingest_items(iter_inputs([str(tmp_path / "lakeview.txt")], ReadOptions()), store)
    merge = events_module.merge_events
    merged: list[set[str]] = []
    monkeypatch.setattr(events_module, "merge_events",
                        lambda per, arts, *rest: merged.append({a.id for a in arts}) or merge(per, arts, *rest))
    analyse(store)
    after = stored(store)
    (new,) = set(after[0]) - set(before[0])
    assert merged == [set(after[0][new])]  # only the new story's events were merged
    assert {sid: articles for sid, articles in after[0].items() if sid != new} == before[0]
    assert [row for row in after[1] if row["story"] != new] == before[1]  # the other events as they were
