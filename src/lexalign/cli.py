"""Command line: a thin layer over the library. Each command calls pipeline, report or store functions."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator, NoReturn

import typer

from lexalign.errors import UnusableInput

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Check national legislation against the UN Convention against Cybercrime.")


def fail(message: str) -> NoReturn:
    """Stop the command with one line on stderr and exit code 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn unusable input (or a broken Convention data file) into one line on stderr and exit
    code 2, never a traceback."""
    from lexalign.convention import ConventionDataError
    from lexalign.settings import SettingError

    try:
        yield
    except (UnusableInput, ConventionDataError, SettingError) as error:
        fail(str(error))


def check_settings() -> None:
    """Read the LEXALIGN_* settings and the Convention model once up front, so a bad value or a
    broken data file stops the command with one line instead of failing every file of a run (an
    `eval` once printed a table of zeros for a typo in a term list)."""
    from lexalign import settings
    from lexalign.convention import load_convention

    settings.max_file_mb()
    settings.pdf_engine()
    settings.jobs()
    load_convention()


def emit(text: str | bytes, output: str | None) -> None:
    """Write to a file when --output is given, else to stdout."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            typer.echo(text)
        return
    from pathlib import Path

    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write the report ({error.strerror or error}): choose another --output")


PDF_ENGINE_HELP = "pypdfium2 (fast) or pdfplumber (splits two-column pages) [env LEXALIGN_PDF_ENGINE; default pypdfium2]."


def check_pdf_engine(value: str | None) -> None:
    from lexalign.settings import PDF_ENGINES

    if value is not None and value not in PDF_ENGINES:
        fail(f"unknown PDF engine '{value}': use {' or '.join(PDF_ENGINES)}")


@app.command()
def check(
    law: str = typer.Argument(..., help="Law file: pdf, docx, html, txt or Akoma Ntoso xml."),
    format: str = typer.Option("md", "--format", "-f", help="md (default, printed), html, csv, docx or json."),
    output: str | None = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    max_size: float | None = typer.Option(None, "--max-size", help="Largest input file in MB [env LEXALIGN_MAX_FILE_MB; default 50]."),
    pdf_engine: str | None = typer.Option(None, "--pdf-engine", help=PDF_ENGINE_HELP),
) -> None:
    """Check one law against the Convention and print or write its gap report."""
    from lexalign.pipeline import check as run_check
    from lexalign.render import FORMATS, render

    if format not in FORMATS:
        fail(f"unknown report format '{format}': use {', '.join(FORMATS)}")
    if format == "docx" and output is None:
        fail("a docx report needs --output FILE")
    check_pdf_engine(pdf_engine)
    with user_errors():
        check_settings()
        report = run_check(law, max_mb=max_size, pdf_engine=pdf_engine)
    emit(render(report, format), output)


@app.command("eval")
def evaluate_command(
    gold_dir: str = typer.Argument(..., help="Folder of <law>.gold.json expert assessments."),
    laws: str = typer.Option(..., "--laws", help="Folder holding the law files the gold files name."),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
    max_size: float | None = typer.Option(None, "--max-size", help="Largest input file in MB [env LEXALIGN_MAX_FILE_MB; default 50]."),
    per_article: bool = typer.Option(False, "--by-article", help="Add a table with one row per Convention article."),
    pdf_engine: str | None = typer.Option(None, "--pdf-engine", help=PDF_ENGINE_HELP),
) -> None:
    """Score the checker against expert assessments (FORMAT.md section 4 metrics)."""
    from pathlib import Path

    from lexalign.evaluate import evaluate, format_table
    from lexalign.pipeline import check as run_check

    if format not in ("table", "json"):
        fail(f"unknown eval format '{format}': use table or json")
    if not Path(gold_dir).is_dir() or not Path(laws).is_dir():
        fail(f"{gold_dir if not Path(gold_dir).is_dir() else laws}: no such folder: give the folder of .gold.json files and --laws the folder of the laws they name")
    if not any(Path(gold_dir).glob("*.gold.json")):
        fail(f"{gold_dir}: no *.gold.json files: give the folder that holds the expert assessments")
    check_pdf_engine(pdf_engine)
    with user_errors():
        check_settings()
        result = evaluate(Path(gold_dir), Path(laws), lambda path: run_check(path, max_mb=max_size, pdf_engine=pdf_engine))
    if format == "json":
        typer.echo(result.model_dump_json(indent=2))
    else:
        typer.echo(format_table(result, per_article=per_article))
    if result.errors:
        raise typer.Exit(1)


