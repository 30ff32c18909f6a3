"""The speakers' per-token table (offsets, sentence starts, pronoun genders): made once per Doc
and lexicon, the same as read token by token, English and Spanish."""

from __future__ import annotations

import pytest

from fuentes.extract import speakers
from fuentes.extract.speech import lexicon

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language,body", [
    ("en", "Ana Ruiz spoke first. She said her office would act. Then he and they left.\n\nHis car was gone."),
    ("es", "Ana Ruiz habló primero. Ella dijo que su oficina actuaría. Luego él y ellos se fueron.\n\nSu auto no estaba."),
])
def test_token_table_is_each_tokens_offset_sentence_start_and_pronoun_gender(nlp, language, body):
    lex = lexicon(language)
    sdoc = nlp[language](body)
    ref = speakers.Referents(sdoc, [], [], [], lex, lambda char: 0)
    offsets, starts, genders = ref._token_table()
    assert offsets == [t.idx for t in sdoc]
    assert starts == [1 if t.is_sent_start else 0 for t in sdoc]
    assert genders == [lex.pronoun_gender(t.lower_) for t in sdoc]
    assert {"m", "f"} <= set(genders)
    again = speakers.Referents(sdoc, [], [], [], lex, lambda char: 0)._token_table()
    assert again is ref._token_table()  # one table per Doc and lexicon
    other = speakers.Referents(nlp[language](body), [], [], [], lex, lambda char: 0)._token_table()
    assert other == again and other is not again  # another Doc has its own
