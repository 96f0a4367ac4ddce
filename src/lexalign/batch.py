"""Batch runs: every law under a corpus folder, in parallel processes, with corpus-wide tables.

Layout of the output folder:

* `reports/<name>.json` and `reports/<name>.html`: one report per law (the JSON is written
  last, so its presence means the law is done; it is also what resume compares against);
* `matrix.csv`, `matrix.html`: law x article status; `summary.json`: counts per article;
* `countries.csv`: per country named in the manifests, the strongest status of each article
  across that country's laws and the law that supplies it;
* `errors.csv`: one row per file that could not be analysed, with its one-line reason.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from html import escape
from pathlib import Path
from typing import Callable, Iterable

from pydantic import ValidationError

from lexalign import __version__, settings
from lexalign.errors import UnusableInput
from lexalign.models import BatchItem, BatchResult, Convention, ManifestEntry, Report
from lexalign.render import render, report_json
from lexalign.render.common import STATUS_COLOURS, STATUS_LABELS, STATUS_RANK

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".xml")
MANIFEST_NAME = "manifest.json"
REPORTS_DIR = "reports"
_MAX_NAME = 80  # output stems stay well under file-system name limits

# A check function: path -> Report, given the Convention loaded once per worker.
CheckFunction = Callable[..., Report]


def discover(corpus_dir: Path, exclude: Path | None = None) -> list[Path]:
    """Supported law files under `corpus_dir` (recursively), sorted; hidden files and anything
    under `exclude` (the output folder, when it sits inside the corpus) are left out."""
    exclude = exclude.resolve() if exclude else None
    found = []
    for path in corpus_dir.rglob("*"):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue  # gold files, manifests and anything else that is not a law
        if exclude and path.resolve().is_relative_to(exclude):
            continue
        found.append(path)
    return sorted(found)


def _slug(relative: str) -> str:
    stem = relative.rsplit(".", 1)[0] if "." in relative.rsplit("/", 1)[-1] else relative
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", stem.replace("/", "__")).strip("_-")
    return slug or "law"


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def output_names(relatives: Iterable[str]) -> dict[str, str]:
    """Output stem per relative input path: safe characters only (no separators, no leading
    dot, so no escape from the reports folder), unique even on case-insensitive file systems.

    Colliding or over-long names get a short hash of the full relative path, so a file keeps
    the same name from one run to the next whatever else the corpus holds (resume needs that)."""
    relatives = list(relatives)
    slugs = {rel: _slug(rel) for rel in relatives}
    taken = Counter(slug.lower() for slug in slugs.values())
    names = {}
    for rel, slug in slugs.items():
        if taken[slug.lower()] > 1 or len(slug) > _MAX_NAME:
            slug = f"{slug[:_MAX_NAME]}-{_short_hash(rel)}"
        names[rel] = slug
    return names


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifests(corpus_dir: Path) -> dict[str, ManifestEntry]:
    """Manifest entries keyed by the law's path relative to the corpus folder.

    `manifest.json` holds `{"laws": [entry, ...]}` for its folder; `<stem>.manifest.json`
    holds one entry. A malformed manifest is unusable input: it names the file and the fix."""
    entries: dict[str, ManifestEntry] = {}
    for path in sorted(corpus_dir.rglob("*manifest.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            raw = data["laws"] if isinstance(data, dict) and "laws" in data else [data]
            for item in raw:
                entry = ManifestEntry.model_validate(item)
                relative = (path.parent / entry.file).relative_to(corpus_dir).as_posix()
                entries[relative] = entry
        except (OSError, ValueError, TypeError, KeyError, ValidationError) as error:
            problem = " ".join(str(error).split())[:200]
            raise UnusableInput(str(path), f"unreadable manifest ({problem})", 'write {"laws": [{"file": ..., "country": "XX", ...}]} as in corpora/manifest.json') from None
    return entries


def _up_to_date(json_path: Path, sha256: str, model_version: str, pdf_engine: str | None) -> dict[str, str] | None:
    """Statuses of an existing report when it was made from the same file by the same
    LexAlign, Convention model and (for a PDF) PDF engine, else None."""
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
        fresh = (
            data["document"]["sha256"] == sha256
            and data["lexalign_version"] == __version__
            and data["model_version"] == model_version
            and data["document"].get("pdf_engine") == pdf_engine
        )
        return {str(a["article"]): a["status"] for a in data["articles"]} if fresh else None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or half-written report: analyse again


def _write_atomic(path: Path, content: str) -> None:
    """Write via a temporary file and rename, so an interrupted run leaves no half file."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(content, encoding="utf-8")
    os.replace(temporary, path)


# Per worker process: the check function and the Convention, set once by the initializer.
_WORKER: dict = {}


def _init_worker(check: CheckFunction, convention: Convention) -> None:
    _WORKER["check"] = check
    _WORKER["convention"] = convention


