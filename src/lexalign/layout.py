"""Line-level layout of a law's text: headings, tables of contents, quoted amendments.

Pure functions over (offset, line) pairs, used by `segment`: where a section's heading
ends and its body begins, which lines are an arrangement of sections, which lines are
text quoted by an amending provision.
"""

from __future__ import annotations

import re

from lexalign.numbering import LINE_MARKER, Patterns, section_key

# Heading and body on one line: "Title. – The State ...", "Penalty for x.--(1) ...", "Objet - Le ...".
HEADING_SEPARATOR = re.compile(r"\.?\s*(?:--|—|–)\s*|\.-\s*|\s-\s")
# A sub-part heading inside a part: "(c) – Amendment of the Anti-Money Laundering Act".
SUBPART = re.compile(r"^\(([a-z])\)\s*[–—-]\s+([A-Z][^;]{0,110})$")
# Opening quote of an amending provision's quoted text spread over lines (the closing one is per language).
QUOTE_OPEN = re.compile(r"^[“\"‘']\s*(?:\d|\(|[A-Z]{3,}\s)")
# The full stop between a heading and the first sentence on the same line.
# A numbered paragraph right after an article number: "Art. 3.- 1. Fraudulently ...".
NUMBERED_PARAGRAPH = re.compile(r"\d{1,3}\s*(?:°|º|\.(?!\d))\s")
# Dot leaders and a page number after a heading in a table of contents: "Short title ..... 3".
TOC_LEADER = re.compile(r"\s*(?:[.…·]\s*){3,}\d*\s*$|\s+\d{1,3}\s*$")  # not 4 digits: a year
SENTENCE_AFTER_HEADING = re.compile(r"\.\s+(?=[A-Z(\[])")


def split_lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with the offset of their first character."""
    out = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append((offset + raw.index(stripped[0]), stripped))
        offset += len(raw) + 1
    return out


def section_match(pats: Patterns, line: str) -> re.Match[str] | None:
    """The section-start match of a line, if it opens a section (or article)."""
    match = pats.section_word.match(line) or pats.section_bare.match(line)
    if match:
        return match
    match = pats.section_spaced.match(line)
    if match:
        rest = match.group("rest")
        # "1 Unauthorised access to computer material." is a heading; "2 Persons shall ..." is not.
        if len(rest.split()) <= 20 and not pats.body_cue.search(rest) and not rest.rstrip().endswith(","):
            return match
    return None


def toc_lines(lines: list[tuple[int, str]], pats: Patterns) -> tuple[set[int], dict[str, str]]:
    """Lines of an arrangement of sections (table of contents): a run of at least three
    section headings with no body between them, whose numbers recur later in the law.
    Also returns the headings it lists, for sections printed without one (marginal notes)."""
    starts = [(i, section_match(pats, line)) for i, (_, line) in enumerate(lines)]
    section_lines = [(i, m) for i, m in starts if m]
    skip: set[int] = set()
    headings: dict[str, str] = {}
    run: list[int] = []

    def short(line: str) -> bool:
        words = line.split()
        return len(words) <= 2 or (line.isupper() and len(words) <= 10) or bool(pats.toc.match(line)) or bool(
            pats.division.match(line)
        )

    def close(run: list[int]) -> None:
        if len(run) < 3:
            return
        numbers = [printed_number(starts[i][1]) for i in run]
        later = {printed_number(m) for i, m in section_lines if i > run[-1]}
        if sum(1 for n in numbers if n in later) >= 2:
            first = run[0]
            while first > 0 and short(lines[first - 1][1]) and not pats.toc.match(lines[first][1]):
                first -= 1
            skip.update(range(first, run[-1] + 1))
            for i in run:
                match = starts[i][1]
                listed = TOC_LEADER.sub("", (match.group("rest") if match else "") or "")
                headings.setdefault(printed_number(match), clean_heading(listed))

    for i, (_, line) in enumerate(lines):
        match = starts[i][1]
        if match:
            rest = (match.group("rest") or "").strip()
            # A repealed section has no body either, but it is not a contents line.
            headingish = (
                len(rest.split()) <= 25
                and not pats.body_cue.search(rest)
                and not LINE_MARKER.match(rest)
                and not pats.repeal.search(rest)
            )
            if headingish:
                run.append(i)
                continue
            close(run)
            run = []
        elif not short(line):
            close(run)
            run = []
    close(run)
    return skip, headings


def printed_number(match: re.Match[str] | None) -> str:
    """The printed section number of a section-start match, lower case, without spaces."""
    if match is None:
        return ""
    groups = match.groupdict()
    return (groups.get("num") or groups.get("dotted") or "").lower().replace(" ", "")


def quoted_lines(pats: Patterns, lines: list[tuple[int, str]]) -> set[int]:
    """Lines of text quoted by an amending provision ("the following section is inserted—
    '5A. ...'"): they stay text of the amending provision, not provisions of this law."""
    skip: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i][1]
        if QUOTE_OPEN.match(line) and i > 0 and lines[i - 1][1].rstrip().endswith(("—", "-", ":", "–")):
            for j in range(i, min(i + 80, len(lines))):
                if pats.quote_close.search(lines[j][1]) and (j > i or len(line) > 1):
                    skip.update(range(i, j + 1))
                    i = j
                    break
        i += 1
    return skip


