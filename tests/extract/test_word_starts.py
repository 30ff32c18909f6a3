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

