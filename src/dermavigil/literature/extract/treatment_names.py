"""The names of treatments: a lexicon of the treatments of injection complications.

Corticosteroids, hyaluronidase, antibiotics, antihistamines, anticoagulants and
vasodilators, hyperbaric oxygen, surgery (the surgical release of a contracture too), laser and
wound care (:data:`TREATMENT`), a
procedure told by its verb ("the abscess was then drained": :data:`PROCEDURE_VERBS`), and
names broken across a PDF line end (:func:`joined_names`). :mod:`.treatment` finds them in
the case sentences; the product finders use :data:`TREATMENT` to tell a treatment from a
suspect.
"""

from __future__ import annotations

import re

from dermavigil.terminology.drugs import drug_names

PHYSICAL_MEASURES = (
    r"heating|(?:re)?warming(?: of the [a-z]+)?|(?:warm|hot|cold) (?:water )?(?:soaks?|baths?)"
    r"|(?:warm|hot) water|(?:warm|hot|cold|cool|ice) pads?"
    r"|(?:cold|ice|warm|hot) packs?(?![\s-]+tests?)|(?:limb|arm|leg|hand|foot) elevation"
    r"|elevation of the (?:affected )?(?:limb|arm|leg|hand|foot|extremity)"
    r"|(?:gradient |graduated )?compression (?:stockings?|garments?|bandag\w+|therapy)"
    r"|orthos[ie]s|splint(?:s|ing)|(?:ocular )?lubrication|artificial tears"
    r"|acupuncture|moxibustion|herbal medicines?"
    r"|(?:rapid )?(?:de|hypo)sensiti[sz]ation(?! to\b)"
    r"|heparini[sz]ation|(?:isovol[a]?emic )?ha?emodilution|fluid replacement"
    r"|(?:intravenous |IV |oral )(?:re)?hydration|rehydration"
    r"|vacuum[- ]assisted closure|negative[- ]pressure wound therapy|(?-i:VAC)(?: dressings?)?"
    r"|(?:open |ultrasound-guided )?suction|liposuction|(?:surgical |joint |wound )lavage"
    r"|wash-?outs?|chelation"
    r"|photo(?:chemo)?therapy|photodynamic therapy|(?:narrow-?band )?(?:UV-?B|UV-?A1?)"
    r" (?:photo)?therapy|(?-i:PUVA)|psoralen[\s\u2010-\u2015-]+(?:plus |and )?(?:UV-?A"
    r"|ultraviolet A)(?: \((?-i:PUVA)\))?|(?:red |blue )?(?-i:LED)(?: therapy| light)?"
)
"""Physical and supportive measures and conservative procedures given for a reaction (heat or
cold: soaks, baths, packs, pads, warm water; elevation, compression, orthoses, lubrication,
traditional medicine, desensitisation, fluids, negative-pressure wound therapy, suction and
lavage, light: phototherapy, PUVA, UVB, photodynamic therapy, LED): docs/annotation.md,
``treatments``: what was given or done for the reaction. Not a cold-pack test, a lavage for
diagnosis, nor a desensitisation *to* a drug (the suspect given again: a rechallenge,
docs/annotation.md, the u0xx round's decisions)."""
DRUG_CLASSES = (
    r"(?:non-?steroidal )?anti-?inflammatory (?:drugs?|agents?|medications?)|(?-i:NSAIDs?)"
    r"|bisphosphonates?|prostaglandins?|calcitonin|fusidic acid|prostacyclin|analgesia"
    r"|(?:intraocular pressure|IOP)[- ]lowering (?:agents?|medicines?|medications?|drops)"
    r"|carbonic anhydrase inhibitors?"
)
"""Drug classes named by what they do (WHO ATC level-3 and -4 names in the singular:
anti-inflammatory agents, bisphosphonates, prostaglandins, carbonic anhydrase inhibitors
(S01EC, given with ocular massage, paracentesis and carbon dioxide rebreathing for a retinal
artery occlusion)) and a few INN drugs the FAERS lexicon lacks (fusidic acid, calcitonin,
prostacyclin)."""
TREATMENT_WORDS = (
    r"(?:methyl[\u2010\u2011-]?)?prednisol?one|prednisone|dexamethasone|hydrocortisone|betamethasone|clobetasol"
    r"|triamcinolone|(?:systemic |topical |oral |intralesional )?(?:cortico)?steroids?"
    r"|hyaluronidase|antibiotics?|doxycycline|minocycline|cephalexin|cefalexin|amoxicillin"
    r"(?:-clavulanate)?|clindamycin|ciprofloxacin|levofloxacin|clarithromycin|azithromycin"
    r"|vancomycin|antihistamines?|cetirizine|levocetirizine|loratadine|fexofenadine|colchicine"
    r"|dapsone|hydroxychloroquine|methotrexate|cyclosporine|aspirin|heparin|enoxaparin"
    r"|deflazacort|bilastine|clemastine|hydroxyzine|tinzaparin(?: sodium)?|acetylsalicylic acid"
    r"|amoxicillin[- ]clavulan\w*(?: acid)?|primary closure|(?:local )?flap(?: therapy| coverage"
    r"| reconstruction)?|amputation|massaging|fluid (?:expansion|resuscitation)|vasodilators?"
    r"|anticoagula(?:tion|nts?)|physical therapy"
    r"|anti-?tubercul(?:ar|ous) (?:therapy|treatment|drugs)|isoniazid|rifampicin|rifampin"
    r"|sulfamethoxazole[- /]trimethoprim|trimethoprim[- /]sulfamethoxazole|co-?trimoxazole"
    r"|glycyrrhizin|calcium(?: gluconate)?|glucocorticoids?(?: cream| ointment)?"
    r"|nitroglycerine?(?: paste| ointment)?|sildenafil|alprostadil|phentolamine"
    r"|hyperbaric oxygen(?: therapy)?"
    r"|(?:surgical )?(?:excision|de-?bridement|drainage)|incision and drainage|laser(?: therapy)?"
    r"|allopurinol|5-fluorouracil|isotretinoin|pyridostigmine|epinephrine|adrenaline"
    r"|botulinum antitoxin|apraclonidine|oxymetazoline|brimonidine"
    r"|(?:warm|cold|cool|hot|moist|wet|saline)(?: (?:dry|moist|wet))? compress(?:es)?|compresses"
    r"|wound care|acyclovir"
    r"|valacyclovir"
    r"|fasciotomy|(?:(?:split|full)[- ]thickness )?(?:skin )?(?:auto|allo|xeno|homo)graft"
    r"(?:ing|s)?|(?:(?:split|full)[- ]thickness (?:skin )?|skin )graft(?:ing|s)?|grafting"
    r"|(?:sterile )?dressings?"
    r"|(?:dermal|skin) (?:replacement |regeneration )?(?:templates?|substitutes?)"
    r"|curettage|(?:(?:heptavalent|equine|botulinum|botulism) )*anti-toxins?"
    r"|(?:globe )?massage|aspiration|(?:botulinum )?antitoxin|immunoglobulins?|intubation"
    r"|(?:neuromuscular )?physiotherapy|speech therapy|capsaicin[- ]patch(?:es)?"
    r"|intraocular pressure[- ]lowering agents|corticoids?|cortisone"
    r"|saline dilution(?: therapy)?|(?:(?:carbon dioxide|CO2|carbogen) )?rebreathing"
    r"|drain(?:age)? insertion|(?:intranasal )?stent|pulsed dye laser(?: therapy)?"
    r"|(?:surgical )?(?:removal|evacuation|extraction) of (?:the |an? |residual |injected )*"
    r"(?:[\w-]+ ){0,2}?(?:gel|fillers?|materials?|implants?|foreign bod(?:y|ies)|ha?ematomas?"
    r"|abscess(?:es)?|nodules?|granulomas?|threads?|silicone|paraffin|PAAG|fat|hydrogel|mass)"
    r"|surgical (?:intervention|removal|exploration|treatment|management|procedures?|repair"
    r"|resection|correction|therapy)|(?:multiple |several |further )?operations"
    r"|serial excision|(?:wound )?irrigation"
    r"|(?:(?:arthroscopic|open|surgical|endoscopic|operative|percutaneous) )+release(?: of (?:the"
    r" |an? )?(?:[\w-]+ ){0,2}?(?:contractures?|bands?|tendons?|fascia|adhesions?|nerves?"
    r"|muscles?|scars?|compartments?|(?-i:[A-Z]{2,4})))?"
    r"|inotropic (?:treatment|support)s?|(?:assisted|artificial|(?:non-?)?invasive) ventilation"
    r"|(?:ventilatory|respiratory) (?:assistance|support)"
    r"|skin approximation|incision|platelet[- ]rich fibrin(?: injections?)?"
    r"|(?:narcotic |opioid )?analgesics?|pain (?:medications?|relievers?)"
    r"|painkillers?|(?:symptomatic|supportive|conservative)"
    r" (?:treatment|therapy|care|management|measure)"
    r"|intravenous fluids?|supplemental oxygen|oxygen (?:therapy|supplementation)"
    r"|(?:recombinant )?tissue plasminogen activator|(?-i:r?t-?PA)|thrombolysis|fibrinolysis"
    r"|(?:therapeutic )?plasma exchange|(?:(?:intravenous|IV|high[- ]dose)\s+)+(?-i:IgG)"
    r"|(?-i:IVIG)|(?:lactated )?Ringer['\u2019]?s(?: lactate| acetate| solution)?"
    r"|(?:cardiopulmonary )?resuscitation"
    r"|intensive (?:inpatient |postoperative |medical )?care(?! (?:units?|medicine|wards?"
    r"|departments?|physicians?|teams?|settings?)\b)"
    r"|anti-?(?!bodies|gens?\b)[a-z]{4,}(?:als|ics|ants|ines|ives)"
    rf"|{PHYSICAL_MEASURES}"
)
TREATMENT = re.compile(
    rf"(?<![\w\u2010\u2011-])(?:{TREATMENT_WORDS}|(?:surgical )?resections?)"
    r"(?:(?<=[a-rt-z])s)?(?![\w\u2010\u2011-])",
    re.I,
)
"""The treatment names, also in the plural ("debridements", "flaps")."""
CLASS_TREATMENT = re.compile(
    rf"(?<![\w\u2010\u2011-])(?:{DRUG_CLASSES})(?![\w\u2010\u2011-])", re.I
)
"""Drug classes and INN drugs a treatment can be named by, which can be the suspect too
("non-steroidal anti-inflammatory drugs" injected): not in :data:`TREATMENT`, which the
product finders read to tell a treatment from a suspect."""
_ADVERB = r"(?:(?:then|also|subsequently|immediately|promptly|\w+ly) )?"
_AGENT = r"(?:we|surgeons?|the surgeons?|the (?:treating )?(?:physician|dermatologist)s?)"
_DONE_BY = rf"(?:(?<!\bshe )(?<!\bhe )(?<!\bpatient )(?:was|were)|{_AGENT}) {_ADVERB}"
"""The passive ("was then drained") or the clinician as subject ("we removed"); a patient
as the passive's subject is moved, not operated on ("she was removed from the scanner")."""
_NOT_EARLIER = "".join(
    rf"(?<!\b{word} )"
    for word in ("her", "his", "their", "initial", "previous", "prior", "first", "original")
    + ("cosmetic", "aesthetic", "index")
)
"""Not the surgery the patient had before ("her initial surgery was performed in a clinic")."""
PROCEDURE_VERBS = (
    *(
        (re.compile(rf"\b{_DONE_BY}{verb}\b", re.I), name)
        for verb, name in (
            ("removed", "removal"),
            ("excised", "excision"),
            ("debrided", "debridement"),
            ("drained", "drainage"),
            ("resected", "resection"),
            ("reconstructed", "reconstruction"),
            ("explored", "exploration"),
            ("evacuated", "evacuation"),
            ("irrigated", "irrigation"),
            ("decompressed", "decompression"),
        )
    ),
    (re.compile(r"\b(?:was|were) intubated\b", re.I), "intubation"),
    (re.compile(rf"\b(?:was|were) {_ADVERB}(?:needle[- ])?aspirated\b", re.I), "aspiration"),
    (re.compile(r"\b(?:digitally |manually |gently )?massaged\b", re.I), "massage"),
    (re.compile(r"\b(?:was|were) amputated\b", re.I), "amputation"),
    (
        re.compile(
            r"(?<!\bhad )\b(?:underw\w+|undergo\w*|required|requiring|necessitat\w+|needed"
            r"|received|performed|taken (?:up |back )?(?:for|to)) (?:an? )?(?:(?:urgent|emergency"
            r"|emergent|immediate|prompt|further|additional|repeat|corrective|revision|open) )?"
            rf"(?P<name>surgery)\b|{_NOT_EARLIER}\b(?P<passive>surgery)(?= (?:was|were) (?:\w+ )?"
            r"(?:performed|undertaken|carried out|required|needed|necessary)\b)",
            re.I,
        ),
        "surgery",
    ),
)
"""A procedure told by its verb, in the passive ("the mass was surgically removed", "the
abscess was then drained", "massaged") or the active voice with the clinician as subject
("we removed most of the gel"): the treatment's usual name. Surgery, a word the
lexicon leaves out (a department, a journal, a cosmetic procedure, a history), is a
treatment as the object of a verb of doing or needing it ("underwent surgery", "required
urgent surgery", "was taken to surgery") or the subject of one ("surgery was performed"),
never one the patient "had undergone" or "her initial surgery" (history);
its group ``name`` or ``passive`` spans the name alone, so the verb stays a cue before it."""
CANONICAL = {"massaging": "massage"}
_SURGICALLY = re.compile(r"\bsurgically\b", re.I)


