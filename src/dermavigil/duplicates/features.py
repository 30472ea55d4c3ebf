"""Case -> one flat record of the facts that identify a report (pure).

Duplicate detection compares reports on the facts that tell one patient's
reaction from another's, the variables of vigiMatch (Norén, Orre, Bate &
Edwards 2007, "Duplicate detection in adverse drug reaction surveillance",
Data Min Knowl Disc 14:305-328): patient sex and age, country, suspect
products, reactions, the event date and onset latency and, for literature
reports, the publication. The date a report was *received* is left out: a
follow-up or a publication of the same case arrives months later, while
unrelated reports of one quarter all agree on it.

Every fact is reduced to a form that survives rewording between reporters:

- products: :func:`~dermavigil.ingest.normalize.product_key` of each suspect
  (the same key the analytic store counts on), their content words
  (singularised, so "exosomes" meets "exosome"), their product families and
  the routes they were given by;
- reactions: :func:`~dermavigil.ingest.normalize.term_key` of every verbatim
  term plus its terminology codes (``HPO:HP:0025473``), and the content words
  of all the terms;
- age: an interval in years, exact ages as given (± half a year), an age group
  as its E2B/MeSH span (a "middle-aged" patient is 45-64), so an exact age and
  an age group can be checked for compatibility rather than forced to a
  midpoint;
- body sites (of products, reactions and rechallenge) as content words, and
  the treatments given as product keys: facts of injected aesthetic products
  that a second reporter of the case tends to repeat;
- outcome: ``fatal`` or ``not fatal`` (a patient reported recovered or recovering; in
  the store, a report whose known seriousness does not include death);
- lot (batch) numbers of the suspects as :func:`lot_key` keys, and the
  region (state) where a source gives one (VAERS STATE): two reports of one
  vaccine on one day from two states, or of two lots, are two patients;
- the manufacturer's report number and its numbering scheme, the regulatory
  authority's case number and the authority that gave it, and each suspect's dose with
  its product (:mod:`~dermavigil.duplicates.report_ids`);
- the publication as the keys of :mod:`~dermavigil.duplicates.citations` (its DOI, its
  PMID, its first author's surname with the year), compared and blocked on as a list:
  one key in common is one publication;
- the words of the report's own text (a registry case's narrative, the store's VAERS
  SYMPTOM_TEXT: :func:`narrative_words`), and the day the report was received: not
  compared alone (unrelated reports of one quarter agree on it), only with the narrative
  (:mod:`~dermavigil.duplicates.narrative_levels`);
- partial dates: the first and last real day they may stand for
  (:meth:`~dermavigil.domain.dates.PartialDate.earliest`/``latest``).

Missing facts are ``None`` (or an empty list made ``None``) so that the linkage
model treats them as "no evidence" rather than as disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

from dermavigil.domain.case import Case, Product
from dermavigil.domain.dates import PartialDate
from dermavigil.domain.report_numbers import (
    LOT_UNKNOWN,
    REPORT_NUMBER_MIN_LENGTH,
    authority_key,
    authority_of,
    dose_key,
    number_scheme,
    report_number_key,
)
from dermavigil.domain.vocab import AgeGroup, Outcome, ProductCategory, SeriousnessCriterion, Sex
from dermavigil.duplicates.citations import citation_keys, publication_id, publication_ids
from dermavigil.ingest.normalize import fold_text, product_key, term_key
from dermavigil.ingest.values import dose_text

__all__ = [
    "FEATURE_SCHEMA",
    "LOT_UNKNOWN",
    "REPORT_NUMBER_MIN_LENGTH",
    "case_features",
    "citation_keys",
    "lot_key",
    "narrative_words",
    "number_scheme",
    "report_number_key",
]

AGE_GROUP_YEARS: dict[AgeGroup, tuple[float, float]] = {
    AgeGroup.foetus: (0.0, 0.0),
    AgeGroup.neonate: (0.0, 28 / 365.25),
    AgeGroup.infant: (28 / 365.25, 2.0),
    AgeGroup.child: (2.0, 12.0),
    AgeGroup.adolescent: (12.0, 18.0),
    AgeGroup.adult: (18.0, 65.0),
    AgeGroup.middle_aged: (45.0, 65.0),
    AgeGroup.elderly: (65.0, 120.0),
}
"""Age spans (years) of E2B D.2.3 groups (ICH E11 paediatric bands; adult 18-64,
elderly 65+), and MeSH's "Middle Aged" (45-64 years)."""

