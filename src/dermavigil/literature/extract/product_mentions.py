"""Where a case report names its suspect products: mentions in the patient sentences.

Product mentions come from :func:`dermavigil.terminology.products.find_products`
(the aesthetic product families and brands), the drug lexicon
(:func:`dermavigil.terminology.drugs.find_drugs`) when the sentence gives the
drug as the exposure, a drug class named with its route, and the
abbreviations the text defines, and the names it marks with a trademark sign
(:mod:`.trademark_names`). Mentions that :mod:`.suspect_roles` finds to
be treatments or ingredients are left out. When no product is named, the
object of an administration phrase ("injections of a skin booster containing
...", "had a hair-growth serum ... injected") is the product
(:func:`.generic_products.generic_mentions`).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.class_exposure import (
    CAINE,
    LOCAL_ANAESTHESIA,
    class_exposures,
    exposed_class,
)
from dermavigil.literature.extract.generic_products import Mentions, generic_mentions
from dermavigil.literature.extract.organism_names import named_as_pathogen
from dermavigil.literature.extract.product_abbreviations import abbreviated_mentions, drug_category
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.suspect_roles import (
    cosmetic_form,
    given_as_exposure,
    given_for,
    is_ingredient,
    is_treatment,
    material_exposure,
    tied_as_cause,
    treats_complication,
)
from dermavigil.literature.extract.trademark_names import trademark_mentions
from dermavigil.literature.extract.treatment_names import TREATMENT
from dermavigil.terminology.drugs import find_drugs
from dermavigil.terminology.materials import find_filler_materials
from dermavigil.terminology.products import ProductMention, find_products

DEVICE_AFTER = re.compile(r"[\s-]+(?:syringes?|needles?)\b", re.I)
"""After a drug's name, a device named by it ("using an insulin syringe")."""


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
        if DEVICE_AFTER.match(after):
            continue  # "an insulin syringe", "a tuberculin needle": a device, not the drug
        if not (given_as_exposure(before, after) or tied_as_cause(before, after)):
            continue
        if named_as_pathogen(before, drug.text, after):
            continue  # "arthritis caused by Candida albicans": the organism, not a drug given
        cosmetic = cosmetic_form(after)
        if cosmetic:  # "a vitamin C serum": a cosmetic that contains the drug
            end = drug.end + cosmetic.end()
            named = text[drug.start : end]
            out.append(ProductMention(named, ProductCategory.other, drug.start, end))
            continue
        category = drug_category(drug.text, drug.name, after)
        out.append(ProductMention(drug.text, category, drug.start, drug.end))
    return out


def _material_suspects(sentence: Sentence, known: list[ProductMention]) -> list[ProductMention]:
    """Filler and implant materials (:func:`dermavigil.terminology.materials.
    find_filler_materials`: polyacrylamide hydrogel, polycaprolactone, polydioxanone threads,
    autologous fat, liquid silicone) the sentence names as what was injected or implanted:
    category ``other`` (docs/annotation.md)."""
    out = []
    text = sentence.text
    for start, end, name in find_filler_materials(text):
        if any(start < m.end and m.start < end for m in known):
            continue
        if material_exposure(text[:start], text[end:]):
            out.append(ProductMention(name, ProductCategory.other, start, end))
    return out


def treated_families(
    sentences: list[Sentence], abbr: dict[str, ProductCategory] | None = None
) -> set[ProductCategory]:
    """Product families any sentence gives as a treatment of the complication ("liquid
    platelet-rich fibrin for treating filler complications"): never suspects."""
    return suspect_mentions(sentences, abbr)[2]


_INJECTABLE_FAMILIES = frozenset(
    {
        ProductCategory.ha_filler,
        ProductCategory.plla,
        ProductCategory.caha,
        ProductCategory.pmma,
        ProductCategory.polynucleotide,
        ProductCategory.botulinum_toxin,
    }
)


def _as_cosmetic(text: str, mention: ProductMention) -> ProductMention:
    """An injectable family named with a cosmetic form after it ("hyaluronic acid serum",
    "a polynucleotide cream") names a cosmetic that contains it: category ``other``, named
    with the form word."""
    form = cosmetic_form(text[mention.end :])
    if (
        mention.category not in _INJECTABLE_FAMILIES
        or form is None
        or re.fullmatch(r"[\s-]+products?", form.group(0), re.I)
    ):
        return mention
    end = mention.end + form.end()
    return ProductMention(text[mention.start : end], ProductCategory.other, mention.start, end)


