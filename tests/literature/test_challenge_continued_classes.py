"""Rechallenge classes of a suspect continued after the reaction (docs/annotation.md,
``rechallenge``; the r7xx and w0xx decisions: a reaction after each later dose recurred): the
injections continued and the reaction came back ("continued to administer injections ...,
leading to a recurrence", "continued on golimumab ... EN flares"); a first re-administration
told without its result does not hide a later one told with it."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft


def _rechallenge(text: str) -> str | None:
    products = extract_draft(text).case["products"]
    return (products[0].get("rechallenge") or {}).get("result") if products else None


@pytest.mark.parametrize(
    "text",
    [
        "Lipoatrophy from somatrogon\nA 6-year-old girl developed lipoatrophy of the right "
        "upper arm after weekly subcutaneous somatrogon injections given in the same area. "
        "Her parents were asked to rotate the sites, but they continued to administer "
        "injections into the left upper arm, leading to a recurrence of lipoatrophy within "
        "six weeks.",
        "Nodules during ustekinumab therapy\nA 45-year-old man with psoriasis received "
        "subcutaneous ustekinumab every 12 weeks. He developed tender red nodules on the "
        "shins a day after the third injection. Since the patient continued on ustekinumab, "
        "the nodules flared again later.",
    ],
)
def test_continued_injections_recurred(text: str) -> None:
    assert _rechallenge(text) == "recurred"
