"""How a provision is read: its own words, the chapeau and tail of its ancestors, the provisions it
cites and is cited by, and the law's defined terms; and which provisions can never be evidence.

`LawIndex` annotates a law once with the lexicon and holds a `ProvisionContext` for every provision;
the match stage asks it which articles' elements each provision holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from lexalign.lexicon import Hit, Lexicon
from lexalign.models import Provision, SegmentedLaw

# Kinds that structure a law but are never evidence themselves.
STRUCTURAL_KINDS = {"part", "chapter", "preamble", "schedule"}
# Cue ids read from terms/<lang>.yaml that change how a provision is read.
OFFENCE_CUES = ("cue:offence", "cue:penalty")
PENALTY_CUE = OFFENCE_CUES[1]
NEGATION_CUE = "cue:negation_exception"
REPEAL_CUE = "cue:repeal"
# "A person who commits an offence under subsection (1) which causes ...": an aggravation or penalty
# clause. It punishes an offence made elsewhere.
OFFENCE_REFERENCE_CUE = "cue:offence_reference"
THIS_SECTION_CUE = "cue:this_section"  # "misuses the powers under this section": cites its own section
BROAD_SCOPE_CUE = "cue:broad_scope"
POLICY_CUES = ("cue:policy_statement", "cue:rule_making")
DEFINITION_CUE = "cue:definition"
PRESUMPTION_CUE = "cue:presumption"  # "it is presumed, until the contrary is proved, that ..."
DEFINITION_SCOPE_CUE = "cue:definition_scope"  # "For the purposes of this section, ..."
# A provision that only punishes ("A person who contravenes section 3 commits an offence") reads the
# elements of the provision it cites; one with conduct of its own ("devices made to commit the
# offences in Articles 3 to 5") does not.
PENALTY_ONLY_MAX_CONDUCTS = 1
# A statement of aims or a rule-making power is recognised by its opening words or heading.
POLICY_WINDOW = 160
# A definition says what its term is in its first words ("means any program or data held in ...").
DEFINITION_OPENING = 80
# How far into a provision's text its printed heading may start ("12. Heading", "[12. Heading").
HEADING_SEARCH = 24
# A definition states its term first: a quote, then "means" / "includes" soon after.
DEFINITION_WINDOW = 120
# A quoted term opens with a quote that follows a space or bracket, not an apostrophe inside a word
# (French "d'assurer", English "person's").
QUOTED_TERM = re.compile(r"""(?:^|[\s(\[:—-])["“‘'«]\s*[^"“”‘’'«»\n]{1,80}\s*["”’'»]""")
# A repeal marker counts only near the start of a provision ("12. [Repealed by Act 3 of 2010]").
REPEAL_WINDOW = 80
# ... and only in a short provision: a long one that mentions a repeal still has its own substance.
REPEALED_MAX_LENGTH = 300
# ... unless the provision's heading is the marker ("Omitted.", "[Repealed]"): the text after it is
# the old wording kept for reference. A long heading that mentions a repeal is a real heading, and so
# is one that names a subject ("Recovery of deleted data").
REPEALED_HEADING_MAX_LENGTH = 40
NEGATION_WINDOW = 90
# Exclusions that carry over from a provision to everything inside it.
INHERITED_EXCLUSIONS = ("definition", "interpretive", "exception", "repealed", "policy")
# An interpretive clause ("For the purposes of this section, it is immaterial where the act took
# place") implements nothing, except for the articles that say so (`reads_interpretive`: jurisdiction).
INTERPRETIVE = "interpretive"


@dataclass
class ProvisionContext:
    provision: Provision
    body: dict[str, list[Hit]] = field(default_factory=dict)  # labels found in the provision or its context
    own: dict[str, list[Hit]] = field(default_factory=dict)  # labels inside the provision's own span
    heading: set[str] = field(default_factory=set)
    excluded: str | None = None  # why this provision can never be evidence
    borrowed: bool = False  # holds elements only through the provisions it cites (a penalty clause)
    # Sits in a list introduced by a penalty and no conduct ("The punishment for an offense under
    # subsection (a) is— (1) a fine ... in the case of an attempt ..."): it grades sanctions, it does
    # not make the conduct it names an offence.
    in_penalty_schedule: bool = False


def unit_id(provision_id: str) -> str:
    """The first-level unit a provision belongs to: "14.1" for "14.1.a.ii", "14" for "14"."""
    return ".".join(provision_id.split(".")[:2])


def _names_a_subject(labels: set[str]) -> bool:
    return any(label.startswith(("element:", "vocab:")) for label in labels)


def _is_list_item(provision: Provision) -> bool:
    """An item of a list, "(a)" or "(iv)", not a numbered subsection "(2)": the segmenter's kinds
    depend on depth, the numbering style does not."""
    return "." in provision.id and not provision.id.rsplit(".", 1)[1][:1].isdigit()


def _makes_variant_offence(context: ProvisionContext) -> bool:
    """"A person who commits an offence under section 14 with intent to commit a further offence
    commits an offence": a new offence built on the cited one, which it reads. "A person who commits an
    offence under subsection (1) which causes injury is liable to ..." only punishes the cited one."""
    if context.in_penalty_schedule:
        return False
    other_uses = context.body.get(OFFENCE_REFERENCE_CUE, []) + context.body.get(PENALTY_CUE, [])  # "is liable to" is both
    return any(not any(h.start < r.end and r.start < h.end for r in other_uses) for h in context.body.get(OFFENCE_CUES[0], []))


def _by_label(hits: list[Hit]) -> dict[str, list[Hit]]:
    grouped: dict[str, list[Hit]] = {}
    for hit in hits:
        grouped.setdefault(hit.label, []).append(hit)
    return grouped


class LawIndex:
    """Hits of every term in a law, and each provision's context."""

    def __init__(self, law: SegmentedLaw, lexicon: Lexicon, conduct_labels: frozenset[str] = frozenset(), object_labels: frozenset[str] | None = None) -> None:
        self.law = law
        self.lexicon = lexicon
        self.conduct_labels = conduct_labels  # conduct elements of the articles a provision can implement
        # Elements a part or chapter heading may give the provisions under it: what they are about
        # ("Computer and cybercrimes co-ordination"), never what they do ("Offences and penalties").
        self.object_labels = object_labels
        text = law.document.text
        _, hits = lexicon.annotate(text)
        hits += self._defined_term_hits(text)
        self._broad_cache: dict[str, bool] = {}
        self.citations: dict[str, list[str]] = {}  # provision id -> ids of the provisions it cites
        self.unnumbered = all(p.kind in STRUCTURAL_KINDS for p in law.provisions)
        self.hits = sorted(hits, key=lambda h: (h.start, h.end))
        self._starts = [h.start for h in self.hits]
        self.by_id = {p.id: p for p in law.provisions}
        self.children: dict[str, list[Provision]] = {}
        for provision in law.provisions:
            if provision.parent is not None:
                self.children.setdefault(provision.parent, []).append(provision)
        heading_labels = self._labels_per_text([p.heading for p in law.provisions])
        self.contexts = {}
        # "66A. Omitted." followed by the old text in brackets: the heading itself says it is gone
        self._repealed_by_heading: set[str] = set()
        for provision, labels in zip(law.provisions, heading_labels):
            self.contexts[provision.id] = ProvisionContext(provision=provision, heading=labels)
            if REPEAL_CUE in labels and len(provision.heading) <= REPEALED_HEADING_MAX_LENGTH and not _names_a_subject(labels):
                self._repealed_by_heading.add(provision.id)
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
        """Hits lying wholly in [start, end) of the document text."""
        first, last = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [hit for hit in self.hits[first:last] if hit.end <= end]

    def _defined_term_hits(self, text: str) -> list[Hit]:
        """Occurrences of the law's own defined terms, labelled with what their definitions say they are.

        If the law defines "computer material" as programs or data held in a computer, a later
        "computer material" counts as data even though no Convention phrase matches it. Only what the
        definition says in its first words, to stay precise."""
        terms = [t for t in self.law.defined_terms if len(t) >= 4]
        if not terms:
            return []
        known = self._labels_per_text(terms)
        opening = self._labels_per_text([self.law.defined_terms[t] for t in terms], window=DEFINITION_OPENING)
        extra: list[Hit] = []
        lowered = text.lower()
        for term, term_labels, definition_labels in zip(terms, known, opening):
            # A defined act carries the object its definition names too: "damage" defined as "any
            # impairment to the integrity of data" is damage to data wherever the law says damage.
            own_vocab = {label for label in term_labels if label.startswith("vocab:")}
            vocab = {label.split(":", 1)[1] for label in definition_labels if label.startswith("vocab:") and label not in own_vocab} - self.lexicon.not_carried_by_definitions
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
            definition = self.law.defined_terms.get(term) or self.law.defined_terms.get(term.removesuffix("s"), "")
            self._broad_cache[term] = bool(definition) and BROAD_SCOPE_CUE in self._labels_in_text(definition)
        return self._broad_cache[term]

    # ------------------------------------------------------------------ contexts

    def unit_labels(self, provision: Provision) -> dict[str, list[Hit]]:
        """Labels anywhere in the provision's first-level unit (section 14(1) for 14(1)(a)), and in
        the last item of the list the provision belongs to.

        A tail like "shall be punished with imprisonment" often sits after the last item of a list
        ("Whoever— (a) ...; (e) ..., shall be punished"), where the segmenter cannot tell it from that
        item: the whole unit counts, and so does the last item."""
        unit = self.contexts.get(unit_id(provision.id)) if provision.id.count(".") > 1 else None
        labels = dict(unit.own if unit is not None else self.contexts[provision.id].own)
        siblings = self.children.get(provision.parent, []) if provision.parent and _is_list_item(provision) else []
        if siblings and siblings[-1].id != provision.id:
            for label, hits in self.contexts[siblings[-1].id].own.items():
                labels.setdefault(label, hits)
        return labels

    def own_text_hits(self, provision: Provision) -> list[Hit]:
        """Hits in the provision's span that are not inside one of its children (chapeau and tail)."""
        children = self.children.get(provision.id, [])
        if not children:
            return self.hits_in(provision.start, provision.end)
        child_starts = [c.start for c in children]  # children come in document order

        def in_child(position: int) -> bool:
            slot = bisect_left(child_starts, position + 1) - 1
            return slot >= 0 and position < children[slot].end

        return [h for h in self.hits_in(provision.start, provision.end) if not in_child(h.start)]

    def _fill_contexts(self) -> None:
        inherited: dict[str, list[Hit]] = {}
        schedules: set[str] = set()  # provisions whose items form a penalty schedule
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
                context.heading |= self._inherited_heading(parent)
            context.excluded = self._exclusion(provision, context, parent, local)
            context.in_penalty_schedule = provision.parent in schedules
            if context.in_penalty_schedule or self._opens_penalty_schedule({hit.label for hit in local}):
                schedules.add(provision.id)
        self._attach_cross_references()

    def _opens_penalty_schedule(self, chapeau: set[str]) -> bool:
        """A chapeau that names penalties but neither makes an offence nor describes any conduct."""
        return PENALTY_CUE in chapeau and OFFENCE_CUES[0] not in chapeau and not chapeau & self.conduct_labels

    def _inherited_heading(self, parent: Provision) -> set[str]:
        labels = self.contexts[parent.id].heading
        if parent.kind not in STRUCTURAL_KINDS or self.object_labels is None:
            return labels
        return {label for label in labels if not label.startswith("element:") or label in self.object_labels}

    def _without_heading_line(self, provision: Provision, hits: list[Hit]) -> list[Hit]:
        """Drop hits in the heading printed at the top of the provision: headings never decide alone."""
        if not provision.heading:
            return hits
        offset = provision.text.find(provision.heading)
        if not 0 <= offset < HEADING_SEARCH:
            return hits
        start = provision.start + offset
        end = start + len(provision.heading)
        return [h for h in hits if not start <= h.start < end]

    def _exclusion(self, provision: Provision, context: ProvisionContext, parent: Provision | None, local: list[Hit]) -> str | None:
        """Why the provision can never be evidence, or None. What excludes a provision excludes its
        sub-provisions too (the items of a definition, of an exception, of a repealed section)."""
        if provision.kind == "preamble" and self.unnumbered:
            return None  # a text with no numbered provisions at all is read as one block
        if provision.kind in STRUCTURAL_KINDS or provision.quoted:
            return "structural"
        if parent is not None and self.contexts[parent.id].excluded in INHERITED_EXCLUSIONS:
            return self.contexts[parent.id].excluded
        if provision.kind == "definition":
            return "definition"
        if any(h.start - provision.start < REPEAL_WINDOW for h in context.own.get(REPEAL_CUE, [])) and len(provision.text) < REPEALED_MAX_LENGTH:
            return "repealed"
        if provision.id in self._repealed_by_heading:
            return "repealed"
        if any(h.start - provision.start < NEGATION_WINDOW for h in context.own.get(NEGATION_CUE, [])):
            return "exception"
        if any(cue in context.heading for cue in POLICY_CUES) or any(h.start - provision.start < POLICY_WINDOW for cue in POLICY_CUES for h in context.own.get(cue, [])):
            return "policy"
        return self._definition_kind(provision, context, local)

    def _definition_kind(self, provision: Provision, context: ProvisionContext, local: list[Hit]) -> str | None:
        """Definitions never implement an article: a definitions section, or a text that opens with a
        quoted term and "means" / "includes"; nor do interpretive clauses ("for the purposes of this
        section, ...") but for the articles that read them."""
        opening = {h.label for h in local if h.start - provision.start < DEFINITION_WINDOW}
        if PRESUMPTION_CUE in opening:  # whatever offence words the presumption quotes
            return INTERPRETIVE
        if any(cue in context.own for cue in OFFENCE_CUES) and provision.kind == "section":
            return None
        if any(h.label in OFFENCE_CUES for h in local):
            return None
        if DEFINITION_SCOPE_CUE in opening:
            return INTERPRETIVE
        if DEFINITION_CUE in opening and QUOTED_TERM.search(provision.text[:DEFINITION_WINDOW]) is not None:
            return "definition"
        return None

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
            # Its own section is cited for attaching (a misuse offence to the powers of its section), not
            # for borrowing elements: "an offence under this section" does not read every subsection.
            own_section = [provision.id.split(".")[0]] if THIS_SECTION_CUE in context.own and "." in provision.id else []
            self.citations[provision.id] = [t.id for t in targets] + own_section
            if not targets or not any(cue in context.body for cue in OFFENCE_CUES):
                continue
            own_conduct = {label for label in context.body if label in self.conduct_labels}
            # "an offence under subsection (1) is liable to ...": it punishes an offence made elsewhere and
            # borrows nothing; "does any act referred to in section 43" makes the offence and reads section 43.
            penalty_only = len(own_conduct) <= PENALTY_ONLY_MAX_CONDUCTS and (OFFENCE_REFERENCE_CUE not in context.body or _makes_variant_offence(context))
            penalty_hits = [h for cue in OFFENCE_CUES for h in context.body.get(cue, [])]
            for target in targets:
                if penalty_only:
                    context.borrowed = True
                    for label, hits in self.contexts[target.id].own.items():
                        if label.startswith(("element:", "vocab:")):
                            context.body.setdefault(label, []).extend(hits)
                # The cited provision becomes part of an offence when the citing one only punishes it, or
                # when both sit in one section ("... and either subsection (2) or (3) applies").
                same_section = target.id.split(".")[0] == provision.id.split(".")[0]
                if (penalty_only or same_section) and not any(cue in self.contexts[target.id].body for cue in OFFENCE_CUES):
                    for node in self._subtree(target):
                        self.contexts[node.id].body.setdefault(OFFENCE_CUES[0], []).extend(penalty_hits)

    def _subtree(self, provision: Provision) -> list[Provision]:
        nodes, stack = [], [provision]
        while stack:
            node = stack.pop()
            nodes.append(node)
            stack.extend(self.children.get(node.id, []))
        return nodes
