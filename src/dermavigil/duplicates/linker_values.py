"""Reading and setting a splink linker's ``m`` and ``u`` by level label (splink 5 keeps
them on its comparison levels; a level it never observed holds no trained value)."""

from __future__ import annotations

import math
from typing import Any


def observed(value: Any) -> float | None:
    """A trained probability, or None where splink saw no pair at that level (it would
    use 1e-6: an unseen level would weigh ~20 bits; the prior is kept instead)."""
    if isinstance(value, (int, float)) and math.isfinite(value) and value > 0:
        return float(value)
    return None


def session_m(session: Any) -> tuple[dict[str, dict[str, float]], float]:
    """m per level of each comparison the EM session trained, and its final lambda."""
    core = session.core_model_settings
    out: dict[str, dict[str, float]] = {}
    for comparison in core.comparisons:
        levels = {}
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            m = observed(level._m_probability)
            if m is not None:
                levels[level.label_for_charts] = m
        out[comparison.output_column_name] = levels
    return out, float(core.probability_two_random_records_match)


def set_u(linker: Any, name: str, u: dict[str, float]) -> None:
    """Set the linker's ``u`` of comparison ``name``'s levels by label."""
    for comparison in linker._settings_obj.comparisons:
        if comparison.output_column_name == name:
            for level in comparison.comparison_levels:
                if not level.is_null_level and level.label_for_charts in u:
                    level.u_probability = u[level.label_for_charts]


def current_u(linker: Any) -> dict[str, dict[str, float]]:
    """``u`` per comparison and level that the linker scores with now (splink's value: a
    trained one, else the level's prior)."""
    return {
        comparison.output_column_name: {
            level.label_for_charts: float(level.u_probability)
            for level in comparison.comparison_levels
            if not level.is_null_level
        }
        for comparison in linker._settings_obj.comparisons
    }


def sampled_u(linker: Any) -> dict[str, dict[str, float]]:
    """``u`` per comparison and level that splink's random sampling estimated: a level no
    sampled pair reached is left out (it keeps its prior, as splink keeps it)."""
    return {
        comparison.output_column_name: {
            level.label_for_charts: float(level._trained_u_median)
            for level in comparison.comparison_levels
            if not level.is_null_level and observed(level._trained_u_median) is not None
        }
        for comparison in linker._settings_obj.comparisons
    }


def model_dict(linker: Any) -> dict[str, dict[str, tuple[float | None, float | None]]]:
    """m and u per level of each comparison of a linker (None where not set)."""
    out: dict[str, dict[str, tuple[float | None, float | None]]] = {}
    for comparison in linker._settings_obj.comparisons:
        out[comparison.output_column_name] = {
            level.label_for_charts: (
                observed(level._m_probability),
                observed(level._u_probability),
            )
            for level in comparison.comparison_levels
            if not level.is_null_level
        }
    return out
