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
from dataclasses import dataclass, field

from lexalign.layout import (
    SUBPART,
    caps_heading,
    clean_heading,
    division_rest_ok,
    heading_above,
    numbering_restarts,
    split_lines,
    quoted_lines,
    section_match,
    split_heading,
    strip_separator,
    toc_lines,
)
from lexalign.models import Document, Provision, SegmentedLaw
from lexalign.numbering import (
    BOUNDARY_END,
    INTRODUCER,
    REFERENCE_AFTER,
    LINE_MARKER,
    Patterns,
    follows,
    inline_markers,
    list_start,
    marker_types,
    patterns,
    section_id,
    section_key,
)

# A list item that starts with its own heading: "(1) Illegal Access. – The access ...".
ITEM_HEADING = re.compile(r"^([A-Z][^.;:,()\n]{2,80}?)\.\s*(?:–|—|--)\s*")
# A list marker that ends the text before a definition: '(a) "access" means'.
MARKER_END = re.compile(r"\(\w{1,5}\)$")
# Where a marker's item text begins: after ")", "°" or ".".
MARKER_CLOSE = re.compile(r"[)°º.]")
# Unbracketed list markers at a line start: "1°", "2.", "a)", "II. –".
PLAIN_MARKER = re.compile(r"^\s*(?:(\d{1,3})\s*(?:°|º|\.(?!\d))|([a-z]{1,2})\)|([IVX]{1,4})\s*\.\s*[-–—])\s*")
# The words between the last list marker and a definition: "(1) the term ".
LEAD_AFTER_MARKER = re.compile(r"\(\w{1,5}\)([^()]{0,30})$")
# Largest plausible gap between consecutive bare section numbers ("12." then "2015." is not one).
MAX_JUMP = 100
KIND_BY_DEPTH = ("subsection", "paragraph", "subparagraph", "clause")


@dataclass
class _Node:
    id: str
    label: str
    kind: str
    start: int
    parent: _Node | None
    heading: str = ""
    number: str = ""  # section number, for ordering checks
    has_body: bool = False
    term: str = ""  # the defined term when this node is a definition


@dataclass
class _Level:
    kind: str  # digit | alpha | roman | ALPHA | ROMAN | def
    value: str
    node: _Node


@dataclass
class _State:
    nodes: list[_Node] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    part: _Node | None = None
    chapter: _Node | None = None
    schedule: _Node | None = None
    section: _Node | None = None
    levels: list[_Level] = field(default_factory=list)
    division_since_section: bool = False
    per_part: bool = False  # section numbers restart in every part: ids get the part ("ii.5")
    unclassified: int = 0
    warnings: list[str] = field(default_factory=list)


def segment(document: Document) -> SegmentedLaw:
    """Split a document into provisions (document order), defined terms and warnings."""
    pats = patterns(document.language)
    lines = split_lines(document.text)
    toc_skip, toc_headings = toc_lines(lines, pats)
    skip = toc_skip | quoted_lines(lines)
    state = _State(per_part=numbering_restarts(lines, pats, skip))
    consumed: set[int] = set()
    pending: tuple[int, str] | None = None  # a heading printed on the line above a section
    previous = ""
    for index, (offset, line) in enumerate(lines):
        if index in consumed:
            continue
        if index in skip:
            _body(state)
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
                _body(state)
                pending = None
            _items(state, pats, offset, line, previous)
        previous = line
    return _finish(document, state)


# --------------------------------------------------------------------------- lines












# --------------------------------------------------------------------------- nodes


def _add(state: _State, node: _Node) -> _Node:
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


def _body(state: _State) -> None:
    container = state.levels[-1].node if state.levels else state.section
    if container is not None:
        container.has_body = True


