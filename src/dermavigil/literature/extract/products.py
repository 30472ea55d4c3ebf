"""The products of a case report: name, category, formulation, indication, sites.

Product mentions come from :func:`dermavigil.terminology.products.find_products`
in the sentences about the patient (the title included); mentions of a drug
that is being given as a *treatment* ("treated with triamcinolone") are left
to :mod:`.treatment`. One product per category, in order of first mention;
its name is a brand name when one is given (a capitalised mention that is
not the first word of its sentence), else the longest mention. When no
known product family is named, the object of an administration phrase
("injections of a skin booster containing ...", "had a hair-growth serum
... injected") is taken as the product, category ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.vocab import Formulation, ProductCategory, Route
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites, treatment_site
from dermavigil.literature.extract.treatment import TREATMENT
from dermavigil.terminology.drugs import find_drugs, is_vaccine
from dermavigil.terminology.products import ProductMention, categorize, find_products

Span = tuple[int, int]

_FORMULATIONS: tuple[tuple[Formulation, str], ...] = (
    (Formulation.lyophilized_powder, r"lyophili[sz]ed|freeze-dried"),
    (Formulation.powder, r"powder"),
    (Formulation.suspension, r"suspension"),
    (Formulation.emulsion, r"emulsion"),
    (Formulation.gel, r"gel"),
    (Formulation.cream, r"cream"),
    (Formulation.serum, r"serum"),
    (Formulation.solution, r"solution"),
)
_TREATED_WITH = re.compile(
    r"\b(?:treated|managed|treatment|therapy|responded|resolved|improved|healed|regressed)"
    r"\s+(?:with|to|by)\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
_TREATS_AFTER = re.compile(
    r"^\W{0,3}(?:\([^)]{0,20}\)\s*)?(?:[\w-]+\s+){0,2}?(?:for treating|to treat"
    r"|for (?:the )?(?:treatment|management)"
    r" of)\b[^.;]{0,50}\b(?:complications?|reactions?|necrosis|occlusions?|granulomas?|nodules?"
    r"|scar\w*|ulcer\w*|lesions?)\b",
    re.I,
)
"""After a product name: it is used to treat the complication ("liquid platelet-rich fibrin
for treating hyaluronic acid-related complications")."""
_ABBREVIATION = re.compile(r"(?P<long>[A-Za-z][\w -]{2,60}?)\s*\((?P<abbr>[A-Z][A-Za-z-]{1,7})\)")
_INGREDIENT_AFTER = re.compile(r"^\s+as (?:one of the|an?) ingredients?\b", re.I)
_INDICATION = re.compile(
    r"\b(?:to treat|to improve|to correct|to reduce|for (?:the )?(?:treatment|correction|"
    r"improvement|management) of)\s+(?P<ind>[a-z][a-z -]{2,60}?)(?=[.,;]|\s+(?:and|with|in|at|on"
    r"|using|by)\b|$)|\bfor\s+(?P<ind2>(?:facial |skin |lip |cheek |chin )?(?:rejuvenation|"
    r"augmentation|volumi[sz]ation|contouring|hair loss|alopecia|melasma|acne scars|wrinkles"
    r"|glabellar lines|submental fat))\b",
    re.I,
)
_DETERMINER = r"(?:an?|the|one|some)\s+"
_NAME = (
    r"(?!(?:into|in|to|under|at|on|with|by|from|for|over|around)\b)"
    r"(?P<name>[A-Za-z][\w\-' ]{2,50}?)"
)
_MATERIAL = (
    r"(?P<name>(?:\b(?!(?:from|of|with|after|following|to|in|on|and|or|by)\b)[\w-]+\s+){0,3}?"
    r"(?:fillers?|fat|silicone|paraffin|oil|collagen|materials?"
    r"|substances?|preparations?))"
)
_GENERIC = (
    re.compile(
        rf"\b(?:self-)?injected\s+(?:(?:herself|himself)\s+)?(?:with\s+(?![\w-]*\d|(?:an?\s+)?"
        r"(?:[\w-]+\s+)?(?:needles?|cannulas?|syringes?)\b))?"
        rf"(?:{_DETERMINER})?{_NAME}"
        r"(?=\s+(?:in|into|to|under|at|on|by|for|from|mixed|containing)\b|\s*[,.;(]|\s*$)",
        re.I,
    ),
    re.compile(
        rf"\b(?:(?:micro)?injections?|infiltrations?|application)\s+of\s+(?:{_DETERMINER})?{_NAME}"
        r"(?=\s+(?:containing|which|that|for|to|in|into|on|at|by|with|from|over|under|around"
        r"|of)\b|\s*[,.;(]|\s*$)",
        re.I,
    ),
    re.compile(
        rf"\b(?:had|received|was given|were given)\s+{_DETERMINER}{_NAME}"
        r"(?:\s*,[^,]{0,80},)?\s+(?:injected|administered|infiltrated)\b",
        re.I,
    ),
    re.compile(
        rf"\b{_DETERMINER}{_NAME}(?:\s*,[^,]{{0,80}},)?\s+(?:was|were)\s+(?:injected|administered)\b",
        re.I,
    ),
    re.compile(rf"{_MATERIAL}\s+(?:injections?|injected|augmentation)\b", re.I),
)
"""Descriptive product phrases: "self-injected a topical skin preparation", "injections of
a skin booster containing ...", "a collagen-containing dermal filler injection", "autologous
fat injection", "injection of non-steroidal anti-inflammatory drugs"."""
_INGREDIENT_BEFORE = re.compile(
    r"\b(?:containing|contains|composed of|based on|enriched with|made of)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""A product family named as an ingredient of what was injected ("a topical skin preparation
containing hyaluronic acid"): the preparation is the product."""
_LEADING = re.compile(r"^(?:(?:an?|the|one|some|her|his|first|cosmetic|previous)\s+)+", re.I)
_DRUG_CLASS = re.compile(
    r"\b(?:drugs?|medications?|medicines?|antibiotics?|analgesics?)$|^vitamin[\s-]*[a-z]?[\s-]*\d*$",
    re.I,
)
_EXPOSED_BEFORE = re.compile(
    r"\b(?:after|following|post|injections? of|injected with|administration of|administered"
    r"|received|receiving|doses? of|shots? of|IMI? of|induced by|due to|secondary to|associated"
    r"|caused by|exposure to|related to|on)\s+(?:[\w(),.-]+\s+){0,4}\(?$",
    re.I,
)
_EXPOSED_AFTER = re.compile(
    r"^\W{0,3}(?:\([^)]{0,40}\)\s*)?(?:[\w-]+\s+){0,3}?(?:injections?|injected|administration"
    r"|shots?|doses?|IMI|-?induced|-?associated|-?related)\b",
    re.I,
)
_TREATMENT_BEFORE = re.compile(
    r"\b(?:treated|managed|treatment|therapy|prescribed|started on|initiated|course of|responded"
    r"|relieve|improved with|resolved with|followed by|applied|apply|using|use of)\b[^.;]{0,50}$",
    re.I,
)
_COSMETIC_AFTER = re.compile(
    r"[\s-]+(?:serums?|creams?|lotions?|moisturi[sz]ers?|ampoules?|essences?|toners?|masks?"
    r"|(?:skin ?care |cosmetic )?products?|skin preparations?)\b",
    re.I,
)
_INJECTIONS = re.compile(r"\b(multiple|several|repeated|single|a single)\s+injections?\b", re.I)
_SESSIONS = re.compile(rf"\b(?P<n>{NUMBER_WORDS})\s+(?:treatment\s+)?sessions?\b", re.I)


@dataclass
class ProductFacts:
    """One product as the text gives it, with evidence spans per field."""

    name: str
    category: ProductCategory
    formulation: Formulation | None = None
    indication: str | None = None
    body_sites: list[str] = field(default_factory=list)
    injections: str | None = None
    sessions: int | None = None
    spans: dict[str, list[Span]] = field(default_factory=dict)


_TREATMENT_AFTER = re.compile(
    r"^(?:\s+(?:and|or|,)\s+(?:[\w\u2010-]+\s+){1,3}?)?\s+(?:was|were)\s+(?:then\s+|also\s+)?"
    r"(?:initiated|started|given|prescribed|added|applied|begun|instituted)\b",
    re.I,
)
"""After a usual treatment's name: it was started ("subcutaneous heparin were initiated",
"prednisolone and heparin were started")."""


def _is_treatment(sentence: Sentence, mention: ProductMention) -> bool:
    """Given for the reaction: "treated with X", or a usual treatment after a treatment cue
    or followed by one ("heparin was started")."""
    before = sentence.text[: mention.start - sentence.start]
    if _TREATED_WITH.search(before):
        return True
    after = sentence.text[mention.end - sentence.start :]
    return bool(
        TREATMENT.fullmatch(mention.text)
        and (_TREATMENT_BEFORE.search(before) or _TREATMENT_AFTER.match(after))
    )


def _brand(sentence: Sentence, mention: ProductMention) -> bool:
    return (
        mention.text[:1].isupper() and mention.start > sentence.start and not mention.text.isupper()
    )


def _generic(patient: list[Sentence]) -> list[tuple[Sentence, ProductMention]]:
    """A product named only by a descriptive phrase ("a skin booster containing ...").

    A usual treatment of injection complications (:data:`.treatment.TREATMENT`) is not
    taken; a drug class ("non-steroidal anti-inflammatory drugs") is a drug.
    """
    for sentence in patient:
        for pattern in _GENERIC:
            for match in pattern.finditer(sentence.text):
                name = match.group("name").strip()
                lead = _LEADING.match(name)
                offset = lead.end() if lead else 0
                name = name[offset:]
                if len(name) < 3 or TREATMENT.fullmatch(name):
                    continue
                start = sentence.start + match.start("name") + offset
                # "a skin preparation containing hyaluronic acid" is a skin preparation
                head = re.split(r"\s+(?:containing|with|based on|enriched with)\s+", name)[0]
                category = categorize(head)
                if category is ProductCategory.other and _DRUG_CLASS.search(name):
                    category = ProductCategory.drug
                mention = ProductMention(name, category, start, start + len(name))
                return [(sentence, mention)]
    return []


_CLASS_EXPOSURE = re.compile(
    r"\b(?:after|following|post|secondary to|due to|induced by|caused by|received|receiving"
    r"|had|given)\s+(?:(?:an?|the|one|single|repeated|multiple|several|his|her)\s+)*"
    r"(?:intra-?muscular|sub-?cutaneous|intra-?venous|intra-?dermal|depot|IM|SC|IV)\s+"
    r"(?P<name>(?:cortico)?steroids?|glucocorticoids?|corticoids?|antibiotics?|penicillins?"
    r"|analgesics?|anti-?inflammatory drugs?|NSAIDs?|vitamins?(?:[\s-]+[A-Z]\d*)?|iron|hormones?"
    r"|contraceptives?|antipsychotics?|neuroleptics?)\s+(?:injections?|shots?|doses?)\b",
    re.I,
)
"""A drug named by its class and the route it was injected by, after an exposure word ("a
single intramuscular corticosteroid injection", "following IM antibiotic injections"): the
suspect, although the class word alone is a usual treatment."""


def exposed_class(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` lies in a drug class named as the exposure."""
    return any(m.start() <= at < m.end() for m in _CLASS_EXPOSURE.finditer(text))


def _class_exposure(sentence: Sentence) -> list[ProductMention]:
    out = []
    for match in _CLASS_EXPOSURE.finditer(sentence.text):
        start, end = match.span("name")
        out.append(ProductMention(match.group("name"), ProductCategory.drug, start, end))
    return out


def _drug_suspects(sentence: Sentence, known: list[ProductMention]) -> list[ProductMention]:
    """Lexicon drugs the sentence gives as the exposure, not as a treatment."""
    out = []
    text = sentence.text
    drugs = find_drugs(text)
    for drug in drugs:
        if any(drug.start < m.end and m.start < drug.end for m in known):
            continue
        before, after = text[: drug.start], text[drug.end :]
        if before.endswith("(") and any(
            0 <= drug.start - m.end <= 2 for m in [*known, *drugs] if m is not drug
        ):
            continue  # "triamcinolone acetonide (Kenalog)": the same product, named again
        if not (_EXPOSED_BEFORE.search(before) or _EXPOSED_AFTER.match(after)):
            continue
        treated = _TREATED_WITH.search(before) or _TREATMENT_BEFORE.search(before[-60:])
        if treated and not _EXPOSED_AFTER.match(after):
            continue
        cosmetic = _COSMETIC_AFTER.match(after)
        if cosmetic:  # "a vitamin C serum": a cosmetic that contains the drug
            end = drug.end + cosmetic.end()
            named = text[drug.start : end]
            out.append(ProductMention(named, ProductCategory.other, drug.start, end))
            continue
        category = categorize(drug.text)
        if category is ProductCategory.other:
            category = ProductCategory.vaccine if is_vaccine(drug.name) else ProductCategory.drug
        out.append(ProductMention(drug.text, category, drug.start, drug.end))
    return out


def abbreviations(sentences: list[Sentence]) -> dict[str, ProductCategory]:
    """Abbreviations the text defines for a product ("hyaluronic acid (HA)", "PRF")."""
    found: dict[str, ProductCategory] = {}
    for sentence in sentences:
        for match in _ABBREVIATION.finditer(sentence.text):
            long = match.group("long")
            mentions = find_products(long) or [
                ProductMention(d.text, categorize(d.text), d.start, d.end) for d in find_drugs(long)
            ]
            if mentions and mentions[-1].end >= len(long) - 1:
                found.setdefault(match.group("abbr"), mentions[-1].category)
    return found


def _abbreviated(
    sentence: Sentence, known: list[ProductMention], abbr: dict[str, ProductCategory]
) -> list[ProductMention]:
    out = []
    for short, category in abbr.items():
        for match in re.finditer(rf"(?<![\w(-]){re.escape(short)}(?![\w)-])", sentence.text):
            if not any(match.start() < m.end and m.start < match.end() for m in known):
                out.append(ProductMention(short, category, match.start(), match.end()))
    return out


def treated_families(
    sentences: list[Sentence], abbr: dict[str, ProductCategory] | None = None
) -> set[ProductCategory]:
    """Product families any sentence gives as a treatment of the complication ("liquid
    platelet-rich fibrin for treating filler complications"): never suspects."""
    return _mentions(sentences, abbr)[2]


def _mentions(
    patient: list[Sentence],
    abbr: dict[str, ProductCategory] | None = None,
    treating: set[ProductCategory] | None = None,
) -> tuple[
    list[tuple[Sentence, ProductMention]],
    list[tuple[Sentence, ProductMention]],
    set[ProductCategory],
]:
    """Product mentions of patient sentences, treatments left out.

    Returns (mentions, treatment-like lexicon drugs, product families given as a
    treatment): a lexicon drug that is a usual treatment of injection
    complications (hyaluronidase, steroids, antibiotics:
    :data:`.treatment.TREATMENT`) is only a suspect when the text names no
    other product, not even by a descriptive phrase. ``abbr`` are the product
    abbreviations the text defines (:func:`abbreviations`), found as mentions too.
    """
    out, lexical = [], []
    treating = set(treating or ())
    for sentence in patient:
        known = find_products(sentence.text)
        known += _abbreviated(sentence, known, abbr or {})
        drugs = _drug_suspects(sentence, known)
        known += [
            m
            for m in _class_exposure(sentence)
            if not any(m.start < k.end and k.start < m.end for k in [*known, *drugs])
        ]
        previous_end = -10
        for mention in sorted([*known, *drugs], key=lambda m: m.start):
            compound = 0 <= mention.start - previous_end <= 1
            previous_end = max(previous_end, mention.end)
            if compound:  # "polynucleotide skin boosters": one product, named by its first word
                continue
            shifted = ProductMention(
                mention.text,
                mention.category,
                sentence.start + mention.start,
                sentence.start + mention.end,
            )
            after = sentence.text[mention.end :]
            if _TREATS_AFTER.match(after):
                if mention.category is not ProductCategory.drug:
                    treating.add(mention.category)
                continue
            if _is_treatment(sentence, shifted) and not exposed_class(sentence.text, mention.start):
                continue
            if _INGREDIENT_BEFORE.search(sentence.text[: mention.start]):
                continue
            if _INGREDIENT_AFTER.match(after):
                continue
            if mention in drugs and TREATMENT.fullmatch(mention.text):
                lexical.append((sentence, shifted))
            else:
                out.append((sentence, shifted))
    # a product family the text gives as a treatment of the reaction is never a suspect
    out = [(s, m) for s, m in out if m.category not in treating]
    return out, lexical, treating


def _describe(product: ProductFacts, sentences: list[Sentence], rechallenge: set[int]) -> None:
    for sentence in sentences:
        for formulation, pattern in _FORMULATIONS:
            match = re.search(rf"\b(?:{pattern})\b", sentence.text, re.I)
            if match and product.formulation is None:
                product.formulation = formulation
                product.spans["formulation"] = [
                    (sentence.start + match.start(), sentence.start + match.end())
                ]
        if sentence.index in rechallenge:
            continue
        found = _INDICATION.search(sentence.text)
        if found and product.indication is None:
            group = "ind" if found.group("ind") else "ind2"
            product.indication = found.group(group).strip()
            product.spans["indication"] = [
                (sentence.start + found.start(group), sentence.start + found.end(group))
            ]
        for site, start, end in find_sites(sentence.text):
            if treatment_site(sentence.text, end, start, product.name):
                continue
            if site not in product.body_sites and site != "injection site":
                product.body_sites.append(site)
                product.spans.setdefault("body_sites", []).append(
                    (sentence.start + start, sentence.start + end)
                )
        injections = _INJECTIONS.search(sentence.text)
        if injections and product.injections is None:
            product.injections = injections.group(1).lower().removeprefix("a ")
            product.spans["injections"] = [
                (sentence.start + injections.start(), sentence.start + injections.end())
            ]
        sessions = _SESSIONS.search(sentence.text)
        value = number_value(sessions.group("n")) if sessions else None
        if sessions and value and product.sessions is None:
            product.sessions = int(value)
            product.spans["sessions"] = [
                (sentence.start + sessions.start(), sentence.start + sessions.end())
            ]


def find_product_facts(
    patient: list[Sentence],
    rechallenge: set[int],
    fallback: bool = False,
    abbr: dict[str, ProductCategory] | None = None,
    treating: set[ProductCategory] | None = None,
) -> list[ProductFacts]:
    """One :class:`ProductFacts` per product category named in patient sentences.

    ``rechallenge`` holds the indexes of rechallenge sentences, whose sites
    belong to the rechallenge rather than to the first administration.
    ``fallback``: the sentences are not the case's (background, objective):
    a usual treatment drug named there is never taken as the product.
    """
    grouped: dict[ProductCategory, list[tuple[Sentence, ProductMention]]] = {}
    mentions, lexical, treating = _mentions(patient, abbr, treating)
    if fallback:
        mentions = [(s, m) for s, m in mentions if not TREATMENT.fullmatch(m.text)]
    generic = [(s, m) for s, m in _generic(patient) if m.category not in treating]
    for sentence, mention in mentions or generic or ([] if fallback else lexical):
        grouped.setdefault(mention.category, []).append((sentence, mention))
    products = []
    for category, mentions in grouped.items():
        brands = [m for s, m in mentions if _brand(s, m)]
        named = brands[0] if brands else max((m for _, m in mentions), key=lambda m: len(m.text))
        product = ProductFacts(name=named.text, category=category)
        product.spans["name"] = [(named.start, named.end)]
        product.spans["category"] = [(m.start, m.end) for _, m in mentions]
        used = [
            s
            for s in patient
            if any(s is t for t, _ in mentions)
            or re.search(r"\binject\w*|administ\w*", s.text, re.I)
        ]
        _describe(product, used, rechallenge)
        products.append(product)
    return _vaccine_after_filler(products)


_NOT_AESTHETIC = frozenset(
    {
        ProductCategory.vaccine,
        ProductCategory.drug,
        ProductCategory.other,
        ProductCategory.allergen_immunotherapy,
    }
)


def _vaccine_after_filler(products: list[ProductFacts]) -> list[ProductFacts]:
    """A vaccine that triggered a reaction to an earlier aesthetic product (a filler) is a
    co-suspect named after that product (docs/annotation.md), whichever the text names first."""
    if not any(p.category is ProductCategory.vaccine for p in products) or all(
        p.category in _NOT_AESTHETIC for p in products
    ):
        return products
    vaccines = [p for p in products if p.category is ProductCategory.vaccine]
    return [p for p in products if p.category is not ProductCategory.vaccine] + vaccines


_NOT_MEDICINE = re.compile(
    r"\b(?:fillers?|fat|silicone|paraffin|oils?|collagen|materials?|substances?|serums?|creams?"
    r"|cosmetics?|boosters?|gels?|implants?|threads?|peptides?)\b",
    re.I,
)


def medicine_by_route(product: ProductFacts, route: Route | None) -> None:
    """A product the text names only by an unknown name (category ``other``) that was
    injected into a muscle or a vein is a medicine (``drug``): cosmetics and fillers are
    placed in the skin, and materials (oils, silicone) keep ``other``."""
    if (
        product.category is ProductCategory.other
        and route in {Route.intramuscular, Route.intravenous}
        and not _NOT_MEDICINE.search(product.name)
    ):
        product.category = ProductCategory.drug


_REACTION_TO = re.compile(
    r"\b(?:reactions?|granulomas?|hypersensitivity|allergy|allergic reactions?|complications?"
    r"|response)\s+(?:to|against|caused by|induced by|secondary to)\s+(?:the\s+)?(?:injected\s+)?$",
    re.I,
)


def named_by_reaction(products: list[ProductFacts], sentences: list[Sentence]) -> None:
    """A product the case names only by a descriptive phrase ("dermal cosmetic material",
    category ``other``) that the text later names by family as what the reaction was to
    ("foreign body granuloma to hyaluronic acid") takes that family's name and category."""
    if len(products) != 1 or products[0].category is not ProductCategory.other:
        return
    for sentence in sentences:
        for mention in find_products(sentence.text):
            if _REACTION_TO.search(sentence.text[: mention.start]):
                product = products[0]
                product.name, product.category = mention.text, mention.category
                span = (sentence.start + mention.start, sentence.start + mention.end)
                product.spans["name"] = [span]
                product.spans["category"] = [*product.spans.get("category", []), span]
                return
