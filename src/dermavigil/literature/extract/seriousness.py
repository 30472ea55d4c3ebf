"""Seriousness criteria (ICH E2A) of a case, only where the text states them.

ICH E2A (1994), "Clinical Safety Data Management: Definitions and Standards for
Expedited Reporting", section II.B: death, life-threatening, (prolonged)
hospitalisation, persistent or significant disability/incapacity, congenital
anomaly, and medically important events that needed an intervention to prevent
one of these (here: surgery on the reaction — debridement, excision, grafting,
flaps, surgical drainage, an abscess drained). The word "serious" itself ("a serious
complication") is none of the criteria (``docs/annotation.md``, r050). A criterion is
taken from a sentence only when it is asserted (not negated, not a possibility:
"excision may be needed") and, for surgery, when the operation treats the reaction: an
excision or a removal for histology is diagnostic, like a biopsy (``docs/annotation.md``).

A reaction of this patient coded to an HPO term under a phenotype that is itself a
criterion also states it (:mod:`.seriousness_codes`).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import SeriousnessCriterion
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.outcome_words import UNRELATED_DEATH
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_SERIOUS: tuple[tuple[SeriousnessCriterion, re.Pattern[str]], ...] = (
    (
        SeriousnessCriterion.death,
        re.compile(
            rf"\b(?:died(?! out\b){UNRELATED_DEATH}|death of the patient"
            r"|(?<!potentially )fatal (?:outcome|reaction|case)|cause of death|first death"
            r"|was declared dead|passed away|(?<!risk of )death)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.life_threatening,
        re.compile(
            r"\b(?:(?<!potentially )life[- ]threatening|intubat\w+|ventilat(?:ed|ory support)"
            r"|anaphyla\w+|(?:iatrogenic )?botulism|respiratory (?:distress|failure|arrest)"
            r"|cardiac arrest|septic shock|coma|encephalitis|status epilepticus"
            r"|convulsions?)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.hospitalisation,
        re.compile(
            r"\b(?:hospitali[sz](?:ed|ations?)|(?:re-?)?admitted(?! to (?:an? |the |our )?(?:\w+ )?"
            r"(?:outpatient|(?:well-(?:child|baby)|vaccination|immuni[sz]ation) clinic))"
            r"|(?:re-?)?admission|hospital (?:stay|day|course)|in-?patient"
            r"|(?:was|were) (?:then |later )?discharged(?= home| from (?:the |our )?hospital"
            r"| on (?:hospital |post-?operative )?day| after \d+| (?:about |approximately )?"
            r"(?:a|one|two|three|four|five|six|seven|\d+) (?:days?|weeks?) later)"
            r"|(?:accepted|received) (?:her|him|the patient) in transfer"
            r"|transferred to (?:\w+ ){0,3}?(?:hospital|centre|center|unit|facility"
            r"|ward|department)"
            r"|intensive care|critical care|high[- ]dependency unit|[PNMS]?ICU)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.disability,
        re.compile(
            r"\b(?:blind(?:ness)?(?!-)|(?:vision|visual) loss|loss of (?:vision|sight)"
            r"|lost (?:all )?sight"
            r"|vision (?:was )?not restored|paraly\w+|paresis|hemiparesis|ophthalmopleg\w*"
            r"|(?<!Bell's )(?<!Bell\u2019s )(?:nerve )?pals(?:y|ies)"
            r"|amputat\w+"
            r"|loss of the (?:affected )?(?:toe|finger|limb)|disfigur\w+|permanent (?:\w+ )?"
            r"(?:deficit|damage|disability|paralysis|loss)|motor deficit|transection of the spinal"
            r"|transverse myelitis)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.medically_important,
        re.compile(
            r"\b(?:debridements?|debrided|necr(?:os)?ectom(?:y|ies)|excisions?|excised"
            r"|skin graft\w*|grafting"
            r"|fasciotom(?:y|ies)"
            r"|surgical (?:drainage|intervention|removal|excision|exploration|management)"
            r"|underwent (?:\w+ )?surgery|\d+ operations|operated on|incision(?:al drainage)?"
            r"|incised|surgical (?:treatment|repair|debridement)"
            r"|(?:was|were) surgically (?:removed|excised|resected|drained|debrided|explored"
            r"|treated)|underwent (?:\w+ ){0,3}?(?:removal|excision|resection|debridement"
            r"|drainage|capsulectomy)"
            r"|(?:drainage|debridement|exploration|excision|removal|resection)\b[^.;]{0,40}?"
            r"\b(?:was|were) (?:then )?(?:performed|done|carried out|required|undertaken)"
            r"|(?:surgery|surgical treatment|an operation) was (?:then )?undertaken"
            r"|(?:after|following|during) (?:the |an? )?operation|intraoperative\w*|drains?"
            r" (?:was|were) (?:placed|inserted)|insertion of (?:a )?drains?|(?:drainage|debridement"
            r"|exploration) (?:was|were) (?:then )?(?:performed|done|carried out|required)"
            r"|(?:lesion|mass|swelling|nodule|granuloma|node|collection|abscess|cyst|filler"
            r"|material|implant|product|tissue)s?"
            r" (?:was|were) (?:then )?(?:surgically |completely )?(?:removed|resected)"
            r"|remov(?:ed|ing|al of) (?:the |it )?(?:\w+ ){0,2}surgically|resection"
            r"|(?:abscess(?:es)?|(?:fluid )?collections?|ha?ematomas?|pus) (?:was|were) (?:then )?"
            r"(?:\w+ )?(?:drained|incised)"
            r"|(?:surgery|surgical procedures?|an? operation) (?:was|were) (?!not\b|never\b)"
            r"(?:\w+ )?(?:performed|done|carried out"
            r"|required|needed)"
            r"|surgery for (?:the )?(?:removal|excision|drainage|debridement|evacuation)"
            r"|(?:local|free|rotation|advancement|transposition|skin) flaps?"
            r"|flap (?:surgery|reconstruction|therapy|coverage|closure)"
            r"|(?:primary|delayed|secondary|surgical) closure"
            r"|reconstructive surgery|surgical reconstruction)\b",
            re.I,
        ),
    ),
)
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|should|(?:was|were) (?:thought|considered|planned|proposed"
    r"|discussed|offered|recommended|advised)|if|(?:any|for) signs? of|(?:monitored|observed"
    r"|watched|followed) (?:\w+ )?for)\b",
    re.I,
)
"""A sentence about what was only considered ("it was thought that surgical excision would not
help", "excision may be needed") or watched for ("closely followed for any sign of
respiratory distress"): no seriousness criterion is taken from it."""
_OWN = re.compile(r"\b(?:her|his|their|the patient'?s|our patient'?s)\s+(?:\w+\s+)?$", re.I)
"""'could have contributed to her anaphylactic reaction': a possessive makes the event this
patient's, whatever modal or hedge comes before it."""
_MODAL_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:may|might|could|would|should|will)\b|^\s+(?:was|were) (?:deemed"
    r"|considered|judged|thought) (?:to be )?(?:neces\w*|indicated|required|needed|warranted)",
    re.I,
)
"""'surgical excision may be needed', 'surgical intervention was deemed necessary': a
possibility, or what was only considered, told after the criterion."""
_DIAGNOSTIC = re.compile(
    r"\b(?:for (?:\w+ )?(?:histolog\w*|histopatholog\w*|patholog\w*|diagnos\w*|analysis"
    r"|examination|culture|microscop\w*)|processed for|sent for|excisional biops\w*)\b",
    re.I,
)
"""'An intradermal nodule was excised and processed for histopathology': a diagnostic excision,
not a surgical treatment (``docs/annotation.md``)."""
_CONFESSED = re.compile(
    r"\b(?:he|she|they|himself|herself|themselves|finally|eventually|later|also) admitted$"
    r"|^admitted (?:to )?(?:having|that)\b|^admitted (?:to )?(?!during\b|following\b|including\b"
    r"|pending\b|regarding\b|concerning\b)\w+ing\b",
    re.I,
)
"""'the patient admitted to injecting an unknown substance', 'he finally admitted to having
given a false history', 'the patient himself admitted pentazocine abuse': *admitted* in the
active voice with a confession after it is no admission to hospital (the hospital sense is
passive, 'was admitted', or a participle, 'a boy admitted to our department')."""
_NAMED_BY = re.compile(
    r"\b(?:Plastic|Department|Division|Journal|Society|Association|Institute|Unit|Centre"
    r"|Center|Annals|Archives)\b",
)
_JOURNAL_AFTER = re.compile(r"\s*(?:[\u2013\u2014-]|:)?\s*(?:Global Open|Journal|Case Reports)")
_GIVEN_AFTER = re.compile(
    r"\s+(?:to|in|at|for)\b[^.;]{0,80}?\b(?:was|were) (?:\w+ )?(?:administered|given|started on"
    r"|injected|prescribed)\b",
    re.I,
)
"""'hospitalized for thromboembolic disease was administered an intravenous dose of ...'."""
_REMOVAL_ONLY = re.compile(
    r"(?:excision|excised|resection|(?:\w+ )*(?:removed|resected)|remov\w+ (?:\w+ ){0,3}"
    r"surgically|surgical (?:removal|excision)|underwent (?:\w+ ){0,3}?(?:removal|excision"
    r"|resection)|(?:excision|removal|resection)\b.*|surgery for (?:the )?(?:removal|excision))",
    re.I,
)
"""The operations that only take the lesion or the material out (not debridement, drainage,
grafting or a flap, which treat the reaction's tissue)."""
_EXCISION = re.compile(r"excis|remov|resect", re.I)
_SURGICAL = re.compile(r"\bsurg\w+|\boperat\w+|general an(?:a)?esthesia", re.I)
"""A surgical removal stays a treatment even when its specimen goes to histology."""
_CLAUSE = re.compile(
    r"(?:,|;|\band\b|\bbut\b|\bwhile\b)\s+(?=(?:the|his|her|all|its|their)\b)", re.I
)