def _analyse(path: Path, name: str, reports: Path) -> tuple[dict[str, str] | None, str | None, float]:
    """Run in a worker: check one law and write its JSON and HTML reports.

    Returns (statuses by article, None, seconds) or (None, one-line reason, seconds)."""
    started = time.perf_counter()
    try:
        report = _WORKER["check"](path, convention=_WORKER["convention"])
        _write_atomic(reports / f"{name}.html", render(report, "html", _WORKER["convention"]))
        _write_atomic(reports / f"{name}.json", report_json(report))  # last: marks the law as done
        statuses = {str(a.article): a.status for a in report.articles}
        return statuses, None, time.perf_counter() - started
    except UnusableInput as error:  # the file name is in its own column: keep problem and remedy
        return None, f"{error.problem}: {error.remedy}", time.perf_counter() - started
    except Exception as error:  # one bad law must not stop the corpus; the reason goes to errors.csv
        reason = " ".join(f"{type(error).__name__}: {error}".split())
        return None, reason[:300], time.perf_counter() - started


def run_batch(
    corpus_dir: Path | str,
    output_dir: Path | str,
    *,
    jobs: int,
    force: bool = False,
    check: CheckFunction | None = None,
    convention: Convention | None = None,
    progress: bool = True,
    pdf_engine: str | None = None,
) -> BatchResult:
    """Analyse every supported law under `corpus_dir` with `jobs` worker processes and write
    per-law reports and corpus tables to `output_dir`.

    Laws whose report is up to date (same file sha256, LexAlign version and Convention
    `model_version`) are skipped unless `force`. `check(path, convention=...)` defaults to
    `pipeline.check`; it must be picklable (a module-level function). `pdf_engine` is the engine
    `check` reads PDFs with (default: LEXALIGN_PDF_ENGINE): a PDF read by another is read again."""
    started = time.perf_counter()
    corpus, output = Path(corpus_dir), Path(output_dir)
    if not corpus.is_dir():
        raise UnusableInput(str(corpus), "not a folder", "give the folder that holds the laws (searched recursively)")
    if convention is None:
        from lexalign.convention import load_convention

        convention = load_convention()
    if check is None:
        from lexalign.pipeline import check as pipeline_check

        check = pipeline_check
    manifests = read_manifests(corpus)
    files = discover(corpus, exclude=output)
    if not files:
        raise UnusableInput(str(corpus), "no law files found", f"put files ending in {', '.join(SUPPORTED_SUFFIXES)} in it")
    reports = output / REPORTS_DIR
    reports.mkdir(parents=True, exist_ok=True)
    relatives = [path.relative_to(corpus).as_posix() for path in files]
    names = output_names(relatives)

    statuses: dict[str, dict[str, str]] = {}
    items: dict[str, BatchItem] = {}
    todo: list[tuple[Path, str]] = []
    engine = pdf_engine or settings.pdf_engine()
    for path, rel in zip(files, relatives):
        read_by = engine if path.suffix.lower() == ".pdf" else None
        existing = None if force else _up_to_date(reports / f"{names[rel]}.json", file_sha256(path), convention.model_version, read_by)
        if existing is None:
            todo.append((path, rel))
        else:
            statuses[rel] = existing
            items[rel] = BatchItem(file=rel, name=names[rel], outcome="skipped")

    _run_pool(todo, names, reports, jobs, check, convention, statuses, items, progress)

    ordered = [items[rel] for rel in relatives]
    write_tables(output, ordered, statuses, manifests)
    return BatchResult(corpus=str(corpus), output=str(output), items=ordered, seconds=round(time.perf_counter() - started, 3))


def _run_pool(
    todo: list[tuple[Path, str]],
    names: dict[str, str],
    reports: Path,
    jobs: int,
    check: CheckFunction,
    convention: Convention,
    statuses: dict[str, dict[str, str]],
    items: dict[str, BatchItem],
    progress: bool,
) -> None:
    """Analyse `todo` in a process pool, filling `statuses` and `items` as laws finish."""
    if not todo:
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.fields[last]}"))
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo))), initializer=_init_worker, initargs=(check, convention)) as pool:
        # Largest files first, so that no big law is left running alone at the end. Submit
        # everything before the progress bar starts its refresh thread: the pool forks workers on submit.
        largest_first = sorted(todo, key=lambda job: job[0].stat().st_size, reverse=True)
        futures = {pool.submit(_analyse, path, names[rel], reports): rel for path, rel in largest_first}
        with Progress(*columns, console=Console(stderr=True), disable=not progress) as bar:
            task = bar.add_task("laws", total=len(futures), last="")
            for future in as_completed(futures):
                rel = futures[future]
                try:
                    result, error, seconds = future.result()
                except BrokenProcessPool:
                    result, error, seconds = None, "worker process died (out of memory?): run again with fewer --jobs", 0.0
                if result is not None:
                    statuses[rel] = result
                else:  # a report left by an earlier run describes an earlier version of the file
                    for suffix in (".json", ".html"):
                        (reports / f"{names[rel]}{suffix}").unlink(missing_ok=True)
                items[rel] = BatchItem(file=rel, name=names[rel], outcome="analysed" if result is not None else "failed", error=error, seconds=round(seconds, 3))
                bar.update(task, advance=1, last=rel)


