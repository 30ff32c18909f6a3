"""Language identification: any language with a confidence; short news lines among the languages in scope."""

from __future__ import annotations

import pytest

from fuentes.clean.identity import word_count
from fuentes.clean.language import detect, detect_language, language, not_analysed_reason
from fuentes.doc import ArticleDoc

# Team-written texts.
MALAY = ("Polis menahan tiga lelaki yang disyaki terlibat dalam sindiket penyeludupan dadah di sempadan "
         "utara negara pada hari Selasa. Menurut kenyataan polis, operasi itu dijalankan selepas siasatan "
         "selama beberapa bulan dan suspek akan direman selama tujuh hari.")
CHINESE = ("警方周二在边境地区逮捕了三名涉嫌走私毒品的男子。当局表示，此次行动是在数月的调查之后进行的，"
           "行动中没有人员伤亡。该集团被指控向邻国运送大量毒品。")
SPANISH = ("La policía estatal detuvo el martes a tres hombres acusados de transportar droga por la carretera "
           "federal, informó la fiscalía en un comunicado. Los detenidos fueron trasladados a la capital.")
ENGLISH = ("State police arrested three men on Tuesday who are accused of moving drugs along the federal "
           "highway, prosecutors said in a statement. The suspects were taken to the state capital.")
SPANISH_HEADLINES = ["Detienen a tres presuntos integrantes de un grupo criminal en la sierra",
                     "Enfrentamiento armado deja dos muertos en la carretera federal",
                     "Hallan restos de cinco personas en una fosa clandestina"]
ENGLISH_HEADLINES = ["Gunmen kill two police officers near the border",
                     "Navy seizes cocaine shipment at the port"]


@pytest.mark.parametrize("text, code", [(MALAY, "ms"), (CHINESE, "zh"), (SPANISH, "es"), (ENGLISH, "en")])
def test_articles_are_read_among_all_languages(text, code):
    found = detect(text)
    assert found is not None and found.language == code
    assert found.confidence >= 0.5


@pytest.mark.parametrize("text", SPANISH_HEADLINES)
def test_short_spanish_lines_stay_spanish(text):
    assert detect_language(text) == "es"  # ten Spanish words must not read as Basque or Catalan


@pytest.mark.parametrize("text", ENGLISH_HEADLINES)
def test_short_english_lines_stay_english(text):
    assert detect_language(text) == "en"


def test_too_little_text_has_no_language():
    assert detect("Ok") is None


def test_the_stage_keeps_how_the_language_was_found():
    doc = ArticleDoc(source="memory:ms", format="text", layers={"body": MALAY, "meta": {"language": "en"}})
    out = language().process(doc)
    assert out.get("language") == "ms"
    how = out.meta["meta_evidence"]["language"]
    assert how.startswith("detected ms") and "declared en" in how


def test_only_english_and_spanish_are_analysed():
    assert not_analysed_reason("es") is None and not_analysed_reason("en") is None
    assert not_analysed_reason("zh") == "language zh is not analysed (supported: en, es)"


def test_unspaced_scripts_count_their_words():
    assert word_count(CHINESE) >= 20  # was 3 "words": the article was rejected as furniture
    assert word_count(SPANISH) == len(SPANISH.split())


def test_a_short_item_keeps_the_language_its_source_declares():
    doc = ArticleDoc(source="memory:item", format="text",
                     layers={"body": "Federal police arrested Julián Zárate Villaseñor in Guadalajara",
                             "meta": {"language": "en"}})
    assert language().process(doc).get("language") == "en"  # Spanish names do not make it Spanish
    long_doc = ArticleDoc(source="memory:long", format="text", layers={"body": MALAY, "meta": {"language": "en"}})
    assert language().process(long_doc).get("language") == "ms"  # an article's own text still overrules


def test_letter_counts_of_latin_and_other_scripts():
    from fuentes.clean.language import letter_counts
    assert letter_counts("") == (0, 0)
    assert letter_counts("El señor Pérez, 42 años.") == (16, 16)
    assert letter_counts("The mayor's 3 aides") == (14, 14)
    assert letter_counts("Ѐ Москва and Ṁ") == (11, 4)  # Cyrillic letters are letters, not Latin; "Ṁ" is Latin


# Team-written texts in languages near the two in scope, for declarations their words do not confirm.
PORTUGUESE = ("A polícia estadual prendeu na terça-feira três homens acusados de transportar drogas pela rodovia "
              "federal, informou o Ministério Público em um comunicado. Os detidos foram levados para a capital "
              "do estado, onde não houve feridos.")
CATALAN = ("La policia va detenir dimarts tres homes acusats de transportar droga per la carretera, segons ha "
           "informat la fiscalia en un comunicat. Els detinguts han estat traslladats a la capital i no hi ha "
           "hagut ferits.")
DUTCH = ("De politie heeft dinsdag drie mannen aangehouden die ervan worden verdacht drugs over de snelweg te "
         "hebben vervoerd, meldde het openbaar ministerie in een verklaring. De verdachten zijn naar de "
         "hoofdstad overgebracht.")


@pytest.mark.parametrize("text, declared", [(ENGLISH, "en"), (SPANISH, "es")])
def test_a_declared_language_its_words_confirm_stands_without_detection(text, declared, monkeypatch):
    import fuentes.clean.language as module
    from fuentes.clean.language import confirmed

    assert confirmed(text, declared) is not None
    monkeypatch.setattr(module, "detect", lambda text: pytest.fail("detected a confirmed declaration"))
    doc = ArticleDoc(source="memory:x", format="text", layers={"body": text, "meta": {"language": declared}})
    out = language().process(doc)
    assert out.get("language") == declared
    assert out.meta["meta_evidence"]["language"].startswith(f"declared {declared} (confirmed: ")


@pytest.mark.parametrize("text, declared, code", [
    (MALAY, "en", "ms"), (SPANISH, "en", "es"), (ENGLISH, "es", "en"), (PORTUGUESE, "es", "pt"),
    (CATALAN, "es", "ca"), (DUTCH, "en", "nl"), (CHINESE, "es", "zh")])
def test_a_mislabelled_page_is_not_confirmed_and_is_detected(text, declared, code):
    from fuentes.clean.language import confirmed

    assert confirmed(text, declared) is None
    doc = ArticleDoc(source="memory:x", format="text", layers={"body": text, "meta": {"language": declared}})
    out = language().process(doc)
    assert out.get("language") == code
    assert out.meta["meta_evidence"]["language"].startswith(f"detected {code}")


def test_too_few_words_or_an_unknown_declaration_are_not_confirmed():
    from fuentes.clean.language import confirmed

    assert confirmed(SPANISH_HEADLINES[0], "es") is None  # a headline: detected among the languages in scope
    assert confirmed(ENGLISH_HEADLINES[0], "en") is None
    assert confirmed(ENGLISH, "xx") is None
