"""The provision tree under construction and the placing of list items in it.

`State` is the segmenter's working tree: the open part, chapter, schedule, section and the
stack of numbering levels ("(1)" > "(a)" > "(i)"). `place_items` splits a line at its list
markers and definitions; `choose` decides what an ambiguous marker such as (i) is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexalign.layout import section_match
from lexalign.numbering import (
    BOUNDARY_END,
    INTRODUCER,
    LINE_MARKER,
    Patterns,
    follows,
    inline_markers,
    list_start,
    marker_types,
)

# A list item that starts with its own heading: "(1) Illegal Access. – The access ...".
ITEM_HEADING = re.compile(r"^([A-Z][^.;:,()\n]{2,80}?)\.\s*(?:–|—|--)\s*")
# A list marker that ends the text before a definition: '(a) "access" means'.
MARKER_END = re.compile(r"\(\w{1,5}\)$")
# Where a marker's item text begins: after ")", "°" or ".".
MARKER_CLOSE = re.compile(r"[)°º.]")
# Unbracketed list markers at a line start: "1°", "2.", "1)", "a)", "II. –".
PLAIN_MARKER = re.compile(r"^\s*(?:(\d{1,3})\s*(?:°|º|\.(?!\d)|\))|([a-z]{1,2})\)|([IVX]{1,4})\s*\.\s*[-–—])\s*")
# The words between the last list marker and a definition: "(1) the term ".
LEAD_AFTER_MARKER = re.compile(r"\(\w{1,5}\)([^()]{0,30})$")
KIND_BY_DEPTH = ("subsection", "paragraph", "subparagraph", "clause")


@dataclass
class Node:
    """A provision being built; its span and text are computed once all nodes are known."""

    id: str
    label: str
    kind: str
    start: int
    parent: Node | None
    heading: str = ""
    number: str = ""  # section number, for ordering checks
    has_body: bool = False
    term: str = ""  # the defined term when this node is a definition


@dataclass
class Level:
    """One open list level: its numbering type, last value and node."""

    kind: str  # digit | alpha | roman | ALPHA | ROMAN | def
    value: str
    node: Node


@dataclass
class State:
    """The segmenter's working state while it walks the lines."""

    nodes: list[Node] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    part: Node | None = None
    chapter: Node | None = None
    schedule: Node | None = None
    section: Node | None = None
    levels: list[Level] = field(default_factory=list)
    division_since_section: bool = False
    per_part: bool = False  # section numbers restart in every part: ids get the part ("ii.5")
    unclassified: int = 0
    warnings: list[str] = field(default_factory=list)


def add_node(state: State, node: Node) -> Node:
    """Register a node, making its id unique (with a warning) when the law repeats a number."""
    if node.id in state.ids:
        n = 2
        while f"{node.id}~{n}" in state.ids:
            n += 1
        state.warnings.append(f"duplicate provision id {node.id!r} renamed {node.id}~{n}")
        node.id = f"{node.id}~{n}"
    state.ids.add(node.id)
    state.nodes.append(node)
    return node


def mark_body(state: State) -> None:
    """Record that the open provision has text of its own (not just a heading line)."""
    container = state.levels[-1].node if state.levels else state.section
    if container is not None:
        container.has_body = True


def place_items(state: State, pats: Patterns, offset: int, line: str, previous: str) -> None:
    """Split a line (or the body after a section heading) at its list markers and
    definitions, and place each piece in the tree."""
    if state.section is None and state.schedule is None:
        if LINE_MARKER.match(line):
            state.unclassified += 1
            node = add_node(
                state,
                Node(f"unclassified:{state.unclassified}", f"{pats.lang.unclassified_label} {state.unclassified}", "unclassified", offset, state.chapter or state.part),
            )
            state.warnings.append(f"list item outside any section at offset {offset}: kept as {node.id}")
        return
    if state.section is None:
        # Unnumbered text in a schedule: it belongs to the schedule itself.
        return
    cuts: list[tuple[int, str, str]] = [(at, "marker", value) for at, value in inline_markers(pats, line)]
    if cuts and cuts[0][0] == 0 and wrapped_reference(pats, line, previous):
        cuts.pop(0)
    elif not cuts or cuts[0][0] > 0:
        # "1° ...", "a) ...", or "2. ..." inside an article (civil-law paragraphs).
        plain = PLAIN_MARKER.match(line)
        if plain:
            cuts.insert(0, (0, "marker", plain.group(1) or plain.group(2) or plain.group(3)))
    for match in pats.definition.finditer(line):
        at = match.start()
        before = line[:at].rstrip()
        lead = LEAD_AFTER_MARKER.search(before)
        if (
            not before
            or before.endswith(("—", "–", ":", ";", "]", ".", "-", ","))
            or MARKER_END.search(before)
            or (lead is not None and pats.definition_lead.match(lead.group(1)))
        ):
            cuts.append((at, "def", match.group("term").strip()))
    cuts.sort()
    if not cuts or cuts[0][0] > 0:
        mark_body(state)
    last_marker_end = -1
    for at, what, value in cuts:
        if what == "def":
            directly_after_marker = last_marker_end >= 0 and bool(pats.definition_lead.match(line[last_marker_end:at]))
            if directly_after_marker and state.levels:
                state.levels[-1].node.term = state.levels[-1].node.term or value
                continue
            place(state, "def", value, offset + at, heading="")
            continue
        before = line[:at] if at else previous
        introduced = bool(INTRODUCER.search(before.rstrip()))
        close = MARKER_CLOSE.search(line, at)
        item_text = line[close.end() if close else at :]
        heading_match = ITEM_HEADING.match(item_text.lstrip())
        term = unquoted_term(pats, state, item_text)
        kind = choose(marker_types(value), value, state.levels, introduced)
        if at == 0 and breaks_list(state, kind, value, previous):
            mark_body(state)
            continue  # "one\n(1) degree": a bracketed number wrapped onto a new line
        nested = introduced and list_start(kind, value)
        place(state, kind, value, offset + at, heading=heading_match.group(1) if heading_match else "", nested=nested)
        if term:
            state.levels[-1].node.term = term
        last_marker_end = close.end() if close else at


