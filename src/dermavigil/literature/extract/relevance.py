"""Which sentences of a case report speak of *this* patient.

Case-report abstracts mix the case with background and literature review
("There are few reports ...", "These complications include ..."). Facts
are taken only from sentences that carry a patient cue (a patient noun or
pronoun, "our case", an age, a time after injection, an action on the
patient) and no review cue; the title counts when it names a case. This
is the "section and cue" filter common to rule-based case-report
extractors (e.g. Aramaki et al. 2009, "TEXT2TABLE: medical text
summarization system based on named entity recognition and modality
identification", BioNLP workshop).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dermavigil.literature.extract.cause_words import CAUSE_WORDS
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.study_design import REVIEW_OR_STUDY

_PATIENT = re.compile(
    r"\b(?:the patient|our patient|patient(?!s)|(?:the|our|these|both|all|two|three|four|five|six"
    r"|seven|eight|nine|ten|\d+|of the|other|remaining) patients|our case|this case|a case"
    r"|we (?:hereby )?(?:report|present|describe)|he|she|his|her|him"
    r"|the (?:lesions?|reaction|symptoms?)|year-old|years? old|aged \d"
    r"|man|woman|male|female|boy|girl|gentleman|lady"
    r"|after (?:the |her |his )?(?:injection|treatment|procedure|session)"
    r"|(?:days?|weeks?|hours?|months?|minutes?) (?:after|later|following)"
    r"|was (?:injected|administered|treated|given)|were (?:injected|administered|given)|biopsy"
    r"|been (?:injected|administered|given)"
    r"|presented|developed|noticed|complained|resolved|histopatholog\w*|histolog\w*"
    r"|patholog(?:ic|ical|y) (?:findings?|exam\w*|reports?|specimens?)|HPE"
    r"|(?:the|this) (?:current|present) (?:case|patient)"
    r"|ultraso\w*|cultures?"
    r"|the (?:[\w-]+ )?(?:nodules?|papules?|ulcers?|ptosis|swelling|abscess(?:es)?|necrosis"
    r"|pustules?|eruption|rash|plaques?|wound|paralysis|symptoms?|granulomas?|lumps?|lesions?"
    r"|patch(?:es)?|ulcers?|ulceration|mass(?:es)?)|(?:was|were) diagnosed"
    r"|there (?:was|were) no|(?:days?|weeks?|hours?|months?|minutes?|h|min) post"
    r"|led to (?:\w+ ){0,2}(?:improvement|resolution|recovery)|died|healed|healing|improved"
    r"|(?:a|one) case of|case (?:\d|one|two)|(?:first|second) patient|patient (?:\d|one|two)"
    r"|subsequently|on admission|follow-up|response to (?:the )?treatment"
    r"|(?:on|upon|at) (?:(?:physical|clinical|dermatologic\w*|local|ophthalmologic\w*|further)\s+)?"
    r"exam(?:ination)?"
    r"|(?:was|were) (?:ruled out|suspected|considered)"
    r"|the cases? (?:was|were) (?:complicated|managed|treated|diagnosed)"
    r"|(?:(?:physical|clinical|dermatologic\w*|local) )?exam(?:ination)? (?:revealed|showed"
    r"|demonstrated)|(?:the|that) (?:same|next|following) (?:day|evening|morning|night|week)"
    r"|on (?:day|week) \d+|became|turned|the clinical (?:picture|presentation|course)"
    r"|(?:the|his|her) (?:[\w-]+ )?(?:course|progression|evolution) (?:was|were)"
    r" (?:marked|complicated|followed)\b)\b",
    re.IGNORECASE,
)
_REVIEW = re.compile(
    r"\b(?:have been reported|been described|were reported|reports? (?:are )?available|few reports"
    r"|in the literature|previously reported|should be avoided"
    r"|(?:complications|adverse (?:effects|events|reactions)|side effects)(?: \w+){0,2} include"
    r"|most \w+ products"
    r"|(?:is|are) (?:commonly|widely|increasingly) used|have gained|has gained|gained attention"
    r"|we review|review of|and colleagues|et al\b|(?:can|may) (?:\w+ )?cause"
    r"|(?:can|may|might) (?:\w+ )?(?:develop|occur|appear|arise|lead to|result in)"
    r"|according to (?:the )?(?:[\w-]+ ){0,6}(?:system|literature|database|registry|surveillance"
    r"|reports))\b",
    re.IGNORECASE,
)
CASE_CUE = re.compile(
    r"\b(?:we (?:hereby )?(?:report|present|describe)|case reports?|case series|cases? of"
    r"|\d+[- ](?:year|month|week)s?[- ]old|our patient|(?:one|two|three|four|five|\d+) patients)\b",
    re.IGNORECASE,
)
"""A text that reports cases (then a review of the literature beside them is not all it is)."""
_GENERIC_SECTIONS = frozenset(
    {
        "background",
        "introduction",
        "conclusion",
        "conclusions",
        "discussion",
        "rationale",
        "importance",
        "lessons",
    }
)
_CASE_SECTIONS = frozenset(
    {
        "case",
        "case report",
        "case reports",
        "case presentation",
        "case presentations",
        "case summary",
        "case description",
        "case descriptions",
        "clinical presentation",
        "clinical findings",
        "patient concerns",
        "diagnoses",
        "diagnosis",
        "interventions",
        "intervention",
        "outcomes",
        "observations",
    }
)
"""Sections of a structured abstract that tell the case: their sentences are about the patient
unless they carry a review cue ("This was followed by desquamation and severe necrosis.")."""
_TITLE_CAUSE = re.compile(rf"\b(?:{CAUSE_WORDS}|case|from)\b", re.IGNORECASE)
_LITERATURE = re.compile(
    r"\b(?:in the literature|previously (?:reported|described)|have been (?:reported|described)"
    r"|and colleagues|et al\b|we review|review of)\b",
    re.IGNORECASE,
)
_GENERIC_PATIENTS = re.compile(
    r"^(?:most commonly|typically|usually|generally|often)?,?\s*patients (?:with [\w -]+? )?"
    r"(?:typically |usually |often |commonly |may |can )?(?:present|complain|develop|experience"
    r"|report|suffer)\b",
    re.IGNORECASE,
)
"""A statement about patients in general ("Patients present with pain at the injection site")."""


_ADVICE = re.compile(
    r"\b(?:should|must|recommend\w*|needs? to|(?:is|are) advised|it is important|(?:may|can|could)"
    r" be|is essential|are needed)\b",
    re.IGNORECASE,
)


def literature_statement(text: str, start: int = 0, end: int | None = None) -> bool:
    """The sentence (or the clause around ``text[start:end]``, up to a full stop or a
    semicolon) reports what the literature or a registry says ("have been reported",
    "according to the Vaccine Adverse Event Reporting System"), not this report's cases."""
    end = len(text) if end is None else end
    for cue in _REVIEW.finditer(text):
        a, b = sorted((cue.end(), start)) if cue.start() < start else sorted((end, cue.start()))
        if not re.search(r"[.;]", text[a:b]):
            return True
    return False


