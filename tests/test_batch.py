"""Batch runs: reports per law, corpus tables, failures recorded, resume, safe output names."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from factories import fake_convention, make_report
from lexalign.batch import discover, output_names, run_batch
from lexalign.errors import UnusableInput
from lexalign.models import Convention, Report

CALLS_ENV = "BATCH_TEST_CALLS"  # file the fake check appends one line to per call, across processes


def fake_check(path: Path, *, convention: Convention) -> Report:
    """Stands in for pipeline.check: statuses come from 'N=status' tokens in the file."""
    with open(os.environ[CALLS_ENV], "a", encoding="utf-8") as calls:
        calls.write(f"{path.name}\n")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnusableInput(path.name, "not a readable law", "export it again as PDF with a text layer") from None
    statuses = {int(n): s for n, s in re.findall(r"(\d+)=(covered|partial|absent)", text)}
    report = make_report(statuses, source=path.name, text=text)
    document = report.document.model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
    return report.model_copy(update={"document": document, "model_version": convention.model_version})


@pytest.fixture
def calls(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "calls.log"
    path.touch()
    monkeypatch.setenv(CALLS_ENV, str(path))
    return path


def call_count(calls: Path) -> int:
    return len(calls.read_text().splitlines())


def make_corpus(root: Path) -> Path:
    """Two laws of country XA, one of XB, one without a manifest entry, one corrupt PDF."""
    corpus = root / "corpus"
    (corpus / "xa").mkdir(parents=True)
    (corpus / "xa" / "penal_code.txt").write_text("7=covered 8=partial 25=absent")
    (corpus / "xa" / "procedure_code.txt").write_text("7=partial 8=covered 25=covered")
    (corpus / "xb_act.txt").write_text("7=partial")
    (corpus / "loose law.txt").write_text("9=covered")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n\xff\xfe\x00garbage")
    (corpus / "xa" / "penal_code.gold.json").write_text("{}")  # not a law: skipped
    manifest = {"laws": [{"file": "xa/penal_code.txt", "country": "XA"}, {"file": "xa/procedure_code.txt", "country": "XA"}, {"file": "xb_act.txt", "country": "XB", "status": "draft"}]}
    (corpus / "manifest.json").write_text(json.dumps(manifest))
    return corpus


def batch(corpus: Path, out: Path, **options):
    return run_batch(corpus, out, jobs=options.pop("jobs", 2), check=fake_check, convention=options.pop("convention", fake_convention()), progress=False, **options)


def read_csv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_corrupt_file_is_recorded_and_the_run_goes_on(tmp_path, calls):
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    result = batch(corpus, out)
    assert result.count("failed") == 1 and result.count("analysed") == 4
    assert [row["file"] for row in read_csv(out / "errors.csv")] == ["broken.pdf"]
    assert read_csv(out / "errors.csv")[0]["reason"] == "not a readable law: export it again as PDF with a text layer"
    for name in ("xa__penal_code", "xa__procedure_code", "xb_act", "loose_law"):
        assert (out / "reports" / f"{name}.json").is_file() and (out / "reports" / f"{name}.html").is_file()
    assert not list((out / "reports").glob("broken*"))


def test_corpus_tables(tmp_path, calls):
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    batch(corpus, out)
    matrix = read_csv(out / "matrix.csv")
    assert [row["law"] for row in matrix] == ["loose law.txt", "xa/penal_code.txt", "xa/procedure_code.txt", "xb_act.txt"]
    assert matrix[1]["7"] == "covered" and matrix[1]["country"] == "XA" and matrix[0]["country"] == ""
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"]["7"] == {"covered": 1, "partial": 2, "absent": 1}
    assert summary["laws"] == 4 and summary["failed"] == 1
    heatmap = (out / "matrix.html").read_text()
    assert heatmap.count("<tr>") == 5  # header + one row per law
    assert '<td title="Art. 7: 1 covered, 2 partial, 1 absent">3</td>' in heatmap  # the totals row


@pytest.mark.parametrize(
    "country, article, status, supplied_by",
    [
        ("XA", "7", "covered", "xa/penal_code.txt"),  # penal code covers, procedure code only partly
        ("XA", "8", "covered", "xa/procedure_code.txt"),  # the other way round
        ("XA", "25", "covered", "xa/procedure_code.txt"),  # absent in one, covered in the other
        ("XA", "9", "absent", ""),  # nobody covers it: no supplier
        ("XB", "7", "partial", "xb_act.txt"),  # a single law
    ],
)
def test_countries_roll_up_to_the_strongest_status(tmp_path, calls, country, article, status, supplied_by):
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    batch(corpus, out)
    rows = {(r["country"], r["article"]): r for r in read_csv(out / "countries.csv")}
    assert {r["country"] for r in rows.values()} == {"XA", "XB"}  # the law without a manifest entry has no country
    row = rows[(country, article)]
    assert (row["status"], row["supplied_by"]) == (status, supplied_by)


def test_resume_reanalyses_nothing_then_only_what_changed(tmp_path, calls):
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    batch(corpus, out)
    first = call_count(calls)
    assert first == 5
    second = batch(corpus, out)
    assert call_count(calls) == first + 1  # only the failed file is tried again
    assert second.count("skipped") == 4 and second.count("failed") == 1
    assert len(read_csv(out / "matrix.csv")) == 4  # tables still cover skipped laws
    (corpus / "xb_act.txt").write_text("7=covered")
    third = batch(corpus, out)
    assert [i.file for i in third.items if i.outcome == "analysed"] == ["xb_act.txt"]
    assert read_csv(out / "matrix.csv")[3]["7"] == "covered"


@pytest.mark.parametrize(
    "change, reanalysed",
    [
        ({"force": True}, 5),  # --force redoes every law
        ({"convention": fake_convention().model_copy(update={"model_version": "other"})}, 5),  # new Convention model
        ({}, 1),  # nothing changed: only the failing file
    ],
)
def test_resume_invalidation(tmp_path, calls, change, reanalysed):
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    batch(corpus, out)
    before = call_count(calls)
    batch(corpus, out, **change)
    assert call_count(calls) - before == reanalysed


def test_file_that_breaks_loses_its_old_report(tmp_path, calls):
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    batch(corpus, out)
    (corpus / "xb_act.txt").write_bytes(b"\xff\xfe broken now")
    result = batch(corpus, out)
    assert [i.file for i in result.items if i.outcome == "failed"] == ["broken.pdf", "xb_act.txt"]
    assert not (out / "reports" / "xb_act.json").exists() and not (out / "reports" / "xb_act.html").exists()
    assert [row["law"] for row in read_csv(out / "matrix.csv")] == ["loose law.txt", "xa/penal_code.txt", "xa/procedure_code.txt"]


def test_half_written_report_is_redone(tmp_path, calls):
    corpus, out = make_corpus(tmp_path), tmp_path / "out"
    batch(corpus, out)
    (out / "reports" / "xb_act.json").write_text('{"schema": "lexalign.rep')  # interrupted write
    result = batch(corpus, out)
    assert [i.file for i in result.items if i.outcome == "analysed"] == ["xb_act.txt"]


@pytest.mark.parametrize(
    "paths, expect",
    [
        (["a/b.txt"], {"a/b.txt": "a__b"}),  # folders become a double underscore
        (["../../etc/passwd.txt"], {"../../etc/passwd.txt": "etc__passwd"}),  # no parent-folder escape
        (["/abs/law.txt"], {"/abs/law.txt": "abs__law"}),  # no absolute path
        ([".hidden.txt"], {".hidden.txt": "hidden"}),  # no leading dot
        (["Loi n° 2021-417 (été).txt"], {"Loi n° 2021-417 (été).txt": "Loi_n_2021-417_t"}),  # odd characters
        (["....txt"], {"....txt": "law"}),  # nothing left: a default name
    ],
)
def test_output_names_are_safe(paths, expect):
    assert output_names(paths) == expect


@pytest.mark.parametrize(
    "paths",
    [
        ["a b.txt", "a_b.txt"],  # different characters, same slug
        ["law.txt", "law.pdf"],  # same stem, different format
        ["Law.txt", "law.txt"],  # differ only in case (case-insensitive file systems)
        ["x/y.txt", "x__y.txt"],  # folder separator against a literal double underscore
    ],
)
def test_colliding_names_are_disambiguated(paths):
    names = output_names(paths)
    assert len({n.lower() for n in names.values()}) == len(paths)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+-[0-9a-f]{8}", n) for n in names.values())
    assert output_names(reversed(paths)) == names  # stable whatever the order


def test_long_names_are_cut_and_hashed():
    name = output_names(["x" * 300 + ".txt"])["x" * 300 + ".txt"]
    assert len(name) == 89 and re.fullmatch(r"x{80}-[0-9a-f]{8}", name)


def test_colliding_files_get_separate_reports(tmp_path, calls):
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    for name in ("a b.txt", "a_b.txt", "Law.txt", "law.txt"):
        (corpus / name).write_text("7=covered")
    result = batch(corpus, out)
    assert result.count("analysed") == 4
    assert len(list((out / "reports").glob("*.json"))) == 4


def test_output_folder_inside_corpus_is_not_reread(tmp_path, calls):
    corpus = make_corpus(tmp_path)
    batch(corpus, corpus / "out")
    assert all(not i.file.startswith("out/") for i in batch(corpus, corpus / "out").items)


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda root: root / "missing", "not a folder"),  # no such folder
        (lambda root: (root / "empty").mkdir() or root / "empty", "no law files found"),  # nothing to analyse
    ],
)
def test_unusable_corpus(tmp_path, calls, setup, message):
    with pytest.raises(UnusableInput, match=message):
        batch(setup(tmp_path), tmp_path / "out")


def test_discover_skips_gold_manifests_and_hidden(tmp_path):
    corpus = make_corpus(tmp_path)
    (corpus / ".git").mkdir()
    (corpus / ".git" / "x.txt").write_text("hidden")
    found = [p.relative_to(corpus).as_posix() for p in discover(corpus)]
    assert found == ["broken.pdf", "loose law.txt", "xa/penal_code.txt", "xa/procedure_code.txt", "xb_act.txt"]


def test_cli_batch_over_the_sample_corpora_with_the_real_pipeline(tmp_path):
    """The `lexalign batch` command end to end: sample laws plus a corrupt PDF, then a resumed run."""
    from typer.testing import CliRunner

    from lexalign.cli import app
    from lexalign.settings import REPO_ROOT

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    laws = sorted((REPO_ROOT / "corpora").glob("*.txt"))
    for law in laws:
        (corpus / law.name).write_bytes(law.read_bytes())
    (corpus / "manifest.json").write_bytes((REPO_ROOT / "corpora" / "manifest.json").read_bytes())
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    runner = CliRunner()
    first = runner.invoke(app, ["batch", str(corpus), "--output", str(out), "--jobs", "2"])
    assert first.exit_code == 1, first.output
    assert f"{len(laws) + 1} laws: {len(laws)} analysed, 0 up to date, 1 failed" in first.output
    assert [row["file"] for row in read_csv(out / "errors.csv")] == ["scan.pdf"]
    for law in laws:
        report = Report.model_validate_json((out / "reports" / f"{law.stem}.json").read_text())
        assert report.document.source == law.name
        assert "<!DOCTYPE html>" in (out / "reports" / f"{law.stem}.html").read_text()
    assert {row["country"] for row in read_csv(out / "countries.csv")} == {"XR", "XL", "XA", "XC"}
    second = runner.invoke(app, ["batch", str(corpus), "--output", str(out), "--jobs", "2"])
    assert f"0 analysed, {len(laws)} up to date, 1 failed" in second.output


def test_a_pdf_is_read_again_when_the_pdf_engine_changes(tmp_path, monkeypatch):
    """A report records the engine that read its PDF: switching LEXALIGN_PDF_ENGINE re-reads the PDF
    instead of resuming from text another engine extracted."""
    from test_ingest import make_pdf

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "act.pdf").write_bytes(make_pdf([["1. Unauthorised access", "A person who intentionally accesses a computer system without authority commits an offence."]]))

    def outcomes() -> list[str]:
        return [item.outcome for item in run_batch(corpus, out, jobs=1, progress=False).items]

    monkeypatch.setenv("LEXALIGN_PDF_ENGINE", "pypdfium2")
    assert outcomes() == ["analysed"]
    assert outcomes() == ["skipped"]
    monkeypatch.setenv("LEXALIGN_PDF_ENGINE", "pdfplumber")
    assert outcomes() == ["analysed"]
    assert json.loads((out / "reports" / "act.json").read_text())["document"]["pdf_engine"] == "pdfplumber"
    assert outcomes() == ["skipped"]
    # the command's flag wins over the environment, for the reading and for resume alike
    from typer.testing import CliRunner

    from lexalign.cli import app

    result = CliRunner().invoke(app, ["batch", str(corpus), "--output", str(out), "--jobs", "1", "--pdf-engine", "pypdfium2"])
    assert "1 analysed" in result.output, result.output
    assert json.loads((out / "reports" / "act.json").read_text())["document"]["pdf_engine"] == "pypdfium2"
