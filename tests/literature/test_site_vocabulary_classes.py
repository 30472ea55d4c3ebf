"""Body sites the vocabulary missed, pinned on sentences we wrote.

docs/annotation.md, ``sites``: regional words take the region's name. A regional adjective
the vocabulary pairs with a region noun ("temporal region") names the region before a skin
reaction or an injection too; the palm, the sole and heel, the umbilical, presternal and
interscapular regions, the quadriceps, the iliac crest and the eyebrow (Terminologia
Anatomica's regions, and the annotation's conventions) are the hand, the foot, the abdomen,
the chest, the back, the thigh, the hip and the forehead, and the skin between the eyebrows the
glabella; fat taken from a region for a graft is no site.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.sites import find_sites, imaged_or_donor_site, treatment_site


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("A frontal skin necrosis followed the filler.", ["forehead"]),
        ("The zygomatic filler injection was uneventful.", ["cheek"]),
        ("Buccal erythema appeared the next day.", ["cheek"]),
        ("She had a frontal headache and nasal congestion.", []),
        ("The superficial temporal artery was patent; a nasal spray was given.", []),
        ("Papules appeared on the palms and the plantar skin.", ["hand", "foot"]),
        ("The drug was injected near the umbilicus.", ["abdomen"]),
        ("Nodules arose over the sternum and in the interscapular region.", ["chest", "back"]),
        ("The vaccine went into the quadriceps.", ["thigh"]),
        ("A plaque formed over the iliac crest.", ["hip"]),
        ("The toxin was injected above both eyebrows.", ["forehead"]),
        ("Frown lines between the eyebrows were treated.", ["glabella"]),
    ],
)
def test_regional_words_the_vocabulary_missed(text, sites):
    assert [name for name, _, _ in find_sites(text)] == sites


def test_fat_transferred_or_extracted_from_a_region_is_a_donor_site():
    text = "We transferred 300 mL of adipose tissue from the bilateral thighs to the buttocks."
    start = text.index("thighs")
    assert imaged_or_donor_site(text, start, start + len("thighs"))
    text = "Fat extracted from both thighs was injected into the breasts."
    start = text.index("thighs")
    assert imaged_or_donor_site(text, start, start + len("thighs"))


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Pallor followed the course of the submental and facial arteries.", []),
        ("Shoulder joint pain followed the deltoid injection.", ["shoulder", "upper arm"]),
        ("The fracture was fixed with a dynamic hip screw.", []),
        ("A foot drop followed the gluteal injection.", ["buttock"]),
        ("Nodules formed on the hip and the thigh.", ["hip", "thigh"]),
    ],
)
def test_a_structure_named_after_a_region_is_no_site(text, sites):
    """A vessel, a nerve or a bone named after a region, or a deficit named by it, is not the
    skin of the region where the product went or the reaction was."""
    assert [name for name, _, _ in find_sites(text)] == sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Plaques covered the anterior face of the left forearm.", ["forearm"]),
        ("Nodules lay on the outer face of both thighs.", ["thigh"]),
        ("The lower face and the lateral face were swollen.", ["face", "face"]),
    ],
)
def test_face_between_an_aspect_and_of_is_a_limbs_surface(text, sites):
    """ "The anterior face of the forearm" names the forearm's surface, not the face."""
    assert [name for name, _, _ in find_sites(text)] == sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Chest and cardiovascular examinations were satisfactory.", []),
        ("Abdominal examination revealed no tenderness.", []),
        ("The right hip and abdomen were clinically normal.", []),
        ("Examination of the left arm revealed a necrotic plaque.", ["arm"]),
        ("Findings were positive for deltoid tenderness, and sensation was intact.", ["upper arm"]),
    ],
)
def test_a_region_an_examination_found_normal_is_no_site(text, sites):
    """A negative finding of the work-up names no site of the injection or the reaction."""
    assert [s for s, a, b in find_sites(text) if not treatment_site(text, b, a)] == sites
