"""Body-site failure classes of real abstracts, pinned on sentences we wrote."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.sites import find_sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Visual acuity of the right eye was hand motion at 30 cm.", []),
        ("Acuity improved from hand movements to 0.2; both hands were warm.", ["hand"]),
        ("She went blind two hours after a nasal augmentation with a filler.", ["nose"]),
        ("A nodule formed in the nasal area after the injection.", ["nose"]),
        (
            "Toxin was injected into the procerus and the orbicularis oculi.",
            ["glabella", "periorbital area"],
        ),
        (
            "She had frontalis injections for frontal and glabellar lines.",
            ["forehead", "forehead", "glabella"],
        ),
        ("Ptosis followed; a frontal lobe infarct was excluded.", []),
    ],
)
def test_visual_acuity_is_no_site_and_nasal_names_the_nose(text, sites):
    """'Hand motion' is a visual acuity, not a hand; 'nasal augmentation' places the
    injection in the nose as 'lip augmentation' does in the lip; a muscle of facial
    expression names its region (procerus: glabella, frontalis: forehead), the frontal
    lobe does not."""
    assert [name for name, _, _ in find_sites(text)] == sites
