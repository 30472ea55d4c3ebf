"""Assessed-field classes read on the tune rounds of the twenty-first session, pinned on texts
we wrote (docs/annotation.md, ``rechallenge``).

- A recurrent reaction told with the exposure it came back with ("recurrent panniculitis
  associated with X injections", "a recurring injection site reaction to X"), in the case or
  in the title of a case report, is a rechallenge that recurred (the r7xx and w0xx
  decisions), when the suspect is a medicine given in doses; a recurrent sign named without
  its exposure, or denied, is none, and so is the recurrent reaction to a material
  deposited once (a filler, silicone), which recurs with no new dose.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft


def _challenge(text: str, which: str) -> str | None:
    products = extract_draft(text).case["products"]
    return (products[0].get(which) or {}).get("result") if products else None


@pytest.mark.parametrize(
    "text",
    [
        "Recurrent panniculitis associated with subcutaneous enoxaparin injections: a case "
        "report\nA 66-year-old woman developed tender nodules on her abdomen after enoxaparin "
        "injections. The nodules were excised.",
        "A recurring injection site reaction to dupilumab\nA 31-year-old man developed an "
        "itchy erythematous plaque at the site of a dupilumab injection on his thigh.",
        "Necrosis after insulin\nA 45-year-old woman had recurrent skin necrosis induced by "
        "subcutaneous insulin injections into her thigh, which healed with dressings.",
    ],
)
def test_recurrent_reaction_told_with_its_exposure(text: str) -> None:
    assert _challenge(text, "rechallenge") == "recurred"


@pytest.mark.parametrize(
    "text",
    [
        "Swelling after a temple filler\nA 50-year-old woman had recurrent swelling, "
        "headache and tenderness of the temple after a hyaluronic acid filler injection.",
        "Jaw pain after botulinum toxin\nA 44-year-old woman had jaw pain after botulinum "
        "toxin injections into the masseter. There has been no recurrent pain after the "
        "injections were stopped.",
    ],
)
def test_recurrent_sign_without_its_exposure_is_no_rechallenge(text: str) -> None:
    assert _challenge(text, "rechallenge") is None


def test_a_recurrent_reaction_to_a_deposited_material_is_no_rechallenge() -> None:
    text = (
        "Recurrent nodules following a liquid silicone injection\nA 48-year-old woman had "
        "liquid silicone injected into her cheeks. Ten years later, red tender nodules "
        "appeared on both cheeks."
    )
    assert _challenge(text, "rechallenge") is None
