"""Cases are searchable by category, route, off-label flag, reaction, seriousness, causality."""

from __future__ import annotations

import pytest

from dermavigil.domain.case import Case, CodedTerm
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory
from dermavigil.errors import InputError
from dermavigil.registry import CaseFilter, CaseService, Registry


def _filler(seed: Case) -> Case:
    """An on-label HA filler case: subcutaneous, approved subcutaneous, no rechallenge."""
    case = seed.model_copy(deep=True)
    product = case.products[0]
    product.name = "HA filler 20 mg/mL"
    product.category = ProductCategory.ha_filler
    product.approved_routes = [Route.subcutaneous]
    product.route = Route.subcutaneous
    product.rechallenge = None
    case.reactions = [case.reactions[0].model_copy(update={"verbatim": "swelling"})]
    case.reactions[0].codes = [CodedTerm(system="HPO", code="HP:0000969", label="Edema")]
    case.findings = []
    case.narrative = "Swelling after filler in the tear trough."
    return case


@pytest.fixture
def ids(registry: Registry, seed: Case) -> dict[str, str]:
    with registry.transaction() as session:
        service = CaseService(session)
        exosome = service.create(seed, by="alice").case_id
        filler = service.create(_filler(seed), by="bob").case_id
        retracted = service.create(seed, by="alice").case_id
        service.retract(retracted, by="alice", reason="duplicate")
    return {"exosome": exosome, "filler": filler, "retracted": retracted}


def _found(registry: Registry, **criteria: object) -> list[str]:
    with registry.transaction(readonly=True) as session:
        page = CaseService(session).list(CaseFilter(**criteria))
    assert page.total == len(page.items)
    return [item.case_id for item in page.items]


def test_filters(registry: Registry, ids: dict[str, str], seed: Case) -> None:
    exo, fil = ids["exosome"], ids["filler"]
    assert _found(registry) == [exo, fil]
    assert _found(registry, category="exosome") == [exo]
    assert _found(registry, category="ha_filler") == [fil]
    assert _found(registry, route="intradermal") == [exo]
    assert _found(registry, route="subcutaneous") == [fil]
    assert _found(registry, off_label=True) == [exo]
    assert _found(registry, off_label=False) == [fil]
    assert _found(registry, reaction="NECROSIS") == [exo]
    assert _found(registry, reaction="edema") == [fil]  # the coded label
    assert _found(registry, reaction="swell") == [fil]
    assert _found(registry, text="tear trough") == [fil]
    assert _found(registry, text="100%_") == []  # LIKE wildcards are literal
    assert _found(registry, source="literature") == [exo, fil]
    assert _found(registry, owner="bob") == [fil]
    assert _found(registry, status=None) == [exo, fil, ids["retracted"]]
    assert _found(registry, status="retracted") == [ids["retracted"]]
    assert _found(registry, category="exosome", off_label=False) == []


def test_causality_and_seriousness_filters_follow_the_assessment(
    registry: Registry, ids: dict[str, str]
) -> None:
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        assessments = {k: service.assess(v) for k, v in ids.items() if k != "retracted"}
    for name, assessment in assessments.items():
        assert ids[name] in _found(registry, who_umc=assessment.who_umc.category)
        assert ids[name] in _found(registry, naranjo_band=assessment.naranjo.band)
        assert ids[name] in _found(registry, serious=assessment.serious)
    with registry.transaction() as session:
        CaseService(session).override(
            ids["filler"],
            "who_umc.category",
            "unlikely",
            by="a",
            reason="filler swelling is expected",
        )
        CaseService(session).override(
            ids["filler"], "seriousness.serious", "false", by="a", reason="transient"
        )
    assert _found(registry, who_umc="unlikely") == [ids["filler"]]
    assert ids["filler"] in _found(registry, serious=False)


def test_page_and_summary(registry: Registry, ids: dict[str, str]) -> None:
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        page = service.list(offset=1, limit=1)
        with pytest.raises(InputError):
            service.list(limit=0)
        every = list(service.all_current())
    assert page.total == 2 and [i.case_id for i in page.items] == [ids["filler"]]
    summary = page.items[0]
    assert summary.categories == ["ha_filler"] and summary.routes == ["subcutaneous"]
    assert summary.products == ["HA filler 20 mg/mL"] and summary.reactions == ["swelling"]
    assert [s.case_id for s in every] == [ids["exosome"], ids["filler"]]


def test_unknown_filter_values_are_refused(registry: Registry) -> None:
    with registry.transaction(readonly=True) as session:
        with pytest.raises(InputError) as caught:
            CaseService(session).list(CaseFilter(category="exosomes", route="intradermally"))
        assert [p.location for p in caught.value.problems] == ["category", "route"]
        assert "did you mean exosome" in caught.value.problems[0].message
        with pytest.raises(InputError, match="unknown search value"):
            list(CaseService(session).all_current(CaseFilter(who_umc="likely")))
