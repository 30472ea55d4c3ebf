"""Small cases for the assessment tests (``build``), and properties every assessment keeps."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dermavigil.demo import load_seed_case
from dermavigil.domain.assessment import Assessment, Override, assess
from dermavigil.domain.case import Case
from dermavigil.domain.naranjo import POINTS

_BASE: dict[str, Any] = {
    "report": {"source": "clinician", "reporter": {"qualification": "physician", "country": "FR"}},
    "patient": {"sex": "female", "age": {"value": 41}},
    "products": [
        {
            "name": "Filler A",
            "category": "ha_filler",
            "approved_routes": ["subcutaneous"],
            "route": "subcutaneous",
            "start_date": "2024-03-01",
        }
    ],
    "reactions": [{"verbatim": "nodule"}],
}


def build(
    product: dict[str, Any] | None = None,
    reactions: list[dict[str, Any]] | None = None,
    **top: Any,
) -> Case:
    """A valid case: the base above with ``product`` merged into its only product.

    Cross-field rules are not applied (``Case.model_validate``), so a test may
    build an onset before exposure on purpose.
    """
    data = copy.deepcopy(_BASE)
    data["products"][0].update(product or {})
    if reactions is not None:
        data["reactions"] = reactions
    data.update(top)
    return Case.model_validate(data)


AT = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
"""A fixed override time, so results are reproducible."""


answers = st.sampled_from(["yes", "no", "unknown"])


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.integers(1, 10), answers, max_size=10))
def test_naranjo_score_is_the_sum_of_its_items_and_band_follows_the_table(
    chosen: dict[int, str],
) -> None:
    overrides = [
        Override(target=f"naranjo.items.{n}", value=a, by="qa", reason="property", at=AT)
        for n, a in chosen.items()
    ]
    result = assess(load_seed_case(), overrides).naranjo
    expected_answers = {i.number: i.answer for i in assess(load_seed_case()).naranjo.items}
    expected_answers.update(chosen)
    expected = sum(POINTS[n][a] for n, a in expected_answers.items())  # type: ignore[index]
    assert result.score == expected == sum(i.points for i in result.items)
    table = [(9, "definite"), (5, "probable"), (1, "possible")]
    assert result.band == next((b for low, b in table if expected >= low), "doubtful")
    assert [i.number for i in result.items] == list(range(1, 11))
    assert {i.number for i in result.items if i.overridden} == set(chosen)


@settings(max_examples=40, deadline=None)
@given(
    route=st.sampled_from(["intradermal", "subcutaneous", "topical", "unknown", None]),
    approved=st.lists(st.sampled_from(["subcutaneous", "topical", "intradermal"]), max_size=2),
    rechallenge=st.sampled_from(["recurred", "did_not_recur", "unknown", None]),
)
def test_every_answer_shows_facts_and_the_result_survives_json(
    route: str | None, approved: list[str], rechallenge: str | None
) -> None:
    product: dict[str, Any] = {"route": route, "approved_routes": approved}
    if rechallenge is not None:
        product["rechallenge"] = {"done": True, "result": rechallenge}
    result = assess(build(product))
    assert all(item.facts for item in result.naranjo.items)
    assert all(c.facts for c in result.who_umc.criteria)
    assert all(c.facts for c in result.seriousness.criteria + result.sue.criteria)
    assert all(p.facts for p in result.off_label.products)
    assert Assessment.model_validate_json(result.model_dump_json()) == result
