"""An infection named with its organism in a case report written in Spanish, Portuguese, French,
German or Italian is the reaction, and a Latin binomial name is no reaction (issue 10,
:mod:`dermavigil.literature.extract.foreign_infections`). Texts written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign

_INFECTION = "HP:0100658"
"""The code the coder gives an infection of the skin (and the scorer an organism's infection)."""


def _verbatims(facts) -> list[str]:
    return [r.verbatim for r in facts.reactions]


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        (
            "Mujer de 38 años que presentó una infección cutánea por micobacterias atípicas "
            "dos meses después de una sesión de mesoterapia.",
            "es",
            "atypical mycobacterial infection",
        ),
        (
            "Paciente do sexo feminino, 45 anos, com infecção por Mycobacterium fortuitum após "
            "aplicação de enzimas.",
            "pt",
            "mycobacterium fortuitum infection",
        ),
        (
            "Une femme de 50 ans a développé des infections à mycobactéries à croissance rapide "
            "après des injections.",
            "fr",
            "rapidly growing mycobacterial infection",
        ),
        (
            "Homem de 33 anos com micobacteriose cutânea após procedimento estético.",
            "pt",
            "mycobacterial infection",
        ),
    ],
)
def test_an_infection_named_with_its_organism_is_the_reaction(text, language, english):
    facts = read_foreign(text, language)
    assert english in _verbatims(facts)
    assert any(c.code == _INFECTION for r in facts.reactions for c in r.codes)


def test_an_infection_of_an_organ_named_with_its_organism_is_no_skin_infection():
    text = "Mujer de 60 años tratada por una infección urinaria por Escherichia coli."
    assert not read_foreign(text, "es").reactions


def test_the_species_epithet_of_a_binomial_is_no_reaction():
    text = (
        "Varón de 44 años con nódulos en el muslo. Los cultivos aislaron Mycobacterium "
        "abscessus y Propionibacterium acnes."
    )
    verbatims = _verbatims(read_foreign(text, "es"))
    assert "nodules" in verbatims or "nodule" in verbatims
    assert not {"abscess", "acne"} & set(verbatims)
