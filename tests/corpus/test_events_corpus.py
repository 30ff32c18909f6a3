"""Corpus events: merging reports of one event, independent sources, re-dating, timeline."""

from __future__ import annotations

import pytest

from fuentes.codecs import EVENT
from fuentes.corpus.events import merge_events, value_of
from fuentes.corpus.timeline import format_rows, timeline_rows
from fuentes.model import Article, Entity, Event, Evidence


def ev(article: str, etype: str, date: str | None, actors=(), targets=(), start: int = 0, end: int = 5, extra=()):
    return Event(id=f"{article}-{start}", event_type=etype, date=date, actors=list(actors), targets=list(targets),
                 articles=[article], evidence=[Evidence(article, start, end, "events"), *extra], trigger="killed")


def corpus():
    arts = [Article(id="a", source="a", text="x" * 50, outlet="Wire One", published="2026-03-02", language="en"),
            Article(id="b", source="b", text="x" * 50, outlet="Paper Two", published="2026-03-03", language="en"),
            Article(id="c", source="c", text="x" * 50, outlet="Own Desk", published="2026-03-03", language="en")]
    ents = [Entity(id="ent_boss", name="Rafael Soto Leyva", kind="person", merged_from=["a#e1", "b#e2", "c#e1"]),
            Entity(id="ent_army", name="Army", kind="organization", merged_from=["a#e2"])]
    per = {"a": [ev("a", "killing", "2026-03-01", ["e2"], ["e1"]), ev("a", "killing", "2019", [], ["e1"], 40)],
           "b": [ev("b", "killing", None, [], ["e2"])],
           "c": [ev("c", "killing", "2026-03", [], ["e1"]), ev("c", "arrest", "2026-03-01", [], ["e1"], 10)]}
    origins = {"a": "Wire One", "b": "Wire One", "c": "Own Desk"}
    return per, arts, ents, origins


def test_one_event_many_reports():
    per, arts, ents, origins = corpus()
    events = merge_events(per, arts, ents, origins, {"a": "s", "b": "s", "c": "s"})
    killings = sorted((e for e in events if e.event_type == "killing"), key=lambda e: e.date)
    assert [e.date for e in killings] == ["2019", "2026-03-01"]
    main = killings[1]
    assert main.articles == ["a", "b", "c"] and main.independent_sources == 2
    assert main.actors == ["ent_army"] and main.targets == ["ent_boss"]
    assert len([e for e in events if e.event_type == "arrest"]) == 1  # another type: another event
    assert EVENT.export(EVENT.to_row(main))["independent_sources"] == 2


def test_stories_keep_events_apart():
    per, arts, ents, origins = corpus()
    events = merge_events(per, arts, ents, origins, {"a": "s1", "b": "s2", "c": "s1"})
    main = next(e for e in events if e.date == "2026-03-01" and e.event_type == "killing")
    assert "b" not in main.articles


def test_undated_article_is_redated_from_its_story():
    text = "Gunmen killed Rafael Soto Leyva on Sunday."
    arts = [Article(id="a", source="a", text="Dated report.", published="2026-03-03", language="en"),
            Article(id="b", source="b", text=text, published=None, language="en")]
    start = text.index("on Sunday")
    per = {"b": [ev("b", "killing", None, [], ["e1"], extra=[Evidence("b", start, start + 9, "events.date")])]}
    (event,) = merge_events(per, arts, [], {}, {"a": "s", "b": "s"})
    assert event.date == "2026-03-01"  # Sunday before the story's first dated report (Tuesday 3 March)


def test_value_of_keeps_precision():
    assert value_of("2026-03").precision == "month" and value_of("2019").precision == "year"
    assert value_of(None) is None


