"""Case-report text -> draft case: rules, negation handling and HPO coding.

Public API: :func:`extract_draft` and :class:`Draft` (one module per job:
sentences, relevance, negation, products, routes, patient, reactions,
findings, treatment, challenge, outcome, assemble, draft).
"""

from dermavigil.literature.extract.draft import Draft, extract_draft

__all__ = ["Draft", "extract_draft"]
