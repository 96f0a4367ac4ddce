"""DOCX reader: paragraph text with Word's automatic numbers put back in front.

Word draws list numbers ("1.", "(a)", "(i)") from numbering.xml; they are not in the
paragraph text. We follow numPr (on the paragraph or its style) -> w:num -> abstractNum
level (start, numFmt, lvlText) and count per list, so the segmenter sees "(a) ...".
"""

from __future__ import annotations

import io
import re
import zipfile

from lexalign.errors import UnusableInput

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(display: str, data: bytes) -> tuple[str, list[int], list[str]]:
    """Text (one line per paragraph), page starts ([0]: DOCX has no fixed pages), warnings."""
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnusableInput(display, "corrupt or truncated DOCX (not a ZIP package)", "save it again from Word, or export it as PDF")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises KeyError, ValueError, BadZipFile... on damaged packages
        raise UnusableInput(display, "corrupt or truncated DOCX", "save it again from Word, or export it as PDF") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    body = document.element.body
    for element in body.iter(f"{W}p"):
        if any(str(ancestor.tag).endswith("}Fallback") for ancestor in element.iterancestors()):
            continue  # a text box is stored twice (DrawingML and a VML fallback): read it once
        text = _paragraph_text(element)
        number = numbering.label(element)
        if number:
            text = f"{number} {text}"
        lines.append(text)
    warnings = []
    if numbering.unresolved:
        warnings.append(
            f"{display}: Word automatic numbering on {numbering.unresolved} paragraph(s) could not be resolved "
            "(numbering definition missing); those paragraphs have no number and may land in the wrong provision"
        )
    return "\n".join(lines), [0], warnings


def _paragraph_text(paragraph) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        else:
            parts.append(" ")
    return "".join(parts)


def format_number(value: int, fmt: str) -> str:
    """A list number in Word's numFmt (decimal, lowerLetter, upperRoman...)."""
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter past z: aa, bb.
        letters = chr(97 + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, text in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out += text
            value -= number
    return out


class _Numbering:
    """Counters and level definitions from numbering.xml."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.unresolved = 0
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId -> ilvl -> (start, fmt, text)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numpr: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            for abstract in root.iter(f"{W}abstractNum"):
                levels = {}
                for lvl in abstract.iter(f"{W}lvl"):
                    start = _val(lvl.find(f"{W}start")) or "1"
                    fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
                    text = _val(lvl.find(f"{W}lvlText")) or ""
                    levels[int(_val(lvl, "ilvl") or 0)] = (int(start), fmt, text)
                self.levels[_val(abstract, "abstractNumId") or ""] = levels
            for num in root.iter(f"{W}num"):
                overrides = {}
                for override in num.iter(f"{W}lvlOverride"):
                    start = override.find(f"{W}startOverride")
                    if start is not None:
                        overrides[int(_val(override, "ilvl") or 0)] = int(_val(start) or 1)
                self.nums[_val(num, "numId") or ""] = (_val(num.find(f"{W}abstractNumId")) or "", overrides)
        try:
            for style in document.styles.element.iter(f"{W}style"):
                numpr = style.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    num_id = _val(numpr.find(f"{W}numId"))
                    if num_id:
                        self.style_numpr[_val(style, "styleId") or ""] = (num_id, int(_val(numpr.find(f"{W}ilvl")) or 0))
        except (NotImplementedError, KeyError, AttributeError):
            pass

    def label(self, paragraph) -> str:  # type: ignore[no-untyped-def]
        """The number Word draws before this paragraph, '' when it has none."""
        numpr = paragraph.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = None, 0
        if numpr is not None:
            num_id = _val(numpr.find(f"{W}numId"))
            ilvl = int(_val(numpr.find(f"{W}ilvl")) or 0)
        else:
            style = paragraph.find(f"{W}pPr/{W}pStyle")
            if style is not None and _val(style) in self.style_numpr:
                num_id, ilvl = self.style_numpr[_val(style) or ""]
        if not num_id or num_id == "0":  # numId 0 switches numbering off
            return ""
        if num_id not in self.nums or self.nums[num_id][0] not in self.levels or ilvl not in self.levels[self.nums[num_id][0]]:
            self.unresolved += 1
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels[abstract_id]
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return ""
        for level in range(ilvl + 1):
            if f"%{level + 1}" in text:
                lvl_start, lvl_fmt, _ = levels.get(level, (1, "decimal", ""))
                value = counters.get(level, overrides.get(level, lvl_start))
                text = text.replace(f"%{level + 1}", format_number(value, lvl_fmt))
        text = text.strip()
        # "Section 1" / "Article 3" drawn by Word: a full stop makes it read as a heading number.
        return text + "." if re.search(r"[^\W\d_]\s*\d+[A-Za-z]?$", text) else text


def _val(element, name: str = "val") -> str | None:  # type: ignore[no-untyped-def]
    if element is None:
        return None
    return element.get(f"{W}{name}")
