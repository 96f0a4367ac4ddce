"""HTML and Akoma Ntoso readers.

HTML: drop script/style/nav/header/footer, one line per block element.
Akoma Ntoso 3.0: the structure is explicit, so it is rendered as canonical lines the
segmenter reads without guessing ("Section 12. Heading", "(1) text", "Part II – Heading"),
taking each element's <num> and <heading> as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree, html

from lexalign.errors import UnusableInput
from lexalign.readers.docx import format_number

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DROP = ("script", "style", "nav", "header", "footer", "noscript", "template", "head", "form", "button", "svg")
BLOCKS = {
    "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "pre",
    "dt", "dd", "table", "ul", "ol", "dl", "br", "hr", "main", "aside", "center", "td", "th",
}
# Akoma Ntoso elements that are numbered units of the law (rendered as sections).
AKN_SECTIONS = {"section", "article", "rule", "regulation"}
AKN_DIVISIONS = {"part": "Part", "chapter": "Chapter", "title": "Title", "book": "Part", "division": "Division", "subpart": "Subpart"}
AKN_ITEMS = {"subsection", "paragraph", "subparagraph", "point", "item", "clause", "subclause", "list", "indent", "alinea", "level", "subdivision"}
AKN_TEXT = {"intro", "content", "wrapUp", "p", "heading", "subheading", "num", "crossHeading", "listIntroduction", "listWrapUp"}


def read_html(display: str, data: bytes) -> tuple[str, list[int], list[str]]:
    """Visible text of an HTML (or non-Akoma-Ntoso XML) page, one line per block."""
    try:
        root = html.document_fromstring(data, parser=html.HTMLParser(encoding=_html_encoding(data)))
    except (etree.ParserError, ValueError):
        raise UnusableInput(display, "unreadable HTML", "save the page again, or copy its text into a .txt file") from None
    for element in list(root.iter(*DROP)):
        element.drop_tree()
    _number_ordered_lists(root)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() in ("td", "th"):
                element.tail = " " + (element.tail or "")
    text = root.text_content()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return _join(lines), [0], []


DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _html_encoding(data: bytes) -> str | None:
    """The page's declared charset; else UTF-8 when the bytes are UTF-8 (lxml would guess Latin-1
    and garble every "§" and curly quote); else let lxml decide."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or DECLARED_CHARSET.search(data[:4096]):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


# <ol type="..."> -> Word-style number format and how it is printed.
OL_TYPES = {"1": ("decimal", "{}."), "a": ("lowerLetter", "({})"), "A": ("upperLetter", "({})"), "i": ("lowerRoman", "({})"), "I": ("upperRoman", "({})")}


def _number_ordered_lists(root: html.HtmlElement) -> None:
    """Browsers draw <ol> numbers; put them in the text, as the law prints them."""
    for ordered in root.iter("ol"):
        fmt, pattern = OL_TYPES.get(ordered.get("type") or "1", OL_TYPES["1"])
        try:
            number = int(ordered.get("start") or 1)
        except ValueError:
            number = 1
        for item in ordered:
            if item.tag != "li":
                continue
            item.text = f"{pattern.format(format_number(number, fmt))} {item.text or ''}"
            number += 1


def _join(lines: list[str]) -> str:
    """Lines with at most one blank line between blocks."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def read_akn(display: str, data: bytes) -> tuple[str, list[int], list[str]]:
    """Akoma Ntoso 3.0 XML rendered as canonical lines for the segmenter."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as error:
        raise UnusableInput(display, f"malformed XML ({error.msg})", "export the Akoma Ntoso file again") from None
    main = next((found for found in root if _local(found) not in ("meta",)), root)
    body = next((found for found in (_first(main, "body"), _first(main, "mainBody")) if found is not None), main)
    lines: list[str] = []
    for name in ("preface", "preamble"):
        front = _first(root, name)
        if front is not None:
            lines.extend(_text(block) for block in front if _text(block))
    _render(body, lines)
    for number, attachment in enumerate(root.iter(f"{{{AKN_NS}}}attachment"), start=1):
        # Schedules are attachments: a "Schedule N" line opens each, so its numbered
        # paragraphs become "schN.M" instead of running on in the last section.
        heading = _text(next(attachment.iter(f"{{{AKN_NS}}}heading"), None))
        lines.append(f"Schedule {number} – {heading}" if heading else f"Schedule {number}")
        for part in attachment.iter(f"{{{AKN_NS}}}mainBody"):
            _render(part, lines, schedule=True)
    return _join(lines), [0], []


def _first(root: etree._Element, name: str) -> etree._Element | None:
    return next(root.iter(f"{{{AKN_NS}}}{name}"), None)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return element.find(f"{{{AKN_NS}}}{name}")


def _render(element: Iterable[etree._Element], lines: list[str], schedule: bool = False) -> None:
    """Depth-first rendering: numbered units as canonical lines, text blocks as lines."""
    for child in element:
        name = _local(child)
        num = _text(_child(child, "num"))
        heading = _text(_child(child, "heading"))
        if name in AKN_DIVISIONS or (name == "hcontainer" and child.get("name") in ("part", "chapter", "schedule")):
            word = AKN_DIVISIONS.get(name) or str(child.get("name")).title()
            number = re.sub(rf"^\s*{word}\s*", "", num, flags=re.IGNORECASE).strip(" .") or ("1" if word == "Schedule" else "")
            lines.append(f"{word} {number} – {heading}".rstrip(" –") if number else f"{word} – {heading}")
            _render(child, lines, schedule)
        elif name in AKN_SECTIONS:
            word = "Section" if name == "section" else "Article" if name == "article" else name.title()
            number = re.sub(rf"^\s*(?:{word}|Art\.|s\.|§)\s*", "", num, flags=re.IGNORECASE).strip(" .")
            lines.append(f"{word} {number}. {heading}".rstrip(". ") + ("." if not heading else ""))
            _render(child, lines, schedule)
        elif name in AKN_ITEMS and num:
            marker = num.strip()
            # Schedule paragraphs keep "1." (read as "sch1.1"); items elsewhere become "(1)".
            if not marker.startswith("(") and not (schedule and re.fullmatch(r"\d+\.", marker)):
                marker = f"({marker.strip('.)')})"
            lines.append(f"{marker} {heading}".strip())
            _render_item(child, lines, schedule)
        elif name in ("num", "heading"):
            continue
        elif len(child) and _has_numbered(child):
            _render(child, lines, schedule)  # e.g. <content> holding a <blockList> of numbered items
        elif name in AKN_TEXT or name in ("blockList", "tblock"):
            text = _text(child)
            if text:
                lines.append(text)
        elif len(child):
            _render(child, lines, schedule)
        else:
            text = _text(child)
            if text:
                lines.append(text)


def _render_item(element: etree._Element, lines: list[str], schedule: bool = False) -> None:
    """A numbered item: its first text block goes on the marker line, the rest below."""
    first = True
    for child in element:
        name = _local(child)
        if name in ("num", "heading"):
            continue
        if _has_numbered(child):
            _render([child], lines, schedule)
            first = False
            continue
        text = _text(child)
        if not text:
            continue
        if first:
            lines[-1] = f"{lines[-1]} {text}".strip()
            first = False
        else:
            lines.append(text)


def _has_numbered(element: etree._Element) -> bool:
    """Whether an element is, or contains, a numbered unit."""
    for node in element.iter():
        if _local(node) in AKN_ITEMS | AKN_SECTIONS and _text(_child(node, "num")):
            return True
    return False
