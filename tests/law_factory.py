"""Builds small segmented laws directly, so engine tests do not depend on the segmenter."""

from __future__ import annotations

import hashlib

from lexalign.models import Document, Provision, SegmentedLaw


def make_law(
    sections: list[tuple[str, str, str]],
    *,
    children: dict[str, list[tuple[str, str]]] | None = None,
    defined_terms: dict[str, str] | None = None,
    language: str = "en",
) -> SegmentedLaw:
    """A law from (id, heading, text) sections; `children[section_id]` adds (id, text) subsections.

    Each subsection's text is appended to its section's text, as a segmenter would lay it out."""
    children = children or {}
    text = ""
    provisions: list[Provision] = []
    for section_id, heading, body in sections:
        start = len(text)
        line = f"{section_id}. {heading}\n{body}\n"
        text += line
        kids: list[Provision] = []
        for child_id, child_text in children.get(section_id, []):
            child_start = len(text)
            text += child_text + "\n"
            kids.append(Provision(id=child_id, label=f"Section {child_id}", kind="subsection", text=child_text, parent=section_id, start=child_start, end=child_start + len(child_text)))
        provisions.append(Provision(id=section_id, label=f"Section {section_id}", heading=heading, kind="section", text=text[start:], start=start, end=len(text)))
        provisions.extend(kids)
    document = Document(source="test_law.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), format="txt", text=text, language=language)
    return SegmentedLaw(document=document, provisions=provisions, defined_terms=defined_terms or {})


def one_section(text: str, heading: str = "") -> SegmentedLaw:
    """A law of one section, id "5"."""
    return make_law([("5", heading, text)])
