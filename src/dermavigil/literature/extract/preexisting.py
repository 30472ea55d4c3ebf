"""Mentions that are not this patient's reaction: the injection's indication, a condition
the patient already had, an illness beside the exposure, a list of known complications.

ConText's temporality value (Harkema et al. 2009, J Biomed Inform
42(5):839-851) read from the case's own wordings: "an injection of
diclofenac ... due to back pain" (the indication), "a woman with cervical
dystonia who reported flushing after the injections" (a condition before),
"a filler reaction following two vaccinations and infection" (a co-trigger),
"adverse reactions such as allergy and infection sometimes occur" (what the
product is known to cause), and the case sentences told before the exposure
sentence (:func:`before_exposure`). The title's grammar and the statements about no one are
read in :mod:`~dermavigil.literature.extract.preexisting_title`.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.exposure_order import before_given
from dermavigil.literature.extract.negation import Assertion
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment_names import TREATMENT
from dermavigil.terminology.coder import code_phrase

LISTED = (
    r"(?:(?!(?:developed|presented|presenting|experienced|noticed|complained|showed|had|has|was"
    r"|were|who|which|that|after|following|leading|resulting|causing|requiring|to|but|then|when"
    r"|while|because|without|until|since|years?|months?|weeks?|days?|hours?)\b)"
    r"(?![\w-]*(?:induced|related|caused)\b)"
    r"(?:[\w-]+(?:['\u2019]s)?|\([^()]{1,40}\))(?:\s*,\s*(?:and\s+|or\s+)?|\s+))"
)
"""A word of a list of conditions ("blepharospasm, hemifacial spasm, and eyelid
fasciculations", "cervical dystonia (one case) and symptomatic hemidystonia", an eponym's
possessive: "de Quervain's tenosynovitis"), up to a verb or a clause that goes on to the case."""
NOT_A_REACTION = re.compile(r"\b(?:BCG|vaccination|vaccine|insertion)\s+$", re.I)
"""A word that makes the next mention a normal finding ("her BCG vaccination scar", an implant's
"insertion scar": a landmark of the procedure)."""
NAMES_AN_INSTRUMENT = re.compile(
    r"(?:\s+[A-Z][\w-]*)*\s+(?i:scales?|scores?|index(?! fingers?)|criteria|questionnaires?"
    r"|ratios?|groups?|society|classification|inventory)\b"
    r"|\s+(?i:screen(?:ing)?s?|work-?ups?|panels?)\b"
    r"|(?:\s+(?!(?:an?|the|as|is|was|are|were|and|or|of|in|to|be|been|with|by|for)\b)[a-z][\w-]*)"
    r"{0,2}\s+(?i:factors?)\b"
)
"""The head noun of a measure, a set of criteria, a test or a body a mention modifies, right
after it or after the capitalised words of its name ("the Hyperhidrosis Disease Severity
Scale", "an NIH stroke score of 11", "International Contact Dermatitis Research Group
criteria", "adjusted odds ratio", "a thrombophilia screen", "allergy work-ups"), or the factor
it names with up to two words between ("anti-tumour necrosis factor", "risk factors"): the
mention names the instrument, the test or the molecule (the head of an English compound is its
last noun), not the patient's reaction."""
_INDICATION = re.compile(
    r"\b(?:inject\w*|injec-|dose|vaccinat\w*|intramuscular\w*|subcutaneous\w*|IM|SC|given"
    r"|administered|administration|received|receiving|undergoing|treated|treatment with|taking"
    r"|taken|took|using)\b"
    r"(?:(?!\b(?:developed|presented|experienced|noticed|concerning|suspicious)\b)[^.;]){0,80}"
    r"\b(?:for|due to|because of|to (?:treat|relieve|manage|prevent|control)"
    r"|(?:for|in) (?:the )?(?:treatment|management|relief|prevention) of|against)\s+"
    rf"{LISTED}{{0,6}}$",
    re.I,
)
"""The reason for the injection, not its reaction: "an intramuscular injection of diclofenac
in her left buttock due to back pain", "a corticosteroid injection for treatment of lumbar
pain"."""
_CAME_FOR = re.compile(
    r"\b(?:presented|came|attended|scheduled|appointment)\b(?:\s+[\w-]+){0,8}?"
    r"\s+for\s+(?:(?:an?|the|her|his|their|elective|routine|planned|further)\s+)*"
    r"(?:[\w-]+\s+)?(?:treatments?|\w*therap(?:y|ies)|injections?|management)\s+(?:of|for)\s+"
    rf"{LISTED}{{0,6}}$",
    re.I,
)
"""The condition a patient came to have treated ("presented for treatment of a keloid", "an
appointment for elective sclerotherapy treatment of her varicose veins"): the planned
treatment's indication, unless a cause follows it anywhere in the sentence ("presented for
management of necrosis after a filler", "for treatment of plaques that developed a year after
injections": the reaction that brought the patient). A referral "for treatment of" a lesion
is what went wrong, the reaction the patient was sent with, not a planned treatment."""
_CAUSE_LATER = re.compile(
    r"\b(?:after|following|induced|caused|secondary|post|related|resulting|due to|complicating)\b",
    re.I,
)
_KNOWN_COMPLICATIONS = re.compile(
    r"\b(?:complications|(?:adverse|skin|cutaneous|local) (?:reactions|events|effects)"
    r"|side[- ]effects|risks)\s+(?:(?:[\w-]+\s+){0,3}?"
    r"|(?:(?:are|were)\s+)?(?:associated with|linked to|attributed to)\s[^.;]{0,60}?[\s,])"
    r"(?:such as|including|like|e\.g\.,?|include|includes)\s+"
    r"(?:(?!\b(?:we|here|herein|report\w*|this|our|the patient)\b)[^.;]){0,100}$",
    re.I,
)
_PATIENT_VERB = re.compile(
    r"\b(?:developed|experienced|presented with|had|showed|noticed|complained of|suffered"
    r"|reported)\s+(?:[\w-]+\s+)?$",
    re.I,
)
"""A list of what a product is known to cause ("adverse reactions such as allergy, infection
and foreign body reaction sometimes occur", "adverse events associated with the pellets include
acne and hirsutism", "skin reactions were associated with the drug, including rash"), not what
this patient had (unless the patient is the subject: "she developed local reactions such as
redness")."""
_CO_TRIGGER = re.compile(
    r"\b(?:after|following|triggered by|post)\s+(?:[\w-]+\s+){0,4}(?:vaccinations?|vaccines?"
    r"|injections?|boosters?)\s+(?:and|or|&)\s+(?:(?:a|an|the|viral|recent|COVID-19|SARS-CoV-2)\s+)*$",
    re.I,
)
"""An illness named beside the exposure that set the reaction off: "a filler reaction
following two COVID-19 vaccinations and infection"."""
_CONDITION_OF_PATIENT = re.compile(
    r"\b(?:m[ae]n|wom[ae]n|males?|females?|boys?|girls?|patients?|child(?:ren)?|infants?|lady"
    r"|gentleman)"
    # an age after the noun ("children aged 3 years or older with", "patients younger than 21
    # years of age diagnosed with")
    r"(?:\s+(?:aged|younger than|older than|under|over)\s+(?:(?!\b(?:presented|presenting"
    r"|developed|was|were|had|has|who|which|that|received|underwent|complained|experienced"
    r"|noticed|reported|suffered)\b)[^.;,()]){1,30}?)?"
    r"(?:\s+with|,?\s+suffering from|,?\s+(?:(?:who|that) (?:was|had been) )?diagnosed with)\s+"
    r"(?:(?!\b(?:after|following|post|since|due|induced|related|caused|secondary|at|on|in"
    r"|was|were|had|presented|developed|admitted|complained|noticed|reported|experienced"
    r"|suffered|showed|underwent|received|who|which)\b)"
    r"[^.;,]|,(?!\s*(?:who|which|and then|then)\b))*$",
    re.I,
)
_ADMITTED_FOR = re.compile(
    r"\b(?:hospitali[sz]ed|admitted)(?: to [\w ]{3,30}?)? (?:for|with|because of|due to)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.I,
)
_THEN_EXPOSED = re.compile(
    r"^(?:(?!\b(?:after|following|post|since|due|induced|caused|secondary)\b)[^.;])*?"
    r"\b(?:(?:was|were) (?:given|administered|injected|vaccinated)|received)\b"
    r"(?P<given>[^.;]{0,60})",
    re.I,
)
"""A patient admitted for an illness and then given the exposure: "a woman hospitalized for
pneumonia was given an intramuscular injection of ceftriaxone" (not "admitted with
anaphylaxis and given epinephrine", a treatment)."""
_USED_FOR = re.compile(
    r"\b(?:used|indicated|approved|licensed|prescribed)\s+(?:to (?:him|her|them)\s+)?"
    r"(?:(?:to treat|to manage|for|in)"
    r"(?: the (?:treatment|management) of)?)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
"""What a product is used for ("kanamycin, which is used to treat multidrug-resistant
tuberculosis", "indicated for the treatment of"): its indication, not a reaction."""
_FOUND = re.compile(
    r"\b(?:revealed|showed|found|demonstrated|disclosed|noted|observed|exhibited|examined"
    r"|examination|presented as)\b",
    re.I,
)
"""What an examination found in a patient ("the examination revealed a patient with
tachycardia"): the sign is the case's, not a condition the patient had."""
_THEN_REACTION = re.compile(
    r"^(?:(?!\b(?:after|following|post|since|due|induced|related|caused|secondary)\b)[^.;])*?"
    r"\b(?:who\s+(?:then\s+|later\s+|subsequently\s+)?(?:developed|reported|experienced"
    r"|presented|received|underwent)|(?<!that )(?<!which )(?:then\s+|later\s+|subsequently\s+)?"
    r"(?:presented with|developed|experienced"
    r"|presented(?!\s+(?:to|at|in|on|for|as|after|following|with|by|from|\d)\b)))\b",
    re.I,
)
"""A condition the patient already had when the report's events began: "a woman with
cervicogenic headache and cervical dystonia who reported flushing after the injections";
"presented" with its object and no "with" ("two patients with renal failure presented skin
lesions after ...") goes on to the case as "presented with" does; not the condition that
itself developed ("a woman with a buccal silicone granuloma that
developed following a dental infection": the granuloma is the event)."""


_EXPOSURE_THEN = re.compile(
    r"\b(?:was|were) (?:given|administered|injected)\b"
    r"(?:(?!\b(?:earlier|before|ago|previously|prior)\b)[^.;])*\b(?:subsequently|then|afterwards"
    r"|thereafter|shortly after(?:wards)?)\s+(?:developed|experienced|noticed|presented)\b",
    re.I,
)
"""The sentence that gives the exposure and what followed it: "He was given an intramuscular
injection of benzathine penicillin and subsequently developed arm pain"."""
_AFTER_EXPOSURE = re.compile(
    r"\b(?:after|following|post|since)\b|\binject\w*|\bvaccin\w*|\bprocedure", re.I
)


_HISTORY_LIST = re.compile(
    r"\b(?:(?:past|previous|prior|personal|known)\s+(?:medical\s+)?history|medical history"
    r"|co-?morbidities|(?:a\s+)?known\s+case)\s*(?:of|was\s+(?:\w+\s+)?(?:for|of)|includ\w*|:|(?:notable|significant"
    r"|remarkable)\s+for)\s(?:(?!\b(?:presented|developed|was|were|who|which|after|following"
    r"|underwent|received|noticed|complained|came|experienced|reported|then)\b)[^.;])*$",
    re.I,
)
"""A list of what the patient's medical history holds ("a past medical history of asthma,
food and latex allergy, constipation"), up to a verb that goes on to the case; read over the
400 characters before a mention, as such lists run long (conditions with their short forms and
what each required)."""
_CHRONIC_BEFORE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|ten|twenty|thirty)[- ](?:years?|yrs?)[- ](?:long\s+)?history"
    r"\s+of\s+(?:[\w-]+\s+){0,3}$|\bin the setting of\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_CHRONIC_AFTER = re.compile(
    r"^\s+(?:(?:for|since)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|[a-z]+)\s+years\b"
    r"|(?:diagnosed\s+)?(?:in|since)\s+(?:19|20)\d\d\b)",
    re.I,
)
"""A condition of years ("a 30-year history of rheumatoid arthritis", "type 2 diabetes for 18
years", "diabetes mellitus in 1986", "teriparatide in the setting of severe osteoporosis"):
one the patient had before the events, named by the HPO index alone."""


