"""Match stage: which provisions of a law are evidence for each article of the Convention.

Candidates hold every core element of an article in their context (`context.py`); they are ranked
on the elements they hold, their headings, their likeness to the article (BM25) and how specific
they are to it, and the strongest are kept as evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import bm25s
from rapidfuzz import fuzz

from lexalign.context import INTERPRETIVE, OFFENCE_CUES, OFFENCE_REFERENCE_CUE, STRUCTURAL_KINDS, LawIndex, ProvisionContext
from lexalign.lexicon import lexicon_for, pipeline
from lexalign.models import Article, ArticleCandidates, Convention, Evidence, Provision, SegmentedLaw, Span

# A penalty clause pointing at "an offence under subsection (1)" ranks below the offence itself.
SECONDARY_OFFENCE_FACTOR = 0.7
# Evidence scoring below this share of the best candidate's score is noise, not implementation.
RELATIVE_SCORE_FLOOR = 0.75
# ... or this close, when it brings a mandatory element the stronger ones lack. Dev evidence F1 0.796
# without it, 0.798 at 0.65-0.70; at 0.60 status accuracy falls (0.930 -> 0.920) as weak candidates
# turn partial findings covered.
COMPLETING_SCORE_FLOOR = 0.7
# How far below its best-fitting article a provision may score and still count for another one.
# 0.25 until the second session; 0.15 raised evidence F1 on the development set (0.737 -> 0.742) and
# on the bundled samples written apart from it (0.865 -> 0.872); 0.1 to 0.25 all lie within 0.02.
BEST_FIT_MARGIN = 0.15
# Specificity given to a provision that holds its elements only through the provisions it cites.
BORROWED_SPECIFICITY = 0.5


def _element_labels(article: Article, predicate) -> list[str]:
    return [f"element:{e.id}" for e in article.elements if predicate(e)]


def _reads(context: ProvisionContext, label: str) -> bool:
    """The provision says it, in its words or its headings ("Aiding or abetting.- Any person who ...").
    Headings complete a provision; `_is_candidate` makes sure they never make one alone."""
    return label in context.body or label in context.heading


@dataclass(frozen=True)
class _Needs:
    """What a provision must hold to be a candidate for one article, as labels."""

    core: list[str]
    cues: list[str]  # any one, in the provision's context
    excluding: list[str]
    reads_interpretive: bool
    reads_penalty_schedules: bool

    @classmethod
    def of(cls, article: Article) -> _Needs:
        return cls(
            core=_element_labels(article, lambda e: e.core) or _element_labels(article, lambda e: e.mandatory),
            cues=[f"cue:{c}" for c in article.context_cues],
            excluding=[f"cue:{c}" for c in article.excluding_cues],
            reads_interpretive=article.reads_interpretive,
            reads_penalty_schedules=article.reads_penalty_schedules,
        )


def _is_candidate(index: LawIndex, context: ProvisionContext, needs: _Needs) -> bool:
    if context.excluded and not (needs.reads_interpretive and context.excluded == INTERPRETIVE):
        return False
    if not all(_reads(context, label) for label in needs.core):
        return False
    # a penalty schedule names conduct only to grade its sanctions
    if context.in_penalty_schedule and not needs.reads_penalty_schedules:
        return False
    if any(_reads(context, cue) for cue in needs.excluding):
        return False
    # At least one core element in the provision's own words: a penalty item "(c) to a fine not
    # exceeding ..." inherits its section's elements but implements nothing by itself.
    if not context.borrowed and not any(label in context.own for label in needs.core):
        return False
    cues = needs.cues
    return not cues or any(cue in context.body for cue in cues) or any(cue in index.unit_labels(context.provision) for cue in cues)


def _article_query(article: Article) -> str:
    return " ".join([article.title, article.summary, *(e.label for e in article.elements)])


def _evidence(index: LawIndex, context: ProvisionContext, article: Article, score: float) -> Evidence:
    provision = context.provision
    wanted = {f"element:{e.id}" for e in article.elements}
    narrowing = {f"narrowing:{n}" for e in article.elements for n in e.narrowing}
    spans = [
        Span(start=h.start - provision.start, end=h.end - provision.start, element=label.split(":", 1)[1], text=provision.text[h.start - provision.start : h.end - provision.start])
        for label, hits in context.own.items()
        if label in wanted
        for h in hits
        if 0 <= h.start - provision.start and h.end - provision.start <= len(provision.text)
    ]
    return Evidence(
        provision=provision.id,
        score=round(score, 4),
        # all the provision says, its list items included: "powers apply to— (a) ...; (c) evidence in electronic form"
        elements=sorted(label.split(":", 1)[1] for label in wanted if _reads(context, label) or label in context.own),
        spans=sorted(spans, key=lambda s: s.start),
        label=provision.label,
        page=provision.page,
        narrowed_by=sorted(label.split(":", 1)[1] for label in context.own if label in narrowing and not index.defined_broadly(provision, context.own[label])),
    )


def _most_specific(candidates: list[ProvisionContext], by_id: dict[str, Provision]) -> list[ProvisionContext]:
    """Drop a candidate when one of its descendants is a candidate too: cite the precise provision."""
    ancestors: set[str] = set()
    for candidate in candidates:
        parent = candidate.provision.parent
        while parent is not None:
            ancestors.add(parent)
            parent = by_id[parent].parent if parent in by_id else None
    return [c for c in candidates if c.provision.id not in ancestors]


def find_candidates(index: LawIndex, needs: _Needs) -> list[ProvisionContext]:
    """The most specific provisions whose context holds every core element of an article."""
    found = [c for c in index.contexts.values() if _is_candidate(index, c, needs)]
    return _most_specific(found, index.by_id)


# Weights of the evidence score, each signal in [0, 1]. Set by inspecting which candidates the
# development-set experts cite (`lexalign eval`, README "Measured on the development set"): being
# specific to one article and resembling its description matter as much as holding its elements.
SCORE_WEIGHTS = {"coverage": 0.3, "own": 0.1, "heading": 0.2, "retrieval": 0.2, "specificity": 0.2}


def _section_heading(index: LawIndex, provision: Provision) -> str:
    node: Provision | None = provision
    while node is not None:
        if node.heading and node.kind not in STRUCTURAL_KINDS:
            return node.heading
        node = index.by_id.get(node.parent) if node.parent else None
    return ""


def heading_topics(context: ProvisionContext, articles: list[Article]) -> set[int]:
    """Articles whose every core element is named in the provision's headings ("Unauthorised access")."""
    return {a.number for a in articles if (core := _element_labels(a, lambda e: e.core)) and all(label in context.heading for label in core)}