def test_timeline_rows_filter_and_order():
    per, arts, ents, origins = corpus()
    for a in arts:
        a.origin = origins[a.id]
    events = merge_events(per, arts, ents, origins, {"a": "s", "b": "s", "c": "s"})
    rows = timeline_rows(events, ents, arts)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert rows[0]["date"] == "2019"
    only = timeline_rows(events, ents, arts, entity="rafael soto leyva")
    assert len(only) == len(rows)
    assert timeline_rows(events, ents, arts, entity="Army")[0]["actors"] == ["Army"]
    assert timeline_rows(events, ents, arts, story="other", stories={"a": "s"}) == []
    assert "Wire One" in format_rows(rows)


@pytest.mark.shared
@pytest.mark.models
def test_seed_events(seeds_dir):
    """expected.yaml's events on the three seeds, and the killing as one event of 3 reports."""
    import yaml

    expected = yaml.safe_load((seeds_dir / "expected.yaml").read_text(encoding="utf-8"))["events"]
    events, by_name = seed_timeline(seeds_dir)
    # the taxonomy is finer than the seeds' labels: "violence" is any incident of the wave, the
    # helicopter shot down with three soldiers killed is an armed clash, a task force a deployment
    family = {"violence": {"attack", "blockade", "killing", "clash", "property_destruction"},
              "attack": {"attack", "assassination_attempt", "clash"}, "policy": {"policy", "deployment"}}
    found = 0
    for exp in expected:
        types = family.get(exp["type"], {exp["type"]})
        arts = {by_name[n] for n in exp["in"]}
        if any({e.event_type, *e.includes} & types and e.date == str(exp["date"]) and arts <= set(e.articles)
               for e in events):
            found += 1
    assert found == len(expected), found  # 9/9: type (or a type the incident includes) and date
    killing = [e for e in events if e.event_type == "killing" and e.date == "2026-02-22"]
    assert len(killing) == 1 and len(killing[0].articles) == 3 and killing[0].independent_sources == 2


def seed_timeline(seeds_dir):
    """Seeds through ingest, nlp, entities, quotes, events; then provenance, entity resolution,
    stories and corpus events. Returns (corpus events, file name -> article id)."""
    events, _, _, by_name = seed_corpus(seeds_dir)
    return events, by_name


def seed_corpus(seeds_dir):
    """As `seed_timeline`: (corpus events, corpus entities, articles, file name -> article id)."""
    import fuentes.extract.entities  # noqa: F401
    import fuentes.extract.events  # noqa: F401
    import fuentes.extract.quotes  # noqa: F401
    import fuentes.nlp.stage  # noqa: F401
    from fuentes.corpus.entity_resolution import resolve_entities
    from fuentes.corpus.events import entity_map
    from fuentes.corpus.origins import analyse_provenance
    from fuentes.corpus.stories import StoryIndex
    from fuentes.ingest.job import ingest_pipeline
    from fuentes.ingest.raw import RawDocument
    from fuentes.pipeline import Pipeline
    from fuentes.runners import doc_from_raw

    ingest = ingest_pipeline()
    analysis = Pipeline.from_names(["nlp", "entities", "quotes", "events"], initial=("body", "language", "meta", "id"))
    docs, by_name = [], {}
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = analysis(ingest(doc_from_raw(RawDocument(source=str(path), data=path.read_bytes()))))
        docs.append(doc)
        by_name[path.name[:3]] = doc.get("id")
    arts = [Article(id=d.get("id"), source=d.source, text=d.body, outlet=d.meta.get("outlet"),
                    title=d.meta.get("title"), published=d.meta.get("published"), language=d.get("language"))
            for d in docs]
    provenance = analyse_provenance(arts)
    ents = resolve_entities({d.get("id"): d.get("entities") for d in docs})
    ids = entity_map(ents)
    names = {d.get("id"): {ids[f"{d.get('id')}#{e.id}"] for e in d.get("entities")} for d in docs}
    index = StoryIndex()
    index.add(arts, names)
    events = merge_events({d.get("id"): d.get("events") for d in docs}, arts, ents, provenance.origins,
                          index.assignments())
    return events, ents, arts, by_name


