"""Split a law's text into an ordered tree of provisions with canonical ids (FORMAT.md s.3).

One pass over the lines: division headings (part, chapter, schedule) and section starts
open nodes; list markers "(1)", "(a)", "(i)", at a line start or inline after a list
boundary ("Whoever—(1) ...; (2) ..."), open children under a stack of numbering levels;
quoted definitions ("x" means ...) open definition nodes. Each node's span runs to the
next node that is not its descendant, so a section's text includes its subsections.
Never refuses a messy law: odd input becomes warnings, unplaceable text `unclassified:N`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lexalign.items import Node, State, add_node, mark_body, place_items
from lexalign.layout import (
    SUBPART,
    caps_heading,
    clean_heading,
    division_rest_ok,
    heading_above,
    numbering_restarts,
    quoted_lines,
    section_match,
    split_heading,
    split_lines,
    strip_separator,
    toc_lines,
    unglue_divisions,
)
from lexalign.models import Document, Provision, SegmentedLaw
from lexalign.numbering import Patterns, patterns, section_id, section_key

# Largest plausible gap between consecutive bare section numbers ("12." then "2015." is not one).
MAX_JUMP = 100


def segment(document: Document) -> SegmentedLaw:
    """Split a document into provisions (document order), defined terms and warnings."""
    pats = patterns(document.language)
    lines = unglue_divisions(split_lines(document.text), pats)
    toc_skip, toc_headings = toc_lines(lines, pats)
    skip = toc_skip | quoted_lines(pats, lines)
    state = State(per_part=numbering_restarts(lines, pats, skip))
    consumed: set[int] = set()
    pending: tuple[int, str] | None = None  # a heading printed on the line above a section
    previous = ""
    for index, (offset, line) in enumerate(lines):
        if index in consumed:
            continue
        if index in skip:
            mark_body(state)
            previous = line
            continue
        nxt = lines[index + 1][1] if index + 1 < len(lines) else ""
        if _division(state, pats, offset, line, nxt, index, consumed):
            pending = None
        elif _section(state, pats, offset, line, pending, toc_headings):
            pending = None
        elif heading_above(pats, line, nxt):
            pending = (offset, line)
        else:
            if pending is not None:
                mark_body(state)
                pending = None
            place_items(state, pats, offset, line, previous)
        previous = line
    return _finish(document, state)


# --------------------------------------------------------------------------- divisions and sections


def _division(
    state: State, pats: Patterns, offset: int, line: str, nxt: str, index: int, consumed: set[int]
) -> bool:
    """Part, chapter, schedule or sub-part heading lines."""
    if len(line) > 160:
        return False
    match = pats.division.match(line)
    if match and division_rest_ok(match.group("rest")):
        kind = pats.lang.divisions[match.group("word")]
        number = match.group("num")
        ordinal = pats.lang.ordinals.get(number.lower())
        number_id = str(ordinal) if ordinal else number.lower()
        heading = strip_separator(match.group("rest"))
        if not heading and caps_heading(pats, nxt):
            heading = nxt
            consumed.add(index + 1)
        parent = state.part if kind == "chapter" else None
        label = f"{match.group('word').title()} {number}"
        node = add_node(state, Node(f"{kind}:{number_id}", label, kind, offset, parent, heading=heading, number=number_id))
        if kind == "part":
            state.part, state.chapter = node, None
        else:
            state.chapter = node
        state.schedule = None
        _close_section(state)
        return True
    match = pats.schedule.match(line)
    if match and division_rest_ok(match.group("rest")):
        ordinal = match.group("ord")
        number = str(pats.lang.ordinals[ordinal.lower()]) if ordinal else (match.group("num") or "1").lower()
        heading = strip_separator(re.sub(r"^\s*(\[[^\]]*\]|\([^)]*\))", "", match.group("rest")))
        if not heading and caps_heading(pats, nxt):
            heading = nxt
            consumed.add(index + 1)
        label = " ".join(x for x in (ordinal and ordinal.title(), match.group("word").title(), match.group("num")) if x)
        node = add_node(state, Node(f"schedule:{number}", label, "schedule", offset, None, heading=heading, number=number))
        state.schedule, state.part, state.chapter = node, None, None
        _close_section(state)
        return True
    match = SUBPART.match(line)
    if match and state.part is not None:
        letter = match.group(1)
        node = add_node(
            state,
            Node(f"{state.part.id}.{letter}", f"{state.part.label}({letter})", "chapter", offset, state.part, heading=match.group(2)),
        )
        state.chapter = node
        _close_section(state)
        return True
    return False


def _close_section(state: State) -> None:
    state.section = None
    state.levels = []
    state.division_since_section = True


def _section(
    state: State, pats: Patterns, offset: int, line: str, pending: tuple[int, str] | None, toc_headings: dict[str, str]
) -> bool:
    """Open a section (or schedule paragraph) when the line starts with a section number."""
    match = section_match(pats, line)
    if not match:
        return False
    if state.section is None and match.re is not pats.section_word and match.group("num"):
        first = section_key(match.group("num").lower())[0]
        if first > 999 or (match.re is pats.section_spaced and first > 20):
            return False  # "1990 CHAPTER 18" or "2015. ..." above the first section is a year
    groups = match.groupdict()
    printed = (groups.get("num") or groups.get("dotted") or "").strip()
    number = section_id(printed, pats.lang)
    word = groups.get("word")
    heading, body_at = split_heading(pats, groups.get("rest") or "")
    rest_offset = offset + match.start("rest")
    current = state.section
    if state.schedule is not None:
        # Numbered paragraphs of a schedule: "sch1.3"; their first line is text, not a heading.
        heading, body_at = "", len(groups.get("rest") or "") - len((groups.get("rest") or "").lstrip())
        container = state.schedule
        node_id = f"sch{container.number}.{number}"
        label = f"{container.label}, paragraph {printed}"
        kind = "paragraph"
    elif word == "§" and current is not None and not current.label.startswith("§"):
        # "Article 267 ... § 1. Whoever ...": a paragraph of the article, not a new section.
        # Rewritten as "(1)" padded to the same length, so offsets inside the line still hold.
        place_items(state, pats, offset, f"({printed})".ljust(match.start("rest")) + (groups.get("rest") or ""), "")
        return True
    elif current is not None and number == current.number and not current.has_body:
        # The same number again right below a bare heading line (India Code's "[43. ...--").
        if body_at is not None:
            place_items(state, pats, rest_offset + body_at, (groups.get("rest") or "")[body_at:], "—")
        return True
    elif current is not None and word is None and section_key(number) <= section_key(current.number):
        if not (state.per_part and state.division_since_section and section_key(number)[0] == 1):
            return False  # "2." inside a section is a numbered item, not a new section
        container, node_id, label, kind = None, "", "", "section"
    elif current is not None and word is None and section_key(number)[0] > section_key(current.number)[0] + MAX_JUMP:
        return False  # "2015. ..." after section 12 is a year or a list item, not section 2015
    else:
        container, node_id, label, kind = None, "", "", "section"
    if kind == "section":
        node_id = f"{state.part.number}.{number}" if state.per_part and state.part else number
        label = f"{_label_word(word, pats)} {printed}".strip()
        container = state.chapter or state.part
    start = offset
    if not heading and pending is not None:
        start, heading = pending[0], clean_heading(pending[1])
    if not heading and kind == "section":
        heading = toc_headings.get(printed.lower().replace(" ", ""), "")
    node = add_node(state, Node(node_id, label, kind, start, container, heading=heading, number=number))
    state.section = node
    state.levels = []
    state.division_since_section = False
    if body_at is not None:
        place_items(state, pats, rest_offset + body_at, (groups.get("rest") or "")[body_at:], "")
    return True


def _label_word(word: str | None, pats: Patterns) -> str:
    if word is None:
        return pats.lang.section_label
    return word if word in ("§", "s.", "Art.") else word.title()


# --------------------------------------------------------------------------- output


def _finish(document: Document, state: State) -> SegmentedLaw:
    """Compute spans (a node runs to the next node outside its subtree) and build models."""
    text = document.text
    nodes = state.nodes
    preamble = patterns(document.language).lang.preamble_label
    if nodes and text[: nodes[0].start].strip():
        nodes.insert(0, Node("preamble", preamble, "preamble", 0, None))
    elif not nodes and text.strip():
        nodes.append(Node("preamble", preamble, "preamble", 0, None))
    ends: dict[int, int] = {}
    open_nodes: list[Node] = []
    for node in nodes:
        ancestors = set()
        parent = node.parent
        while parent is not None:
            ancestors.add(id(parent))
            parent = parent.parent
        while open_nodes and id(open_nodes[-1]) not in ancestors:
            ends[id(open_nodes.pop())] = node.start
        open_nodes.append(node)
    for node in open_nodes:
        ends[id(node)] = len(text)
    provisions = []
    defined: dict[str, str] = {}
    for node in nodes:
        end = ends[id(node)]
        body = text[node.start : end].rstrip()
        lead = len(body) - len(body.lstrip())  # start and text must agree, or highlighted spans shift
        body = body[lead:]
        provisions.append(
            # Built from checked values: skipping validation halves the segmenter's time.
            Provision.model_construct(
                id=node.id,
                label=node.label,
                heading=node.heading,
                kind=node.kind,  # type: ignore[arg-type]
                page=max(1, bisect_right(document.page_starts, node.start)),  # = Document.page_at, in O(log pages)
                text=body,
                parent=node.parent.id if node.parent is not None else None,
                start=node.start + lead,
                end=node.start + lead + len(body),
                quoted=False,
            )
        )
        if node.term:
            defined.setdefault(node.term.lower(), body)
    return SegmentedLaw(document=document, provisions=provisions, defined_terms=defined, warnings=state.warnings)


def as_json(law: SegmentedLaw) -> dict:
    """The `lexalign segment --format json` form: document (without its text), provisions
    (id, label, heading, kind, page, text, parent), defined terms, all warnings."""
    fields = {"id", "label", "heading", "kind", "page", "text", "parent"}
    document = law.document.model_dump(exclude={"text"})
    document["characters"] = len(law.document.text)
    return {
        "document": document,
        "provisions": [provision.model_dump(include=fields) for provision in law.provisions],
        "defined_terms": law.defined_terms,
        "warnings": [*law.document.warnings, *law.warnings],
    }


def as_tree(law: SegmentedLaw) -> list[str]:
    """One line per provision, indented by depth: id, label, heading."""
    depth: dict[str, int] = {}
    out = []
    for provision in law.provisions:
        level = depth[provision.parent] + 1 if provision.parent in depth else 0
        depth[provision.id] = level
        heading = f" — {provision.heading}" if provision.heading else ""
        out.append(f"{'  ' * level}{provision.id}  {provision.label}{heading}")
    return out
