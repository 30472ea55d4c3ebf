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
excision or a removal for histology is diagnostic, like a biopsy (``docs/annotation.md``;
:mod:`.seriousness_surgery`).

A reaction of this patient coded to an HPO term under a phenotype that is itself a
criterion also states it (:mod:`.seriousness_codes`). The s0xx decisions: Bell's palsy is a
paralysis, a foot drop a paresis, deformities a reaction left are disfigurement, a suicide is
a death; what an agent causes or how common a condition is, told in the present of no one, is
background. A cell's or a tissue's death ("adipocyte death" on a biopsy) is no death of the
patient. The z0xx decisions: paraplegia, even recovered, is a disability; a transient visual
loss is none; a treatment a sentence lists among the "options" was not given; the open release
of a contracture is surgery.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.domain.vocab import SeriousnessCriterion
from dermavigil.literature.extract.admission import (
    admitted_before,
    admitted_for,
    confessed,
    seen_in_emergency,
)
from dermavigil.literature.extract.device_removal import ENDOVASCULAR, routine_removal
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.outcome_words import CELL_DEATH, UNRELATED_DEATH
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.seriousness_surgery import diagnostic, untied
from dermavigil.literature.extract.stated_nothing import definitions, index_terms

Span = tuple[int, int]

_SERIOUS: tuple[tuple[SeriousnessCriterion, re.Pattern[str]], ...] = (
    (
        SeriousnessCriterion.death,
        re.compile(
            rf"\b(?:died(?! out\b){UNRELATED_DEATH}|death of the patient"
            r"|(?<!potentially )fatal (?:outcome|reaction|case)|cause of death|first death"
            rf"|was declared dead|passed away|(?<!risk of ){CELL_DEATH}death"
            r"|committed suicide|died by suicide)\b",
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
            r"|(?:was|were) (?:then |later )?(?:discharged|released)(?= home"
            r"| from (?:the |our )?hospital"
            r"| on (?:hospital |post-?operative )?day| on POD| after \d+"
            r"| (?:about |approximately )?(?:a|one|two|three|four|five|six|seven|\d+)"
            r" (?:days?|weeks?) later)"
            r"|(?:accepted|received) (?:her|him|the patient) in transfer"
            r"|to admit (?:her|him|them|the patient)"
            r"|transferred to (?:\w+ ){0,3}?(?:hospital|centre|center|unit|facility"
            r"|ward|department)"
            r"|intensive care|critical care|high[- ]dependency unit|[PNMS]?ICU)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.disability,
        re.compile(
            r"\b(?<!transient )(?<!temporary )(?:blind(?:ness)?(?!-)|(?:vision|visual) loss"
            r"|loss of (?:vision|sight)"
            r"|lost (?:all )?sight"
            r"|vision (?:was )?not restored|(?<!cerebral )(?<!cerebral-)paraly\w+(?! cerebral)"
            r"|paresis|hemiparesis|ophthalmopleg\w*|(?:para|tetra|quadri)(?:pleg(?:ia|y)|paresis)"
            r"|(?:nerve )?(?<!cerebral )(?<!cerebral-)pals(?:y|ies)|(?:foot|wrist)[- ]?drop"
            r"|amputat\w+"
            r"|loss of the (?:affected )?(?:toe|finger|limb)|disfigur\w+"
            r"|permanent (?:(?!hair\b|fat\b|volume\b|pigment)\w+ )?"
            r"(?:deficit|damage|disability|paralysis|loss)"
            r"|(?:the patient|s?he) (?:still )?(?:has|had|have|continues to have|reported)"
            r" (?:ongoing|persistent|continued|residual|lasting)\b[^.;]{0,80}?\bdisability"
            r"|motor deficit|transection of the spinal"
            r"|transverse myelitis|(?:lead(?:ing)? to|led to|result(?:ing|ed)? in|left with|leaving"
            r"|persistent|permanent|residual|lasting) (?:\w+ ){0,2}?deformit(?:y|ies))\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.medically_important,
        re.compile(
            r"\b(?:debridements?|debrided|necr(?:os)?ectom(?:y|ies)|excisions?|excised"
            r"|skin graft\w*|grafting"
            r"|fasciotom(?:y|ies)"
            r"|surgical (?:drainage|interventions?|removal|excisions?|exploration|management)"
            r"|requir(?:ed|ing|es) (?:\w+ )?surgery|(?:treated|managed) (?:with|by) surgery"
            r"|underwent (?:\w+ )?surgery|\d+ operations|operated on|incision(?:al drainage)?"
            r"|received (?:\w+ )?surgery|(?:was|were) operated\b"
            r"|incised|surgical (?:and (?:\w+ )?)?(?:treatments?|repairs?|debridements?)"
            r"|surgically (?:excise|resect|debride|drain)\b|(?:tissue|wound) exploration"
            r"|(?:was|were) (?:treated|managed) surgically"
            r"|(?:was|were) surgically (?:removed|excised|resected|drained|debrided|explored"
            r"|treated|managed)|underwent (?:\w+ ){0,3}?(?:removal|excision|resection|debridement"
            r"|drainage|capsulectomy)"
            r"|(?:drainage|debridement|exploration|excision|removal|resection)\b[^.;]{0,40}?"
            r"\b(?:was|were) (?:then )?(?:performed|done|carried out|required|undertaken)"
            r"|(?:surgery|surgical treatment|an operation) was (?:then )?undertaken"
            r"|(?:after|following|during|at) (?:the |an? )?operation"
            r"|(?<!during )(?<!in the )intraoperative\w*"
            r"(?! (?:setting|period|course|an(?:a)?esthe\w+ care))"
            r"|drains?"
            r" (?:was|were) (?:placed|inserted)|insertion of (?:a )?drains?|(?:drainage|debridement"
            r"|exploration) (?:was|were) (?:then )?(?:performed|done|carried out|required)"
            r"|(?:lesion|mass|swelling|nodule|granuloma|node|collection|abscess|cyst|filler"
            r"|material|implant|product|tissue)s?"
            r" (?:was|were|had been|has been) (?:then )?(?:surgically |completely )?"
            r"(?:removed|resected)"
            r"|remov(?:ed|ing|al of) (?:the |it )?(?:\w+ ){0,2}surgically|resections?"
            r"|(?:abscess(?:es)?|(?:fluid )?collections?|ha?ematomas?|pus) (?:was|were) (?:then )?"
            r"(?:\w+ )?(?:drained|incised)"
            r"|(?:surgery|surgical procedures?|an? operation) (?:was|were) (?!not\b|never\b)"
            r"(?:\w+ )?(?:performed|done|carried out"
            r"|required|needed)"
            r"|surgery for (?:the )?(?:removal|excision|drainage|debridement|evacuation)"
            r"|(?:local|free|rotation|advancement|transposition|skin) flaps?"
            r"|flap (?:surgery|reconstruction|therapy|coverage|closure)"
            r"|(?:primary|delayed|secondary|surgical) closure"
            r"|reconstructive surgery|surgical reconstruction"
            r"|(?:open|surgical|arthroscopic|endoscopic|operative)\s+(?:[\w-]+\s+)?release"
            r"|release (?:surgery|operation)"
            r"|taken (?:up )?(?:for|to) (?:surgery|(?:the )?(?:operating (?:room|theatre)|theatre))"
            + ENDOVASCULAR
            + r")\b",
            re.I,
        ),
    ),
)
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|should|(?:was|were) (?:thought|considered|planned|proposed"
    r"|discussed|offered|recommended|advised)|if|(?:any|for) signs? of|(?:monitored|observed"
    r"|watched|followed) (?:\w+ )?for|options? (?:include[sd]?|are|were|compris\w+))\b",
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
    r"|considered|judged|thought) (?:to be )?(?:neces\w*|indicated|required|needed|warranted)"
    r"|^\s+(?:was|were) (?:deemed |considered |judged )?(?:not|in) ?(?:feasible|possible"
    r"|indicated|an option|advisable)",
    re.I,
)
"""'surgical excision may be needed', 'surgical intervention was deemed necessary': a
possibility, or what was only considered, told after the criterion; 'complete surgical
excision was not feasible', 'was infeasible': one ruled out."""
_NAMED_BY = re.compile(
    r"(?<![^\W\d])(?:Plastic|Department|Division|Journal|Society|Association|Institute|Unit"
    r"|Centre|Center|Annals|Archives)\b",
)
"""A name's head word, also right after an affiliation's footnote number ("1Division of
Pulmonary and Critical Care Medicine")."""
_JOURNAL_AFTER = re.compile(r"\s*(?:[\u2013\u2014-]|:)?\s*(?:Global Open|Journal|Case Reports)")
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


_GENERAL_BEFORE = re.compile(
    r"\b(?:which|that|it|they|and)\s+(?:\w+\s+)?(?:causes|leads to|results in|produces|induces)"
    r"\s+(?:\w+\s+){0,2}$|\b(?:their|its) (?:management|treatment)\s+(?:is|are|includes?"
    r"|requires?)\s+(?:\w+\s+)?$"
    r"|\b(?:complications|reactions|effects|events|symptoms)\s+(?:that\s+)?"
    r"rang(?:e|es|ing) from\b[^.;]*$",
    re.I,
)
_GENERAL_AFTER = re.compile(
    r"^\s+(?:now |also |often |usually |still )?(?:is|are) (?:now )?(?:\w+ ){0,2}?(?:common"
    r"|uncommon|rare|frequent|seen|reported|known|described|defined|characteri[sz]ed)\b",
    re.I,
)
"""'botulinum toxin, which causes paralysis by ...', 'Wound botulism now is much more common
because of ...': what an agent does or how often a condition occurs, told in the present of
no one, is background (docs/annotation.md: background sentences are no criterion of the
case); so is how a class of injuries is managed ("a critical step in their management is
extensive debridement"), and so are the complications a practice's "complications ranging
from mild pain to severe life threatening anaphylactic shock" span."""


def _hypothetical(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()]
    if _MODAL_AFTER.match(text[match.end() :]):
        return True
    if _GENERAL_BEFORE.search(before[-80:]) or _GENERAL_AFTER.match(text[match.end() :]):
        return True
    return bool(_HYPOTHETICAL.search(before[-60:])) and not _OWN.search(before)


def _furniture(text: str, match: re.Match[str]) -> bool:
    """'Plastic and Reconstructive Surgery – Global Open', 'Department of Breast Cancer and
    Reconstructive Surgery': a journal's or a department's name, not an operation."""
    return match.group(0)[:1].isupper() and bool(
        _NAMED_BY.search(text[max(0, match.start() - 50) : match.start()])
        or _JOURNAL_AFTER.match(text, match.end())
    )


_EXPOSURE_OPERATION = re.compile(
    r"\b(?:initial|previous|prior|first|original|cosmetic|aesthetic|augmentation|index)\s+$",
    re.I,
)
"""'Her initial surgery was performed in an aesthetic clinic': the procedure that was the
exposure (a fat graft, an augmentation), not an operation on the reaction."""


def find_seriousness(
    sentences: list[Sentence],
    first_reaction: int = 0,
    resolved: int | None = -1,
    exposure: Sentence | None = None,
    reaction_spans: Sequence[Span] = (),
    history: frozenset[int] = frozenset(),
) -> tuple[list[SeriousnessCriterion], list[Span]]:
    """The criteria the sentences state, in the order of :data:`_SERIOUS`, with spans
    (``first_reaction``: the index of the first sentence that tells a reaction, 0 unknown;
    ``resolved``: where the text's last stated resolution ends, None when it states none,
    -1 when not known: an excision then counts as it is; ``exposure``: see
    :func:`.admission.admitted_before`; ``reaction_spans``: where this patient's reactions are
    told, see :func:`.admission.admitted_for`; ``history``: the sentences that tell the illness
    the suspect was given in, :func:`.seriousness_history.history_sentences`: no criterion
    but an admission, which :func:`.admission.admitted_for` may tie to a reaction, is taken
    from them)."""
    criteria: list[SeriousnessCriterion] = []
    spans: list[Span] = []
    defined = definitions(sentences) | index_terms(sentences)
    for sentence in sentences:
        if sentence.index in defined:
            continue
        for criterion, pattern in _SERIOUS:
            if criterion in criteria:
                continue
            for match in pattern.finditer(sentence.text):
                if not _present(sentence, match) or _hypothetical(sentence.text, match):
                    continue
                if _furniture(sentence.text, match) or _EXPOSURE_OPERATION.search(
                    sentence.text, max(0, match.start() - 30), match.start()
                ):
                    continue
                if (
                    sentence.index in history
                    and criterion is not SeriousnessCriterion.hospitalisation
                ):
                    continue
                if criterion is SeriousnessCriterion.hospitalisation and (
                    confessed(sentence.text, match)
                    or seen_in_emergency(sentence.text, match)
                    or (
                        admitted_before(sentence, match, first_reaction, exposure)
                        and not admitted_for(sentence, match, reaction_spans, exposure)
                    )
                ):
                    continue
                if criterion is SeriousnessCriterion.medically_important and (
                    diagnostic(sentence.text, match)
                    or routine_removal(sentence.text, match)
                    or (resolved != -1 and untied(sentence, match, resolved))
                ):
                    continue
                criteria.append(criterion)
                spans.append((sentence.start + match.start(), sentence.start + match.end()))
                break
    return criteria, spans