_TREATED_FOR = re.compile(
    r"\b(?:during|under|in)\s+(?:the\s+|(?:his|her|their)\s+)?(?:treatment|therapy"
    rf"|management)\s+(?:of|for)\s+{LISTED}{{0,4}}$",
    re.I,
)
"""The condition a course of treatment was for, with no injection verb before it ("pustular
lesions that appeared during the treatment of eczema with a biologic"): its indication; not
"(referred) for treatment of", said of the reaction a patient came with."""
_POPULATION_BEFORE = re.compile(r"\b(?:in|among)\s+(?:[\w-]+\s+){0,2}$", re.I)
_POPULATION_AFTER = re.compile(r"\s+(?:patients|subjects|sufferers|populations?)\b", re.I)
"""A condition that names the population a product is given to ("joint injections in gout
patients", "among elderly asthma subjects"): the attribute of the group, not its reaction."""
_COURSE_WORD = re.compile(r"\s*(?:unresponsive|refractory|resistant)\s+to\b", re.I)
"""A word that tells how a condition answered its treatment ("swelling unresponsive to
antibiotics"), not an event of its own ("unresponsiveness" is a state of consciousness)."""
_DIFFERENTIAL = re.compile(
    r"\b(?:differentials?|differential\s+diagnos[ie]s|concern\s+was\s+for|considered\s+diagnoses"
    r"|diagnoses\s+considered|misdiagnosed\s+as|mistaken\s+for)\b(?:(?!\b(?:confirmed|revealed|showed|demonstrated|consistent"
    r"|diagnosed|established|final)\b)[^.;]){0,150}$",
    re.I,
)
"""A diagnosis weighed and not yet made ("the differential included a foreign-body reaction,
sarcoidosis and lymphoma", "clinical concern was for a cyst", "it may be misdiagnosed as an
infection"): ConText's hypothetical value, no
reaction of the patient until a finding confirms it (told in its own clause)."""


