"""Seriousness, outcome and onset classes read on the v0xx round, pinned on texts we wrote
(docs/annotation.md: ``serious`` by the ICH E2A criteria stated of this patient; ``outcome``
the last stated status of the reaction; ``onset_days`` the latency from the last exposure):
an underlying cerebral palsy is no paralysis; surgery told as "received surgery" or "was
operated"; a stay the exposure was given in is no hospitalisation; a steady recovery, a bare
discharge and a near-complete resolution are recovering; a treatment without effect and a
complaint that continues are not recovered; the response to the drug the patient was switched
to, and a recurrence on re-exposure told last, are no status of the reaction; "in the second
week" after the injection and "the day prior, she received" date the onset; time from the start
or the end of a repeated-dose therapy is none."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("text", "serious"),
    [
        (
            "Dysphagia after botulinum toxin for spasticity\nA 16-year-old boy with cerebral "
            "palsy received botulinum toxin injections into the calf muscles for spasticity. "
            "Two weeks later he developed dysphagia, which improved after the dose was reduced.",
            False,
        ),
        (
            "Ulcers after somatostatin analogue injections\nA 70-year-old woman developed "
            "painful ulcers at the sites of her monthly subcutaneous lanreotide injections. "
            "She received surgery to close the ulcers.",
            True,
        ),
        (
            "Muscle contracture after intramuscular injections\nA 30-year-old woman had shoulder "
            "pain and stiffness after repeated intramuscular injections into the deltoid. She "
            "was operated and a fibrous band in the muscle was removed.",
            True,
        ),
        (
            "Calcinosis cutis tras extravasación\nVarón de 60 años que ingresa por una "
            "neumonía y recibe gluconato cálcico intravenoso. A las tres semanas de ingreso "
            "presenta pápulas blanquecinas y eritema en el antebrazo.",
            False,
        ),
    ],
)
def test_v_round_seriousness(text: str, serious: bool) -> None:
    assert _view(text)["serious"] is serious


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Ptosis after botulinum toxin\nA 40-year-old woman developed ptosis of the left "
            "eyelid after botulinum toxin injections into the forehead. At follow-up, she "
            "continued to make a steady recovery.",
            "recovering",
        ),
        (
            "Abscess after an intramuscular injection\nA 2-month-old boy developed an abscess "
            "of the thigh after an intramuscular injection. The abscess was drained and he was "
            "given antibiotics. He was discharged after ten days in hospital.",
            "recovering",
        ),
        (
            "Lipoatrophy from insulin\nA 30-year-old woman developed lipoatrophy at her insulin "
            "injection sites on the abdomen. Topical corticosteroids were tried but without a "
            "significant clinical effect.",
            "not_recovered",
        ),
        (
            "Jaw pain after botulinum toxin\nA 50-year-old woman developed jaw pain after "
            "botulinum toxin injections into the masseters. Her jaw was reduced the next week, "
            "but she continues to complain of jaw pain.",
            "not_recovered",
        ),
        (
            "Facial weakness after botulinum toxin for migraine\nA 45-year-old woman developed "
            "facial weakness two weeks after botulinum toxin injections for migraine. The "
            "weakness completely resolved by 6 weeks. She was switched to an oral preventive "
            "with good response.",
            "recovered",
        ),
        (
            "Necrotic ulcers from an apomorphine infusion\nA 60-year-old man developed necrotic "
            "ulcers at the sites of his subcutaneous apomorphine infusion. The ulcers resolved "
            "after the infusion was stopped. Apomorphine was later reintroduced at a lower "
            "rate. Within 10 days new ulcers appeared.",
            None,
        ),
        (
            "Swelling after ozonated oil\nA 60-year-old woman presented with cheek swelling "
            "after an injection of ozonated oil. The collection was aspirated twice, and she "
            "reported near-complete symptom resolution.",
            "recovering",
        ),
    ],
)
def test_v_round_outcomes(text: str, outcome: str | None) -> None:
    assert _view(text)["outcome"] == outcome


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Contralateral weakness after botulinum toxin\nA 35-year-old woman received "
            "botulinum toxin into the right arm muscles for spasticity. She developed "
            "weakness of the left arm in the second week post-injection.",
            7.0,
        ),
        (
            "Arm swelling after a vaccine\nA 6-year-old girl had severe swelling and erythema "
            "of the left arm. The day prior, she received a pneumococcal vaccine in that arm.",
            1.0,
        ),
        (
            "Lipoatrophy after insulin\nA 40-year-old man developed lipoatrophy of the thighs. "
            "The atrophy began 4 months after the insulin treatment was initiated.",
            None,
        ),
        (
            "Lipoatrophy after insulin\nA 50-year-old woman had lipoatrophy at her insulin "
            "sites. About 12 months after the insulin injections were stopped, a new "
            "lipoatrophy appeared on the buttock.",
            None,
        ),
    ],
)
def test_v_round_onsets(text: str, days: float | None) -> None:
    got = _view(text)["onset_days"]
    assert got == (None if days is None else pytest.approx(days, abs=0.01))
