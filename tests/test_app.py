"""The review app: dashboard helpers in `lexalign.dashboard`, and whole flows through Streamlit's AppTest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_factories import report
from lexalign import dashboard, settings
from lexalign.errors import UnusableInput
from lexalign.models import Span
from lexalign.review import ReviewStore

APP = str(settings.REPO_ROOT / "app.py")
SAMPLE = "ruritania_cma2023.txt"


def _span(start: int, end: int, text: str = "") -> Span:
    return Span(start=start, end=end, element="a7.access", text=text)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a matched term is wrapped in <mark>
        ("gains access to", [_span(6, 12)], 'gains <mark title="a7.access">access</mark> to'),
        # law text is escaped, inside and outside marks
        ("<b>x</b> & y", [_span(9, 10)], "&lt;b&gt;x&lt;/b&gt; <mark title=\"a7.access\">&amp;</mark> y"),
        # overlapping spans: the first, longest one wins
        ("abcdef", [_span(0, 4), _span(2, 6)], '<mark title="a7.access">abcd</mark>ef'),
        # spans outside the text are ignored rather than crashing the page
        ("short", [_span(3, 99)], "short"),
    ],
)
def test_highlight(text, spans, expected):
    assert dashboard.highlight(text, spans) == f'<div style="white-space:pre-wrap">{expected}</div>'


@pytest.mark.parametrize(
    ("chapters", "statuses", "expected"),
    [
        # no filter keeps all 68 articles
        ((), (), 68),
        # chapter 2 only (articles 1-21 in the factory)
        ((2,), (), 21),
        # absent articles only: every third assessed article in the factory
        ((), ("absent",), 14),
        # both filters combine
        ((2,), ("absent",), 5),
    ],
)
def test_filter_articles(chapters, statuses, expected):
    assert len(dashboard.filter_articles(report().articles, chapters, statuses)) == expected


def test_counts_and_chapter_summary():
    r = report()
    counts = dashboard.status_counts(r.articles)
    assert sum(counts.values()) == 68 and counts["not_assessed"] == 25
    rows = dashboard.chapter_summary(r)
    assert sum(row["covered"] + row["partial"] + row["absent"] + row["not_assessed"] for row in rows) == 68
    assert [row["chapter"] for row in rows] == sorted(row["chapter"] for row in rows)


def test_grid_escapes_titles():
    r = report()
    article = r.articles[6].model_copy(update={"title": "<script>x</script>"})
    html = dashboard.grid_html([article])
    assert "<script>x" not in html and 'data-status="covered"' in html


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # `streamlit run app.py -- --data-dir X` sets the store's folder
        (["--data-dir", "/tmp/reviews-x"], "/tmp/reviews-x"),
        # unrelated arguments are left alone
        (["--other", "1"], None),
        # an abbreviation is not taken for --data-dir
        (["--data", "/tmp/x"], None),
    ],
)
def test_app_flags(argv, expected, monkeypatch):
    monkeypatch.delenv("LEXALIGN_DATA_DIR", raising=False)
    dashboard.apply_app_flags(argv)
    assert os.environ.get("LEXALIGN_DATA_DIR") == expected
    monkeypatch.delenv("LEXALIGN_DATA_DIR", raising=False)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # a format LexAlign does not read
        ("law.xlsx", b"PK\x03\x04 not a law"),
        # a PDF that is not a PDF
        ("law.pdf", b"this is not a pdf"),
        # an empty text file
        ("law.txt", b""),
    ],
)
def test_bad_upload_is_one_clear_line(name, data):
    with pytest.raises(UnusableInput) as caught:
        dashboard.analyse(data, name)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(name)


# --------------------------------------------------------------------------- AppTest flows


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LEXALIGN_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _open_sample(sample: str = SAMPLE) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.sidebar.text_input(key="reviewer").input("Ana")
    at.sidebar.selectbox(key="sample").select(sample).run()
    assert not at.exception, at.exception
    return at


def _review_key(at: AppTest, prefix: str) -> str:
    return next(w.key for w in [*at.selectbox, *at.multiselect, *at.text_area] if w.key and w.key.startswith(prefix))


def test_sample_override_survives_restart(data_dir):
    at = _open_sample()
    # the dashboard: five metrics whose status counts add up to the Convention's 68 articles
    values = {m.label: int(m.value) for m in at.metric}
    assert sum(values[s.replace("_", " ")] for s in dashboard.STATUSES) == 68 and values["reviewed"] == 0
    assert any('class="la-grid"' in m.value for m in at.markdown)

    at.selectbox(key="article").select(7).run()
    engine_status = next(m.value for m in at.markdown if m.value.startswith("**Status:**")).split()[1]
    new_status = "absent" if engine_status != "absent" else "covered"
    at.selectbox(key=_review_key(at, "status_")).select(new_status)
    at.text_area(key=_review_key(at, "note_")).input("checked against s.3")
    at.button(key="save").click().run()
    assert not at.exception, at.exception
    assert "article 7" in at.success[0].value

    # a new session on the same store finds the decision
    again = _open_sample()
    assert {m.label: m.value for m in again.metric}["reviewed"] == "1"
    again.selectbox(key="article").select(7).run()
    status_line = next(m.value for m in again.markdown if m.value.startswith("**Status:**"))
    assert status_line.startswith(f"**Status:** {new_status}") and "by Ana" in status_line and f"engine said **{engine_status}**" in status_line
    decisions = ReviewStore(data_dir / "reviews.sqlite3").history(next(iter(_store_documents(data_dir))), 7)
    assert [(d.reviewer, d.status, d.note) for d in decisions] == [("Ana", new_status, "checked against s.3")]


def _store_documents(data_dir: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(data_dir / "reviews.sqlite3") as connection:
        return {row[0] for row in connection.execute("SELECT DISTINCT document FROM decisions")}


def test_bad_file_shows_the_clear_message(data_dir, tmp_path, monkeypatch):
    bad = tmp_path / "samples" / "scanned.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"%PDF-1.4 broken")
    # AppTest cannot upload: the picker and the uploader share engine_report(), so a bad "sample" shows the same path.
    monkeypatch.setattr(dashboard, "sample_laws", lambda folder=None: [bad])
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.sidebar.selectbox(key="sample").select("scanned.pdf").run()
    assert not at.exception
    with pytest.raises(UnusableInput) as caught:
        dashboard.analyse(bad.read_bytes(), bad.name)
    assert [e.value for e in at.error] == [str(caught.value)]


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        # JSON: status is the reviewer's, engine_status the engine's
        ("json", b'"engine_status": "covered"'),
        # CSV gains the review columns once a decision exists
        ("csv", b"engine_status"),
        # the gold export names the law and holds the reviewed article only
        ("gold", b'"law": "xx_test_act.txt"'),
        # HTML says who reviewed and what the engine said
        ("html", b"Reviewed by Ana"),
        # DOCX (a zip): the reviewer's name is in the document body
        ("docx", b"Ana"),
    ],
)
def test_exports_mark_reviewer_decisions(fmt, marker, tmp_path):
    import io
    import zipfile

    from lexalign.review import reviewed_report

    store = ReviewStore(tmp_path / "r.sqlite3")
    store.record(report().document.sha256, 7, "Ana", status="partial", note="protected computers only")
    data = dashboard.export(reviewed_report(report(), store), fmt)
    if fmt == "docx":
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert marker in data and b"Ana" in data


def test_evidence_and_provision_html_escape_law_text():
    from app_factories import evidence, provision

    hostile = provision("3", text="<img src=x onerror=alert(1)> accesses").model_copy(update={"heading": "<i>h</i>", "label": "S<3>"})
    html = dashboard.provision_html(hostile, []) + dashboard.evidence_html([evidence("3").model_copy(update={"label": "S<3>"})])
    assert "<img" not in html and "<i>h" not in html and "S&lt;3&gt;" in html
