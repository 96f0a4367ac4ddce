"""PDF reader: text per page with pdfplumber (or pypdfium2), cleaned for segmentation.

Cleaning steps, in order: split two-column pages at a clear gutter (pdfplumber only),
drop running headers/footers and page numbers that repeat across pages, re-join words
hyphenated at line ends. Page boundaries become `page_starts` offsets.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from lexalign.errors import UnusableInput

OCR_REMEDY = "run OCR first, e.g. ocrmypdf"
# A line that is only a page number: "3", "- 3 -", "Page 3", "Page 3 of 10", "3/10".
PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
# Marginal notes are words; "12.", "(1)" or "[3/2013]" beside the text are not.
MARGIN_WORDS = re.compile(r"[^\W\d_]{3,}")
# A word cut at a line end: "autho-\nrised" (the next line starts in lower case).
HYPHENATED = re.compile(r"(\w)-\n(?=[a-z])")


def read_pdf(display: str, data: bytes, engine: str = "pdfplumber") -> tuple[str, list[int], list[str]]:
    """Text, page start offsets and warnings of a PDF."""
    pages = _pages_pdfium(display, data) if engine == "pypdfium2" else _pages_plumber(display, data)
    return assemble(display, pages)


def assemble(display: str, pages: list[str]) -> tuple[str, list[int], list[str]]:
    """Join cleaned page texts; fail on a PDF without any text layer."""
    warnings: list[str] = []
    if not any(page.strip() for page in pages):
        raise UnusableInput(display, "scanned PDF with no text layer", OCR_REMEDY)
    empty = [str(n) for n, page in enumerate(pages, start=1) if not page.strip()]
    if empty:
        warnings.append(f"{display}: no text layer on page(s) {', '.join(empty)}; their text is missing ({OCR_REMEDY})")
    pages = [HYPHENATED.sub(r"\1", page.strip("\n")) for page in strip_running_lines(pages)]
    # A word hyphenated across a page break ("autho-" | "risation ...") moves whole to the
    # first page.
    for index in range(len(pages) - 1):
        tail = re.search(r"(\w)-$", pages[index])
        head = re.match(r"([a-z]\w*)[ \t]*", pages[index + 1])
        if tail and head:
            pages[index] = pages[index][:-1] + head.group(1)
            pages[index + 1] = pages[index + 1][head.end() :]
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 2
    return "\n\n".join(pages), starts, warnings


def strip_running_lines(pages: list[str]) -> list[str]:
    """Remove page numbers and header/footer lines repeated on at least half of the pages
    (looking at the first and last two lines of each page). With more than three pages,
    digits do not count ("Gazette No. 12, page 3" repeats as one header)."""
    if len(pages) < 2:
        return [_drop_page_numbers(page.split("\n")) for page in pages]
    shape = _shape if len(pages) > 3 else (lambda line: line.strip().lower())
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        counts.update(set(shape(line) for line in lines[:2] + lines[-2:]))
    repeated = {key for key, n in counts.items() if n >= max(2, len(pages) / 2)}
    cleaned = []
    for page in pages:
        lines = page.split("\n")
        non_blank = [i for i, line in enumerate(lines) if line.strip()]
        edges = set(non_blank[:2] + non_blank[-2:])
        kept = [line for i, line in enumerate(lines) if not (i in edges and shape(line) in repeated)]
        cleaned.append(_drop_page_numbers(kept))
    return cleaned


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _drop_page_numbers(lines: list[str]) -> str:
    non_blank = [i for i, line in enumerate(lines) if line.strip()]
    edges = set(non_blank[:2] + non_blank[-2:])
    return "\n".join(line for i, line in enumerate(lines) if not (i in edges and PAGE_NUMBER.match(line)))


# --------------------------------------------------------------------------- pdfplumber


def _pages_plumber(display: str, data: bytes) -> list[str]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [_page_text(page) for page in pdf.pages]
    except PdfminerException as error:
        _raise_for(display, error)
    except Exception as error:  # pdfminer raises many types on damaged files
        _raise_for(display, error)
    raise AssertionError("unreachable")


def _raise_for(display: str, error: Exception) -> None:
    detail = f"{type(error).__name__} {error!r}".lower()
    if "password" in detail or "encrypt" in detail:
        raise UnusableInput(display, "encrypted PDF", "remove the password (e.g. qpdf --decrypt) and try again") from None
    raise UnusableInput(display, "corrupt or truncated PDF", "download or export the file again") from None


def _page_text(page) -> str:  # type: ignore[no-untyped-def]
    """Text of one page; a two-column page is read as: full-width lines above the columns,
    the left column, the right column, full-width lines below."""
    words = page.extract_words(x_tolerance=1.5)
    gutter = _gutter(page, words)
    if gutter is None:
        return page.extract_text(x_tolerance=1.5) or ""
    lines: dict[int, list[dict]] = {}
    for word in words:
        key = round(float(word["top"]) / 3)
        lines.setdefault(key, []).append(word)
    spanning = {k for k, ws in lines.items() if any(float(w["x0"]) < gutter < float(w["x1"]) for w in ws)}
    columns = sorted(set(lines) - spanning)
    first, last = (columns[0], columns[-1]) if columns else (0, 0)

    def text_of(ws: list[dict]) -> str:
        return " ".join(w["text"] for w in sorted(ws, key=lambda w: float(w["x0"])))

    head = [text_of(lines[k]) for k in sorted(spanning) if k < first]
    foot = [text_of(lines[k]) for k in sorted(spanning) if k > last]
    left = [text_of([w for w in lines[k] if float(w["x1"]) <= gutter or k in spanning]) for k in sorted(lines) if first <= k <= last]
    right = [text_of([w for w in lines[k] if float(w["x0"]) >= gutter and k not in spanning]) for k in columns]
    return "\n".join(line for line in head + left + right + foot if line)


def _gutter(page, words: list[dict]) -> float | None:  # type: ignore[no-untyped-def]
    """Gutter of a two-column page from pdfplumber words (see `pick_gutter`)."""
    if len(words) < 40:
        return None
    spans = [(float(w["x0"]), float(w["x1"])) for w in words]
    return pick_gutter(spans, float(page.bbox[0]), float(page.bbox[2]))


def pick_gutter(spans: list[tuple[float, float]], x0: float, x1: float) -> float | None:
    """x in the middle third crossed by the fewest text spans (the middle of the widest
    such band), if at most 5 % of spans (full-width titles, headers) cross it and at least
    30 % lie on each side; None for a one-column page."""
    candidates = []
    for step in range(0, 61):
        x = x0 + (x1 - x0) * (0.35 + 0.3 * step / 60)
        candidates.append((sum(1 for a, b in spans if a - 2 < x < b + 2), x))
    fewest = min(count for count, _ in candidates)
    if fewest > max(2, len(spans) // 20):
        return None
    runs: list[list[float]] = []
    previous = False
    for count, x in candidates:
        if count == fewest:
            if previous:
                runs[-1].append(x)
            else:
                runs.append([x])
        previous = count == fewest
    best = max(runs, key=len)
    x = best[len(best) // 2]
    left = sum(1 for _, b in spans if b <= x)
    right = sum(1 for a, _ in spans if a >= x)
    if left > len(spans) * 0.3 and right > len(spans) * 0.3:
        return x
    return None


# --------------------------------------------------------------------------- pypdfium2


def _pages_pdfium(display: str, data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        _raise_for(display, error)
        raise AssertionError("unreachable") from None
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = _pdfium_page_text(textpage).replace("\r\n", "\n").replace("\r", "\n")
            # pdfium joins a word hyphenated at a line end itself and marks the cut with U+FFFE.
            pages.append(text.replace("\ufffe", "").replace("\x02", ""))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _pdfium_page_text(textpage) -> str:  # type: ignore[no-untyped-def]
    """Page text in content-stream order; a two-column page (a clear gutter in the middle
    third) is read as full-width lines above, left column, right column, lines below."""
    # Text rectangles are runs of text on one line; two columns give two runs per line.
    rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    if len(rects) < 4:
        return textpage.get_text_range()
    gutter = pick_gutter([(r[0], r[2]) for r in rects], min(r[0] for r in rects), max(r[2] for r in rects))
    if gutter is None:
        return _with_margin_notes(textpage, rects) or textpage.get_text_range()
    spanning = [r for r in rects if r[0] < gutter < r[2]]
    columns = [r for r in rects if not r[0] < gutter < r[2]]
    top = max(r[3] for r in columns)
    bottom = min(r[1] for r in columns)
    parts = []
    if any(r[1] > top for r in spanning):
        parts.append(textpage.get_text_bounded(bottom=top + 0.5))
    parts.append(textpage.get_text_bounded(right=gutter, bottom=bottom - 0.5, top=top + 0.5))
    parts.append(textpage.get_text_bounded(left=gutter, bottom=bottom - 0.5, top=top + 0.5))
    if any(r[3] < bottom for r in spanning):
        parts.append(textpage.get_text_bounded(top=bottom - 0.5))
    return "\n".join(part.strip("\r\n") for part in parts if part.strip())


def _with_margin_notes(textpage, rects: list[tuple[float, float, float, float]]) -> str | None:  # type: ignore[no-untyped-def]
    """Page text with marginal notes (section headings printed in the margin, beside the
    section number) put on their own line above the body line they sit beside, the way the
    segmenter reads a heading above a section. None when the page has no margin notes."""
    lefts = Counter(round(r[0] / 3) for r in rects)
    edge, count = lefts.most_common(1)[0]
    if count < len(rects) * 0.25:
        return None
    body_left = edge * 3 - 1.5
    body_right = max(r[2] for r in rects if abs(r[0] - edge * 3) <= 3)

    def text(r: tuple[float, float, float, float]) -> str:
        return textpage.get_text_bounded(left=r[0] - 0.5, bottom=r[1] - 0.5, right=r[2] + 0.5, top=r[3] + 0.5).strip()

    # A section number hanging left of its text ("12." then a tab) is body, not a note.
    margin = [r for r in rects if (r[2] < body_left - 4 or r[0] > body_right + 4) and MARGIN_WORDS.search(text(r))]
    if len(margin) < 2 or len(margin) > len(rects) * 0.4:
        return None
    body = [r for r in rects if r not in margin]

    # A note runs on over the next margin line unless it ended with a full stop
    # ("Unauthorised access to" / "computer material.").
    pitch = _line_pitch(body)
    notes: list[tuple[float, list[str]]] = []
    last: tuple[float, float, float, float] | None = None
    for r in sorted(margin, key=lambda r: -r[3]):
        same_side = last is not None and (r[0] > body_right) == (last[0] > body_right)
        if same_side and last is not None and last[3] - r[3] <= pitch * 1.6 and not notes[-1][1][-1].endswith("."):
            notes[-1][1].append(text(r))
        else:
            notes.append((r[3], [text(r)]))
        last = r
    lines: list[tuple[float, list[tuple[float, str]]]] = []
    for r in sorted(body, key=lambda r: (-r[3], r[0])):
        if lines and abs(lines[-1][0] - r[3]) < 2:
            lines[-1][1].append((r[0], text(r)))
        else:
            lines.append((r[3], [(r[0], text(r))]))
    out: list[str] = []
    pending = list(notes)
    for top, runs in lines:
        # A note sits beside the body line it belongs to (its top a little lower: smaller type).
        while pending and pending[0][0] >= top - pitch * 0.5:
            out.append(" ".join(pending.pop(0)[1]).rstrip(".").strip())
        out.append(" ".join(t for _, t in sorted(runs)))
    out.extend(" ".join(note).rstrip(".").strip() for _, note in pending)
    return "\n".join(line for line in out if line)


def _line_pitch(rects: list[tuple[float, float, float, float]]) -> float:
    """Most common distance between consecutive body lines."""
    tops = sorted({round(r[3]) for r in rects}, reverse=True)
    gaps = Counter(a - b for a, b in zip(tops, tops[1:]) if a - b > 2)
    return float(gaps.most_common(1)[0][0]) if gaps else 14.0
