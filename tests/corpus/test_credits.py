"""Credit cue detection on small texts written for these tests."""

from __future__ import annotations

from fuentes.corpus.credits import Gazetteer, credits_of, detect_credits


def kinds(text: str, language: str = "en", extra: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    gaz = Gazetteer.default().with_extra(extra)
    return [(c.outlet, c.kind) for c in detect_credits(text, language, gaz)]


def test_wire_datelines_and_signoff():
    assert kinds("TUCSON, Ariz. (AP) — Officials said on Monday.") == [("Associated Press", "wire")]
    assert kinds("BOGOTA, March 3 (Reuters) - The army said.") == [("Reuters", "wire")]
    text = "The mayor resigned.\n\n(Reporting by Ana Diaz; Editing by Tom Lee)"
    assert ("Reuters", "wire") in kinds(text)


def test_reported_according_to_and_told():
    text = ("The Washington Post reported on Friday that the deal collapsed. According to "
            "Reuters, two ships were seized. The minister told CNN he would not resign.")
    assert kinds(text) == [("The Washington Post", "reported"), ("Reuters", "reported"), ("CNN", "told")]


def test_photo_credit_and_byline_of_another_outlet():
    text = "By Maria Lopez, The New York Times\n\nA convoy was attacked.(Juan Perez/The New York Times)"
    assert kinds(text) == [("The New York Times", "byline"), ("The New York Times", "photo")]


def test_short_alias_needs_the_full_name():
    assert kinds("the Times reported that the cartel split.") == []
    both = kinds("The New York Times published the memo. Later the Times reported more.")
    assert both == [("The New York Times", "reported"), ("The New York Times", "reported")]


def test_anaphora_goes_to_the_last_credited_outlet():
    text = "The Miami Herald reported the arrest. A lawyer told the outlet he was innocent."
    assert kinds(text) == [("Miami Herald", "reported"), ("Miami Herald", "reported")]


def test_plain_mentions_are_not_credits():
    assert kinds("CNN aired a debate and the AP style guide changed. Fox News hosts argued.") == []
    assert kinds("The senator told reporters that the plan was dead.") == []


def test_spanish_cues():
    text = ("CIUDAD DE MÉXICO, 4 mar (EFE).- El Ejército detuvo a dos hombres, según informó "
            "el diario El Universal. El fiscal dijo a Milenio que habrá más detenciones. "
            "Con información de Reuters.")
    assert kinds(text, "es") == [("EFE", "wire"), ("El Universal", "reported"), ("Milenio", "told"),
                                 ("Reuters", "contributed")]


def test_corpus_outlets_are_added_and_byline_field_counts():
    text = "The Valley Courier first reported the shooting."
    assert kinds(text) == []
    assert kinds(text, extra=("The Valley Courier",)) == [("The Valley Courier", "reported")]
    found = credits_of("Body text without cues.", byline="Staff, Agence France-Presse")
    assert [(c.outlet, c.kind) for c in found] == [("Agence France-Presse", "byline")]


def test_canonical_names():
    gaz = Gazetteer.default()
    assert gaz.canonical("Fox News Digital") == "Fox News"
    assert gaz.canonical("AP") == "Associated Press"
    assert gaz.is_wire("AFP") and not gaz.is_wire("Fox News")


def test_outlets_seen_in_the_corpus_are_recognised_by_their_short_form_after_the_full_name():
    from fuentes.corpus.credits import Gazetteer, _mentions, derived_short_forms

    assert "the Courier" in derived_short_forms("Gulf Coast Courier")
    assert "El Heraldo" in derived_short_forms("El Heraldo del Norte")
    gazetteer = Gazetteer.default().with_extra(["Bay Area Courier"])
    text = ("Police made the arrest, according to the Bay Area Courier. "
            "Two officers were hurt, the Courier reported.")
    assert [canonical for _, _, canonical in _mentions(text, gazetteer)] == ["Bay Area Courier"] * 2
    # Without the full name, a bare "the Courier" is not taken as that outlet.
    assert _mentions("Two officers were hurt, the Courier reported.", gazetteer) == []


def test_material_another_outlet_gathered_is_obtained_not_its_story():
    text = ("Spending topped $130 million, according to a Politico analysis of federal filings. "
            "A letter obtained by The Washington Post shows the plan. Reuters obtained the memo. "
            "A CNN/ORC poll found the race tied, and The New York Times's own survey agreed. "
            "Politico reported the figure first.")
    assert kinds(text) == [("Politico", "obtained"), ("The Washington Post", "obtained"), ("Reuters", "obtained"),
                           ("CNN", "obtained"), ("The New York Times", "obtained"), ("Politico", "reported")]


def test_spanish_material_another_outlet_gathered_is_obtained_not_its_story():
    text = ("El gasto superó los 130 millones, según un análisis de El Universal sobre los registros. "
            "Una carta obtenida por el diario Reforma muestra el plan. Milenio obtuvo el memorando. "
            "Una encuesta de El Financiero da un empate, informó Proceso.")
    assert kinds(text, "es") == [("El Universal", "obtained"), ("Reforma", "obtained"), ("Milenio", "obtained"),
                                 ("El Financiero", "obtained"), ("Proceso", "reported")]
