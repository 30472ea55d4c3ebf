"""The Fellegi-Sunter duplicate model, as a splink 5 settings object.

Fellegi & Sunter (1969, JASA 64:1183-1210): for each pair of reports every
compared fact falls in one *level* (same sex, ages within 5 years, a reaction
term in common...). A level has ``m`` = P(level | same case) and ``u`` =
P(level | different cases); the pair's match weight is the log2 prior odds plus
the sum of ``log2(m/u)`` over the facts, and its match probability follows.
This is also the model of vigiMatch (Norén et al. 2007, Data Min Knowl Disc
14:305-328), the WHO's duplicate detector for VigiBase (Tregunno et al. 2014,
Drug Saf 37:249-258), which likewise leaves a missing fact out of the sum.

Parameters: trained on the data scored, within stated bounds
------------------------------------------------------------
The levels below carry *prior* ``m`` and ``u``: how often a fact survives
re-reporting of one case (clinician, patient, literature) and how often it
agrees by chance in a registry of aesthetic-product cases. From
:data:`TRAIN_MIN_RECORDS` records on, :mod:`~dermavigil.duplicates.training`
replaces them with estimates from the records being compared: ``u`` by splink's
random sampling of pairs (seeded), ``m`` by splink's expectation maximisation
on the pairs of :func:`training_blocks`. Whatever was estimated, a level of
agreement is never evidence *against* a match and disagreement never evidence
*for* one (see :func:`dermavigil.duplicates.training.constrain`).

Fellegi-Sunter multiplies the facts' likelihood ratios as if the facts were
independent. Reactions are not independent of products (ptosis goes with
botulinum toxin, neutropenia with palbociclib): two unrelated reports of one
product share reactions far more often than two random reports. So products
and reactions are one comparison with joint levels ("same products, most
reaction terms in common", "a product word and a reaction term in common"...),
whose ``u`` is the chance of that joint agreement, and the strongest level
asks for two or more shared terms.

Term frequencies (splink's ``tf_adjustment_column``, after Winkler 1988 and
Norén et al. 2007's value-specific ``u``): agreeing on a common product
(adalimumab in FAERS) or a common country (US) is weaker evidence than
agreeing on a rare one. The levels that require the same first suspect product
are adjusted by that product's frequency relative to the "same first suspect"
level's ``u``; the country by the country's frequency. The exact age and onset latency
go with the product (one vaccine's infants share a schedule and a same-day onset), so
their ``u`` is taken among one product's pairs (:mod:`~dermavigil.duplicates.chance`),
and a value's frequency likewise among the product's reports (``Level.tf_given``,
:func:`~dermavigil.duplicates.vectors.conditional_frequency_sql`).

The prior probability that two random reports are the same case is
``DUPLICATE_SHARE / (n - 1)``: if a share ``s`` of reports has one duplicate
among the other ``n - 1``, a given pair matches with probability ``s/(n-1)``.

The levels and facts are built by :mod:`~dermavigil.duplicates.levels`.

Blocking (which pairs are scored at all, :mod:`~dermavigil.duplicates.blocking`, whose
pairs are registered with the linker rather than made by splink rules): the key families
(the same publication; the same first suspect product and a reaction term; a product
word and a reaction term; the same product-reaction profile; a reaction term on the same
event day; the same event day and age; a product word on the same event day; the same
manufacturer report number; the same authority case number; a lot number and a
reaction term; initials and year of birth; a MinHash band of the narrative's words), each
refined while a block holds more than
:data:`~dermavigil.duplicates.blocking.BLOCK_CAP` reports; of the pairs sharing a key,
each record keeps its :data:`~dermavigil.duplicates.meta_blocking.PAIRS_PER_RECORD`
heaviest (meta-blocking). Pairs outside every block are taken as different cases.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import splink.comparison_level_library as cll
from splink import SettingsCreator, block_on

from dermavigil.duplicates.age_levels import AGE_FAR, age_facts
from dermavigil.duplicates.levels import Fact, Params
from dermavigil.duplicates.levels import agree as _agree
from dermavigil.duplicates.levels import else_level as _else
from dermavigil.duplicates.levels import fact as _fact
from dermavigil.duplicates.levels import shared as _shared
from dermavigil.duplicates.narrative_levels import narrative_fact
from dermavigil.duplicates.number_levels import (
    M_HELD,
    REPORT_NUMBER_SAME_SCHEME_M,
    number_facts,
)
from dermavigil.duplicates.pair_conditions import (
    any_shared,
    both,
    either,
    gap_within,
    most_of_shorter,
    most_shared,
    one_mistyped,
    overlap,
    within,
    within_other,
)

__all__ = [
    "AGE_FAR",
    "M_HELD",
    "REPORT_NUMBER_SAME_SCHEME_M",
    "Fact",
    "Params",
    "facts",
    "settings",
]

RARE_TERM_SHARE = 0.001
RARE_TERM_MIN = 5
"""A reaction term is rare in a collection of n reports when at most
``max(RARE_TERM_MIN, RARE_TERM_SHARE * n)`` of them hold it."""

TYPO_SIMILARITY = 0.88
"""Jaro-Winkler similarity from which two product keys are taken as one name mistyped."""

DUPLICATE_SHARE = 0.05
"""Assumed share of reports that duplicate another report of the collection."""

TRAIN_MIN_RECORDS = 1000
"""From this many records on, ``u`` is estimated from the data (random sampling)."""

U_SEED = 20070301
"""Seed of the random pair sample used to estimate ``u`` (deterministic results)."""

U_MAX_PAIRS = 500_000
"""Number of random pairs sampled to estimate ``u``."""

_SAME_PRODUCTS = "suspect_products_l = suspect_products_r"
_SAME_FIRST = "first_suspect_l = first_suspect_r"
_SPELT_ALIKE = f"jaro_winkler_similarity(first_suspect_l, first_suspect_r) >= {TYPO_SIMILARITY}"

SAME_LOTS = "lots_l = lots_r AND len(lots_l) >= 2"
"""Two or more lots, all the same on both sides (an infant's visit: three vaccines)."""

LOTS_SPELT_ALIKE = (
    "jaro_winkler_similarity(array_to_string(lots_l, ' '), array_to_string(lots_r, ' ')) >= "
    f"{TYPO_SIMILARITY}"
)
"""The lot numbers of the two sides, each side's written as one text, are a typo apart."""

LOT_WINDOW_DAYS = 31
"""Two reports of one product and region whose events are this close share a lot far more
often by chance than two reports of the product do (a lot circulates in one region for a
few months): the lot levels of such pairs and of the others are apart."""

ONE_REGION_AND_MONTH = (
    "region_l IS NOT DISTINCT FROM region_r AND "
    f"abs(date_diff('day', event_low_l, event_low_r)) <= {LOT_WINDOW_DAYS}"
)
"""The two reports' regions are the same (or both unknown) and their events at most
:data:`LOT_WINDOW_DAYS` apart; false when either event date is unknown."""

LOT_ELSEWHERE = ", not known to be of one region and month"
"""Ends the label of a lot level of two reports not known to share a region and month
(:data:`ONE_REGION_AND_MONTH`): the region or the event date differs or is unknown."""

LOT_SAME_SESSION = "a lot number in common, the same day and state"
"""The lot level of two reports of one day and state: one clinic's session gives one lot
to its patients, so given the product, state and day a shared lot is far likelier by
chance (100k bench: 0.33 of such pairs, 0.105 within a month) -- Fellegi-Sunter's
product of likelihood ratios needs each fact's agreement given the others
(:func:`~dermavigil.duplicates.lot_chance.lot_u_among_product_pairs`)."""

RARE_IN_SIGNATURE = "the same first suspect and reaction terms (their rarity weighed there)"
"""The rare-reaction level of two reports of the same first suspect and reaction terms,
held at no evidence (m = u): the products-and-reactions level weighs them by how often the
whole combination occurs (the ``signature``'s term frequency), which counts how rare their
terms are (the chain rule: given the same terms, one case or two share the rare ones)."""

RARE_MOST = "two or more rare reaction terms in common, most of the shorter list"
RARE_ONE = "a rare reaction term in common"
PUBLICATION_RARE = {
    f"{RARE_MOST}, within one publication": RARE_MOST,
    f"{RARE_ONE} within one publication": RARE_ONE,
}
"""The rare-reaction levels of two reports citing one publication, each with the level it
stands in for when the collection cannot estimate it. Fellegi-Sunter multiplies the
facts' likelihood ratios as if each were independent of the others given the match
status; the rare reactions are not independent of the publication: a case series is
published *because* its patients share a rare reaction. So between two reports of one
publication the rare terms weigh ``P(shared | one publication, M) / P(shared | one
publication, U)`` (the chain rule, as ``duplicates.chance`` conditions on the product):
``m`` a stated prior (``Level.held``), ``u`` the share among the collection's pairs of one
publication that are surely two patients, their sexes or exact ages differing
(:func:`~dermavigil.duplicates.chance.publication_rare_u`). On the FAERS slices of
``bench/faers_links.py``, of the pairs citing one article with both rare-term lists, 3
of 7 whose ages or sexes differ share a rare term (1 most of them) and 5 of 6 of one age
and sex (4 most): about 2 bits given the article, where the unconditioned levels gave
+11.2 -- two patients of one Hungarian series, 70 and 68 years old, filed by Roche and
by Teva, met at p 1.000. With fewer such pairs than
:data:`~dermavigil.duplicates.chance.PUBLICATION_MIN_PAIRS` the collection cannot tell,
and each level weighs as the unconditioned level it stands in for (the seed's 250
series patients hold none of its rare terms: an exact copy of the seed is still told
from them by its rare terms)."""

_SAME_SESSION = "event_low_l = event_low_r AND region_l = region_r"

_SAME_DAY = (
    "event_low_l = event_low_r AND event_high_l = event_high_r AND event_low_l = event_high_l"
)


# fmt: off
def facts() -> tuple[Fact, ...]:
    """The compared facts with their prior ``m``/``u`` (each fact's m and u sum to 1)."""
    return (
        _agree("publication", "a publication key in common: DOI, PMID, or first author and "
               "year (each sender types a citation its own way)", "publication_ids",
               ("same publication", _shared("publication_ids", 1), 0.92, 0.002)),
        _agree("sex", "patient sex", "sex", ("same sex", "sex_l = sex_r", 0.97, 0.55)),
        *age_facts(),
        _agree("country", "reporter country (adjusted for how common the country is)", "country",
               ("same country", cll.ExactMatchLevel("country"), 0.95, 0.35, "country")),
        _agree("region", "state or province of the report (VAERS STATE; adjusted for how common "
               "the region is)", "region",
               ("same region", cll.ExactMatchLevel("region"), 0.95, 0.06, "region")),
        _fact(
            "lot", "lot (batch) numbers of the suspect products (chance agreement counted "
            "among reports of the same product and region within a month, or on the same day "
            "for reports of one day, or among all reports of the product for reports of other "
            "regions or months: a lot belongs to one product and circulates in a region for a "
            "few months, and one clinic gives one lot to the patients of a session)",
            "lots", "lots",
            # one clinic's session: its u counted among pairs of one product, state and day
            (LOT_SAME_SESSION, both(_SAME_SESSION, "len(list_intersect(lots_l, lots_r)) > 0"),
             0.40, 0.004),
            ("the same lot numbers, two or more", both(ONE_REGION_AND_MONTH, SAME_LOTS), 0.10,
             0.003),
            ("a lot number in common", both(ONE_REGION_AND_MONTH, any_shared("lots")), 0.15,
             0.021),
            # another reporter leaves out the state or the date, a follow-up corrects it:
            # the shared lot's chance is then that of two reports of the product anywhere
            # and at any time (lot_chance.lot_u_among_product_pairs), far below a region's month
            (f"the same lot numbers, two or more{LOT_ELSEWHERE}", SAME_LOTS, 0.05, 0.0001),
            (f"a lot number in common{LOT_ELSEWHERE}", _shared("lots", 1), 0.10, 0.002),
            ("lot numbers spelt alike (typo)", LOTS_SPELT_ALIKE, 0.08, 0.01),
            _else(0.12, 0.9599),
        ),
        *number_facts(),
        _agree("outcome", "whether the patient died (a fatal and a non-fatal report of one "
               "patient: a follow-up after the death, so rare; the same outcome says little)",
               "outcome", ("same outcome (fatal or not)", "outcome_l = outcome_r", 0.99, 0.95)),
        narrative_fact(),
        _agree("route", "routes by which the suspect products were given", "suspect_routes",
               ("a route in common", _shared("suspect_routes", 1), 0.90, 0.35)),
        _fact(
            "products_reactions",
            "suspect products and reactions, together: reactions go with products (ptosis "
            "with botulinum toxin), so their agreements are not independent evidence",
            ("suspect_products", "reaction_terms"), "",
            ("same first suspect product and the same reaction terms",
             cll.ExactMatchLevel("signature"), 0.22, 0.0001, "signature"),
            ("same suspect products, most reaction terms in common",
             both(both(_SAME_PRODUCTS, _SAME_FIRST), most_shared("reaction_terms")), 0.13, 0.0004,
             "first_suspect"),
            ("first suspect spelt alike (typo), most reaction terms in common",
             both(_SPELT_ALIKE, most_shared("reaction_terms")),
             0.05, 0.0001),
            ("same suspect products, one report's reaction terms all in the other's",
             both(both(_SAME_PRODUCTS, _SAME_FIRST), within_other("reaction_terms")), 0.06,
             0.0015, "first_suspect"),
            # a reaction term mistyped (the product's name too, perhaps): the terms are the
            # same but one, one edit from one of the other's (pair_conditions.TYPO_EDITS);
            # a CASE, so the term comparison runs only on pairs of one product
            ("first suspect the same or spelt alike, one reaction term mistyped",
             f"CASE WHEN {either(_SAME_FIRST, _SPELT_ALIKE)} "
             f"THEN {one_mistyped('reaction_terms')} ELSE false END",
             0.03, 0.0005),
            ("a suspect product and two or more reaction terms in common",
             both(any_shared("suspect_products"), any_shared("reaction_terms", 2)), 0.12, 0.0035),
            ("a suspect product and a reaction term in common",
             both(any_shared("suspect_products"), any_shared("reaction_terms")), 0.04, 0.018),
            ("a product word and a reaction term (or two reaction words) in common",
             both(any_shared("product_words"), either(any_shared("reaction_terms"), any_shared("reaction_words", 2))),  # noqa: E501
             0.12, 0.012),
            # a follow-up recodes the reactions ("injection site hypersensitivity" and
            # "injection site erythema", VAERS FLU24110500): a word of them stays
            ("same first suspect product, a reaction word in common",
             both(_SAME_FIRST, any_shared("reaction_words")), 0.03, 0.01, "first_suspect"),
            # its m was .07 before the level above took .03 of it; its u, the first
            # suspect's term-frequency baseline, is kept (the level's u came from the else)
            ("same first suspect product, reactions differ",
             cll.ExactMatchLevel("first_suspect"), 0.04, 0.03, "first_suspect"),
            ("a suspect product in common, reactions differ",
             any_shared("suspect_products"), 0.03, 0.029),
            ("two or more reaction terms in common, products differ",
             any_shared("reaction_terms", 2), 0.04, 0.01),
            ("a product word or family in common",
             either(any_shared("product_words"), any_shared("product_categories")), 0.05, 0.045),
            _else(0.04, 0.8399),
        ),
        _fact(
            "rare_reactions",
            "reaction terms that few reports of this collection hold (a term's frequency: "
            "the hit-miss idea of vigiMatch, where a shared rare term weighs more; between "
            "reports of one publication, as often as its different patients share them)",
            "rare_terms", "rare_terms",
            # given one publication (PUBLICATION_RARE): m and u conditional, held, u from
            # the data; priors rounded from the FAERS pairs of one article, 4 and 1 of 6 of
            # one age and sex, 1 and 2 of 7 of two patients (the second's u kept at its m:
            # an agreement never weighs against)
            (f"{RARE_MOST}, within one publication",
             both(any_shared("publication_ids"), most_of_shorter("rare_terms")),
             0.6, 0.2, None, True),
            (f"{RARE_ONE} within one publication",
             both(any_shared("publication_ids"), any_shared("rare_terms")), 0.2, 0.2, None, True),
            (RARE_IN_SIGNATURE, "signature_l = signature_r", 0.05, 0.05, None, True),
            (RARE_MOST, most_of_shorter("rare_terms"), 0.35, 0.00005),
            (RARE_ONE, any_shared("rare_terms"), 0.30, 0.001),
            _else(0.35, 0.99895),
        ),
        _agree("body_sites", "body sites injected or affected", "body_sites",
               ("a body site in common", _shared("body_sites", 1), 0.75, 0.35)),
        _agree("treatments", "treatments given for the reaction", "treatments",
               ("a treatment in common", _shared("treatments", 1), 0.60, 0.12)),
        _fact(
            "event_date", "date of the event (a partial date as the days it may stand for)",
            "event_low", "event_date",
            ("same day", _SAME_DAY, 0.55, 0.002),
            ("compatible partial dates", overlap("event"), 0.20, 0.01),
            # another reporter dates the event a few days off (the injection's day, the
            # onset's, the visit's): graded by the gap, as splink's date-difference
            # comparisons grade it. EM's blocks hold the day fixed, so these m stay the
            # priors: the former "within 31 days" m of .12 split .08 / .04 (assumption)
            ("within 7 days", gap_within("event", 7), 0.08, 0.01),
            ("within 31 days", gap_within("event", 31), 0.04, 0.02),
            _else(0.13, 0.958),
        ),
        _fact(
            "onset_latency", "time from exposure to onset", "onset_latency_days",
            "onset_latency_days",
            # adjusted by the latency's share among the product's reports (Level.tf_given):
            # a vaccine's same-day onset is common, 29 days is not; prior m and u split
            # from the former "within 1 day" (.71 / .12), assumptions
            ("same onset latency", cll.ExactMatchLevel("onset_latency_days"), 0.60, 0.07,
             "onset_latency_days", False, "first_suspect"),
            ("within 1 day", within("onset_latency_days", 1), 0.11, 0.05),
            # a disagreement (weight <= 0, its prior 0): at 100k EM's m .004 lies far below
            # its u .23 among one product's pairs, held at 0 as an agreement
            ("no agreement (onset latencies within 7 days)", within("onset_latency_days", 7),
             0.17, 0.17),
            _else(0.12, 0.71),
        ),
    )
# fmt: on


def level_labels() -> dict[str, dict[int, str]]:
    """Per fact, the label of each splink comparison-vector value (-1 = missing)."""
    return {
        fact.name: {
            level.comparison_vector_value: level.label_for_charts
            for level in fact.comparison().get_comparison("duckdb").comparison_levels
        }
        for fact in facts()
    }


def prior_match_probability(n_records: int) -> float:
    """P(two random records are the same case) = ``DUPLICATE_SHARE / (n - 1)``."""
    return min(0.5, DUPLICATE_SHARE / max(n_records - 1, 1))


def blocking_rules() -> list[Any]:
    """splink's blocking rules for predictions: none, the pairs scored are computed by
    :func:`dermavigil.duplicates.meta_blocking.block_pairs` and registered with the linker."""
    return []


def training_blocks() -> list[Any]:
    """Pairs on which ``m`` is estimated by EM, two sessions so that every fact is trained
    in one: a fact whose columns a block uses is held fixed in that session (splink).
    The first adds the region: in a block of product and day alone EM took clinic
    sessions for its match class (1991 VAERS, no duplicate planted: 1,219 expected
    matches among 26,751 pairs, "same sex" m 0.66; with the region, 15.8)."""
    return [
        block_on("first_suspect", "event_low", "region"),
        block_on("sex", "age_years", "event_low"),
    ]


def settings(
    n_records: int, params: Params | None = None, only: Collection[str] | None = None
) -> SettingsCreator:
    """The splink settings for deduplicating ``n_records`` records (``params``: trained
    m and u per fact and level, else the priors; ``only``: these facts' comparisons, not
    all, for a linker estimating their ``u`` alone)."""
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            fact.comparison((params or {}).get(fact.name))
            for fact in facts()
            if only is None or fact.name in only
        ],
        blocking_rules_to_generate_predictions=blocking_rules(),
        probability_two_random_records_match=prior_match_probability(n_records),
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        additional_columns_to_retain=[],
    )
