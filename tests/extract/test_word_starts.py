from fuentes.extract.dates import find_dates
from fuentes.extract.values import find_values
from fuentes.extract.word_starts import word_starts


def test_words_are_indexed_by_their_folded_form():
    text = "El lunes 3 de Mayo, la Policía detuvo a 12 personas; el LUNES siguiente, a 4 más."
    index, digits = word_starts(text)
    assert index["lunes"] == [3, text.index("LUNES")]
    assert index["mayo"] == [text.index("Mayo")]
    assert digits == [text.index("3"), text.index("12"), text.index("4")]


def test_a_text_is_indexed_once_for_the_stages_that_read_it():
    """The claims stage (values) and the events stage (dates) read the same body: one index."""
    text = "On Monday, March 3, 2025, police seized 450 kilograms of cocaine and $2.5 million in cash."
    word_starts.cache_clear()
    values = find_values(text, "en")
    dates = find_dates(text, "en")
    info = word_starts.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    assert values and dates
    assert find_values(text, "en", exhaustive=True) == values  # the index finds what a full scan finds



def _regex_matches(text, words, before, after):
    import re

    pattern = re.compile("(?<!" + before + ")(?:" + "|".join(re.escape(w) for w in words) + ")(?!" + after + ")")
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_literal_matches_are_the_alternations_matches():
    """Names found again by `str.find` instead of a pattern compiled per article: the same
    places, in English and Spanish, longest form first, none glued to another word."""
    import random
    import re

    from fuentes.extract.word_starts import literal_matches

    before, after = r"[\w\-'\u2019&.]", r"[\w\-&]|\.\w"
    cases = [
        ("Ana Ruiz met Ruiz's lawyer; Ruizes and Ruiz-Soto are others. Ruiz.com too, but Ruiz. Then Ana Ruiz.",
         ["Ana Ruiz", "Ruiz"]),
        ("El Banco de México y el Banco; BancoMex no. Banco&Co no, «Banco» sí, y de México al final: México",
         ["Banco de México", "México", "Banco"]),
        ("U.S. and U.S.A. and the U.S.-led group; US. U.S", ["U.S.A.", "U.S.", "U.S"]),
    ]
    random.seed(7)
    letters = "abAB .-'&\u2019\nxé_1"
    for _ in range(2000):
        text = "".join(random.choice(letters) for _ in range(random.randint(0, 30)))
        words = sorted(dict.fromkeys("".join(random.choice("abAB.é") for _ in range(random.randint(1, 4)))
                                     for _ in range(random.randint(1, 4))), key=len, reverse=True)
        cases.append((text, words))
    compiled = re.compile(before), re.compile(after)
    for text, words in cases:
        assert literal_matches(text, words, *compiled) == _regex_matches(text, words, before, after), (text, words)
