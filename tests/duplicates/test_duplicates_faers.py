"""Real data: FAERS 2025Q4 reports and their follow-up versions pair up; distinct
reports rarely do."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.duplicates import find_duplicates

from .faers_cases import as_case, faers_documents, follow_up

FOLLOW_UPS = 200


@pytest.mark.slow
def test_follow_up_versions_pair_with_their_initial_reports(shared_data: Path) -> None:
    documents = faers_documents(shared_data / "faers_2025q4_sample")
    assert len(documents) > 800
    initial = [as_case(doc, cid) for cid, doc in sorted(documents.items())]
    followed = [c.case_id for c in initial[:FOLLOW_UPS]]
    versions = [
        as_case(follow_up(documents[cid], n), f"{cid}-v2") for n, cid in enumerate(followed)
    ]

    pairs = find_duplicates(initial + versions, threshold=0.5)

    probability = {(p.case_a, p.case_b): p.match_probability for p in pairs}
    found = {cid: probability.get((cid, f"{cid}-v2"), 0.0) for cid in followed}
    assert sum(p >= 0.5 for p in found.values()) >= 0.70 * FOLLOW_UPS
    # With an age on both versions or an event date, most pass 0.9; with neither,
    # sex, country, products and reactions alone do not make a FAERS pair certain.
    informative = [
        cid
        for n, cid in enumerate(followed)
        if documents[cid]["report"]["event_date"]
        or (documents[cid]["patient"]["age"] and follow_up(documents[cid], n)["patient"]["age"])
    ]
    assert len(informative) > 0.7 * FOLLOW_UPS
    assert sum(found[cid] >= 0.9 for cid in informative) >= 0.70 * len(informative)
    # Reports of different FAERS cases paired above 0.9: few (some are likely real
    # duplicates FAERS kept apart, e.g. one publication sent four times by one firm).
    bases = [(p.case_a.removesuffix("-v2"), p.case_b.removesuffix("-v2")) for p in pairs]
    involved = {
        case
        for (a, b), p in zip(bases, pairs, strict=True)
        if a != b and p.match_probability >= 0.9
        for case in (a, b)
    }
    assert len(involved) <= 0.02 * len(initial)
