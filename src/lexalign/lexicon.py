"""Finds the Convention's term patterns in law text: spaCy lemmas, PhraseMatcher / Matcher rules, rapidfuzz spelling repair.

Every hit is labelled `element:<id>`, `vocab:<id>`, `narrowing:<id>` or `cue:<id>`.
All language-specific surface forms come from `convention/terms/<lang>.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from lexalign.models import Convention, LanguageTerms, TermSet

# Misspellings and OCR slips are repaired only for words this long, and only when very close:
# short legal words ("act", "law", "fine") have too many real neighbours.
FUZZY_MIN_LENGTH = 7
FUZZY_MIN_SCORE = 92.0
# Dashes glue words together in drafting ("section—(1)", "offence.–"); spaCy's tokenizer keeps
# such runs as one token. Replaced one for one with spaces, so offsets do not move.
GLUE_CHARACTERS = str.maketrans({"—": " ", "–": " ", "‐": " ", "­": " ", "_": " "})


@dataclass(frozen=True)
class Hit:
    label: str  # "element:a7.access", "cue:offence", ...
    start: int  # character offsets in the annotated text
    end: int


def _article_of(label: str) -> str:
    return label.split(":", 1)[1].split(".", 1)[0]


def _other_meaning(kind: str, inner: Hit, outer: Hit) -> bool:
    """`outer` is a strictly longer term around `inner` that means something else."""
    if not (outer.label.startswith(kind + ":") and inner.end <= outer.end and outer.end - outer.start > inner.end - inner.start):
        return False
    if kind == "vocab":
        return outer.label != inner.label
    # A conduct word that ends the longer term is still its head ("unauthorised interference" is an
    # interference); one that opens it is a modifier ("access code", "interference with the functioning").
    return _article_of(outer.label) != _article_of(inner.label) and inner.end < outer.end


@lru_cache(maxsize=8)
def pipeline(language: str) -> Language:
    """A blank pipeline with the lookup lemmatizer (spacy-lookups-data); no model download."""
    nlp = spacy.blank(language)
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, OSError, KeyError):  # no lookup table for this language: lower-cased forms still match
        nlp = spacy.blank(language)
    nlp.max_length = 20_000_000
    return nlp


class Lexicon:
    """Compiled matchers for one language of the Convention model."""

    def __init__(self, convention: Convention, language: str) -> None:
        terms = convention.terms.get(language) or convention.terms["en"]
        self.language = terms.language
        self.reference_words = terms.reference_words
        self.relative_reference_words = terms.relative_reference_words
        self.reference_joiners = terms.reference_joiners
        self.nlp = pipeline(self.language)
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self.patterns = Matcher(self.nlp.vocab)
        self.vocab_users: dict[str, list[str]] = {}  # vocabulary id -> element labels that include it
        self.conduct_labels = {f"element:{e.id}" for a in convention.articles for e in a.elements if e.kind == "conduct"}
        self.not_carried_by_definitions = {v.id for v in convention.vocabulary if not v.carried_by_definitions}
        self._known_words: set[str] = set()
        for group, sets in (("vocab", terms.vocabulary), ("element", terms.elements), ("narrowing", terms.narrowing), ("cue", terms.cues)):
            for key, term_set in sets.items():
                self._add(f"{group}:{key}", term_set, terms)
        self._word_list = sorted(word for word in self._known_words if len(word) >= FUZZY_MIN_LENGTH)

    def _add(self, label: str, term_set: TermSet, terms: LanguageTerms) -> None:
        phrases = list(term_set.phrases)
        patterns = list(term_set.patterns)
        for vocab_id in term_set.vocab:
            self.vocab_users.setdefault(vocab_id, []).append(label)
            shared = terms.vocabulary[vocab_id]
            phrases += shared.phrases
            patterns += shared.patterns
        if phrases:
            docs = [self.nlp(phrase.lower()) for phrase in dict.fromkeys(phrases)]
            self.phrases.add(label, docs)
            for doc in docs:
                self._known_words.update(token.lemma_ for token in doc if token.is_alpha)
        if patterns:
            self.patterns.add(label, patterns)

    def annotate(self, text: str) -> tuple[Doc, list[Hit]]:
        """Lemmatise `text` and return every term hit, offsets into `text`."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few Unicode capitals change length when lowered; keep offsets exact
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        doc = self.nlp(lowered.translate(GLUE_CHARACTERS))
        self._repair_spelling(doc)
        token_starts = [token.idx for token in doc]
        token_ends = [token.idx + len(token) for token in doc]
        strings = self.nlp.vocab.strings
        labels: dict[int, str] = {}
        hits = []
        for matcher in (self.phrases, self.patterns):
            for match_id, start, end in matcher(doc):
                label = labels.get(match_id) or labels.setdefault(match_id, strings[match_id])
                hits.append(Hit(label, token_starts[start], token_ends[end - 1]))
        return doc, self._drop_shadowed(hits)

    def _drop_shadowed(self, hits: list[Hit]) -> list[Hit]:
        """The longer term wins over a shorter one inside it that means something else:
        "computer" in "computer data" is data, not a computer system (vocabulary entries), and
        "access" in "access code" or "deny access" is not illegal access (elements of another article)."""
        terms = sorted((h for h in hits if h.label.startswith(("vocab:", "element:"))), key=lambda h: (h.start, -h.end))
        shadowed: set[tuple[int, int, str]] = set()
        open_terms: list[Hit] = []  # terms that started at or before the current one and may still cover it
        for inner in terms:
            open_terms = [o for o in open_terms if o.end > inner.start]
            kind = inner.label.split(":", 1)[0]
            conduct_or_vocab = kind == "vocab" or inner.label in self.conduct_labels
            # an object ("computer") inside another article's qualifier ("protected computer") stays
            if conduct_or_vocab and any(_other_meaning(kind, inner, o) for o in open_terms):
                shadowed.add((inner.start, inner.end, inner.label))
                if kind == "vocab":
                    shadowed.update((inner.start, inner.end, user) for user in self.vocab_users.get(inner.label.split(":", 1)[1], []))
            open_terms.append(inner)
        return [h for h in hits if (h.start, h.end, h.label) not in shadowed] if shadowed else hits

    def _repair_spelling(self, doc: Doc) -> None:
        """Give near-miss spellings of known term words the lemma of the word they miss ("unauthorsed")."""
        if not self._word_list:
            return
        unknown: dict[str, list[int]] = {}
        known = self._known_words
        for token in doc:
            lemma = token.lemma_
            if len(lemma) >= FUZZY_MIN_LENGTH and token.is_alpha and lemma not in known:
                unknown.setdefault(lemma, []).append(token.i)
        for word, positions in unknown.items():
            best = process.extractOne(word, self._word_list, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
            if best is not None:
                for position in positions:
                    doc[position].lemma_ = best[0]


_LEXICONS: dict[tuple[str, str], Lexicon] = {}
# Compiled lexicons kept at once: a long-running app sees a new model version at every edit.
LEXICON_CACHE_SIZE = 4


def lexicon_for(convention: Convention, language: str) -> Lexicon:
    """The compiled lexicon for a language, built once per Convention model version."""
    key = (convention.model_version, language)
    if key not in _LEXICONS:
        while len(_LEXICONS) >= LEXICON_CACHE_SIZE:
            _LEXICONS.pop(next(iter(_LEXICONS)))  # the oldest
        _LEXICONS[key] = Lexicon(convention, language)
    return _LEXICONS[key]
