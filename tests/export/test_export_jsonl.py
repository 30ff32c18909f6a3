"""The article records of the JSON lines export: publication time at its precision."""

from __future__ import annotations

import io
import json

from fuentes.codecs import ARTICLE
from fuentes.export.jsonl import export_jsonl
from fuentes.model import Article
from fuentes.store.articles import save_batch


def test_articles_export_their_publication_time_precision_and_source(store):
    save_batch(store, [
        ARTICLE.to_row(Article(id="art_time", source="a.html", text="One.", published="2026-02-23T10:14-05:00",
                               published_precision="minute", published_source="meta article:published_time",
                               modified="2026-02-23T15:05-05:00")),
        ARTICLE.to_row(Article(id="art_day", source="b.txt", text="Two.", published="2026-02-23")),
        ARTICLE.to_row(Article(id="art_none", source="c.txt", text="Three.")),
    ])
    out = io.StringIO()
    export_jsonl(store, out)
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines()) if r["type"] == "article"}
    timed = records["art_time"]
    assert (timed["published"], timed["published_precision"], timed["published_source"], timed["modified"]) == (
        "2026-02-23T10:14-05:00", "minute", "meta article:published_time", "2026-02-23T15:05-05:00")
    # a row without a stored precision (written before revision 0009) gets it from its shape
    assert (records["art_day"]["published"], records["art_day"]["published_precision"]) == ("2026-02-23", "day")
    assert records["art_none"]["published"] is None and records["art_none"]["published_precision"] is None
