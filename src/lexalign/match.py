"""Match stage: which provisions of a law are candidates for each article of the Convention.

A provision is read in its context: its own text, the text of its ancestors that is not in
another child (the chapeau "A person who—" and the tail "commits an offence"), the provisions it
cross-refers to, and the law's defined terms. Headings add to the score but never decide alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from collections import Counter

import bm25s
from rapidfuzz import fuzz

from lexalign.lexicon import Hit, Lexicon, lexicon_for
from lexalign.models import Article, ArticleCandidates, Convention, Evidence, Provision, SegmentedLaw, Span

# Kinds that structure a law but are never evidence themselves.
STRUCTURAL_KINDS = {"part", "chapter", "preamble", "schedule"}
# Cue ids read from terms/<lang>.yaml that change how a provision is read.
NEGATION_CUE = "cue:negation_exception"
REPEAL_CUE = "cue:repeal"
# "A person who commits an offence under subsection (1) which causes ...": an aggravation or penalty
# clause. It is evidence of sanctions, but the offence itself is the provision it points to.
OFFENCE_REFERENCE_CUE = "cue:offence_reference"
GENERAL_REFERENCE_CUE = "cue:general_reference"  # "an offence under this Act": cites every offence
BROAD_SCOPE_CUE = "cue:broad_scope"
SECONDARY_OFFENCE_FACTOR = 0.7
# Evidence scoring below this share of the best candidate's score is noise, not implementation.
RELATIVE_SCORE_FLOOR = 0.75
# How far below its best-fitting article a provision may score and still count for another one.
# A provision that only punishes ("A person who contravenes section 3 commits an offence") reads the
# elements of the provision it cites; one with substance of its own ("devices made to commit the
# offences in Articles 3 to 5") does not.
PENALTY_ONLY_MAX_CONDUCTS = 1
BEST_FIT_MARGIN = 0.25
POLICY_CUES = ("cue:policy_statement", "cue:rule_making")
# A statement of aims or a rule-making power is recognised by its opening words or heading.
POLICY_WINDOW = 160
DEFINITION_CUE = "cue:definition"
DEFINITION_SCOPE_CUE = "cue:definition_scope"  # "In this Act, unless the context otherwise requires"
# A definition says what its term is in its first words ("means any program or data held in ...").
DEFINITION_OPENING = 80
# How far into a provision's text its printed heading may start ("12. Heading", "[12. Heading").
HEADING_SEARCH = 24
# A definition states its term first: a quote, then "means" / "includes" soon after.
DEFINITION_WINDOW = 120
QUOTES = "\"“”‘’'«»"
OFFENCE_CUES = ("cue:offence", "cue:penalty")
# A repeal marker counts only near the start of a provision ("12. [Repealed by Act 3 of 2010]").
REPEAL_WINDOW = 80
NEGATION_WINDOW = 60


@dataclass
class ProvisionContext:
    provision: Provision
    body: dict[str, list[Hit]] = field(default_factory=dict)  # labels found in the provision or its context
    own: dict[str, list[Hit]] = field(default_factory=dict)  # labels inside the provision's own span
    heading: set[str] = field(default_factory=set)
    excluded: str | None = None  # why this provision can never be evidence
    borrowed: bool = False  # holds elements only through the provisions it cites (a penalty clause)


def _by_label(hits: list[Hit]) -> dict[str, list[Hit]]:
    grouped: dict[str, list[Hit]] = {}
    for hit in hits:
        grouped.setdefault(hit.label, []).append(hit)
    return grouped


class LawIndex:
    """Hits of every term in a law, and each provision's context."""

    def __init__(self, law: SegmentedLaw, lexicon: Lexicon, conduct_labels: frozenset[str] = frozenset()) -> None:
        self.law = law
        self.lexicon = lexicon
        self.conduct_labels = conduct_labels  # conduct elements of the articles a provision can implement
        text = law.document.text
        _, hits = lexicon.annotate(text)
        hits += self._defined_term_hits(text)
        self._broad_cache: dict[str, bool] = {}
        self.citations: dict[str, list[str]] = {}
        self.unnumbered = all(p.kind in STRUCTURAL_KINDS for p in law.provisions)  # provision id -> ids of the provisions it cites
        self.hits = sorted(hits, key=lambda h: (h.start, h.end))
        self._starts = [h.start for h in self.hits]
        self.by_id = {p.id: p for p in law.provisions}
        self.children: dict[str, list[Provision]] = {}
        for provision in law.provisions:
            if provision.parent is not None:
                self.children.setdefault(provision.parent, []).append(provision)
        heading_labels = self._labels_per_text([p.heading for p in law.provisions])
        self.contexts = {}
        for provision, labels in zip(law.provisions, heading_labels):
            self.contexts[provision.id] = ProvisionContext(provision=provision, heading=labels)
        self._fill_contexts()

    # ------------------------------------------------------------------ hits

    def _labels_in_text(self, text: str) -> set[str]:
        return {hit.label for hit in self.lexicon.annotate(text)[1]}

    def _labels_per_text(self, texts: list[str], window: int | None = None) -> list[set[str]]:
        """Labels found in each of several short texts (in the first `window` characters), in one pass."""
        separator = "\n\n"
        offsets, position = [], 0
        for text in texts:
            offsets.append((position, position + len(text)))
            position += len(text) + len(separator)
        _, hits = self.lexicon.annotate(separator.join(texts))
        starts = [start for start, _ in offsets]
        labels: list[set[str]] = [set() for _ in texts]
        for hit in hits:
            slot = bisect_left(starts, hit.start + 1) - 1
            if slot >= 0 and hit.end <= offsets[slot][1] and (window is None or hit.start - offsets[slot][0] < window):
                labels[slot].add(hit.label)
        return labels

    def hits_in(self, start: int, end: int) -> list[Hit]:
        first = bisect_left(self._starts, start)
        result = []
        for hit in self.hits[first:]:
            if hit.start >= end:
                break
            if hit.end <= end:
                result.append(hit)
        return result

    def _defined_term_hits(self, text: str) -> list[Hit]:
        """Occurrences of the law's own defined terms, labelled with what their definitions say they are.

        If the law defines "computer material" as programs or data held in a computer, a later
        "computer material" counts as data even though no Convention phrase matches it. Only what the
        definition says first, and nothing for defined acts ("access"), to stay precise."""
        terms = [t for t in self.law.defined_terms if len(t) >= 4]
        if not terms:
            return []
        known = self._labels_per_text(terms)
        opening = self._labels_per_text([self.law.defined_terms[t] for t in terms], window=DEFINITION_OPENING)
        extra: list[Hit] = []
        lowered = text.lower()
        for term, term_labels, definition_labels in zip(terms, known, opening):
            own_vocab = {label for label in term_labels if label.startswith("vocab:")}
            if not own_vocab and any(label.startswith("element:") for label in term_labels):
                continue  # a defined act ("access", "interception") is not a thing the law names
            vocab = {label.split(":", 1)[1] for label in definition_labels if label.startswith("vocab:") and label not in own_vocab}
            labels = {f"vocab:{v}" for v in vocab} | {user for v in vocab for user in self.lexicon.vocab_users.get(v, [])}
            if labels:
                for found in re.finditer(r"\b" + re.escape(term.lower()) + r"\b", lowered):
                    extra.extend(Hit(label, found.start(), found.end()) for label in labels)
        return extra

    def defined_broadly(self, provision: Provision, hits: list[Hit]) -> bool:
        """True when every narrowing term hit is a term the law defines broadly.

        A "protected computer" defined as any computer used in or affecting commerce does not
        narrow an offence; one defined as a government computer does."""
        text = self.law.document.text
        return all(self._broad_definition(text[hit.start : hit.end].lower()) for hit in hits)

    def _broad_definition(self, term: str) -> bool:
        if term not in self._broad_cache:
            definition = self.law.defined_terms.get(term) or self.law.defined_terms.get(term.rstrip("s"), "")
            self._broad_cache[term] = bool(definition) and BROAD_SCOPE_CUE in self._labels_in_text(definition)
        return self._broad_cache[term]

    # ------------------------------------------------------------------ contexts

    def unit_labels(self, provision: Provision) -> dict[str, list[Hit]]:
        """Labels anywhere in the provision's first-level unit (section 14(1) for 14(1)(a)).

        A tail like "shall be punished as provided in subsection (c)" often sits after the last
        item of a list, where the segmenter cannot tell it from that item: the whole unit counts."""
        parts = provision.id.split(".")
        unit = self.contexts.get(".".join(parts[:2])) if len(parts) > 2 else None
        return unit.own if unit is not None else self.contexts[provision.id].own

    def own_text_hits(self, provision: Provision) -> list[Hit]:
        """Hits in the provision's span that are not inside one of its children (chapeau and tail)."""
        children = self.children.get(provision.id, [])
        return [h for h in self.hits_in(provision.start, provision.end) if not any(c.start <= h.start < c.end for c in children)]

    def _fill_contexts(self) -> None:
        inherited: dict[str, list[Hit]] = {}
        for provision in self.law.provisions:  # parents come before children in document order
            context = self.contexts[provision.id]
            parent_hits = inherited.get(provision.parent, []) if provision.parent else []
            inside = self._without_heading_line(provision, self.hits_in(provision.start, provision.end))
            local = self._without_heading_line(provision, self.own_text_hits(provision))
            context.own = _by_label(inside)
            # A provision with children is read without them: each child is read on its own, so a
            # long section cannot gather one article's elements from unrelated subsections.
            context.body = _by_label(local + parent_hits)
            inherited[provision.id] = parent_hits + local
            parent = self.by_id.get(provision.parent) if provision.parent else None
            if parent is not None:
                context.heading |= self.contexts[parent.id].heading
            context.excluded = self._exclusion(provision, context, parent)
        self._attach_cross_references()

    def _without_heading_line(self, provision: Provision, hits: list[Hit]) -> list[Hit]:
        """Drop hits in the heading printed at the top of the provision: headings never decide alone."""
        if not provision.heading:
            return hits
        offset = provision.text.find(provision.heading, 0, HEADING_SEARCH)
        if offset < 0:
            return hits
        start = provision.start + offset
        end = start + len(provision.heading)
        return [h for h in hits if not start <= h.start < end]

    def _exclusion(self, provision: Provision, context: ProvisionContext, parent: Provision | None) -> str | None:
        if provision.kind == "preamble" and self.unnumbered:
            return None  # a text with no numbered provisions at all is read as one block
        if provision.kind in STRUCTURAL_KINDS or provision.quoted:
            return "structural"
        if provision.kind == "definition" or (parent is not None and self.contexts[parent.id].excluded == "definition"):
            return "definition"
        if any(h.start - provision.start < REPEAL_WINDOW for h in context.own.get(REPEAL_CUE, [])) and len(provision.text) < 300:
            return "repealed"
        if any(h.start - provision.start < NEGATION_WINDOW for h in context.own.get(NEGATION_CUE, [])):
            return "exception"
        if parent is not None and self.contexts[parent.id].excluded in ("exception", "repealed"):
            return self.contexts[parent.id].excluded
        policy_parent = parent is not None and self.contexts[parent.id].excluded == "policy"
        if policy_parent or any(cue in context.heading for cue in POLICY_CUES) or any(h.start - provision.start < POLICY_WINDOW for cue in POLICY_CUES for h in context.own.get(cue, [])):
            return "policy"
        if self._is_definition(provision, context):
            return "definition"
        return None

    def _is_definition(self, provision: Provision, context: ProvisionContext) -> bool:
        """Definitions never implement an article: a definitions section, a "for the purposes of this
        section" subsection, or a text that opens with a quoted term and "means" / "includes"."""
        if any(cue in context.own for cue in OFFENCE_CUES) and provision.kind == "section":
            return False
        own_hits = self.own_text_hits(provision)
        opening = [h for h in own_hits if h.start - provision.start < DEFINITION_WINDOW]
        if any(h.label == DEFINITION_SCOPE_CUE for h in opening) and not any(h.label in OFFENCE_CUES for h in own_hits):
            return True
        head = provision.text[:DEFINITION_WINDOW]
        quoted_term = any(q in head for q in QUOTES)
        return quoted_term and any(h.label == DEFINITION_CUE for h in opening) and not any(h.label in OFFENCE_CUES for h in own_hits)

    def _reference_patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """"section 5(1)", "sections 4(a) and 4(b)" (absolute) and "subsection (1) or (2)" (relative)."""
        terms = self.lexicon

        def alternatives(words: list[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        joiner = r"\s*(?:,|" + alternatives(terms.reference_joiners) + r")\s*" if terms.reference_joiners else r"\s*,\s*"
        absolute = relative = None
        if terms.reference_words:
            item = r"\d+[a-z]*(?:\s*\([a-z0-9]+\))*"
            absolute = re.compile(rf"\b(?:{alternatives(terms.reference_words)})\s+({item}(?:{joiner}{item})*)", re.IGNORECASE)
        if terms.relative_reference_words:
            item = r"(?:\([a-z0-9]+\))+"
            relative = re.compile(rf"\b(?:{alternatives(terms.relative_reference_words)})\s+({item}(?:{joiner}{item})*)", re.IGNORECASE)
        return absolute, relative

    def _cited(self, provision: Provision, absolute: re.Pattern[str] | None, relative: re.Pattern[str] | None) -> list[Provision]:
        """Provisions of this law that `provision` cites, resolved to canonical ids."""
        ids: list[str] = []
        text = provision.text.lower()
        for found in absolute.finditer(text) if absolute else ():
            for number, brackets in re.findall(r"(\d+[a-z]*)((?:\s*\([a-z0-9]+\))*)", found.group(1)):
                ids.append(".".join([number, *re.findall(r"\(([a-z0-9]+)\)", brackets)]))
        section = provision.id.split(".")[0]
        for found in relative.finditer(text) if relative else ():
            for brackets in re.findall(r"(?:\([a-z0-9]+\))+", found.group(1)):
                ids.append(".".join([section, *re.findall(r"\(([a-z0-9]+)\)", brackets)]))
        targets = [self.by_id[i] for i in dict.fromkeys(ids) if i in self.by_id]
        return [t for t in targets if t.id != provision.id and not t.id.startswith(provision.id + ".")]

    def _attach_cross_references(self) -> None:
        """Penalty and offence provisions read with the provisions they cite, both ways.

        "A person who contravenes section 3 commits an offence": section 3 is an offence, and a
        provision that only punishes reads the elements of section 3."""
        absolute, relative = self._reference_patterns()
        for provision in self.law.provisions:
            context = self.contexts[provision.id]
            if context.excluded:
                continue
            targets = self._cited(provision, absolute, relative)
            self.citations[provision.id] = [t.id for t in targets]
            if not targets or not any(cue in context.body for cue in OFFENCE_CUES):
                continue
            own_conduct = {label for label in context.body if label in self.conduct_labels}
            # "an offence under subsection (1) is liable to ...": it punishes an offence made elsewhere and
            # borrows nothing; "does any act referred to in section 43" makes the offence and reads section 43.
            penalty_only = len(own_conduct) <= PENALTY_ONLY_MAX_CONDUCTS and OFFENCE_REFERENCE_CUE not in context.body
            penalty_hits = [h for cue in OFFENCE_CUES for h in context.body.get(cue, [])]
            for target in targets:
                if penalty_only:
                    context.borrowed = True
                    for label, hits in self.contexts[target.id].own.items():
                        if label.startswith(("element:", "vocab:")):
                            context.body.setdefault(label, []).extend(hits)
                if penalty_only and not any(cue in self.contexts[target.id].body for cue in OFFENCE_CUES):
                    for node in self._subtree(target):
                        self.contexts[node.id].body.setdefault(OFFENCE_CUES[0], []).extend(penalty_hits)

    def _subtree(self, provision: Provision) -> list[Provision]:
        nodes, stack = [], [provision]
        while stack:
            node = stack.pop()
            nodes.append(node)
            stack.extend(self.children.get(node.id, []))
        return nodes


# ---------------------------------------------------------------------- per article


def _element_labels(article: Article, predicate) -> list[str]:
    return [f"element:{e.id}" for e in article.elements if predicate(e)]


def _is_candidate(index: LawIndex, context: ProvisionContext, core: list[str], cues: list[str]) -> bool:
    if context.excluded or not all(label in context.body for label in core):
        return False
    # At least one core element in the provision's own words: a penalty item "(c) to a fine not
    # exceeding ..." inherits its section's elements but implements nothing by itself.
    if not context.borrowed and not any(label in context.own for label in core):
        return False
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
        elements=sorted(label.split(":", 1)[1] for label in context.body if label in wanted),
        spans=sorted(spans, key=lambda s: s.start),
        label=provision.label,
        page=provision.page,
        narrowed_by=sorted(label.split(":", 1)[1] for label in context.own if label in narrowing and not index.defined_broadly(provision, context.own[label])),
    )


def _most_specific(candidates: list[ProvisionContext], by_id: dict[str, Provision]) -> list[ProvisionContext]:
    """Drop a candidate when one of its descendants is a candidate too: cite the precise provision."""
    ids = {c.provision.id for c in candidates}
    ancestors: set[str] = set()
    for candidate in candidates:
        parent = candidate.provision.parent
        while parent is not None:
            ancestors.add(parent)
            parent = by_id[parent].parent if parent in by_id else None
    return [c for c in candidates if c.provision.id not in ancestors or c.provision.id not in ids]


def find_candidates(index: LawIndex, article: Article) -> list[ProvisionContext]:
    """The most specific provisions whose context holds every core element of the article."""
    core = _element_labels(article, lambda e: e.core) or _element_labels(article, lambda e: e.mandatory)
    cues = [f"cue:{c}" for c in article.context_cues]
    found = [c for c in index.contexts.values() if _is_candidate(index, c, core, cues)]
    return _most_specific(found, index.by_id)


# Weights of the evidence score, each signal in [0, 1]. Set by inspecting which candidates the
# development-set experts cite (benchmarks/README): being specific to one article and resembling
# its description matter as much as holding its elements.
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
            "coverage": sum(label in context.body for label in mandatory) / max(1, len(mandatory)),
            "own": sum(label in context.own for label in mandatory) / max(1, len(mandatory)),
            "heading": _heading_signal(article, context, topics[provision.id], _section_heading(index, provision)),
            "retrieval": retrieval.get(provision.id, 0.0),
            "specificity": 1 / articles_per_provision[provision.id],
        }
        score = sum(SCORE_WEIGHTS[name] * value for name, value in signals.items())
        if (context.borrowed or OFFENCE_REFERENCE_CUE in context.body) and any(f"cue:{cue}" in OFFENCE_CUES for cue in article.context_cues):
            score *= SECONDARY_OFFENCE_FACTOR
        evidence.append(_evidence(index, context, article, score))
    evidence.sort(key=lambda e: (-e.score, e.provision))
    return ArticleCandidates(article=article.number, candidates=evidence)


