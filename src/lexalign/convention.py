"""Load the Convention model from `convention/` and validate it, once per folder.

Layout of the folder (see README, section "The Convention model"):

* `chapters.yaml`: the 9 chapters, each with its article range;
* `articles/*.yaml`: lists of articles (paragraphs, elements, summary, Budapest equivalent);
* `vocabulary.yaml`: the Convention's defined terms, language-neutral;
* `terms/<lang>.yaml`: per-language surface forms of vocabulary entries, elements,
  narrowing qualifiers and engine cues.

Every problem is reported as one `ConventionDataError` line naming the file, the article
(when there is one) and the field, so an expert editing the YAML knows what to fix.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from lexalign import settings
from lexalign.models import Article, Chapter, Convention, LanguageTerms, SegmentationLanguage, TermSet, VocabularyEntry

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe subset of YAML (the C loader when present: about ten times faster), refusing a key
    given twice in one mapping: YAML would silently keep the last, and a second `patterns:` once
    hid a term list."""


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    keys = [loader.construct_object(key) for key, _ in node.value]
    repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
    if repeated:
        raise yaml.constructor.ConstructorError(None, None, f"key given twice: {', '.join(repeated)}", node.start_mark)
    return loader.construct_mapping(node, deep=True)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)
ARTICLE_COUNT = 68
REFERENCE_LANGUAGE = "en"  # every narrowing qualifier must at least be defined in English


class ConventionDataError(ValueError):
    """A Convention data file is missing, malformed or inconsistent; str() names file, article, field."""


def load_convention(directory: Path | None = None) -> Convention:
    """Load and validate the Convention model (default folder: `settings.convention_dir()`).

    Cached per folder and per state of its files, so repeated calls are free and an edited
    file is picked up by a long-running process (the app) without a restart.
    """
    folder = Path(directory or settings.convention_dir()).resolve()
    files = data_files(folder)
    stamp = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    return _load(folder, stamp)


def data_files(folder: Path) -> list[Path]:
    """The data files of a Convention folder, sorted; this order defines `model_version`."""
    if not (folder / "chapters.yaml").is_file():
        raise ConventionDataError(f"{folder}: not a Convention folder (no chapters.yaml): set LEXALIGN_CONVENTION_DIR to the convention/ folder")
    if not (folder / "vocabulary.yaml").is_file():
        raise ConventionDataError(f"{folder / 'vocabulary.yaml'}: missing: restore it from the repository")
    files = [folder / "chapters.yaml", folder / "vocabulary.yaml"]
    files += sorted((folder / "articles").glob("*.yaml"))
    files += sorted((folder / "terms").glob("*.yaml"))
    files += sorted((folder / "lang").glob("*.yaml"))  # segmentation words: they change results too
    return sorted(files)


@lru_cache(maxsize=8)
def _load(folder: Path, stamp: tuple[tuple[str, int, int], ...]) -> Convention:
    digest = hashlib.sha256()
    for name, _, _ in stamp:
        digest.update(Path(name).read_bytes())
    chapters = [_validate(Chapter, raw, folder / "chapters.yaml", None, f"chapters.{i}") for i, raw in enumerate(_list(folder / "chapters.yaml", folder))]
    vocabulary = [_validate(VocabularyEntry, raw, folder / "vocabulary.yaml", None, f"{i}") for i, raw in enumerate(_list(folder / "vocabulary.yaml", folder))]
    articles: list[Article] = []
    sources: dict[int, Path] = {}
    for path in sorted((folder / "articles").glob("*.yaml")):
        for raw in _list(path, folder):
            article = _validate(Article, raw, path, raw.get("number") if isinstance(raw, dict) else None, "")
            if article.number in sources:
                raise _error(path, article.number, "number", f"duplicate article (also in {_show(sources[article.number])})")
            sources[article.number] = path
            articles.append(article)
    articles.sort(key=lambda article: article.number)
    terms: dict[str, LanguageTerms] = {}
    for path in sorted((folder / "terms").glob("*.yaml")):
        raw = _read(path)
        language_terms = _validate(LanguageTerms, raw, path, None, "")
        if language_terms.language != path.stem:
            raise _error(path, None, "language", f"is {language_terms.language!r} but the file is named {path.name}: make them agree")
        terms[language_terms.language] = language_terms
    for path in sorted((folder / "lang").glob("*.yaml")):  # read by the segmenter; checked here once
        _validate(SegmentationLanguage, _read(path), path, None, "")
    _check_structure(folder, chapters, articles, sources)
    _check_references(folder, articles, sources, vocabulary, terms)
    return Convention(model_version=digest.hexdigest()[:12], chapters=chapters, articles=articles, vocabulary=vocabulary, terms=terms)


