"""The lexicon finds the Convention's terms in law text on lemmas, with spelling repair and longest-term wins."""

from __future__ import annotations

import pytest

from lexalign.convention import load_convention
from lexalign.lexicon import lexicon_for


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_for(load_convention(), "en")


def labels(lexicon, text: str) -> set[str]:
    return {hit.label for hit in lexicon.annotate(text)[1]}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Inflections meet the base forms of the term files.
        ("he accessed two computers", {"vocab:ict_system", "element:a7.access"}, set()),
        # "computer" inside "computer data" is data, not a computer system.
        ("obstructs the lawful use of computer data", {"vocab:electronic_data"}, {"vocab:ict_system", "element:a10.ict_system"}),
        # ... but a computer named on its own still is one.
        ("data held in a computer", {"vocab:electronic_data", "vocab:ict_system"}, set()),
        # A conduct word inside another article's longer term is not that conduct: an access code is a tool.
        ("discloses any password or access code", {"element:a11.password"}, {"element:a7.access"}),
        ("discloses any password or other means of gaining access to any program", {"element:a11.password"}, {"element:a7.access"}),
        # "damages" owed to a victim is redress; "damage" done to a computer is not.
        ("shall be liable to pay damages by way of compensation to the person affected", {"element:a34.redress"}, set()),
        ("intentionally causes damage to a protected computer", {"element:a9.interference"}, {"element:a34.redress", "element:a34.assistance"}),
        ("transmits any communication containing any threat to cause damage to a protected computer", {"cue:threat"}, set()),
        ("with intent to extort from any person any money, demands payment in relation to damage to a computer", {"cue:threat"}, set()),
        ("interferes with a computer system so as to cause a threat to national security", set(), {"cue:threat"}),
        # jurisdiction where the computer or data is: "the computer, program or data was in Malaysia"
        ("this Act shall apply if the computer, program or data was in Ruritania", {"element:a22.territory"}, set()),
        ("an order to produce data that is in the possession or control of the person", set(), {"element:a22.territory"}),
        # An object inside another article's qualifier stays: a protected computer is still a computer.
        ("gains access to a protected computer", {"element:a7.access", "element:a7.ict_system"}, set()),
        # A near-miss spelling of a long term word is repaired ("unauthorsed").
        ("an unauthorsed access", {"element:a7.access", "vocab:unlawfulness"}, set()),
        # Dashes do not glue words together ("section—(1)").
        ("As used in this section—(1) the term", {"cue:definition_scope"}, set()),
        # A repeal marker is a word, not a lemma: "deletes" is not "[Deleted]".
        ("A person who deletes data", set(), {"cue:repeal"}),
        ("12. [Deleted]", {"cue:repeal"}, set()),
    ],
)
def test_terms_found(lexicon, text: str, present: set[str], absent: set[str]) -> None:
    found = labels(lexicon, text)
    assert present <= found, present - found
    assert not absent & found, absent & found


def test_offsets_point_into_the_original_text(lexicon) -> None:
    text = "İ A Person who ACCESSES a Computer"  # a capital that changes length when lowered
    found = {(hit.label, text[hit.start : hit.end]) for hit in lexicon.annotate(text)[1]}
    assert ("element:a7.access", "ACCESSES") in found
    assert ("vocab:ict_system", "Computer") in found


@pytest.mark.parametrize(
    ("language", "text", "present", "absent"),
    [
        # A definitions clause opens with "In this Act" and a colon or "... means"; a measure "provided
        # for in this Act" further on is not one.
        ("es", "En esta ley, se entiende por sistema informático todo dispositivo aislado.", {"cue:definition_scope"}, set()),
        ("es", "Las medidas previstas en esta ley, y en particular el registro, se aplicarán a todo delito.", set(), {"cue:definition_scope"}),
        ("fr", "Dans la présente loi, on entend par données informatiques toute représentation de faits.", {"cue:definition_scope"}, set()),
        ("fr", "Les mesures prévues dans la présente loi, notamment la perquisition, s'appliquent à toute infraction.", set(), {"cue:definition_scope"}),
        # A foreign State named as a ground for a domestic power is not international cooperation.
        ("en", "in the interest of the security of the State, friendly relations with foreign States or public order", set(), {"cue:foreign_state"}),
        ("en", "at the request of a foreign State", {"cue:foreign_state"}, set()),
        ("es", "en interés de la seguridad del Estado o de las relaciones amistosas con estados extranjeros", set(), {"cue:foreign_state"}),
        # a duty of secrecy, with the words between
        ("en", "require the service provider to keep the order and its execution confidential", {"cue:confidentiality_duty"}, set()),
        ("en", "compromises the integrity or confidentiality of a computer system", set(), {"cue:confidentiality_duty"}),
        ("fr", "le fournisseur est tenu de garder le secret sur la mesure", {"cue:confidentiality_duty"}, set()),
        ("es", "el proveedor deberá guardar secreto sobre la medida", {"cue:confidentiality_duty"}, set()),
    ],
)
def test_terms_found_per_language(language: str, text: str, present: set[str], absent: set[str]) -> None:
    found = {hit.label for hit in lexicon_for(load_convention(), language).annotate(text)[1]}
    assert present <= found, present - found
    assert not absent & found, absent & found
