"""The publication window of derivation candidates (LSHIndex / ProvenanceIndex `window_days`)."""

from __future__ import annotations

from datetime import date

import pytest

from fuentes.corpus.lsh_index import LSHIndex, window_day
from fuentes.corpus.origins import ProvenanceIndex, analyse_provenance
from fuentes.model import Article

REPORT = ("Federal agents in the river port of Santa Lucía seized four tonnes of cocaine hidden inside "
          "banana crates on Tuesday, the regional prosecutor's office announced. Investigators said the "
          "shipment belonged to a smuggling ring run by brothers Rafael and Ernesto Quintanilla, who "
          "allegedly bribed customs inspectors for three years. Eleven people were detained, among them "
          "two harbour pilots and a former mayor of the town. The prosecutor said the crates were bound "
          "for Rotterdam and Antwerp. Prosecutors plan to charge the suspects with trafficking, money "
          "laundering and corruption, and the customs chief resigned on Wednesday afternoon.")
OTHER = ("Heavy rain flooded the lower districts of the mountain town for a third consecutive night, "
         "forcing families to leave their homes while volunteers filled sandbags near the old market "
         "square and engineers inspected the cracked bridge above the swollen stream.")


def day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def test_window_day_prefers_full_publication_date_then_saved_day():
    assert window_day("2025-03-04", "2025-05-01T10:00:00Z") == day("2025-03-04")
    assert window_day("2025-03-04T23:30:00+05:00") == day("2025-03-04")  # the outlet's own day
    assert window_day(None, "2025-05-01T10:00:00Z") == day("2025-05-01")
    assert window_day("2025-03", "2025-05-01") == day("2025-05-01")  # a month is not a day
    assert window_day("2025", None) is None
    assert window_day("2025-02-30", None) is None  # not a date
    assert window_day("", "") is None and window_day(None, None) is None


def test_window_keeps_pairs_within_w_days_and_undated_meet_everyone():
    items = [("a", REPORT, day("2025-03-01")), ("b", REPORT, day("2025-03-03")),
             ("c", REPORT, day("2025-03-09")), ("u", REPORT, None), ("v", REPORT, None), ("o", OTHER, day("2025-03-01"))]
    everything = LSHIndex().add_texts(items)
    assert everything == {(x, y) for x in "abcuv" for y in "abcuv" if x < y}  # OTHER shares nothing
    windowed = LSHIndex(window_days=2)
    pairs = windowed.add_texts(items)
    assert pairs == everything - {("a", "c"), ("b", "c")}
    assert windowed.outside_window == 2
    assert LSHIndex(window_days=6).add_texts(items) == everything - {("a", "c")}  # 8 days
    assert LSHIndex(window_days=0).add_texts(items) == everything - {("a", "b"), ("a", "c"), ("b", "c")}


def test_window_applies_across_incremental_adds_and_without_days_nothing_changes():
    index = LSHIndex(window_days=3)
    assert index.add_texts([("a", REPORT, day("2025-03-01"))]) == set()
    assert index.add_texts([("b", REPORT, day("2025-03-10")), ("c", REPORT, day("2025-03-04"))]) == {("a", "c")}
    assert index.add_texts([("d", REPORT)]) == {("a", "d"), ("b", "d"), ("c", "d")}  # no day given
    assert LSHIndex(window_days=3).add_texts([("a", REPORT), ("b", REPORT)]) == {("a", "b")}


def test_negative_window_is_refused():
    with pytest.raises(ValueError, match="window_days"):
        LSHIndex(window_days=-1)
    with pytest.raises(ValueError, match="differs"):
        ProvenanceIndex(lsh=LSHIndex(window_days=2), window_days=3)


def art(aid: str, outlet: str, published: str | None, saved_at: str | None = None, text: str = REPORT) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, outlet=outlet, published=published, saved_at=saved_at,
                   language="en")


def test_provenance_window_uses_saved_day_when_undated():
    copy = REPORT + " Share this story."
    arts = [art("orig", "The Harbour Gazette", "2025-03-01"),
            art("near", "Valley Daily", "2025-03-02", text=copy),
            art("late", "Coast Review", "2025-04-20", text=copy),  # published far outside 3 days
            art("crawled", "Metro Wire", None, "2025-03-03T08:00:00Z", text=copy),  # saved within 3 days
            art("stale", "Night Post", None, "2025-06-01T08:00:00Z", text=copy),  # saved far later
            art("blank", "Island Times", None, text=copy)]  # no day at all: compared with every article
    assert analyse_provenance(arts).pairs_examined == 15
    index = ProvenanceIndex(window_days=3)
    index.add(arts)
    assert index.pairs_examined == 15 - 7  # late: 4 partners too far; stale: 3 more
    related = set(index.relations)
    far = {"late", "stale"}
    assert {("crawled", "orig"), ("near", "orig"), ("blank", "late"), ("blank", "stale")} <= related
    assert not any({a, b} & far and "blank" not in (a, b) for a, b in related)
    result = index.result()
    assert result.kinds["near"] == "syndicated" and result.origins["near"] == "The Harbour Gazette"
    assert result.origins["crawled"] == "The Harbour Gazette"


def test_provenance_without_window_is_unchanged_by_dates():
    arts = [art("orig", "The Harbour Gazette", "2025-03-01"),
            art("late", "Coast Review", "2025-09-20", text=REPORT + " Share this story.")]
    assert {(d.source, d.target) for d in analyse_provenance(arts).derivations} == {("orig", "late")}
    assert analyse_provenance(arts, window_days=30).derivations == []
