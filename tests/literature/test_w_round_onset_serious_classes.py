"""Onset and seriousness classes read on the w0xx round, pinned on texts we wrote
(docs/annotation.md, ``onset_days``: the shortest stated latency from the exposure, two
intervals give their difference; ``serious``: ICH E2A applied to what the text says of this
patient): a latency told from a gerund ("6 days after injecting"), from an exposure written
into "post" ("4-weeks postprocedure", "72 hours postinjection"); a sign dated back before its
verb ("Five months ago, she had developed"); a planned operation's date is no onset; a
structured abstract's "Observations" heading opens the case; an affiliation's footnote
number does not hide its department ("1Division of ... Critical Care Medicine"); a figure's
label between the narrative's sentences does not end the case."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Panniculitis at an interferon beta injection site\nA 41-year-old woman with "
            "multiple sclerosis presented with a 4-day history of pain in the right thigh. This "
            "had started 5 days after subcutaneously injecting interferon beta at that site.",
            5.0,
        ),
        (
            "Facial ulcers after a filler injection\nA 58-year-old woman had a filler injected "
            "into the cheeks. At approximately 3-weeks postprocedure, the patient developed "
            "facial swellings and ulcers.",
            21.0,
        ),
        (
            "Granulomas after gold thread embedding\nA 47-year-old woman came to our clinic. "
            "Four months ago, she had developed erythematous plaques on both cheeks. She had "
            "received gold thread embedding on her face seven months prior.",
            3 * 30.4375,
        ),
        (
            "Eosinophilic reaction to etanercept\nBackground  Injection site reactions are "
            "common with etanercept.\nObservations  An itchy erythematous edematous patch "
            "appeared on the left thigh of a 61-year-old woman within 6 to 12 hours after her "
            "third dose of subcutaneous etanercept.",
            0.25,
        ),
    ],
)
def test_w_round_onset_wordings(text: str, days: float) -> None:
    assert _view(text)["onset_days"] == pytest.approx(days, abs=0.01)


def test_a_planned_operation_is_no_onset() -> None:
    text = (
        "Breast lumps after a gel injection\nA 39-year-old woman had 200 ml of a hyaluronic "
        "acid gel injected into each breast. She presented 5 months later with lumps and "
        "asymmetry of the breasts. The patient was scheduled for surgery 4 months after the "
        "consultation, 9 months after the gel injections."
    )
    assert _view(text)["onset_days"] is None


def test_an_affiliation_footnote_is_no_hospital_stay() -> None:
    text = (
        "Disseminated mycobacterial infection induced by acupuncture: a report of three cases"
        "\nLi Wei1, Chen Hua2\n1Division of Pulmonary and Critical Care Medicine, City "
        "Hospital\n2Division of Intensive Care Unit, County Hospital\nAbstract\nThis study "
        "reports three patients with a history of acupuncture at a local clinic. They improved "
        "after anti-mycobacterial treatment."
    )
    assert _view(text)["serious"] is False


def test_a_figure_label_does_not_end_the_case() -> None:
    text = (
        "Breast lumps after a gel injection\nA 39-year-old woman had a hyaluronic acid gel "
        "injected into each breast. She presented 6 months later with lumps of the breasts.\n"
        "Fig. 1\nFig. 1:\nPreoperative view showing ptosis and visible lumpiness in the lower "
        "pole.\nThe breasts were surgically explored and the gel was evacuated."
    )
    assert _view(text)["serious"] is True


def test_how_a_class_of_injuries_is_managed_is_no_criterion() -> None:
    text = (
        "High-pressure grease gun injury of the thumb\nA 31-year-old mechanic injected grease "
        "into his left thumb with a high-pressure grease gun and developed swelling and pain "
        "of the thumb. These injuries can have grave consequences, and a key step in their "
        "management is early debridement performed within hours of the injury."
    )
    assert _view(text)["serious"] is False
