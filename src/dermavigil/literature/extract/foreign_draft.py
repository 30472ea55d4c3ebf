"""Fill a draft's empty fields from the parts of its text written in another language.

:func:`fill_gaps` reads the parts :func:`.quality.check_text` set aside (the whole text,
when it is all in one language) with :func:`.foreign.read_foreign`, in the language with
the most of them among those the project has words for, and gives what it finds to the
fields the English part left empty: the patient's age and sex, the reactions (with the
outcome and seriousness the same text states), the treatments, the suspect's de- and
rechallenge (:mod:`.foreign_challenge`); an English part that
names reactions keeps them, and its outcome, seriousness and treatments (a bilingual
abstract says the same twice). Values keep their evidence spans; reactions are written in
English (``verbatim_source``: ``translation``; the text's own words are their evidence);
the draft stays partial (issue 10, "Bad input": a text in another language is marked so).
"""

from __future__ import annotations

from typing import Any

from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract import assemble
from dermavigil.literature.extract.challenge import ChallengeFacts
from dermavigil.literature.extract.cyrillic_product import cyrillic_drug
from dermavigil.literature.extract.exposure_products import named_family
from dermavigil.literature.extract.foreign import ForeignFacts, read_foreign
from dermavigil.literature.extract.foreign_words import DRUG_CLASSES
from dermavigil.literature.extract.language import language_name
from dermavigil.literature.extract.outcome import OutcomeFacts
from dermavigil.literature.extract.products import ProductFacts
from dermavigil.literature.extract.route_label import complete_label
from dermavigil.literature.extract.routes import RouteFacts
from dermavigil.literature.extract.unspaced_product import AGENT
from dermavigil.terminology.drugs import drug_names
from dermavigil.terminology.labelled_routes import labelled_for
from dermavigil.terminology.products import categorize
from dermavigil.terminology.translations import LANGUAGES

NEAREST = {"gl": "pt", "ca": "es", "an": "es", "ast": "es", "ext": "es", "oc": "fr", "lb": "de"}
"""A language py3langid gives a short paragraph of Portuguese, Spanish, French or German for
(Galician, Catalan, Aragonese, Asturian, Extremaduran, Occitan, Luxembourgish): read with
the words of the nearest language the project has."""


def _known(reaction, known: set[str]) -> bool:
    return any(c.code in known for c in reaction.codes)


def _products(text: str, facts: ForeignFacts, evidence: assemble.Evidence) -> list[dict[str, Any]]:
    """The drug given, as the text spells it, with its route and labelled routes, or the
    mistake the case tells of its giving."""
    assert facts.product is not None
    name, english, span = facts.product
    category = categorize(english)
    if category is ProductCategory.other and (
        english in drug_names() or english in DRUG_CLASSES or english == AGENT
    ):
        category = ProductCategory.drug
    product = ProductFacts(name=name, category=category)
    product.spans["name"] = product.spans["category"] = [span]
    routes = RouteFacts(wrong_spans=list(facts.wrong))
    if facts.route:
        routes.used, routes.used_spans = Route(facts.route[0]), [facts.route[1]]
        # a route the labelling lacks proves nothing; a drug or vaccine named with the route
        # it was given by (a sentence naming it), with no mistake told, was given by the
        # route it is made for (docs/annotation.md; route_label: "route named with the
        # product")
        if not facts.wrong and (
            labelled_for(english, routes.used)
            or category in {ProductCategory.drug, ProductCategory.vaccine}
        ):
            routes.approved, routes.approved_spans = [routes.used], [span]
    return assemble.products_part(text, [product], routes, ChallengeFacts(), evidence)


def cyrillic_products(
    text: str,
    drug: tuple[str, str, tuple[int, int], tuple[str, tuple[int, int]] | None],
    evidence: assemble.Evidence,
) -> list[dict[str, Any]]:
    """The drug a text in Cyrillic letters names as given
    (:func:`.cyrillic_product.cyrillic_drug`), with its route, as :func:`_products` gives
    the drug of a text in another language."""
    name, english, span, route = drug
    facts = ForeignFacts(language="ru", product=(name, english, span), route=route)
    return _products(text, facts, evidence)