def _tokens(text: str, stop_words: frozenset[str]) -> list[str]:
    return [word for word in re.findall(r"\w+", text.lower()) if word not in stop_words and not word.isdigit()]


@lru_cache(maxsize=4)
def _stop_words(language: str) -> frozenset[str]:
    from lexalign.lexicon import pipeline

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
    index = LawIndex(law, lexicon, conduct)
    retrieval = retrieval_scores(law, articles, lexicon.language)
    found = {article.number: find_candidates(index, article) for article in articles}
    articles_per_provision = Counter(context.provision.id for contexts in found.values() for context in contexts)
    topics = {context.provision.id: heading_topics(context, articles) for contexts in found.values() for context in contexts}
    scored = [score_candidates(index, article, found[article.number], retrieval.get(article.number, {}), articles_per_provision, topics) for article in articles]
    scored = _prefer_best_fit(scored, {a.number for a in articles if a.cross_cutting})
    general = {pid for pid, context in index.contexts.items() if GENERAL_REFERENCE_CUE in context.body}
    return _select_evidence(scored, articles, index.citations, general)


def _strongest(candidates: list[Evidence]) -> list[Evidence]:
    """The candidates that score close enough to the best one."""
    return [c for c in candidates if candidates and c.score >= RELATIVE_SCORE_FLOOR * candidates[0].score]