def write_tables(output: Path, items: list[BatchItem], statuses: dict[str, dict[str, str]], manifests: dict[str, ManifestEntry]) -> None:
    """Write matrix.csv, matrix.html, summary.json, countries.csv and errors.csv."""
    done = [item for item in items if item.file in statuses]
    articles = sorted({int(n) for rel in statuses for n, s in statuses[rel].items() if s != "not_assessed"})
    _write_matrix_csv(output / "matrix.csv", done, statuses, manifests, articles)
    summary = _summary(items, statuses, articles)
    _write_atomic(output / "matrix.html", _matrix_html(done, statuses, manifests, articles, summary["articles"]))
    _write_atomic(output / "summary.json", json.dumps(summary, indent=2) + "\n")
    _write_countries(output / "countries.csv", done, statuses, manifests, articles)
    with (output / "errors.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "reason"])
        writer.writerows([item.file, item.error] for item in items if item.outcome == "failed")


def _write_matrix_csv(path: Path, done: list[BatchItem], statuses: dict[str, dict[str, str]], manifests: dict[str, ManifestEntry], articles: list[int]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["law", "country", "report", *articles])
        for item in done:
            entry = manifests.get(item.file)
            row = statuses[item.file]
            writer.writerow([item.file, entry.country if entry and entry.country else "", f"{REPORTS_DIR}/{item.name}.html", *(row.get(str(n), "") for n in articles)])


def _summary(items: list[BatchItem], statuses: dict[str, dict[str, str]], articles: list[int]) -> dict:
    counts = {str(n): dict.fromkeys(("covered", "partial", "absent"), 0) for n in articles}
    for row in statuses.values():
        for n in articles:
            status = row.get(str(n))
            if status in ("covered", "partial", "absent"):
                counts[str(n)][status] += 1
    outcomes = Counter(item.outcome for item in items)
    return {"laws": len(statuses), "analysed": outcomes["analysed"], "skipped": outcomes["skipped"], "failed": outcomes["failed"], "articles": counts}


def _write_countries(path: Path, done: list[BatchItem], statuses: dict[str, dict[str, str]], manifests: dict[str, ManifestEntry], articles: list[int]) -> None:
    """Per country and article: the strongest status across the country's laws and the law giving it."""
    by_country: dict[str, list[str]] = {}
    for item in done:
        entry = manifests.get(item.file)
        if entry and entry.country:
            by_country.setdefault(entry.country, []).append(item.file)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "article", "status", "supplied_by", "laws"])
        for country in sorted(by_country):
            laws = by_country[country]
            for n in articles:
                # Strongest status wins; among equals the first law in path order.
                best = max(laws, key=lambda rel: STATUS_RANK.get(statuses[rel].get(str(n), "not_assessed"), 0))
                status = statuses[best].get(str(n), "not_assessed")
                writer.writerow([country, n, status, best if status in ("covered", "partial") else "", len(laws)])


def _matrix_html(
    done: list[BatchItem], statuses: dict[str, dict[str, str]], manifests: dict[str, ManifestEntry], articles: list[int], counts: dict[str, dict[str, int]]
) -> str:
    """A self-contained heatmap: one row per law, one coloured cell per article, and a last
    row counting the laws that implement each article at least in part."""
    head = "".join(f"<th>{n}</th>" for n in articles)
    rows = []
    for item in done:
        entry = manifests.get(item.file)
        country = escape(entry.country) if entry and entry.country else ""
        cells = "".join(
            f'<td title="Art. {n}: {escape(STATUS_LABELS.get(s, s))}" style="background:{STATUS_COLOURS.get(s, "#fff")}"></td>'
            for n in articles
            for s in [statuses[item.file].get(str(n), "")]
        )
        rows.append(f'<tr><th class="law"><a href="{REPORTS_DIR}/{escape(item.name)}.html">{escape(item.file)}</a></th><td>{country}</td>{cells}</tr>')
    footer = '<tr class="total"><th class="law">laws implementing it (covered or partial)</th><td></td>' + "".join(
        f'<td title="Art. {n}: {c["covered"]} covered, {c["partial"]} partial, {c["absent"]} absent">{c["covered"] + c["partial"]}</td>'
        for n in articles
        for c in [counts[str(n)]]
    ) + "</tr>"
    legend = "".join(f'<span style="background:{c}">{escape(STATUS_LABELS[s])}</span>' for s, c in STATUS_COLOURS.items())
    css = (
        "body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
        "th,td{border:1px solid #fff;padding:0;font-size:.75em;min-width:1.6em;height:1.6em;text-align:center}"
        "th.law{text-align:left;padding-right:.6em;white-space:nowrap;font-weight:normal}"
        ".legend span{color:#fff;padding:.1em .5em;margin-right:.4em;border-radius:3px}"
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Corpus matrix</title><style>{css}</style></head><body>'
        f"<h1>Corpus matrix: {len(done)} laws x {len(articles)} articles</h1><p class=\"legend\">{legend}</p>"
        f"<table><tr><th>law</th><th>country</th>{head}</tr>{''.join(rows)}{footer}</table></body></html>\n"
    )
