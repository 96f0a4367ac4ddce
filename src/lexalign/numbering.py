"""Numbering patterns: section numbers, division headings, enumeration markers, ids.

Language words come from `convention/lang/<code>.yaml` (SegmentationLanguage); this module
turns them into compiled regexes once per language and holds the pure helpers that read
numbers: marker types, the (h)/(i) decision, canonical id parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from lexalign import settings
from lexalign.models import SegmentationLanguage

# Roman numerals up to 3999, used to tell (i)/(v)/(x) items from letters.
ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")

# One enumeration marker body between brackets: (1) (5A) (a) (ja) (iv) (A) (IV).
MARKER_BODY = r"\d{1,3}[A-Za-z]{0,2}|[a-z]{1,5}|[A-Z]{1,5}"
# Any bracketed marker inside a line; `inline_markers` keeps those at a list boundary.
MARKER_ANYWHERE = re.compile(r"\[?\((" + MARKER_BODY + r")\)(?=\s|\(|\[|$)")
# Text before an inline marker that makes it a list item: a list introducer (dash, colon),
# a semicolon, "; or", a closing amendment bracket "]", or a full stop.
BOUNDARY_END = ("—", "–", ":", ";", "]", ".", "-")
# A marker that opens a line (optionally inside an amendment bracket "[(da) ...").
LINE_MARKER = re.compile(r"^\s*\[?\((" + MARKER_BODY + r")\)(?=\s|\(|$|[A-Z])")
# A list introducer right before a marker: "Whoever—(1)", "by--", "as follows:".
INTRODUCER = re.compile(r"(?:—|–|--|:|-)\s*$")
# Curly quotes pair reliably; quoted spans hide markers of amending text.
QUOTE_SPAN = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


@dataclass(frozen=True)
class Patterns:
    """Compiled regexes for one language."""

    lang: SegmentationLanguage
    section_word: re.Pattern[str]
    section_bare: re.Pattern[str]
    section_spaced: re.Pattern[str]
    division: re.Pattern[str]
    glued_division: re.Pattern[str]
    schedule: re.Pattern[str]
    definition: re.Pattern[str]
    definition_unquoted: re.Pattern[str]
    definition_lead: re.Pattern[str]
    body_cue: re.Pattern[str]
    sentence_start: re.Pattern[str]
    sentence_opening: re.Pattern[str]
    repeal: re.Pattern[str]
    toc: re.Pattern[str]
    definition_heading: re.Pattern[str]
    # A joiner after a boundary makes the next marker a list item: "...; or (b)".
    joined_boundary: re.Pattern[str]
    # Text after a marker that makes it a cross-reference, not a list item: "(a)(3), or (a)(6) of".
    reference_after: re.Pattern[str]
    # The closing quote of quoted amending text: '... offence.” and', "...;" or'.
    quote_close: re.Pattern[str]
    heading_end_words: frozenset[str]
    reference_end: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    # Longest first so "Sec." wins over "S.".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


@lru_cache(maxsize=8)
def language_data(code: str) -> SegmentationLanguage:
    """Load and validate convention/lang/<code>.yaml (English when the language is unknown)."""
    path = settings.convention_dir() / "lang" / f"{code}.yaml"
    if not path.exists():
        path = settings.convention_dir() / "lang" / "en.yaml"
    return SegmentationLanguage.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8)
def patterns(code: str) -> Patterns:
    """Compiled segmentation regexes for a language code."""
    lang = language_data(code)
    words = _alternation(lang.section_words)
    suffixes = _alternation(lang.number_suffixes)
    first = _alternation(lang.first_number_words)
    # A section number after a word: 12, 3A, 66F, 477.1, 323-1, 197 bis, 588 bis a, 274 "A", 1er.
    number = (
        r"(?P<num>\d+(?:[.\-]\d+)*(?:[A-Z]{1,2}\b)?"
        r"(?:\s*(?:" + suffixes + r")\b(?:\s+(?:[a-z]|\d{1,2})\b)?)?"
        r"(?:\s+[\"“][A-Z][\"”])?"
        r"|(?:" + first + r")(?!\w))"
        r"(?:\s*[°º](?!\w))?"  # "ARTÍCULO 1°.-"
    )
    # "Section 4. Heading", "Art. 12.-", "Article 12" alone, "§ 1030." and "Section 5 (1) ...";
    # a bare "Section 4 of this Act" is a reference, not a heading, so punctuation is required.
    section_word = re.compile(
        r"^\s*\[?\s*(?P<word>" + words + r")\s*" + number
        + r"(?P<punct>\s*\.?\s*(?:—|–|--|-|:)|\.|\s*$|(?=\s*\())(?P<rest>.*)$"
    )
    # "14. Heading", "2.—(1) ...", "1. (1) ...", "477.1 Heading" (dotted numbers need no full stop).
    section_bare = re.compile(
        r"^\s*\[?\s*(?:(?P<dotted>\d{1,4}\.\d{1,3})(?P<dpunct>\s+)(?=[A-Z(])"
        r"|(?P<num>\d{1,4}[A-Z]{0,2})(?P<punct>\.(?!\d)(?:\s*(?:—|–|--|-)(?!-))?))(?P<rest>.*)$"
    )
    # legislation.gov.uk: "1 Unauthorised access to computer material." (no full stop after the
    # number); only a heading may follow, never a date ("1 January 2020").
    section_spaced = re.compile(
        r"^\s*(?P<num>\d{1,4}[A-Z]{0,2})\s+(?P<punct>)(?P<rest>(?![A-Z][a-z]+\s+\d{4}\b)[A-Z][^;:]{2,150})$"
    )
    division_words = _alternation(list(lang.divisions))
    division = re.compile(
        r"^\s*(?P<word>" + division_words + r")\s+(?P<num>[IVXLCDM]+|\d+[A-Z]?|[A-Z]|"
        + _alternation([*lang.ordinals, *[o.upper() for o in lang.ordinals], *[o.title() for o in lang.ordinals]])
        + r")\b\.?(?P<rest>.*)$"
    )
    articles = _alternation([form for word in lang.articles for form in (word, word.upper(), word.title())])
    joiners = _alternation(lang.list_joiners)
    ordinals = _alternation([*lang.ordinals, *[o.upper() for o in lang.ordinals], *[o.title() for o in lang.ordinals]])
    schedule = re.compile(
        r"^\s*(?:(?:" + articles + r")\s+)?(?:(?P<ord>" + ordinals + r")\s+)?(?P<word>" + _alternation(lang.schedule_words)
        + r")(?:\s+(?P<num>\d+|[IVXLC]+|[A-Z])\b)?(?P<rest>.*)$"
    )
    verbs = _alternation(lang.definition_verbs)
    # "term" means / "a" or "b" includes / “term”, in relation to x, means
    definition = re.compile(
        r"[\"“]\s*(?P<term>[^\"“”\n]{1,80}?)\s*[\"”](?:\s*(?:,|" + joiners + r")\s*[\"“][^\"“”\n]{1,80}[\"”])*"
        r"[^\"“”;\n]{0,140}?\b(?:" + verbs + r")\b"
    )
    return Patterns(
        lang=lang,
        section_word=section_word,
        section_bare=section_bare,
        section_spaced=section_spaced,
        division=division,
        # "... against the controller. Part II – Data Protection Authority" (a scrape glued the
        # next part's heading to the end of a section).
        glued_division=re.compile(
            r"(?<=[.;:\]])\s+((?:" + division_words + r")\s+(?:[IVXLC]+|\d+)\s*[–—-]\s*[A-Z][^.;:]{2,100})$"
        ),
        schedule=schedule,
        definition=definition,
        # Words between a list marker and the quoted term: '(1) the term "computer" means'.
        definition_lead=re.compile(r"^\s*(?:(?:" + _alternation(lang.definition_leads) + r")\s*)?$", re.IGNORECASE),
        # "Access refers to ..." at the start of an item of a definitions section.
        # "système informatique : tout dispositif ..." (civil-law style, term and colon).
        definition_unquoted=re.compile(r"(?P<term>[^\W\d_][\w \-/'’]{0,60}?)(?:\s*:\s|\s+(?:" + verbs + r")\b)"),
        body_cue=re.compile(r"\b(?:" + _alternation(lang.body_cues) + r")\b"),
        # The first sentence after a heading run into it: "(1) ..." or a capitalised opening word.
        sentence_opening=re.compile(r"(?:" + _alternation(lang.sentence_starts) + r")\s"),
        sentence_start=re.compile(r"(?<=\S)\s+(?=\((?:1|a|i)\)\s|(?:" + _alternation(lang.sentence_starts) + r")\s)"),
        repeal=re.compile(_alternation(lang.repeal_markers)),
        toc=re.compile(r"^\s*(?:" + _alternation(lang.toc_headings) + r")\s*$", re.IGNORECASE),
        reference_end=re.compile(r"(?:^|\s)(?:" + _alternation(lang.reference_words) + r")\s*$", re.IGNORECASE),
        definition_heading=re.compile(r"\b(?:" + _alternation(lang.definition_headings) + r")\b", re.IGNORECASE),
        joined_boundary=re.compile(r"[;—–:]\s*(?:" + joiners + r")\s*$"),
        reference_after=re.compile(r"(?:\(\w{1,5}\))*\s*(?:,|(?:" + _alternation([*lang.list_joiners, *lang.reference_continuers]) + r")\b)"),
        quote_close=re.compile(r"[”\"’']\s*[.;,]?\s*(?:" + joiners + r")?\s*$"),
        heading_end_words=frozenset(word.lower() for word in lang.heading_end_words),
    )


# --------------------------------------------------------------------------- numbers


def section_id(printed: str, lang: SegmentationLanguage) -> str:
    """Canonical id part of a printed section number: '3A' -> '3a', '588 bis a' -> '588bisa',
    '274 "A"' -> '274a', 'premier' / '1er' -> '1'."""
    text = printed.strip()
    if text.lower() in {w.lower() for w in lang.first_number_words}:
        return "1"
    return re.sub(r"[\s\"“”]", "", text).lower()


def section_key(number: str) -> tuple[int, str]:
    """Sort key of a section id: '8a' -> (8, 'a'); used to tell a new section from a list item."""
    match = re.match(r"(\d+)(.*)", number)
    if not match:
        return (0, number)
    return (int(match.group(1)), match.group(2))


def marker_types(value: str) -> list[str]:
    """Possible numbering types of a marker body: digit, alpha, alpha2 (aa), roman, ALPHA, ROMAN."""
    if value[0].isdigit():
        return ["digit"]
    if value.islower():
        kinds = []
        if len(value) == 2 and value[0] == value[1] and value[0] not in "ivx":
            # (aa), (bb): a list of doubled letters, or an item inserted after (a).
            return ["alpha2", "alpha"]
        if len(value) <= 2 and not (len(value) == 2 and ROMAN.match(value)):
            kinds.append("alpha")
        # Lone l, c, d, m are letters: roman lists do not reach 50.
        if ROMAN.match(value) and (len(value) > 1 or value in "ivx"):
            kinds.append("roman")
        return kinds or ["alpha"]
    if value.isupper():
        lower = value.lower()
        kinds = []
        if len(value) <= 2 and not (len(value) == 2 and ROMAN.match(lower)):
            kinds.append("ALPHA")
        if ROMAN.match(lower) and (len(lower) > 1 or lower in "ivx"):
            kinds.append("ROMAN")
        return kinds or ["ALPHA"]
    return ["alpha"]


def roman_value(value: str) -> int:
    """Integer value of a roman numeral (lower or upper case)."""
    numerals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    previous = 0
    for char in reversed(value.lower()):
        current = numerals[char]
        total = total - current if current < previous else total + current
        previous = max(previous, current)
    return total


def follows(kind: str, last: str, value: str) -> bool:
    """Whether `value` is the next item after `last` in a list of type `kind`.

    Inserted items count: (ja) follows (j), (5A) follows (5), (i) follows (ha)."""
    if kind == "digit":
        a, b = section_key(last.lower()), section_key(value.lower())
        return b[0] == a[0] + 1 or (b[0] == a[0] and b[1] > a[1])
    if kind == "alpha2":
        return ord(value[0]) == ord(last[0]) + 1
    if kind in ("alpha", "ALPHA"):
        a, b = last.lower(), value.lower()
        return ord(b[0]) == ord(a[0]) + 1 or (b[0] == a[0] and len(b) > len(a)) or (len(b) == 2 and b[0] == b[1] and a[0] == "z")
    return roman_value(value) == roman_value(last) + 1


def list_start(kind: str, value: str) -> bool:
    """Whether `value` is the first item of a list of this type."""
    starts = {"digit": "1", "alpha": "a", "alpha2": "aa", "ALPHA": "a", "roman": "i", "ROMAN": "i"}
    return value.lower() == starts[kind]


def inline_markers(pats: Patterns, line: str) -> list[tuple[int, str]]:
    """(offset, marker body) of every list marker in a line: at its start, after a list
    boundary, or chained right after another marker ("(5)(A)"), never inside quotes."""
    found: list[tuple[int, str]] = []
    spans = quoted_spans(line) if ('"' in line or "“" in line) else []
    last_end = -1
    for match in MARKER_ANYWHERE.finditer(line):
        start = match.start()
        prefix = line[:start].rstrip()
        ok = (
            not prefix
            or prefix.endswith(BOUNDARY_END)
            or bool(pats.joined_boundary.search(prefix[-12:]))
            or (last_end >= 0 and not line[last_end:start].strip())
        )
        if ok and start and pats.reference_after.match(line, match.end()):
            ok = False  # "(a)(3), or (a)(6) of this section" is a cross-reference
        if ok and not any(a < start < b for a, b in spans):
            found.append((start, match.group(1)))
            last_end = match.end()
    return found


def quoted_spans(line: str) -> list[tuple[int, int]]:
    """Spans of quoted text in a line (markers inside them belong to quoted amending text)."""
    return [m.span() for m in QUOTE_SPAN.finditer(line)]