def division_rest_ok(rest: str) -> bool:
    """After 'Part II' comes nothing, a separator and a heading, a bracketed note or capitals;
    'Part III of this Act applies ...' is body text."""
    rest = rest.strip()
    if rest in (":", ";", ",") or rest.endswith((";", ",")):
        return False  # "... specified in the\nSecond Schedule:" is a sentence wrapped by a PDF line break
    return not rest or rest[0] in "-–—:.[(" or rest.isupper()


def strip_separator(rest: str) -> str:
    """A division heading without the separator before it ('– OFFENCES' -> 'OFFENCES')."""
    return rest.strip().lstrip("-–—:. ").strip()


def caps_heading(pats: Patterns, line: str) -> bool:
    """Whether a line is a heading in capitals printed below a part or schedule line."""
    return bool(line) and line.isupper() and len(line.split()) <= 12 and not section_match(pats, line)


def heading_above(pats: Patterns, line: str, nxt: str) -> bool:
    """A short capitalised line without final punctuation right above a section start
    whose own line has no heading (Singapore "Short title\\n1. This Act is ...")."""
    words = line.split()
    if not (1 <= len(words) <= 16) or not line[0].isupper() or line.endswith((".", ";", ":", ",")):
        return False
    if pats.body_cue.search(line) or LINE_MARKER.match(line):
        return False
    match = section_match(pats, nxt)
    if not match:
        return False
    heading, _ = split_heading(pats, match.group("rest") or "")
    return not heading


def split_heading(pats: Patterns, rest: str) -> tuple[str, int | None]:
    """Split what follows a section number into (heading, offset where the body starts)."""
    stripped = rest.strip()
    if not stripped:
        return "", None
    lead = len(rest) - len(rest.lstrip())
    if LINE_MARKER.match(stripped) or stripped[0] in "\"“'‘" or NUMBERED_PARAGRAPH.match(stripped):
        return "", lead
    separator = HEADING_SEPARATOR.search(stripped, 0, 300)
    if separator and separator.start() > 0:
        candidate = stripped[: separator.start()]
        if len(candidate.split()) <= 30 and not pats.body_cue.search(candidate):
            run_on = run_on_heading(pats, candidate)
            if run_on:  # "Interpretation In this Act— ..."
                return clean_heading(candidate[: run_on[0]]), lead + run_on[1]
            return clean_heading(candidate), lead + separator.end()
    run_on = run_on_heading(pats, stripped)
    if run_on and len(stripped[run_on[1] :].split()) >= 4:
        return clean_heading(stripped[: run_on[0]]), lead + run_on[1]
    if (
        len(stripped.split()) <= 30
        and not pats.body_cue.search(stripped)
        and not stripped.endswith((";", ":", ","))
        and not pats.sentence_opening.match(stripped)  # "A prosecution requires ..." is a sentence
    ):
        return clean_heading(stripped), None
    # "61. Civil court not to have jurisdiction. No court shall ...": heading, full stop, sentence.
    stop = SENTENCE_AFTER_HEADING.search(stripped, 0, 200)
    if stop and len(stripped[: stop.start()].split()) <= 15 and not pats.body_cue.search(stripped[: stop.start()]):
        return clean_heading(stripped[: stop.start()]), lead + stop.end()
    run_on = run_on_heading(pats, stripped)
    if run_on:
        return clean_heading(stripped[: run_on[0]]), lead + run_on[1]
    return "", lead


def run_on_heading(pats: Patterns, text: str) -> tuple[int, int] | None:
    """(end of heading, start of body) when a heading runs into the first sentence:
    "2. Object The object of this Act is ...", "4. Application (1) This Act ..."."""
    for match in pats.sentence_start.finditer(text, 0, 250):
        candidate = text[: match.start()]
        words = candidate.split()
        if (
            len(words) <= 15
            and candidate[0].isupper()
            and words[-1].lower() not in pats.heading_end_words  # "Access to A computer" is one heading
            and not pats.body_cue.search(candidate)
            and not candidate.endswith((";", ":", ","))
        ):
            return match.start(), match.end()
    return None


def clean_heading(text: str) -> str:
    """A heading without amendment brackets and final full stop."""
    return text.replace("[", "").replace("]", "").strip().rstrip(".").strip()


def numbering_restarts(lines: list[tuple[int, str]], pats: Patterns, skip: set[int]) -> bool:
    """Whether section numbers start again at 1 in every part (then ids carry the part):
    at least two parts, and the first section of every part is number 1."""
    firsts: list[str] = []
    waiting = False
    for index, (_, line) in enumerate(lines):
        if index in skip:
            continue
        division = pats.division.match(line)
        if division and division_rest_ok(division.group("rest")) and pats.lang.divisions.get(division.group("word")) == "part":
            waiting = True
            continue
        match = section_match(pats, line)
        if match and waiting:
            firsts.append(printed_number(match))
            waiting = False
    return len(firsts) >= 2 and all(section_key(number)[0] == 1 for number in firsts)


def unglue_divisions(lines: list[tuple[int, str]], pats: Patterns) -> list[tuple[int, str]]:
    """Put a part heading glued to the end of a line ("... controller. Part II – Authority")
    on its own line."""
    out = []
    for offset, line in lines:
        match = pats.glued_division.search(line, max(0, len(line) - 140))
        if match:
            out.append((offset, line[: match.start()].rstrip()))
            out.append((offset + match.start(1), match.group(1)))
        else:
            out.append((offset, line))
    return out
