"""Demo data shipped with the package: the seed case.

The seed case (``seed_case.yaml``) is the literature case of skin necrosis
after intradermal injection of a lyophilized exosome product labelled for
topical use (doi:10.1111/jocd.16206), written by hand from its abstract.
"""

from __future__ import annotations

from importlib.resources import files

import yaml

from dermavigil.domain.case import Case
from dermavigil.domain.rules import parse_case

SEED_CASE_RESOURCE = "seed_case.yaml"


def seed_case_text() -> str:
    """The seed case's YAML text, comments included, as packaged."""
    return files(__package__).joinpath(SEED_CASE_RESOURCE).read_text(encoding="utf-8")


def load_seed_case() -> Case:
    """The seed case, validated like any other input."""
    return parse_case(yaml.safe_load(seed_case_text()), record=SEED_CASE_RESOURCE)
