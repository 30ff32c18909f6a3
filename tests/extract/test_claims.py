"""Stage `claims` on hand-written English and Spanish paragraphs (fictional people)."""

from __future__ import annotations

import pytest

from fuentes.doc import ArticleDoc
from fuentes.extract.claims import extract_claims, is_hedged
from fuentes.model import Mention, Quote
from fuentes.pipeline import Pipeline
from tests.extract.fixtures_claims import mentions

pytestmark = pytest.mark.models

EN = ("Navy commandos killed Rafael Quintero on Sunday near the port. "
      "The killing of Rafael Quintero ended a long hunt. "
      "Police had tried to arrest Quintero in 2019. "
      "From 2010 to 2020, the province spent $2.5 billion on patrols. "
      "The unit has roughly 120 officers.")
ES = ("Marinos abatieron a Rafael Quintero el domingo. "
      "La captura de Rafael Quintero fue anunciada por la fiscalía. "
      "De 2010 a 2020, la provincia gastó 2.500 millones de dólares en patrullas.")



def mentions_of(body: str, name: str, key: str = "e1") -> list[Mention]:
    out, start = [], body.find(name)
    while start >= 0:
        out.append(Mention(start, start + len(name), name, "PERSON", key))
        start = body.find(name, start + 1)
    if name.split()[-1] != name:
        surname = name.split()[-1]
        for i in range(len(body)):
            if body.startswith(surname, i) and not any(m.start <= i < m.end for m in out):
                out.append(Mention(i, i + len(surname), surname, "PERSON", key))
    return sorted(out, key=lambda m: m.start)


def test_english_frames_values_and_attempts(nlp):
    sdoc = nlp["en"](EN)
    claims = extract_claims(EN, sdoc, mentions_of(EN, "Rafael Quintero"), [], "en", "a1")
    kills = [c for c in claims if c.predicate == "kill"]
    assert len(kills) >= 2 and all(c.object == "e1" for c in kills)  # verb and "the killing of"
    assert any(c.predicate == "attempt:capture" and c.object == "e1" for c in claims)
    assert not any(c.predicate == "capture" for c in claims)  # "tried to arrest" is no arrest
    spend = next(c for c in claims if c.predicate == "spend")
    kinds = {v.kind: v for v in spend.values}
    assert kinds["money"].amount == pytest.approx(2.5e9) and kinds["range"].low == "2010"
    count = next(c for c in claims if any(v.kind == "count" for v in c.values))
    assert "120" in count.text and EN[count.start:count.end] == count.text


def test_spanish_frames_and_values(nlp):
    sdoc = nlp["es"](ES)
    claims = extract_claims(ES, sdoc, mentions_of(ES, "Rafael Quintero"), [], "es", "b1")
    preds = {(c.predicate, c.object) for c in claims}
    assert ("kill", "e1") in preds and ("capture", "e1") in preds
    money = [v for c in claims for v in c.values if v.kind == "money"]
    assert money and money[0].amount == pytest.approx(2.5e9) and money[0].unit == "USD"


def test_quotes_are_claims_of_their_speaker(nlp):
    body = "\u201cWe found forty rifles in the truck,\u201d said Ana Berg, the chief."
    sdoc = nlp["en"](body)
    q = Quote(id="q1", article="a2", text=body[1:34], start=1, end=34, direct=True, speaker_name="Ana Berg",
              speaker="e1")
    claims = extract_claims(body, sdoc, mentions_of(body, "Ana Berg"), [q], "en", "a2")
    said = [c for c in claims if c.predicate == "say"]
    assert len(said) == 1 and said[0].speaker == "e1" and said[0].text == q.text
    assert not any(c.start < q.end and c.predicate != "say" for c in claims)


def test_stage_in_a_pipeline(nlp):
    import fuentes.extract.claims  # noqa: F401

    doc = ArticleDoc(source="t", format="text", layers={"body": EN, "nlp": nlp["en"](EN), "id": "a3",
                                                        "language": "en", "mentions": [], "entities": [],
                                                        "quotes": []})
    out = Pipeline.from_names(["claims"], initial=("body", "nlp", "mentions", "entities", "quotes"))(doc)
    assert out.get("claims") and out.provenance["claims"].startswith("claims@")