_GIVEN = frozenset({ProductCategory.drug, ProductCategory.vaccine})


def _route_of_named(
    text: str, facts: ForeignFacts, products: list[dict[str, Any]], evidence: assemble.Evidence
) -> bool:
    """The route the text's sentences naming the product state, or the mistake they tell,
    for a product named before (the family the text names) that has none; its label from
    the catalogue, or as a drug or vaccine given as prescribed (:func:`.route_label.
    complete_label`)."""
    first = products[0]
    if set(first) - {"name", "category", "role"}:
        return False  # a product the English part described keeps what it said
    if not (facts.route or facts.wrong) and first["category"] != ProductCategory.other:
        return False  # a material (category other) may be named as not made for injection
    named = ProductFacts(name=first["name"], category=ProductCategory(first["category"]))
    named.spans = {k: list(evidence.get(f"products.0.{k}", [])) for k in ("name", "category")}
    routes = RouteFacts(wrong_spans=list(facts.wrong))
    if facts.route:
        routes.used, routes.used_spans = Route(facts.route[0]), [facts.route[1]]
    complete_label(routes, named.name, named.category.value, [], named.spans["name"])
    if routes.used and not (routes.approved or facts.wrong) and named.category in _GIVEN:
        # a drug or vaccine a sentence naming it says was given by this route, with no
        # mistake told, was given by the route it is made for (as in :func:`_products`)
        routes.approved, routes.approved_spans = [routes.used], list(routes.used_spans)
    products[:1] = assemble.products_part(text, [named], routes, ChallengeFacts(), evidence)
    return True


