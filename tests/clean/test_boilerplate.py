"""clean_text on hand-written pages (English and Spanish) and on the real seed pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from fuentes.clean.boilerplate import clean_text

SHARED = Path(os.environ.get("FUENTES_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"

P1 = ("The regional prosecutor said on Monday that investigators had seized four trucks loaded "
      "with precursor chemicals near the port, the largest haul recorded in the state this year.")
P2 = ("Officials declined to say whether the shipment was linked to the group that controls the "
      "highway, but two people familiar with the inquiry said arrests were expected within days.")
P3 = "Residents said the checkpoints had disappeared overnight."
P4 = ("The case is one of several opened since January, when the federal government sent additional "
      "troops to the region after a string of attacks on police stations along the coast.")

EN_PAGE = f"""Skip to main content
Home | World | Politics | Business | Sports
Subscribe
Police seize chemical shipment at port
By MARIA LOPEZ and John Carter
Published Feb. 23, 2026
5 min read
Share this article
Facebook
Twitter
We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.

{P1}

{P2}

Advertisement

{P3}

{P4}

Read more: Ten years of the port war
Sign up for our daily newsletter
Related articles
Mayor denies link to smugglers
Five killed in highway ambush
© 2026 Coastal Herald Media. All rights reserved.
Privacy Policy | Terms of Use
"""

E1 = ("La Fiscalía del estado informó el lunes que agentes federales detuvieron a tres hombres "
      "acusados de extorsionar a comerciantes del mercado central durante los últimos dos años.")
E2 = ("Según el comunicado, los detenidos cobraban cuotas semanales a más de cuarenta locatarios "
      "y amenazaban con incendiar los negocios de quienes se negaban a pagar.")
ES_PAGE = f"""Menú
Inicio
Detienen a tres presuntos extorsionadores en el mercado central
Por ANA PÉREZ
Publicado el 24 de febrero de 2026
Escucha este artículo
Compartir
Síguenos en Facebook

{E1}

Publicidad

{E2}

