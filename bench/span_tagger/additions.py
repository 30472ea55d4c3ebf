"""How the learned span tagger's spans would join a rule draft (issue 10).

The rules read reactions, treatments, histopathology and sites by wording; the CRF
(:mod:`.span_tagger`) reads them from words and context. A field's :class:`Policy` says which
of its tagged spans join (from which probability, in which sentences). The
leave-one-round-out bench (``bench/span_tagger_loro.py``) scores drafts with spans added by
:func:`add_spans`; no field gained on most rounds (``docs/design-notes.md``, "No learned span
tagger"), so the extractor does not call it. A span joins
only a draft that already holds a reaction (the tagger adds to a case; it never makes one),
never where the rules set a mention aside (negated or uncertain), and never twice: a
reaction the rules already coded the same, a treatment already named, a site already
listed. Every added value keeps its evidence span and is coded by the coder where it can
(:func:`~dermavigil.terminology.coder.code_phrase`), else kept verbatim. Pure.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from dermavigil.literature.extract.sites import find_sites
from dermavigil.terminology.coder import code_phrase
from span_tagger.tagger import TaggedSpan

Span = tuple[int, int]
CASE_ROLES = frozenset({"title", "patient", "case"})


@dataclass(frozen=True)
class Policy:
    """Which of a field's tagged spans join the draft."""

    least: float = 0.0
    """The least probability of the span's tags."""
    case_only: bool = False
    """Only spans in the case's own sentences (title, patient, continuing)."""
    coded_only: bool = False
    """Reactions: only spans the HPO codes."""

    def keeps(self, span: TaggedSpan) -> bool:
        return (
            span.probability >= self.least
            and (not self.case_only or span.role in CASE_ROLES)
            and not (self.coded_only and span.field == "REACTION" and not code_phrase(span.text))
        )


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _same_name(a: str, b: str) -> bool:
    a, b = (
        " ".join(a.lower().replace("-", " ").split()),
        " ".join(b.lower().replace("-", " ").split()),
    )
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def _codes(found: list[dict[str, Any]]) -> set[str]:
    return {c["code"] for item in found for c in item.get("codes", [])}


def _spans_of(evidence: dict[str, list[Span]], prefix: str) -> list[Span]:
    return [s for key, spans in evidence.items() if key.startswith(prefix) for s in spans]


def add_spans(
    case: dict[str, Any],
    evidence: dict[str, list[Span]],
    spans: list[TaggedSpan],
    excluded: list[Span],
    policies: dict[str, Policy],
) -> None:
    """Add the tagged ``spans`` the ``policies`` (field -> :class:`Policy`; a field not
    listed takes none) keep to ``case`` and ``evidence``."""
    if not case.get("reactions"):
        return
    for span in spans:
        policy = policies.get(span.field)
        where = (span.start, span.end)
        if policy is None or not policy.keeps(span) or _overlaps(where, excluded):
            continue
        if span.field == "REACTION":
            _reaction(case, evidence, span, where)
        elif span.field == "HISTO":
            _finding(case, evidence, span, where)
        elif span.field == "TREATMENT":
            _treatment(case, evidence, span, where)
        elif span.field == "SITE":
            _site(case, evidence, span, where)


def _reaction(case: dict, evidence: dict, span: TaggedSpan, where: Span) -> None:
    reactions = case["reactions"]
    if _overlaps(where, _spans_of(evidence, "reactions.")):
        return
    codes = [c.model_dump(mode="json") for c in code_phrase(span.text)]
    if codes and {c["code"] for c in codes} <= _codes(reactions):
        return
    if not codes and any(span.text.lower() in r["verbatim"].lower() for r in reactions):
        return
    reaction: dict[str, Any] = {"verbatim": span.text}
    if codes:
        reaction["codes"] = codes
    evidence[f"reactions.{len(reactions)}.verbatim"] = [where]
    reactions.append(reaction)


def _finding(case: dict, evidence: dict, span: TaggedSpan, where: Span) -> None:
    findings = case.setdefault("findings", [])
    histo = [f for f in findings if f.get("kind") == "histopathology"]
    if _overlaps(where, _spans_of(evidence, "findings.")):
        return
    codes = [c.model_dump(mode="json") for c in code_phrase(span.text)]
    if codes and {c["code"] for c in codes} <= _codes(histo):
        return
    if any(span.text.lower() in (f.get("result") or "").lower() for f in histo):
        return
    finding: dict[str, Any] = {"kind": "histopathology", "test": "histopathology"}
    finding["result"] = span.text
    if codes:
        finding["codes"] = codes
    evidence[f"findings.{len(findings)}.result"] = [where]
    findings.append(finding)


def _treatment(case: dict, evidence: dict, span: TaggedSpan, where: Span) -> None:
    treatments = case.setdefault("treatments", [])
    suspects = [p["name"] for p in case.get("products", [])]
    if _overlaps(where, _spans_of(evidence, "products.")) or any(
        _same_name(span.text, t["drug"]) for t in treatments
    ):
        return
    if any(_same_name(span.text, name) for name in suspects):
        return
    evidence[f"treatments.{len(treatments)}.drug"] = [where]
    treatments.append({"drug": span.text})


def _site(case: dict, evidence: dict, span: TaggedSpan, where: Span) -> None:
    products = case.get("products") or []
    if not products:
        return
    sites = products[0].setdefault("body_sites", [])
    for name, _, _ in find_sites(span.text):
        if name != "injection site" and name not in sites:
            sites.append(name)
            evidence.setdefault("products.0.body_sites", []).append(where)
