"""Random pairs are compared only on the comparisons whose ``u`` they give
(``duplicates.chance.random_pair_comparisons``, issue 16, twenty-third session): where one
product's pairs give every level of a comparison its ``u``, random pairs' is replaced, and
splink's random sampling of it was a fixed cost of most of a 10k run."""

from __future__ import annotations

from pathlib import Path

import pytest
from splink import DuckDBAPI, Linker

from dermavigil.duplicates import training
from dermavigil.duplicates.chance import (
    UNCONDITIONED,
    ProductShares,
    conditioned,
    random_pair_comparisons,
)
from dermavigil.duplicates.detect import feature_table
from dermavigil.duplicates.linker_values import sampled_u
from dermavigil.duplicates.model import U_SEED, facts, settings

from .near_copies import registry_with_near_copies


def _every_level(names: list[str]) -> dict[str, dict[str, float]]:
    return {
        f.name: {lv.label: 1 / len(f.levels) for lv in f.levels} for f in facts() if f.name in names
    }


def test_without_one_products_shares_every_comparison_is_sampled() -> None:
    assert random_pair_comparisons(None) == [f.name for f in facts()]


def test_comparisons_one_products_pairs_give_are_not_sampled() -> None:
    given = [f.name for f in facts() if conditioned(f.name)]
    assert len(given) >= 10  # most comparisons are conditioned on the product
    product = ProductShares(_every_level(given), pairs=500_000, n=10_000, same_product=10**6)
    sampled = random_pair_comparisons(product)
    assert set(sampled) == {f.name for f in facts()} - set(given)
    assert set(UNCONDITIONED) <= set(sampled)


def test_a_level_one_products_pairs_never_reached_keeps_random_pairs_u() -> None:
    given = [f.name for f in facts() if conditioned(f.name)]
    shares = _every_level(given)
    missed = next(iter(shares["age"]))
    del shares["age"][missed]
    product = ProductShares(shares, pairs=500_000, n=10_000, same_product=10**6)
    assert "age" in random_pair_comparisons(product)


def test_the_comparisons_sampled_alone_get_the_u_all_sampled_give(shared_data: Path) -> None:
    """splink samples the records once and compares each comparison on its own, so the
    ``u`` of a comparison does not depend on which others are sampled with it."""
    table = feature_table(registry_with_near_copies(shared_data, limit=60))
    db_api = DuckDBAPI()
    records = db_api.register(table, table_name="cases")
    some = ["sex", "country", "products_reactions", "event_date"]
    got = {}
    for only in (None, some):
        linker = Linker(records, settings(table.num_rows, only=only), log_level=None)
        linker.training.estimate_u_using_random_sampling(
            max_pairs=20_000, seed=U_SEED, num_chunks=1, min_count_per_level=None
        )
        got[only is None] = sampled_u(linker)
    assert set(got[False]) == set(some)
    for name in some:
        assert got[False][name] == got[True][name], name
        assert len(got[False][name]) > 1  # several levels reached: the test can fail


def test_a_run_samples_random_pairs_only_for_the_u_it_uses(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a registry whose one-product pairs reach every level of some comparisons, random
    pairs are compared on fewer than all, and those others' ``u`` is one product's."""
    from dermavigil.duplicates.detect import score_table

    sampled: list[list[str]] = []
    original = training.random_pair_comparisons

    def kept(product: ProductShares | None) -> list[str]:
        names = original(product)
        sampled.append(names)
        return names

    monkeypatch.setattr(training, "random_pair_comparisons", kept)
    table = feature_table(registry_with_near_copies(shared_data))
    _, model = score_table(table, 0.9)
    assert model.trained and len(sampled) == 1
    assert 0 < len(sampled[0]) < len(facts())
    held = {(f.name, lv.label) for f in facts() for lv in f.levels if lv.held}
    for fact in model.facts:
        sources = {lv.u_from for lv in fact.levels if (fact.name, lv.label) not in held}
        if fact.name in UNCONDITIONED:
            assert sources == {"random pairs"}, fact.name
        elif fact.name not in sampled[0]:
            assert sources == {"random pairs of one product"}, fact.name
