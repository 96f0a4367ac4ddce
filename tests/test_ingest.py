"""Ingest: every format into a Document (text, pages, language, warnings); bad input -> one line."""

from __future__ import annotations

import os
import io
import zipfile

import docx
import pytest
from hypothesis import given, settings as hsettings, strategies as st
from docx.oxml.ns import qn
from lxml import etree
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from lexalign.errors import UnusableInput
from lexalign.ingest import detect_language, load
from lexalign.segment import segment

ENGINES = ["pypdfium2", "pdfplumber"]


# --------------------------------------------------------------------------- factories


def make_pdf(pages: list[list[str]], *, header: str | None = "OFFICIAL GAZETTE No. 7", footer: bool = True, encrypt: str | None = None) -> bytes:
    """A PDF with one text line per entry, a running header and a page-number footer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 10)
        if header:
            pdf.drawString(72, 800, header)
        y = 760
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 14
        if footer:
            pdf.drawString(290, 40, f"- {number} -")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


SECTION_WORDS = ["Access", "Interception", "Interference", "Misuse", "Forgery", "Fraud"]


def make_two_column_pdf() -> bytes:
    """Two pages of two columns drawn line by line across both (stream order interleaves them)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(2):
        columns = []
        for number in (3 * page + 1, 3 * page + 2, 3 * page + 3):
            word = SECTION_WORDS[number - 1]
            columns.append(
                [f"{number}. Illegal {word.lower()}", f"(1) A person who commits {word.lower()}", "against a computer system", "commits an offence.", f"(2) {word} is punishable", "by a fine.", f"(3) The court may order {word.lower()}", "data to be forfeited."]
            )
        left = columns[0] + columns[1]
        right = columns[2] + ["Notes on this page."] * 0
        pdf.setFont("Helvetica", 10)
        pdf.drawString(72, 800, "GAZETTE OF RURITANIA")
        y = 760
        for index, left_line in enumerate(left):
            pdf.drawString(72, y, left_line)
            if index < len(right):
                pdf.drawString(320, y, right[index])
            y -= 14
        pdf.drawString(290, 40, str(page + 1))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_margin_notes_pdf() -> bytes:
    """A gazette page with section headings printed as notes in the left margin."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pages = [
        [
            ("Short title.", "1. This Act may be cited as the Computer Crimes Act 2030."),
            ("Unauthorised access to", "2. (1) A person shall be guilty of an offence if he causes a"),
            ("computer material.", "computer to perform any function with intent to secure access."),
            (None, "(2) The intent need not be directed at any particular program."),
        ],
        [
            ("Unauthorised", "3. (1) A person who modifies the contents of a computer commits"),
            ("modification.", "an offence and is liable to a fine."),
            (None, "(2) It is immaterial whether the modification is permanent."),
            ("Prosecution.", "4. A prosecution requires the consent of the Public Prosecutor."),
        ],
    ]
    for number, rows in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(150, 800, "COMPUTER CRIMES")
        y = 760
        for note, line in rows:
            if note:
                pdf.setFont("Helvetica", 7)
                pdf.drawString(40, y, note)
                pdf.setFont("Helvetica", 10)
            pdf.drawString(150, y, line)
            y -= 14
        pdf.drawString(290, 40, str(number))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_image_pdf() -> bytes:
    """A 'scanned' PDF: shapes only, no text layer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.rect(72, 500, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


NUMBERING_LEVELS = [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]


def make_docx(paragraphs: list[tuple[str, int | None]], *, num_id: str = "90", levels: list[tuple[str, str]] = NUMBERING_LEVELS) -> bytes:
    """A DOCX whose numbered paragraphs use Word automatic numbering (numbering.xml),
    so the numbers are not in the paragraph text. (text, level or None) per paragraph."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = etree.SubElement(numbering, qn("w:abstractNum"), {qn("w:abstractNumId"): "90"})
    for level, (fmt, text) in enumerate(levels):
        lvl = etree.SubElement(abstract, qn("w:lvl"), {qn("w:ilvl"): str(level)})
        etree.SubElement(lvl, qn("w:start"), {qn("w:val"): "1"})
        etree.SubElement(lvl, qn("w:numFmt"), {qn("w:val"): fmt})
        etree.SubElement(lvl, qn("w:lvlText"), {qn("w:val"): text})
    numbering.insert(0, abstract)  # abstractNum elements come before num elements
    num = etree.SubElement(numbering, qn("w:num"), {qn("w:numId"): "90"})
    etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): "90"})
    for text, level in paragraphs:
        paragraph = document.add_paragraph(text)
        if level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            numpr = etree.SubElement(ppr, qn("w:numPr"))
            etree.SubElement(numpr, qn("w:ilvl"), {qn("w:val"): str(level)})
            etree.SubElement(numpr, qn("w:numId"), {qn("w:val"): num_id})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


AKN = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act">
<preface><p>Cybercrimes Act, 2030</p></preface>
<body>
 <part eId="part_II"><num>II</num><heading>Offences</heading>
  <section eId="sec_4"><num>4.</num><heading>Illegal access</heading>
   <subsection eId="sec_4__subsec_1"><num>(1)</num>
    <intro><p>A person who, without right,</p></intro>
    <paragraph eId="sec_4__subsec_1__para_a"><num>(a)</num><content><p>accesses a computer system; or</p></content></paragraph>
    <paragraph eId="sec_4__subsec_1__para_b"><num>(b)</num><content><p>remains in it,</p></content></paragraph>
    <wrapUp><p>commits an offence.</p></wrapUp>
   </subsection>
   <subsection eId="sec_4__subsec_2"><num>(2)</num><content><p>The penalty is a fine.</p></content></subsection>
  </section>
  <section eId="sec_4A"><num>4A.</num><heading>Illegal interception</heading><content><p>A person who intercepts data commits an offence.</p></content></section>
  <section eId="sec_5"><num>5.</num><heading>Devices</heading><content><p>A person who</p>
   <blockList eId="sec_5__list_1"><item eId="sec_5__list_1__item_a"><num>(a)</num><p>makes a device; or</p></item>
   <item eId="sec_5__list_1__item_b"><num>(b)</num><p>sells it,</p></item></blockList><p>commits an offence.</p></content></section>
 </part>
</body>
<attachments><attachment eId="att_1"><doc name="schedule"><meta/><mainBody>
 <hcontainer name="crossheading"><heading>Fees</heading></hcontainer>
 <paragraph eId="att_1__para_1"><num>1.</num><content><p>An application fee is payable.</p></content></paragraph>
 <paragraph eId="att_1__para_2"><num>2.</num><content><p>A renewal fee is payable.</p></content></paragraph>
</mainBody></doc></attachment></attachments>
</act></akomaNtoso>"""


# --------------------------------------------------------------------------- plain text


@pytest.mark.parametrize(
    ("data", "warned"),
    [
        # UTF-8 without BOM.
        ("1. Définitions\n(1) Le « système » s’entend.\n".encode("utf-8"), False),
        # UTF-8 with BOM.
        (b"\xef\xbb\xbf" + "1. Définitions\n(1) Le « système » s’entend.\n".encode("utf-8"), False),
        # UTF-16 with BOM.
        ("1. Définitions\n(1) Le « système » s’entend.\n".encode("utf-16"), False),
        # Windows-1252: read with a warning.
        ("1. Définitions\n(1) Le « système » s’entend.\n".encode("cp1252"), True),
    ],
)
def test_text_encodings(data, warned):
    document = load(data, "law.txt")
    assert document.format == "txt"
    assert "« système » s’entend" in document.text
    assert bool(document.warnings) == warned


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # English stop words.
        ("A person who accesses any computer without authority shall be guilty of an offence under this Act.", "en"),
        # French.
        ("Le fait d'accéder frauduleusement à tout ou partie d'un système est puni de deux ans et de la peine.", "fr"),
        # Spanish.
        ("El que por cualquier medio acceda sin autorización a un sistema de información será castigado con la pena.", "es"),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text)[0] == language


