"""The words by which a text says what study design it is: a trial, an observational study, a
laboratory study, a review of other texts, a guideline or consensus.

One vocabulary, in the terms of the evidence hierarchy of study designs (the Oxford Centre
for Evidence-Based Medicine's levels: systematic reviews, randomised trials, cohort and
case-control studies, case series and case reports; guidelines and consensus statements
beside them), read by every part of the pipeline that tells a case report from what is not
one:

- :data:`TRIAL`: a trial, or an analysis of trials (randomised, double-blind, placebo,
  open-label, clinical or controlled trials, a phase I-IV): its events are those of
  participants given a product by design (``docs/annotation.md``, kinds: trials and their post
  hoc analyses are `no_case`); read by :func:`.series_facts.is_trial`;
- :data:`REVIEW_OR_STUDY`: a secondary study of other texts (:data:`_SECONDARY`), a trial or
  one of the observational designs a sentence names for the text itself ("a cohort study",
  "a retrospective analysis"): a sentence that says so is no patient's, and a text that says
  so and reports no case is a review or a study (:mod:`.relevance`);
- :data:`STUDY`: every primary study design a whole record may call itself, trials,
  observational and laboratory studies (an animal study, in vitro), read by the screening of
  records (:mod:`dermavigil.literature.screen`) on a text with no case cue;
- :data:`REVIEW`: a review of other texts, a guideline, a set of recommendations or a
  consensus the text is, in English and in the other languages read: a text that says so and
  tells no case of its own reports none (:func:`.document_kind.no_case_document`).

Pure: compiled patterns only.
"""

from __future__ import annotations

import re

_BLINDING = r"randomi[sz]ed|double-blind"
"""How a trial allocates and masks its arms: randomised, double-blind."""
_TRIALS = (
    rf"{_BLINDING}|placebo|open-label|(?:clinical|controlled) trials?"
    r"|phase (?:I{1,3}V?|[1-4])(?:/(?:I{1,3}V?|[1-4]))?"
)
"""Trial designs, with the trials a text analyses ("post hoc analysis of phase 3 clinical
trials"): randomisation, blinding, a placebo or an open label, clinical or controlled trials,
a trial's phase ("phase III", "phase 2/3"). Read on a series' own sentences; a case report
also cites "clinical trials" of its product in passing, so the designs a whole record or one
sentence names for itself are narrower (the singular "clinical trial", a "placebo-controlled"
design in one sentence)."""
_COHORTS = r"cohort study|retrospective (?:study|analysis)|prospective (?:study|trial)"
"""Observational designs named with their noun ("a cohort study", "a retrospective
analysis")."""
_SURVEYS = (
    r"cohort|retrospective review|cross-sectional|survey|descriptive study"
    r"|\d+-year follow-up study|incidence rates?"
)
"""Observational designs a whole record names in passing ("in a cohort of", "a
cross-sectional survey", "incidence rates"): too loose for one sentence of a case report (a
case report may compare its patient with "a cohort"), read on a record with no case cue."""
_LABORATORY = r"in vitro|mice|animal study"
"""Laboratory and animal studies: no patient at all."""
_SECONDARY = (
    r"systematic review|meta-analys[ie]s|literature review|review of the literature"
    r"|narrative review|scoping review"
)
"""Reviews of other texts, by their kind."""
_GUIDANCE = (
    r"guidelines?|recommendations|review article"
    # a consensus the text is ("a consensus statement", "consensus recommendations"), not one
    # a treatment "still lacks"
    r"|consensus (?:statements?|recommendations?|guidelines?|conferences?|meetings?|panels?"
    r"|reports?|documents?|papers?)|(?:an? |this |the present )(?:expert |international )?consensus"
)
"""Guidelines, recommendations, a review article, a consensus."""
_FOREIGN_REVIEWS = (
    r"revis[ãa]o (?:bibliogr[áa]fica|de literatura|da literatura|sistem[áa]tica|integrativa)"
    r"|revisi[óo]n (?:bibliogr[áa]fica|de la literatura|sistem[áa]tica)|protocolo de actuaci[óo]n"
    r"|revue (?:de la litt[ée]rature|syst[ée]matique)|[ÜU]bersichtsarbeit"
    r"|revisione (?:della letteratura|sistematica)"
)
"""The same in the other languages read ("revisão bibliográfica", "protocolo de actuación")."""


def _words(*parts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I)


TRIAL = _words(_TRIALS)
"""A trial, or an analysis of trials."""
REVIEW_OR_STUDY = _words(
    _SECONDARY,
    r"a review|we (?:searched|reviewed)",
    _BLINDING,
    r"placebo-controlled|clinical trial",
    _COHORTS,
)
"""A review or a study, not the report of one patient's case: a sentence's own words."""
STUDY = _words(_BLINDING, r"placebo|clinical trial", _COHORTS, _SURVEYS, _LABORATORY)
"""A primary study of any design, as a whole record names it."""
REVIEW = _words(
    _SECONDARY,
    r"we review|(?:this|the present|the current) review|literature search(?:es)?",
    _GUIDANCE,
    _FOREIGN_REVIEWS,
)
"""A review, guideline, consensus or set of recommendations the text is, also as it names
itself ("this review aims to ...") or its method ("a literature search was performed")."""