def test_hedges():
    assert is_hedged("The boss was reportedly seen in town")
    assert is_hedged("El jefe habría sido visto, según fuentes")
    assert not is_hedged("The boss was seen in town")


# ---- atomic claims: slots, modality, what is no claim ---------------------------------------

EN_SLOTS = ("Zárate was detained along with four of his bodyguards. "
            "Gunmen set fire to at least 23 vehicles and blocked 14 roads across the state. "
            "The embassy said that Washington would formally request his extradition. "
            "Washington has offered up to $5 million for his capture since then, and he faces charges. "
            "Analysts think the arrest could trigger a succession fight.")
ES_SLOTS = ("Junto con el capo fueron detenidos cinco de sus escoltas. "
            "Hombres armados incendiaron al menos 31 vehículos y bloquearon carreteras en diez municipios. "
            "La embajada entregó el lunes la solicitud formal de extradición. "
            "El Departamento de Estado ofrece una recompensa por información que lleve a su captura. "
            "La policía no detuvo a Zárate. "
            "Los marinos intentaron capturar a Zárate en 2019.")


def test_english_atomic_claims_with_slots(nlp):
    sdoc = nlp["en"](EN_SLOTS)
    claims = extract_claims(EN_SLOTS, sdoc, mentions_of(EN_SLOTS, "Zárate"), [], "en", "a")
    by_pred = {c.predicate: c for c in claims}
    detained = by_pred["capture"]
    assert detained.object == "e1" and [(v.amount, v.unit) for v in detained.values] == [(4.0, "bodyguards")]
    burn = by_pred["burn"]  # "set fire to": typed, and the coordinated "blocked 14 roads" is its own claim
    assert "23" in burn.text and "roads" not in burn.text and by_pred["block"].values[0].amount == 14
    assert by_pred["request"].modality == "predicted"  # "would formally request"
    offer = next(c for c in claims if any(v.kind == "money" for v in c.values))
    assert not offer.text.rstrip().endswith(("and", ","))  # never cut before its coordinate
    assert not any("succession" in c.text for c in claims)  # an opinion is no claim


def test_spanish_atomic_claims_with_slots(nlp):
    sdoc = nlp["es"](ES_SLOTS)
    claims = extract_claims(ES_SLOTS, sdoc, mentions_of(ES_SLOTS, "Zárate"), [], "es", "b")
    escoltas = next(c for c in claims if any(v.unit == "escoltas" for v in c.values))
    assert escoltas.predicate == "capture" and escoltas.values[0].amount == 5
    burn = next(c for c in claims if c.predicate == "burn")
    assert burn.values[0].amount == 31 and burn.values[0].approximate and "municipios" not in burn.text
    request = next(c for c in claims if c.predicate == "request")
    assert request.modality == "reported" and "solicitud" in request.text
    assert not any("lleve a su captura" == c.text for c in claims)  # a subjunctive relative is no fact
    denied = [c for c in claims if c.predicate == "capture" and c.object == "e1" and c.modality == "denied"]
    assert denied and "no detuvo" in denied[0].text
    assert any(c.predicate == "attempt:capture" and c.time == "2019" for c in claims)


# ---- stated values and outcomes ---------------------------------------------------------------

EN_VALUES = ("The unemployment rate was 5 percent in May. "
             "In 2009, the United Nations came under withering criticism. "
             "Ruiz won the runoff in the northern district. "
             "Ortiz lost the runoff in the southern district.")
ES_VALUES = ("La tasa de desempleo fue de 5 por ciento en mayo. "
             "En 2009, las Naciones Unidas recibieron duras críticas. "
             "Ruiz ganó la segunda vuelta en el distrito norte. "
             "Ortiz perdió la segunda vuelta en el distrito sur.")


