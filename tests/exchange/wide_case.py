"""A case that uses every value of the E2B-coded vocabularies (routes, roles, outcomes ...)."""

from __future__ import annotations

from itertools import cycle

from dermavigil.domain import Case, parse_case
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import (
    ActionTaken,
    AdditionalInformation,
    Formulation,
    Outcome,
    ProductRole,
    ReporterQualification,
    SeriousnessCriterion,
)


def wide_case(qualification: ReporterQualification) -> Case:
    """One product per route and one reaction per outcome, cycling the other code lists."""
    roles, actions = cycle(ProductRole), cycle(ActionTaken)
    infos, forms = cycle(AdditionalInformation), cycle(Formulation)
    products = [
        {
            "name": f"product {i}",
            "active_ingredient": f"ingredient {i}",
            "manufacturer": f"maker {i}",
            "route": route.value,
            "role": "suspect" if i == 0 else next(roles).value,
            "action_taken": next(actions).value,
            "additional_information": [next(infos).value],
            "formulation": next(forms).value,
            "dose": {"value": i + 0.5, "unit": "mg"},
            "lot": f"LOT-{i}",
            "start_date": "2023-05-01",
            "end_date": "2023-05",
            "indication": f"indication {i}",
        }
        for i, route in enumerate(Route)
    ]
    criteria = list(SeriousnessCriterion)
    reactions = [
        {
            "verbatim": f"reaction {i}",
            "codes": [
                {"system": "MedDRA 27.0", "code": f"1000{i:04d}", "label": f"PT {i}"},
                {"system": "HPO 2025-01-16", "code": f"HP:{i:07d}", "label": f"term {i}"},
            ],
            "outcome": outcome.value,
            "seriousness": [s.value for s in criteria[: i % (len(criteria) + 1)]],
            "onset_date": "2023-05-02",
            "onset_latency": {"value": i + 1, "unit": ["hour", "day", "week"][i % 3]},
            **({"end_date": "2023-06"} if i % 2 else {"duration": {"value": 2.5, "unit": "week"}}),
        }
        for i, outcome in enumerate(Outcome)
    ]
    return parse_case(
        {
            "report": {
                "source": "clinician",
                "reporter": {"qualification": qualification.value, "country": "FR"},
                "received_date": "2023-07-14",
            },
            "patient": {
                "initials": "A.B",
                "age": {"value": 18, "unit": "month"},
                "sex": "female",
                "weight_kg": 11.5,
                "medical_history": ["atopic dermatitis"],
            },
            "products": products,
            "reactions": reactions,
            "findings": [{"kind": "other", "test": "skin biopsy", "result": "vasculitis"}],
            "narrative": "wide case",
        }
    )