# --------------------------------------------------------------------------- PDF


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_pages_headers_footers_hyphens(engine):
    # Running header and "- N -" footers are removed, "autho-/risation" re-joined, pages kept.
    data = make_pdf(
        [
            ["1. Short title", "This Act is the Test Act.", "2. Offences", "(1) A person who accesses a computer without autho-", "risation commits an offence."],
            ["3. Penalties", "(1) A person is liable to a fine.", "(2) The court may order for-"],
            ["feiture of the device.", "(3) Costs."],
            ["4. Regulations", "The Minister may make regulations."],
        ]
    )
    document = load(data, "gazette.pdf", pdf_engine=engine)
    assert document.format == "pdf" and len(document.page_starts) == 4
    assert "OFFICIAL GAZETTE" not in document.text and "- 2 -" not in document.text
    assert "without authorisation commits" in document.text.replace("\n", " ")
    assert "order forfeiture" in document.text  # hyphenated across a page break
    pages = {p.id: p.page for p in segment(document).provisions}
    assert pages == {"1": 1, "2": 1, "2.1": 1, "3": 2, "3.1": 2, "3.2": 2, "3.3": 3, "4": 4}


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_two_columns_read_column_by_column(engine):
    # Lines drawn across both columns: the left column is read before the right one.
    document = load(make_two_column_pdf(), "two-columns.pdf", pdf_engine=engine)
    law = segment(document)
    sections = [p.id for p in law.provisions if p.kind == "section"]
    assert sections == ["1", "2", "3", "4", "5", "6"]
    by_id = {p.id: p for p in law.provisions}
    assert "commits interception" in by_id["2"].text and "interference" not in by_id["2"].text
    assert by_id["3.3"].page == 1 and by_id["4"].page == 2
    assert "GAZETTE OF RURITANIA" not in document.text