@app.command()
def batch(
    corpus_dir: str = typer.Argument(..., help="Folder of laws (searched recursively); manifest.json files there give countries."),
    output: str = typer.Option(..., "--output", "-o", help="Folder for reports/, matrix.csv, matrix.html, summary.json, countries.csv, errors.csv."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes [env LEXALIGN_JOBS; default: CPUs, at most 4]."),
    force: bool = typer.Option(False, "--force", help="Analyse every law again, even when its report is up to date."),
    max_size: float | None = typer.Option(None, "--max-size", help="Largest input file in MB [env LEXALIGN_MAX_FILE_MB; default 50]."),
    pdf_engine: str | None = typer.Option(None, "--pdf-engine", help=PDF_ENGINE_HELP),
) -> None:
    """Check every law under a folder in parallel; write one report per law and corpus-wide tables.

    Exit code 1 when any file failed (listed in errors.csv); the others are still reported."""
    from functools import partial

    from lexalign import settings
    from lexalign.batch import run_batch
    from lexalign.pipeline import check as run_check

    check_pdf_engine(pdf_engine)
    with user_errors():
        check_settings()
        engine = pdf_engine or settings.pdf_engine()
        check_law = partial(run_check, max_mb=max_size, pdf_engine=engine)
        result = run_batch(corpus_dir, output, jobs=jobs or settings.jobs(), force=force, check=check_law, pdf_engine=engine)
    typer.echo(
        f"{len(result.items)} laws: {result.count('analysed')} analysed, {result.count('skipped')} up to date, "
        f"{result.count('failed')} failed, in {result.seconds:.1f} s"
    )
    typer.echo(f"reports in {output}/reports/; corpus tables: {output}/matrix.html, matrix.csv, summary.json, countries.csv, errors.csv")
    for item in result.items:
        if item.outcome == "failed":
            typer.echo(f"failed: {item.file}: {item.error}", err=True)
    if result.count("failed"):
        raise typer.Exit(1)


@app.command()
def convention(
    article: int | None = typer.Argument(None, help="Show one article in full (1-68); all articles when omitted."),
    format: str = typer.Option("table", "--format", "-f", help="table (default) or json."),
    convention_dir: str | None = typer.Option(None, "--convention-dir", help="Folder of the Convention model [env LEXALIGN_CONVENTION_DIR; default convention/]."),
) -> None:
    """Show the Convention model: every article (number, chapter, title, assessed, elements) or one article in full."""
    import json
    from pathlib import Path

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from lexalign.convention import ConventionDataError, article_record, load_convention

    if format not in ("table", "json"):
        fail(f"unknown format '{format}': use table or json")
    try:
        model = load_convention(Path(convention_dir) if convention_dir else None)
    except ConventionDataError as error:
        fail(str(error))
    numbers = [item.number for item in model.articles]
    if article is not None and article not in numbers:
        fail(f"no article {article} in the Convention: use a number from 1 to {max(numbers)}")
    if format == "json":
        records = [article_record(model, number) for number in ([article] if article is not None else numbers)]
        typer.echo(json.dumps(records[0] if article is not None else records, indent=2, ensure_ascii=False))
        return
    console = Console(width=120)
    if article is None:
        table = Table(title=f"UN Convention against Cybercrime (model {model.model_version})")
        for column in ("art.", "chapter", "title", "assessed", "elements"):
            table.add_column(column, justify="right" if column in ("art.", "elements") else "left")
        romans = {chapter.number: chapter.roman for chapter in model.chapters}
        for item in model.articles:
            table.add_row(str(item.number), romans[item.chapter], escape(item.title), "yes" if item.assessed else "no", str(len(item.elements)))
        console.print(table)
        return
    record = article_record(model, article)
    item = model.article(article)
    console.print(f"[bold]Article {item.number}. {escape(item.title)}[/bold]")
    console.print(escape(f"Chapter {item.chapter}: {record['chapter_title']} | assessed: {'yes' if item.assessed else 'no'} | Budapest: {item.budapest or '-'}"))
    console.print(escape(f"Summary: {item.summary}"))
    if item.unsure:
        console.print(escape(f"Unsure: {item.unsure}"))
    paragraphs = Table(title="Paragraphs")
    for column in ("para.", "modality", "requires", "paraphrase"):
        paragraphs.add_column(column)
    for paragraph in item.paragraphs:
        text = paragraph.paraphrase + (f" [unsure: {paragraph.unsure}]" if paragraph.unsure else "")
        paragraphs.add_row(paragraph.number, paragraph.modality.value, paragraph.requires, escape(text))
    console.print(paragraphs)
    if item.elements:
        elements = Table(title="Elements")
        for column in ("id", "label", "kind", "core", "mandatory", "narrowing"):
            elements.add_column(column)
        for element in item.elements:
            elements.add_row(element.id, escape(element.label), element.kind, "yes" if element.core else "", "yes" if element.mandatory else "no", ", ".join(element.narrowing))
        console.print(elements)


@app.command("segment")
def segment_command(
    law: str = typer.Argument(..., help="Law file: pdf, docx, html, txt or Akoma Ntoso xml."),
    format: str = typer.Option("tree", "--format", "-f", help="tree (default) or json."),
    max_size: float | None = typer.Option(None, "--max-size", help="Largest input file in MB [env LEXALIGN_MAX_FILE_MB; default 50]."),
    pdf_engine: str | None = typer.Option(None, "--pdf-engine", help=PDF_ENGINE_HELP),
) -> None:
    """Split a law into its provision tree (ids as lawyers cite them) and print it."""
    import json
    from pathlib import Path

    from lexalign.ingest import load
    from lexalign.segment import as_json, as_tree, segment

    if format not in ("tree", "json"):
        fail(f"unknown format '{format}': use tree or json")
    check_pdf_engine(pdf_engine)
    with user_errors():
        result = segment(load(Path(law), max_mb=max_size, pdf_engine=pdf_engine))
    if format == "json":
        emit(json.dumps(as_json(result), ensure_ascii=False, indent=2), None)
        return
    emit("\n".join(as_tree(result)), None)
    for warning in [*result.document.warnings, *result.warnings]:
        typer.echo(f"warning: {warning}", err=True)