def before_exposure(patient: list[Sentence]) -> set[int]:
    """Indexes of the case sentences told before the exposure sentence, which say what the
    patient had before the injection (the complaint it was given for): only when a sentence
    gives the exposure and then what followed it, and for sentences that do not themselves
    speak of an injection or of something after it; else those a chronological narrative
    tells before its exposure (:func:`~.exposure_order.before_given`)."""
    exposure = next((s.index for s in patient if _EXPOSURE_THEN.search(s.text)), None)
    if exposure is None:
        return before_given(patient)  # a chronological narrative (:mod:`.exposure_order`)
    return {
        s.index
        for s in patient
        if s.index < exposure and s.section != "title" and not _AFTER_EXPOSURE.search(s.text)
    }


_INFECTION = re.compile(r"infections?", re.I)
_ILLNESS_BEFORE = re.compile(
    r"\b(?:COVID(?:-19)?|SARS-CoV-2|(?:novel )?corona ?virus|viral|virus|respiratory(?: tract)?"
    r"|influenza|flu|urinary(?: tract)?|dental|sinus|throat|ear|chest)\s+$",
    re.I,
)
_ILLNESS_WITHIN = re.compile(
    r"\b(?:COVID(?:-19)?|SARS-CoV-2|(?:novel )?corona ?virus|viral|virus|respiratory(?: tract)?"
    r"|influenza|flu|intercurrent|concurrent)\s+(?:[\w-]+\s+)?$",
    re.I,
)
"""A virus or an intercurrent course among the mention's own words ("concurrent viral
infections", "transient respiratory infections"): the illness beside the exposure."""
_ILLNESS_AFTER = re.compile(
    r"^\s+(?:with|by|due to|from)\s+(?:the\s+|a\s+)?(?:SARS|COVID|(?:novel )?corona|influenza"
    r"|virus|viral)",
    re.I,
)


