"""Where a text names a disease the HPO does not hold: the Human Disease Ontology's names.

The labels and exact synonyms of the Human Disease Ontology (Schriml LM et al. 2022,
"The Human Disease Ontology 2022 update", Nucleic Acids Res 50(D1):D1255-D1261; CC0 1.0)
under its infectious, integumentary, vascular and immune-system branches
(``data/disease_terms.tsv``, built by ``scripts/build_disease_terms.py``) are matched in
running text as the HPO index's keys are
(:func:`~dermavigil.terminology.phenotype_spans.longest_matches`): normalised tokens,
longest match first. Diagnoses such as "botulism", "Arthus reaction", "sarcoidosis" or
"sporotrichosis" have no phenotype in the HPO; the reaction finder takes them as mentions
beside the HPO's. The table (~150 kB) is read once, on first use, and its normalised names
kept in the cache directory.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import cast

from dermavigil.terminology.gloss_cache import cached
from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.phenotype_spans import PhenotypeSpan, first_tokens, longest_matches

_MOST_TOKENS = 8
"""Longer names (numbered or genetic subtypes) are not looked for."""


@lru_cache(maxsize=1)
def disease_keys() -> dict[str, str]:
    """Normalised disease name -> ``DOID id|branch`` (the first class listed for a name), kept
    in the disk cache with the glossaries (:func:`.gloss_cache.cached`, keyed on the table and
    this module): normalising its ~3,000 names took ~0.05 s of every cold extraction."""
    return cast(dict[str, str], cached("disease-keys", _read_disease_keys))


def _read_disease_keys() -> dict[str, str]:
    """:func:`disease_keys` read from ``data/disease_terms.tsv``."""
    keys: dict[str, str] = {}
    text = resources.files("dermavigil.terminology").joinpath("data/disease_terms.tsv")
    for line in text.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        term, branch, name = line.split("\t")
        key = normalize(name)
        if key and len(key.split()) <= _MOST_TOKENS:
            keys.setdefault(key, f"{term}|{branch}")
    return keys


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    return first_tokens(disease_keys())


def disease_spans(text: str) -> list[PhenotypeSpan]:
    """The diseases the text names, left to right, longest match first (``term_id``: the
    DOID id and its branch, ``DOID:11976|infectious/bacterial``)."""
    return longest_matches(text, disease_keys(), _starts(), _MOST_TOKENS)
