"""FAERS-like synthetic stores for tests and benchmarks (vectorised, seeded).

Each report has 1-20 product lines and 1-10 reaction terms (truncated
geometric sizes), products and reactions drawn from Zipf-like popularity
(``p_k ~ k^-s``), as the marginals of FAERS are heavy-tailed. Products have
their own favourite reactions (a share ``profile_share`` of a report's terms
follows its first product's profile), which gives the over-dispersed
observed/expected ratios of real data. A few products carry a true signal: a
report with one of them gets that product's partner reaction with probability
``signal_rate``. The first product line of a report is ``suspect``; the others
are suspect, concomitant or interacting. Sex, age and received date are drawn
independently, with missing values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa

from dermavigil.store.layout import SourceWriter

ROUTES = ("intradermal", "subcutaneous", "intramuscular", "topical", "oral")
CATEGORIES = ("filler", "toxin", "biologic", "small_molecule")


@dataclass(frozen=True)
class SyntheticSpec:
    """Sizes and shape of a synthetic store."""

    n_reports: int
    n_products: int = 3000
    n_reactions: int = 1500
    zipf: float = 1.1
    mean_products: float = 2.2
    mean_reactions: float = 2.5
    n_signals: int = 30
    signal_rate: float = 0.3
    profile_share: float = 0.35
    seed: int = 0

    def __post_init__(self) -> None:
        if self.n_signals > min(self.n_products, self.n_reactions) - 20:
            raise ValueError("n_signals must leave the 20 most popular products/reactions free")


def _zipf(rng: np.random.Generator, n_items: int, s: float, size: int) -> np.ndarray:
    weights = np.arange(1, n_items + 1, dtype=np.float64) ** -s
    cdf = np.cumsum(weights / weights.sum())
    return np.minimum(np.searchsorted(cdf, rng.random(size)), n_items - 1)


def _sizes(rng: np.random.Generator, mean: float, cap: int, size: int) -> np.ndarray:
    return np.minimum(rng.geometric(1.0 / mean, size), cap)


def _labels(prefix: str, codes: np.ndarray, n: int) -> pa.Array:
    dictionary = pa.array([f"{prefix}{i:05d}" for i in range(n)])
    return pa.DictionaryArray.from_arrays(pa.array(codes, pa.int32()), dictionary).cast(pa.string())


def signal_pairs(spec: SyntheticSpec) -> list[tuple[str, str]]:
    """The injected (product_key, term_key) signals."""
    rng = np.random.default_rng(spec.seed + 1)
    products = rng.choice(np.arange(20, spec.n_products), spec.n_signals, replace=False)
    reactions = rng.choice(np.arange(20, spec.n_reactions), spec.n_signals, replace=False)
    return [(f"P{p:05d}", f"R{r:05d}") for p, r in zip(products, reactions, strict=True)]


def _signal_partners(spec: SyntheticSpec) -> np.ndarray:
    """Each product's injected partner reaction (-1: none)."""
    sig_product = np.full(spec.n_products, -1, dtype=np.int64)
    for p, r in signal_pairs(spec):
        sig_product[int(p[1:])] = int(r[1:])
    return sig_product


