"""Body-site failure classes of real abstracts, pinned on sentences we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.sites import find_sites, imaged_or_donor_site


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


def test_own_text_sites_of_imaging_and_of_a_flap_are_not_the_reaction_s():
    """'A CT scan of the chest', 'chest and abdominal films', 'a thigh flap': the region an
    imaging test covered and the donor site of a flap are not sites of the injection or of
    the reaction (r474, r475, r534, r329, r560)."""
    path = Path(__file__).resolve().parents[1] / "data" / "literature"
    draft = extract_draft((path / "dc03_sites_of_tests_and_flaps.txt").read_text("utf-8"))
    sites = {s for p in draft.case["products"] for s in p.get("body_sites", [])}
    sites |= {s for r in draft.case["reactions"] for s in r.get("body_sites", [])}
    assert sites == {"buttock"}


@pytest.mark.parametrize(
    ("text", "imaged"),
    [
        ("CT chest revealed peripheral opacities.", True),
        ("Chest computed tomography showed ground-glass opacities.", True),
        ("Fat harvested from the abdomen was injected into the cheeks.", True),
        ("A painful plaque developed on the chest after the injection.", False),
    ],
)
def test_imaged_or_donor_site(text, imaged):
    (_, start, end), *_ = find_sites(text)
    assert imaged_or_donor_site(text, start, end) is imaged


@pytest.mark.parametrize(
    "text",
    [
        "She developed a left central type facial palsy and a hemiplegia.",
        "She asked about her unbalanced facial profile.",
        "A barbed thread face lift was done.",
        "Filler injection for face augmentation is a common procedure.",
    ],
)
def test_words_that_name_no_facial_site(text: str) -> None:
    """A facial palsy names a nerve's territory, a profile an appearance, a face lift or a
    face augmentation a procedure: none is where the injection or the reaction was (r408,
    r510, r624, r429)."""
    from dermavigil.literature.extract.sites import find_sites

    assert [s for s, _, _ in find_sites(text)] == []


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("He fired the autoinjector into the tip of his index finger.", ["hand"]),
        ("The thumb was cold and pale; the fingertip blanched.", ["hand", "hand"]),
        ("Toxoid is given three finger breadths below the acromion.", []),
        ("A right rectus sheath haematoma was seen on CT.", ["abdomen"]),
    ],
)
def test_fingers_name_the_hand_and_the_rectus_sheath_the_abdomen(
    text: str, sites: list[str]
) -> None:
    """docs/annotation.md (`sites`): finger, fingertip and thumb -> hand; rectus sheath ->
    abdomen; a finger's breadth as a landmark names no site."""
    assert [s for s, _, _ in find_sites(text)] == sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Weakness followed a deltoid injection: an axillary nerve injury.", ["upper arm"]),
        ("A tender node was felt in the left axilla.", ["axilla"]),
        ("She had a history of breast cancer and a left breast tumorectomy.", []),
        ("The filler had migrated into the left breast.", ["breast"]),
        ("He had prolotherapy to the upper cervical region.", ["neck"]),
        ("A rash spread over both lower limbs.", ["leg"]),
        ("An auto-injector discharged into her mandible.", ["jawline"]),
        ("Pain started in the left thoracolumbar paraspinal muscles.", ["back"]),
        ("She came for cervical cancer screening.", []),
    ],
)
def test_regional_words_of_the_annotation_and_structures_named_after_a_region(text, sites):
    """The y0xx decisions' regional words (cervical: neck, lower limbs: leg, mandible:
    jawline; lumbar and paraspinal: back); a nerve named after a region is not the region
    (the axillary nerve, injured by a deltoid injection, runs at the shoulder), and the
    breast named only as a cancer's or its surgery's site is no site (docs/annotation.md)."""
    assert [name for name, _, _ in find_sites(text)] == sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("She wanted facial fillings to treat facial aging.", []),
        ("A left lower facial paresis followed.", []),
        ("Nodules appeared on the face antérieure of the thigh.", ["thigh"]),
        ("Her face and lips were swollen.", ["face", "lip"]),
    ],
)
def test_facial_words_of_a_procedure_an_indication_or_a_nerve_are_no_site(text, sites):
    """'Facial fillings', 'facial aging' name a procedure and its indication (as 'facial
    fillers' and 'facial wrinkles' already do), a facial paresis the nerve (as a facial palsy);
    French 'face antérieure' is a limb's surface, not the face."""
    assert [name for name, _, _ in find_sites(text)] == sites
