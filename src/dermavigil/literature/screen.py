"""Screening of bibliographic records: is this a case report of an adverse reaction to an
injected product, or to a device or drug implant put under the skin?

The first step of a literature review as pharmacovigilance runs it (EMA GVP
Module VI.B.1.1.2, monitoring of the medical literature): every record found
by a search is screened on its title and abstract, and only individual case
reports of a suspected adverse reaction are drafted as cases. Rules, in
order, each giving the reason shown to the reviewer:

1. no abstract and a title (at most 300 characters) without a case cue -> not screened in
   (nothing to read);
2. a review, meta-analysis, guideline or consensus without a case cue ("we report", "a
   45-year-old"; not "we report on our experience" or "we present a systematic review", nor
   the age bound of a population, "adults over 85 years old", nor a condition, "in case of
   anaphylaxis", nor an institution's patients in aggregate, "our patients", nor the case
   reports and case series a review searched or "one patient" counted among a study's,
   unless a heading, a subtitle or a determiner makes them the text's own kind, "...: case
   reports and literature review"; the case cue read by :mod:`.extract.document_kind`, the
   review words by :mod:`.extract.study_design`, both shared with the extractor) -> a review,
   not a case report;
3. a trial, cohort, incidence, laboratory or other study (:data:`.extract.study_design.STUDY`)
   without a case cue -> a study, not a case report; unless the study counts its patients by
   their reaction ("30 patients with vascular compromise after filler injections", not "208
   patients received 4,369 injections": :mod:`.screen_series`) and names an injected
   product: a case series, kept for reading with that reason ("a study counting its patients
   by their reaction (vascular compromise), a case series, to read: ..."); so is an analysis
   of a reporting system that counts reports of a reaction ("we identified 57 reports of
   ...");
4. the extracted draft is a report of a treatment's effect (the product told as the treatment
   of the patient's disease, no adverse event told: :mod:`.extract.efficacy_report`) -> a
   treatment's effect, no adverse reaction (GVP VI.B.1.1.2 drafts reports of a suspected
   adverse reaction only);
   the extracted draft has no reaction of a patient -> no adverse reaction found;
5. no suspect product -> no product named as the cause;
   but a text with a case cue that names an injection (or a device put under the skin, a
   procedure that injects, a drug given only by injection: :mod:`.screen_cues`) is kept for
   reading with that reason ("a case report naming an injection, to read: ...", "a case
   report naming a procedure that injects (prolotherapy), to read: ..."): screening errs on the
   side of inclusion, since a missed case report is a lost case (GVP VI.B.1.1.2), and
   the extractor may miss what a reader finds;
   a text mostly in another language than English (or otherwise unreadable by the
   extractor, :func:`~dermavigil.literature.extract.quality.check_text`) is kept for
   reading with the reason, before any extraction: the literature of every language is
   screened (GVP VI.B.1.1.2), and the extractor reads English only;
6. no injection: neither an injection route, nor a cue of :mod:`.screen_cues` (an
   injection word: inject, filler, mesotherapy, vaccination, infusion, extravasation, local
   anaesthesia and nerve blocks, thread lift, fat graft; a tattoo; a needle procedure; a
   high-pressure injection injury; a device or drug implant put into or under the skin; a
   procedure that injects, sentinel lymph node mapping, prolotherapy; a drug the text names
   that is labelled for injection only), nor a suspect put under the skin (a device or
   drug implant: "etonogestrel implant", "glucose sensor"), nor a suspect injected by
   nature (a filler, toxin, PRP, vaccine or allergen extract: its category; a drug whose
   FDA labelling gives injection routes only,
   :mod:`dermavigil.terminology.labelled_routes`: enoxaparin, etanercept; a biologic named
   by its INN stem, risankizumab; a skin-test antigen, injected intradermally: tuberculin,
   "a Mantoux test"; an antivenom, infused intravenously)
   -> the product was not injected;
7. otherwise relevant, with what was found ("case report: necrosis after
   diclofenac (intramuscular)"; a series says how many patients; a text with neither a case
   cue nor a patient's age or sex says so, "no patient described (no case cue, age or sex),
   to read: ...", since a study's or a review's reactions read the same).

Pure: records in, verdicts out (the extraction runs on the record's text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.domain.routes import INJECTION_ROUTES
from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import Draft, extract_draft
from dermavigil.literature.extract.document_kind import case_cue as tells_case
from dermavigil.literature.extract.efficacy_report import TREATMENT_EFFECT
from dermavigil.literature.extract.needle_words import is_needle_procedure
from dermavigil.literature.extract.quality import check_text
from dermavigil.literature.extract.study_design import REVIEW, STUDY
from dermavigil.literature.extract.tattoo import is_tattoo
from dermavigil.literature.screen_cues import injection_cue, under_skin_device
from dermavigil.literature.screen_series import counted_by_reaction, counted_in_reports
from dermavigil.terminology.drug_variants import ANTIVENOMS, SKIN_TEST_ANTIGENS
from dermavigil.terminology.drugs import find_drugs

_INJECTED_BY_NATURE = frozenset(
    {"ha_filler", "plla", "caha", "botulinum_toxin", "polynucleotide", "prp", "mesotherapy"}
    | {"vaccine", "allergen_immunotherapy"}
)
"""Product categories given by injection only (an exosome serum may be topical)."""


_BIOLOGIC = re.compile(
    r"[a-z]{3,}(?:mab|cept|grastim|ermin)(?:[\s-]+(?:pegol|[a-z]{4}))?$"
    r"|\b(?:(?:peg)?interferons?|insulins?|somatropin)\b|^som[a-z]*(?:tropin|trogon|pacitan)$",
    re.I,
)
"""A biologic named by its WHO INN stem (-mab monoclonal antibodies, -cept receptor fusion
proteins, -grastim colony-stimulating factors, -ermin growth factors; "The use of stems in the
selection of INNs", WHO 2018) or a protein hormone (interferons, insulins, growth hormones):
proteins are given by injection or infusion, never by mouth, so such a suspect was injected
even when the FDA listing (which leaves out most licensed biologics) gives no route."""


_TITLE_MAX = 300
"""A title is at most 300 characters (as :mod:`.extract.sentences` reads a title line); a
record whose only field is longer holds its text there (an abstract run into the title), so
there is something to read."""


@dataclass(frozen=True)
class Screening:
    """A record's verdict, the reason a reviewer reads, and the draft when one was made."""

    record: Record
    relevant: bool
    reason: str
    draft: Draft | None = None


def _found(draft: Draft, case_cue: bool) -> str:
    """What was found, as the reviewer reads it: a case report, a series of N patients, or,
    when neither a case cue nor the patient's age or sex was found, reactions after a product
    with no patient described (a letter or a short note may be a case report; a study's or a
    review's reactions are no case: the reviewer decides)."""
    case = draft.case
    product = case["products"][0]
    reactions = ", ".join(r["verbatim"] for r in case["reactions"][:3])
    route = f" ({product['route']})" if product.get("route") else ""
    if draft.is_series:
        kind = f"series of {case['report'].get('patients_in_report')} patients"
    elif case_cue or case["patient"]:
        kind = "case report"
    else:
        kind = "no patient described (no case cue, age or sex), to read"
    return f"{kind}: {reactions} after {product['name']}{route}"


def _injected_product(product: dict) -> bool:
    """The suspect was given by an injection route, or is a product given only so."""
    from dermavigil.terminology.labelled_routes import labelled_routes

    if product.get("route") in INJECTION_ROUTES:  # Route is a StrEnum
        return True
    if product.get("category") in _INJECTED_BY_NATURE:
        return True
    if is_tattoo(product["name"]):  # a pigment deposited in the dermis (docs/annotation.md)
        return True
    if is_needle_procedure(product["name"]):  # a needle through the skin (docs/annotation.md)
        return True
    if under_skin_device(product["name"]):  # an implant, sensor or pump put under the skin
        return True
    if _BIOLOGIC.search(product["name"]):  # a protein drug: never absorbed by mouth
        return True
    if any(d.name in SKIN_TEST_ANTIGENS | ANTIVENOMS for d in find_drugs(product["name"])):
        # a skin-test antigen is injected intradermally ("a Mantoux test"), an antivenom (an
        # immunoglobulin) infused intravenously
        return True
    labelled = labelled_routes(product["name"])
    return bool(labelled) and labelled <= INJECTION_ROUTES


def _study_series(record: Record, text: str) -> Screening | None:
    """A study whose draft is a series counted by its patients' reaction
    (:func:`~dermavigil.literature.screen_series.counted_by_reaction`), or an analysis of a
    reporting system counting reports of a reaction (:func:`.screen_series.counted_in_reports`),
    of an injected product: a case series, kept for reading with what was found; None
    otherwise."""
    check = check_text(text)
    if check.foreign or not check.usable:
        return None
    draft = extract_draft(text, record)
    reaction = counted_by_reaction(draft)
    reason = f"a study counting its patients by their reaction ({reaction}), a case series"
    if reaction is None and (reaction := counted_in_reports(draft)):
        reason = f"an analysis counting reports of a reaction ({reaction}), a case series"
    products = draft.case["products"]
    if reaction is None or not products:
        return None
    if not (injection_cue(text) or _injected_product(products[0])):
        return None
    return Screening(record, True, f"{reason}, to read: {_found(draft, False)}", draft)


def screen_record(record: Record) -> Screening:
    """Screen one record (see the module docstring for the rules)."""
    text = record.text()
    case_cue = tells_case(text)
    if not record.abstract.strip() and not case_cue and len(record.title) <= _TITLE_MAX:
        return Screening(record, False, "no abstract to read and the title names no case")
    if REVIEW.search(text) and not case_cue:
        return Screening(record, False, "a review, not a case report")
    if STUDY.search(text) and not case_cue:
        return _study_series(record, text) or Screening(record, False, "a study, not a case report")
    check = check_text(text)
    if check.foreign or not check.usable:
        reason = check.warnings[0] if check.warnings else "the text cannot be read"
        return Screening(record, True, f"not screened by the extractor, to read: {reason}")
    draft = extract_draft(text, record)
    if TREATMENT_EFFECT in draft.warnings:
        return Screening(record, False, "a treatment's effect, no adverse reaction told", draft)
    injected = injection_cue(text)
    missing = (
        "no adverse reaction of a patient found"
        if not draft.case["reactions"]
        else "no product named as the cause"
        if not draft.case["products"]
        else None
    )
    if missing and case_cue and injected:
        return Screening(
            record, True, f"a case report naming {injected}, to read: {missing}", draft
        )
    if missing:
        return Screening(record, False, missing, draft)
    if not (injected or _injected_product(draft.case["products"][0])):
        return Screening(record, False, "the product was not injected", draft)
    return Screening(record, True, _found(draft, case_cue), draft)