def test_pdf_margin_notes_become_headings():
    # Marginal notes beside the section number are read as the sections' headings (pypdfium2).
    law = segment(load(make_margin_notes_pdf(), "gazette.pdf", pdf_engine="pypdfium2"))
    headings = {p.id: p.heading for p in law.provisions if p.kind == "section"}
    assert headings == {"1": "Short title", "2": "Unauthorised access to computer material", "3": "Unauthorised modification", "4": "Prosecution"}
    by_id = {p.id: p for p in law.provisions}
    assert "secure access" in by_id["2.1"].text and by_id["3"].page == 2


# --------------------------------------------------------------------------- DOCX, HTML, Akoma Ntoso


def test_docx_automatic_numbering():
    # Numbers drawn by Word's numbering (not in the text) are reconstructed per level.
    data = make_docx(
        [
            ("COMPUTER MISUSE ACT", None),
            ("Unauthorised access", 0),
            ("A person who accesses a computer commits an offence.", 1),
            ("A person who copies data commits an offence—", 1),
            ("by any means; or", 2),
            ("for gain.", 2),
            ("Penalties", 0),
            ("A fine.", 1),
        ]
    )
    document = load(data, "draft.docx")
    assert document.format == "docx" and not document.warnings
    assert "(b) A person who copies data" in document.text
    law = segment(document)
    assert [p.id for p in law.provisions] == ["preamble", "1", "1.a", "1.b", "1.b.i", "1.b.ii", "2", "2.a"]
    assert law.provisions[1].heading == "Unauthorised access"


def test_docx_section_word_numbering():
    # Word numbering that draws "Section 1" and "(1)": read as section headings and subsections.
    data = make_docx([("Unauthorised access", 0), ("A person who accesses.", 1), ("Interception", 0), ("A person who intercepts.", 1)], levels=[("decimal", "Section %1"), ("decimal", "(%2)")])
    law = segment(load(data, "draft.docx"))
    assert [(p.id, p.heading) for p in law.provisions] == [("1", "Unauthorised access"), ("1.1", ""), ("2", "Interception"), ("2.1", "")]