Te puede interesar: Cae líder de banda en Puebla
Suscríbete a nuestro boletín
Todos los derechos reservados © 2026 Diario del Sur
Aviso de privacidad
"""


def reasons(result):
    return {r.text: r.reason for r in result.removed}


def test_english_page_furniture_goes_and_paragraphs_stay():
    result = clean_text(EN_PAGE, language="en")
    paragraphs = result.body.split("\n\n")
    assert paragraphs == [P1, P2, P3, P4]
    removed = reasons(result)
    assert removed["Facebook"] == "cue:social"
    assert removed["Advertisement"] == "cue:ads"
    assert removed["5 min read"] == "cue:read-time"
    assert removed["© 2026 Coastal Herald Media. All rights reserved."] == "cue:copyright"
    assert removed["By MARIA LOPEZ and John Carter"] == "metadata:byline"
    assert removed["Mayor denies link to smugglers"].startswith("edge:")
    assert result.meta["title"] == "Police seize chemical shipment at port"
    assert result.meta["byline"] == "Maria Lopez and John Carter"
    assert result.meta["published"] == "2026-02-23"
    assert result.meta["outlet"] == "Coastal Herald Media"
    assert "By MARIA LOPEZ" in result.meta_evidence["byline"]


def test_spanish_page():
    result = clean_text(ES_PAGE, language="es")
    assert result.body.split("\n\n") == [E1, E2]
    assert result.meta["byline"] == "Ana Pérez"
    assert result.meta["published"] == "2026-02-24"
    assert result.meta["title"] == "Detienen a tres presuntos extorsionadores en el mercado central"
    removed = reasons(result)
    assert removed["Escucha este artículo"] == "cue:listen"
    assert removed["Publicidad"] == "cue:ads"


def test_language_unknown_uses_every_cue_list():
    result = clean_text(ES_PAGE)
    assert result.body.split("\n\n") == [E1, E2]


def test_long_prose_with_cue_words_inside_the_body_is_kept():
    cue_prose = ("Investigators said the gang used Facebook and WhatsApp groups to share the locations "
                 "of checkpoints, and that members were told to subscribe to a private channel for orders.")
    page = f"{P1}\n\n{cue_prose}\n\n{P2}\n"
    result = clean_text(page, language="en")
    assert cue_prose in result.body.split("\n\n")
    assert result.removed == []


def test_repeated_line_keeps_first_copy():
    caption = "A burned truck on the highway near the port, a day after the attack. (Photo agency)"
    page = f"{caption}\n{caption}\n\n{P1}\n\n{P2}\n"
    result = clean_text(page)
    assert result.body.count(caption) == 1
    assert [r.reason for r in result.removed] == ["repeated"]
    assert result.removed[0].line == 1


def test_fragment_cues_and_leftover_filler_go_together():
    page = f" date 2026-03-01 NEW You can now listen to Gulf Courier articles!\n\n{P1}\n\n{P2}\n"
    result = clean_text(page, language="en")
    assert result.body.split("\n\n") == [P1, P2]
    assert result.meta["published"] == "2026-03-01"
    assert result.meta["outlet"] == "Gulf Courier"
    assert {r.reason for r in result.removed} == {"metadata:date", "cue:listen"}


def test_page_that_opens_on_its_body_has_no_title():
    assert clean_text(f"{P1}\n{P2}\n{P3}\n").meta["title"] is None


def test_relative_time_needs_saved_at():
    page = f"Port seizure shakes the coast\n2 hours ago\n\n{P1}\n\n{P2}\n"
    assert clean_text(page).meta["published"] is None
    assert clean_text(page, saved_at="2026-02-24T01:30:00").meta["published"] == "2026-02-23T23"  # to the hour
    assert clean_text(page.replace("2 hours ago", "hace 2 días"), saved_at="2026-02-24T10:00:00").meta[
        "published"] == "2026-02-22"


def test_comments_section_after_the_article_is_cut():
    comment = ("I have lived near that port for thirty years and nobody ever believed the official story "
               "about the trucks, which is why this investigation matters so much to us here.")
    page = f"{P1}\n\n{P2}\n\n{P4}\n\nComments\n\n{comment}\n"
    result = clean_text(page, language="en")
    assert comment not in result.body and P4 in result.body


def test_strong_only_keeps_short_lines_at_the_edges():
    page = f"Short opening line\n\n{P1}\n\nAdvertisement\n\n{P2}\n\nA closing note"
    result = clean_text(page, strong_only=True)
    assert result.body.split("\n\n") == ["Short opening line", P1, P2, "A closing note"]
    assert result.meta["title"] is None


def _seed_cases():
    if not (SEEDS / "expected.yaml").exists():
        return []
    expected = yaml.safe_load((SEEDS / "expected.yaml").read_text())["articles"]
    return sorted(expected.items())


@pytest.mark.shared
@pytest.mark.skipif(not (SEEDS / "expected.yaml").exists(), reason="../shared/corpus/seeds not found")
@pytest.mark.parametrize("name,expected", _seed_cases())
def test_seed_pages(name, expected):
    raw = (SEEDS / name).read_text(encoding="utf-8")
    result = clean_text(raw)
    body_lines = [line.strip() for line in result.body.split("\n\n")]
    listed = set()
    for item in expected["boilerplate"]:
        if item.startswith("second copy of"):
            copies = [line.strip() for line in raw.splitlines() if line.strip()]
            repeated = {line for line in copies if copies.count(line) > 1 and len(line.split()) > 10}
            assert repeated, "the seed should hold a repeated caption"
            for line in repeated:
                assert body_lines.count(line) == 1
            continue
        listed.add(item)
        assert item not in body_lines, f"{item!r} left in the body"
        assert not any(item in line for line in body_lines if len(line.split()) < 25), item
    for line in raw.splitlines():
        line = line.strip()
        if len(line.split()) >= 25 and line not in listed:
            assert line in body_lines, f"lost body paragraph {line[:60]!r}"
    for key in ("outlet", "title", "byline"):
        if key in expected:
            assert result.meta[key] == expected[key]
    if key := expected.get("published"):
        if str(key)[:1].isdigit():
            assert result.meta["published"] == str(key)
    if name.startswith("001"):
        assert result.meta["title"] is None


def test_english_time_lines_give_publication_and_modification():
    page = (f"Port seizure shakes the coast\nBy LUIS RUIZ\nFeb. 23, 2026, 10:14 a.m. ET\n"
            f"Updated 3:05 p.m. ET\n\n{P1}\n\n{P2}\n")
    result = clean_text(page, language="en", saved_at="2026-02-23T22:00:00Z")
    assert result.body.split("\n\n") == [P1, P2]
    assert result.meta["published"] == "2026-02-23T10:14-05:00"
    assert result.times["published"].source == "text 'Feb. 23, 2026, 10:14 a.m. ET'"
    assert result.times["modified"].iso == "2026-02-23T15:05-05:00"
    assert result.times["modified"].source == "text 'Updated 3:05 p.m. ET'"


def test_spanish_time_lines_give_publication_and_modification():
    page = (f"Detienen a tres presuntos extorsionadores en el mercado central\nPor Ana Pérez\n"
            f"23 de febrero de 2026, 10:14 h (hora del centro)\nActualizado hace 2 horas\n\n{E1}\n\n{E2}\n")
    result = clean_text(page, language="es", saved_at="2026-02-23T22:00:00+00:00")
    assert result.body.split("\n\n") == [E1, E2]
    assert result.meta["published"] == "2026-02-23T10:14-06:00"
    assert result.times["published"].precision == "minute"
    assert result.times["modified"].iso == "2026-02-23T20+00:00"
    assert result.times["modified"].source == "text 'Actualizado hace 2 horas'"


@pytest.mark.parametrize("language,warning,body", [
    ("en", "WARNING: Video contains graphic images.",
     "Police said two men were detained after the shooting outside the bar on Friday night."),
    ("es", "ADVERTENCIA: El video contiene imágenes fuertes.",
     "La policía informó que dos hombres fueron detenidos tras el ataque afuera del bar el viernes."),
])
def test_a_content_warning_line_is_page_furniture(language, warning, body):
    # Regression: "WARNING: Video contains graphic images." became a claim in the outlet's voice.
    result = clean_text(f"{P1}\n\n{warning}\n\n{body}\n\n{P2}\n", language=language)
    assert warning not in result.body
    assert body in result.body
    assert reasons(result)[warning] == "cue:content-warning"
    kept = "Warning: the storm will reach the coast on Tuesday, forecasters said."
    assert kept in clean_text(f"{P1}\n\n{kept}\n\n{P2}\n", language="en").body