_GENERIC_CATEGORIES = frozenset({ProductCategory.drug.value, ProductCategory.other.value})
_STOP_WORDS_TEXT = """
    and for from into the with after before during
    product brand generic unknown unspecified other
    left right upper lower site area
    hydrochloride sodium potassium acid acetate sulfate sulphate phosphate
    maleate tartrate citrate mesylate bromide chloride fumarate succinate
"""
_STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
"""Words that tell neither products nor reactions apart (including salts of drugs)."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_NOT_LETTER = re.compile(r"[^a-z]+")

_TEXT, _NUMBER, _LIST, _DATE = pa.string(), pa.float64(), pa.list_(pa.string()), pa.date32()
FEATURE_SCHEMA = pa.schema(
    [
        *[(name, _TEXT) for name in ("unique_id", "source", "sex")],
        ("age", _TEXT),
        *[(name, _NUMBER) for name in ("age_years", "age_low", "age_high")],
        ("country", _TEXT),
        ("suspect_products", _LIST),
        ("first_suspect", _TEXT),
        ("suspect_routes", _LIST),
        *[(name, _LIST) for name in ("product_words", "product_categories")],
        *[(name, _LIST) for name in ("reaction_terms", "reaction_words")],
        *[(name, _LIST) for name in ("body_sites", "treatments")],
        ("onset_latency_days", _NUMBER),
        *[
            (name, t)
            for name, t in (("event_date", _TEXT), ("event_low", _DATE), ("event_high", _DATE))
        ],
        ("publication_ids", _LIST),
        ("publication_id", _TEXT),
        ("signature", _TEXT),
        ("rare_terms", _LIST),
        ("initials", _TEXT),
        ("birth_year", pa.int32()),
        ("region", _TEXT),
        ("lots", _LIST),
        ("outcome", _TEXT),
        ("report_number", _TEXT),
        ("number_scheme", _TEXT),
        ("authority_number", _TEXT),
        ("authority", _TEXT),
        ("doses", _LIST),
        ("narrative_words", _LIST),
        ("received", _DATE),
    ]
)
"""The columns of a feature record (Arrow types), in table order."""


FATAL, NOT_FATAL = "fatal", "not fatal"
"""Values of the ``outcome`` feature: did the patient die of the reaction?"""

LOT_MIN_LENGTH = 3
"""Shorter lot keys (``0``, ``1``, ``NA``) identify nothing."""


def lot_key(text: str | None) -> str | None:
    """A lot (batch) number as a matching key: letters and digits only, upper case
    (``w0704 `` and ``W-0704`` meet); None when it says the lot is unknown or is too short.
    :func:`~dermavigil.duplicates.store_features.features_sql` computes the same key in SQL."""
    key = "".join(ch for ch in (text or "").upper() if ch.isascii() and ch.isalnum())
    if len(key) < LOT_MIN_LENGTH or any(word in key for word in LOT_UNKNOWN):
        return None
    return key


def narrative_words(text: str | None) -> list[str] | None:
    """The distinct words of a report's own text, sorted: lower-cased, split at every
    character other than the letters a-z, words of three letters or more; None when there
    are none. :data:`~dermavigil.duplicates.store_features._NARRATIVE_WORDS` computes the
    same list in SQL, so a registry case's narrative and a VAERS SYMPTOM_TEXT are compared
    alike (:mod:`~dermavigil.duplicates.narrative_levels`)."""
    words = {w for w in _NOT_LETTER.split((text or "").lower()) if len(w) >= 3}
    return sorted(words) or None


def _singular(word: str) -> str:
    """A crude English singular (``exosomes`` -> ``exosome``): a matching key, not always a word."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(texts: Iterable[str]) -> list[str]:
    """Sorted distinct content words (letters only, >= 3 long, no stop words)."""
    words = {
        _singular(w)
        for text in texts
        for w in _WORD.findall(fold_text(text))
        if w not in _STOP_WORDS
    }
    return sorted(words)


def _or_none(values: list[str]) -> list[str] | None:
    return values or None


def _age(case: Case) -> tuple[str | None, float | None, float | None, float | None]:
    """(age as shown, exact age, low, high) in years; the interval also covers an age group
    and an age in decades (E2B(R3) D.2.2b unit 800: "7 decades" is 70-79, no exact age)."""
    patient = case.patient
    if patient.age is not None and patient.age.unit == "decade":
        low = round(patient.age.years(), 3)
        return f"{low:g}-{low + 9:g} years (decade)", None, low, low + 10
    if patient.age is not None:
        years = round(patient.age.years(), 3)
        return f"{years:g} years", years, max(years - 0.5, 0.0), years + 0.5
    if patient.age_group is not None:
        low, high = AGE_GROUP_YEARS[patient.age_group]
        return f"{patient.age_group.value} ({low:g}-{high:g} years)", None, low, high
    return None, None, None, None


def _span(value: PartialDate | None) -> tuple[date | None, date | None]:
    return (value.earliest(), value.latest()) if value is not None else (None, None)


def _birth_year(case: Case, age: float | None) -> int | None:
    """The patient's probable year of birth: the event's (else the report's) year minus the
    exact age; a blocking key that survives a follow-up's later dates."""
    when = case.report.event_date or case.report.received_date
    if age is None or when is None:
        return None
    return when.earliest().year - int(age)


def _sites(case: Case) -> list[str]:
    """Body sites of the products, the reactions and the rechallenge (verbatim)."""
    sites = [site for p in case.products for site in p.body_sites]
    sites += [site for r in case.reactions for site in r.body_sites]
    sites += [p.rechallenge.site for p in case.products if p.rechallenge and p.rechallenge.site]
    return sites


