"""Onset latencies timed from the procedure named by its own noun, pinned on sentences we
wrote (docs/annotation.md, `onset_days`: the latency from the exposure to the first sign):
'onset of symptoms 30 months after filling' (s026), as after a 'filler injection'."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.onset import find_onset
from dermavigil.literature.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A woman had onset of symptoms 30 months after filling.", 30.0, "month"),
        ("Nodules appeared two years after lip augmentation.", 2.0, "year"),
        ("Swelling of the breast began three weeks after fat grafting.", 3.0, "week"),
    ],
)
def test_a_procedure_noun_times_the_onset(text: str, value: float, unit: str) -> None:
    found = find_onset(split_sentences(text))
    assert found is not None
    assert (found[0].value, found[0].unit.value) == (value, unit)