@pytest.mark.parametrize("lang,body", [("en", EN_VALUES), ("es", ES_VALUES)])
def test_stated_figures_dates_and_outcomes_are_claims(nlp, lang, body):
    """A figure or a date the outlet states is always in a claim (a copula's figure too, and a
    month name is no hedge); won / lost are typed outcomes that can contradict each other."""
    sdoc = nlp[lang](body)
    mentions = mentions_of(body, "Ruiz", "e1") + mentions_of(body, "Ortiz", "e2")
    claims = extract_claims(body, sdoc, sorted(mentions, key=lambda m: m.start), [], lang, "a")
    rate = next(c for c in claims if any(v.kind == "percent" and v.amount == 5 for v in c.values))
    assert rate.predicate == "be" and rate.modality == "reported" and rate.start == 0
    dated = next(c for c in claims if c.time == "2009")
    assert "2009" in dated.text and dated.modality == "reported"
    outcomes = {c.predicate: c.subject for c in claims if c.predicate in ("win", "lose")}
    assert outcomes == {"win": "e1", "lose": "e2"}


def test_atomic_rule():
    from fuentes.extract.claims import atomic_reason

    ok = {"text": "Soldiers killed Quintero", "predicate": "kill", "object": "e1", "evidence": [{"article": "a"}]}
    assert atomic_reason(ok) is None
    assert atomic_reason({**ok, "object": None}) == "no subject or object"
    assert atomic_reason({**ok, "text": "Soldiers killed Quintero. Then they left"}) == "more than one sentence"
    assert atomic_reason({**ok, "text": "Marinos abatieron a Quintero y"}) == "cut mid-sentence"
    assert atomic_reason({**ok, "evidence": []}) == "no evidence"
    assert atomic_reason({**ok, "text": "President George W. Bush kept the homeland safe"}) is None  # an initial
    assert atomic_reason({**ok, "text": "La Sra. Pérez llegó a Monterrey"}) is None  # a title
    assert atomic_reason({**ok, "text": "La Sra. Pérez llegó. Luego se fue"}) == "more than one sentence"
    # regression: a title's abbreviation ended the sentence ("Indiana Gov. Mike Pence plans to ...")
    assert atomic_reason({**ok, "text": "Indiana Gov. Mike Pence plans to release his returns"}) is None
    assert atomic_reason({**ok, "text": "El Lic. Pérez y el Gral. Soto llegaron a Monterrey"}) is None


@pytest.mark.parametrize("lang,body,pred", [
    ("en", "Navy commandos captured Rafael Quintero on Sunday, raising fears that his gang may retaliate.",
     "capture"),
    ("es", "Marinos capturaron a Rafael Quintero el domingo, lo que hizo temer que su banda posiblemente se vengue.",
     "capture"),
])
def test_a_subordinate_clauses_hedge_is_its_own(nlp, lang, body, pred):
    """"... raising fears that his gang may retaliate" does not hedge the capture it follows
    (regression: the hedge word of any clause below the head made the whole claim hedged)."""
    claims = extract_claims(body, nlp[lang](body), mentions_of(body, "Rafael Quintero"), [], lang, "a1")
    (capture,) = [c for c in claims if c.predicate == pred]
    assert capture.object == "e1" and capture.modality == "reported"


@pytest.mark.parametrize("lang,body", [
    ("en", "Navy commandos may have captured Rafael Quintero on Sunday."),
    ("es", "Marinos habrían capturado a Rafael Quintero el domingo."),
])
def test_a_hedge_of_the_clause_itself_still_hedges(nlp, lang, body):
    claims = extract_claims(body, nlp[lang](body), mentions_of(body, "Rafael Quintero"), [], lang, "a1")
    (capture,) = [c for c in claims if c.predicate == "capture"]
    assert capture.modality == "hedged"