def _heading_signal(article: Article, context: ProvisionContext, topics: set[int], heading: str) -> float:
    """1 when the headings name this article; halved when they name only other articles."""
    if article.number in topics:
        return 1.0
    names_core = float(any(label in context.heading for label in _element_labels(article, lambda e: e.core)))
    likeness = max(names_core, fuzz.token_set_ratio(article.title.lower(), heading.lower()) / 100 if heading else 0.0)
    return 0.5 * likeness if topics else likeness


def score_candidates(index: LawIndex, article: Article, found: list[ProvisionContext], retrieval: dict[str, float], articles_per_provision: Counter, topics: dict[str, set[int]]) -> ArticleCandidates:
    """Rank an article's candidates: elements held, heading, likeness to the article, specificity."""
    mandatory = _element_labels(article, lambda e: e.mandatory)
    evidence = []
    for context in found:
        provision = context.provision
        signals = {
            "coverage": sum(_reads(context, label) for label in mandatory) / max(1, len(mandatory)),
            "own": sum(label in context.own for label in mandatory) / max(1, len(mandatory)),
            "heading": _heading_signal(article, context, topics[provision.id], _section_heading(index, provision)),
            "retrieval": retrieval.get(provision.id, 0.0),
            # an offence made by reference reads every element of what it cites: not a sign of vagueness
            "specificity": BORROWED_SPECIFICITY if context.borrowed else 1 / articles_per_provision[provision.id],
        }
        score = sum(SCORE_WEIGHTS[name] * value for name, value in signals.items())
        if OFFENCE_REFERENCE_CUE in context.body and not context.borrowed and any(f"cue:{cue}" in OFFENCE_CUES for cue in article.context_cues):
            score *= SECONDARY_OFFENCE_FACTOR
        evidence.append(_evidence(index, context, article, score))
    evidence.sort(key=lambda e: (-e.score, e.provision))
    return ArticleCandidates(article=article.number, candidates=evidence)


def _tokens(text: str, stop_words: frozenset[str]) -> list[str]:
    return [word for word in re.findall(r"\w+", text.lower()) if word not in stop_words and not word.isdigit()]


@lru_cache(maxsize=4)
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(pipeline(language).Defaults.stop_words)


def retrieval_scores(law: SegmentedLaw, articles: list[Article], language: str) -> dict[int, dict[str, float]]:
    """BM25 of each article's description against every provision, scaled to [0, 1] per article."""
    provisions = [p for p in law.provisions if (p.kind not in STRUCTURAL_KINDS or p.kind == "preamble") and p.text.strip()]
    if not provisions or not articles:
        return {}
    stop_words = _stop_words(language)
    corpus = [_tokens(f"{p.heading} {p.text}", stop_words) for p in provisions]
    if not any(corpus):  # nothing but numbers and stop words: no likeness to measure
        return {}
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    scores: dict[int, dict[str, float]] = {}
    for article in articles:
        values = retriever.get_scores(_tokens(_article_query(article), stop_words))
        top = float(max(values)) if len(values) else 0.0
        scores[article.number] = {p.id: float(v) / top if top > 0 else 0.0 for p, v in zip(provisions, values)}
    return scores


