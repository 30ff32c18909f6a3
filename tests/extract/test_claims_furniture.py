"""Stage `claims`: page furniture is searched only in texts holding one of its literals, with the
spans a search of every text finds (English and Spanish)."""

from __future__ import annotations

import pytest

from fuentes.clean.cues import folded
from fuentes.extract.claims import _needed_literals, claim_lexicon

TEXTS = {
    "en": ["Rafael Quintero won the race in 2019 Advertisement The team of Ana Berg celebrated.",
           "Rafael Quintero donated $5,000 to the club WhatsApp Facebook Twitter the team won 300 games.",
           "FOLLOW US ON Instagram for more. Sign up for our free daily newsletter now.",
           "Call 555-201-3344 or 1-800-FLOWERS. Thank you for subscribing!",
           "Ana Berg said the plan was fair and the vote would come in May."],
    "es": ["Rafael Quintero ganó la carrera en 2019 Publicidad El equipo de Ana Berg celebró.",
           "Síguenos en Instagram y entérate. SUSCRÍBETE gratis. Correo electrónico no válido.",
           "Regístrese para recibir boletines gratuitos de Quito. Vea nuestro aviso de privacidad.",
           "La policía pidió llamar al 555-201-3344 antes del lunes.",
           "Ana Berg dijo que el plan era justo y que la votación sería en mayo."],
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_furniture_is_skipped_only_where_it_cannot_match(lang):
    patterns = claim_lexicon(lang).furniture
    assert patterns and any(_needed_literals(p) for p in patterns)
    found = 0
    for text in TEXTS[lang]:
        for pattern in patterns:
            needs = _needed_literals(pattern)
            matches = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
            found += len(matches)
            if needs is not None and not any(lit in folded(text) for lit in needs):
                assert matches == [], (pattern.pattern, text)
    assert found >= 5  # the texts do hold furniture
