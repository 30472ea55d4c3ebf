"""From a case-report text to a *draft* case with evidence, warnings and flags.

:func:`extract_draft` runs the rule pipeline (sentences -> patient sentences
-> products, routes, patient, reactions, findings, treatments, challenges,
outcome) and assembles a mapping in the case model's own schema. The draft is
*partial* when the text is unusable (empty, not English), truncated, has
words missing or is mostly in another language (its English part is read),
reports a series (to be split into one case per patient), or
lacks what a valid case needs (a product, a reaction, an identifiable patient);
a text without a title line is not partial for that alone (its draft warns that
the literature reference must come from the record);
a partial draft is never turned into a case silently (:meth:`Draft.to_case`
validates with :func:`dermavigil.domain.parse_case`). Nothing is invented:
a field is filled only from text that supports it, and its evidence spans
say where.
"""

from __future__ import annotations

import re
from typing import Any

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import assemble
from dermavigil.literature.extract.admission import exposure_sentence
from dermavigil.literature.extract.case_sections import with_case_sections
from dermavigil.literature.extract.challenge import (
    deposit_recurrence,
    find_challenges,
    recurrence_last,
)
from dermavigil.literature.extract.document_kind import no_case_document
from dermavigil.literature.extract.draft_model import Draft
from dermavigil.literature.extract.efficacy_report import TREATMENT_EFFECT, efficacy_report
from dermavigil.literature.extract.efficacy_study import efficacy_study
from dermavigil.literature.extract.extravasation import lone_extravasation
from dermavigil.literature.extract.findings import find_findings
from dermavigil.literature.extract.illicit_use import illicit_supply
from dermavigil.literature.extract.indication_products import reaction_start
from dermavigil.literature.extract.needle_procedure import skin_procedure_first
from dermavigil.literature.extract.onset import refine_onsets, stated_onset
from dermavigil.literature.extract.outcome import find_outcome, first_told, summaries
from dermavigil.literature.extract.outcome_subject import indication_heads
from dermavigil.literature.extract.patient import add_series, find_patient, find_series_patients
from dermavigil.literature.extract.product_abbreviations import abbreviated_names, abbreviations
from dermavigil.literature.extract.product_category import (
    category_by_route,
    material_from_text,
    medicine_by_route,
)
from dermavigil.literature.extract.product_mentions import treated_families
from dermavigil.literature.extract.products import find_product_facts
from dermavigil.literature.extract.quality import check_text
from dermavigil.literature.extract.reaction_short_forms import reaction_abbreviations
from dermavigil.literature.extract.reactions import find_reactions
from dermavigil.literature.extract.relevance import (
    case_sentences,
    is_review,
    patient_sentences,
    reports_cases,
)
from dermavigil.literature.extract.report_part import report_part
from dermavigil.literature.extract.reported_events import analyses_reports, counts_reports
from dermavigil.literature.extract.roles import (
    narrative_sentences,
    statement_about_no_one,
    told_wholly_in_past,
)
from dermavigil.literature.extract.route_label import complete_label
from dermavigil.literature.extract.routes import find_routes, route_sentences
from dermavigil.literature.extract.sentences import Sentence, split_sentences
from dermavigil.literature.extract.series_cue import find_series
from dermavigil.literature.extract.series_facts import add_group_seriousness, is_trial, with_groups
from dermavigil.literature.extract.seriousness_codes import lasting_codes
from dermavigil.literature.extract.seriousness_history import given_sentence
from dermavigil.literature.extract.sites import add_sites, keep_sites_within
from dermavigil.literature.extract.treatment import find_treatments
from dermavigil.literature.extract.unplaced_sites import unplaced_sites

_SERIES_REPORTED = re.compile(
    r"\b(?:we (?:here(?:by|in)? )?(?:report|present|describe)|this (?:paper|article)"
    r" (?:reports|presents|describes))\s+(?:\w+\s+){0,2}(?:cases|patients)\b",
    re.I,
)
"""A series the authors say they report ("we report 3 cases of ..."): a case even when its
patients are not told apart (no age or sex), so its product is kept."""
_NARRATIVE_SKIP = frozenset({"title", "aims", "aim", "purpose", "objective", "objectives"})