@pytest.mark.parametrize("lang,body", [
    ("en", "Rafael Quintero is the most wanted man in the province. Analysts think the gang will split."),
    ("es", "Rafael Quintero es el hombre más buscado de la provincia. Los analistas creen que la banda se dividirá."),
])
def test_every_clause_makes_statements_the_stage_leaves_out(nlp, lang, body):
    """The stage keeps an opinion out (and of copulas only a named subject's: what a named one is);
    `every_clause` (for measuring the matcher) gives them all as statements with their slots."""
    sdoc = nlp[lang](body)
    found = mentions_of(body, "Rafael Quintero")
    assert [(c.predicate, c.subject) for c in extract_claims(body, sdoc, found, [], lang, "a1")] == [("be", "e1")]
    statements = extract_claims(body, sdoc, found, [], lang, "a1", every_clause=True)
    be = next(c for c in statements if c.predicate == "be")
    assert be.subject == "e1" and "buscado" in be.text or "wanted" in be.text


@pytest.mark.parametrize("lang,body,date", [
    ("en", "The bank said this month it would end the bonuses, beginning in January 2027.", "2027-01"),
    ("es", "El banco dijo este mes que eliminará los bonos, comenzando en enero de 2027.", "2027-01"),
])
def test_a_date_in_a_fragment_is_read_with_its_clause(nlp, lang, body, date):
    """"..., beginning in January 2027" alone is too short to tell one statement from another
    (a changed date in it was never compared): its date makes a claim of the clause it hangs
    from, the fragment included."""
    claims = extract_claims(body, nlp[lang](body), [], [], lang, "a1")
    (dated,) = [c for c in claims if c.time == date]
    assert ("bonuses" in dated.text or "bonos" in dated.text) and dated.text.endswith("2027")


@pytest.mark.parametrize("lang,body,quoted", [
    ("en", "Did the navy kill Rafael Quintero in 2019? The navy killed Rafael Quintero in 2020.",
     "\u201cDid you see the navy take the port in 2019?\u201d said Ana Berg."),
    ("es", "\u00bfMataron los marinos a Rafael Quintero en 2019? Los marinos mataron a Rafael Quintero en 2020.",
     "\u00ab\u00bfVieron ustedes c\u00f3mo la marina tom\u00f3 el puerto en 2019?\u00bb, dijo Ana Berg."),
])
def test_a_question_quoted_or_not_is_no_claim(nlp, lang, body, quoted):
    # Regression: "Did you see me pull that off?" was graded like a statement of its speaker.
    claims = extract_claims(body, nlp[lang](body), mentions_of(body, "Rafael Quintero"), [], lang, "q1")
    assert claims and all("2020" in c.text and "?" not in c.text for c in claims)
    q = Quote(id="q2", article="q2", text=quoted[1:quoted.index("2019") + 5], start=1,
              end=quoted.index("2019") + 5, direct=True, speaker_name="Ana Berg", speaker="e1")
    assert q.text.endswith("?")
    said = extract_claims(quoted, nlp[lang](quoted), mentions_of(quoted, "Ana Berg"), [q], lang, "q2")
    assert not [c for c in said if c.predicate == "say"]


def _quote(body: str, text: str, speaker: str) -> Quote:
    start = body.index(text)
    return Quote(id=f"q{start}", article="qf", text=text, start=start, end=start + len(text), direct=True,
                 speaker_name=speaker, speaker="e1")


@pytest.mark.parametrize("lang,body,phrases,statements", [
    ("en", "Mayor Ana Berg called the port plan \u201ca hell of a lot worse than the last one.\u201d "
           "She said the rivals were \u201cnot smart enough to win the vote.\u201d "
           "\u201cWe seized forty rifles at the port,\u201d Berg said. "
           "\u201cThe drivers would face charges in Texas,\u201d Berg added. "
           "\u201cPay no attention to the rumors about the raid,\u201d Berg said.",
     ["a hell of a lot worse than the last one.", "not smart enough to win the vote.",
      "Pay no attention to the rumors about the raid,"],
     ["We seized forty rifles at the port,", "The drivers would face charges in Texas,"]),
    ("es", "La alcaldesa Ana Berg calific\u00f3 el plan del puerto de \u201cuna verg\u00fcenza total para el pueblo\u201d. "
           "Dijo que sus rivales eran \u201cdemasiado torpes para ganar la votaci\u00f3n\u201d. "
           "\u201cDecomisamos cuarenta fusiles en el puerto\u201d, dijo Berg. "
           "\u201cLos conductores enfrentar\u00e1n cargos en Sonora\u201d, a\u00f1adi\u00f3 Berg.",
     ["una verg\u00fcenza total para el pueblo", "demasiado torpes para ganar la votaci\u00f3n"],
     ["Decomisamos cuarenta fusiles en el puerto", "Los conductores enfrentar\u00e1n cargos en Sonora"]),
])
def test_a_quoted_phrase_is_no_claim_of_its_speaker(nlp, lang, body, phrases, statements):
    # Regression: scare-quoted words set in the outlet's sentence ("called it \u201ca hell of a lot
    # worse\u201d") and imperatives were graded as their speaker's factual claims.
    quotes = [_quote(body, t, "Ana Berg") for t in phrases + statements]
    said = {c.text for c in extract_claims(body, nlp[lang](body), mentions_of(body, "Ana Berg"), quotes, lang, "qf")
            if c.predicate == "say"}
    assert said == set(statements)


