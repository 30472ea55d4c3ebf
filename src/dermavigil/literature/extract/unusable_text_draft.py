"""The draft of a text the extractor cannot read as English: empty, or in another language.

:func:`.draft.extract_draft` hands a text :func:`.quality.check_text` finds unusable to
:func:`unusable_text_draft`, which gives an empty, partial draft (never turned into a case
silently: :meth:`.draft_model.Draft.to_case` validates) and keeps only what the text's
own words support, each with its evidence span: the product family it names
(:func:`.exposure_products.named_family`), what the words of its language give
(:func:`.foreign_draft.fill_gaps`) and a series its words count
(:func:`.series_cue.report_series`).
"""

from __future__ import annotations

from dermavigil.literature.extract import assemble
from dermavigil.literature.extract.challenge import ChallengeFacts
from dermavigil.literature.extract.draft_model import Draft
from dermavigil.literature.extract.exposure_products import named_family
from dermavigil.literature.extract.foreign_draft import fill_gaps
from dermavigil.literature.extract.routes import RouteFacts
from dermavigil.literature.extract.series_cue import report_series


def _empty(text: str, warnings: list[str]) -> Draft:
    case = {"report": {"source": "literature"}, "patient": {}, "products": [], "reactions": []}
    return Draft(text=text, case=case, warnings=warnings, partial=True)


def unusable_text_draft(
    text: str, warnings: list[str], languages: list[tuple[int, int, str]] | None = None
) -> Draft:
    """A partial draft for a text the extractor cannot read as English (empty, or in
    another language): the product family a text in another language names is kept, with
    its evidence (:func:`.exposure_products.named_family`), what the words of its language give
    (:func:`.foreign_draft.fill_gaps`), and a series its words count (:func:`.report_series`)."""
    draft = _empty(text, warnings)
    evidence: assemble.Evidence = {}
    named = named_family(text)
    if named:
        draft.case["products"] = assemble.products_part(
            text, named, RouteFacts(), ChallengeFacts(), evidence
        )
        draft.warnings.append("the product family the text names in its language is kept")
    suspects = frozenset(p.name.lower() for p in named)
    draft.seriousness, draft.outcome = fill_gaps(
        text, languages or [], draft.case, evidence, draft.warnings, suspects, True
    )
    draft.is_series = report_series(text, draft.case, evidence, draft.warnings)  # "deux cas"
    draft.evidence = evidence
    return draft
