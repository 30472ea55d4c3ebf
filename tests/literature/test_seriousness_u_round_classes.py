"""Seriousness classes read on the u0xx round's failures (ICH E2A as docs/annotation.md
applies it), each pinned on sentences we wrote:

- a nerve palsy or a weakness of the eye's muscles is a paralysis (the r6xx decision on
  palsies, the r5xx one on ophthalmoplegia), whatever HPO branch codes it;
- a cell's or a tissue's death on a biopsy is no death of the patient;
- what a treatment "saved the eye from" did not happen;
- a series' surgical resections "in selected cases" are surgery on its patients;
- a motor deficit or a paralysis in the words of another language is a disability, but not
  one a general sentence says "can" follow;
- an admission for another illness, told before the exposure in the narrative, is no
  hospitalisation the reaction caused, even when the title names the patient first.
"""

from __future__ import annotations

import pytest

from dermavigil.domain.vocab import SeriousnessCriterion
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.seriousness_codes import reaction_criteria


def _criteria(text: str) -> set[str]:
    draft = extract_draft(text)
    return {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}


@pytest.mark.parametrize("code", ["HP:0012246", "HP:0006897", "HP:0000597"])
def test_cranial_nerve_palsies_and_ophthalmoparesis_are_a_disability(code: str) -> None:
    """Oculomotor nerve palsy, abducens palsy, ophthalmoparesis."""
    assert reaction_criteria([([code], [(0, 4)])]) == [(SeriousnessCriterion.disability, [(0, 4)])]


def test_a_cell_death_on_a_biopsy_is_no_death() -> None:
    text = (
        "Panniculitis after hormone injections\n"
        "A 31-year-old woman developed tender nodules on both thighs after months of weekly "
        "subcutaneous injections of a hormone bought online. A biopsy showed lobular "
        "panniculitis with adipocyte death and foamy macrophages. The nodules improved on "
        "oral prednisolone."
    )
    assert "death" not in _criteria(text)
    draft = extract_draft(text)
    assert all(r.get("outcome") != "fatal" for r in draft.case["reactions"])


def test_what_a_treatment_saved_the_patient_from_did_not_happen() -> None:
    text = (
        "Allergy to an enzyme after an eye block\n"
        "A 70-year-old man developed painful swelling of the eyelids two days after a block "
        "with lidocaine and hyaluronidase. Prompt treatment with intravenous steroids saved "
        "the eye from permanent vision loss."
    )
    assert "disability" not in _criteria(text)


def test_surgical_resections_in_selected_cases_of_a_series() -> None:
    text = (
        "Late complications of permanent fillers: a retrospective review\n"
        "Results: 22 patients were studied, all women. The most frequent presentations were "
        "granulomas and nodules caused by the filler. Oral corticosteroids were the first "
        "treatment. Surgical resections were performed in selected cases."
    )
    draft = extract_draft(text)
    assert draft.is_series
    assert "medically_important" in _criteria(text)


def test_a_motor_deficit_in_portuguese_is_a_disability_unless_only_possible() -> None:
    case = (
        "Necrose após injeção intramuscular de diclofenaco\n"
        "Uma paciente de 40 anos desenvolveu necrose extensa da região deltóidea após injeção "
        "intramuscular de diclofenaco, resultando em déficit motor permanente do membro "
        "superior direito."
    )
    assert "disability" in _criteria(case)
    general = (
        "Necrosis tras inyección intramuscular de diclofenaco\n"
        "Una paciente de 40 años desarrolló necrosis de la región glútea tras una inyección "
        "intramuscular de diclofenaco. La necrosis tisular en ocasiones puede requerirse la "
        "amputación de la extremidad afectada."
    )
    assert "disability" not in _criteria(general)


def test_an_admission_for_another_illness_before_the_exposure_with_the_patient_in_the_title():
    text = (
        "Skin necrosis after extravasation of intravenous cefazolin in a 2-month-old infant\n"
        "We describe an infant with an extravasation injury from cefazolin. A 2-month-old boy "
        "was brought to the hospital with fever and cough and was admitted to the paediatric "
        "ward. Bronchiolitis was diagnosed. On the third day of treatment, the nurse noticed "
        "swelling and blistering around the infusion site of cefazolin on the right hand. "
        "The wound was dressed with silver foam and healed in three weeks."
    )
    assert "hospitalisation" not in _criteria(text)
