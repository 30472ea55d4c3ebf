"""Fixtures of the exchange tests: the seed case and the FDA example instances."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain import Case, parse_case

CODED_CASE = {
    "report": {
        "source": "literature",
        "reporter": {
            "qualification": "physician",
            "country": "TH",
            "organisation": "Walailak Univ",
        },
        "literature": {
            "citation": "Tawanwongsri W, Vachiramon V. Skin necrosis after intradermal injection "
            "of lyophilized exosome: A case report and a review of the literature. "
            "J Cosmet Dermatol. 2024;23(5):1597-1603.",
            "title": "Skin necrosis after intradermal injection of lyophilized exosome",
            "journal": "Journal of Cosmetic Dermatology",
            "year": 2024,
            "authors": ["Tawanwongsri W", "Vachiramon V"],
            "doi": "10.1111/jocd.16206",
        },
        "received_date": "2024-02",
    },
    "patient": {"age_group": "middle_aged", "sex": "male"},
    "products": [
        {
            "name": "Lyophilized exosome product",
            "category": "exosome",
            "formulation": "lyophilized_powder",
            "labelled_use": "for topical use",
            "approved_routes": ["topical"],
            "route": "intradermal",
            "route_verbatim": "intradermal injection",
            "role": "suspect",
            "injections": "multiple",
            "indication": "enlarged facial pores",
            "body_sites": ["face"],
            "action_taken": "withdrawn",
            "rechallenge": {
                "done": True,
                "result": "recurred",
                "site": "upper arm",
                "route": "intradermal",
                "description": "residual product injected intradermally into the upper arm",
            },
            "additional_information": ["off_label_use"],
        }
    ],
    "reactions": [
        {
            "verbatim": "skin necrosis",
            "codes": [
                {"system": "HPO 2025-01-16", "code": "HP:0033126", "label": "Cutaneous necrosis"}
            ],
            "onset_text": "shortly after the injection",
            "body_sites": ["face"],
            "outcome": "recovered_with_sequelae",
            "sequelae": ["post-inflammatory hyperpigmentation"],
            "seriousness": ["medically_important"],
        },
        {
            "verbatim": "palpable painful non-blanchable purplish papules and nodules",
            "codes": [{"system": "HPO 2025-01-16", "code": "HP:0000979", "label": "Purpura"}],
            "onset_latency": {"value": 3, "unit": "day"},
            "outcome": "recovered_with_sequelae",
        },
        {
            "verbatim": "similar lesions on the upper arm",
            "body_sites": ["upper arm"],
            "at_rechallenge": True,
            "outcome": "recovered_with_sequelae",
        },
    ],
    "findings": [
        {
            "kind": "histopathology",
            "test": "skin biopsy",
            "result": "necrotic keratinocytes, leukocytoclastic vasculitis and eccrine necrosis",
            "site": "upper arm",
            "codes": [
                {
                    "system": "HPO 2025-01-16",
                    "code": "HP:0034786",
                    "label": "Leukocytoclastic vasculitis",
                }
            ],
        }
    ],
    "treatments": [
        {
            "drug": "prednisolone",
            "route": "oral",
            "duration": {"value": 7, "unit": "day"},
            "response": "notable improvement",
        }
    ],
    "narrative": "A middle-aged man received multiple intradermal injections of a lyophilized "
    "exosome product labelled for topical use, to treat enlarged facial pores. Shortly after the "
    "injection he felt pain and noticed several dark red bumps; three days later they became "
    "palpable, painful, non-blanchable purplish papules and nodules with central crusted "
    "erosions. The residual product injected intradermally into the upper arm caused similar "
    "lesions. Oral prednisolone for 7 days improved the lesions, which left post-inflammatory "
    "hyperpigmentation.",
}


@pytest.fixture
def seed_case() -> Case:
    """The project's seed case, as packaged (``dermavigil.demo``)."""
    return load_seed_case()


@pytest.fixture
def coded_case() -> Case:
    """The seed case as an assessor would complete it: HPO codes, seriousness, off-label flag,
    action taken, a treatment and a reporter qualification (more E2B elements to exercise)."""
    return parse_case(CODED_CASE, record="coded seed")


@pytest.fixture(scope="session")
def fda_examples(shared_dir: Path) -> list[Path]:
    """The ten FDA E2B(R3) example ICSR instances."""
    paths = sorted((shared_dir / "standards" / "e2b_r3" / "fda_examples").glob("*.xml"))
    assert len(paths) == 10
    return paths