def _intercurrent(text: str, start: int, end: int) -> bool:
    """An infection named by its virus or organ ("COVID-19 infection", "infection with
    SARS-CoV-2", "a respiratory infection"), or with a virus or an intercurrent course among
    its own words (:data:`_ILLNESS_WITHIN`): an illness of the patient beside the exposure,
    not an infection of the injection site."""
    infection = _INFECTION.search(text, start, end)
    return bool(
        infection
        and (
            _ILLNESS_BEFORE.search(text[max(0, start - 40) : start])
            or _ILLNESS_WITHIN.search(text[start : infection.start()])
            or _ILLNESS_AFTER.match(text[end:])
        )
    )


_CAUSE_AFTER = re.compile(
    r"(?:(?!\b(?:who|which|that|developed|presented|reported|experienced|received|underwent"
    r"|was|were|had|has|have)\b)[^.;]){0,80}?\b(?:after|following|induced|caused|secondary"
    r"|post|related|resulting|complicating|at the (?:injection|vaccination|puncture) site)\b",
    re.I,
)
"""A cause told after a condition ("a woman with necrotizing fasciitis following an
intramuscular injection", "a woman with respiratory failure and petechiae after an illegal
procedure"), before any verb of the case: the condition is the event, not one the patient
had."""


_RELIEVED_BEFORE = re.compile(
    r"\b(?:reliev(?:e|es|ed|ing)|relief of|alleviat(?:e|es|ed|ing))\s+(?:(?:the|her|his|their"
    r"|its|this|(?:the )?patient['\u2019]s)\s+)?$",
    re.I,
)
_RELIEF_AFTER = re.compile(r"\s+relief\b", re.I)
"""A symptom named as what a treatment relieved ("90% pain relief one week after the
injection", "the treatment relieved the pain", "to relieve her pain, she was given ..."): the
effect of a treatment on what it was given for, not an event of its own (a reaction it
relieved is told where it began)."""


