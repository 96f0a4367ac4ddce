"""Small Report factories for the review store and app tests (no pipeline needed)."""

from __future__ import annotations

from lexalign.models import Assessment, Evidence, Report, ReportDocument, ReportProvision, Span

SHA = "ab" * 32
ASSESSED = set(range(7, 49)) | {53}


def provision(pid: str, text: str = "A person who intentionally accesses a computer without authority commits an offence.", page: int = 1) -> ReportProvision:
    """A section-level provision with a label built from its id."""
    return ReportProvision(id=pid, label=f"Section {pid}", heading="", kind="section", page=page, text=text)


def evidence(pid: str, score: float = 0.8, page: int = 1) -> Evidence:
    """Evidence citing provision `pid`, with one matched span on 'accesses'."""
    return Evidence(provision=pid, score=score, label=f"Section {pid}", page=page, elements=["a7.access"], spans=[Span(start=27, end=35, element="a7.access", text="accesses")])


def assessment(number: int, status: str = "covered", evidence_ids: tuple[str, ...] = ("3",), chapter: int | None = None) -> Assessment:
    """One article's finding; articles outside the assessed set are not_assessed."""
    if number not in ASSESSED:
        status, evidence_ids = "not_assessed", ()
    if status == "absent":
        evidence_ids = ()
    return Assessment(
        article=number,
        title=f"Article {number} title",
        chapter=chapter or (2 if number < 22 else 3 if number < 35 else 5 if number < 53 else 6),
        status=status,
        confidence=0.7,
        evidence=[evidence(pid) for pid in evidence_ids],
    )


def report(sha: str = SHA, source: str = "xx_test_act.txt", statuses: dict[int, str] | None = None) -> Report:
    """A 68-article report over four provisions; `statuses` overrides single articles."""
    statuses = statuses or {}
    return Report(
        lexalign_version="0.1.0",
        model_version="test",
        document=ReportDocument(source=source, sha256=sha, format="txt", language="en", characters=400, pages=2),
        provisions=[provision("3"), provision("4"), provision("5", page=2), provision("6", text="Offences under this Act are punishable by a fine.", page=2)],
        articles=[assessment(n, statuses.get(n, "covered" if n % 3 else "absent")) for n in range(1, 69)],
    )