def match(law: SegmentedLaw, convention: Convention) -> list[ArticleCandidates]:
    """For every assessed article with elements, the candidate evidence provisions, best first."""
    lexicon = lexicon_for(convention, law.document.language)
    articles = [a for a in convention.articles if a.assessed and a.elements]
    conduct = frozenset(f"element:{e.id}" for a in articles if not a.cross_cutting for e in a.elements if e.kind == "conduct")
    objects = frozenset(f"element:{e.id}" for a in articles for e in a.elements if e.kind == "object")
    index = LawIndex(law, lexicon, conduct, objects)
    retrieval = retrieval_scores(law, articles, lexicon.language)
    needs = {article.number: _Needs.of(article) for article in articles}
    found = {number: find_candidates(index, article_needs) for number, article_needs in needs.items()}
    articles_per_provision = Counter(context.provision.id for contexts in found.values() for context in contexts)
    topics = {context.provision.id: heading_topics(context, articles) for contexts in found.values() for context in contexts}
    scored = [score_candidates(index, article, found[article.number], retrieval.get(article.number, {}), articles_per_provision, topics) for article in articles]
    # a heading completes a provision's core: it must then fit this article best
    leaning = {(number, c.provision.id) for number, article_needs in needs.items() for c in found[number] if any(label not in c.body for label in article_needs.core)}
    scored = _prefer_best_fit(scored, {a.number for a in articles if a.cross_cutting}, topics, leaning)
    scored = _yield_to_specific(scored, articles, topics)
    return _select_evidence(scored, articles, _lineage_citations(law, index.citations), index)


def _lineage_citations(law: SegmentedLaw, citations: dict[str, list[str]]) -> dict[str, list[str]]:
    """What a provision or any of its ancestors cites: "(3) A person who commits an offence under
    subsection (1) which— ... (d) ..., is liable to" makes item (d), which holds the penalty, cite (1)."""
    lineage: dict[str, list[str]] = {}
    for provision in law.provisions:  # parents come before children
        inherited = lineage.get(provision.parent, []) if provision.parent else []
        lineage[provision.id] = inherited + citations.get(provision.id, [])
    return lineage


def _strongest(candidates: list[Evidence], mandatory: set[str]) -> list[Evidence]:
    """The candidates that score close enough to the best one, and below them, within the completing
    floor, each that brings a mandatory element those above lack (a device where they name only
    passwords)."""
    if not candidates:
        return []
    kept = [c for c in candidates if c.score >= RELATIVE_SCORE_FLOOR * candidates[0].score]
    held = {element for c in kept for element in c.elements}
    for candidate in candidates[len(kept):]:
        if (mandatory - held) & set(candidate.elements) and candidate.score >= COMPLETING_SCORE_FLOOR * candidates[0].score:
            kept.append(candidate)
            held.update(candidate.elements)
    return kept


def _overlaps(provision: str, anchors: set[str]) -> bool:
    """In the same section: a section's penalty subsection punishes its offence, a time limit in a
    power's section limits that power."""
    return any(provision.split(".")[0] == a.split(".")[0] for a in anchors)


def _select_evidence(scored: list[ArticleCandidates], articles: list[Article], citations: dict[str, list[str]], index: LawIndex) -> list[ArticleCandidates]:
    """Keep each article's strongest candidates; an article that attaches to others (sanctions to
    offences) keeps the candidates in the same section as their evidence, citing it, or referring
    to all of it at once ("an offence under this Act")."""
    by_number = {a.number: a for a in articles}
    kept = {entry.article: _strongest(entry.candidates, _mandatory(by_number[entry.article])) for entry in scored}
    result = []
    for entry in scored:
        article = by_number[entry.article]
        if not article.attaches_to:
            chosen = kept[entry.article]
        elif not article.express_clause_suffices:
            chosen = _attached(entry, article, kept, citations, index)
        elif express := _express_clauses(kept[entry.article], article):
            chosen = express
        else:  # the strongest partial clauses, and the attached provisions that frame themselves
            strongest = {e.provision for e in kept[entry.article]}
            attached = {e.provision for e in _attached(entry, article, kept, citations, index)}
            chosen = [e for e in entry.candidates if e.provision in strongest | attached]
        unattached = _unattached(chosen, article, kept, citations, index) if article.covers_each_target and chosen else []
        result.append(ArticleCandidates(article=entry.article, candidates=chosen, unattached=unattached))
    return result


