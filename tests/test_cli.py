"""Every way a command can go wrong for a user ends in one line on stderr and exit code 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lexalign.cli import app

SAMPLE = str(Path(__file__).resolve().parent.parent / "corpora" / "ruritania_cma2023.txt")


def run(args: list[str], env: dict[str, str] | None = None):
    return CliRunner().invoke(app, args, env=env)


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        # A setting that is not a number names the variable and the fix.
        (["check", SAMPLE], {"LEXALIGN_MAX_FILE_MB": "lots"}, "LEXALIGN_MAX_FILE_MB='lots' is not a number"),
        (["check", SAMPLE], {"LEXALIGN_PDF_ENGINE": "ocr"}, "LEXALIGN_PDF_ENGINE='ocr' is not a PDF engine"),
        (["batch", SAMPLE, "--output", "/tmp/x"], {"LEXALIGN_JOBS": "-2"}, "LEXALIGN_JOBS='-2' must be above zero"),
        # An output that cannot be written.
        (["check", SAMPLE, "--format", "md", "--output", "/proc/lexalign/report.md"], None, "cannot write the report"),
        # Unknown formats.
        (["check", SAMPLE, "--format", "xlsx"], None, "unknown report format 'xlsx'"),
        (["eval", str(Path(SAMPLE).parent), "--laws", str(Path(SAMPLE).parent), "--format", "xml"], None, "unknown eval format 'xml'"),
        # A missing law.
        (["check", "/nowhere/law.txt"], None, "law.txt: file not found"),
        # The PDF engine is a flag of every command that reads laws, checked the same way.
        (["check", SAMPLE, "--pdf-engine", "ocr"], None, "unknown PDF engine 'ocr'"),
        (["batch", SAMPLE, "--output", "/tmp/x", "--pdf-engine", "ocr"], None, "unknown PDF engine 'ocr'"),
        (["eval", str(Path(SAMPLE).parent), "--laws", str(Path(SAMPLE).parent), "--pdf-engine", "ocr"], None, "unknown PDF engine 'ocr'"),
    ],
)
def test_user_errors_are_one_line(args: list[str], env: dict[str, str] | None, message: str) -> None:
    result = run(args, env)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_eval_with_a_broken_convention_stops_at_once(tmp_path: Path) -> None:
    from lexalign import settings

    convention = tmp_path / "convention"
    shutil.copytree(settings.convention_dir(), convention)
    terms = convention / "terms" / "en.yaml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("  a24.authorisation: {vocab: [court_authorisation]}", "  a24.authorisation: {vocab: [a court]}", 1), encoding="utf-8")
    corpora = str(Path(SAMPLE).parent)
    result = run(["eval", corpora, "--laws", corpora], {"LEXALIGN_CONVENTION_DIR": str(convention)})
    assert result.exit_code == 2, result.output
    assert "'a court' is not under `vocabulary:`" in result.output and "POOLED" not in result.output


def test_eval_on_a_folder_without_gold_files(tmp_path: Path) -> None:
    result = run(["eval", str(tmp_path), "--laws", str(tmp_path)])
    assert result.exit_code == 2 and "no *.gold.json files" in result.output