def fill_gaps(
    text: str,
    languages: list[tuple[int, int, str]],
    case: dict[str, Any],
    evidence: assemble.Evidence,
    warnings: list[str],
    suspects: frozenset[str] = frozenset(),
    mostly: bool = False,
) -> tuple[list[str], str | None]:
    """Complete ``case`` (and ``evidence``) from the parts of ``text`` in another language;
    ``mostly``: most of the text is in that language (its reactions are added to those of
    the English part, e.g. a title, instead of only filling an empty list). Returns the
    seriousness criteria and the last status the part states of the case when no reaction
    can carry them (evidence under ``seriousness`` and ``outcome``; docs/annotation.md,
    ``serious`` and ``outcome``: what the text says)."""
    if not case.get("products") and (drug := cyrillic_drug(text)):
        # a drug named in Cyrillic letters ("диклофенак"): Russian has no words table here
        case["products"] = cyrillic_products(text, drug, evidence)
        warnings.append("the drug the text names in Cyrillic letters is kept (transliterated)")
    size: dict[str, int] = {}
    languages = [(a, b, NEAREST.get(code, code)) for a, b, code in languages]
    for start, end, code in languages:
        if code in LANGUAGES:
            size[code] = size.get(code, 0) + end - start
    if not size:
        return [], None
    language = max(size, key=lambda code: size[code])
    spans = [(a, b) for a, b, code in languages if code == language]
    facts = read_foreign(text, language, spans, suspects)
    filled: list[str] = []
    # the product family or filler material the part names, when it tells of a case
    told = facts.reactions or facts.age or facts.sex
    named = [] if case.get("products") or facts.product or not told else named_family(text, spans)
    if facts.product and not case.get("products"):
        case["products"] = _products(text, facts, evidence)
        filled.append("product")
    elif named:
        case["products"] = assemble.products_part(
            text, named, RouteFacts(), ChallengeFacts(), evidence
        )
        _route_of_named(text, facts, case["products"], evidence)
        filled.append("product")
    elif case.get("products") and _route_of_named(text, facts, case["products"], evidence):
        filled.append("route")
    patient = case.setdefault("patient", {})
    if facts.age and "age" not in patient:
        patient["age"] = {"value": facts.age[0], "unit": facts.age[1]}
        evidence["patient.age"] = facts.spans["patient.age"]
        filled.append("age")
    if facts.sex and "sex" not in patient:
        patient["sex"] = facts.sex.value
        evidence["patient.sex"] = facts.spans["patient.sex"]
        filled.append("sex")
    outcome = OutcomeFacts(
        outcome=facts.outcome,
        seriousness=facts.seriousness,
        spans={k: v for k, v in facts.spans.items() if k in ("outcome", "seriousness")},
    )
    reactions = case.setdefault("reactions", [])
    known = {c["code"] for r in reactions for c in r.get("codes", [])}
    new = [r for r in facts.reactions if not reactions or (mostly and not _known(r, known))]
    if new:
        own: assemble.Evidence = {}
        told = outcome if not reactions else OutcomeFacts()  # else the English part's stand
        part = assemble.reactions_part(new, told, ChallengeFacts(), {}, own)
        for key, spans in own.items():
            _, index, rest = key.split(".", 2)
            evidence[f"reactions.{int(index) + len(reactions)}.{rest}"] = spans
        for reaction in part:
            reaction["verbatim_source"] = "translation"
        reactions.extend(part)
        filled.append("reactions")
    if reactions and facts.outcome and not any(r.get("outcome") for r in reactions):
        for i, reaction in enumerate(reactions):
            reaction["outcome"] = facts.outcome.value
            evidence[f"reactions.{i}.outcome"] = list(facts.spans["outcome"])
        filled.append("outcome")
    if reactions and facts.seriousness and not any(r.get("seriousness") for r in reactions):
        for i, reaction in enumerate(reactions):
            reaction["seriousness"] = [c.value for c in facts.seriousness]
            evidence[f"reactions.{i}.seriousness"] = list(facts.spans["seriousness"])
        filled.append("seriousness")
    first = (case.get("products") or [None])[0]
    if first is not None and not {"rechallenge", "dechallenge"} & set(first):
        assemble.add_challenges(first, facts.challenge, evidence, "products.0")
        if facts.challenge.rechallenge_done or facts.challenge.dechallenge_done:
            filled.append("de- and rechallenge")
    held: list[str] = []
    if not reactions and facts.seriousness:
        held = [c.value for c in facts.seriousness]
        evidence.setdefault("seriousness", []).extend(facts.spans["seriousness"])
        filled.append("seriousness")
    ended = facts.outcome.value if facts.outcome and not reactions else None
    if ended:
        evidence.setdefault("outcome", list(facts.spans["outcome"]))
        filled.append("outcome")
    if reactions and facts.onset and not any(r.get("onset_latency") for r in reactions):
        reactions[0]["onset_latency"] = facts.onset.model_dump(mode="json")
        evidence["reactions.0.onset_latency"] = list(facts.spans["onset"])
        filled.append("onset")
    holder = (case.get("products") or reactions or [None])[0]
    placed = [s for p in case.get("products", []) + reactions for s in p.get("body_sites", [])]
    if facts.sites and holder is not None and not placed:
        holder["body_sites"] = list(facts.sites)
        path = "products.0" if case.get("products") else "reactions.0"
        evidence[f"{path}.body_sites"] = list(facts.spans["body_sites"])
        filled.append("body sites")
    if facts.findings and not case.get("findings"):
        case["findings"] = assemble.findings_part(facts.findings, evidence)
        filled.append("histopathology")
    if facts.treatments and not case.get("treatments"):
        case["treatments"] = assemble.treatments_part(facts.treatments, evidence)
        filled.append("treatments")
    if filled:
        warnings.append(
            f"read in {language_name(language)} with the HPO translations and the words of "
            f"that language: {', '.join(filled)} (written in English, the text's words as "
            "evidence); check them against the text"
        )
    return held, ended