def _mandatory(article: Article) -> set[str]:
    return {e.id for e in article.elements if e.mandatory}


def _speaks_of_all(evidence: Evidence, article: Article, index: LawIndex) -> bool:
    """The provision refers to everything the article attaches to at once ("the powers under this Part")."""
    body = index.contexts[evidence.provision].body
    return any(f"cue:{cue}" in body for cue in article.general_references)


def _unattached(chosen: list[Evidence], article: Article, kept: dict[int, list[Evidence]], citations: dict[str, list[str]], index: LawIndex) -> list[str]:
    """The sections holding evidence of the articles this one attaches to that none of its evidence
    is in or cites: the powers left without a safeguard. Nothing when one provision speaks of them all."""
    if any(_speaks_of_all(e, article, index) for e in chosen):
        return []
    reached = {p.split(".")[0] for e in chosen for p in [e.provision, *citations.get(e.provision, [])]}
    targets = {e.provision.split(".")[0] for number in article.attaches_to for e in kept.get(number, [])}
    return sorted(targets - reached, key=lambda section: (len(section), section))


def _attached(entry: ArticleCandidates, article: Article, kept: dict[int, list[Evidence]], citations: dict[str, list[str]], index: LawIndex) -> list[Evidence]:
    """The candidates in the same section as evidence of the articles this one attaches to, citing
    it, or referring to all of it at once."""
    anchors = {e.provision for number in article.attaches_to for e in kept.get(number, [])}
    return [
        e
        for e in entry.candidates
        if anchors and (_speaks_of_all(e, article, index) or _overlaps(e.provision, anchors) or any(_overlaps(cited, anchors) for cited in citations.get(e.provision, [])))
    ]


def _express_clauses(candidates: list[Evidence], article: Article) -> list[Evidence]:
    """The candidates that hold every mandatory element of the article."""
    mandatory = _mandatory(article)
    return [c for c in candidates if mandatory <= set(c.elements)]


def _yield_to_specific(scored: list[ArticleCandidates], articles: list[Article], topics: dict[str, set[int]]) -> list[ArticleCandidates]:
    """A general article loses the candidates that a more specific article (`yields_to`) has too, with a
    score at least as high, and those whose headings name a more specific article that has candidates
    ("Mutual assistance in the real-time collection of traffic data" is article 45 throughout)."""
    kept = {entry.article: {e.provision: e.score for e in entry.candidates} for entry in scored if entry.candidates}
    by_number = {a.number: a for a in articles}
    result = []
    for entry in scored:
        specific = [number for number in by_number[entry.article].yields_to if number in kept]
        candidates = [
            e
            for e in entry.candidates
            if not any(kept[number].get(e.provision, -1.0) >= e.score or number in topics.get(e.provision, set()) for number in specific)
        ]
        result.append(ArticleCandidates(article=entry.article, candidates=candidates))
    return result


def _fits(evidence: Evidence, article: int, best: dict[str, float], topics: dict[str, set[int]], strongest: bool, leans_on_heading: bool) -> bool:
    """Close enough to the provision's best fit; and when its headings name other articles and not
    this one, or supply part of its core, it must be the best fit itself, unless it is this
    article's strongest candidate."""
    named = topics.get(evidence.provision, set())
    strict = leans_on_heading or bool(named and article not in named)
    margin = BEST_FIT_MARGIN if strongest or not strict else 0.0
    return evidence.score >= best[evidence.provision] - margin


def _prefer_best_fit(scored: list[ArticleCandidates], cross_cutting: set[int], topics: dict[str, set[int]], leaning: set[tuple[int, str]]) -> list[ArticleCandidates]:
    """A provision that fits another article clearly better is not evidence for this one.

    Cross-cutting articles (sanctions, jurisdiction, safeguards) neither lose nor take provisions."""
    # a heading that names an article its provision does not say in its own words is a broad label
    # ("Fraud and related activity" over access and damage offences): it names nothing in particular
    topics = {provision: {a for a in named if (a, provision) not in leaning} for provision, named in topics.items()}
    best: dict[str, float] = {}
    for entry in scored:
        if entry.article in cross_cutting:
            continue
        for evidence in entry.candidates:
            best[evidence.provision] = max(best.get(evidence.provision, 0.0), evidence.score)
    return [
        entry
        if entry.article in cross_cutting
        else ArticleCandidates(article=entry.article, candidates=[e for rank, e in enumerate(entry.candidates) if _fits(e, entry.article, best, topics, rank == 0, (entry.article, e.provision) in leaning)])
        for entry in scored
    ]