def general_statement(text: str) -> bool:
    """The sentence carries a review, advice, study or patients-in-general cue."""
    return any(p.search(text) for p in (_REVIEW, _ADVICE, REVIEW_OR_STUDY, _GENERIC_PATIENTS))


def cites_literature(text: str) -> bool:
    """The sentence cites the literature ("previously reported", "et al")."""
    return bool(_LITERATURE.search(text))


def generic_section(section: str | None) -> bool:
    """A background, discussion or conclusion section of a structured abstract."""
    return section in _GENERIC_SECTIONS


_FIGURE_LABEL = re.compile(r"\s*(?:fig(?:ure)?|table)\.?\s*\d+[a-z]?\s*[.:]?\s*", re.I)
"""A figure's or a table's label on a line of its own ("Fig. 1", "Fig. 1:"), which a page
sets between the narrative's sentences."""


def case_sentences(
    sentences: list[Sentence], narrative: Callable[[Sentence], bool] | None = None
) -> list[Sentence]:
    """The patient sentences plus the (at most three) sentences that continue one.

    Case narratives drop the subject once the patient is named ("Fasciotomy
    was achieved and medical therapy with heparin ... was made for 7 days.",
    "Management prior to referral included oral antibiotics ..."): a
    sentence right after a patient sentence, in the same part of the
    abstract (not a background, discussion or conclusion section, not the
    title), with no review and no advice cue, is taken as part of the case.
    Treatments and routes are read from these sentences. A continuation that
    ``narrative`` says is told as an event of the case (:func:`.roles.told_wholly_in_past`:
    past tense, no present verb, no general cue) continues it past the three: the window
    lasts as long as the narrative does ("Bilateral quadroplasty was performed.",
    "Cosmetic improvement was significant." after three such sentences) and ends at the
    first sentence past the three that is not told so (background, discussion, advice). Told
    so, it continues the case in a background or conclusion section too: a case told under a
    heading the section reader does not know ("Clinical case:" after a "Background:"
    paragraph) is left in the generic section, and its sentences are the narrative's.
    """
    out: list[Sentence] = []
    inside, left = False, 0  # in a case's window; continuations left of the three
    for sentence in sentences:
        if about_patient(sentence):
            out.append(sentence)
            inside, left = True, 3
            continue
        if _FIGURE_LABEL.fullmatch(sentence.text):
            continue  # "Fig. 1:" between the narrative's sentences continues nothing
        if (
            inside
            and (left > 0 or (narrative is not None and narrative(sentence)))
            and (
                sentence.section not in _GENERIC_SECTIONS
                or (narrative is not None and narrative(sentence))
            )
            and sentence.section != "title"
            and not _REVIEW.search(sentence.text)
            and not _ADVICE.search(sentence.text)
            and not REVIEW_OR_STUDY.search(sentence.text)
        ):
            out.append(sentence)
            left -= 1
        else:
            inside, left = False, 0
    return out