@pytest.mark.parametrize("lang,body", [
    ("en", "NEW YORK, Dec. 14 (UPI) -- The council met.\n\nCopyright \u00a9 2015 by Lena Varga.\n\n"
           "Tom Reller with the Hawks, 3 goals."),
    ("es", "MADRID, 14 dic. (EFE) -- El consejo se reuni\u00f3.\n\nCopyright \u00a9 2015 por Lena Varga.\n\n"
           "Lucas Pardo con el Atl\u00e9tico, 3 goles."),
])
def test_a_verbless_line_with_a_figure_is_no_claim(nlp, lang, body):
    # Regression: datelines, copyright and score lines became claims with predicates such as "york".
    claims = extract_claims(body, nlp[lang](body), [], [], lang, "vl")
    assert not [c.text for c in claims if any(ch.isdigit() for ch in c.text)]


@pytest.mark.parametrize("text", ["He\u2019s ready to run.", "They\u2019re ready to run."])
def test_a_typographic_contraction_is_read_as_its_verb(nlp, text):
    from fuentes.extract.claims import lemma_of

    verb = next(t for t in nlp["en"](text) if "\u2019" in t.text)
    assert lemma_of(verb) == "be"


@pytest.mark.parametrize("lang,body,kept", [
    ("en", "Ana Berg called the port plan a disgrace. Ana Berg described the raid as a failure. "
           "Ana Berg was named director of the port authority in 2019.", "named director"),
    ("es", "Ana Berg calific\u00f3 el plan del puerto de desastre. Ana Berg describi\u00f3 la redada como un fracaso. "
           "Ana Berg fue nombrada directora de la autoridad portuaria en 2019.", "nombrada directora"),
])
def test_a_characterisation_is_no_claim_an_appointment_is(nlp, lang, body, kept):
    # Regression: "X called the plan a disgrace" was a claim of the outlet's own voice.
    claims = extract_claims(body, nlp[lang](body), mentions_of(body, "Ana Berg"), [], lang, "ch")
    assert [c for c in claims if kept in c.text]
    assert not [c.text for c in claims if kept not in c.text]


def test_a_dropped_spanish_subject_is_the_person_named_before(nlp):
    # Regression: Spanish clauses without a written subject ("Fue detenido...", "Huyó...") were
    # claims about no one.
    body = ("La polic\u00eda busc\u00f3 a Rafael Quintero durante meses. Fue detenido el martes en el puerto de Veracruz. "
            "Rafael Quintero huy\u00f3 de la c\u00e1rcel de Puebla en 2019. Entreg\u00f3 cinco fusiles a la fiscal\u00eda en 2020. "
            "Se detuvo a cinco sospechosos en la carretera en 2021.")
    claims = extract_claims(body, nlp["es"](body), mentions_of(body, "Rafael Quintero"), [], "es", "zs")
    detained = next(c for c in claims if c.text.startswith("Fue detenido"))
    assert detained.object == "e1" and detained.subject is None
    handed = next(c for c in claims if c.text.startswith("Entreg\u00f3"))
    assert handed.subject == "e1"
    impersonal = [c for c in claims if c.text.startswith("Se detuvo")]
    assert all(c.subject is None and c.object is None for c in impersonal)


