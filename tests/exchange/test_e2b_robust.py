"""Schema-valid variations of the FDA examples import or are refused cleanly, never crash.

Elements are deleted at random (fixed seed) from the FDA instances; each
variant that still validates against the ICH XSD must give cases or
:class:`InputError` (never another exception), and every case it gives must
re-export valid.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree

from dermavigil.errors import InputError
from dermavigil.exchange.e2b.schema import schema_problems
from dermavigil.exchange.formats import export_cases, import_document


def _variants(path: Path, count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    elements = [e for e in tree.iter() if isinstance(e.tag, str) and e.getparent() is not None]
    variants = []
    for _ in range(count):
        copy = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
        index = [e for e in copy.iter() if isinstance(e.tag, str) and e.getparent() is not None]
        for victim in rng.sample(index, k=min(3, len(elements))):
            if victim.getparent() is not None:
                victim.getparent().remove(victim)
        if not schema_problems(copy):
            variants.append(etree.tostring(copy))
    return variants


@pytest.mark.slow
def test_mutated_fda_examples_never_crash(fda_examples: list[Path]) -> None:
    small = [p for p in fda_examples if p.stat().st_size < 200_000]
    imported = refused = 0
    for i, path in enumerate(small):
        for data in _variants(path, count=40, seed=i):
            try:
                result = import_document(data, path.name)
            except InputError as error:
                assert error.problems, path.name
                refused += 1
                continue
            imported += 1
            assert import_document(export_cases(result.cases, "e2b")).cases == result.cases
    assert imported > 50 and refused > 0
