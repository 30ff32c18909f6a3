"""decode(): charsets in order of trust, binary and empty inputs refused with clear reasons."""

from __future__ import annotations

import codecs

import pytest

from fuentes.errors import InputError
from fuentes.ingest.decode import binary_kind, content_type_parts, decode
from fuentes.ingest.raw import RawDocument

SPANISH = "La fiscalía informó que el señor Muñoz fue detenido en Culiacán.\n"
ENGLISH_CP1252 = "The minister said \u201cwe will not negotiate\u201d \u2014 that\u2019s final.\n"


def raw(data: bytes | str, charset: str | None = None, fmt: str = "text") -> RawDocument:
    return RawDocument(source="input.txt", data=data, format=fmt, charset=charset)  # type: ignore


def reason(data: bytes, **kw) -> str:
    with pytest.raises(InputError) as caught:
        decode(raw(data, **kw))
    assert caught.value.source == "input.txt"
    return caught.value.reason


def test_utf8_and_newlines_normalised() -> None:
    assert decode(raw("línea uno\r\nlínea dos\rtres\n".encode())) == "línea uno\nlínea dos\ntres\n"


def test_str_data_passes_through_normalised() -> None:
    assert decode(raw("\ufeffa\r\nb")) == "a\nb"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_and_whitespace_only(data: bytes) -> None:
    assert reason(data) == "empty file"


def test_bom_utf16() -> None:
    data = codecs.BOM_UTF16_LE + SPANISH.encode("utf-16-le")
    assert decode(raw(data)) == SPANISH


def test_bom_utf8_is_stripped() -> None:
    assert decode(raw(codecs.BOM_UTF8 + SPANISH.encode())) == SPANISH


def test_utf16_without_bom_is_not_called_binary() -> None:
    assert decode(raw(SPANISH.encode("utf-16-le"))) == SPANISH


def test_latin1_with_declared_charset() -> None:
    assert decode(raw(SPANISH.encode("latin-1"), charset="ISO-8859-1")) == SPANISH


def test_latin1_without_declared_charset_is_detected() -> None:
    assert decode(raw(SPANISH.encode("latin-1"))) == SPANISH


def test_cp1252_quotes_without_declaration() -> None:
    assert decode(raw(ENGLISH_CP1252.encode("cp1252"))) == ENGLISH_CP1252


def test_latin1_label_reads_cp1252_punctuation() -> None:
    # pages labelled ISO-8859-1 are read as windows-1252, as browsers do
    assert decode(raw(ENGLISH_CP1252.encode("cp1252"), charset="iso-8859-1")) == ENGLISH_CP1252


def test_meta_charset_in_html() -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body>{ENGLISH_CP1252}</body></html>'
    assert ENGLISH_CP1252 in decode(raw(page.encode("cp1252"), fmt="html"))


def test_http_equiv_charset_in_html() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        f"</head><body>{SPANISH}</body></html>"
    )
    assert SPANISH in decode(raw(page.encode("latin-1"), fmt="html"))


def test_wrong_declared_charset_falls_through_to_utf8() -> None:
    # declared ASCII, bytes are UTF-8: ASCII fails strictly, UTF-8 reads
    assert decode(raw(SPANISH.encode(), charset="us-ascii")) == SPANISH


def test_single_byte_label_on_utf8_bytes_reads_utf8() -> None:
    # latin-1 accepts any bytes, so a wrong latin-1 label would give mojibake ("fiscalÃ­a")
    assert decode(raw(SPANISH.encode(), charset="iso-8859-1")) == SPANISH


def test_unknown_declared_charset_is_ignored() -> None:
    assert decode(raw(SPANISH.encode(), charset="x-no-such-charset")) == SPANISH


def test_utf16_meta_label_on_8bit_bytes_is_ignored() -> None:
    page = f'<html><head><meta charset="utf-16"></head><body>{SPANISH}</body></html>'
    assert SPANISH in decode(raw(page.encode(), fmt="html"))


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_binary_magic(data: bytes, name: str) -> None:
    assert reason(data) == f"binary file (looks like {name}), not a web page or text"


def test_binary_nul_bytes() -> None:
    assert reason(b"abc\x00\x01\x02def\x00\xff\xfe\x00\x00\x17" * 20).startswith(
        "binary file (contains NUL bytes)"
    )


def test_binary_control_characters() -> None:
    data = bytes([0x01, 0x02, 0x03, 0x04, 0x41, 0x42, 0x43, 0x44]) * 50
    assert reason(data) == "binary file (50% control characters), not a web page or text"