def procedure_name(told: str, name: str) -> str:
    """The name of a procedure told by its verb: "surgical" only when the text says
    "surgically" ("the mass was surgically removed": surgical removal; "we removed the
    threads": removal), the text's own words rather than a name it does not give."""
    head = name.removeprefix("surgical ")
    if head in (
        "removal",
        "excision",
        "debridement",
        "drainage",
        "resection",
        "exploration",
        "evacuation",
        "decompression",
    ) and _SURGICALLY.search(told):
        return f"surgical {head}"
    return head


_GAP = re.compile(r"\b(?=([A-Za-z]{2,})(-\s+|\s-\s*|\s)([A-Za-z]{2,})\b)")


def joined_names(text: str) -> list[tuple[int, int, str]]:
    """Names broken across a PDF line end or a stray space ("predni- sone", "hyaluroni dase").

    Two adjacent letter runs whose concatenation is a treatment (or, across a hyphen, a
    lexicon drug) and neither alone is one are read as that name; the span covers both.
    """
    found = []
    for match in _GAP.finditer(text):
        left, right = match.group(1), match.group(3)
        joined = left + right
        if TREATMENT.fullmatch(left) or TREATMENT.fullmatch(right):
            continue
        hyphen = "-" in match.group(2)
        if len(joined) >= 6 and (
            TREATMENT.fullmatch(joined) or (hyphen and joined.lower() in drug_names())
        ):
            found.append((match.start(1), match.end(3), joined))
    return found


