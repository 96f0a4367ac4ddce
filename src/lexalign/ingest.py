"""Read a law file (PDF, DOCX, HTML, plain text, Akoma Ntoso XML) into a Document.

`load` checks size and emptiness, picks a reader by extension (or content), and detects
the language. Unusable input raises `UnusableInput` with one line saying what to do.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from lexalign import settings
from lexalign.errors import UnusableInput
from lexalign.models import Document
from lexalign.numbering import language_data
from lexalign.readers.docx import read_docx
from lexalign.readers.markup import read_akn, read_html
from lexalign.readers.pdf import read_pdf

SUPPORTED = "pdf, docx, html, txt, xml"
# What a reader returns: text, page start offsets, warnings.
ReaderResult = tuple[str, list[int], list[str]]


def load(
    source: Path | bytes, name: str | None = None, *, max_mb: float | None = None, pdf_engine: str | None = None
) -> Document:
    """Read a law from a path, or from bytes with the file `name`, into a Document.

    `max_mb=None` means settings.max_file_mb(); `pdf_engine=None` means settings.pdf_engine()."""
    if isinstance(source, bytes):
        data = source
        display = name or "upload"
    else:
        path = Path(source)
        display = name or path.name
        if not path.exists():
            raise UnusableInput(display, "file not found", "check the path")
        if path.is_dir():
            raise UnusableInput(display, "is a folder, not a file", "give the path of one law file")
        limit = settings.max_file_mb() if max_mb is None else max_mb
        try:
            _check_size(display, path.stat().st_size, limit)
            data = path.read_bytes()
        except OSError as error:  # permission denied, removed while a batch ran, ...
            raise UnusableInput(display, f"cannot be read ({error.strerror or error})", "check the file's permissions and that it still exists") from None
    limit = settings.max_file_mb() if max_mb is None else max_mb
    _check_size(display, len(data), limit)
    if not data.strip():
        raise UnusableInput(display, "the file is empty", "give a file that contains the text of the law")
    fmt = _format(display, data)
    engine = (pdf_engine or settings.pdf_engine()) if fmt == "pdf" else None
    if engine is not None:
        text, page_starts, warnings = read_pdf(display, data, engine=engine)
    else:
        text, page_starts, warnings = READERS[fmt](display, data)
    if not text.strip():
        raise UnusableInput(display, "no text found in the file", "check that it is the law itself and not an empty template")
    language, share = detect_language(text)
    if share < KNOWN_LANGUAGE_SHARE:
        warnings.append(
            f"{display}: few {language} function words ({share:.0%} of the words): if the law is not in "
            f"{', '.join(sorted(_stop_words()))}, its findings are unreliable; a translation into one of them works"
        )
    return Document(
        source=display,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,  # type: ignore[arg-type]
        text=text,
        page_starts=page_starts or [0],
        language=language,
        warnings=warnings,
        pdf_engine=engine,
    )


def _check_size(display: str, size: int, limit: float) -> None:
    if size > limit * 1024 * 1024:
        raise UnusableInput(
            display,
            f"{size / 1024 / 1024:.1f} MB is over the {limit:g} MB limit",
            "split it or raise LEXALIGN_MAX_FILE_MB / --max-size",
        )


def _format(display: str, data: bytes) -> str:
    """Format from the extension; for unknown or missing extensions, from the content."""
    suffix = Path(display).suffix.lower().lstrip(".")
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"  # a PDF whatever its name says
    by_suffix = {"pdf": "pdf", "docx": "docx", "html": "html", "htm": "html", "xhtml": "html", "txt": "txt", "text": "txt", "md": "txt", "xml": "akn", "akn": "akn"}
    if suffix in by_suffix:
        fmt = by_suffix[suffix]
        if fmt == "akn" and b"legaldocml" not in data[:4000] and b"<akomaNtoso" not in data[:4000]:
            # Other XML is read for its text, like HTML.
            return "html"
        return fmt
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and suffix in ("", "doc"):
        return "docx"
    if suffix == "":
        lower = head.lower()
        if lower.startswith((b"<!doctype html", b"<html")):
            return "html"
        if b"akomantoso" in lower:
            return "akn"
        return "txt"
    if suffix in ("doc", "rtf", "odt", "wpd"):
        raise UnusableInput(display, f"unknown format '{suffix}'", f"save it as .docx or PDF (supported: {SUPPORTED})")
    raise UnusableInput(display, f"unknown format '{suffix}'", f"use {SUPPORTED}")


# --------------------------------------------------------------------------- plain text


def read_text(display: str, data: bytes) -> ReaderResult:
    """Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 with a warning."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        if "\ufffd" in text:
            warnings.append(f"{display}: broken UTF-16 (odd length or bad characters): check the end of the text")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{display}: not UTF-8; read as Windows-1252, check accented letters and quotes")
    if "\x00" in text:
        raise UnusableInput(display, "binary content, not text", f"save the law as one of: {SUPPORTED}")
    # Form feeds separate pages (text exported from PDF viewers): keep them as page starts.
    pages = [normalise(page) for page in text.split("\f")]
    starts = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    return "\n".join(pages), starts, warnings


def normalise(text: str) -> str:
    """Normalise line ends, non-breaking and soft-hyphen characters; keep everything else."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u00ad", "").replace("\u200b", "")
    text = text.replace("\f", "\n")
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- language


@lru_cache(maxsize=4)
def _stop_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(language_data(code).stop_words) for code in ("en", "fr", "es")}


def detect_language(text: str) -> tuple[str, float]:
    """The language with data under convention/lang/ whose stop words are most frequent in the
    first 20,000 characters, and their share of the words (English when none is found)."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    scores = {code: sum(1 for w in words if w in stops) for code, stops in _stop_words().items()}
    best = max(scores, key=lambda code: scores[code])
    if not words or scores[best] == 0:
        return "en", 0.0
    return best, scores[best] / len(words)


# Stop words are a fifth to a half of the words of running legal text; far fewer means another language.
KNOWN_LANGUAGE_SHARE = 0.12


READERS: dict[str, Callable[[str, bytes], ReaderResult]] = {
    "txt": read_text,
    "docx": read_docx,
    "html": read_html,
    "akn": read_akn,
}