_CONTINUES = re.compile(
    r"(?:(?:it|this|these|they|the (?:swelling|mass|nodules?|lesions?|area|site|wound|ulcer|patch))"
    r"\s+(?:was|were|had|has|is|are|became|then|later|also|gradually|progressed|evolved)"
    r"|associated)\b",
    re.IGNORECASE,
)
"""A sentence that goes on about what the previous one said ("It was associated with ...")."""


_REFERENCES = re.compile(r"(?:list of )?references|bibliography|literature cited", re.IGNORECASE)
_REFERENCE_ENTRY = re.compile(
    r"^\W*(?:\d|\[|[A-Z][\w'-]+,?\s+(?:[A-Z]\.?){1,3}[,.]|[A-Z][\w'-]+,\s)|\bet al\b"
    r"|\b(?:19|20)\d\d\b"
)
"""The first line of a reference list: a number, an author with initials ("Klein A, Elson
M."), a surname and a comma, "et al." or a year."""


def _reference_list(sentences: list[Sentence], position: int) -> bool:
    """A references heading that opens a reference list: the line after it is an entry
    (:data:`_REFERENCE_ENTRY`) or there is none. A publisher page's menu ("Full Text",
    "Bibliography", "Download PDF", "Statistics") names the heading before the article's
    own text, and a heading can stand before the case it precedes: neither ends the case."""
    if not _REFERENCES.fullmatch(sentences[position].text.strip()):
        return False
    following = sentences[position + 1 : position + 2]
    return not following or bool(_REFERENCE_ENTRY.search(following[0].text))


_STUDY_SECTIONS = frozenset(
    {"method", "methods", "materials and methods", "result", "results", "patients and methods"}
)
"""Sections of a structured abstract that, in a case report (not a study), tell the case."""


def is_review(sentences: list[Sentence]) -> bool:
    """The text is a review or a study rather than a case report: its title says so (and
    names no case), or it reads as one and never reports cases."""
    title = next((s.text for s in sentences if s.section == "title"), "")
    if REVIEW_OR_STUDY.search(title) and not re.search(r"\bcases?\b", title, re.I):
        return True
    text = " ".join(s.text for s in sentences)
    return bool(REVIEW_OR_STUDY.search(text)) and not CASE_CUE.search(text)


def reports_cases(sentences: list[Sentence]) -> bool:
    """The text reports cases and is not a review or a study."""
    text = " ".join(s.text for s in sentences)
    return bool(CASE_CUE.search(text)) and not REVIEW_OR_STUDY.search(text)


