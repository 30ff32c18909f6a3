"""Stage `quotes` on hand-written English and Spanish paragraphs (fictional people), and the
seed articles from ../shared when present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fuentes.doc import ArticleDoc
from fuentes.errors import PipelineError
from fuentes.ids import content_id
from fuentes.model import Entity, Mention
from fuentes.pipeline import Pipeline

pytestmark = pytest.mark.models

EN = (
    "Harbour inspector Lena Ortiz said on Monday that two containers had gone missing.\n\n"
    "\u201cWe counted them twice and the numbers never matched,\u201d Ortiz said. \u201cSomebody "
    "moved them at night.\u201d\n\n"
    "\u201cThe paperwork was forged,\u201d she said, \u201cand the seals were replaced by hand.\u201d\n\n"
    "Port director Paul Brandt cautioned that the inquiry had only begun.\n\n"
    "\"Nobody should draw conclusions before the auditors finish their work next month.\"\n\n"
    "\u201cWe will publish every figure we find and every name that matters to this case.\n\n"
    "\u201cThat is a promise to the dockworkers,\u201d he added.\n\n"
    "Brandt's \u201czero tolerance\u201d plan, known locally as \u201cthe Broom,\u201d began in May. "
    "According to the port police, the missing containers held copper wire."
)
ES = (
    "La fiscal Marta Quiroga afirmó que la banda operaba desde el puerto.\n"
    "\u00abTenemos pruebas de cada envío y de cada pago que hicieron\u00bb, dijo Quiroga.\n"
    "\u2014No vamos a negociar con nadie que esté detrás de esto \u2014añadió la fiscal\u2014. "
    "Lo haremos público muy pronto.\n"
    "Según el comisario Andrés Lillo, el cargamento salió de madrugada."
)


def people(body: str, names: dict[str, str]) -> tuple[list[Mention], list[Entity]]:
    """Hand-built entity layers: each surface form (longest first) -> its entity key."""
    mentions, taken = [], set()
    for surface in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(surface), body):
            span = set(range(match.start(), match.end()))
            if not taken & span:
                mentions.append(Mention(match.start(), match.end(), surface, "PERSON", names[surface]))
                taken |= span
    full: dict[str, str] = {}
    for surface, key in names.items():
        full[key] = max(full.get(key, ""), surface, key=len)
    return sorted(mentions, key=lambda m: m.start), [Entity(k, n, "person") for k, n in full.items()]



def run(nlp, body: str, language: str, names: dict[str, str]):
    import fuentes.extract.quotes  # noqa: F401  (registers the stage)

    mentions, entities = people(body, names)
    doc = ArticleDoc(source="fixture", format="text", layers={
        "body": body, "language": language, "id": f"art_{language}", "nlp": nlp[language](body),
        "mentions": mentions, "entities": entities})
    pipe = Pipeline.from_names(["quotes"], initial=("body", "language", "id", "nlp", "mentions", "entities"))
    return pipe(doc).layers["quotes"]


def by_start(quotes, opening: str):
    hits = [q for q in quotes if q.text.startswith(opening)]
    assert hits, f"no quote opens with {opening!r}: {[q.text[:30] for q in quotes]}"
    return hits[0]


def test_english_direct_split_continued_and_paragraph_before(nlp):
    quotes = run(nlp, EN, "en", {"Lena Ortiz": "e1", "Ortiz": "e1", "Paul Brandt": "e2", "Brandt": "e2"})
    expect = {"We counted them": "e1", "Somebody moved": "e1", "The paperwork was forged": "e1",
              "and the seals": "e1", "Nobody should draw": "e2", "We will publish": "e2",
              "That is a promise": "e2"}
    for opening, speaker in expect.items():
        quote = by_start(quotes, opening)
        assert quote.direct and quote.speaker == speaker, (opening, quote)
    assert by_start(quotes, "That is a promise").cue == "added"


def test_english_offsets_ids_and_reported_speech(nlp):
    quotes = run(nlp, EN, "en", {"Lena Ortiz": "e1", "Ortiz": "e1", "Paul Brandt": "e2", "Brandt": "e2"})
    for q in quotes:
        assert EN[q.start:q.end] == q.text
        assert q.id == content_id("quo", "art_en", q.text)
    reported = {q.text: q for q in quotes if not q.direct}
    assert reported["two containers had gone missing"].speaker == "e1"
    assert reported["the inquiry had only begun"].speaker == "e2"
    police = by_start(quotes, "the missing containers held copper wire")
    assert police.speaker is None and police.speaker_name == "the port police"


def test_scare_quotes_and_nicknames_are_not_quotes(nlp):
    quotes = run(nlp, EN, "en", {"Lena Ortiz": "e1", "Ortiz": "e1", "Paul Brandt": "e2", "Brandt": "e2"})
    texts = {q.text for q in quotes}
    assert "zero tolerance" not in texts and "the Broom" not in texts


def test_spanish_guillemets_dialogue_and_segun(nlp):
    quotes = run(nlp, ES, "es", {"Marta Quiroga": "e1", "Quiroga": "e1", "Andrés Lillo": "e2"})
    assert by_start(quotes, "Tenemos pruebas").speaker == "e1"
    dash = by_start(quotes, "No vamos a negociar")
    assert dash.direct and dash.speaker == "e1" and dash.cue == "añadió"
    assert by_start(quotes, "Lo haremos público").speaker == "e1"
    reported = {q.text: q for q in quotes if not q.direct}
    assert reported["la banda operaba desde el puerto"].speaker == "e1"
    assert by_start(quotes, "el cargamento salió").speaker == "e2"


def test_stage_needs_the_entity_layers():
    import fuentes.extract.quotes  # noqa: F401

    with pytest.raises(PipelineError):
        Pipeline.from_names(["quotes"], initial=("body", "nlp"))


def _norm(text: str) -> str:
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.mark.shared
def test_seed_quotes_found_with_their_speakers(seeds_dir: Path, nlp):
    """Acceptance on the seeds: expected.yaml quotes found with the right speaker (>= 22 of
    24) and the reworded Bravo Regidor quote flagged as a variant across 000 and 001."""
    import yaml

    from fuentes.corpus.quote_matching import match_quotes
    from fuentes.extract.quotes import extract_quotes

    expected = yaml.safe_load((seeds_dir / "expected.yaml").read_text(encoding="utf-8"))
    try:
        from fuentes.extract.entities import extract as entities_of
    except ImportError:  # the entity stage is not there: spaCy's names as they come
        entities_of = None
    by_article = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        sdoc = nlp["en"](body)
        if entities_of is not None:
            mentions, entities = entities_of(sdoc, "en", path.name[:3])
        else:
            mentions = [Mention(e.start_char, e.end_char, e.text, e.label_, e.text) for e in sdoc.ents]
            entities = []
        by_article[path.name[:3]] = extract_quotes(body, sdoc, mentions, entities, "en", path.name[:3])
    found = 0
    for item in expected["quotes"]:
        want = set(_norm(item["speaker"]).split())
        ok = all(any(_norm(q.text).startswith(_norm(item["starts"])) and q.speaker_name
                     and set(_norm(q.speaker_name).split()) <= want for q in by_article[art])
                 for art in item["in"])
        found += ok
    print(f"seed quotes found with the right speaker: {found}/{len(expected['quotes'])}")
    assert found >= 22
    groups = match_quotes({"000": by_article["000"], "001": by_article["001"]})
    variant = [g for g in groups if g.variants and "capacit" in g.text]
    assert variant, "the reworded quote of 000/001 is not flagged as a variant"
    flagged = [q for q in by_article["001"] if q.variant_of]
    assert flagged and all(q.speaker_name and "Bravo" in q.speaker_name for q in flagged)


def test_a_quote_ending_in_a_full_stop_is_not_tied_to_the_next_sentence(nlp):
    body = ("\u201cI always had a gym card, but this program taught me a habit,\u201d Bo Lind says. "
            "\u201cNow my body feels wrong when I skip a day.\u201d A tour of the market, says Ana Ruiz, "
            "taught him how to read labels.")
    quotes = run(nlp, body, "en", {"Bo Lind": "e1", "Ana Ruiz": "e2"})
    assert by_start(quotes, "Now my body").speaker == "e1"


def test_short_fragment_inside_reported_speech_is_not_a_quote_of_its_own(nlp):
    body = "Ana Ruiz said the first results of the program were \u201cvery exciting\u201d for the whole city."
    quotes = run(nlp, body, "en", {"Ana Ruiz": "e1"})
    assert [q.direct for q in quotes] == [False]
    assert "very exciting" in quotes[0].text and quotes[0].speaker == "e1"


@pytest.mark.parametrize("lang,body,voice", [
    ("es", "El ministro Rafael Quintero visitó Quito el lunes. Las muertes violentas bajaron un 12% en 2019, "
           "según el acuerdo firmado por la alcaldía.", "el acuerdo firmado por la alcaldía"),
    ("en", "Minister Rafael Quintero visited Quito on Monday. Violent deaths fell 12% in 2019, according to "
           "the agreement signed by the city.", "the agreement signed by the city"),
    ("es", "El ministro Rafael Quintero visitó Quito el lunes. Las muertes violentas bajaron un 12% en 2019, "
           "según el reporte.", "el reporte"),
    ("en", "Minister Rafael Quintero visited Quito on Monday. Violent deaths fell 12% in 2019, according to "
           "the figures.", "the figures"),
])
def test_segun_a_document_is_the_documents_voice_not_a_person_named_nearby(nlp, lang, body, voice):
    # Regression: "según el acuerdo ..." / "according to the agreement" made the minister named in
    # the sentence before the speaker.
    quotes = run(nlp, body, lang, {"Rafael Quintero": "e1", "Quintero": "e1"})
    reported = by_start(quotes, "Las muertes" if lang == "es" else "Violent deaths")
    assert reported.speaker is None and reported.speaker_name == voice


@pytest.mark.parametrize("lang,body", [
    ("es", "Las muertes violentas bajaron un 12% en 2019, según un informe de Ana Berg."),
    ("en", "Violent deaths fell 12% in 2019, according to a report by Ana Berg."),
    ("es", "Las muertes violentas bajaron un 12% en 2019, según el comisario Ana Berg."),
])
def test_segun_a_person_or_a_document_she_issued_is_her_voice(nlp, lang, body):
    quotes = run(nlp, body, lang, {"Ana Berg": "e2"})
    assert by_start(quotes, "Las muertes" if lang == "es" else "Violent deaths").speaker == "e2"
