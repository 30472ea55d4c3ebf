"""Outcome classes read on the t0xx round, pinned on sentences we wrote (docs/annotation.md,
outcome: the last stated status): a reaction named in the title and told again in the case
is read from where the case tells it, not from a later discussion naming another reaction; a
healing "to a large degree" is recovering; a healing or a resolution timed ("healing occurred
after 3 weeks", "resolving after several days"), or the full use of a limb regained, is
recovered; a lesion that "had scarred" healed with a sequela; what a practice "improved" (a
verb with its object) is no status; a lesion that "persiste" in Spanish is not recovered."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft

_CASE = (
    "Nodules after a hyaluronic acid filler\n"
    "A 45-year-old woman developed painful nodules in both cheeks two weeks after a "
    "hyaluronic acid filler injection. "
)


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(text).case["reactions"]}


def test_a_reaction_of_the_title_is_told_where_the_case_tells_it() -> None:
    text = (
        "Skin necrosis after enoxaparin injections\n"
        "We report a 70-year-old woman who presented skin necrosis at the enoxaparin injection "
        "sites after 10 days of treatment. Fondaparinux replaced enoxaparin, and the lesions "
        "were managed conservatively. At follow-up the necrotic lesions had healed. As platelet "
        "counts stayed normal, the skin necrosis should be ascribed to other mechanisms, such as "
        "type III hypersensitivity with vasculitis."
    )
    assert _outcomes(text) == {"recovered"}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("At follow-up the nodules had healed to a large degree.", "recovering"),
        ("Healing occurred after 3 weeks and no other treatment was needed.", "recovered"),
        ("Swelling of the eyelids appeared as well, resolving after several days.", "recovered"),
        ("In follow-up, the patient regained full use of the face.", "recovered"),
        ("At a visit after 77 days, the lesion had scarred.", "recovered_with_sequelae"),
        (
            "The nodules persisted. Filler injection has significantly improved the aesthetic "
            "results of facial rejuvenation.",
            "not_recovered",
        ),
    ],
)
def test_outcome_wordings(text: str, outcome: str) -> None:
    assert _outcomes(_CASE + text) == {outcome}


def test_a_lesion_that_persists_in_spanish_is_not_recovered() -> None:
    text = (
        "Granuloma tras relleno de ácido hialurónico\n\n"
        "Se trata de una mujer de 45 años que consultó por nódulos dolorosos en ambas mejillas "
        "dos semanas después de una inyección de ácido hialurónico. Se indicó tratamiento con "
        "corticoides orales. La lesión persiste a los seis meses de seguimiento."
    )
    assert _outcomes(text) == {"not_recovered"}