def patient_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences about the patient: :func:`about_patient`, and a sentence right after
    one of them that continues it with a pronoun or "the lesion" ("It was associated with
    shotty left axillary lymphadenopathy"), in the same section and with no review cue. In a
    case report (not a review or a study) the "Methods" and "Results" of a structured
    abstract tell the case."""
    out: list[Sentence] = []
    previous = False
    case_report = reports_cases(sentences)
    for position, sentence in enumerate(sentences):
        if _reference_list(sentences, position):
            break  # a reference list: nothing after it is about the patient
        keep = (
            about_patient(sentence, case_report)
            or _title_like(sentence)
            or (
                previous
                and sentence.section not in _GENERIC_SECTIONS
                and _CONTINUES.match(sentence.text) is not None
                and not _REVIEW.search(sentence.text)
            )
        )
        if keep:
            out.append(sentence)
        previous = keep
    return out


_OWN_PATIENT = re.compile(
    r"\b(?:our patient|(?:in )?(?:the|this) (?:current|present) (?:case|patient)"
    r"|we (?:hereby |herein |here )?(?:report|present|describe)(?:ed|d)?"
    r"|(?:this|the present) (?:article|paper|report) (?:presents|describes|reports) the case"
    r"|the (?:present )?authors (?:here(?:in|by) )?(?:report|present|describe)(?:ed|d)?"
    r" (?:(?:a|an|the|two|three|four|five|\d+) )?(?:[\w-]+ ){0,3}?(?:cases?|patients?|wom[ae]n"
    r"|m[ae]n|girls?|boys?|child(?:ren)?|infants?)"
    r"|in (?:a|this|the|our) patient who)\b",
    re.IGNORECASE,
)
"""Words that can only mean this report's patient, whatever the section they stand in (a
case told under an "Introduction" heading); "the authors" with a reporting verb in the present
is the report's own voice as "we" is ("The authors report a case of ..."), when it reports
a case or patient (not "the authors report no conflict of interest")."""


_PATIENT_TOLD = re.compile(
    r"\b(?:the patient|our patient|she|he)\s+(?:(?:also|then|later|subsequently|again|finally"
    r"|initially|still|eventually)\s+)?(?:was|had(?!\s+been\b)|developed|presented"
    r"|complained|noticed|experienced|reported|became|showed|died"
    r"|(?!(?:used|underwent|received)\b)[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
"""One patient as the subject of a verb in the simple past ("the patient developed ...", "she
also had ..."): an event of this report's patient, told the way its narrative tells them
(:mod:`.roles`), whatever the heading above it; patients in general are plural. "Had been"
("she had been taking ...") looks back to before the narrative, and a procedure undergone or
a drug received tells the exposure or the history, not a finding."""


def about_patient(sentence: Sentence, case_report: bool = False) -> bool:
    """True when the sentence reports facts of the case rather than background
    (``case_report``: the text reports cases, see :func:`reports_cases`). A background,
    discussion or conclusion sentence is about the patient when it names this report's
    patient in words that can mean nothing else (:data:`_OWN_PATIENT`) or tells the patient
    as the subject of a past event (:data:`_PATIENT_TOLD`) with no review, advice or study
    cue, and cites no literature."""
    if sentence.section in _GENERIC_SECTIONS:
        text = sentence.text
        own = _OWN_PATIENT.search(text) or (
            _PATIENT_TOLD.search(text) and not general_statement(text)
        )
        return bool(own) and not _LITERATURE.search(text)
    if sentence.section == "title":
        return bool(_TITLE_CAUSE.search(sentence.text))
    if sentence.section in _CASE_SECTIONS or (case_report and sentence.section in _STUDY_SECTIONS):
        # the case itself: only a literature cue makes it background ("no serious adverse
        # events were reported" is about this patient)
        return not _LITERATURE.search(sentence.text)
    if _REVIEW.search(sentence.text) or _GENERIC_PATIENTS.search(sentence.text):
        return False
    return bool(_PATIENT.search(sentence.text))


_ENDS_SENTENCE = re.compile(r"[.!?](?:\[?\d{1,3}(?:[,\u2013-]\d{1,3})*\]?)?$")
"""The end of a running sentence, a citation number after its full stop included."""


def _title_like(sentence: Sentence) -> bool:
    """A line of its own near the top that names a cause: the record's title when page
    furniture or a journal line came first ("Nicolau Livedoid Dermatitis following ...")."""
    return (
        sentence.index <= 8
        and sentence.section is None
        and not _ENDS_SENTENCE.search(sentence.text.rstrip())
        and not _REVIEW.search(sentence.text)
        and len(sentence.text) <= 250
        and bool(_TITLE_CAUSE.search(sentence.text))
    )
