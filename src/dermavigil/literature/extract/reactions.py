"""Reactions: verbatim phrases, HPO codes, onset, body sites, rechallenge recurrence.

A reaction mention is a clinical head noun (necrosis, papules, pain, erythema,
granuloma, vascular occlusion, ...) with the descriptive words before it
("palpable, painful, non-blanchable purplish papules") and coordinated heads
("papules and nodules, accompanied by central, tiny crusted erosions"), found
in patient sentences outside histopathology clauses (those are findings) and
outside outcome clauses ("leaving post-inflammatory hyperpigmentation" is a
sequela). A descriptive adjective outside any noun mention ("a slightly
tender area", "a hypopigmented, atrophic depression") is a mention of its
own, coded by the noun it derives from
(:func:`dermavigil.terminology.coder.finding_adjective`). Negated mentions
are dropped and uncertain ones set aside (:mod:`.negation`). Each verbatim is coded with
:func:`dermavigil.terminology.coder.code_phrase`. Onset: a latency ("three
days after injection", "after 2 weeks", "the next day") or a worded onset
("shortly after the injection") in the mention's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.case import CodedTerm
from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites, treatment_site
from dermavigil.literature.extract.treatment import TREATMENT
from dermavigil.terminology.coder import code_phrase, finding_adjective
from dermavigil.terminology.normalize import normalize

Span = tuple[int, int]

_HEADS = (
    r"(?:skin |tissue |cutaneous |eccrine )?necrosis|papules?|nodules?|erosions?|ulcers?"
    r"|ulcerations?|pain|purpura|erythema|o?edema|swellings?|bumps?|lumps?|granulomas?"
    r"|granulomatous reactions?|patch(?:es)?"
    r"|abscess(?:es)?|pustules?|vesicles?|blisters?|bullae?|urticaria|hives|wheals?|pruritus|itching"
    r"|angioedema|hyperpigmentation|hypopigmentation|discolou?ration|livedo(?: reticularis)?"
    r"|blanching|induration|bruising|ecchymos[ie]s|ha?ematomas?|vasculitis|panniculitis|cellulitis"
    r"|infections?|(?<!hay )(?<!scarlet )(?<!yellow )(?<!dengue )(?<!rheumatic )(?<!typhoid )fever"
    r"|ptosis|diplopia|blindness|(?:vision|visual) loss|loss of vision|dysphagia"
    r"|anaphylaxis|rash(?:es)?|eschars?|crusts?|plaques?|macules?|telangiectasias?|atrophy"
    r"|lipoatrophy|scarring|scars?|tenderness|inflammation|vascular (?:occlusion|compromise)"
    r"|ischa?emia|hypersensitivity reactions?|foreign[- ]body reactions?|tyndall effect"
    r"|(?:muscle )?weakness|dysphonia|headache|dizziness|syncope|dyspnea|dyspnoea|alopecia"
    r"|(?:iatrogenic )?botulism|Nicolau(?:'s)? (?:syndrome|dermatitis)|embolia cutis medicamentosa"
    r"|anaphylactic (?:shock|reaction)|myonecrosis|necroti[sz]ing fasciitis|fasciitis"
    r"|compartment syndrome|paralysis|(?:hemi)?paresis|cyanosis|hypoa?esthesia|convulsions?"
    r"|seizures?|coma|(?:granulomatous )?dermatitis|eruptions?|blistering|transverse myelitis"
    r"|bacter(?:a)?emia|sepsis|flushing|nausea|vomiting|light-headedness|diarrh?o?ea"
    r"|desquamation|gangren\w*|hypersensitivity(?: reactions?)?|allergic reactions?"
    r"|(?:vision|visual) (?:impairment|disturbance)|blurred vision|double vision"
    r"|respiratory distress|(?:cardiac|cardiorespiratory|respiratory) arrest|hypotension"
    r"|(?:decreased|reduced) urine output|oliguria|anuria"
    r"|difficulty (?:in )?(?:swallowing|breathing)"
    r"|dysarthria|rhabdomyolysis|inflammatory reactions?|colou?r (?:alterations?|changes?)"
    r"|whitening|restriction of (?:the )?(?:movements?|motion)"
    r"|burning sensations?|exophthalmos|proptosis|blepharoptosis"
    r"|shortness of breath|hoarseness|malaise|stinging|warmth|masses|collections?|cellulitis"
    r"|(?:vascular|arterial|artery) (?:occlusion|embolism)|embolism|discolou?ration"
    r"|ischemic changes"
    r"|foreign[- ]body (?:granulomas?|reactions?)|granulomatous (?:inflammation|lesions?)"
    r"|granulomatous (?:giant[- ]cell )?reactions?|giant[- ]cell reactions?|bursitis"
    r"|lymphadenopathy|lymphadenitis|(?:BCG )?adenitis|lymph nod(?:e|al) abscess(?:es)?"
    r"|pa?raesthesias?|paresthesias?|numbness|coldness|pallor|mottling"
    r"|livedoid (?:appearance|pattern|changes?|dermatitis)"
    r"|(?:urinary|f[a]?ecal) incontinence|(?:acute )?(?:renal|kidney) (?:failure|injury)"
    r"|(?:decreased|reduced|limited|restricted) range of motion|contractures?"
    r"|Volkmann(?:'s)? (?:syndrome|contracture|ischa?emic contracture)"
    r"|(?:muco)?purulent discharge|suppuration|myalgias?|arthralgias?|fatigue|chills"
    r"|SIRVA|shoulder injury related to vaccine administration"
    r"|Nicolau(?:'s)? livedoid dermatitis|myelitis|redness|mass|allergy|pharyngitis"
    r"|angio-?o?edema|blanch|vascular occlusive events?|ophthalmoplegia|lagophthalmos|strabismus"
    r"|madarosis|enophthalmos|exotropia|(?:(?:central |branch )?retinal|ophthalmic) (?:artery|vein)"
    r" occlusions?|ischa?emic optic neuropathy|visual field (?:defects?|loss)"
)
_NOT_AFTER_HEAD = (
    r"(?!\s+(?:clinic|department|service|unit|cent(?:er|re)|immuni[sz]ation|vaccination"
    r"|spectrometry))"
)
"""A head word naming something else: "the Allergy clinic", "a mass influenza immunization"."""
_MODIFIER = (
    r"red|palpable|painful|tender|non-blanch\w*|blanch\w*|purplish|purple|violaceous|dark|red|reddish"
    r"|erythematous|tiny|small|large|central|crusted|multiple|several|numerous|firm|hard|soft|indurated"
    r"|inflammatory|granulomatous|skin|cutaneous|local|localized|localised|diffuse|extensive"
    r"|delayed(?:-onset)?|late(?:-onset)?|persistent|recurrent|subcutaneous|dermal|foreign-body"
    r"|severe|mild|moderate|bilateral|ha?emorrhagic|necrotic|superficial|deep|pustular|papular"
    r"|nodular|ulcerated|livedoid|reticulated|punctate|blue|bluish|brown|white|warm|swollen|itchy"
    r"|pruritic|allergic|acute|chronic|sterile|fluctuant|visible|sudden|progressive|generalized"
    r"|generalised|injection-site|facial|periorbital|mucosal|widespread|confluent|scattered"
    r"|suppurative|edematous|oedematous|purpuric|mottled|reticular|cyanotic|necroti[sz]ing"
    r"|shotty|exudative|draining|hot|cool|cold|intense|excruciating|marked|massive"
    r"|full-thickness|partial-thickness|geographic|circumscribed|giant|rapidly enlarging"
    r"|enlarging|growing|rapidly growing|immobile|mobile|raised|elevated|atrophic|eroded"
    r"|(?:hyper|hypo)pigmented|ill-defined|well-defined|axillary|cervical|inguinal|regional"
    r"|scaling|scaly"
)
_CONNECT = r"(?:\s*,\s*accompanied by\s+|\s*,?\s+(?:and|or)\s+|\s*,\s*)"
_MOD = rf"(?:{_MODIFIER})(?:-(?:to-)?(?:{_MODIFIER}))*"
_MODS = rf"(?:{_MOD}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s+))*"
_MENTION = re.compile(
    rf"(?<![\w-]){_MODS}(?:{_HEADS})(?![\w-]){_NOT_AFTER_HEAD}"
    rf"(?:{_CONNECT}{_MODS}(?:{_HEADS})(?![\w-]){_NOT_AFTER_HEAD})*",
    re.I,
)
_PREDICATE_ADJ = (
    r"red|reddened|erythematous|swollen|edematous|oedematous|tender|painful|itchy|pruritic"
    r"|violaceous|purple|purplish|bluish|dusky|cyanotic|necrotic|ulcerated|indurated|inflamed"
    r"|blistered|mottled|blanched|ischa?emic"
)
_VERBS = r"swelled(?: up)?|ulcerated|blistered|necrosed|necroti[sz]ed"
_PREDICATE = re.compile(
    rf"\b(?:became|become|becomes|becoming|turned|grew|got|was|were|appeared|remained|looked"
    rf"|felt)\s+(?:(?:very|more|increasingly|markedly|extremely|slightly|mildly|intensely)\s+)?"
    rf"(?P<adj>(?:{_PREDICATE_ADJ})(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
    rf"(?:{_PREDICATE_ADJ}))*)(?![\w-])"
    rf"|\b(?P<verb>{_VERBS})(?=\s*(?:[,.;]|and\b|$))",
    re.I,
)
"""Adjective and verb forms of a reaction: "her face became red and swollen", "was tender
and violaceous", "the nodule ulcerated"."""
_WORD = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w-])")
"""A word standing alone: a descriptive adjective outside any noun mention ("a slightly
tender area", "a hypopigmented depression") is a reaction of its own."""
_NOT_A_REACTION = re.compile(r"\b(?:BCG|vaccination|vaccine)\s+$", re.I)
"""A word that makes the next mention a normal finding ("her BCG vaccination scar")."""
_INDICATION = re.compile(
    r"\b(?:inject\w*|dose|vaccinat\w*|intramuscular\w*|subcutaneous\w*|IM|SC|given|administered)\b"
    r"(?:(?!\b(?:developed|presented|experienced|noticed|concerning|suspicious)\b)[^.;]){0,80}"
    r"\b(?:for|due to|because of|to (?:treat|relieve|manage|prevent)|for (?:the )?(?:treatment"
    r"|management|relief|prevention) of|against)\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
"""The reason for the injection, not its reaction: "an intramuscular injection of diclofenac
in her left buttock due to back pain", "a corticosteroid injection for treatment of lumbar
pain"."""
_KNOWN_COMPLICATIONS = re.compile(
    r"\b(?:complications|adverse (?:reactions|events|effects)|side[- ]effects|risks)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:such as|including|like|e\.g\.,?)\s+"
    r"(?:(?!\b(?:we|here|herein|report\w*|this|our|the patient)\b)[^.;]){0,100}$",
    re.I,
)
_PATIENT_VERB = re.compile(
    r"\b(?:developed|experienced|presented with|had|showed|noticed|complained of|suffered"
    r"|reported)\s+(?:[\w-]+\s+)?$",
    re.I,
)
"""A list of what a product is known to cause ("adverse reactions such as allergy, infection
and foreign body reaction sometimes occur"), not what this patient had (unless the patient
is the subject: "she developed local reactions such as redness")."""
_CO_TRIGGER = re.compile(
    r"\b(?:after|following|triggered by|post)\s+(?:[\w-]+\s+){0,4}(?:vaccinations?|vaccines?"
    r"|injections?|boosters?)\s+(?:and|or|&)\s+(?:(?:a|an|the|viral|recent|COVID-19|SARS-CoV-2)\s+)*$",
    re.I,
)
"""An illness named beside the exposure that set the reaction off: "a filler reaction
following two COVID-19 vaccinations and infection"."""
_CONDITION_OF_PATIENT = re.compile(
    r"\b(?:man|woman|women|male|female|boy|girl|patient|child|infant|lady|gentleman)\s+with\s+"
    r"(?:(?!\b(?:after|following|post|since|due|induced|related|caused|secondary|at|on|in)\b)"
    r"[^.;,])*$",
    re.I,
)
_THEN_REACTION = re.compile(
    r"^(?:(?!\b(?:after|following|post|since|due|induced|related|caused|secondary)\b)[^.;])*?"
    r"\b(?:who\s+(?:then\s+|later\s+|subsequently\s+)?(?:developed|reported|experienced"
    r"|presented|received|underwent)|(?:then\s+|later\s+|subsequently\s+)?(?:presented with"
    r"|developed|experienced))\b",
    re.I,
)
"""A condition the patient already had when the report's events began: "a woman with
cervicogenic headache and cervical dystonia who reported flushing after the injections"."""
_ORGANISM = (
    r"(?:Mycobacterium|Staphylococcus|Streptococcus|Pseudomonas|Escherichia|Klebsiella|Enterobacter"
    r"|Serratia|Cutibacterium|Propionibacterium|Candida|Aspergillus|Nocardia|Clostridium"
    r"|Acinetobacter|Proteus|Enterococcus|[MSEP]\.)\s+[a-z]{4,}(?:\s+(?:complex|group))?"
    r"|(?:atypical\s+|non-?tuberculous\s+)?mycobacteri(?:a|um|al strain)|NTM|MRSA|MSSA"
)
_GROWN = re.compile(
    rf"(?P<a>{_ORGANISM})\b[^.;]{{0,60}}?\b(?:was|were) (?:\w+ly )?(?:identified|isolated|grown"
    rf"|cultured|recovered|detected)\b|(?<![\w-])(?:mycobacterial strain|strain) isolated"
    rf"|\b(?:cultures?|PCR|swabs?)\b[^.;]{{0,40}}?\b(?:grew|yielded|(?:was|were) positive for"
    rf"|revealed|showed|identified)\s+(?:\w+\s+and\s+)?(?P<b>{_ORGANISM})",
    re.I,
)
"""An organism grown or identified from the patient's lesion: the lesion is infected
("Mycobacterium abscessus was identified on skin cultures", "cultures grew S. aureus")."""
_NAMED_INFECTION = re.compile(
    r"\s+(?:bacter(?:a)?emia|sepsis|infections?|abscess(?:es)?|cellulitis|endocarditis"
    r"|osteomyelitis|fasciitis)\b",
    re.I,
)
"""The organism is named with its infection ("Staphylococcus epidermidis bacteremia"), a
reaction of its own."""
_RECURRENCE = re.compile(r"\bsimilar (?:lesions?|reactions?|symptoms?)\b", re.I)
_FINDING_CLAUSE = re.compile(
    r"\b(?:(?:skin |punch |incisional |excisional )?biopsy|histopatholog\w*|histolog\w*|"
    r"patholog\w*|ultrasound|ultrasonography|MRI|magnetic resonance|CT scan|culture|stain(?:s|ing)?"
    r"|HPE)\b",
    re.I,
)
_DIAGNOSED_BY = re.compile(r"\bdiagnosed\s+(?:by|on|with|using)\s+(?:an?\s+|the\s+)?$", re.I)
_OUTCOME_CLAUSE = re.compile(
    r"\b(?:leaving|left (?:behind|an?|with)\b|(?:resolved|healed|healing)(?: \w+ly)? with"
    r"|healed (?:\w+ly )?to leave|resolution with|residual"
    r"|with (?:residual|resultant))\b",
    re.I,
)
_UNIT = r"(?:minute|min|hour|hr|h|day|week|wk|month|mo|year|yr)s?"
_UNITS = {
    "min": "minute", "minute": "minute", "h": "hour", "hr": "hour", "hour": "hour", "day": "day",
    "wk": "week", "week": "week", "mo": "month", "month": "month", "yr": "year", "year": "year",
}  # fmt: skip
_RANGE = r"(?:\s*(?:-|\u2013|to)\s*(?:\d+(?:\.\d+)?))?"
_LATENCY = re.compile(
    rf"(?:(?<![\w-])(?P<n>{NUMBER_WORDS}){_RANGE}[\s-]+(?P<unit>{_UNIT})\s*(?:after|following|post"
    rf"|later)\b(?:[\s-]+(?:the\s+|her\s+|his\s+)?(?:first\s+|initial\s+|last\s+)?(?:injection"
    rf"|procedure|treatment|session|administration|vaccination|dose)s?)?|\b(?:after|within)\s+"
    rf"(?:the\s+first\s+|about\s+|approximately\s+)?(?P<n2>{NUMBER_WORDS}){_RANGE}[\s-]+"
    rf"(?P<unit2>{_UNIT})\b|\b(?:the )?(?P<next>next|following) day\b)",
    re.I,
)
_RESOLUTION = re.compile(
    r"\b(?:resol\w*|heal\w*|improv\w*|recover\w*|regress\w*|subsid\w*|treat\w*|disappear\w*)\b",
    re.I,
)
_ONSET_WORDS = re.compile(
    r"\b(?:shortly|immediately|soon|right|directly)\s+after\s+(?:the\s+|her\s+|his\s+)?"
    r"(?:injection|procedure|treatment|session|administration)s?|within (?:minutes|hours|days)"
    r"|(?:several|a few) (?:days|weeks|months) later|overnight",
    re.I,
)


@dataclass
class ReactionFacts:
    """One reaction with its evidence spans (keys: verbatim, onset, body_sites)."""

    verbatim: str
    codes: list[CodedTerm]
    sentence: int
    onset_latency: Duration | None = None
    onset_text: str | None = None
    body_sites: list[str] = field(default_factory=list)
    at_rechallenge: bool = False
    spans: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def lesion(self) -> bool:
        """A visible lesion (not pain, itch or a systemic symptom)."""
        return not re.fullmatch(
            r"(?:\w+ )*(?:pain|itching|pruritus|fever|tenderness|headache|dizziness|weakness)",
            self.verbatim.lower(),
        )


@dataclass
class Excluded:
    """A reaction mention set aside: negated or uncertain."""

    text: str
    span: Span
    status: Assertion


def _latency(sentence: Sentence) -> tuple[Duration | None, str | None, Span | None]:
    match = _LATENCY.search(sentence.text)
    if match and match.group("n2") and _RESOLUTION.search(sentence.text[: match.start()][-40:]):
        match = None  # "resolved after 6 weeks" is a time to recovery, not an onset
    if match:
        span = (sentence.start + match.start(), sentence.start + match.end())
        if match.group("next"):
            return Duration(value=1, unit=TimeUnit.day), match.group(0).lower(), span
        value = number_value(match.group("n") or match.group("n2") or "")
        unit = _UNITS[(match.group("unit") or match.group("unit2")).lower().rstrip("s") or "h"]
        if value is not None:
            return Duration(value=value, unit=TimeUnit(unit)), match.group(0).lower(), span
    words = _ONSET_WORDS.search(sentence.text)
    if words:
        span = (sentence.start + words.start(), sentence.start + words.end())
        return None, words.group(0).lower(), span
    return None, None, None


_DIAGNOSIS_OF_TEST = re.compile(
    r"\b(?:consistent with|compatible with|diagnostic of|in keeping with|confirm(?:ed|ing) the"
    r" diagnosis of)\s+",
    re.I,
)
"""What a test's result is read as: the report's diagnosis ("... giant cells surrounding cystic
spaces consistent with foreign body granuloma")."""


_RESULT_VERB = re.compile(
    r"\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|disclosed|confirmed|identified"
    r"|found|included|showing|revealing|demonstrating|consistent with|compatible with|positive for"
    r"|grew|yielded|consisted|composed|shown|proven|proved|presented|exhibited|displayed"
    r"|contained)\b|:\s",
    re.I,
)
"""A test's result follows: "the biopsy showed ...". A test only named ("management involved
wound care, biopsy, and cultures with antibiotics to control superadded infection") opens no
finding clause."""


def _clauses(sentence: Sentence) -> str:
    """The sentence text with finding and outcome clauses blanked (same length); the
    diagnosis a finding clause concludes with stays."""
    text = sentence.text
    for pattern in (_FINDING_CLAUSE, _OUTCOME_CLAUSE):
        match = pattern.search(text)
        if match and pattern is _FINDING_CLAUSE and _DIAGNOSED_BY.search(text[: match.start()]):
            continue  # "was diagnosed by MRI with subdeltoid bursitis": the diagnosis follows
        if match and pattern is _FINDING_CLAUSE and not _RESULT_VERB.search(text, match.end()):
            continue
        if match:
            diagnosis = None
            if pattern is _FINDING_CLAUSE:
                diagnosis = _DIAGNOSIS_OF_TEST.search(text, match.end())
            keep = diagnosis.end() if diagnosis else len(text)
            text = text[: match.start()] + " " * (keep - match.start()) + text[keep:]
    return text


def reaction_abbreviations(text: str) -> dict[str, tuple[str, Span]]:
    """Short forms defined in the text whose long form is a reaction: "compartment syndrome
    (CS)" -> {"CS": ("compartment syndrome", span)}. The long form is found as in Schwartz AS,
    Hearst MA (2003), "A simple algorithm for identifying abbreviation definitions in
    biomedical text", Pac Symp Biocomput 8:451-462: the short form's characters matched right
    to left in the words before the parenthesis, its first character at a word start."""
    found: dict[str, tuple[str, Span]] = {}
    for match in _SHORT_FORM.finditer(text):
        short = match.group("short")
        words = _WORDS_BEFORE.search(text, max(0, match.start() - 120), match.start())
        if words is None or short in found:
            continue
        before = words.group(0)
        long = _long_form(short, before)
        if long and _MENTION.fullmatch(long):
            start = words.start() + len(before.rstrip()) - len(long)
            found[short] = (long, (start, start + len(long)))
    return found


_SHORT_FORM = re.compile(r"\((?P<short>[A-Z][A-Za-z]{1,5})\)")
_WORDS_BEFORE = re.compile(r"(?:[\w'-]+\s+){1,7}$")


def _long_form(short: str, before: str) -> str | None:
    text = before.rstrip()
    s, i = len(short) - 1, len(text) - 1
    while s >= 0:
        char = short[s].lower()
        while i >= 0 and (text[i].lower() != char or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    space = max(text.rfind(c, 0, i + 1) for c in " \n\t")
    return text[space + 1 :]


def find_reactions(
    patient: list[Sentence],
    rechallenge: set[int],
    defined: dict[str, tuple[str, Span]] | None = None,
) -> tuple[list[ReactionFacts], list[Excluded]]:
    """Reactions of the patient sentences (merged by code set) and the mentions set aside.

    ``defined`` (from :func:`reaction_abbreviations`) lets a short form stand for its reaction ("he
    was found to have acute ischaemia and CS"): the verbatim is the long form, the evidence
    both the short form and its definition."""
    reactions: list[ReactionFacts] = []
    excluded: list[Excluded] = []
    before = _before_exposure(patient)
    for sentence in patient:
        text = _clauses(sentence)
        if sentence.index in before:
            for mention, start, end in _mentions(text, defined or {}):
                span = _shift(sentence, (start, end))
                excluded.append(Excluded(mention.strip(" ,"), span, Assertion.historical))
            continue
        latency, onset_text, onset_span = _latency(sentence)
        sites = [
            s
            for s in find_sites(sentence.text)
            if s[0] != "injection site" and not treatment_site(sentence.text, s[2], s[1])
        ]
        if sentence.index in rechallenge:
            recurrence = _RECURRENCE.search(text)
            if recurrence:
                reaction = ReactionFacts(
                    verbatim=recurrence.group(0).lower(),
                    codes=[],
                    sentence=sentence.index,
                    at_rechallenge=True,
                    spans={"verbatim": [_shift(sentence, recurrence.span())]},
                )
                reactions.append(reaction)
                continue
        grown = _GROWN.search(sentence.text)
        group = ("a" if grown.group("a") else "b" if grown.group("b") else 0) if grown else 0
        if (
            grown
            and assertion(sentence.text, grown.start(), grown.end()) is Assertion.present
            and not _NAMED_INFECTION.match(sentence.text, grown.end(group))
        ):
            reactions.append(
                ReactionFacts(
                    verbatim=grown.group(group),
                    codes=code_phrase("infection"),
                    sentence=sentence.index,
                    spans={"verbatim": [_shift(sentence, grown.span(group))]},
                )
            )
        for mention, start, end in _mentions(text, defined or {}):
            verbatim = _decapitalise(mention.strip(" ,"), sentence, start)
            span = _shift(sentence, (start, end))
            status = assertion(sentence.text, start, end)
            known = {c.code for r in reactions for c in r.codes}
            if status is Assertion.present:
                status = _pre_existing(text, start, end, known) or status
            if status is not Assertion.present or _NOT_A_REACTION.search(text[:start]):
                excluded.append(Excluded(verbatim, span, status))
                continue
            spans = [span]
            if text[start:end] != mention and defined and text[start:end] in defined:
                spans.append(defined[text[start:end]][1])
            reaction = ReactionFacts(
                verbatim=verbatim,
                codes=code_phrase(verbatim),
                sentence=sentence.index,
                spans={"verbatim": spans},
                body_sites=[s[0] for s in sites],
            )
            if sites:
                reaction.spans["body_sites"] = [_shift(sentence, (s[1], s[2])) for s in sites]
            if onset_span:
                reaction.onset_latency, reaction.onset_text = latency, onset_text
                reaction.spans["onset"] = [onset_span]
            reactions.append(reaction)
    return _merge(reactions), excluded


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


def _before_exposure(patient: list[Sentence]) -> set[int]:
    """Indexes of the case sentences told before the exposure sentence, which say what the
    patient had before the injection (the complaint it was given for): only when a sentence
    gives the exposure and then what followed it, and for sentences that do not themselves
    speak of an injection or of something after it."""
    exposure = next((s.index for s in patient if _EXPOSURE_THEN.search(s.text)), None)
    if exposure is None:
        return set()
    return {
        s.index
        for s in patient
        if s.index < exposure and s.section != "title" and not _AFTER_EXPOSURE.search(s.text)
    }


def _pre_existing(
    text: str, start: int, end: int, known: set[str] | None = None
) -> Assertion | None:
    """``historical`` when the mention is the injection's indication, a condition the patient
    had before or an illness beside the exposure; ``hypothetical`` when it is in a list of
    what the product is known to cause; else None.

    An injection "for" a reaction already told (``known``: the codes of the reactions found
    so far, "hyaluronidase injections for the vascular occlusion"), or an injection of a
    treatment "for" something ("was given intramuscular epinephrine for anaphylaxis"),
    treats the reaction: that mention stays a reaction."""
    before = text[max(0, start - 160) : start]
    indication = _INDICATION.search(before)
    treats = indication is not None and (
        bool({c.code for c in code_phrase(text[start:end])} & (known or set()))
        or bool(
            re.match(r"given|administered", indication.group(0), re.I)
            and TREATMENT.search(indication.group(0))
        )
    )
    if indication and not treats:
        return Assertion.historical
    if _CO_TRIGGER.search(before):
        return Assertion.historical
    listed = _KNOWN_COMPLICATIONS.search(before)
    if listed and not _PATIENT_VERB.search(before[: listed.start()]):
        return Assertion.hypothetical
    if _CONDITION_OF_PATIENT.search(before) and _THEN_REACTION.search(text[end:]):
        return Assertion.historical
    return None


def _mentions(text: str, defined: dict[str, tuple[str, Span]]) -> list[tuple[str, int, int]]:
    """Noun mentions, the adjective and verb forms no noun mention covers, and short forms of
    reactions defined in the text (the long form in place of the short one)."""
    found = [(m.group(0), m.start(), m.end()) for m in _MENTION.finditer(text)]
    for short, (long, _span) in defined.items():
        for match in re.finditer(rf"(?<![\w(-]){re.escape(short)}(?![\w)-])", text):
            if all(match.end() <= s or match.start() >= e for _, s, e in found):
                found.append((long, match.start(), match.end()))
    for match in _PREDICATE.finditer(text):
        group = "adj" if match.group("adj") else "verb"
        start, end = match.span(group)
        if any(end > s and start < e for _, s, e in found):
            continue
        # each adjective is its own mention: "tender and violaceous" -> tender, violaceous
        for word in re.finditer(rf"(?:{_PREDICATE_ADJ}|{_VERBS})(?![\w-])", text[start:end], re.I):
            found.append((word.group(0), start + word.start(), start + word.end()))
    for match in _WORD.finditer(text):
        if finding_adjective(match.group(0)) and not any(
            match.end() > s and match.start() < e for _, s, e in found
        ):
            found.append((match.group(0), match.start(), match.end()))
    return sorted(found, key=lambda f: f[1])


def _decapitalise(verbatim: str, sentence: Sentence, start: int) -> str:
    """Lower-case a sentence-initial capital ("Skin necrosis" -> "skin necrosis")."""
    if sentence.text[:start].strip() == "" and verbatim[1:2].islower():
        return verbatim[0].lower() + verbatim[1:]
    return verbatim


def _shift(sentence: Sentence, span: tuple[int, int]) -> Span:
    return sentence.start + span[0], sentence.start + span[1]


def _key(reaction: ReactionFacts) -> object:
    if reaction.at_rechallenge:
        return ("rechallenge", reaction.sentence)
    if reaction.codes:
        return frozenset(c.code for c in reaction.codes)
    return normalize(reaction.verbatim)


def _merge(reactions: list[ReactionFacts]) -> list[ReactionFacts]:
    merged: dict[object, ReactionFacts] = {}
    for reaction in reactions:
        key = _key(reaction)
        if key not in merged:
            merged[key] = reaction
            continue
        kept = merged[key]
        kept.spans.setdefault("verbatim", []).extend(reaction.spans.get("verbatim", []))
        for site, span in zip(
            reaction.body_sites, reaction.spans.get("body_sites", []), strict=True
        ):
            if site not in kept.body_sites:
                kept.body_sites.append(site)
                kept.spans.setdefault("body_sites", []).append(span)
        if kept.onset_text is None and reaction.onset_text is not None:
            kept.onset_latency, kept.onset_text = reaction.onset_latency, reaction.onset_text
            kept.spans["onset"] = reaction.spans.get("onset", [])
    return list(merged.values())