def _variant_products(text: str, known: list[ProductMention]) -> list[ProductMention]:
    """A catalogue product named by another name of its drug ("lignocaine" for lidocaine,
    :mod:`dermavigil.terminology.drug_variants`): a mention of that product, as written."""
    out = []
    for drug in find_drugs(text):
        if drug.text.lower() == drug.name or any(
            drug.start < m.end and m.start < drug.end for m in known
        ):
            continue
        family = find_products(drug.name)
        if family and family[0].end - family[0].start == len(drug.name):
            out.append(ProductMention(drug.text, family[0].category, drug.start, drug.end))
    return out


def suspect_mentions(
    patient: list[Sentence],
    abbr: dict[str, ProductCategory] | None = None,
    treating: set[ProductCategory] | None = None,
) -> tuple[
    Mentions,
    Mentions,
    set[ProductCategory],
]:
    """Product mentions of patient sentences, treatments left out.

    Returns (mentions, treatment-like lexicon drugs, product families given as a
    treatment): a lexicon drug that is a usual treatment of injection
    complications (hyaluronidase, steroids, antibiotics:
    :data:`.treatment_names.TREATMENT`) is only a suspect when the text names no
    other product, not even by a descriptive phrase. ``abbr`` are the product
    abbreviations the text defines (:func:`abbreviations`), found as mentions too.
    """
    out: Mentions = []
    lexical: Mentions = []
    tied: Mentions = []
    classes: set[int] = set()
    treating = set(treating or ())
    for sentence in patient:
        known = [_as_cosmetic(sentence.text, m) for m in find_products(sentence.text)]
        known += _variant_products(sentence.text, known)
        known += abbreviated_mentions(sentence, known, abbr or {})
        drugs = _drug_suspects(sentence, known)
        drugs += _material_suspects(sentence, [*known, *drugs])
        drugs += trademark_mentions(sentence.text, [*known, *drugs])
        found = [
            m
            for m in class_exposures(sentence)
            if not any(m.start < k.end and k.start < m.end for k in [*known, *drugs])
        ]
        classes.update(sentence.start + m.start for m in found)
        known += found
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
            if DEVICE_AFTER.match(after):
                continue  # "using an insulin syringe": a device named by a drug
            if treats_complication(after, sentence.text[: mention.start]):
                if mention.category is not ProductCategory.drug:
                    treating.add(mention.category)
                continue
            if is_treatment(sentence, shifted) and not exposed_class(sentence.text, mention.start):
                continue
            if is_ingredient(sentence.text[: mention.start], after):
                continue
            before = sentence.text[: mention.start]
            if TREATMENT.fullmatch(mention.text) and tied_as_cause(
                before, after, sentence.section == "title"
            ):
                tied.append((sentence, shifted))
            elif TREATMENT.fullmatch(mention.text) and not exposed_class(
                sentence.text, mention.start
            ):
                lexical.append((sentence, shifted))
            else:
                out.append((sentence, shifted))
    # a product family the text gives as a treatment of the reaction is never a suspect, and
    # a family also named as a cosmetic's ingredient ("hyaluronic acid serum") is that cosmetic
    # a usual treatment named as what the reaction was to is the first suspect; what it was
    # given to dissolve or correct, named only so, is not a suspect
    if tied:
        out = [*tied, *[(s, m) for s, m in out if not given_for(s, m)]]
    if out and all(m.start in classes for _, m in out):
        # a drug class named as the suspect ("after an analgesic injection") and a drug the
        # case gives as the exposure ("was given IV clindamycin", "an injection of Analgin"):
        # the drug names the suspect
        specific = [(s, m) for s, m in lexical if m.category is ProductCategory.drug] or [
            (s, ProductMention(m.text, ProductCategory.drug, m.start, m.end))
            for s, m in generic_mentions(patient)
            if m.category in {ProductCategory.drug, ProductCategory.other}
            and m.start not in classes
        ]
        out = specific or out
    if any(CAINE.match(m.text) for _, m in out):  # the local anaesthetic the case names
        out = [(s, m) for s, m in out if not LOCAL_ANAESTHESIA.fullmatch(m.text)]
    cosmetics = [m.text.lower() for _, m in out if m.category is ProductCategory.other]
    out = [
        (s, m)
        for s, m in out
        if m.category not in treating
        and not (m.category in _INJECTABLE_FAMILIES and any(m.text.lower() in c for c in cosmetics))
    ]
    return out, lexical, treating