def _present(sentence: Sentence, match: re.Match[str]) -> bool:
    """Asserted in its clause; a possessive before it starts the clause ("her ...")."""
    cuts = [m.end() for m in _CLAUSE.finditer(sentence.text, 0, match.start())]
    own = _OWN.search(sentence.text, 0, match.start())
    begin = own.start() if own else cuts[-1] if cuts else 0
    clause = sentence.text[begin:]
    status = assertion(clause, match.start() - begin, match.end() - begin)
    return status is Assertion.present


def _hypothetical(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()]
    if _MODAL_AFTER.match(text[match.end() :]):
        return True
    return bool(_HYPOTHETICAL.search(before[-60:])) and not _OWN.search(before)


def _confessed(text: str, match: re.Match[str]) -> bool:
    """'admitted' in the sense of a confession, not of a hospital admission."""
    if match.group(0).lower() != "admitted":
        return False
    return bool(
        _CONFESSED.search(text[max(0, match.start() - 20) : match.end()])
        or _CONFESSED.match(text[match.start() : match.end() + 40])
    )


_TUMOUR = r"(?:malignan\w*|cancer|carcinoma|tumou?r|neoplas\w*|metasta\w*|sarcoma|lymphoma)"
_FOR_TUMOUR = re.compile(
    r"[^.;]{0,40}?\b(?:(?:because of|for|due to|given|on)\s+(?:the\s+|a\s+)?(?:possibility"
    rf"|suspicion|concern|fear|risk)\s+(?:of|for)\s+(?:an?\s+)?(?:[\w-]+\s+)?{_TUMOUR}"
    rf"|to (?:rule out|exclude) (?:an?\s+)?(?:[\w-]+\s+)?{_TUMOUR}"
    rf"|(?:as|for) (?:a\s+)?(?:suspected|presumed|possible) (?:[\w-]+\s+)?{_TUMOUR})",
    re.I,
)
"""'he was surgically treated because of the possibility of malignancy', 'excised to rule out a
sarcoma': an operation to exclude a tumour is diagnostic, like an excisional biopsy
(docs/annotation.md: a biopsy or an excision for histology is neither a treatment nor, alone,
a reason for serious)."""