def _overlaps(provision: str, anchors: set[str]) -> bool:
    return any(provision == a or a.startswith(provision + ".") or provision.startswith(a + ".") for a in anchors)


def _select_evidence(scored: list[ArticleCandidates], articles: list[Article], citations: dict[str, list[str]], general: set[str]) -> list[ArticleCandidates]:
    """Keep each article's strongest candidates; an article that attaches to others (sanctions to
    offences) keeps the candidates that are, contain or cite their evidence."""
    kept = {entry.article: _strongest(entry.candidates) for entry in scored}
    by_number = {a.number: a for a in articles}
    result = []
    for entry in scored:
        targets = by_number[entry.article].attaches_to
        if targets:
            anchors = {e.provision for number in targets for e in kept.get(number, [])}
            chosen = [
                e
                for e in entry.candidates
                if anchors and (e.provision in general or _overlaps(e.provision, anchors) or any(_overlaps(cited, anchors) for cited in citations.get(e.provision, [])))
            ]
        else:
            chosen = kept[entry.article]
        result.append(ArticleCandidates(article=entry.article, candidates=chosen))
    return result


def _prefer_best_fit(scored: list[ArticleCandidates], cross_cutting: set[int]) -> list[ArticleCandidates]:
    """A provision that fits another article clearly better is not evidence for this one.

    Cross-cutting articles (sanctions, jurisdiction, safeguards) neither lose nor take provisions."""
    best: dict[str, float] = {}
    for entry in scored:
        if entry.article in cross_cutting:
            continue
        for evidence in entry.candidates:
            best[evidence.provision] = max(best.get(evidence.provision, 0.0), evidence.score)
    return [
        entry
        if entry.article in cross_cutting
        else ArticleCandidates(article=entry.article, candidates=[e for e in entry.candidates if e.score >= best[e.provision] - BEST_FIT_MARGIN])
        for entry in scored
    ]
