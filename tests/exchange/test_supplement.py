"""The supplement: applying diff(want, seen) to seen gives want, for any pair of case-like trees."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dermavigil.exchange.supplement import apply, diff, flatten

keys = st.sampled_from(["a", "b", "c", "unmapped"])
scalars = st.one_of(st.integers(-3, 3), st.text("xy", max_size=2), st.booleans())


def _trees(depth: int) -> st.SearchStrategy[Any]:
    if depth == 0:
        return scalars
    inner = _trees(depth - 1)
    objects = st.dictionaries(keys, inner, max_size=3)
    return st.one_of(
        scalars,
        objects,
        st.lists(objects, max_size=3),
        st.lists(scalars, max_size=2),
    )


cases = st.dictionaries(keys, _trees(3), max_size=4)


@settings(max_examples=400, deadline=None)
@given(cases, cases)
def test_apply_diff_restores_want(want: dict[str, Any], seen: dict[str, Any]) -> None:
    patched = copy.deepcopy(seen)
    apply(patched, diff(want, seen), record="test")
    assert flatten(patched) == flatten(want)


def test_lists_of_objects_resize_and_unmapped_is_whole() -> None:
    seen = {"products": [{"name": "a", "route": "oral"}, {"name": "b"}], "unmapped": {"x": "1"}}
    want = {"products": [{"name": "a", "category": "exosome"}], "treatments": [{"drug": "p"}]}
    changes = diff(want, seen)
    assert changes == {
        "products.__len__": 1,
        "products.0.category": "exosome",
        "treatments.__len__": 1,
        "treatments.0.drug": "p",
        "products.0.route": None,
        "products.1.name": None,
        "unmapped": None,
    }
    apply(seen, changes, record="test")
    assert seen == want