def _draw(
    rng: np.random.Generator, spec: SyntheticSpec, ids: np.ndarray, sig_product: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Product lines (report, product, seq, role) and reaction terms (report, reaction)
    of the reports ``ids``."""
    size = ids.size
    n_prod = _sizes(rng, spec.mean_products, 20, size)
    n_reac = _sizes(rng, spec.mean_reactions, 10, size)
    prod_report = np.repeat(ids, n_prod)
    products = _zipf(rng, spec.n_products, spec.zipf, prod_report.size)
    seq = np.arange(prod_report.size) - np.repeat(np.cumsum(n_prod) - n_prod, n_prod)
    roles = np.where(seq == 0, 0, rng.choice(3, prod_report.size, p=[0.35, 0.55, 0.10]))
    reac_report = np.repeat(ids, n_reac)
    reactions = _zipf(rng, spec.n_reactions, spec.zipf, reac_report.size)
    # product-specific reaction profiles (over-dispersion, as in real data): some
    # terms of a report follow its first product's own Zipf-ranked favourites
    lead = np.repeat(products[np.cumsum(n_prod) - n_prod], n_reac)
    own = rng.random(reac_report.size) < spec.profile_share
    favourite = _zipf(rng, 40, spec.zipf, int(own.sum()))
    reactions[own] = (lead[own] * 7919 + favourite * 104729) % spec.n_reactions
    partner = sig_product[products]
    hit = (partner >= 0) & (rng.random(products.size) < spec.signal_rate)
    reac_report = np.concatenate([reac_report, prod_report[hit]])
    reactions = np.concatenate([reactions, partner[hit]])
    return prod_report, products, seq, roles, reac_report, reactions


def batches(
    spec: SyntheticSpec, source: str = "synthetic", batch_reports: int = 500_000
) -> Iterator[tuple[pa.Table, pa.Table, pa.Table]]:
    """Yield (reports, report_products, report_reactions) batches in the store schema."""
    rng = np.random.default_rng(spec.seed)
    sig_product = _signal_partners(spec)
    day0 = (date(2004, 1, 1) - date(1970, 1, 1)).days
    for first in range(0, spec.n_reports, batch_reports):
        size = min(batch_reports, spec.n_reports - first)
        ids = np.arange(first, first + size, dtype=np.int64)
        prod_report, products, seq, roles, reac_report, reactions = _draw(
            rng, spec, ids, sig_product
        )
        sex = rng.choice(3, size, p=[0.55, 0.38, 0.07])
        age = rng.uniform(0, 95, size)
        age[rng.random(size) < 0.12] = np.nan
        days = day0 + rng.integers(0, 21 * 365, size)
        report_ids = pa.array(ids).cast(pa.string())
        src = pa.array(np.full(size, source))
        reports = pa.table(
            {
                "source": src,
                "report_id": report_ids,
                "case_id": report_ids,
                "version": pa.array(np.ones(size, np.int32)),
                "received_date": pa.array(days.astype(np.int32), pa.int32()).cast(pa.date32()),
                "event_date": pa.nulls(size, pa.date32()),
                "country": pa.array(rng.choice(["US", "FR", "DE", "JP"], size)),
                "sex": pa.array(np.array(["F", "M", None], dtype=object)[sex]),
                "age_years": pa.array(age, from_pandas=True),
                "serious": pa.array(rng.random(size) < 0.4),
                "outcome": pa.nulls(size, pa.string()),
                "reporter_type": pa.nulls(size, pa.string()),
                "literature": pa.nulls(size, pa.string()),
            }
        )
        product_keys = _labels("P", products, spec.n_products)
        prods = pa.table(
            {
                "source": pa.array(np.full(prod_report.size, source)),
                "report_id": pa.array(prod_report).cast(pa.string()),
                "seq": pa.array(seq.astype(np.int32)),
                "role": pa.array(np.array(["suspect", "concomitant", "interacting"])[roles]),
                "product_verbatim": product_keys,
                "product_key": product_keys,
                "category": pa.array(np.array(CATEGORIES)[products % len(CATEGORIES)]),
                "route": pa.array(np.array(ROUTES)[(products // 7) % len(ROUTES)]),
                "route_approved": pa.array(np.ones(prod_report.size, dtype=bool)),
            }
        )
        term_keys = _labels("R", reactions, spec.n_reactions)
        reacs = pa.table(
            {
                "source": pa.array(np.full(reac_report.size, source)),
                "report_id": pa.array(reac_report).cast(pa.string()),
                "term_verbatim": term_keys,
                "term_key": term_keys,
                "code": pa.nulls(reac_report.size, pa.string()),
                "onset_days": pa.nulls(reac_report.size, pa.float64()),
            }
        )
        yield reports, prods, reacs


def write_store(store_dir: Path, spec: SyntheticSpec, source: str = "synthetic") -> dict[str, int]:
    """Write a synthetic source into the store; return the rows written per table."""
    with SourceWriter(store_dir, source) as writer:
        for reports, prods, reacs in batches(spec, source):
            writer.write("reports", reports)
            writer.write("report_products", prods)
            writer.write("report_reactions", reacs)
    return writer.rows_written


LONG_COLUMNS = ("CASEID", "DRUG", "AE")
"""Column names of :func:`long_batches` (those of the FAERS long file in ``../shared/data``)."""


def long_batches(
    spec: SyntheticSpec, n_rows: int, batch_reports: int = 200_000
) -> Iterator[pa.RecordBatch]:
    """Yield the rows of a long file (``CASEID, DRUG, AE``), ``n_rows`` in all: every
    product line of a report crossed with every reaction term of it, reports in order
    (``spec.n_reports`` is ignored: reports are drawn until there are enough rows)."""
    rng = np.random.default_rng(spec.seed)
    sig_product = _signal_partners(spec)
    products_text = pa.array([f"P{i:05d}" for i in range(spec.n_products)])
    reactions_text = pa.array([f"R{i:05d}" for i in range(spec.n_reactions)])
    first, left = 0, n_rows
    while left > 0:
        ids = np.arange(first, first + batch_reports, dtype=np.int64)
        prod_report, products, _, _, reac_report, reactions = _draw(rng, spec, ids, sig_product)
        order = np.argsort(reac_report, kind="stable")
        reac_report, reactions = reac_report[order], reactions[order]
        terms_of = np.bincount(reac_report - first, minlength=batch_reports)
        first_term = np.cumsum(terms_of) - terms_of
        per_line = terms_of[prod_report - first]
        line_start = np.cumsum(per_line) - per_line
        offset = np.arange(int(per_line.sum())) - np.repeat(line_start, per_line)
        term_row = np.repeat(first_term[prod_report - first], per_line) + offset
        take = min(left, term_row.size)
        report = np.repeat(prod_report, per_line)[:take]
        product = np.repeat(products, per_line)[:take].astype(np.int32)
        reaction = reactions[term_row][:take].astype(np.int32)
        yield pa.record_batch(
            [
                pa.array(report).cast(pa.string()),
                pa.DictionaryArray.from_arrays(product, products_text).cast(pa.string()),
                pa.DictionaryArray.from_arrays(reaction, reactions_text).cast(pa.string()),
            ],
            names=list(LONG_COLUMNS),
        )
        first, left = first + batch_reports, left - take


def write_long_file(path: Path, spec: SyntheticSpec, n_rows: int) -> int:
    """Write :func:`long_batches` as a CSV file (``.gz``/``.zst``/``.bz2`` compress it);
    return the rows written."""
    import pyarrow.csv as pacsv

    schema = pa.schema([(name, pa.string()) for name in LONG_COLUMNS])
    written = 0
    with pa.output_stream(path, compression="detect") as sink:
        options = pacsv.WriteOptions(quoting_style="none")  # the values need no quotes
        with pacsv.CSVWriter(sink, schema, write_options=options) as writer:
            for batch in long_batches(spec, n_rows):
                writer.write_batch(batch)
                written += batch.num_rows
    return written
