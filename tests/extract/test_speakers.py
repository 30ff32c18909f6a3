"""speakers: the first-name table kept in the cache folder reads names as gender-guesser does."""

from __future__ import annotations

import pytest

gender_guesser = pytest.importorskip("gender_guesser.detector")


def test_name_table_is_kept_and_read_back_the_same(monkeypatch, tmp_path):
    from fuentes.extract import speakers

    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    fresh = gender_guesser.Detector(case_sensitive=False)
    first = speakers._cached_detector(gender_guesser.Detector)  # parsed, then written
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("gender-names-")]
    again = speakers._cached_detector(gender_guesser.Detector)  # read back
    assert first.names == again.names == fresh.names
    for word in ("Doug", "maría", "José", "Andrea", "Kim", "Xochitl", "Purdy"):
        assert again.get_gender(word) == fresh.get_gender(word)


def test_a_damaged_or_absent_cache_parses_the_data(monkeypatch, tmp_path):
    from fuentes.extract import speakers

    monkeypatch.setenv("FUENTES_CACHE", "off")
    assert speakers._cached_detector(gender_guesser.Detector) is None  # no cache: the package parses
    monkeypatch.setenv("FUENTES_CACHE", str(tmp_path))
    speakers._cached_detector(gender_guesser.Detector)
    for path in tmp_path.iterdir():
        path.write_bytes(b"{not json")
    detector = speakers._cached_detector(gender_guesser.Detector)
    assert detector.get_gender("Ana") == gender_guesser.Detector(case_sensitive=False).get_gender("Ana")
