"""Real VAERS reports (2000): a follow-up whose reaction terms were recoded is still found by
the words of its narrative, and alike narratives of two reports received within a week
(one sender's batch) are no evidence either way."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from dermavigil.duplicates.detect import score_table, with_rare_terms
from dermavigil.duplicates.model import level_labels
from dermavigil.duplicates.narrative_levels import NARRATIVE_SAME_DAY
from dermavigil.duplicates.store_features import store_feature_table

from .conftest import vaers_year_store

pytestmark = pytest.mark.slow

RECODED = {
    # one manufacturer number (SPLTTYPE) each, the second report received months later
    # with its reaction terms recoded and its narrative alike (bench/vaers_links.py)
    "FLU24110500": ("vaers:154827", "vaers:161665"),
    "HQ0750328SEP1999": ("vaers:154320", "vaers:157738"),
}
ALIKE = "narratives alike (half their words in common, ten or more)"


@pytest.fixture(scope="module")
def vaers_2000(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> pa.Table:
    """The manufacturer reports of VAERS 2000 (a report number on file), the number hidden:
    it is what links the pairs under test, so the model must find them without it."""
    store = vaers_year_store(shared_data, tmp_path_factory.mktemp("vaers-2000"), 2000)
    table = store_feature_table(store)
    table = table.filter(pc.invert(pc.is_null(table["report_number"])))
    for column in ("report_number", "number_scheme"):
        index = table.schema.get_field_index(column)
        table = table.set_column(index, column, pa.nulls(table.num_rows, pa.string()))
    assert table.num_rows > 2000
    return with_rare_terms(table)


def _scored(table: pa.Table) -> dict[tuple[str, str], dict]:
    pairs, _ = score_table(table, 0.0)
    return {tuple(sorted((r["unique_id_l"], r["unique_id_r"]))): r for r in pairs.to_pylist()}


@pytest.fixture(scope="module")
def scored(vaers_2000: pa.Table) -> dict[tuple[str, str], dict]:
    return _scored(vaers_2000)


def test_a_follow_up_with_recoded_reactions_is_found_by_its_narrative(
    vaers_2000: pa.Table, scored: dict[tuple[str, str], dict]
) -> None:
    """The two pairs share no reaction term or only some (the follow-up recoded them), and
    were received weeks apart: their narratives carry them over 0.9, and without
    the narratives they fall below it."""
    labels = level_labels()["narrative"]
    rows = {r["unique_id"]: r for r in vaers_2000.to_pylist()}
    for number, pair in RECODED.items():
        row = scored[pair]
        assert labels[row["gamma_narrative"]] == ALIKE, number
        assert abs((rows[pair[0]]["received"] - rows[pair[1]]["received"]).days) > 7
        assert set(rows[pair[0]]["reaction_terms"]) != set(rows[pair[1]]["reaction_terms"])
        assert row["match_probability"] >= 0.9, (number, row["match_probability"])
    blind = vaers_2000.set_column(
        vaers_2000.schema.get_field_index("narrative_words"),
        "narrative_words",
        pa.nulls(vaers_2000.num_rows, pa.list_(pa.string())),
    )
    without = _scored(blind)
    for number, pair in RECODED.items():
        assert without[pair]["match_probability"] < 0.9, number


def test_alike_narratives_received_within_a_week_weigh_nothing(
    scored: dict[tuple[str, str], dict],
) -> None:
    """Pairs received within a week whose narratives are alike (one sender's batch, a
    copied text) meet on the held level, whose weight is 0; pairs received further apart
    on the alike level weigh for a match."""
    labels = level_labels()["narrative"]
    by_level: dict[str, list[float]] = {}
    for row in scored.values():
        by_level.setdefault(labels[row["gamma_narrative"]], []).append(row["w_narrative"])
    assert len(by_level[NARRATIVE_SAME_DAY]) >= 100
    assert set(by_level[NARRATIVE_SAME_DAY]) == {0.0}
    assert min(by_level[ALIKE]) > 3  # bits
