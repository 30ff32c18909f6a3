"""Stories and corpus events in the store: a run rewrites only the stories that changed."""

from __future__ import annotations

from fuentes.corpus.stories import Story
from fuentes.model import Event, Evidence
from fuentes.store import analysis as db
from fuentes.store.articles import save_batch


def save_articles(store, ids: str) -> None:
    save_batch(store, [{"id": i, "source": i, "text": f"Report {i}.", "language": "en", "kind": "unknown"}
                       for i in ids])


def event(article: str, etype: str = "killing") -> Event:
    return Event(id=f"evt_{article}_{etype}", event_type=etype, date="2026-03-01", articles=[article],
                 evidence=[Evidence(article, 0, 5, "events")], trigger="killed")


def test_changed_stories_and_their_events_are_replaced_and_the_others_left(store):
    save_articles(store, "abcd")
    first = [Story("s1", ["a", "b"], "One"), Story("s2", ["c"], "Two"), Story("s3", ["d"], "Three")]
    story_of = {"a": "s1", "b": "s1", "c": "s2", "d": "s3"}
    db.save_stories_and_events(store, first, [event("a"), event("c"), event("d")], story_of)
    assert db.stored_story_counts(store) == ({"s1", "s2", "s3"}, 3)
    # s2 gains b (s1 keeps a), s3 is gone (d left the store)
    changed = [Story("s1", ["a"], "One"), Story("s2", ["b", "c"], "Two")]
    story_of = {"a": "s1", "b": "s2", "c": "s2"}
    db.save_story_changes(store, changed, ["s3"], [event("a", "arrest"), event("b"), event("c")], story_of)
    assert {r["id"]: r["articles"] for r in db.rows_of(store, "stories")} == {"s1": ["a"], "s2": ["b", "c"]}
    found = db.load_corpus_events(store)
    assert [e.id for e in found] == sorted(["evt_a_arrest", "evt_b_killing", "evt_c_killing"])  # by id
    assert {r["id"]: r["story"] for r in db.rows_of(store, "events")}["evt_b_killing"] == "s2"
    # a run that changed nothing writes nothing and keeps everything
    db.save_story_changes(store, [], [], [], story_of)
    assert db.stored_story_counts(store) == ({"s1", "s2"}, 3)
    # everything: every story and event replaced
    db.save_story_changes(store, [Story("s9", ["d"], "Nine")], [], [event("d")], {"d": "s9"}, everything=True)
    assert db.stored_story_counts(store) == ({"s9"}, 1)


def test_events_of_some_articles_and_when_their_layers_were_written(store):
    from fuentes.codecs import EVENT

    save_articles(store, "ab")
    rows = [{"id": i, "mentions": [], "entities": [], "quotes": [], "layers": {"events": [EVENT.to_layer(event(i))]}}
            for i in "ab"]
    db.save_article_layers(store, rows, {"events": "1"})
    assert [e.id for e in db.load_events_of(store, ["b"])["b"]] == ["evt_b_killing"]
    assert set(db.load_events_of(store, ["b"])) == {"b"}
    marks = db.layer_marks(store)
    db.save_article_layers(store, rows[:1], {"events": "1"})  # a re-analysed article
    again = db.layer_marks(store)
    assert again["a"] != marks["a"] and again["b"] == marks["b"]


def test_replacing_every_story_forgets_the_saved_digests(store):
    # stories and events written by another run (a Spark load) are not those the digests tell of
    from fuentes.store.state import load_state, save_state

    save_articles(store, "a")
    save_state(store, db.STORY_EVENTS_STATE, "v", {"s1": ("digest", 1)}, 1)
    db.save_stories_and_events(store, [Story("s1", ["a"], "One")], [event("a")], {"a": "s1"})
    assert load_state(store, db.STORY_EVENTS_STATE, "v") is None