def _diagnostic(text: str, match: re.Match[str]) -> bool:
    """An excision or removal for histology, not a surgical one ("a nodule was excised and
    processed for histopathology"), or any operation to exclude a tumour; drainage,
    debridement or grafting always treat."""
    if _FOR_TUMOUR.match(text, match.end()):
        return True
    if not _EXCISION.search(match.group(0)) or _SURGICAL.search(text):
        return False
    return bool(_DIAGNOSTIC.search(text, match.start(), match.end() + 60))


def _furniture(text: str, match: re.Match[str]) -> bool:
    """'Plastic and Reconstructive Surgery – Global Open', 'Department of Breast Cancer and
    Reconstructive Surgery': a journal's or a department's name, not an operation."""
    return match.group(0)[:1].isupper() and bool(
        _NAMED_BY.search(text[max(0, match.start() - 50) : match.start()])
        or _JOURNAL_AFTER.match(text, match.end())
    )


_EARLIER = re.compile(
    r"\b(?:had (?:\w+ )?(?:been|received|undergone|had|got)|earlier|before|prior|ago"
    r"|previously|preceding|history of|(?:admitted|confessed|reported|disclosed|revealed|denied)"
    r" (?:to )?(?:having|that|\w+ing))\b",
    re.I,
)
"""The exposure told after the admission as one that came before it: 'she had received ...',
'three days before', or told by the patient as a history ('admitted to injecting', 'reported
having injected')."""
_ED_VISIT = re.compile(r"\b(?:emergency|ED|casualty)\b")


