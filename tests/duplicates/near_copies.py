"""A registry like the one of issue 16: many near-copies of the seed case (other
patients given the same exosome product, with reactions of the same kind, many of
them from the seed's own publication), real FAERS 2025Q4 reports, and the seed
case itself, for the copies to be found in.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case

from .faers_cases import as_case, faers_documents

NEAR_COPIES = 300
SERIES = 250
"""The first near-copies are the seed publication's other patients (same DOI, country,
product, route, site and treatment; own sex, age, reactions and date)."""
_REACTIONS = [
    "pain", "skin necrosis", "several dark red bumps", "erythema", "swelling", "nodules",
    "papules", "crusted erosions", "post-inflammatory hyperpigmentation", "bruising",
    "granuloma", "itching", "infection", "abscess", "scarring",
]  # fmt: skip
_SITES = ["face", "cheeks", "forehead", "neck", "upper arm", "chin", "nose"]
_TREATMENTS = ["prednisolone", "doxycycline", "hyaluronidase", "clarithromycin", "fusidic acid"]
_COUNTRIES = ["TH", "KR", "US", "BR", "FR", "IT", "CN"]


def near_copy(n: int, rng: random.Random) -> Case:
    """The n-th other patient treated with the seed's product (a different case)."""
    seed = load_seed_case().model_dump(mode="json", exclude_none=True)
    product = {
        **seed["products"][0],
        "body_sites": rng.sample(_SITES, rng.randint(1, 2)),
    }
    product.pop("rechallenge", None)
    document: dict[str, Any] = {
        "report": {
            "source": rng.choice(["clinician", "consumer", "literature"]),
            "reporter": {"country": rng.choice(_COUNTRIES)},
            "event_date": f"20{rng.randint(21, 25)}-{rng.randint(1, 12):02d}",
        },
        "patient": {
            "sex": rng.choice(["female", "female", "female", "male"]),
            "age": {"value": rng.randint(22, 70), "unit": "year"},
        },
        "products": [product],
        "reactions": [
            {"verbatim": term, "onset_latency": {"value": rng.randint(0, 14), "unit": "day"}}
            for term in rng.sample(_REACTIONS, rng.randint(2, 4))
        ],
        "treatments": [{"drug": t} for t in rng.sample(_TREATMENTS, rng.randint(0, 2))],
    }
    if n < SERIES:  # the other patients of the seed's own case series
        document["report"] = {**seed["report"], "event_date": document["report"]["event_date"]}
        document["treatments"] = [{"drug": "prednisolone"}]
        product["body_sites"] = ["face"]
        if n % 2:
            document["patient"] = {"sex": document["patient"]["sex"], "age_group": "middle_aged"}
    elif document["report"]["source"] == "literature":
        document["report"]["literature"] = {
            "citation": f"Case series {n % 7}",
            "doi": f"10.5555/cs.{n % 7}",
        }
    return as_case(document, f"NEAR{n:03d}")


def registry_with_near_copies(shared_data: Path, limit: int | None = None) -> list[Case]:
    """Real FAERS cases, :data:`NEAR_COPIES` near-copies, and the seed case (``SEED``)."""
    documents = faers_documents(shared_data / "faers_2025q4_sample")
    faers = [as_case(doc, cid) for cid, doc in sorted(documents.items())][:limit]
    rng = random.Random(16)
    near = [near_copy(n, rng) for n in range(NEAR_COPIES)]
    return [*faers, *near, load_seed_case().model_copy(update={"case_id": "SEED"})]
