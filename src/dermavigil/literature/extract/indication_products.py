"""A drug the case gave for the patient's own condition before the reaction: the suspect.

"Treated with X" before a name says X was given for the reaction (docs/annotation.md:
treatments given for the reaction are never suspects), but only a reaction already told can
be treated. A case report tells its events in the order they happened (the temporal reading
of a narrative's sentence order; Harkema H et al. 2009, "ConText: an algorithm for
determining negation, experiencer, and temporal status from clinical reports", J Biomed
Inform 42(5):839-851, for the historical/recent split), so a product the patient was
treated with, prescribed or started on in the case told before the first mention of the
reaction ("a woman with psoriasis was treated with subcutaneous X every two weeks. After
the fourth dose erythema appeared at the injection sites", "a scar she was prescribed
intralesional X for") treated the condition the patient came with, and the reaction that
followed is the one to it. Read only when the case names no suspect by an exposure cue
(:func:`.products.find_product_facts`). Pure: sentences in, mentions out.
"""

from __future__ import annotations

from dermavigil.literature.extract.generic_products import Mentions
from dermavigil.literature.extract.product_abbreviations import drug_category
from dermavigil.literature.extract.product_mentions import DEVICE_AFTER
from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.suspect_roles import (
    TREATED_WITH,
    TREATMENT_BEFORE,
    is_ingredient,
    treats_complication,
)
from dermavigil.terminology.drugs import find_drugs
from dermavigil.terminology.products import ProductMention, find_products


def _named(text: str) -> list[ProductMention]:
    """Product families and lexicon drugs of ``text``, a family winning where both overlap."""
    families = find_products(text)
    drugs = [
        ProductMention(d.text, drug_category(d.text, d.name, text[d.end :]), d.start, d.end)
        for d in find_drugs(text)
        if not any(d.start < m.end and m.start < d.end for m in families)
    ]
    return sorted([*families, *drugs], key=lambda m: m.start)


def given_before_reaction(patient: list[Sentence], reaction_at: int | None) -> Mentions:
    """The first product a case sentence says the patient was treated with, prescribed or
    started on before ``reaction_at`` (where the case first tells a reaction, outside the
    title): the product given for the patient's condition, which the reaction followed.
    Nothing when no reaction is told (no order to read)."""
    if reaction_at is None:
        return []
    for sentence in patient:
        if sentence.section == "title" or sentence.start >= reaction_at:
            continue
        text = sentence.text
        for mention in _named(text):
            if sentence.start + mention.end > reaction_at:
                break
            before, after = text[: mention.start], text[mention.end :]
            if not (TREATED_WITH.search(before) or TREATMENT_BEFORE.search(before)):
                continue
            if (
                DEVICE_AFTER.match(after)
                or is_ingredient(before, after)
                or treats_complication(after, before)
            ):
                continue
            start, end = sentence.start + mention.start, sentence.start + mention.end
            return [(sentence, ProductMention(mention.text, mention.category, start, end))]
    return []


def reaction_start(reactions: list[ReactionFacts], titled: bool) -> int | None:
    """Where the case first tells a reaction: the start of the first verbatim span of a
    reaction outside the title (``titled``: the text's first sentence is its title)."""
    return min(
        (
            a
            for r in reactions
            if r.sentence > 0 or not titled
            for a, _ in r.spans.get("verbatim", [])
        ),
        default=None,
    )