def _source(case: Case) -> str:
    """The report source, with the reporter's qualification when known."""
    reporter = case.report.reporter
    if reporter and reporter.qualification:
        return f"{case.report.source.value} ({reporter.qualification.value})"
    return case.report.source.value


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def _reaction_terms(case: Case) -> list[str]:
    terms: set[str] = set()
    for reaction in case.reactions:
        terms.add(term_key(reaction.verbatim))
        for code in reaction.codes:
            system = code.system.split()  # "HPO 2025-01-16" -> HPO; a blank system is allowed
            terms.add(f"{system[0].upper() if system else ''}:{code.code}")
    return sorted(terms)


def case_features(case: Case, unique_id: str) -> dict[str, Any]:
    """The flat record of ``case`` under ``unique_id`` (keys: :data:`FEATURE_SCHEMA`)."""
    suspects = case.suspects() or case.products
    keys = [product_key(p.name, p.active_ingredient) for p in suspects]
    categories = sorted({p.category.value for p in suspects} - _GENERIC_CATEGORIES)
    words = content_words(
        [p.name for p in suspects] + [p.active_ingredient or "" for p in suspects]
    )
    reporter = case.report.reporter
    age_text, age, age_low, age_high = _age(case)
    latencies = [r.onset_latency.days() for r in case.reactions if r.onset_latency is not None]
    event_low, event_high = _span(case.report.event_date)
    publications = publication_ids(case.report.literature)
    terms = _reaction_terms(case)
    return {
        "unique_id": unique_id,
        "source": _source(case),
        "sex": case.patient.sex.value if case.patient.sex not in (None, Sex.unknown) else None,
        "age": age_text,
        "age_years": age,
        "age_low": age_low,
        "age_high": age_high,
        "country": reporter.country if reporter else None,
        "suspect_products": _or_none(sorted(set(keys))),
        "first_suspect": keys[0] if keys else None,
        "suspect_routes": _or_none(sorted({p.route.value for p in suspects if p.route})),
        "product_words": _or_none(words),
        "product_categories": _or_none(categories),
        "reaction_terms": _or_none(terms),
        "reaction_words": _or_none(content_words(r.verbatim for r in case.reactions)),
        "body_sites": _or_none(content_words(_sites(case))),
        "treatments": _or_none(sorted({product_key(t.drug) for t in case.treatments})),
        "onset_latency_days": round(min(latencies), 3) if latencies else None,
        "event_date": _iso(case.report.event_date),
        "event_low": event_low,
        "event_high": event_high,
        "publication_ids": _or_none(publications),
        "publication_id": publication_id(publications),
        "signature": _signature(keys[0] if keys else None, terms),
        "rare_terms": None,  # set over the whole collection: detect.with_rare_terms
        "initials": _initials(case.patient.initials),
        "birth_year": _birth_year(case, age),
        "region": None,  # the case model holds no subdivision of the country
        "lots": _or_none(sorted({k for p in suspects if (k := lot_key(p.lot))})),
        "outcome": _outcome(case),
        "report_number": (number := report_number_key(case.report.sender_report_id)),
        "number_scheme": number_scheme(number),
        "authority_number": authority_key(case.report.authority_number),
        "authority": authority_of(case.report.authority_number),
        "doses": _or_none(sorted({k for p in suspects if (k := dose_key(*_dose(p)))})),
        "narrative_words": narrative_words(case.narrative),
        "received": case.report.received_date.earliest() if case.report.received_date else None,
    }


def _dose(product: Product) -> tuple[str, str | None]:
    """(product key, dose as the store keeps it) of a suspect."""
    dose = product.dose
    text = dose_text(str(dose.value), dose.unit) if dose and dose.value else None
    return product_key(product.name, product.active_ingredient), text


_ALIVE = frozenset(
    {Outcome.recovered, Outcome.recovering, Outcome.recovered_with_sequelae, Outcome.not_recovered}
)


def _outcome(case: Case) -> str | None:
    """``fatal`` when a reaction was fatal or met the death criterion, ``not fatal`` when a
    reaction's outcome says the patient was alive at the last observation, else None."""
    if any(
        r.outcome == Outcome.fatal or SeriousnessCriterion.death in r.seriousness
        for r in case.reactions
    ):
        return FATAL
    if any(r.outcome in _ALIVE for r in case.reactions):
        return NOT_FATAL
    return None


def _signature(first_suspect: str | None, terms: list[str]) -> str | None:
    """First suspect product and every reaction term, as one value: how often the
    collection holds it is the term frequency of the exact product-reaction profile."""
    if first_suspect is None or not terms:
        return None
    return "\x1f".join([first_suspect, *terms])


def _initials(text: str | None) -> str | None:
    """Initials as letters only, upper case (``j.d.`` -> ``JD``)."""
    letters = "".join(ch for ch in (text or "") if ch.isalpha()).upper()
    return letters or None
