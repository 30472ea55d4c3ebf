"""Off-label route per suspect product: flagged, on-label, or unknown with the reason."""

from __future__ import annotations

from test_assessment_cases import build

from dermavigil.demo import load_seed_case
from dermavigil.domain.off_label import assess_off_label


def test_seed_intradermal_use_of_a_topical_product_is_off_label() -> None:
    result = assess_off_label(load_seed_case())
    assert result.flag is True
    (product,) = result.products
    assert (product.route_used, product.approved_routes, product.off_label) == (
        "intradermal",
        ["topical"],
        True,
    )
    assert "products.0.route: route used: intradermal" in product.facts
    assert any("approved or labelled for: topical" in f for f in product.facts)


def test_route_among_approved_routes_is_on_label() -> None:
    result = assess_off_label(build({"route": "subcutaneous"}))
    assert result.flag is False and result.products[0].off_label is False


def test_no_route_used_is_unknown_and_says_so() -> None:
    result = assess_off_label(build({"route": None}))
    assert result.flag is False
    assert result.products[0].off_label is None
    assert "products.0.route: route used not recorded" in result.products[0].facts


def test_unknown_route_and_missing_approval_are_unknown() -> None:
    unknown = assess_off_label(build({"route": "unknown"})).products[0]
    assert unknown.off_label is None
    assert any("recorded only as 'unknown'" in f for f in unknown.facts)
    unapproved = assess_off_label(build({"approved_routes": []})).products[0]
    assert unapproved.off_label is None
    assert any("no approved or labelled route recorded" in f for f in unapproved.facts)


def test_equivalent_routes_are_covered() -> None:
    assert (
        assess_off_label(build({"approved_routes": ["topical"], "route": "cutaneous"})).flag
        is False
    )
    bolus = build({"approved_routes": ["intravenous"], "route": "intravenous_bolus"})
    assert assess_off_label(bolus).flag is False
    reverse = build({"approved_routes": ["intravenous_bolus"], "route": "intravenous"})
    assert assess_off_label(reverse).flag is True


def test_only_suspect_products_count_and_any_one_flags_the_case() -> None:
    case = build(
        products=[
            {"name": "A", "approved_routes": ["topical"], "route": "topical"},
            {
                "name": "B",
                "approved_routes": ["topical"],
                "route": "intradermal",
                "role": "concomitant",
            },
            {
                "name": "C",
                "approved_routes": ["oral"],
                "route": "intramuscular",
                "role": "interacting",
            },
        ]
    )
    result = assess_off_label(case)
    assert [p.product_index for p in result.products] == [0, 2]
    assert [p.off_label for p in result.products] == [False, True]
    assert result.flag is True
