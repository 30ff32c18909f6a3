"""Acceptance: the three seed pages ingest with the metadata and clean bodies an analyst expects.

Reads ../shared/corpus/seeds and its expected.yaml at run time (never copied here).
"""

from __future__ import annotations

import pytest
import yaml

from fuentes.ingest.job import ingest_items
from fuentes.ingest.sources import ReadOptions, iter_inputs
from fuentes.store.articles import list_articles

pytestmark = pytest.mark.shared

FURNITURE_NOTES = ("second copy of the photo caption",)


@pytest.fixture
def seeds(seeds_dir, store):
    expected = yaml.safe_load((seeds_dir / "expected.yaml").read_text(encoding="utf-8"))["articles"]
    files = [str(seeds_dir / name) for name in expected]
    summary = ingest_items(iter_inputs(files, ReadOptions()), store)
    assert (summary.stored, summary.rejected) == (3, 0)
    by_file = {article.source.rsplit("/", 1)[-1]: article for article in list_articles(store)}
    return expected, by_file


def test_seed_metadata_matches_the_analyst(seeds):
    expected, stored = seeds
    for name, want in expected.items():
        article = stored[name]
        assert article.outlet == want["outlet"], name
        assert article.language == want["language"], name
        if "title" in want:
            assert article.title == want["title"], name
        if "byline" in want:
            assert article.byline == want["byline"], name
        published = str(want.get("published"))
        if published[:4].isdigit() and len(published) == 10:
            assert article.published == published, name


def test_seed_bodies_lose_the_furniture_and_keep_every_paragraph(seeds, seeds_dir):
    expected, stored = seeds
    for name, want in expected.items():
        body = stored[name].text
        for line in want.get("boilerplate", []):
            if line in FURNITURE_NOTES:
                continue
            for paragraph in body.split("\n\n"):
                assert paragraph.strip() != line.strip(), f"{name}: furniture line {line!r} left in the body"
        raw = (seeds_dir / name).read_text(encoding="utf-8")
        for line in raw.splitlines():
            if len(line.split()) >= 25 and line.strip() not in want.get("boilerplate", []):
                assert line.strip() in body, f"{name}: body paragraph lost: {line[:60]!r}"
        if name.startswith("000"):
            caption = next(line for line in raw.splitlines() if line.startswith("A burned car"))
            assert body.count(caption.strip()) == 1