def _admitted_before(
    sentence: Sentence, match: re.Match[str], first_reaction: int, exposure: Sentence | None
) -> bool:
    """An admission told before the exposure ('was hospitalized for a myocardial infarction.
    She received enoxaparin ...', 'hospitalized for thromboembolic disease, was administered
    ...'): the hospital stay was not caused by the reaction (ICH E2A counts a hospitalisation
    the reaction caused or prolonged). ``exposure``: the first sentence after the patient's
    introduction that names the suspect: an admission told in it or after it counts, one
    told before it counts only when the exposure is told as earlier. Without it, an admission
    told before the first reaction does not count."""
    if _GIVEN_AFTER.match(sentence.text, match.end()):
        return True
    if exposure is not None:
        return sentence.index < exposure.index and not _EARLIER.search(exposure.text)
    return first_reaction > 0 and sentence.index < first_reaction


def exposure_sentence(
    sentences: list[Sentence], introduced: int | None, named: list[int]
) -> Sentence | None:
    """The first sentence, from the one that introduces the patient (``introduced``: where
    the age or sex is told) on, that names a suspect (``named``: where its names are told);
    the title is no narrative."""
    if introduced is None:
        return None
    for sentence in sentences:
        if sentence.section == "title" or sentence.end <= introduced:
            continue
        if any(sentence.start <= at < sentence.end for at in named):
            return sentence
    return None


def _seen_in_emergency(text: str, match: re.Match[str]) -> bool:
    """'after an evaluation in the ED, she was discharged home': discharged from an emergency
    visit, which is no admission (docs/annotation.md, r4xx and r6xx decisions)."""
    return "discharged" in match.group(0).lower() and bool(_ED_VISIT.search(text))


_RESOLVED_BY = re.compile(
    r"\b(?:resolved|healed|recovered|improved|disappeared|subsided|regressed|cleared)\b"
    r"(?:\s+\w+ly)?\s+(?:after|following|with|by)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""'heart failure, which resolved promptly after surgical excision of the foreign material':
the resolution told right before the removal ties them in one sentence."""


def _untied(sentence: Sentence, match: re.Match[str], resolved: int | None) -> bool:
    """An excision or a removal the text does not tie to the reaction's resolution: no
    resolution is told in its sentence or after it ('persisted for 10 months until it was
    excised', 'the clinician excised the initial lesion only'; docs/annotation.md, r7xx
    decisions: neither a treatment nor serious). Debridement, grafting, drainage and
    flaps always treat the reaction."""
    if not _REMOVAL_ONLY.fullmatch(match.group(0)):
        return False
    if _RESOLVED_BY.search(sentence.text, 0, match.start()):
        return False
    return resolved is None or resolved < sentence.start + match.start()


def find_seriousness(
    sentences: list[Sentence],
    first_reaction: int = 0,
    resolved: int | None = -1,
    exposure: Sentence | None = None,
) -> tuple[list[SeriousnessCriterion], list[Span]]:
    """The criteria the sentences state, in the order of :data:`_SERIOUS`, with spans
    (``first_reaction``: the index of the first sentence that tells a reaction, 0 unknown;
    ``resolved``: where the text's last stated resolution ends, None when it states none,
    -1 when not known: an excision then counts as it is; ``exposure``: see
    :func:`_admitted_before`)."""
    criteria: list[SeriousnessCriterion] = []
    spans: list[Span] = []
    for sentence in sentences:
        for criterion, pattern in _SERIOUS:
            if criterion in criteria:
                continue
            for match in pattern.finditer(sentence.text):
                if not _present(sentence, match) or _hypothetical(sentence.text, match):
                    continue
                if _furniture(sentence.text, match):
                    continue
                if criterion is SeriousnessCriterion.hospitalisation and (
                    _confessed(sentence.text, match)
                    or _seen_in_emergency(sentence.text, match)
                    or _admitted_before(sentence, match, first_reaction, exposure)
                ):
                    continue
                if criterion is SeriousnessCriterion.medically_important and (
                    _diagnostic(sentence.text, match)
                    or (resolved != -1 and _untied(sentence, match, resolved))
                ):
                    continue
                criteria.append(criterion)
                spans.append((sentence.start + match.start(), sentence.start + match.end()))
                break
    return criteria, spans
