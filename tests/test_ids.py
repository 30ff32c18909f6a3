"""normalize_text: NFKC, straight quotes, case-folded, single spaces; the ASCII and quote-free
shortcuts give what the whole normalisation gives, English and Spanish."""

from __future__ import annotations

import random
import unicodedata

from fuentes.ids import _QUOTES, _SPACE, article_id, normalize_text


def _whole(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip().casefold()


def test_normalize_text_is_the_whole_normalisation():
    samples = [
        "  The Mayor  said\tno. ", "“Fue un acuerdo”, dijo la jueza.", "‘Quoted’ and «citado»",
        "ＦＵＬＬＷＩＤＴＨ ﬁ ligature", "Straße ÉTÉ", "", "\u00a0non-breaking\u00a0space", "Ⅻ ½ ²",
        "El Niño’s «Caso» — año 2019", "plain ascii only",
    ]
    rng = random.Random(3)
    alphabet = "aZ \t\n'\"é\u2018\u2019\u201c\u201d\u00ab\u00bbﬁ½\u00a0ÑßΣς"
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(500)]
    for text in samples:
        assert normalize_text(text) == _whole(text), text


def test_article_ids_do_not_change():
    assert article_id("El Heraldo", "“Fue un acuerdo”, dijo la jueza.") == article_id("el heraldo", '"fue un acuerdo", dijo la  jueza.')
    assert article_id("Gulf Coast Courier", "The mayor said no.") == article_id("gulf coast courier", "THE MAYOR  SAID NO.")