def _division(
    state: _State, pats: Patterns, offset: int, line: str, nxt: str, index: int, consumed: set[int]
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
        node = _add(state, _Node(f"{kind}:{number_id}", label, kind, offset, parent, heading=heading, number=number_id))
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
        node = _add(state, _Node(f"schedule:{number}", label, "schedule", offset, None, heading=heading, number=number))
        state.schedule, state.part, state.chapter = node, None, None
        _close_section(state)
        return True
    match = SUBPART.match(line)
    if match and state.part is not None:
        letter = match.group(1)
        node = _add(
            state,
            _Node(f"{state.part.id}.{letter}", f"{state.part.label}({letter})", "chapter", offset, state.part, heading=match.group(2)),
        )
        state.chapter = node
        _close_section(state)
        return True
    return False








def _close_section(state: _State) -> None:
    state.section = None
    state.levels = []
    state.division_since_section = True








def _section(
    state: _State, pats: Patterns, offset: int, line: str, pending: tuple[int, str] | None, toc_headings: dict[str, str]
) -> bool:
    """Open a section (or schedule paragraph) when the line starts with a section number."""
    match = section_match(pats, line)
    if not match:
        return False
    if match.re is pats.section_spaced and state.section is None and section_key(match.group("num").lower())[0] > 20:
        return False  # "1990 CHAPTER 18" above the first section is not section 1990
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
    elif current is not None and number == current.number and not current.has_body:
        # The same number again right below a bare heading line (India Code's "[43. ...--").
        if body_at is not None:
            _items(state, pats, rest_offset + body_at, (groups.get("rest") or "")[body_at:], "—")
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
    node = _add(state, _Node(node_id, label, kind, start, container, heading=heading, number=number))
    state.section = node
    state.levels = []
    state.division_since_section = False
    if body_at is not None:
        _items(state, pats, rest_offset + body_at, (groups.get("rest") or "")[body_at:], "")
    return True


def _label_word(word: str | None, pats: Patterns) -> str:
    if word is None:
        return pats.lang.section_label
    return word if word in ("§", "s.", "Art.") else word.title()


# --------------------------------------------------------------------------- list items


def _items(state: _State, pats: Patterns, offset: int, line: str, previous: str) -> None:
    """Split a line (or the body after a section heading) at its list markers and
    definitions, and place each piece in the tree."""
    if state.section is None and state.schedule is None:
        if LINE_MARKER.match(line):
            state.unclassified += 1
            node = _add(
                state,
                _Node(f"unclassified:{state.unclassified}", f"Unclassified text {state.unclassified}", "unclassified", offset, state.chapter or state.part),
            )
            state.warnings.append(f"list item outside any section at offset {offset}: kept as {node.id}")
        return
    if state.section is None:
        # Unnumbered text in a schedule: it belongs to the schedule itself.
        return
    cuts: list[tuple[int, str, str]] = [(at, "marker", value) for at, value in inline_markers(line)]
    if cuts and cuts[0][0] == 0 and _wrapped_reference(pats, line, previous):
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
        _body(state)
    last_marker_end = -1
    for position, (at, what, value) in enumerate(cuts):
        if what == "def":
            directly_after_marker = last_marker_end >= 0 and bool(pats.definition_lead.match(line[last_marker_end:at]))
            if directly_after_marker and state.levels:
                state.levels[-1].node.term = state.levels[-1].node.term or value
                continue
            _place(state, "def", value, offset + at, heading="")
            continue
        before = line[:at] if at else previous
        introduced = bool(INTRODUCER.search(before.rstrip()))
        close = MARKER_CLOSE.search(line, at)
        item_text = line[close.end() if close else at :]
        heading_match = ITEM_HEADING.match(item_text.lstrip())
        term = _unquoted_term(pats, state, item_text)
        kind = _choose(marker_types(value), value, state.levels, introduced)
        if at == 0 and _breaks_list(state, kind, value, previous):
            continue  # "one\n(1) degree": a bracketed number wrapped onto a new line
        nested = introduced and list_start(kind, value)
        _place(state, kind, value, offset + at, heading=heading_match.group(1) if heading_match else "", nested=nested)
        if term:
            state.levels[-1].node.term = term
        last_marker_end = close.end() if close else at


def _wrapped_reference(pats: Patterns, line: str, previous: str) -> bool:
    """A line-start marker that continues a cross-reference wrapped from the line above
    ("... under sub-section\n(1) of section 46"), typical of PDF text."""
    if not previous or section_match(pats, previous) or pats.division.match(previous):
        return False  # a heading line ("70. Regulations") is not a wrapped sentence
    if pats.reference_end.search(previous):
        return True
    ends_open = not previous.rstrip().endswith((*BOUNDARY_END, ")"))
    return ends_open and bool(REFERENCE_AFTER.match(line, line.index(")") + 1))


def _breaks_list(state: _State, kind: str, value: str, previous: str) -> bool:
    """A line-start marker after a line that ends mid-sentence, which neither continues its
    open list nor starts a new one: wrapped text, not a list item."""
    if not previous or previous.rstrip().endswith((*BOUNDARY_END, ")", ",", "*")):
        return False
    for level in reversed(state.levels):
        if level.kind == kind:
            return not follows(kind, level.value, value)
    return False


def _unquoted_term(pats: Patterns, state: _State, item_text: str) -> str:
    """The term of an unquoted definition item ("(a) Access refers to ...") in a section
    headed as a definitions section."""
    section = state.section
    if section is None or not pats.definition_heading.search(section.heading):
        return ""
    match = pats.definition_unquoted.match(item_text.strip())
    return match.group("term") if match else ""


def _choose(kinds: list[str], value: str, levels: list[_Level], introduced: bool) -> str:
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


def _place(state: _State, kind: str, value: str, start: int, heading: str, nested: bool = False) -> None:
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
    node = _add(state, _Node(node_id, label, node_kind, start, parent, heading=heading, term=value if kind == "def" else ""))
    state.levels.append(_Level(kind, value, node))


# --------------------------------------------------------------------------- output


def _finish(document: Document, state: _State) -> SegmentedLaw:
    """Compute spans (a node runs to the next node outside its subtree) and build models."""
    text = document.text
    nodes = state.nodes
    if nodes and text[: nodes[0].start].strip():
        nodes.insert(0, _Node("preamble", "Preamble", "preamble", 0, None))
    elif not nodes and text.strip():
        nodes.append(_Node("preamble", "Preamble", "preamble", 0, None))
    ends: dict[int, int] = {}
    open_nodes: list[_Node] = []
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
        provisions.append(
            Provision(
                id=node.id,
                label=node.label,
                heading=node.heading,
                kind=node.kind,  # type: ignore[arg-type]
                page=document.page_at(node.start),
                text=body.strip(),
                parent=node.parent.id if node.parent is not None else None,
                start=node.start,
                end=node.start + len(body),
            )
        )
        if node.term:
            defined.setdefault(node.term.lower(), body.strip())
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
