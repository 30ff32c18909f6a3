"""Passage alignment, pair classification and the LSH fingerprints."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from fuentes.corpus.derivation import relate, split_sentences
from fuentes.corpus.lsh_index import Hasher, LSHIndex, content_tokens, shingle_hashes
from tests.corpus.fixtures_provenance import INDEPENDENT, ORIGINAL, REWRITE, UNRELATED, text


def test_split_sentences_marks_quotes():
    s = split_sentences(text(ORIGINAL))
    assert len(s.norm) == len(ORIGINAL)
    assert s.quoted.sum() == 2 and len(s.quotes) == 2


def test_trimmed_copy_with_furniture_is_syndicated_and_copy_side_found():
    original = split_sentences(text(ORIGINAL))
    copy = split_sentences("Share this article\n\n" + text(ORIGINAL[:8]) + "\n\nSubscribe to our newsletter")
    rel = relate(original, copy)
    assert rel.kind == "syndicated"
    assert rel.copy_side == "b"  # the trimmed side is the copy
    assert rel.score > 0.9


def test_rewrite_is_not_syndicated():
    rel = relate(split_sentences(text(ORIGINAL)), split_sentences(text(REWRITE)))
    assert rel.kind == "rewrite", rel.evidence


def test_independent_coverage_sharing_one_quote_is_not_linked():
    rel = relate(split_sentences(text(ORIGINAL)), split_sentences(text(INDEPENDENT)))
    assert rel.kind == "independent", rel.evidence
    assert relate(split_sentences(text(ORIGINAL)), split_sentences(text(UNRELATED))).kind == "independent"


def test_signature_matches_datasketch():
    hashes = shingle_hashes(content_tokens(text(ORIGINAL)))
    ours = Hasher(64).signature(hashes)
    ref = MinHash(num_perm=64, seed=1, hashfunc=lambda x: x, scheme="legacy")
    ref.update_batch(hashes.tolist())
    assert np.array_equal(ours, ref.hashvalues)


def test_lsh_finds_copies_and_rewrites_not_unrelated(tmp_path):
    index = LSHIndex()
    pairs = index.add_texts([("o", text(ORIGINAL)), ("r", text(REWRITE)), ("u", text(UNRELATED))])
    assert ("o", "r") in pairs
    assert not any("u" in p for p in pairs)
    path = tmp_path / "lsh.pkl"
    index.save(path)
    again = LSHIndex.load(path)
    assert len(again) == 3
    new = again.add_texts([("c", text(ORIGINAL[:9]))])  # inserts after a reload still pair up
    assert ("c", "o") in new and not any("u" in p for p in new)
    assert again.add_texts([("c", "already indexed")]) == set()


def test_load_rejects_other_files(tmp_path):
    import pytest

    from fuentes.errors import InputError

    bad = tmp_path / "bad.pkl"
    bad.write_bytes(b"not a pickle")
    with pytest.raises(InputError, match="bad.pkl"):
        LSHIndex.load(bad)


# --- sentence spans, matched pairs and passages ------------------------------------------------

PORT = [
    "Dock workers at the port of Bellhaven walked off the job on Monday after talks over night shifts collapsed.",
    "The union said more than two thousand members joined the strike at the container terminals.",
    "\"We asked for rest between shifts and they offered us a parking space,\" said Dana Okafor, a crane operator.",
    "Shipping lines diverted four vessels to the northern terminal while the gates stayed closed.",
    "The port authority estimated that the stoppage delays cargo worth several million dollars a day.",
    "City officials asked both sides to return to mediation before the holiday season begins.",
]

LLUVIAS = [
    "Las lluvias de la madrugada inundaron al menos trescientas viviendas en el barrio de San Telmo.",
    "Protección Civil informó que dos puentes peatonales quedaron bajo el agua durante varias horas.",
    "\"Nunca habíamos visto el río tan alto en esta época del año\", dijo la vecina Rosa Medina.",
    "El gobierno municipal abrió tres albergues en escuelas de la zona para las familias afectadas.",
    "Las autoridades suspendieron las clases del martes en veinte planteles del norte de la ciudad.",
    "El servicio meteorológico prevé más tormentas para el fin de semana en toda la región.",
]


def _spans_read_as_sentences(body: str) -> None:
    from fuentes.corpus.lsh_index import tokens

    s = split_sentences(body)
    assert s.spans.shape == (len(s.norm), 2) and s.spans.dtype == np.int32
    for (start, end), norm in zip(s.spans.tolist(), s.norm):
        assert 0 <= start < end <= len(body)
        piece = body[start:end]
        assert piece == piece.strip()
        assert " ".join(tokens(piece)) == norm


def test_sentence_spans_read_as_the_kept_sentences_english():
    body = "Advertisement\n\n" + " ".join(PORT[:3]) + "\n\nRead more\n\n" + "\n".join(PORT[3:])
    _spans_read_as_sentences(body)
    s = split_sentences(body)
    assert body[slice(*s.spans[2])] == PORT[2]  # the closing quote stays with its sentence
    # the first kept sentence follows nothing; "Read more" (dropped) breaks the run after the third
    assert s.follows.tolist() == [False, True, True, False, True, True]


def test_sentence_spans_read_as_the_kept_sentences_spanish():
    question = "¿Qué pasará con las cosechas de la región este año?"
    body = " ".join(LLUVIAS[:3]) + "\r\n\r\n" + question + " " + " ".join(LLUVIAS[3:])
    _spans_read_as_sentences(body)
    s = split_sentences(body)
    assert body[slice(*s.spans[2])] == LLUVIAS[2]
    assert body[slice(*s.spans[3])] == question


def test_relation_keeps_sorted_pairs_and_merged_passages():
    original = " ".join(PORT)
    copy = "Share this\n\n" + " ".join(PORT[:3]) + "\n\nAdvertisement\n\n" + " ".join(PORT[3:5])
    rel = relate(split_sentences(original), split_sentences(copy))
    assert rel.kind == "syndicated"
    assert rel.pairs == [(i, i) for i in range(5)]
    # two passages: the furniture line in the copy breaks the run of adjacent sentences
    assert len(rel.spans) == 2
    for a0, a1, b0, b1 in rel.spans:
        assert original[a0:a1] == copy[b0:b1]
    assert copy[rel.spans[0][2]:rel.spans[0][3]] == " ".join(PORT[:3])


def test_passages_of_a_reworded_spanish_copy_are_near_identical():
    from rapidfuzz import fuzz

    original = "\n".join(LLUVIAS)
    edited = [s.replace("al menos", "cerca de").replace("varias horas", "unas horas") for s in LLUVIAS]
    copy = "\n".join(edited[:5])
    rel = relate(split_sentences(original), split_sentences(copy))
    assert rel.kind == "syndicated"
    assert rel.pairs == [(i, i) for i in range(5)]
    for a0, a1, b0, b1 in rel.spans:
        assert fuzz.ratio(original[a0:a1], copy[b0:b1]) >= 90


def test_pairs_are_capped_at_the_best_ones():
    from fuentes.corpus.derivation import MAX_PAIRS

    sentences = [f"Sentence number {n} of the long report names the harbour pilot {n * 7} times."
                 for n in range(70)]
    body = " ".join(sentences)
    rel = relate(split_sentences(body), split_sentences(body))
    assert rel.pairs == [(i, i) for i in range(MAX_PAIRS)]  # all equal: the first ones, in order
    end = len(" ".join(sentences[:MAX_PAIRS]))
    assert rel.spans == [(0, end, 0, end)]  # one run of adjacent sentences, one passage


# --- rewrites of every length ------------------------------------------------------------------

BRIEF = [
    "The museum of Puerto Claro reopened its north wing on Friday after two years of repairs to the roof.",
    "Visitors can again see the collection of colonial maps, which had been kept in storage during the works.",
    "Entry will be free for residents of the city until the end of the month, the director said.",
]

BRIEF_REWORDED = [
    "After two years of repairs to its roof, the north wing of the Puerto Claro museum reopened on Friday.",
    "The collection of colonial maps, kept in storage during the works, can again be seen by visitors.",
    "A new cafe is planned for the museum garden next year, officials said.",
    "The museum also plans evening tours for schools in the spring, with guides from the university.",
]


def test_rewrite_sentences_asked_for_scale_with_the_shorter_text():
    from fuentes.corpus.derivation import Alignment, min_sentences

    def al(n: int) -> Alignment:
        return Alignment([], 0, 0, 0, 0, 0, 0, 0, 0, 0, shorter_sentences=n)

    assert [min_sentences(al(n)) for n in (3, 6, 7, 10, 40)] == [2, 2, 3, 3, 3]


def test_short_rewrite_matched_on_two_of_three_sentences_is_a_rewrite():
    rel = relate(split_sentences(" ".join(BRIEF)), split_sentences(" ".join(BRIEF_REWORDED)))
    assert rel.kind == "rewrite", rel.evidence


def test_a_credit_lowers_the_bar_only_for_credited_pairs():
    from tests.corpus.test_origins import SHORT_REPORT, SHORT_REWRITE

    a, b = split_sentences(" ".join(SHORT_REPORT)), split_sentences(" ".join(SHORT_REWRITE))
    assert relate(a, b).kind == "independent"  # heavily re-worded: not enough on its own
    rel = relate(a, b, credited=True)
    assert rel.kind == "rewrite" and rel.spans and "credited pair" in rel.evidence[0]
    unrelated = split_sentences(text(UNRELATED))
    assert relate(a, unrelated, credited=True).kind == "independent"


def test_spanish_short_rewrite_with_credit():
    from tests.corpus.test_origins import INFORME, REESCRITURA

    a, b = split_sentences(" ".join(INFORME)), split_sentences(" ".join(REESCRITURA))
    assert relate(a, b, credited=True).kind == "rewrite"
