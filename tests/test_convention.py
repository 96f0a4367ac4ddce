"""The Convention model: complete, consistent, matchable, and loud about broken data."""

from __future__ import annotations

import json
import shutil
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher, PhraseMatcher
from typer.testing import CliRunner

from lexalign import settings
from lexalign.cli import app
from lexalign.convention import ConventionDataError, element_terms, expand, load_convention

ASSESSED = set(range(7, 49)) | {53}  # FORMAT.md section 4


@pytest.fixture(scope="module")
def convention():
    return load_convention()


@lru_cache(maxsize=None)
def _pipeline(language: str):
    """The pipeline the engine matches with: a blank pipeline + lookup lemmatizer (loaded once per language)."""
    pipeline = spacy.blank(language)
    pipeline.add_pipe("lemmatizer", config={"mode": "lookup"})
    pipeline.initialize()
    return pipeline


@pytest.fixture(scope="module")
def nlp():
    return _pipeline("en")


def test_sixty_eight_articles_numbered_in_order(convention):
    assert [article.number for article in convention.articles] == list(range(1, 69))


@pytest.mark.parametrize(
    ("number", "title"),
    [
        (1, "Statement of purpose"),  # first article
        (2, "Use of terms"),  # definitions feed vocabulary.yaml
        (7, "Illegal access"),  # first offence
        (10, "Interference with an information and communications technology system"),  # long official form, not "system interference"
        (14, "Offences related to online child sexual abuse or child sexual exploitation material"),
        (16, "Non-consensual dissemination of intimate images"),  # no Budapest equivalent
        (18, "Liability of legal persons"),
        (22, "Jurisdiction"),  # the only article of chapter III
        (27, "Production order"),
        (31, "Freezing, seizure and confiscation of the proceeds of crime"),
        (34, "Assistance to and protection of victims"),
        (40, "General principles and procedures relating to mutual legal assistance"),
        (41, "24/7 network"),
        (47, "Law enforcement cooperation"),
        (48, "Joint investigations"),
        (53, "Preventive measures"),  # the only article of chapter VI
        (57, "Conference of the States Parties to the Convention"),
        (68, "Depositary and languages"),  # last article
    ],
)
def test_official_titles(convention, number, title):
    assert convention.article(number).title == title


@pytest.mark.parametrize(
    ("number", "roman", "first", "last"),
    [
        (1, "I", 1, 6),  # general provisions
        (2, "II", 7, 21),  # criminalization
        (3, "III", 22, 22),  # jurisdiction
        (4, "IV", 23, 34),  # procedural measures and law enforcement
        (5, "V", 35, 52),  # international cooperation
        (6, "VI", 53, 53),  # preventive measures
        (7, "VII", 54, 56),  # technical assistance and information exchange
        (8, "VIII", 57, 58),  # mechanism of implementation
        (9, "IX", 59, 68),  # final provisions
    ],
)
def test_chapter_ranges(convention, number, roman, first, last):
    chapter = convention.chapters[number - 1]
    assert (chapter.number, chapter.roman, chapter.first_article, chapter.last_article) == (number, roman, first, last)
    assert {article.number for article in convention.articles if article.chapter == number} == set(range(first, last + 1))


def test_assessed_set_is_exactly_format_section_4(convention):
    assert {article.number for article in convention.articles if article.assessed} == ASSESSED


@pytest.mark.parametrize("number", sorted(ASSESSED))
def test_assessed_article_is_matchable(convention, number):
    """Every assessed article has a mandatory, core element with English terms, and a summary."""
    article = convention.article(number)
    mandatory = [element for element in article.elements if element.mandatory]
    assert mandatory, f"article {number} has no mandatory element"
    assert any(element.core for element in article.elements), f"article {number} has no core element"
    assert all(element.mandatory for element in article.elements if element.core), "a core element must be mandatory"
    for element in mandatory:
        phrases, patterns = element_terms(convention, element.id, "en")
        assert phrases or patterns, f"{element.id} has no English phrase or pattern"
    assert article.summary and article.paragraphs


