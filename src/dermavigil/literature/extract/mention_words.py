"""The words of a reaction mention (:mod:`.mentions`): clinical head nouns and the descriptive
words that may stand before them.

A reaction mention is a clinical head noun with its modifiers (``docs/annotation.md``,
``reactions``: short terms for what happened to this patient, one per concept, adjective and
verb forms like their nouns). The heads are the findings injection case reports name
(necrosis, papules, pain, granuloma, vascular occlusion, ...); :data:`NAMED_HEADS` are heads
that are named by the nouns before them ("lateral rectus palsy", "filler migration", "skin
defect"), which :func:`~.mentions.mentions` keeps with the head.
"""

from __future__ import annotations

NAMED_HEADS = (
    r"pals(?:y|ies)|migration|extrusion|ruptures?|asymmetry"
    r"|(?:skin|muscle) defects?|nerve injur(?:y|ies)"
)
"""Heads named by the nouns before them ("ipsilateral vocal cord palsy", "filler migration",
"thread extrusion"), and some by what follows ("migration of the gel", "rupture of the
tendon"): the mention keeps those words (:func:`~.mentions.mentions`)."""
OF_HEADS = r"migration|extrusion|ruptures?|asymmetry"
"""Named heads that may be named by an "of" phrase after them."""
HEADS = (
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
    r"|(?:iatrogenic )?botulism|Nicolau(?:['\u2019]s)? (?:syndrome|dermatitis)"
    r"|embolia cutis medicamentosa"
    r"|anaphylactic (?:shock|reaction)|myonecrosis|necroti[sz]ing fasciitis|fasciitis"
    r"|compartment syndrome|paralysis|(?:hemi)?paresis|cyanosis|hypoa?esthesia|convulsions?"
    r"|seizures?|coma|(?:granulomatous )?dermatitis|eruptions?|blistering|transverse myelitis"
    r"|bacter(?:a)?emia|sepsis|flushing|nausea|vomiting|light-headedness|diarrh?o?ea"
    r"|desquamation|(?<!analog )(?<!analogue )(?<!rating )(?<!severity )scales(?!\s+(?:of|for)\b)"
    r"|scaling(?!\s+(?:up|down|factors?)\b)|scaliness|gangren\w*"
    r"|hypersensitivity(?: reactions?)?|allergic reactions?"
    r"|(?:vision|visual) (?:impairment|disturbance)|blurred vision|double vision"
    r"|respiratory distress|(?:cardiac|cardiorespiratory|respiratory) arrest|hypotension"
    r"|(?:decreased|reduced) urine output|oliguria|anuria"
    r"|difficulty (?:in )?(?:swallowing|breathing)"
    r"|dysarthria|rhabdomyolysis|inflammatory reactions?|colou?r (?:alterations?|changes?)"
    r"|whitening|restriction of (?:the )?(?:movements?|motion)"
    r"|burning(?: sensations?)?|exophthalmos|proptosis|blepharoptosis"
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
    r"|Volkmann(?:['\u2019]s)? (?:syndrome|contracture|ischa?emic contracture)"
    r"|(?:muco)?purulent discharge|suppuration|myalgias?|arthralgias?|fatigue|chills"
    r"|SIRVA|shoulder injury related to vaccine administration"
    r"|Nicolau(?:['\u2019]s)? livedoid dermatitis|myelitis|redness|allergy|pharyngitis"
    r"|(?<!body )(?<!muscle )(?<!muscular )(?<!lean )mass(?!\s+(?:index|[\w-]+\s+immuni[sz]ation))"
    r"|angio-?o?edema|blanch|vascular occlusive events?|ophthalmoplegia|lagophthalmos|strabismus"
    r"|madarosis|enophthalmos|exotropia|(?:(?:central |branch )?retinal|ophthalmic) (?:artery|vein)"
    r" occlusions?|occlusions? of (?:the )?(?:(?:central |branch )?retinal|ophthalmic)"
    r" (?:artery|vein)|ischa?emic optic neuropathy|visual field (?:defects?|loss)"
    r"|(?:atypical )?(?:cutaneous )?mycobacterios[ie]s|emboli|embol[iy][sz]ations?"
    r"|[a-z]{3,}granulomas?|(?:paraffin|silicon|vaselin|ole)omas?"
    r"|discomfort|firmness|fluctuance|dimpling|excoriations?|depigmentation|disfigurement"
    r"|dehiscence|tachycardia|(?:sensation|feeling) of (?:heat|warmth|tension|heaviness)"
    r"|(?:injection[- ]site|local|systemic|cutaneous|skin|sarcoid-like"
    r"|(?:delayed|immediate|late)(?:-onset)?) reactions?"
    r"|(?:inflammatory|granulomatous|immune|foreign[- ]body) responses?"
    r"|(?:multiple |multi-?)organ (?:dys)?failure|multiple organ dysfunction(?: syndrome)?"
    r"|(?:(?:muco|sero)?purulent|serous|serosanguin(?:e)?ous|bloody|ha?emorrhagic|milky|watery"
    r"|yellow(?:ish)?|whitish|foul[- ]smelling|malodorous|fluid|pus|gel|ear|nasal|wound)"
    rf" discharge|{NAMED_HEADS}"
)
MODIFIER = (
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
    r"|distant|wound"
    r"|(?:hyper|hypo)pigmented|ill-defined|well-defined|axillary|cervical|inguinal|regional"
    r"|scaling|scaly"
)