# --------------------------------------------------------------------------- reading


def _show(path: Path) -> str:
    """Path as `convention/articles/ch2.yaml`: the folder's own name and the file inside it."""
    parts = path.parts
    return str(Path(*parts[-3:])) if path.parent.name in {"articles", "terms"} else str(Path(*parts[-2:]))


def _error(path: Path, article: Any, field: str, problem: str) -> ConventionDataError:
    where = f"{_show(path)}: " + (f"article {article}: " if article is not None else "")
    return ConventionDataError(f"{where}{field + ': ' if field else ''}{problem}")


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConventionDataError(f"{_show(path)}: {line}YAML syntax error: {problem}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConventionDataError(f"{_show(path)}: cannot read: {error}") from None


def _list(path: Path, folder: Path) -> list[Any]:
    if not path.is_file():
        raise ConventionDataError(f"{_show(path)}: missing: restore it from git (git checkout -- {path.relative_to(folder.parent)})")
    raw = _read(path)
    if not isinstance(raw, list):
        raise ConventionDataError(f"{_show(path)}: expected a YAML list of entries at top level, found {type(raw).__name__}")
    return raw


def _validate(model: type[BaseModel], raw: Any, path: Path, article: Any, prefix: str) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in (prefix.split(".") if prefix else []) + list(first["loc"]))
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        raise _error(path, article, field or "(entry)", f"{first['msg']}{more}") from None


# --------------------------------------------------------------------------- consistency


def _check_structure(folder: Path, chapters: list[Chapter], articles: list[Article], sources: dict[int, Path]) -> None:
    """68 articles numbered 1..68, each in the chapter whose range holds it."""
    numbers = [article.number for article in articles]
    missing = sorted(set(range(1, ARTICLE_COUNT + 1)) - set(numbers))
    extra = sorted(set(numbers) - set(range(1, ARTICLE_COUNT + 1)))
    if missing or extra:
        problem = (f"missing {missing}" if missing else "") + ("; " if missing and extra else "") + (f"unexpected {extra}" if extra else "")
        raise ConventionDataError(f"{_show(folder / 'articles')}: articles must be numbered 1 to {ARTICLE_COUNT}: {problem}")
    by_number = {chapter.number: chapter for chapter in chapters}
    for article in articles:
        chapter = by_number.get(article.chapter)
        if chapter is None or not chapter.first_article <= article.number <= chapter.last_article:
            raise _error(sources[article.number], article.number, "chapter", f"{article.chapter} does not hold article {article.number} (see chapters.yaml)")