def test_docx_unresolved_numbering_warns():
    # A numbering definition that does not exist: text kept, a clear warning.
    document = load(make_docx([("Unauthorised access", 0), ("A person.", 1)], num_id="77"), "draft.docx")
    assert "Unauthorised access" in document.text
    assert any("could not be resolved" in warning for warning in document.warnings)


def test_html_blocks_and_dropped_chrome():
    html = b"""<html><head><title>t</title><style>p{}</style><script>var x = "1. Fake";</script></head>
    <body><nav>Home | Laws</nav><h2>3. Illegal access</h2><p>(1) A person who accesses <b>a computer</b> commits an offence.</p>
    <p>(2) The penalty is a fine.</p><footer>Copyright</footer></body></html>"""
    document = load(html, "law.html")
    assert document.format == "html"
    assert "Fake" not in document.text and "Home" not in document.text and "Copyright" not in document.text
    assert [p.id for p in segment(document).provisions] == ["3", "3.1", "3.2"]


@pytest.mark.parametrize(
    ("head", "body_encoding"),
    [
        ("", "utf-8"),  # no charset declared: UTF-8 bytes are read as UTF-8, not guessed as Latin-1
        ('<meta charset="windows-1252">', "windows-1252"),  # a declared charset is honoured
    ],
)
def test_html_encoding(head, body_encoding):
    page = f"<html><head>{head}</head><body><p>§ 1030. “Protected computer” — défini</p></body></html>"
    document = load(page.encode(body_encoding), "law.html")
    assert "§ 1030. “Protected computer” — défini" in document.text


def test_html_ordered_lists_are_numbered():
    # Browsers draw <ol> numbers; they are put back into the text as the law prints them.
    html = b"""<html><body><h3>5. Offences</h3><p>A person who</p><ol type="a"><li>accesses; or</li><li>copies,</li></ol>
    <p>commits an offence.</p><h3>6. Penalties</h3><ol start="1"><li>A fine.</li><li>Prison.</li></ol></body></html>"""
    law = segment(load(html, "law.html"))
    assert [p.id for p in law.provisions] == ["5", "5.a", "5.b", "6", "6.1", "6.2"]


def test_text_form_feeds_are_pages():
    # Text exported from a PDF viewer: form feeds start new pages.
    document = load(b"1. Short title\nText.\n\x0c2. Offences\nText.\n", "law.txt")
    assert [(p.id, p.page) for p in segment(document).provisions] == [("1", 1), ("2", 2)]


def test_pdf_content_wins_over_extension():
    # A PDF saved with a .txt name is still read as a PDF.
    assert load(make_pdf([["1. Short title", "Text."]]), "law.txt").format == "pdf"


def test_akoma_ntoso_structure():
    # num and heading are taken from the XML elements.
    document = load(AKN, "act.xml")
    assert document.format == "akn"
    law = segment(document)
    by_id = {p.id: p for p in law.provisions}
    assert list(by_id) == ["preamble", "part:ii", "4", "4.1", "4.1.a", "4.1.b", "4.2", "4a", "5", "5.a", "5.b", "schedule:1", "sch1.1", "sch1.2"]
    assert by_id["4"].heading == "Illegal access" and by_id["part:ii"].heading == "Offences"
    assert "commits an offence" in by_id["4.1"].text


# --------------------------------------------------------------------------- unusable input