_SURGICAL = re.compile(
    r"(?<![\w-])(?!dichotomy\b)[A-Za-z]{3,}(?:ectom|otom|ostom|rrhaph)(?:y|ies)(?![\w-])"
    r"|(?<![\w-])[A-Za-z]{3,}(?:centes[ie]s|plast(?:y|ies)|pex(?:y|ies))(?![\w-])"
    r"|(?<![\w-])subcisions?(?![\w-])",
    re.I,
)
"""A surgical procedure named by its Greek suffix (excision -ectomy, incision -otomy, opening
-ostomy, suture -rrhaphy, puncture -centesis, repair -plasty, fixation -pexy, and their
plurals: thrombectomy, craniectomy, fasciotomy,
tracheostomy; subcision, the release of a tethered scar under the skin), the word-formation
rule of medical terminology (Dorland's Illustrated Medical Dictionary, "Combining forms")."""

_HEAD = re.compile(
    r"(?<![\w-])(?:(?P<bare>dialysis|ha?emodialysis|plasmapheresis|transfusions?|decompression"
    r"|neurolysis|adhesiolysis)"
    r"|rehabilitation|therapy|therapies|stimulation|infusions?|inhalations?|feeding|ventilation"
    r"|removal|evacuation|extraction|retrieval|explantation|exploration|repair|reconstruction"
    r"|decompression|lengthening"
    r"|bolus|regimens?|sutures?|(?P<anti>drugs|agents|medications?|treatment))(?![\w-])",
    re.I,
)
"""The head noun of a treatment's name ("ozone therapy", "neuromuscular rehabilitation",
"transcranial magnetic stimulation", "nasogastric feeding", "secondary suture", a surgical
noun: "total gel removal", "PAAG evacuation", "bladder wall repair"; the release of a nerve
or of adhesions, "neurolysis", a treatment alone): a name is
its head and the content words before it. A ``bare`` head is a treatment alone; an
``anti`` head ("drugs", "treatment") only after an anti- word ("antituberculous drugs")."""
_GENERIC_WORDS = """a an the this that these those his her their its our your my some any no such
    other
    and or but nor with without of for to in on at by from after before during under via as
    standard conventional conservative initial further additional appropriate medical
    aggressive prompt early late empirical empiric multidisciplinary intensive previous prior
    current same different first second third several multiple combined combination
    successful specific targeted adequate usual routine long-term short-term prolonged daily
    weekly regular new cosmetic aesthetic filler fillers toxin injection injections
    treatment therapy therapies clinical adjuvant adjunctive local general subsequent
    immediate urgent emergency definitive primary secondary-line first-line second-line
    several repeated continuous intermittent was were is are had has been be whereas while
    although because since when then also discontinue continue stop start oral topical
    systemic intravenous intralesional intramuscular subcutaneous parenteral enteral
    microneedle microneedling rejuvenation contouring augmentation above below comprehensive
    complete partial slow rapid fast full total mild major minor extensive various all both
    each every more less most many few effective ineffective proper optimal maximal
    high-dose low-dose drug drugs medical pharmacological
    make makes need needs allow allows enable enables require requires remain remains
    outpatient inpatient hospital home underwent undergo undergoes required requires"""