def test_every_article_has_paragraphs_and_summary(convention):
    for article in convention.articles:
        assert article.paragraphs and article.summary, article.number


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_every_term_compiles_in_spacy(convention, language):
    """All patterns pass the Matcher's validation; all phrases build a lemma PhraseMatcher."""
    terms = convention.terms[language]
    nlp = _pipeline(language)
    matcher = Matcher(nlp.vocab, validate=True)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    for section in ("vocabulary", "elements", "narrowing", "cues"):
        for key, term_set in getattr(terms, section).items():
            phrases, patterns = expand(term_set, terms)
            for index, pattern in enumerate(patterns):
                matcher.add(f"{section}.{key}.{index}", [pattern])
            phrase_matcher.add(f"{section}.{key}", list(nlp.pipe(phrases)))
    assert len(matcher) > 0 and len(phrase_matcher) > 100


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a typical illegal-access offence: both core elements and the unlawfulness
        ("A person who knowingly accesses any computer system without authority commits an offence.", {"a7.access", "a7.ict_system", "a7.without_right", "a7.intent"}),
        # interception of transmissions
        ("Whoever intercepts a non-public transmission of computer data by technical means", {"a8.interception", "a8.transmission", "a8.technical_means"}),
        # misuse of devices: each conjunct of the rubric
        ("sells or possesses any password, access code or computer program", {"a11.supply", "a11.possess", "a11.password", "a11.device"}),
        # inflected forms reach the lemma phrases
        ("the officer seized the computers and copied the stored data", {"a28.seize", "a28.ict_system"}),
        # a narrowing qualifier (rubric: only some systems)
        ("access to a protected computer", {"a7.access", "a7.ict_system"}),
        # 24/7 point of contact
        ("a point of contact available twenty-four hours a day, seven days a week", {"a41.contact_point", "a41.availability"}),
    ],
)
def test_sentences_hit_expected_elements(convention, nlp, sentence, expected):
    terms = convention.terms["en"]
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    for element_id in expected:
        phrases, _ = expand(terms.elements[element_id], terms)
        matcher.add(element_id, list(nlp.pipe(phrases)))
    found = {nlp.vocab.strings[match_id] for match_id, _, _ in matcher(nlp(sentence.lower()))}
    assert found == expected


# The Matcher expands "{0,n}" into n optional tokens and follows every way through them: a gap of 25
# once made checking a 100,000-character law take 9 s instead of 0.5 s. Longer gaps use "*".
MAX_TOKEN_GAP = 10


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_patterns_have_short_gaps(convention, language):
    terms = convention.terms[language]
    groups = {"vocabulary": terms.vocabulary, "elements": terms.elements, "narrowing": terms.narrowing, "cues": terms.cues}
    for group, sets in groups.items():
        for key, term_set in sets.items():
            for pattern in term_set.patterns:
                for token in pattern:
                    operator = str(token.get("OP", ""))
                    if operator.startswith("{"):
                        upper = operator.strip("{}").split(",")[-1]
                        assert upper and int(upper) <= MAX_TOKEN_GAP, f"{language} {group}.{key}: gap {operator}"


@pytest.mark.parametrize("language", ["es", "fr"])
def test_other_languages_are_complete(convention, language):
    """The engine uses one language file whole: every core/mandatory element, narrowing and cue must be there."""
    terms = convention.terms[language]
    english = convention.terms["en"]
    needed = {e.id for a in convention.articles if a.assessed for e in a.elements if e.mandatory or e.core}
    assert needed <= set(terms.elements)
    assert set(english.narrowing) <= set(terms.narrowing)
    assert set(english.cues) <= set(terms.cues)


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # Spanish: inflected verb forms of a civil-law code reach the lemma phrases
        ("es", "el que accediere sin autorización a un sistema informático será castigado", {"a7.access", "a7.ict_system", "a7.without_right"}),
        ("es", "interceptare transmisiones no públicas de datos informáticos", {"a8.interception", "a8.transmission"}),
        # French: a code-style offence ("le fait de ... est puni")
        ("fr", "le fait d'accéder frauduleusement à tout ou partie d'un système de traitement automatisé de données", {"a7.access", "a7.ict_system", "a7.without_right"}),
        ("fr", "le fait d'entraver ou de fausser le fonctionnement d'un système informatique", {"a10.hindering", "a10.ict_system"}),
    ],
)
def test_foreign_language_sentences(convention, language, sentence, expected):
    pipeline = _pipeline(language)
    terms = convention.terms[language]
    matcher = PhraseMatcher(pipeline.vocab, attr="LEMMA")
    for element_id in expected:
        phrases, _ = expand(terms.elements[element_id], terms)
        matcher.add(element_id, [pipeline(phrase.lower()) for phrase in phrases])
    found = {pipeline.vocab.strings[match_id] for match_id, _, _ in matcher(pipeline(sentence.lower()))}
    assert found == expected


def test_narrowing_qualifiers_are_defined(convention):
    narrowing = convention.terms["en"].narrowing
    assert "protected_computer" in convention.article(7).elements[1].narrowing
    for article in convention.articles:
        for element in article.elements:
            assert set(element.narrowing) <= set(narrowing)


# --------------------------------------------------------------------------- broken data


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "convention"
    shutil.copytree(settings.convention_dir(), target)
    return target