def wrapped_reference(pats: Patterns, line: str, previous: str) -> bool:
    """A line-start marker that continues a cross-reference wrapped from the line above
    ("... under sub-section\n(1) of section 46"), typical of PDF text."""
    if not previous or section_match(pats, previous) or pats.division.match(previous):
        return False  # a heading line ("70. Regulations") is not a wrapped sentence
    if pats.reference_end.search(previous):
        return True
    ends_open = not previous.rstrip().endswith((*BOUNDARY_END, ")"))
    return ends_open and bool(pats.reference_after.match(line, line.index(")") + 1))


def breaks_list(state: State, kind: str, value: str, previous: str) -> bool:
    """A line-start marker after a line that ends mid-sentence, which neither continues its
    open list nor starts a new one: wrapped text, not a list item."""
    if not previous or previous.rstrip().endswith((*BOUNDARY_END, ")", ",", "*")):
        return False
    for level in reversed(state.levels):
        if level.kind == kind:
            return not follows(kind, level.value, value)
    return False


def unquoted_term(pats: Patterns, state: State, item_text: str) -> str:
    """The term of an unquoted definition item ("(a) Access refers to ...") in a section
    headed as a definitions section."""
    section = state.section
    if section is None or not pats.definition_heading.search(section.heading):
        return ""
    match = pats.definition_unquoted.match(item_text.strip())
    return match.group("term") if match else ""


def choose(kinds: list[str], value: str, levels: list[Level], introduced: bool) -> str:
    """Numbering type of an ambiguous marker such as (i) or (v): letter or roman numeral,
    decided by the list it continues (the nearest open level it follows) or, right after
    a list introducer, by the type whose list it would start."""
    if len(kinds) == 1:
        return kinds[0]
    open_kinds = {level.kind for level in levels}
    if introduced:
        for kind in kinds:
            if kind not in open_kinds and list_start(kind, value):
                return kind
    for level in reversed(levels):
        if level.kind in kinds and follows(level.kind, level.value, value):
            return level.kind
    for kind in kinds:
        if kind not in open_kinds and list_start(kind, value):
            return kind
    for level in reversed(levels):
        if level.kind in kinds:
            return level.kind
    return kinds[0]


def place(state: State, kind: str, value: str, start: int, heading: str, nested: bool = False) -> None:
    """Put a list item (or definition) under the right open level and make it the top.

    A first item right after a list introducer ("which--(a)") whose type is already open
    without continuing it starts a nested list of the same type."""
    for index in range(len(state.levels) - 1, -1, -1):
        level = state.levels[index]
        if level.kind == kind:
            if nested and kind != "def" and not follows(kind, level.value, value):
                break
            del state.levels[index:]
            break
    parent = state.levels[-1].node if state.levels else state.section
    assert parent is not None
    if kind == "def":
        slug = re.sub(r"\W+", "-", value.lower()).strip("-")[:40]
        node_id, label, node_kind = f"{parent.id}.def:{slug}", f'{parent.label} "{value}"', "definition"
    else:
        depth = sum(1 for level in state.levels if level.kind != "def")
        node_id = f"{parent.id}.{value.lower()}"
        label = f"{parent.label}({value})" if parent.kind != "definition" else f"{parent.label} ({value})"
        node_kind = KIND_BY_DEPTH[min(depth, len(KIND_BY_DEPTH) - 1)]
    node = add_node(state, Node(node_id, label, node_kind, start, parent, heading=heading, term=value if kind == "def" else ""))
    state.levels.append(Level(kind, value, node))
