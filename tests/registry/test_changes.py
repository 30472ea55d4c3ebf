"""The version diff reports every changed leaf by its field path."""

from __future__ import annotations

from dermavigil.registry.changes import diff


def _triples(old: object, new: object) -> list[tuple[str, object, object]]:
    return [(c.path, c.old, c.new) for c in diff(old, new)]


def test_nested_values_lists_and_missing_keys() -> None:
    old = {"patient": {"sex": "male"}, "products": [{"route": "topical", "body_sites": ["face"]}]}
    new = {
        "patient": {"sex": "male", "age_group": "adult"},
        "products": [{"route": "intradermal", "body_sites": ["face", "neck"]}, {"name": "HA"}],
    }
    assert _triples(old, new) == [
        ("patient.age_group", None, "adult"),
        ("products.0.route", "topical", "intradermal"),
        ("products.0.body_sites.1", None, "neck"),
        ("products.1", None, {"name": "HA"}),
    ]


def test_removals_and_equal_documents() -> None:
    doc = {"a": [1, 2, 3], "b": {"c": None}}
    assert diff(doc, doc) == []
    assert _triples({"a": [1, 2, 3]}, {"a": [1]}) == [("a.1", 2, None), ("a.2", 3, None)]
    assert _triples({"x": 1, "y": []}, {"y": None}) == [("x", 1, None)]  # [] and None: both empty
    assert _triples(1, 2) == [("(case)", 1, 2)]
