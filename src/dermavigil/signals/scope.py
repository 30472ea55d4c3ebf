"""The dashboard's default scope: our product categories.

The registry exists for injected aesthetic and dermatologic products, so the signals
view opens on them: the categories of :data:`OUR_CATEGORIES` (exosomes, HA and other
fillers, skin boosters, polynucleotides, botulinum toxins, PRP, mesotherapy), plus the
drugs the product catalogue names because they are injected into the skin or by a
wrong route (triamcinolone, hyaluronidase, methotrexate, tranexamic acid, polidocanol,
collagenases ...: catalogue entries of category ``drug``). Everything else (vaccines,
foods and supplements, other drugs) stays in the run as background and is shown
with the scope "all products".
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pyarrow as pa

from dermavigil.domain.vocab import ProductCategory

C = ProductCategory
OUR_CATEGORIES: frozenset[str] = frozenset(
    c.value
    for c in (
        C.exosome, C.ha_filler, C.plla, C.caha, C.pmma, C.skin_booster,
        C.polynucleotide, C.botulinum_toxin, C.prp, C.mesotherapy,
    )
)  # fmt: skip
SCOPES = {"ours": "our product categories", "all": "all products"}


@cache
def _catalogue_drug(key: str) -> bool:
    from dermavigil.catalogue import default_catalogue

    _, found = default_catalogue().candidates(key)
    return any(entry.category is C.drug for entry in found)


def ours(table: pa.Table) -> pa.Array:
    """Per row: is the pair's product in our scope (category, or a catalogue drug)?"""
    if "category" not in table.column_names:
        return pa.array(np.ones(table.num_rows, bool))
    categories = table["category"].to_pylist()
    products = table["product"].to_pylist() if "product" in table.column_names else None
    keep = [c in OUR_CATEGORIES for c in categories]
    if products is not None:
        for i, (category, product) in enumerate(zip(categories, products, strict=True)):
            if category == C.drug.value and product and not keep[i]:
                keep[i] = _catalogue_drug(product)
    return pa.array(keep, pa.bool_())
