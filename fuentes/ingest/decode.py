"""Bytes to text: refuse binary and empty inputs, find the charset, normalise newlines.

Order of trust: a byte-order mark, then UTF-16 without one (NULs on every other byte, their
side giving the byte order), then what the container or the page declares, then strict UTF-8,
then UTF-8 with repair (mostly UTF-8 bytes with some Latin-1 stretches: those stretches read as
cp1252), then statistical detection. A declared charset the bytes are invalid in, or that turns
them into implausible text (replacement characters, symbols or CJK inside Latin words), is wrong
and falls through to the next method, so a mislabelled page still reads; implausible text from
detection is rejected with the reason.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from fuentes.errors import InputError
from fuentes.ingest.raw import RawDocument

# Leading bytes of formats analysts' folders commonly hold next to articles.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh91AY&SY", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"ID3\x03", "MP3"),
    (b"ID3\x04", "MP3"),
    (b"OggS", "Ogg"),
    (b"fLaC", "FLAC"),
    (b"\x00asm", "WebAssembly"),
    (b"\xca\xfe\xba\xbe", "Java class"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)
# (offset, bytes, name) for containers whose signature is not at byte 0.
MAGIC_AT: tuple[tuple[int, bytes, str], ...] = (
    (4, b"ftyp", "MP4/MOV"),
    (8, b"WEBP", "WEBP"),
    (8, b"AVI ", "AVI"),
    (8, b"WAVE", "WAV"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# fuentes reads English and Spanish; their legacy encodings are the Western European ones.
# Letting the detector range over every code page turns short Spanish text into Polish
# (cp1250: ñ -> ń) or Urdu, so detection is confined to these.
DETECT_CANDIDATES = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]
MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which a guess is not trusted
SNIFF_BYTES = 8192
META_BYTES = 2048
# Browsers read pages labelled ISO-8859-1 as windows-1252 (WHATWG Encoding), and real pages
# labelled latin-1 carry cp1252 quotes and dashes; latin-1 itself stays as a fallback.
LABEL_ALIASES = {"latin_1": ["cp1252", "latin_1"], "iso8859_1": ["cp1252", "latin_1"]}

# C0 controls other than tab, newline, vertical tab, form feed and carriage return; plus DEL.
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
# surrogateescape's stand-ins for the bytes that are not UTF-8
_ESCAPED = re.compile("[\udc80-\udcff]+")
_CP1252 = {byte: char for byte in range(0x80, 0xA0)
           if (char := bytes([byte]).decode("cp1252", "ignore"))}
_C1 = re.compile("[\x80-\x9f]")
# a short run of non-letters between two ASCII letters, and what in such a run no word holds
_INSIDE_WORD = re.compile(r"(?<=[A-Za-z])[^\sA-Za-z0-9]{1,4}(?=[A-Za-z])")
_FOREIGN = re.compile("[^\\s\x21-\x7e\u00a0-\u00ff\u0100-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2019\u2027]")
_NON_ASCII_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)


def binary_kind(data: bytes) -> str | None:
    """Why `data` looks binary ("looks like PDF", "contains NUL bytes"...), or None."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            return f"looks like {name}"
    for offset, magic, name in MAGIC_AT:
        if data[offset : offset + len(magic)] == magic:
            return f"looks like {name}"
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in head:
        return None if _looks_utf16(head) else "contains NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if head and controls / len(head) > 0.05:
        return f"{100 * controls / len(head):.0f}% control characters"
    return None


def binary_reason(kind: str) -> str:
    return f"binary file ({kind}), not a web page or text"


def decode(raw: RawDocument) -> str:
    """The text of `raw`, newlines normalised to \\n; InputError when it has none."""
    if isinstance(raw.data, str):
        text = raw.data.removeprefix("\ufeff")
        if not text.strip():
            raise InputError(raw.source, "empty file")
        return _normalize_newlines(text)
    data = raw.data
    if not data.strip():
        raise InputError(raw.source, "empty file")
    kind = binary_kind(data)
    if kind:
        raise InputError(raw.source, binary_reason(kind))
    text = _decode_bytes(raw, data)
    if not text.strip():
        raise InputError(raw.source, "empty file")
    return _normalize_newlines(text)


def _decode_bytes(raw: RawDocument, data: bytes) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break  # a stray BOM-like start: carry on as if there were none
    if b"\x00" in data[:SNIFF_BYTES] and _looks_utf16(data[:SNIFF_BYTES]):
        return _decode_utf16(raw, data)
    tried: list[str] = []
    for label in _declared(raw, data):
        problem = ""
        for codec in _codecs_for(label):
            if codec.startswith(("utf-16", "utf-32")) and b"\x00" not in data[:SNIFF_BYTES]:
                continue  # a UTF-16 label on 8-bit bytes is a mislabel (WHATWG agrees)
            text = _try(data, codec)
            if text is None or _utf8_overrides(codec, data):
                continue
            problem = "" if codec.startswith("utf") else implausible(text)  # valid UTF is evidence enough
            if not problem:
                return text
        tried.append(f"declared {label}" + (f" ({problem})" if problem else ""))
    text = _try(data, "utf-8")
    if text is not None:
        return text
    text = repair_utf8(data)
    if text is not None:
        return text
    tried.append("utf-8")
    best = from_bytes(data, cp_isolation=DETECT_CANDIDATES).best()
    if best is not None and best.chaos <= MAX_CHAOS:
        text = _try(data, best.encoding)
        if text is not None:
            problem = implausible(text)
            if not problem:
                return text
            tried.append(f"detection: {best.encoding} ({problem})")
            raise InputError(raw.source, "undecodable bytes: no charset gives text plausible in any "
                                         f"language (tried {', '.join(tried)})")
    tried.append("detection")
    raise InputError(
        raw.source,
        "undecodable bytes: not UTF-8 and no reliable charset detected "
        f"(tried {', '.join(tried)})",
    )


