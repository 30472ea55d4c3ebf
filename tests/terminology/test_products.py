"""Product-category detection."""

from __future__ import annotations

import pytest

from dermavigil.domain.vocab import ProductCategory as C
from dermavigil.terminology.products import categorize, find_products


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("lyophilized exosome", C.exosome),
        ("Juvederm Voluma", C.ha_filler),
        ("hyaluronic acid filler", C.ha_filler),
        ("Sculptra", C.plla),
        ("poly-L-lactic acid", C.plla),
        ("Radiesse", C.caha),
        ("Bellafill", C.pmma),
        ("polymethylmethacrylate microspheres", C.pmma),
        ("Restylane Skinboosters Vital", C.skin_booster),
        ("Restylane", C.ha_filler),
        ("Profhilo", C.skin_booster),
        ("Rejuran", C.polynucleotide),
        ("PDRN", C.polynucleotide),
        ("onabotulinumtoxinA", C.botulinum_toxin),
        ("platelet-rich plasma", C.prp),
        ("deoxycholic acid", C.mesotherapy),
        ("influenza vaccine", C.vaccine),
        ("triamcinolone acetonide", C.drug),
        ("saline", C.other),
    ],
)
def test_categorize(name: str, category: C) -> None:
    assert categorize(name) is category


def test_mentions_carry_spans_and_do_not_overlap() -> None:
    text = "A hyaluronic acid filler (Restylane) and then PRP were injected."
    mentions = find_products(text)
    assert [(m.text, m.category) for m in mentions] == [
        ("hyaluronic acid filler", C.ha_filler),
        ("Restylane", C.ha_filler),
        ("PRP", C.prp),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text