_MEDICINES = frozenset(
    {ProductCategory.drug, ProductCategory.vaccine, ProductCategory.allergen_immunotherapy}
)


def _with_title(sentences: list[Sentence], part: list[Sentence]) -> list[Sentence]:
    """``part`` with the title first (the treatment finder reads a title that names one, the
    reaction finder the title of a case report)."""
    if sentences and sentences[0].section == "title" and sentences[0] not in part:
        return [sentences[0], *part]
    return part


def extract_draft(text: str, record: Record | None = None) -> Draft:
    """Extract a draft case from a case-report text (title line + abstract, or full text).

    ``record`` (a parsed bibliographic record) adds the literature reference
    and the reporter's organisation and country from its affiliations;
    without one, the text's title line is the citation. A text without a title
    line (it opens with its author list, its journal line or its abstract) is
    not partial for that alone (docs/annotation.md): the draft warns that the
    reference is missing, and the bibliographic record must supply it before
    the draft becomes a case.
    """
    check = check_text(text)
    if not check.usable:  # the other languages' words load only for a text that needs them
        from dermavigil.literature.extract.unusable_text_draft import unusable_text_draft

        return unusable_text_draft(check.text, check.warnings, check.languages)
    text = check.text
    sentences = with_case_sections(text, split_sentences(text))
    patient = patient_sentences(sentences)
    title = sentences[0].text if sentences and sentences[0].section == "title" else None
    case_part = case_sentences(sentences)
    # outcome, seriousness and challenges are read to the end of the narrative, however long
    narrated = case_sentences(sentences, told_wholly_in_past)
    case_report = reports_cases(sentences)
    # a case report's title may name the reaction as recurring with its exposure
    challenge = find_challenges(narrated, sentences[0] if title and case_report else None)
    told = with_groups(narrative_sentences(sentences), sentences)
    # the title of a case report names the case's diagnosis even without a cause word
    # ("Nicolau Syndrome Requiring a Skin Graft", then "a man who developed this syndrome")
    # an analysis counting the reports of a reporting system, or the cases it found there,
    # names in its title the reaction it counts (a series, though its title may read as a
    # study's: docs/annotation.md, registry analyses naming a count are series)
    series = find_series(sentences)
    analysed = counts_reports(sentences, series) or (
        series is not None and analyses_reports(sentences) and not is_trial(sentences)
    )
    reactions, excluded = find_reactions(
        _with_title(sentences, told) if case_report or analysed else told,
        challenge.rechallenge_sentences,
        reaction_abbreviations(text),
        series=series is not None,
    )
    if not reactions and (lone := lone_extravasation(told)):
        reactions = [lone]  # an extravasation all the text tells (docs/annotation.md, r864)
    refine_onsets(reactions, text, case_part)
    first = min((r.sentence for r in reactions if r.sentence > 0), default=0)
    patient_facts = find_patient(sentences, patient)
    if check.shown and not patient_facts.series:  # counted in a paragraph set aside
        add_series(patient_facts, split_sentences(check.shown))
    evidence: assemble.Evidence = {}
    abbr = abbreviations(sentences)
    treating = treated_families(sentences, abbr)
    products = find_product_facts(
        patient,
        challenge.rechallenge_sentences,
        abbr=abbr,
        treating=treating,
        reaction_at=reaction_start(reactions, title is not None),
    )
    if not products:
        # the case sentences name no product: the one the abstract speaks of elsewhere
        # (its background or objective sentence) is the suspect, with that evidence
        products = find_product_facts(
            sentences, challenge.rechallenge_sentences, fallback=True, abbr=abbr, treating=treating
        )
        for product in products:
            keep_sites_within(
                product.body_sites, product.spans, [(s.start, s.end) for s in patient]
            )
    material_from_text(products, sentences)
    products = skin_procedure_first(products, patient, sentences, challenge.rechallenge_sentences)
    if products:
        found = unplaced_sites(told, challenge.rechallenge_sentences, reactions)
        add_sites(products[0].body_sites, products[0].spans, found)
    # a site a general statement names ("filler injection for face augmentation is a common
    # procedure") is not where this patient's injection or reaction was
    placed = [(x.start, x.end) for x in sentences if not statement_about_no_one(x)]
    for fact in [*products, *reactions]:
        keep_sites_within(fact.body_sites, fact.spans, placed)
    suspects = frozenset(
        [p.name.lower() for p in products]
        + [text[a:b].lower() for p in products for a, b in p.spans.get("category", [])]
    )
    long_names = abbreviated_names(sentences)
    suspects |= {long_names[s] for s in suspects if s in long_names}
    # a report of a treatment's effect: its product treated the patient's disease, and nothing
    # tells an adverse event; the disease and its signs are the indication, no reaction
    treated = (
        not check.languages
        and bool(products)
        and efficacy_report(_with_title(sentences, told), sentences, suspects)
    )
    introduced = [
        a for k in ("patient.age", "patient.sex") for a, _ in patient_facts.spans.get(k, [])
    ]
    named = [a for p in products for k in ("name", "category") for a, _ in p.spans.get(k, [])]
    # every mention of a suspect's name dates the exposure, not only those kept as evidence
    named += [m.start() for n in suspects for m in re.finditer(rf"\b{re.escape(n)}\b", text, re.I)]
    outcome = find_outcome(
        narrated,
        first_told(sentences, [a for r in reactions for a in r.spans.get("verbatim", [])], first),
        # the title of a case report names the case ("... causing lateral rectus palsy")
        serious_from=_with_title(sentences, narrated) if case_report else narrated,
        reactions=[
            (
                lasting_codes(text, r.spans.get("verbatim", []), [c.code for c in r.codes]),
                r.spans.get("verbatim", []),
            )
            for r in reactions
        ],
        title=sentences[0] if title else None,
        exposure=(exposed_in := exposure_sentence(case_part, introduced, named)),
        summed=summaries(sentences, narrated),
        indications=indication_heads(
            [p.indication or "" for p in products], [r.verbatim for r in reactions]
        ),
        given=given_sentence(case_part, exposed_in, named),
    )
    deposit_recurrence(challenge, bool(products) and products[0].category in _MEDICINES)
    recurrence_last(challenge, outcome)
    if patient_facts.series:  # "three patients required surgical excision"
        add_group_seriousness(outcome, sentences)
    suspect_spans = tuple(span for p in products for span in p.spans.get("category", []))
    routes = find_routes(
        sentences,
        route_sentences(sentences, case_part, sentences[0] if title else None),
        frozenset(p.name.lower() for p in products),
        not products or products[0].category in _MEDICINES,
    )
    first_product = products[0] if products else None
    if first_product is not None:
        medicine_by_route(first_product, routes.used)
        category_by_route(first_product, routes.used)
        illicit_supply(routes, first_product.name, first_product.category.value, sentences)
    complete_label(
        routes,
        first_product.name if first_product else None,
        first_product.category.value if first_product else None,
        sentences,
        first_product.spans.get("name") if first_product else None,
    )
    case: dict[str, Any] = {
        "report": report_part(record, patient_facts.patients, text, evidence),
        "patient": assemble.patient_part(patient_facts, evidence),
        "products": assemble.products_part(
            text,
            products,
            routes,
            challenge,
            evidence,
        ),
        "reactions": assemble.reactions_part(
            reactions, outcome, challenge, {s.index: s.text for s in patient}, evidence
        ),
        "findings": assemble.findings_part(find_findings(patient, sentences), evidence),
        "treatments": assemble.treatments_part(
            find_treatments(
                # a sentence outside the case part that sums the case up ("We present a case
                # of ... successfully managed with excision") tells its treatment too, and so
                # does the narrative told in the past past the case part's three continuations
                # ("Muscle enzymes were normal. ... Bilateral quadricepsplasty was performed.")
                _with_title(
                    sentences,
                    sorted({*narrated, *summaries(sentences, case_part)}, key=lambda s: s.index),
                ),
                suspects,
                suspect_spans,
                first,
                exposed_in,
                tuple(span for r in reactions for span in r.spans.get("verbatim", [])),
            ),
            evidence,
        ),
    }
    narrative = " ".join(s.text for s in patient if s.section not in _NARRATIVE_SKIP)
    if narrative:
        case["narrative"] = narrative
    if "report.patients_in_report" in patient_facts.spans:
        evidence["report.patients_in_report"] = patient_facts.spans["report.patients_in_report"]
    warnings = list(check.warnings)
    if treated:
        warnings.append(TREATMENT_EFFECT)
    stated: list[str] = []  # criteria stated of the case that no reaction can carry
    if not case["reactions"] and outcome.seriousness:
        stated = [c.value for c in outcome.seriousness]
        evidence["seriousness"] = list(outcome.spans.get("seriousness", []))
    ended = outcome.outcome.value if outcome.outcome and not case["reactions"] else None
    if ended:  # the case's last stated status, which no reaction can carry
        evidence["outcome"] = list(outcome.spans.get("outcome", []))
    began = None if case["reactions"] else stated_onset(case_part, text)
    if began:  # the onset the case states, which no reaction can carry
        evidence["onset"] = [began[2]]
    if check.languages:
        from dermavigil.literature.extract.foreign_draft import fill_gaps  # loaded when needed

        held, told = fill_gaps(
            check.shown or text, check.languages, case, evidence, warnings, suspects, check.foreign
        )
        stated, ended = stated + held, ended or told
    # a review, guideline or consensus that tells no case of its own, or a study of a
    # treatment's effect (its adverse events are rates): its reactions are the literature's
    # and a sex it names is a population's ("most patients were female"); a text that analyses
    # a reporting system's cases, even beside a review of published ones, is a series of
    # reported cases (docs/annotation.md: one convention for analyses)
    documented = (
        not check.languages
        and not analyses_reports(sentences)
        and (
            no_case_document(text)
            or treated
            or efficacy_study(
                sentences, [a for r in reactions for a in r.spans.get("verbatim", [])]
            )
        )
    )
    review = documented or is_review(sentences) and not analysed
    reported_series = patient_facts.series and _SERIES_REPORTED.search(text)
    if documented or (
        not case["patient"] and (review or not (case["reactions"] or reported_series))
    ):
        # no adverse event and no patient: a review, a study or a text without a case gives
        # an empty draft, marked so (nothing kept from background or review sentences); the
        # product a text that is not a review is about stays, with its evidence: a case the
        # reaction finder missed still names its suspect ("complications of X injection")
        keep: tuple[str, ...] = () if review else ("products",)
        if case_report and not review:  # what a case report tells was done for its case
            keep += ("treatments",)
        for key in ("products", "reactions", "findings", "treatments"):
            if key not in keep:
                case[key] = []
        case.pop("narrative", None)
        case["patient"] = {}
        if review or not case_report:
            stated, ended, began = [], None, None
        else:  # a case report that names no age or sex: what it states of the case stays
            keep += ("seriousness", "outcome", "onset")
        evidence = {k: v for k, v in evidence.items() if k.startswith((*keep, "report."))}
        warnings.append("no case in the text: no adverse event of an identifiable patient")
    if not case["products"]:
        warnings.append("no product found in the text")
    if not case["reactions"]:
        warnings.append("no adverse event found in the text")
    if not case["patient"]:
        warnings.append("the patient is not identifiable (no age, age group or sex in the text)")
    if "literature" not in case["report"]:
        warnings.append("no citation: give the title line or the bibliographic record")
    series_patients = (
        assemble.series_patients_part(find_series_patients(sentences), suspects)
        if patient_facts.series
        else []
    )
    if patient_facts.series:
        warnings.append(
            f"the report describes a series of {patient_facts.patients} patients; the draft "
            "holds the series' shared facts and should be split into one case per patient"
        )
    return Draft(
        text=check.shown or text,
        case=case,
        evidence=evidence,
        warnings=warnings,
        partial=check.incomplete
        or patient_facts.series
        or not (case["products"] and case["reactions"] and case["patient"]),
        is_series=patient_facts.series,
        excluded=[
            {"text": e.text, "span": list(e.span), "status": e.status.value} for e in excluded
        ],
        series_patients=series_patients,
        seriousness=list(dict.fromkeys(stated)),
        outcome=None if case["reactions"] else ended,
        onset=began[0].model_dump(mode="json") if began and not case["reactions"] else None,
    )
