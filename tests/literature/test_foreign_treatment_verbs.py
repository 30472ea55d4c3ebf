"""Treatment verbs of a non-English case: plurals, starting, taking out, a therapy's compound."""

import pytest

from dermavigil.literature.service import draft_from_text

CASES = [
    (
        "Nodules après injection d'acide hyaluronique\nUne femme de 45 ans a présenté des nodules"
        " douloureux des lèvres trois mois après une injection d'acide hyaluronique. Une"
        " corticothérapie orale était entamée à la dose de 0,5 mg/kg/jour de prednisone."
        " La doxycycline a été débutée ensuite.",
        {"prednisone", "doxycycline"},
    ),
    (
        "Granulomas após preenchimento: série de casos\nTrês pacientes do sexo feminino"
        " apresentaram nódulos nos lábios após injeção de ácido hialurônico. Todas as pacientes"
        " foram submetidas à drenagem e receberam doxiciclina por seis semanas.",
        {"drainage", "doxycycline"},
    ),
    (
        "Nódulo tras relleno de ácido hialurónico\nUna mujer de 50 años presentó un nódulo en la"
        " nariz una semana tras la inyección de ácido hialurónico. El material fue retirado"
        " posteriormente con hialuronidasa, con resolución completa.",
        {"hyaluronidase"},
    ),
]


@pytest.mark.parametrize(("text", "wanted"), CASES)
def test_the_treatment_told_by_these_verbs_is_read(text: str, wanted: set[str]) -> None:
    draft, _ = draft_from_text(text)
    assert wanted <= {t["drug"] for t in draft.case["treatments"]}