def test_timeline_rows_carry_summary_codes_and_sentences():
    text = "Gunmen killed Rafael Soto Leyva in Culiacán on Sunday."
    arts = [Article(id="a", source="a", text=text, outlet="Wire One", published="2026-03-03", language="en")]
    ents = [Entity(id="ent_boss", name="Rafael Soto Leyva", kind="person", merged_from=["a#e1"])]
    event = Event(id="a-1", event_type="killing", date="2026-03-01", targets=["e1"], articles=["a"],
                  evidence=[Evidence("a", 7, 13, "events"), Evidence("a", 0, len(text), "events")], trigger="killed",
                  summary="Killing of Rafael Soto Leyva in Culiacán", fatalities=1)
    undated = Event(id="a-2", event_type="arrest", date=None, articles=["a"], evidence=[Evidence("a", 0, 6, "events")])
    (merged, *_), = [merge_events({"a": [event]}, arts, ents, {}, {"a": "s"})]
    assert (merged.acled_event_type, merged.acled_sub_event_type, merged.cameo) == ("Violence against civilians", "Attack", "186")
    assert merged.summary == "Killing of Rafael Soto Leyva in Culiacán" and merged.fatalities == 1
    rows = timeline_rows([merged, undated], ents, arts)
    assert len(rows) == 1  # a timeline line always has a date
    (row,) = rows
    assert row["precision"] == "day" and row["evidence"][0]["text"] == text
    line = format_rows(rows)
    assert "2026-03-01 (day)" in line and "Killing of Rafael Soto Leyva" in line and "<Attack>" in line
    assert len(timeline_rows([merged, undated], ents, arts, undated=True)) == 2
    assert len(timeline_rows([merged], ents, arts, kind="Violence against civilians")) == 1
    assert timeline_rows([merged], ents, arts, kind="arrest") == []
    row = EVENT.to_row(merged)
    assert EVENT.from_row(row) == merged and EVENT.export(row)["acled_sub_event_type"] == "Attack"


def test_reports_telling_one_incident_with_other_types_merge():
    """The failed raid: one report calls it a blockade with an escape, another an armed clash
    that includes the blockade and the escape; one event, the clash, with every report."""
    arts = [Article(id="a", source="a", text="x" * 50, outlet="Courier", published="2026-03-09", language="en"),
            Article(id="b", source="b", text="x" * 50, outlet="Heraldo", published="2026-03-09", language="es")]
    ents = [Entity(id="ent_pa", name="Puerto Almendra", kind="place", merged_from=["a#p", "b#p"])]
    a = Event(id="a1", event_type="blockade", date="2019-06", place="p", articles=["a"], includes=["escape"],
              evidence=[Evidence("a", 0, 5, "events")], summary="cartel gunmen blocked coastal highway")
    b = Event(id="b1", event_type="clash", date="2019-06", place="p", articles=["b"], includes=["blockade", "escape"],
              evidence=[Evidence("b", 0, 5, "events")], summary="Armed clash in Puerto Almendra (2 killed)", fatalities=2)
    other = Event(id="a2", event_type="blockade", date="2026-03-08", articles=["a"], evidence=[Evidence("a", 9, 12, "events")])
    events = merge_events({"a": [a, other], "b": [b]}, arts, ents, {}, {"a": "s", "b": "s"})
    (raid,) = [e for e in events if e.date == "2019-06"]
    assert raid.event_type == "clash" and raid.articles == ["a", "b"] and raid.fatalities == 2
    assert set(raid.includes) == {"blockade", "escape"} and raid.acled_sub_event_type == "Armed clash"
    assert raid.independent_sources == 2 and len(events) == 2


@pytest.mark.shared
@pytest.mark.models
def test_seed_timeline_lines_are_readable(seeds_dir):
    """Every line of the seeds' timeline: a date, a summary naming a participant when the event
    has one, and at least one evidence sentence."""
    events, _ = seed_timeline(seeds_dir)
    import fuentes.extract.entities  # noqa: F401

    rows = timeline_rows(events)
    assert rows
    for row in rows:
        assert row["date"] and row["summary"] and row["evidence"], row
    named = [r for r, e in zip(rows, sorted((e for e in events if e.date), key=lambda e: (e.date, e.event_type)))
             if e.actors or e.targets]
    assert named and all(any(ch.isupper() for ch in r["summary"][1:]) for r in named)