def test_undecodable_names_what_was_tried() -> None:
    data = "Привет, как дела? Это проверка.".encode("cp1251")
    got = reason(data, charset="utf-8")
    assert got.startswith("undecodable bytes: not UTF-8 and no reliable charset detected")
    assert "declared utf-8" in got and "detection" in got


def test_plain_text_is_not_binary() -> None:
    assert binary_kind(SPANISH.encode()) is None
    assert binary_kind(b"col1\tcol2\fpage\x0bv\n") is None


def test_content_type_parts() -> None:
    assert content_type_parts('Text/HTML; Charset="ISO-8859-1"') == ("text/html", "ISO-8859-1")
    assert content_type_parts("application/xml") == ("application/xml", None)
    assert content_type_parts(None) == (None, None)


# -- no wrong text stored silently: UTF-16 without BOM, UTF-8 with Latin-1 stretches, implausible
ENGLISH = "Police arrested the mayor of the port city on Monday after a long investigation.\n" * 3
SPANISH_LONG = "El señor Zárate fue detenido el lunes en la ciudad portuaria, informó la fiscalía.\n" * 3


@pytest.mark.parametrize("text", [ENGLISH, SPANISH_LONG])
@pytest.mark.parametrize("codec", ["utf-16-be", "utf-16-le"])
def test_utf16_without_bom_either_byte_order(text: str, codec: str) -> None:
    assert decode(raw(text.encode(codec))) == text


@pytest.mark.parametrize("charset", [None, "utf-8", "iso-8859-1", "windows-1252"])
def test_utf8_with_a_latin1_tail_repairs_the_tail(charset: str | None) -> None:
    tail = "Más información: el señor Zárate habló con la prensa.\n"
    data = SPANISH_LONG.encode("utf-8") + tail.encode("latin-1")
    assert decode(raw(data, charset=charset)) == SPANISH_LONG + tail


def test_latin1_head_and_cp1252_quotes_inside_utf8() -> None:
    head = "Señor Zárate said \u201cno comment\u201d.\n"
    data = head.encode("cp1252") + ENGLISH.encode() + "Zárate, señor; Muñoz, niño.\n".encode()
    assert decode(raw(data)) == head + ENGLISH + "Zárate, señor; Muñoz, niño.\n"


def test_cp1252_file_is_still_read_as_cp1252() -> None:
    # one accidental valid UTF-8 pair ("AQUÍ»") does not make a cp1252 file UTF-8
    text = "«AQUÍ» dijo el señor Zárate; la fiscalía informó a la niña del juez Muñoz en Culiacán.\n"
    assert decode(raw(text.encode("cp1252"))) == text


@pytest.mark.parametrize("label", ["gbk", "gb18030", "big5", "shift_jis"])
def test_cjk_label_on_latin1_bytes_falls_through(label: str) -> None:
    # every accented letter followed by a letter: GBK and Big5 read each pair as one CJK character
    text = "El señor Zárate y la señora Muñoz viajaron a Culiacán con el niño Ibáñez.\n" * 3
    assert decode(raw(text.encode("latin-1"), charset=label)) == text


def test_utf16_looking_bytes_that_read_as_nothing_are_rejected() -> None:
    data = bytes(b for i in range(3000) for b in (0x00, 1 + (i * 7919) % 31))  # NUL, control, NUL...
    assert reason(data) == ("bytes look like UTF-16-BE without a byte-order mark (NUL on every other byte) "
                            "but do not read as text in any language: control characters throughout")


def test_implausible_detection_is_rejected_with_the_reason() -> None:
    from fuentes.ingest.decode import implausible

    assert implausible("El señor Z√°rate, m√°s tarde, se√±or Mu√±oz y la ni√±a") == (
        "5 words with symbols or CJK characters inside Latin letters")
    assert implausible(SPANISH_LONG + ENGLISH + "don\u2019t U.S. co-op naïve Zürich") == ""


@pytest.mark.parametrize(("text", "language"), [(ENGLISH * 2, "en"), (SPANISH_LONG * 2, "es")])
def test_utf16_be_without_bom_gets_its_language(text: str, language: str) -> None:
    from fuentes.ingest.job import article_row, ingest_pipeline
    from fuentes.runners import process_one

    row = process_one(raw(text.encode("utf-16-be")), ingest_pipeline(), article_row)
    assert isinstance(row, dict), row
    assert row["language"] == language
    assert ("Zárate" in row["text"]) == (language == "es")
