"""Body sites written with typeset punctuation or as members of a list, pinned on sentences
we wrote.

docs/annotation.md, ``sites``: the vocabulary's wordings hold whatever hyphen or apostrophe
the typesetter used (a Unicode hyphen in "X-ray", a right single quotation mark in "crow's
feet"), and a wording the vocabulary counts only after a determiner ("the back", "her back":
"back" is also an adverb) is a site when it is a member of a list of sites, where only the
first member carries the determiner. A region an imaging test covered is no site, the test
named by an adjective ("radiographic chest studies") or after the region with its plane
("chest axial tomography").
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.sites import find_sites, imaged_or_donor_site


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Toxin went into the crow\u2019s feet.", ["periorbital area"]),
        ("Toxin went into the crow's feet.", ["periorbital area"]),
        ("A chest X\u2010ray was unremarkable.", []),
        ("A chest X\u2011ray was unremarkable.", []),
        ("Nodules lay along the naso\u2010labial folds.", ["nasolabial fold"]),
        ("She had a face-lift and a face\u2010lift before.", []),
    ],
)
def test_typeset_hyphens_and_apostrophes(text, sites):
    assert [name for name, _, _ in find_sites(text)] == sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Wheals covered his neck, back, and thighs.", ["neck", "back", "thigh"]),
        ("Papules spread over her arms and back.", ["arm", "back"]),
        ("Back, chest and abdomen were spared.", ["back", "chest", "abdomen"]),
        ("She went back, and her cheek was swollen.", ["cheek"]),
        ("He had shoulder and back pain.", ["shoulder"]),
        ("She came back to the clinic with a swollen lip.", ["lip"]),
    ],
)
def test_a_determiner_gated_site_in_a_list_of_sites(text, sites):
    assert [name for name, _, _ in find_sites(text)] == sites


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Chest axial tomography disclosed fibrosis of the lungs.", "Chest"),
        ("The results of radiographic chest studies were normal.", "chest"),
        ("A chest X\u2010ray was normal.", "chest"),
    ],
)
def test_the_region_an_imaging_test_covered(text, region):
    start = text.index(region)
    assert imaged_or_donor_site(text, start, start + len(region))
    assert not imaged_or_donor_site("Nodules lay on the chest wall.", 18, 23)
