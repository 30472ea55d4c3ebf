"""scripts/build_labelled_routes.py: the Drugs@FDA route names map onto the case model's
routes (ICH E2B list), and the same inputs build the same table. The fixture rows are
ours, in the layout of Drugs@FDA's Products.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.domain.routes import Route


@pytest.fixture(scope="module")
def builder(load_script):
    return load_script("build_labelled_routes")


def test_every_mapped_route_is_a_case_model_route(builder):
    for slug in builder.ROUTES.values():
        Route(slug)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("INTRAMUSCULAR", {"intramuscular"}),
        ("IM-IV", {"intramuscular", "intravenous"}),
        ("INTRAMUSCULAR, INTRAVENOUS", {"intramuscular", "intravenous"}),
        ("IV (INFUSION)", {"intravenous"}),
        ("INTRA-ARTICULAR", {"intra_articular"}),
        ("SOFT TISSUE", {"periarticular"}),
        ("PERIARTICULAR", {"periarticular"}),
        ("INJECTION", {"parenteral"}),
        ("ORAL-28", {"oral"}),
        ("Subcutaneous", {"subcutaneous"}),
        ("FOR RX COMPOUNDING", set()),
    ],
)
def test_route_names_map_to_routes(builder, field: str, expected: set[str]):
    assert builder._routes(field) == expected


HEADER = "\t".join(
    ("ApplNo", "ProductNo", "Form", "Strength", "ReferenceDrug", "DrugName", "ActiveIngredient")
    + ("ReferenceStandard",)
)
ROWS = [
    "000001\t001\tINJECTABLE;INTRAMUSCULAR\t1MG\t0\tDEPOTEX\tEXAMPLOL DECANOATE\t0",
    "000001\t002\tTABLET;ORAL\t5MG\t0\tEXAMPLOL\tEXAMPLOL\t0",
    "000002\t001\tINJECTABLE;INJECTION\t40MG/ML\t0\tJOINTASONE\tJOINTASONE ACETATE\t0",
    "000003\t001\tINJECTABLE;SUBCUTANEOUS\t1MG\t0\tCOMBIX\tALPHA; BETA\t0",
]


def test_the_build_is_deterministic_and_keys_salts_and_brands(builder, tmp_path: Path):
    products = tmp_path / "Products.txt"
    products.write_text("\n".join([HEADER, *ROWS, ""]), encoding="latin-1")
    first, count = builder.build(products, tmp_path / "no-shared-data")
    again, _ = builder.build(products, tmp_path / "no-shared-data")
    assert first == again
    lines = dict(line.split("\t") for line in first.splitlines() if not line.startswith("#"))
    assert count == len(lines)
    assert lines["examplol decanoate"] == "intramuscular"
    assert lines["examplol"] == "intramuscular,oral"  # the base name without its ester
    assert lines["depotex"] == "intramuscular"
    assert lines["jointasone"] == "parenteral"
    assert "alpha" not in lines and "combix" not in lines  # two ingredients: no key
