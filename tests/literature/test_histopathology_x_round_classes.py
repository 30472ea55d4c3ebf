"""Histopathology failure classes of the x0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or histological examination showed.
A slide told by what the tissue consisted of ("Histologically, the nodule consisted of ..."),
then by its cells ("The histiocytes contained ..."), not by what it resembles; and an
immunohistochemical examination (a histology test under another name).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def test_what_the_tissue_consisted_of_and_what_its_cells_contained():
    found = _histology(
        "Nodule after a vaccine\nA 14-year-old girl developed a firm nodule on the deltoid "
        "three months after a hepatitis B vaccination. The nodule was excised. Histologically, "
        "the nodule consisted of a necrotic centre surrounded by palisading histiocytes, closely "
        "resembling a rheumatoid nodule. The "
        "histiocytes contained granular basophilic material."
    )
    assert len(found) == 1
    assert found[0]["result"].startswith("a necrotic centre surrounded by palisading histiocytes")
    assert "granular basophilic material" in found[0]["result"]
    labels = {c["label"] for c in found[0]["codes"]}
    assert "Cutaneous necrosis" in labels
    assert not any("nodule" in label.lower() for label in labels)  # a likeness, not a finding


def test_an_immunohistochemical_examination_is_a_histology_test():
    found = _histology(
        "Plaque after a vaccine\nA 33-year-old man developed an indurated plaque at the "
        "injection site of a tetanus vaccine. Immunohistochemistry showed a dense lymphocytic "
        "infiltrate with germinal centres."
    )
    assert [f["test"] for f in found] == ["immunohistochemistry"]


def test_a_likeness_to_an_object_is_the_appearance_itself():
    found = _histology(
        "Nodules after a self-injected oil\nA 47-year-old man developed hard nodules of the "
        "penis years after injecting mineral oil. A biopsy showed many empty vacuoles in the "
        "dermis resembling Swiss cheese."
    )
    assert [f["result"] for f in found] == [
        "many empty vacuoles in the dermis resembling Swiss cheese"
    ]