def _truncated_docx() -> bytes:
    data = make_docx([("Text", None)])
    return data[: len(data) // 2]


def _docx_without_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word file")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "max_mb", "message"),
    [
        # Encrypted PDF.
        ("locked.pdf", lambda: make_pdf([["1. Text"]], encrypt="secret"), None, "encrypted PDF"),
        # Scanned PDF: no text layer at all.
        ("scan.pdf", make_image_pdf, None, "scanned PDF with no text layer: run OCR first, e.g. ocrmypdf"),
        # Truncated PDF.
        ("cut.pdf", lambda: make_pdf([["1. Text"]])[:300], None, "corrupt or truncated PDF"),
        # Truncated DOCX.
        ("cut.docx", _truncated_docx, None, "corrupt or truncated DOCX"),
        # A ZIP that is not a Word document.
        ("fake.docx", _docx_without_document, None, "corrupt or truncated DOCX"),
        # Empty file.
        ("empty.txt", lambda: b"", None, "the file is empty"),
        # Whitespace only.
        ("blank.txt", lambda: b"  \n\n ", None, "the file is empty"),
        # Old Word format: save as .docx.
        ("old.doc", lambda: b"\xd0\xcf\x11\xe0 old word", None, "unknown format 'doc': save it as .docx or PDF"),
        # Unsupported format.
        ("table.xlsx", lambda: b"PK\x03\x04 spreadsheet", None, "unknown format 'xlsx': use pdf, docx, html, txt, xml"),
        # Over the size limit (a tiny limit for the test).
        ("big.txt", lambda: b"1. Text\n" * 2000, 0.001, "over the 0.001 MB limit: split it or raise LEXALIGN_MAX_FILE_MB / --max-size"),
        # Malformed Akoma Ntoso XML.
        ("broken.xml", lambda: b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><act>", None, "malformed XML"),
    ],
)
def test_unusable_input_one_line_naming_the_file(tmp_path, name, make, max_mb, message, engine="pypdfium2"):
    path = tmp_path / name
    path.write_bytes(make())
    for pdf_engine in ENGINES if name.endswith(".pdf") else [None]:
        with pytest.raises(UnusableInput) as caught:
            load(path, max_mb=max_mb, pdf_engine=pdf_engine)
        text = str(caught.value)
        assert text.startswith(f"{name}: ") and message in text and "\n" not in text


def test_cli_segment_bad_input_exit_2(tmp_path):
    # The CLI prints one line on stderr and exits with code 2, no traceback.
    from typer.testing import CliRunner

    from lexalign.cli import app

    path = tmp_path / "scan.pdf"
    path.write_bytes(make_image_pdf())
    result = CliRunner().invoke(app, ["segment", str(path)])
    assert result.exit_code == 2
    assert "scan.pdf: scanned PDF with no text layer" in result.output and "Traceback" not in result.output


@hsettings(max_examples=100, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["law.txt", "law.pdf", "law.docx", "law.html", "law.xml", "law"]))
def test_random_bytes_load_or_fail_with_one_line(data, name):
    # Any bytes under any supported name: a Document, or UnusableInput naming the file.
    try:
        document = load(data, name)
    except UnusableInput as error:
        assert str(error).startswith(f"{name}: ") and "\n" not in str(error)
    else:
        segment(document)


def test_unreadable_file_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "law.txt"
    path.write_text("1. Text")

    def refuse(self):  # what a file without read permission (or removed mid-run) does
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(UnusableInput) as error:
        load(path)
    assert str(error.value) == "law.txt: cannot be read (Permission denied): check the file's permissions and that it still exists"


def test_broken_utf16_warns_instead_of_crashing():
    document = load(b"\xff\xfe1\x00.\x00 \x00A\x00c\x00t\x00A", "law.txt")
    assert document.text.startswith("1. Act")
    assert any("broken UTF-16" in warning for warning in document.warnings)


def test_a_language_without_data_is_warned_about():
    german = "Wer unbefugt sich Zugang zu Daten verschafft, die gegen unberechtigten Zugang besonders gesichert sind, wird bestraft."
    document = load(german.encode(), "gesetz.txt")
    assert any(w.startswith("gesetz.txt: few en function words") for w in document.warnings)
    assert not load(b"1. A person who accesses a computer without authority commits an offence.", "law.txt").warnings
