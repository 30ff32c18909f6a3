from pathlib import Path

import pytest
import yaml

from fuentes.nlp.data_files import load_yaml

PACKAGE = Path(__file__).resolve().parents[2] / "fuentes"
DATA_FILES = sorted(PACKAGE.glob("**/data/**/*.yaml"))


def test_the_package_has_yaml_data_files():
    assert len(DATA_FILES) > 10
    assert any(p.name == "events_es.yaml" for p in DATA_FILES)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_data_file_reads_as_safe_load_reads_it(path):
    assert load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_text_and_path_read_alike(tmp_path):
    text = "palabras:\n  - atentado\n  - 'tiroteo'\nn: 3\nsí: true\nfecha: 2024-05-01\n"
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_yaml(text) == load_yaml(path) == yaml.safe_load(text)


def test_it_builds_no_arbitrary_objects():
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")


def _booleans(value, where: str = ""):
    """Booleans among the words of a list, and keys read as booleans (flag values are fine)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, bool):
                yield f"{where}/{key!r} (key)"
            yield from _booleans(item, f"{where}/{key}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, bool):
                yield f"{where}: {item!r}"
            yield from _booleans(item, where)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_word_of_a_data_file_reads_as_a_boolean(path):
    """YAML 1.1 reads a bare on, off, yes or no as true or false: a word list loses the word
    ("negations: [not, no]" held False, "preps: [obj, on]" held True). Such words are quoted."""
    assert list(_booleans(load_yaml(path))) == []