def _decode_utf16(raw: RawDocument, data: bytes) -> str:
    """UTF-16 without a byte-order mark, its byte order read from where the NULs sit.

    Text in the Latin range leaves a NUL in the high byte of each unit: on even offsets for
    big-endian, odd for little-endian. Read the other way round, every character would be a
    CJK or other unit ending in 00 ("倀漀氀..."), so the text must come out mostly Latin-1.
    """
    head = data[:SNIFF_BYTES]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    codec = "utf-16-be" if even > odd else "utf-16-le"
    text = data[: len(data) - len(data) % 2].decode(codec, "replace")
    sample = text[:SNIFF_BYTES]
    latin = sum(ord(ch) < 0x100 for ch in sample)
    if sample and latin < 0.4 * len(sample):
        problem = f"only {100 * latin // len(sample)}% of the characters in the Latin-1 range"
    elif not _mostly_printable(text):
        problem = "control characters throughout"
    else:
        return text
    raise InputError(raw.source, f"bytes look like {codec.upper()} without a byte-order mark (NUL on every "
                                 f"other byte) but do not read as text in any language: {problem}")


def repair_utf8(data: bytes) -> str | None:
    """Mostly-UTF-8 bytes with some Latin-1/cp1252 stretches (a UTF-8 file with a Latin-1 tail,
    pages pasted together), each invalid stretch read as cp1252; None when not mostly UTF-8.

    Valid multi-byte UTF-8 almost never arises by chance in single-byte text, so a handful of
    valid sequences against a comparable number of invalid bytes is UTF-8 with damage, not a
    Latin-1 file: decoding the whole as Latin-1 would turn the good part into "ZÃ¡rate".
    """
    text = data.decode("utf-8", "surrogateescape")
    runs = _ESCAPED.findall(text)
    if not runs:
        return text
    escaped = sum(len(run) for run in runs)
    valid = len(text) - len(text.encode("ascii", "ignore")) - escaped  # valid non-ASCII characters
    if not (valid >= len(runs) or (valid >= 3 and valid * 10 >= len(runs))):
        return None
    return _ESCAPED.sub(_single_byte, text)


def _single_byte(match: re.Match[str]) -> str:
    raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
    return "".join(_CP1252.get(byte) or chr(byte) for byte in raw)


def implausible(text: str) -> str:
    """Why `text` cannot be the right reading of its bytes in any language, or "".

    Replacement characters, C1 controls, or symbols and other scripts wedged inside Latin
    words ("Z√°rate", "Z瘙ate") are what a wrong charset makes of accented letters.
    """
    solid = len(text) - sum(text.count(ch) for ch in " \n\t\r")
    if not solid:
        return ""
    bad = text.count("\ufffd")
    if bad >= 3 and bad > 0.01 * solid:
        return f"{bad} replacement characters"
    controls = len(_C1.findall(text))
    if controls >= 3 and controls > 0.01 * solid:
        return f"{controls} C1 control characters"
    if not _FOREIGN.search(text):  # nothing outside Latin letters and common punctuation
        return ""
    wedged = sum(1 for match in _INSIDE_WORD.finditer(text) if _FOREIGN.search(match.group()))
    if wedged >= 3:
        accented = len(_NON_ASCII_WORD.findall(text))
        if wedged >= 0.2 * accented:
            return f"{wedged} words with symbols or CJK characters inside Latin letters"
    return ""


def _declared(raw: RawDocument, data: bytes) -> list[str]:
    """Charset labels declared for `raw`: the container's first, then the page's own."""
    labels = []
    if raw.charset:
        labels.append(raw.charset.strip().strip("\"'"))
    if raw.format == "html" or data[:META_BYTES].lstrip()[:1] == b"<":
        match = _META_CHARSET.search(data[:META_BYTES])
        if match:
            labels.append(match.group(1).decode("ascii", "replace"))
    seen: list[str] = []
    for label in labels:
        if label and label.lower() not in (s.lower() for s in seen):
            seen.append(label)
    return seen


def _codecs_for(label: str) -> list[str]:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return []  # an unknown label declares nothing usable
    return LABEL_ALIASES.get(name.replace("-", "_"), [name])


def _utf8_overrides(codec: str, data: bytes) -> bool:
    """True when a single-byte declaration is wrong because the bytes are (mostly) real UTF-8.

    Single-byte charsets accept any bytes, so a page labelled latin-1 but saved as UTF-8 would
    otherwise come out as mojibake. Multi-byte UTF-8 sequences almost never arise by chance in
    single-byte text, so valid non-ASCII UTF-8 wins.
    """
    if codecs.lookup(codec).name.startswith("utf"):
        return False
    if data.isascii():
        return False
    return repair_utf8(data) is not None  # valid UTF-8, or mostly (see repair_utf8)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-range text leaves NULs on every other byte."""
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.4 and min(
        even.count(0), odd.count(0)
    ) <= len(head) // 100


def _mostly_printable(text: str) -> bool:
    sample = text[:2000]
    return sum(ch.isprintable() or ch.isspace() for ch in sample) >= 0.95 * len(sample)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(head: bytes) -> bool:
    """True when the bytes open like an HTML page (doctype, <html>, <head> or <body>)."""
    return bool(_HTML_START.match(head[:4096]))


_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


def content_type_parts(value: str | None) -> tuple[str | None, str | None]:
    """("text/html", "utf-8") from a Content-Type value; (None, None) when absent."""
    if not value:
        return None, None
    mime = value.split(";", 1)[0].strip().lower() or None
    match = _CHARSET_PARAM.search(value)
    return mime, (match.group(1) if match else None)