_GENERIC = frozenset(_GENERIC_WORDS.split())
"""Words that are not part of a treatment's name (determiners, function words, words of
timing, manner, quantity or intensity, routes, the exposure itself, verbs of a general
statement: "LMWHs make outpatient therapy feasible", the setting of care)."""
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9'\u2010\u2011-]*) $")
_NOT_A_NAME_WORD = re.compile(r"(?:ed|ing|ly|['\u2019]s)$", re.I)
"""A participle, an adverb or a possessive ("continued", "following", "successfully", "the
patient's regimen"): not a name's word."""


_TAKING_OUT = r"(?:removal|evacuation|extraction|retrieval|explantation)"
REMOVAL = re.compile(rf"{_TAKING_OUT}$|^(?:surgical )?{_TAKING_OUT} of\b", re.I)
"""A name whose head takes a material out ("PAAG evacuation", "filler removal", "removal of
the implant", "extraction of a contraceptive implant"): it names the suspect it removes (a
device or an implant taken out is its treatment) and is a treatment all the same."""


_TAKEN_OUT = re.compile(
    rf"(?:(?<=\bits )|(?<=\btheir )){_TAKING_OUT}\b"
    rf"|\b{_TAKING_OUT}(?= (?:was|were) (?:\w+ )?(?:performed|done|carried out|undertaken"
    r"|achieved|successful)\b)",
    re.I,
)
"""A taking out named by its noun alone: of the thing just named ("resolved after its
extraction", "after their removal": the possessive refers back to the implant) or as the
subject of a procedure's verb ("Extraction was performed under general anaesthesia")."""


def treatment_phrases(text: str) -> list[tuple[int, int, str]]:
    """Treatments named by word formation rather than listed: a surgical-suffix word, a
    treatment head noun with the (at most three) content words before it, or a taking out
    named alone (:data:`_TAKEN_OUT`)."""
    found = [(m.start(), m.end(), m.group(0)) for m in _SURGICAL.finditer(text)]
    for head in _HEAD.finditer(text):
        start = head.start()
        words = 0
        while words < 3:
            word = _WORD_BEFORE.search(text, 0, start)
            if (
                word is None
                or word.group(1).lower() in _GENERIC
                or _NOT_A_NAME_WORD.search(word.group(1))
            ):
                break
            if head.group("anti") and not word.group(1).lower().startswith("anti"):
                break
            start = word.start(1)
            words += 1
        if words or head.group("bare"):
            found.append((start, head.end(), text[start : head.end()]))
    named = list(found)
    for match in _TAKEN_OUT.finditer(text):
        if not any(a <= match.start() and match.end() <= b for a, b, _ in named):
            found.append((match.start(), match.end(), match.group(0)))
    return found
