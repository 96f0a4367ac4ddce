"""Every model that crosses a stage boundary. Frozen pydantic v2, extra fields forbidden.

The pipeline reads as: ingest -> Document; segment -> SegmentedLaw (Provisions);
match -> ArticleCandidates; assess -> Assessments; report -> Report.
`model_dump()` of these models is the JSON form used by the CLI, the app and the tests.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- Convention


class Modality(str, Enum):
    shall = "shall"
    may = "may"
    shall_consider = "shall_consider"
    shall_endeavour = "shall_endeavour"


class Paragraph(Frozen):
    number: str  # "1", "2", "3(a)"
    modality: Modality
    paraphrase: str  # our own words, never treaty text
    requires: Literal["legislation", "practice", "either"] = "legislation"
    unsure: str | None = None  # a point the drafter of this paraphrase is not sure of


class Element(Frozen):
    """One thing an implementing provision must (or may) contain, language-neutral."""

    id: str  # stable, e.g. "a7.access"
    label: str  # short human name: "conduct: access"
    kind: Literal["conduct", "object", "mental", "unlawfulness", "result", "power", "actor", "other"]
    mandatory: bool = True
    # A provision is about this article only if it contains every core element of it.
    core: bool = False
    # Ids of narrowing qualifiers (terms/<lang>.yaml `narrowing`) that make an implementation partial.
    narrowing: list[str] = Field(default_factory=list)


class Article(Frozen):
    number: int
    title: str
    chapter: int
    assessed: bool
    paragraphs: list[Paragraph]
    elements: list[Element] = Field(default_factory=list)
    budapest: str | None = None  # equivalent ETS 185 article, e.g. "Art. 2"
    summary: str = ""  # one-line paraphrase used in reports and as a retrieval query
    unsure: str | None = None
    # Cue ids (terms/<lang>.yaml `cues`): a provision's context must contain at least one to count as
    # evidence, e.g. [offence, penalty] for a criminalisation article: "access to a computer" in a search
    # power is not illegal access.
    context_cues: list[str] = Field(default_factory=list)
    # Evidence of this article is usually evidence of another too (sanctions attach to every offence,
    # jurisdiction and safeguards to every offence or power): exempt from the best-fit rule in match.
    cross_cutting: bool = False
    # Cue ids that rule a provision out for this article: a preservation ordered at a foreign State's
    # request implements cooperation (art 42), not the domestic power (art 25).
    excluding_cues: list[str] = Field(default_factory=list)
    # Evidence must be, contain or cite evidence of these articles: the sanctions of article 21 count
    # for offences the Convention asks for, not for every offence a law creates.
    attaches_to: list[int] = Field(default_factory=list)
    # Cue ids of a provision that refers to all the provisions it attaches to at once: "a person who
    # commits an offence under this Act" (sanctions), "misuses the powers under this Part" (safeguards).
    general_references: list[str] = Field(default_factory=list)
    # More specific articles that take this one's evidence: a request for interception implements
    # article 46, not the general rules of mutual legal assistance (article 40).
    yields_to: list[int] = Field(default_factory=list)
    # Interpretive clauses can implement it: "it is immaterial where the act took place" is jurisdiction.
    reads_interpretive: bool = False
    # The items of a penalty schedule ("(1) a fine ... in the case of an attempt ...") can implement
    # it: they grade sanctions (article 21) and may fine legal persons (18), nothing else.
    reads_penalty_schedules: bool = False
    # A clause holding every mandatory element ("the powers of this Part apply to any offence and to
    # electronic evidence of any offence") is the whole evidence; without one, the attached provisions
    # that say whom they serve ("for the purpose of a criminal investigation") are.
    express_clause_suffices: bool = False
    # Covered only when its evidence reaches every section holding evidence of the articles it
    # attaches to, or one provision speaks of them all: safeguards on only some powers are partial.
    covers_each_target: bool = False


class Chapter(Frozen):
    number: int
    roman: str
    title: str
    first_article: int
    last_article: int


class TermSet(Frozen):
    """Per-language surface forms of one element, vocabulary entry or narrowing qualifier.

    `phrases` are matched on lemmas with a PhraseMatcher (case-insensitive);
    `patterns` are spaCy Matcher token patterns; `vocab` names vocabulary entries whose
    phrases are included by reference.
    """

    phrases: list[str] = Field(default_factory=list)
    patterns: list[list[dict]] = Field(default_factory=list)
    vocab: list[str] = Field(default_factory=list)


class LanguageTerms(Frozen):
    language: str
    # Words that introduce a cross-reference to another provision of the same law ("section", "s.", "article").
    reference_words: list[str] = Field(default_factory=list)
    # Words that cite a part of the same section: "subsection (1)", "paragraph (a)".
    relative_reference_words: list[str] = Field(default_factory=list)
    # Words that continue a list of cited provisions: "sections 4(a) and 4(b)", "sections 3 to 5".
    reference_joiners: list[str] = Field(default_factory=list)
    vocabulary: dict[str, TermSet] = Field(default_factory=dict)
    elements: dict[str, TermSet] = Field(default_factory=dict)
    narrowing: dict[str, TermSet] = Field(default_factory=dict)
    cues: dict[str, TermSet] = Field(default_factory=dict)  # negation, repeal, offence, penalty...


class VocabularyEntry(Frozen):
    id: str  # "ict_system"
    term: str  # the Convention's own name for it
    meaning: str  # paraphrase
    # A term the law defines through this entry is read as it wherever it is used ("computer material"
    # defined as data is data); not for entries that would then reach every provision ("person"
    # defined to include companies would make every offence a rule on legal persons).
    carried_by_definitions: bool = True


class Convention(Frozen):
    model_version: str
    chapters: list[Chapter]
    articles: list[Article]
    vocabulary: list[VocabularyEntry]
    terms: dict[str, LanguageTerms]  # by language code

    def article(self, number: int) -> Article:
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(number)


# --------------------------------------------------------------------------- Law



class SegmentationLanguage(Frozen):
    """Per-language words the segmenter and language detection need (convention/lang/<code>.yaml)."""

    language: str
    stop_words: list[str] = Field(default_factory=list)  # frequent words, for language detection
    section_words: list[str] = Field(default_factory=list)  # words printed before a section number
    section_label: str = "Section"  # the word used in labels when none is printed
    divisions: dict[str, str] = Field(default_factory=dict)  # printed word -> part | chapter
    schedule_words: list[str] = Field(default_factory=list)
    ordinals: dict[str, int] = Field(default_factory=dict)  # "first" -> 1, "premier" -> 1
    first_number_words: list[str] = Field(default_factory=list)  # "1er", "premier": number 1
    number_suffixes: list[str] = Field(default_factory=list)  # "bis", "ter" in "197 bis"
    definition_headings: list[str] = Field(default_factory=list)
    definition_verbs: list[str] = Field(default_factory=list)  # "means", "includes"
    definition_leads: list[str] = Field(default_factory=list)  # "the term" in '(1) the term "computer" means'
    body_cues: list[str] = Field(default_factory=list)  # words that make a line body, not a heading
    sentence_starts: list[str] = Field(default_factory=list)  # "2. Object The object ...": where a run-on heading ends
    repeal_markers: list[str] = Field(default_factory=list)
    toc_headings: list[str] = Field(default_factory=list)
    # Words that make a following "(1)" a cross-reference ("sub-section (1)"), also across a line break.
    reference_words: list[str] = Field(default_factory=list)
    list_joiners: list[str] = Field(default_factory=list)  # "or", "and": "...; or (b)", '"a" or "b" means'
    # Words after a marker that make it a cross-reference: "(a)(3) of this section", "(1) through (4)".
    reference_continuers: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)  # "the" in "THE FIRST SCHEDULE"
    heading_end_words: list[str] = Field(default_factory=list)  # a heading never ends on these ("Access to")
    preamble_label: str = "Preamble"  # the label of text before the first provision
    unclassified_label: str = "Unclassified text"  # "Unclassified text 2": a list item outside any section


class Document(Frozen):
    source: str  # file name as given by the user
    sha256: str
    format: Literal["pdf", "docx", "html", "txt", "akn"]
    text: str
    page_starts: list[int] = Field(default_factory=lambda: [0])  # char offset where each page starts
    language: str = "en"
    warnings: list[str] = Field(default_factory=list)
    pdf_engine: str | None = None  # the engine that read a PDF's text; None for other formats

    def page_at(self, offset: int) -> int:
        """1-based page number of a character offset."""
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = number
            else:
                break
        return page


ProvisionKind = Literal[
    "preamble",
    "part",
    "chapter",
    "section",
    "subsection",
    "paragraph",
    "subparagraph",
    "clause",
    "schedule",
    "definition",
    "unclassified",
]


class Provision(Frozen):
    id: str  # canonical id, FORMAT.md section 3
    label: str  # as lawyers cite it: "Section 4(a)(1)"
    heading: str = ""
    kind: ProvisionKind
    page: int = 1
    text: str  # this node's own text, including its children's text
    parent: str | None = None
    start: int = 0  # char offsets in Document.text
    end: int = 0
    quoted: bool = False  # text quoted by an amending provision


class SegmentedLaw(Frozen):
    document: Document
    provisions: list[Provision]
    defined_terms: dict[str, str] = Field(default_factory=dict)  # lower-cased term -> definition
    warnings: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- Findings


class Span(Frozen):
    start: int  # offsets inside Provision.text
    end: int
    element: str
    text: str


class Evidence(Frozen):
    provision: str
    score: float
    elements: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)
    label: str = ""
    page: int = 1
    narrowed_by: list[str] = Field(default_factory=list)


class ArticleCandidates(Frozen):
    """What `match` found for one article: candidate provisions, best first."""

    article: int
    candidates: list[Evidence]
    # Sections of the provisions it attaches to that no candidate reaches (see Article.covers_each_target).
    unattached: list[str] = Field(default_factory=list)


Status = Literal["covered", "partial", "absent", "not_assessed"]


class Assessment(Frozen):
    article: int
    title: str
    chapter: int
    status: Status
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)
    elements_found: list[str] = Field(default_factory=list)
    missing_elements: list[str] = Field(default_factory=list)
    explanation: str = ""
    budapest: str | None = None
    # Set only on reviewed reports (see review.py).
    engine_status: Status | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    note: str | None = None


class ReportDocument(Frozen):
    source: str
    sha256: str
    format: str
    language: str
    characters: int
    pages: int
    pdf_engine: str | None = None  # a batch re-reads a PDF whose report another engine made


class ReportProvision(Frozen):
    id: str
    label: str
    heading: str
    kind: str
    page: int
    text: str
    parent: str | None = None


class Report(Frozen):
    schema_: str = Field("lexalign.report/1", alias="schema")
    lexalign_version: str
    model_version: str
    document: ReportDocument
    provisions: list[ReportProvision]
    articles: list[Assessment]
    unmapped_provisions: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)




class Decision(Frozen):
    """One reviewer decision on one article of one document; the review store appends these."""

    document: str  # sha256 of the law file the report was made from
    article: int
    reviewer: str
    at: str  # UTC ISO 8601 timestamp, set by the store
    status: Status | None = None  # None: the reviewer confirms the engine's status
    evidence_added: list[str] = Field(default_factory=list)  # provision ids
    evidence_removed: list[str] = Field(default_factory=list)
    note: str | None = None



class ManifestEntry(BaseModel):
    """One law of a corpus manifest (`manifest.json` or `<stem>.manifest.json`). User input:
    unknown fields are ignored rather than refused."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    file: str  # path relative to the manifest's folder
    country: str | None = None  # ISO 3166 alpha-2 (user-assigned XA-XZ for fictional countries)
    title: str | None = None
    year: int | None = None
    language: str | None = None
    status: Literal["in force", "draft", "repealed"] | None = None


class BatchItem(Frozen):
    """What happened to one file of a batch run."""

    file: str  # path relative to the corpus folder
    name: str  # output stem: reports/<name>.json and .html
    outcome: Literal["analysed", "skipped", "failed"]
    error: str | None = None  # one line, for failed files
    seconds: float = 0.0


class BatchResult(Frozen):
    """A batch run over a corpus folder: one item per supported file, sorted by path."""

    corpus: str
    output: str
    items: list[BatchItem]
    seconds: float

    def count(self, outcome: str) -> int:
        """Number of files with this outcome (analysed, skipped or failed)."""
        return sum(item.outcome == outcome for item in self.items)

# --------------------------------------------------------------------------- Gold / eval


class GoldArticle(Frozen):
    status: Literal["covered", "partial", "absent"]
    provisions: list[str] = Field(default_factory=list)
    note: str | None = None


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="allow")

    law: str
    country: str | None = None
    title: str | None = None
    language: str = "en"
    articles: dict[str, GoldArticle]