def _edit(folder: Path, relative: str, old: str, new: str) -> None:
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CH2 = "articles/ch2_criminalization.yaml"


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        # an element kind outside the allowed list: file, article and field named
        (CH2, 'label: "conduct: access", kind: conduct', 'label: "conduct: access", kind: behaviour',
         ["convention/articles/ch2_criminalization.yaml: article 7: elements.0.kind: Input should be"]),
        # a missing title
        ("articles/ch3_jurisdiction.yaml", "  title: Jurisdiction\n", "",
         ["convention/articles/ch3_jurisdiction.yaml: article 22: title: Field required"]),
        # the terms name an element no article defines
        ("terms/en.yaml", "  a7.intent: {vocab: [intent]}", "  a7.intnet: {vocab: [intent]}",
         ["convention/terms/en.yaml: article 7: elements.a7.intnet: no article defines this element id"]),
        # YAML syntax error: the file and the line
        ("chapters.yaml", "- {number: 9,", "- {number: 9 [",
         ["convention/chapters.yaml: line ", "YAML syntax error"]),
        # an element's narrowing qualifier missing from terms/en.yaml
        (CH2, "narrowing: [voice_only]", "narrowing: [voice_onyl]",
         ["article 8: elements.1.narrowing: 'voice_onyl' is not defined"]),
        # a vocab reference to nothing
        ("terms/en.yaml", "a7.ict_system: {vocab: [ict_system]}", "a7.ict_system: {vocab: [ict_sytem]}",
         ["convention/terms/en.yaml: article 7: elements.a7.ict_system.vocab: 'ict_sytem'"]),
        # an article's context cue missing from terms/en.yaml
        (CH2, "context_cues: [offence, penalty]", "context_cues: [offense]", ["article 7: context_cues: 'offense' is not defined"]),
        # two elements with one id
        (CH2, "{id: a7.intent,", "{id: a7.access,", ["article 7: elements.3.id: duplicate element id 'a7.access'"]),
        # an article filed under the wrong chapter
        ("articles/ch3_jurisdiction.yaml", "  chapter: 3\n", "  chapter: 2\n", ["article 22: chapter: 2 does not hold article 22"]),
        # a missing article
        ("articles/ch6_prevention.yaml", "- number: 53", "- number: 153", ["missing [53]", "unexpected [153]"]),
        # a key given twice: YAML would keep only the last term list
        ("terms/en.yaml", "  a24.authorisation: {vocab: [court_authorisation]}", "  a24.authorisation: {vocab: [court_authorisation], vocab: [warrant]}",
         ["convention/terms/en.yaml: line", "key given twice: vocab"]),
        # a YAML word read as a boolean instead of a phrase
        ("terms/en.yaml", 'forged, "false", falsify', "forged, false, falsify",
         ["convention/terms/en.yaml: elements.a12.inauthentic.phrases.6: Input should be a valid string"]),
    ],
)
def test_broken_data_names_file_article_and_field(tmp_path, relative, old, new, expected):
    folder = _copy(tmp_path)
    _edit(folder, relative, old, new)
    with pytest.raises(ConventionDataError) as caught:
        load_convention(folder)
    message = str(caught.value)
    assert "\n" not in message
    for part in expected:
        assert part in message


def test_model_version_follows_the_files(tmp_path):
    folder = _copy(tmp_path)
    first = load_convention(folder)
    assert load_convention(folder) is first  # cached
    assert first.model_version == load_convention().model_version  # same bytes, same version
    assert len(first.model_version) == 12 and int(first.model_version, 16) >= 0
    _edit(folder, "articles/ch9_final.yaml", "Depositary and languages", "Depositary and languages ")
    assert load_convention(folder).model_version != first.model_version


# --------------------------------------------------------------------------- CLI

runner = CliRunner()


def test_cli_table_lists_every_article():
    result = runner.invoke(app, ["convention"])
    assert result.exit_code == 0, result.output
    assert "Illegal access" in result.output and "Depositary and languages" in result.output
    assert "model " + load_convention().model_version in result.output


def test_cli_json_lists_article_objects():
    result = runner.invoke(app, ["convention", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [record["article"] for record in records] == list(range(1, 69))
    seven = records[6]
    assert seven["title"] == "Illegal access" and seven["chapter"] == 2 and seven["assessed"] is True
    assert seven["paragraphs"][0]["modality"] == "shall"
    assert {element["id"] for element in seven["elements"]} >= {"a7.access", "a7.ict_system"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["convention", "7"], "a7.ict_system"),  # one article in full, with its elements
        (["convention", "11"], "Misuse of devices"),
        (["convention", "2"], "Use of terms"),  # not assessed, no elements
        (["convention", "11"], "[unsure: exact scope of the reservation]"),  # brackets in data are text, not rich markup
    ],
)
def test_cli_one_article(args, expected):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_cli_one_article_json():
    result = runner.invoke(app, ["convention", "27", "--format", "json"])
    record = json.loads(result.output)
    assert record["article"] == 27 and record["title"] == "Production order"
    assert {"a27.stored_data", "a27.subscriber_info"} <= {element["id"] for element in record["elements"]}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["convention", "99"], "no article 99"),  # unknown article
        (["convention", "--format", "xml"], "unknown format 'xml'"),  # unknown format
        (["convention", "--convention-dir", "/nonexistent"], "not a Convention folder"),  # wrong folder
    ],
)
def test_cli_errors_are_one_line_exit_2(args, expected):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
