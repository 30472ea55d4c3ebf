"""assess(): the whole assessment, and assessor overrides recorded with who and why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_assessment_cases import AT, build

from dermavigil.demo import load_seed_case
from dermavigil.domain import assess as exported_assess
from dermavigil.domain.assessment import Assessment, Override, assess, check_override
from dermavigil.errors import InputError


def _override(target: str, value: str, **extra: object) -> Override:
    fields = {"by": "dr.lee", "reason": "author states no other exposure", "at": AT, **extra}
    return Override(target=target, value=value, **fields)


def test_assess_is_pure_and_exported() -> None:
    case = load_seed_case()
    assert exported_assess is assess
    assert assess(case) == assess(case)
    assert assess(case).overrides == []


def test_naranjo_override_recomputes_score_and_band_and_keeps_facts() -> None:
    result = assess(load_seed_case(), [_override("naranjo.items.5", "no")])
    item = result.naranjo.items[4]
    assert (item.answer, item.points, item.overridden) == ("no", 2, True)
    assert item.facts[0] == "derived answer: unknown"
    assert item.facts[-1] == (
        "override by dr.lee at 2026-01-02 03:04 UTC: no (author states no other exposure)"
    )
    assert (result.naranjo.score, result.naranjo.band) == (7, "probable")
    assert result.overrides[0].by == "dr.lee"
    assert result.overrides[0].reason == "author states no other exposure"
    assert Assessment.model_validate_json(result.model_dump_json()) == result


def test_later_override_for_a_target_wins() -> None:
    first = _override("who_umc.category", "probable")
    second = _override(
        "who_umc.category", "certain", by="dr.kim", reason="rechallenge at a new site"
    )
    result = assess(load_seed_case(), [first, second])
    assert (result.who_umc.category, result.who_umc.overridden) == ("certain", True)
    assert [o.by for o in result.overrides] == ["dr.lee", "dr.kim"]
    assert assess(load_seed_case()).who_umc.category == "possible"


def test_seriousness_sue_and_off_label_overrides() -> None:
    overrides = [
        _override("seriousness.serious", "no"),
        _override("sue.serious", "false"),
        _override("sue.causality_level", "Very_Likely", reason="positive rechallenge, biopsy"),
        _override("off_label_route", "false", reason="label found to allow intradermal use"),
    ]
    result = assess(load_seed_case(), overrides)
    assert result.serious is False and result.seriousness.serious is False
    assert result.seriousness.overridden
    assert any(c.met for c in result.seriousness.criteria)  # derived answers stay visible
    assert result.sue.serious is False
    assert result.sue.causality_level == "very_likely"
    assert result.sue.reason == "positive rechallenge, biopsy"
    assert result.off_label_route is False and result.off_label.flag is False
    assert result.off_label.products[0].off_label is True


@pytest.mark.parametrize(
    ("target", "value", "location"),
    [
        ("naranjo.items.11", "yes", "target"),
        ("naranjo.score", "9", "target"),
        ("who_umc.category", "likely", "value"),
        ("sue.causality_level", "probable", "value"),
        ("naranjo.items.3", "maybe", "value"),
        ("off_label_route", "perhaps", "value"),
    ],
)
def test_invalid_target_or_value_is_input_error(target: str, value: str, location: str) -> None:
    with pytest.raises(InputError) as info:
        check_override(target, value)
    assert info.value.problems[0].location == location
    with pytest.raises(InputError):
        _override(target, value)


def test_reason_and_author_are_required() -> None:
    with pytest.raises(InputError) as info:
        _override("who_umc.category", "certain", reason="   ")
    assert info.value.problems[0].location == "reason"
    with pytest.raises(InputError):
        Override(target="who_umc.category", value="certain", by="", reason="x")


def test_override_defaults_to_now_and_validated_again_when_loaded() -> None:
    before = datetime.now(UTC)
    made = Override(target="naranjo.items.1", value="YES", by="a", reason="b")
    assert made.value == "yes" and made.at >= before
    loaded = Override.model_construct(target="naranjo.items.1", value="often", by="a", reason="b")
    with pytest.raises(InputError):
        assess(build(), [loaded])


def test_unknown_target_is_named_and_naive_time_is_utc() -> None:
    with pytest.raises(InputError) as info:
        _override("naranjo.total", "3")
    assert [p.location for p in info.value.problems] == ["target"]
    naive = _override("naranjo.items.2", "no", at=datetime(2026, 1, 2, 3, 4))
    assert naive.at == AT