def test_an_article_without_outlet_is_its_own_source():
    """The sources of a timeline line are never empty: an article with no outlet or origin counts as
    itself (its web site, else its source file), as the independent-source count has it."""
    arts = [Article(id="a", source="/data/items.jsonl#line 3", text="x" * 50, published="2026-03-02", language="es"),
            Article(id="b", source="b", text="x" * 50, published="2026-03-02", language="es",
                    url="https://www.example.mx/nota/1")]
    per = {"a": [ev("a", "killing", "2026-03-01", [], ["e1"])], "b": [ev("b", "arrest", "2026-03-01", [], ["e1"])]}
    rows = timeline_rows(merge_events(per, arts, [], {}, {"a": "s", "b": "s"}), [], arts)
    assert sorted(tuple(r["sources"]) for r in rows) == [("items.jsonl#line 3",), ("www.example.mx",)]
    assert "independent: ]" not in format_rows(rows)


def test_events_of_two_stories_are_never_compared(monkeypatch):
    # Regression: every event was compared with the groups of every story (`_linked` refused the
    # pair only then), so merging grew with the square of the corpus: 60 s of the 100 s stories
    # stage at 2,000 articles.
    import fuentes.corpus.events as events_module

    per, arts, ents, origins = corpus()
    stories = {"a": "s1", "b": "s2", "c": "s1"}
    compared = []
    linked = events_module._linked
    monkeypatch.setattr(events_module, "_linked", lambda x, y: compared.append((x[2], y[2])) or linked(x, y))
    merged = merge_events(per, arts, ents, origins, stories)
    assert compared and all(x == y for x, y in compared)
    monkeypatch.setattr(events_module, "_linked", linked)
    # one story merged alone gives the events it gives among the others
    alone = merge_events({k: v for k, v in per.items() if k != "b"}, [a for a in arts if a.id != "b"], ents,
                         origins, {"a": "s1", "c": "s1"})
    assert sorted(map(repr, alone)) == sorted(repr(e) for e in merged if "b" not in e.articles)


def test_event_digests_change_with_what_a_story_s_events_read():
    from fuentes.corpus.events import event_digests
    from fuentes.corpus.stories import Story

    _per, arts, ents, origins = corpus()
    stories = [Story("s1", ["a", "c"], "A title", "2026-03-02", "2026-03-03"), Story("s2", ["b"], "B", None, None)]
    by_id = {a.id: a for a in arts}
    marks = {"a": "t1", "b": "t1", "c": "t1"}
    base = event_digests(stories, by_id, ents, origins, marks)
    assert base == event_digests(stories, by_id, ents, origins, dict(marks))  # the same inputs, the same digests
    # the corpus entity of one of c's local entities (a merge or a split)
    moved = [Entity(id="ent_other", name="Rafael Soto", kind="person", merged_from=["c#e1"]),
             Entity(id=ents[0].id, name=ents[0].name, kind="person", merged_from=["a#e1", "b#e2"]), ents[1]]
    changes = {
        "entity": event_digests(stories, by_id, moved, origins, marks),
        "origin": event_digests(stories, by_id, ents, {**origins, "c": "Wire One"}, marks),
        "re-analysed": event_digests(stories, by_id, ents, origins, {**marks, "a": "t2"}),
        "text": event_digests(stories, {**by_id, "c": Article(id="c", source="c", text="y" * 50, outlet="Own Desk",
                                                                published="2026-03-03", language="en")},
                              ents, origins, marks),
        "members": event_digests([Story("s1", ["a"], "A title", "2026-03-02", "2026-03-02"), stories[1]], by_id,
                                 ents, origins, marks),
    }
    for what, found in changes.items():
        assert found["s1"] != base["s1"], what
        assert found["s2"] == base["s2"], what  # the other story's inputs did not change