def _check_references(folder: Path, articles: list[Article], sources: dict[int, Path], vocabulary: list[VocabularyEntry], terms: dict[str, LanguageTerms]) -> None:
    """Element ids unique and well-formed; every id used in terms/ defined somewhere."""
    element_ids: set[str] = set()
    for article in articles:
        for index, element in enumerate(article.elements):
            if not element.id.startswith(f"a{article.number}."):
                raise _error(sources[article.number], article.number, f"elements.{index}.id", f"{element.id!r} must start with 'a{article.number}.'")
            if element.id in element_ids:
                raise _error(sources[article.number], article.number, f"elements.{index}.id", f"duplicate element id {element.id!r}")
            element_ids.add(element.id)
    vocabulary_ids = {entry.id for entry in vocabulary}
    if REFERENCE_LANGUAGE not in terms:
        raise ConventionDataError(f"{_show(folder / 'terms' / (REFERENCE_LANGUAGE + '.yaml'))}: missing: the English terms are the reference every other language falls back on")
    for language, language_terms in terms.items():
        path = folder / "terms" / f"{language}.yaml"
        for element_id in language_terms.elements:
            if element_id not in element_ids:
                raise _error(path, _article_of(element_id), f"elements.{element_id}", "no article defines this element id (check the spelling in articles/*.yaml)")
        for entry_id in language_terms.vocabulary:
            if entry_id not in vocabulary_ids:
                raise _error(path, None, f"vocabulary.{entry_id}", "not an entry of vocabulary.yaml")
        for section in ("vocabulary", "elements", "narrowing", "cues"):
            for key, term_set in getattr(language_terms, section).items():
                _check_term_set(path, section, key, term_set, language_terms)
    for article in articles:
        for field, cue in [*(("context_cues", c) for c in article.context_cues), *(("excluding_cues", c) for c in article.excluding_cues)]:
            if cue not in terms[REFERENCE_LANGUAGE].cues:
                raise _error(sources[article.number], article.number, field, f"{cue!r} is not defined under `cues:` in terms/{REFERENCE_LANGUAGE}.yaml")
        for index, element in enumerate(article.elements):
            for qualifier in element.narrowing:
                if qualifier not in terms[REFERENCE_LANGUAGE].narrowing:
                    raise _error(sources[article.number], article.number, f"elements.{index}.narrowing", f"{qualifier!r} is not defined under `narrowing:` in terms/{REFERENCE_LANGUAGE}.yaml")


def _check_term_set(path: Path, section: str, key: str, term_set: TermSet, language_terms: LanguageTerms) -> None:
    for name in term_set.vocab:
        if name not in language_terms.vocabulary:
            raise _error(path, _article_of(key) if section == "elements" else None, f"{section}.{key}.vocab", f"{name!r} is not under `vocabulary:` in this file")
    for index, pattern in enumerate(term_set.patterns):
        if not pattern or not all(isinstance(token, dict) and token for token in pattern):
            raise _error(path, _article_of(key) if section == "elements" else None, f"{section}.{key}.patterns.{index}", "a pattern is a non-empty list of non-empty token dicts")
    if not (term_set.phrases or term_set.patterns or term_set.vocab):
        raise _error(path, _article_of(key) if section == "elements" else None, f"{section}.{key}", "empty term set: give phrases, patterns or vocab")


def _article_of(element_id: str) -> int | None:
    head = element_id.split(".", 1)[0]
    return int(head[1:]) if head.startswith("a") and head[1:].isdigit() else None


def expand(term_set: TermSet, language_terms: LanguageTerms) -> tuple[list[str], list[list[dict]]]:
    """All phrases and patterns of a term set, with its `vocab` references resolved (recursively)."""
    phrases, patterns = list(term_set.phrases), list(term_set.patterns)
    seen: set[str] = set()
    pending = list(term_set.vocab)
    while pending:
        name = pending.pop()
        if name in seen or name not in language_terms.vocabulary:
            continue
        seen.add(name)
        entry = language_terms.vocabulary[name]
        phrases += entry.phrases
        patterns += entry.patterns
        pending += entry.vocab
    return list(dict.fromkeys(phrases)), patterns


def element_terms(convention: Convention, element_id: str, language: str = REFERENCE_LANGUAGE) -> tuple[list[str], list[list[dict]]]:
    """Phrases and patterns of one element in a language, falling back to English when the language lacks it."""
    for code in (language, REFERENCE_LANGUAGE):
        language_terms = convention.terms.get(code)
        if language_terms is not None and element_id in language_terms.elements:
            return expand(language_terms.elements[element_id], language_terms)
    return [], []


def article_record(convention: Convention, number: int) -> dict[str, Any]:
    """The JSON-able form of one article for `lexalign convention --format json`.

    `article` holds the number (the key every report uses), `chapter_title` is added for
    readers, the rest is the Article model's own dump.
    """
    article = convention.article(number)
    chapter = next(chapter for chapter in convention.chapters if chapter.number == article.chapter)
    record: dict[str, Any] = {"article": article.number}
    record.update(article.model_dump(mode="json", exclude={"number"}))
    record["chapter_title"] = chapter.title
    return record
