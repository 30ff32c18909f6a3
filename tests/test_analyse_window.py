"""`fuentes analyse --window-days`: the saved provenance index is rebuilt when the window changes."""

from __future__ import annotations

from fuentes.analyse import AnalysisSummary, incremental_provenance
from fuentes.model import Article

BODY = ("Navy patrols intercepted a semi-submersible vessel off the northern coast on Sunday carrying "
        "two tonnes of cocaine, the defence ministry said. Three crew members were arrested and taken "
        "to the naval base at Puerto Alegre, where prosecutors questioned them about the boat's owners. "
        "Officials said the vessel had left a mangrove inlet four days earlier and was heading north.")


def articles() -> list[Article]:
    dates = ["2025-05-01", "2025-05-02", "2025-05-20", None]
    return [Article(id=f"a{n}", source=f"a{n}.txt", text=BODY + " Share this." * n, outlet=f"Outlet {n}",
                    published=day, language="en") for n, day in enumerate(dates)]


def run(store, arts, window):
    summary = AnalysisSummary()
    result = incremental_provenance(store, summary, arts, window)
    return summary.pairs_examined, result


def test_window_is_part_of_the_saved_state(store):
    arts = articles()
    examined, windowed = run(store, arts, 3)
    assert examined == 6 - 2  # a2 is 18-19 days from a0 and a1
    assert run(store, arts, 3)[0] == 0  # same window: the saved index is reused, nothing compared
    examined, full = run(store, arts, None)
    assert examined == 6  # another window: rebuilt from scratch
    assert {d.target for d in full.derivations} > {d.target for d in windowed.derivations}
    assert run(store, arts, 3)[0] == 4
    more = [Article(id="a4", source="a4.txt", text=BODY, outlet="Outlet 4", published="2025-05-19", language="en")]
    assert run(store, arts + more, 3)[0] == 2  # only the new article, with a2 and the undated a3
