"""Field-by-field scores of drafts against the real-abstract annotations.

The annotations (``bench/data/literature_real.jsonl``, conventions in
``docs/annotation.md``) give, per abstract, facts as a pharmacovigilance
reader writes them: reaction and histopathology *terms*, treatment names,
body-site names, the suspect products with their category, the route, its
approval, outcome, seriousness, onset, de/rechallenge. Terms are compared
as concepts: each is coded with the project's HPO coder
(:func:`dermavigil.terminology.coder.code_phrase`) and matched by code along
the HPO hierarchy: an extracted code matches a gold code when it is the same
term or a more specific one (a descendant: "facial edema" is an "edema"), or
a part of a precomposed gold term written compositionally: its direct parent
or the code of a word of its label ("erythematous papules" extracted as
erythema + papule, a "subcutaneous nodule" extracted as a skin nodule), and
a precomposed extracted term matches a gold term that is one of its parts
("erythematous plaque" for "erythema"). Extracted codes that match no gold
code are false positives; several extracted codes of one gold concept count
once. A term the HPO does not code matches an extracted verbatim that
contains it. ``reactions`` counts false positives among coded reactions only;
``reactions_strict`` also counts an extracted reaction the HPO does not code that
matches no uncoded gold term (neither contains the other). Sequelae are
reactions (``docs/annotation.md``, "Conventions settled at the start of the
fourth session"): a draft's sequelae, which the extractor keeps apart from its
reactions, are compared with the gold reactions together with them.
Treatments are matched by name (:mod:`.realscore_names`).

List fields are micro-averaged precision / recall / F1 over abstracts;
single fields are accuracy over the abstracts where the field is scored
(see :data:`FIELDS`). The module is pure: texts and drafts come in, scores
go out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dermavigil.domain.dates import Duration
from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract import Draft
from dermavigil.literature.realscore_names import norm, same_name, score_names
from dermavigil.literature.scoring import ListScore, SingleScore
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.hpo import load_hpo

LIST_FIELDS = (
    "reactions",
    "reactions_strict",
    "treatments",
    "body_sites",
    "histopathology",
    "products",
)
SINGLE_FIELDS = (
    "product_found",
    "category",
    "route_approval",
    "serious",
    "outcome",
    "onset",
    "onset_stated",
    "rechallenge",
    "dechallenge",
    "age",
    "sex",
    "is_series",
    "no_case_empty",
    "partial",
)


@dataclass
class Concepts:
    """A set of concepts: HPO codes, plus words the HPO does not code."""

    codes: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


def _gold_concepts(terms: Iterable[str]) -> Concepts:
    out = Concepts()
    for term in terms:
        codes = {c.code for c in code_phrase(term)}
        if codes:
            out.codes |= codes
        else:
            out.words.add(norm(term))
    return out


@lru_cache(maxsize=4096)
def _ancestors(code: str) -> frozenset[str]:
    """Every HPO term above ``code`` (not itself)."""
    hpo = load_hpo()
    out: set[str] = set()
    stack = list(hpo.term(code).is_a) if code in hpo.terms else []
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            stack.extend(hpo.terms[current].is_a if current in hpo.terms else ())
    return frozenset(out)


@lru_cache(maxsize=4096)
def _parts(code: str) -> frozenset[str]:
    """A gold term's compositional parts: its direct parents and the codes of the words of
    its label ("Erythematous papule" -> Papule, and Erythema from "erythematous")."""
    hpo = load_hpo()
    if code not in hpo.terms:
        return frozenset()
    term = hpo.term(code)
    words = {c.code for word in term.name.split() for c in code_phrase(word)}
    return frozenset(term.is_a) | (words - {code})


def _same_concept(extracted: str, gold: str) -> bool:
    """The extracted code is the gold term, a descendant of it, one of its parts, or a
    precomposed term the gold term is a part of ("erythematous plaque" for "erythema", which
    the HPO does not place above it)."""
    return (
        extracted == gold
        or gold in _ancestors(extracted)
        or extracted in _parts(gold)
        or gold in _parts(extracted)
    )


def _score_concepts(entry: ListScore, gold: Concepts, codes: set[str], verbatims: list[str]):
    matched = {g for g in gold.codes if any(_same_concept(c, g) for c in codes)}
    entry.tp += len(matched)
    entry.fn += len(gold.codes - matched)
    texts = [norm(v) for v in verbatims]
    found_words = {w for w in gold.words if any(w in t for t in texts)}
    entry.tp += len(found_words)
    entry.fn += len(gold.words - found_words)
    entry.fp += len({c for c in codes if not any(_same_concept(c, g) for g in gold.codes)})


def _uncoded_false(gold: Concepts, uncoded: list[str]) -> int:
    """Extracted reactions the HPO does not code that match no uncoded gold term."""
    return sum(not any(w in t or t in w for w in gold.words) for t in map(norm, uncoded))


def _score_sets(entry: ListScore | SingleScore, gold: set[str], got: set[str]) -> None:
    assert isinstance(entry, ListScore)
    entry.tp += len(gold & got)
    entry.fp += len(got - gold)
    entry.fn += len(gold - got)


ANNOTATION_CATEGORIES = frozenset(
    {
        ProductCategory.ha_filler,
        ProductCategory.plla,
        ProductCategory.caha,
        ProductCategory.botulinum_toxin,
        ProductCategory.exosome,
        ProductCategory.polynucleotide,
        ProductCategory.prp,
        ProductCategory.mesotherapy,
        ProductCategory.drug,
        ProductCategory.vaccine,
        ProductCategory.allergen_immunotherapy,
        ProductCategory.other,
    }
)
"""The categories of ``docs/annotation.md`` (gold facts, ``products``)."""


def annotation_category(category: str) -> str:
    """A draft's catalogue category as the annotation names it: the catalogue's own
    families outside the annotation set (PMMA, skin booster) compare as ``other``
    (``docs/annotation.md``, "Categories are the annotation categories")."""
    return category if category in ANNOTATION_CATEGORIES else ProductCategory.other.value


def _approval(product: Mapping[str, Any]) -> bool | None:
    approved = product.get("approved_routes") or []
    route = product.get("route")
    if "off_label_use" in (product.get("additional_information") or []):
        return False
    if route and approved:
        return route in approved
    if product.get("route_approved") is not None:
        return bool(product["route_approved"])
    return None


def draft_view(draft: Draft) -> dict[str, Any]:
    """What the scorer reads from a draft (also printed by the bench's --verbose)."""
    case = draft.case
    products = case.get("products", [])
    reactions = case.get("reactions", [])
    first = products[0] if products else {}
    latencies = [
        Duration.model_validate(r["onset_latency"]).days()
        for r in reactions
        if r.get("onset_latency")
    ] or ([Duration.model_validate(draft.onset).days()] if draft.onset else [])
    sites = {s for p in products for s in p.get("body_sites", [])}
    sites |= {s for r in reactions for s in r.get("body_sites", [])}
    outcomes = [r["outcome"] for r in reactions if r.get("outcome")]
    age = case.get("patient", {}).get("age")
    sequelae = list(dict.fromkeys(s for r in reactions for s in r.get("sequelae", [])))
    return {
        "reaction_codes": sorted(
            {c["code"] for r in reactions for c in r.get("codes", [])}
            | {c.code for s in sequelae for c in code_phrase(s)}
        ),
        "reaction_verbatims": [r["verbatim"] for r in reactions] + sequelae,
        "reaction_uncoded": [r["verbatim"] for r in reactions if not r.get("codes")]
        + [s for s in sequelae if not code_phrase(s)],
        "treatments": [t["drug"] for t in case.get("treatments", [])],
        "body_sites": sorted(sites - {"injection site"}),
        "histopathology_codes": sorted(
            {
                c["code"]
                for f in case.get("findings", [])
                if f.get("kind") == "histopathology"
                for c in f.get("codes", [])
            }
        ),
        "histopathology_text": [
            f.get("result", "")
            for f in case.get("findings", [])
            if f.get("kind") == "histopathology"
        ],
        "products": [(p["name"], annotation_category(p["category"])) for p in products],
        "route": first.get("route"),
        "route_approval": _approval(first) if first else None,
        "serious": bool(draft.serious()),
        "outcome": outcomes[0] if outcomes else draft.outcome,
        "onset_days": min(latencies) if latencies else None,
        "rechallenge": (first.get("rechallenge") or {}).get("result"),
        "dechallenge": (first.get("dechallenge") or {}).get("result"),
        "age": age["value"] if age else None,
        "sex": case.get("patient", {}).get("sex"),
        "is_series": draft.is_series,
        "patients": case.get("report", {}).get("patients_in_report", 1),
        "partial": draft.partial,
        "empty": not reactions,
    }


def annotation_view(gold: Mapping[str, Any]) -> dict[str, Any]:
    """A second annotator's gold facts in the shape of :func:`draft_view`, so that two
    annotations of one text are compared with the scorer that compares a draft with its
    annotation (inter-annotator agreement, the ceiling of what extraction can score).
    Terms are coded with the same HPO coder the scorer codes the gold terms with."""
    kind = gold["kind"]
    return {
        "reaction_codes": sorted({c.code for t in gold["reactions"] for c in code_phrase(t)}),
        "reaction_verbatims": list(gold["reactions"]),
        "reaction_uncoded": [t for t in gold["reactions"] if not code_phrase(t)],
        "treatments": list(gold["treatments"]),
        "body_sites": sorted(set(gold["sites"])),
        "histopathology_codes": sorted(
            {c.code for t in gold["histopathology"] for c in code_phrase(t)}
        ),
        "histopathology_text": list(gold["histopathology"]),
        "products": [(p["name"], p["category"]) for p in gold["products"]],
        "route": gold["route"],
        "route_approval": gold["approved"],
        "serious": bool(gold["serious"]),
        "outcome": gold["outcome"],
        "onset_days": gold["onset_days"],
        "rechallenge": gold["rechallenge"],
        "dechallenge": gold["dechallenge"],
        "age": gold["age"],
        "sex": gold["sex"],
        "is_series": kind == "series",
        "patients": gold["patients"],
        "partial": bool(gold["partial"]),
        "empty": kind == "no_case" or not gold["reactions"],
    }


def _onset_same(got: float | None, gold: float | None) -> bool:
    if got is None or gold is None:
        return got is None and gold is None
    return abs(got - gold) <= max(1.0, 0.05 * gold)


def score_real(
    pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]],
) -> dict[str, ListScore | SingleScore]:
    """Scores per field over (draft view, gold annotation) pairs.

    Which abstracts count for which field: reactions, treatments, body
    sites, histopathology and products over every abstract (a review that
    names no patient has empty gold lists, so what is extracted from it is
    a false positive); product found / category, seriousness over single
    and series reports; outcome, onset, challenges, age and sex over
    single-patient reports; route approval where the annotation states it;
    ``no_case_empty`` over the abstracts with no case (the draft must have
    no reaction or be marked partial).
    """
    scores: dict[str, ListScore | SingleScore] = {f: ListScore() for f in LIST_FIELDS}
    scores.update({f: SingleScore() for f in SINGLE_FIELDS})

    def single(name: str, ok: bool) -> None:
        entry = scores[name]
        assert isinstance(entry, SingleScore)
        entry.total += 1
        entry.correct += bool(ok)

    for got, gold in pairs:
        kind = gold["kind"]
        reactions, strict = scores["reactions"], scores["reactions_strict"]
        assert isinstance(reactions, ListScore) and isinstance(strict, ListScore)
        gold_reactions = _gold_concepts(gold["reactions"])
        before = (reactions.tp, reactions.fp, reactions.fn)
        _score_concepts(
            reactions, gold_reactions, set(got["reaction_codes"]), got["reaction_verbatims"]
        )
        strict.tp += reactions.tp - before[0]
        strict.fn += reactions.fn - before[2]
        strict.fp += reactions.fp - before[1]
        strict.fp += _uncoded_false(gold_reactions, got["reaction_uncoded"])
        histo = scores["histopathology"]
        assert isinstance(histo, ListScore)
        _score_concepts(
            histo,
            _gold_concepts(gold["histopathology"]),
            set(got["histopathology_codes"]),
            got["histopathology_text"],
        )
        treatments = scores["treatments"]
        assert isinstance(treatments, ListScore)
        score_names(treatments, gold["treatments"], got["treatments"])
        _score_sets(scores["body_sites"], set(gold["sites"]), set(got["body_sites"]))
        _score_sets(
            scores["products"],
            {p["category"] for p in gold["products"]},
            {c for _, c in got["products"]},
        )
        if kind == "no_case":
            single("no_case_empty", got["empty"] or got["partial"])
            continue
        first = gold["products"][0] if gold["products"] else None
        if first:
            single(
                "product_found",
                any(
                    same_name(first["name"], n) or c == first["category"]
                    for n, c in got["products"]
                ),
            )
            single("category", bool(got["products"]) and got["products"][0][1] == first["category"])
        if gold.get("approved") is not None:
            single("route_approval", got["route_approval"] == gold["approved"])
        single("serious", got["serious"] == gold["serious"])
        single("is_series", got["is_series"] == (kind == "series"))
        single("partial", got["partial"] == gold["partial"])
        if kind != "single":
            continue
        single("outcome", got["outcome"] == gold["outcome"])
        single("onset", _onset_same(got["onset_days"], gold["onset_days"]))
        if gold["onset_days"] is not None:
            single("onset_stated", _onset_same(got["onset_days"], gold["onset_days"]))
        single("rechallenge", got["rechallenge"] == gold["rechallenge"])
        single("dechallenge", got["dechallenge"] == gold["dechallenge"])
        single(
            "age",
            got["age"] is not None
            and gold["age"] is not None
            and float(got["age"]) == float(gold["age"])
            or got["age"] == gold["age"],
        )
        single("sex", got["sex"] == gold["sex"])
    return scores
