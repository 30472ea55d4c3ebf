"""Hospitalisation and surgery as the s0xx round worded them, pinned on sentences we wrote
(ICH E2A II.B; docs/annotation.md, `serious`): an admission told with its cause, the cause a
reaction of this patient, is the stay the reaction caused even when the text names the
exposure only later (s007); a patient told as already in hospital ('a hospitalized woman') was
not admitted for the reaction; a material that 'had been removed' before the reaction
subsided is surgery tied to the resolution (s034)."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _criteria(text: str) -> set[str]:
    draft = extract_draft(text)
    return {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}


_ADMITTED = (
    "Lupus after aesthetic procedures\n"
    "We present a 31-year-old woman who developed lupus after aesthetic procedures. "
    "The patient was admitted because of arthralgia and fever. "
    "Her aesthetic procedures included hyaluronic acid filler injections in the lips."
)


def test_an_admission_for_a_reaction_is_a_hospitalisation() -> None:
    assert "hospitalisation" in _criteria(_ADMITTED)
    untied = _ADMITTED.replace("admitted because of arthralgia and fever", "admitted")
    assert "hospitalisation" not in _criteria(untied)


def test_a_patient_already_in_hospital_was_not_admitted_for_the_reaction() -> None:
    text = (
        "Abdominal wall haematoma after enoxaparin\n"
        "A 70-year-old hospitalized woman developed a painful abdominal wall haematoma, which "
        "resolved with compression. She had received subcutaneous enoxaparin after a hip "
        "replacement two days before."
    )
    assert _criteria(text) == set()


def test_a_removal_the_resolution_followed_is_surgery() -> None:
    text = (
        "Abscesses after a hyaluronic acid filler\n"
        "A 52-year-old woman developed painful abscesses in both cheeks one week after a "
        "hyaluronic acid filler injection. Cultures were negative. "
        "The swelling subsided only after the product had been removed."
    )
    assert _criteria(text) == {"medically_important"}
