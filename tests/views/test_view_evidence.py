"""The one logic that shows a span of evidence: its sentence with the span set apart
(fuentes.views.evidence), which the workbench and the command line share."""

from __future__ import annotations

from fuentes.model import Evidence
from fuentes.views.evidence import excerpt, group_by_article, sentence_bounds

EN = ("The raid began before dawn. Federal police arrested twelve suspects in Reynosa on Tuesday, officials said. "
      "The U.S. Embassy said Gen. Ortiz led it.\n\n"
      "A second paragraph follows here.")
ES = ("¿Quién manda ahora? «La detención es una buena noticia», dijo la secretaria. "
      "En marzo de 2021, una corte federal en Houston lo acusó de traficar fentanilo y metanfetamina. "
      "El Sr. Ríos lo niega.")


def cut(text: str, needle: str, **kw):
    start = text.index(needle)
    return excerpt(text, start, start + len(needle), **kw)


def test_marked_is_the_span_and_context_is_its_sentence():
    found = cut(EN, "twelve suspects")
    assert found.marked == "twelve suspects"
    assert found.before == "Federal police arrested "
    assert found.after == " in Reynosa on Tuesday, officials said."
    assert not found.cut_before and not found.cut_after
    assert EN[found.start:found.end] == found.before + found.marked + found.after
    assert found.plain() == "Federal police arrested [twelve suspects] in Reynosa on Tuesday, officials said."


def test_abbreviations_and_initials_do_not_end_a_sentence():
    found = cut(EN, "Ortiz")
    assert found.before == "The U.S. Embassy said Gen. "
    assert found.after == " led it."  # and the paragraph break ends the context


def test_first_sentence_paragraph_start_and_span_ending_at_a_stop():
    assert cut(EN, "The raid").before == ""
    assert cut(EN, "The raid").after == " began before dawn."
    assert cut(EN, "second").before == "A "
    whole = cut(EN, "The raid began before dawn.")
    assert (whole.before, whole.after) == ("", "")


def test_spanish_openers_guillemets_and_abbreviations():
    found = cut(ES, "La detención")
    assert found.before == "«" and found.after.startswith(" es una buena noticia», dijo la secretaria.")
    assert cut(ES, "manda").before == "¿Quién "
    assert cut(ES, "manda").after == " ahora?"
    houston = cut(ES, "Houston")
    assert houston.before == "En marzo de 2021, una corte federal en "
    assert houston.after == " lo acusó de traficar fentanilo y metanfetamina."
    assert cut(ES, "Ríos").before == "El Sr. "


def test_long_sentences_are_cut_at_a_word_within_the_window():
    text = "Intro. Start " + " ".join(f"word{i}" for i in range(200)) + " end."
    found = cut(text, "word100", window=40)
    assert found.marked == "word100"
    assert found.cut_before and found.cut_after
    assert len(found.before) <= 40 and len(found.after) <= 40
    assert found.before.startswith("word") and found.after.endswith(tuple("0123456789"))
    begin, finish, cut_before, cut_after = sentence_bounds(text, 7, 12, window=40)
    assert (begin, cut_before) == (7, False)  # the sentence starts within the window
    assert cut_after and finish == text.rfind(" ", 12, 52)


def test_window_zero_and_spans_outside_the_text():
    alone = cut(EN, "twelve suspects", window=0)
    assert (alone.before, alone.marked, alone.after) == ("", "twelve suspects", "")
    assert excerpt(EN, 5, len(EN) + 10) is None
    assert excerpt(EN, 10, 10) is None
    assert excerpt("", 0, 1) is None


def test_markup_in_text_stays_text():
    text = 'Officials said <script>alert(1)</script> the port was closed. Next.'
    found = cut(text, "<script>alert(1)</script>")
    assert found.marked == "<script>alert(1)</script>"  # plain strings: escaping is the renderer's job
    assert found.after == " the port was closed."


def test_group_by_article_caps_counts_and_orders_spans():
    spans = [Evidence("a2", 50, 55, "entities", "1"), Evidence("a1", 30, 35, "entities", "1"),
             Evidence("a1", 10, 15, "entities", "1"), Evidence("a1", 10, 15, "entities", "1"),
             {"article": "a1", "start": 0, "end": 5, "extractor": "entities@1"},
             Evidence("a1", 40, 45, "entities", "1")]
    groups = group_by_article(spans, per_article=2)
    assert [g.article for g in groups] == ["a2", "a1"]
    a1 = groups[1]
    assert a1.count == 4 and a1.more == 2  # the repeated span counts once
    assert [(e.start, e.end) for e in a1.shown] == [(0, 5), (10, 15)]
    many = group_by_article([Evidence(f"a{i % 7}", i, i + 1, "entities", "1") for i in range(5000)])
    assert len(many) == 7 and sum(g.count for g in many) == 5000 and all(len(g.shown) == 3 for g in many)