def named_condition(text: str, start: int, end: int, named: bool) -> bool:
    """A mention that names a disease as a whole index name (``named``: "cerebral palsy",
    "congenital hydrocephalus") with no cause told right after it: a "patient with" it had
    it before the events, like a condition the HPO index alone found (:func:`pre_existing`,
    ``condition``)."""
    return named and not _CAUSE_AFTER.match(text, end)


def _known(text: str, start: int, end: int, known: set[str] | None) -> bool:
    """The mention codes a reaction already told (what a treatment "for" it treats)."""
    return bool({c.code for c in code_phrase(text[start:end])} & (known or set()))


def pre_existing(
    text: str, start: int, end: int, known: set[str] | None = None, condition: bool = False
) -> Assertion | None:
    """``historical`` when the mention is the injection's indication (a course of treatment
    "of" it, the population "in X patients" given the product, a condition "refractory to"
    earlier treatment), a condition the patient had before, an illness beside the exposure or
    a symptom a treatment relieved; ``hypothetical`` when it is in a list of what the product
    is known to cause or of the diagnoses weighed (:data:`_DIFFERENTIAL`); else None.

    An injection "for" a reaction already told (``known``: the codes of the reactions found
    so far, "hyaluronidase injections for the vascular occlusion"), or an injection of a
    treatment "for" something ("was given intramuscular epinephrine for anaphylaxis"),
    treats the reaction: that mention stays a reaction.

    ``condition``: the mention is a named condition no clinical head noun of the reaction
    finder covers (found by the HPO index alone: "asthma", "hypertension"); a patient "with"
    it has it before the events even when the sentence does not go on to the reaction ("a
    woman with allergic rhinoconjunctivitis and asthma had received monthly injections"), when
    no examination found it (:data:`_FOUND`: "the examination revealed a patient with
    tachycardia" tells a sign; "a patient with asthma whose complaints were not controlled"
    does not)."""
    before = text[max(0, start - 160) : start]
    if _RELIEVED_BEFORE.search(before) or _RELIEF_AFTER.match(text, end):
        return Assertion.historical
    indication = _INDICATION.search(before)
    treats = indication is not None and (
        _known(text, start, end, known)
        or bool(
            re.match(r"given|administered", indication.group(0), re.I)
            and TREATMENT.search(indication.group(0))
        )
    )
    if (indication and not treats) or _USED_FOR.search(before):
        return Assertion.historical
    if (
        _CAME_FOR.search(before)
        and not _known(text, start, end, known)
        and not _CAUSE_LATER.search(text, end)
    ):
        return Assertion.historical
    if _TREATED_FOR.search(before) and not treats and not _known(text, start, end, known):
        return Assertion.historical
    if _POPULATION_BEFORE.search(before) and _POPULATION_AFTER.match(text, end):
        return Assertion.historical
    if _COURSE_WORD.match(text, start):
        return Assertion.historical
    exposed = _THEN_EXPOSED.match(text[end:]) if _ADMITTED_FOR.search(before) else None
    if exposed and not TREATMENT.search(exposed.group("given")):
        return Assertion.historical
    if _CO_TRIGGER.search(before) or _intercurrent(text, start, end):
        return Assertion.historical
    if _HISTORY_LIST.search(text[max(0, start - 400) : start]) or (
        condition and (_CHRONIC_BEFORE.search(before) or _CHRONIC_AFTER.match(text, end))
    ):
        return Assertion.historical
    if _DIFFERENTIAL.search(before):
        return Assertion.hypothetical
    listed = _KNOWN_COMPLICATIONS.search(before)
    if listed and not _PATIENT_VERB.search(before[: listed.start()]):
        return Assertion.hypothetical
    patient_with = _CONDITION_OF_PATIENT.search(before)
    if patient_with and (
        _THEN_REACTION.search(text[end:])
        or (
            condition
            and not _FOUND.search(before[: patient_with.start()])
            and not _CAUSE_AFTER.match(text, end)
        )
    ):
        return Assertion.historical
    return None
