"""Route-approval classes read on the t0xx round (docs/annotation.md, ``approved``), each on a
short text we wrote: a wrong route denied, or stated only in general or in a recommendation,
is not this case's; an accidental embolization is a wrong route; a toxin injected into named
muscles is intramuscular; an intralesional injection in a Spanish text is intralesional."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


IV_DENIED = (
    "Hand discolouration after intravenous valproate\n"
    "A 70-year-old man was admitted with seizures. He was given intravenous valproate through "
    "a cannula in his left forearm. The cannula was replaced twice with no apparent "
    "extravasation. The next day his left hand became purple and swollen."
)
IV_GENERAL = (
    "Brown axillary staining after an iron infusion\n"
    "Most brown stains of the skin are due to extravasation of blood. There is also a group "
    "secondary to iron extravasation at the site of an infusion. We describe a 40-year-old "
    "woman who developed brown patches in both axillae two days after receiving an "
    "intravenous iron infusion."
)
IM_ADVICE = (
    "Buttock abscesses after repeated injections\n"
    "A 60-year-old man had received more than 100 intramuscular injections of promethazine "
    "into his gluteal muscles for chronic nausea. He presented with fever and painful swelling "
    "of both buttocks, and an abscess was drained. Abscesses must be recognized as a "
    "complication of inappropriate frequent intramuscular injections."
)


@pytest.mark.parametrize("text", [IV_DENIED, IV_GENERAL, IM_ADVICE])
def test_a_wrong_route_denied_general_or_advised_is_not_this_cases(text: str) -> None:
    assert _view(text)["route_approval"] is True


def test_an_accidental_embolization_is_a_wrong_route() -> None:
    text = (
        "Forehead necrosis after accidental embolization of the supratrochlear artery with "
        "hyaluronic acid\n"
        "A 35-year-old woman received 1 mL of hyaluronic acid filler in the glabella. Blanching "
        "and pain followed within minutes, and skin necrosis developed on day 4."
    )
    assert _view(text)["route_approval"] is False


@pytest.mark.parametrize(
    "where",
    [
        "at both the gastrocnemius and soleus muscles",
        "namely the trapezius and sternocleidomastoid muscles",
        "to the bilateral trapezius and rhomboid muscles",
    ],
)
def test_a_toxin_injected_into_named_muscles_is_intramuscular(where: str) -> None:
    text = (
        "Weakness after botulinum toxin\n"
        f"A 45-year-old woman received botulinum toxin type A injections {where} for spasticity. "
        "Two weeks later she developed generalized weakness and ptosis."
    )
    view = _view(text)
    assert view["route"] == "intramuscular"
    assert view["route_approval"] is True


def test_an_intralesional_injection_in_a_spanish_text() -> None:
    text = (
        "Atrofia lineal tras corticoides intralesionales\n"
        "Se trata de una paciente de 30 años que consultó por una atrofia lineal de la piel del "
        "antebrazo dos meses después de una inyección intralesional de acetónido de "
        "triamcinolona en un queloide. La lesión persiste a los seis meses."
    )
    view = _view(text)
    assert view["route"] == "intralesional"
    assert view["route_approval"] is True