@pytest.mark.parametrize("lang,body,place", [
    ("en", "The New Jersey governor accused Rafael Quintero of bribery on Tuesday.", "New Jersey"),
    ("es", "El gobernador de Nueva Jersey acus\u00f3 a Rafael Quintero de soborno el martes.", "Nueva Jersey"),
])
def test_a_person_by_role_is_not_the_name_modifying_it(nlp, lang, body, place):
    # Regression: "the New Jersey governor accused X" had New Jersey as its subject.
    ms = mentions(body, ("Rafael Quintero", "PERSON", "e1"), (place, "GPE", "p1"))
    claims = extract_claims(body, nlp[lang](body), ms, [], lang, "pn")
    accused = next(c for c in claims if c.start == 0)
    assert accused.subject.startswith("np:") and "governor" in accused.subject or "gobernador" in accused.subject
    # the governor, written out (no name), never the place



@pytest.mark.parametrize("lang,body", [
    ("en", "The governor, Rafael Quintero, signed the port decree on Tuesday."),
    ("es", "El gobernador Rafael Quintero firm\u00f3 el decreto del puerto el martes."),
])
def test_the_person_named_beside_a_role_is_its_holder(nlp, lang, body):
    # Regression (of the rule above): "el gobernador Rubén Rocha contrató..." lost its subject.
    claims = extract_claims(body, nlp[lang](body), mentions_of(body, "Rafael Quintero"), [], lang, "rh")
    assert next(c for c in claims if c.start == 0).subject == "e1"


@pytest.mark.parametrize("lang,body", [
    ("en", "Pay no attention to the rumors about Rafael Quintero. Read the full report on Rafael Quintero here."),
    ("es", "No preste atenci\u00f3n a los rumores sobre Rafael Quintero. Lea el informe completo sobre Rafael Quintero aqu\u00ed."),
])
def test_an_order_to_the_reader_is_no_claim(nlp, lang, body):
    # Regression: "Pay no attention to the liar behind the curtain" was a claim of the outlet.
    assert extract_claims(body, nlp[lang](body), mentions_of(body, "Rafael Quintero"), [], lang, "im") == []


@pytest.mark.parametrize("lang,body,first", [
    ("en", "DALLAS (AP) \u2014 Governor Rafael Quintero is shifting 40 officers to the port.", "Governor"),
    ("es", "MONTERREY, 14 dic. (EFE).- El gobernador Rafael Quintero traslad\u00f3 a 40 agentes al puerto.", "El"),
])
def test_a_dateline_is_neither_the_subject_nor_part_of_the_claim(nlp, lang, body, first):
    # Regression: "DALLAS (AP) \u2014 Democratic candidate Martin O'Malley is shifting staff" had
    # DALLAS as its subject and its dateline in the claim.
    ms = mentions(body, ("Rafael Quintero", "PERSON", "e1"), (body.split(" ")[0].rstrip(","), "GPE", "p1"))
    claims = extract_claims(body, nlp[lang](body), ms, [], lang, "dl")
    main = next(c for c in claims if "40" in c.text)
    assert main.text.startswith(first) and main.subject == "e1"


@pytest.mark.parametrize("lang,body", [
    ("en", "Arrests at the port.\n\nNEW YORK, Dec. 22 (UPI) \u2014 Police arrested Rafael Quintero at the port."),
    ("es", "Detenciones en el puerto.\n\nMONTERREY, 22 dic. (EFE) \u2014 La polic\u00eda detuvo a Rafael Quintero en el puerto."),
])
def test_a_datelines_date_makes_no_claim(nlp, lang, body):
    # Regression: the dateline's date made a value claim whose text began "NEW YORK, Dec. 22 (UPI) —".
    claims = extract_claims(body, nlp[lang](body), mentions_of(body, "Rafael Quintero"), [], lang, "dd")
    assert claims and not [c.text for c in claims if "(UPI)" in c.text or "(EFE)" in c.text]
