"""Readable product names for the signal table's product keys.

VAERS reports name a vaccine by its type code (``VAX_TYPE``: ``SMALL``, ``ANTH``,
``FLUN3``), which the importer keeps as the product key (folded: ``small``). The
dashboard, the API and the downloads show the vaccine's name instead, from the
shipped table ``data/vaers_vax_types.csv`` (VAERS Data Use Guide, CDC/FDA, sections
4.2 and 5.2, with the names VAERS writes beside each code; built by
``scripts/build_vaers_vaccine_names.py``). Other sources' keys are already names.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

import pyarrow as pa
import pyarrow.compute as pc

VACCINE = "vaccine"


@cache
def vaers_vaccine_names() -> dict[str, str]:
    """VAERS vaccine type code (upper case) -> vaccine name."""
    text = resources.files("dermavigil.signals").joinpath("data/vaers_vax_types.csv")
    lines = [line for line in text.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {row["vax_type"]: row["name"] for row in csv.DictReader(lines)}


def product_name(key: str | None, category: str | None = VACCINE) -> str | None:
    """The name to show for a product key: a VAERS vaccine code's name, else the key."""
    if key is None or category != VACCINE:
        return key
    return vaers_vaccine_names().get(key.upper(), key)


def add_product_names(table: pa.Table) -> pa.Table:
    """``table`` with a ``product_name`` column beside ``product`` (vaccine codes named)."""
    if "product" not in table.column_names or "product_name" in table.column_names:
        return table
    keys = table["product"].to_pylist()
    if "category" in table.column_names:
        categories = table["category"].to_pylist()
    else:
        categories = [VACCINE] * len(keys)
    names = pa.array([product_name(k, c) for k, c in zip(keys, categories, strict=True)])
    index = table.column_names.index("product") + 1
    return table.add_column(index, "product_name", names)


def search_columns(table: pa.Table, key: str) -> list[pa.ChunkedArray]:
    """The columns a text filter on ``key`` looks in (a product by key or by name)."""
    columns = [table[key]]
    if key == "product" and "product_name" in table.column_names:
        columns.append(table["product_name"])
    return columns


def any_contains(columns: list[pa.ChunkedArray], text: str) -> pa.ChunkedArray:
    """Rows where any of ``columns`` contains ``text`` (case-insensitive)."""
    found = None
    for column in columns:
        hit = pc.fill_null(pc.match_substring(column, text, ignore_case=True), False)
        found = hit if found is None else pc.or_(found, hit)
    return found
