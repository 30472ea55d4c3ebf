"""A sign denied by a negative conjunction, and a diagnosis only suspected, is no reaction in a
case report written in Spanish, Portuguese, French or Italian (issue 10,
:data:`dermavigil.literature.extract.foreign_words.NEGATION`); patients counted by a number
word open the series' sentences (:data:`.foreign_words.CASE`). Texts written for these
tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.terminology.coder import code_phrase


@pytest.mark.parametrize(
    ("text", "language", "kept", "denied"),
    [
        (
            "Varón de 47 años que presentó nódulos en el muslo, no refería tos ni presentaba "
            "hepatomegalia.",
            "es",
            "nodules",
            "hepatomegaly",
        ),
        (
            "Mulher de 39 anos apresentou edema na coxa, sem febre nem adenomegalia.",
            "pt",
            "edema",
            "lymphadenopathy",
        ),
        (
            "Mujer de 55 años con eritema en el glúteo; ante la sospecha de celulitis se "
            "solicitaron cultivos.",
            "es",
            "erythema",
            "cellulitis",
        ),
        (
            "Paciente de 62 anos com equimose no braço. Foi levantada a hipótese de vasculite.",
            "pt",
            "ecchymosis",
            "vasculitis",
        ),
        (
            "Une femme de 48 ans présentait un érythème de la cuisse ; une suspicion de "
            "cellulite a motivé une échographie.",
            "fr",
            "erythema",
            "cellulitis",
        ),
        (
            "Donna di 58 anni con edema del braccio; per il sospetto di cellulite fu eseguita "
            "un'ecografia.",
            "it",
            "edema",
            "cellulitis",
        ),
    ],
)
def test_a_denied_or_suspected_sign_is_no_reaction(text, language, kept, denied):
    read = {c.code for r in read_foreign(text, language).reactions for c in r.codes}
    assert code_phrase(kept)[0].code in read
    assert code_phrase(denied)[0].code not in read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Descrevemos o atendimento de quatro pacientes após injeção de óleo mineral. As "
            "queixas variaram de dor a edema importante.",
            "pt",
        ),
        (
            "Nous avons suivi trois patientes après des injections de silicone. Les plaintes "
            "allaient de la douleur à un oedème important.",
            "fr",
        ),
    ],
)
def test_patients_counted_by_a_number_word_open_the_series_sentences(text, language):
    """The patients counted by a number word are the series' patients, as counted by digits."""
    read = {c.code for r in read_foreign(text, language).reactions for c in r.codes}
    assert code_phrase("edema")[0].code in read
