"""The searchable facts of a case version, derived from the case and its assessment.

Pure: turns a :class:`~dermavigil.domain.case.Case` and its
:class:`~dermavigil.domain.assessment.Assessment` into the single-valued
search columns of ``case_versions`` and the multi-valued facets
(product categories, routes, reaction terms) of ``case_facets``. Reaction
facets hold the case-folded verbatim term and the label of every coded term,
so a search finds "papule" whether it was typed or coded.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from dermavigil.domain.assessment import Assessment
from dermavigil.domain.case import Case

MAX_FACET_LENGTH = 255


@dataclass(frozen=True)
class SearchFacts:
    """Search columns of one version."""

    source: str
    serious: bool
    off_label: bool
    who_umc: str
    naranjo_band: str
    naranjo_score: int
    search_text: str
    facets: tuple[tuple[str, str], ...]

    def columns(self) -> dict[str, object]:
        """The single-valued facts, by ``case_versions`` column name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "facets"}


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())[:MAX_FACET_LENGTH]


def search_facts(case: Case, assessment: Assessment) -> SearchFacts:
    """The search columns and facets of ``case`` as assessed."""
    facets: set[tuple[str, str]] = set()
    words: list[str] = []
    for product in case.products:
        facets.add(("category", product.category.value))
        if product.route is not None:
            facets.add(("route", product.route.value))
        words.extend(filter(None, [product.name, product.active_ingredient, product.indication]))
    for reaction in case.reactions:
        facets.add(("reaction", _fold(reaction.verbatim)))
        words.append(reaction.verbatim)
        for code in reaction.codes:
            facets.add(("reaction", _fold(code.label)))
            words.append(code.label)
    words.extend(finding.result for finding in case.findings)
    if case.narrative:
        words.append(case.narrative)
    if case.report.literature is not None:
        words.append(case.report.literature.citation)
    return SearchFacts(
        source=case.report.source.value,
        serious=assessment.serious,
        off_label=assessment.off_label_route,
        who_umc=assessment.who_umc.category,
        naranjo_band=assessment.naranjo.band,
        naranjo_score=assessment.naranjo.score,
        search_text=" ".join(" ".join(words).casefold().split()),
        facets=tuple(sorted(facets)),
    )
