"""Clinical wordings the HPO does not hold as its own labels or synonyms, for the coder.

Tables of :mod:`dermavigil.terminology.coder` (its module docstring gives the order in
which they are tried): reaction wordings coded to their clinical sense first
(:data:`CLINICAL_SENSE`), clinical equivalents of HPO terms (:data:`EQUIVALENT`),
phrases coded to their nearest HPO parent (:data:`NEAREST_PARENT`), the colour words
that code a discoloration only alone (:data:`COLOUR_WORDS`) and the derivational
variants that turn a descriptive adjective into the noun it names
(:data:`DERIVATIONS`, :func:`derived_nouns`). Every HPO id here is checked against the
shipped ontology by a test.
"""

from __future__ import annotations

NEAREST_PARENT: dict[str, str] = {
    "eccrine necrosis": "HP:0000971",
    "eccrine gland necrosis": "HP:0000971",
    "sweat gland necrosis": "HP:0000971",
    "syringosquamous metaplasia": "HP:0000971",
    "post inflammatory hyperpigmentation": "HP:0000953",
    "postinflammatory hyperpigmentation": "HP:0000953",
    "dyspigmentation": "HP:0000953",
    "discoloration": "HP:0000953",
    "necrotic keratinocyte": "HP:0034702",
    "keratinocyte necrosis": "HP:0034702",
    "induration": "HP:0030053",
    "swelling": "HP:0000969",
    "bruising": "HP:0031364",
    "bruise": "HP:0031364",
    "hematoma": "HP:0031364",
    "bump": "HP:0200034",
    "blanching": "HP:0000980",
    "lump": "HP:0200036",
    "tenderness": "HP:0025283",
    "scar": "HP:0100699",
    "injection site reaction": "HP:0011123",
    "foreign body granulomatous reaction": "HP:6000070",
    "foreign body granuloma": "HP:6000070",
    "granulomatous reaction": "HP:6000070",
    "skin ischemia": "HP:0033401",
    "vascular occlusion": "HP:0033401",
    "ischemia": "HP:0033401",
    "necrosis": "HP:0033126",
    "fat necrosis": "HP:0012490",
    "tissue necrosis": "HP:0033126",
    "crust": "HP:0200041",
    "crusting": "HP:0200041",
    "infection": "HP:0100658",
    "dark": "HP:0000953",
    "darker": "HP:0000953",
    "darkened": "HP:0000953",
    "blue": "HP:0000953",
    "grey": "HP:0000953",
    "gray": "HP:0000953",
    "greyish": "HP:0000953",
    "black": "HP:0000953",
    "brown": "HP:0000953",
    "brownish": "HP:0000953",
    "white": "HP:0000980",
    "whitish": "HP:0000980",
    "pale": "HP:0000980",
    "violaceous": "HP:0000953",
    "purple": "HP:0000953",
    "purplish": "HP:0000953",
    "bluish": "HP:0000953",
    "dusky": "HP:0000953",
    "paresis": "HP:0001324",
    "inflamed": "HP:0011123",
    "lymph nodal abscess": "HP:0033136",
    "blanch": "HP:0000980",
    "vascular occlusive event": "HP:0033401",
    "color alteration": "HP:0000953",
    "color change": "HP:0000953",
    "inflammatory reaction": "HP:0011123",
}
"""Normalised clinical phrase -> nearest HPO parent term (all ids checked by a test)."""

NOT_CODED = frozenset({"fat embolism"})
"""Wordings the HPO lists only as a synonym of a narrower term: "fat embolism" is a synonym
of *Pulmonary fat embolism*, while the fat embolism of a fat graft or a filler is arterial
(ophthalmic, cerebral). Left uncoded, whole or inside a longer phrase ("cerebral fat
embolism"): compared as the text words them."""

COLOUR_WORDS = frozenset(
    {"violaceous", "purple", "purplish", "bluish", "dusky", "dark", "darker", "darkened", "blue"}
    | {"grey", "gray", "greyish", "black", "brown", "brownish", "white", "whitish", "pale"}
)
"""Colours that code a discoloration only when they are the whole phrase ("the skin was
violaceous"); inside a lesion's description ("purplish papules") they describe the lesion."""

EQUIVALENT: dict[str, str] = {
    "ulceration": "HP:0200042",
    "skin ulceration": "HP:0200042",
    "ulcerated": "HP:0200042",
    "redness": "HP:0010783",
    "itch": "HP:0000989",
    "hive": "HP:0001025",
    "wheal": "HP:0001025",
    "blistering": "HP:0008066",
    "erythematous": "HP:0010783",
    "painful": "HP:0012531",
    "tender": "HP:0025283",
    "swollen": "HP:0000969",
    "pruritic": "HP:0000989",
    "itchy": "HP:0000989",
    "indurated": "HP:0030053",
    "purpuric": "HP:0000979",
    "necrotic": "HP:0033126",
    "angio edema": "HP:0100665",
    "granulomatous lesion": "HP:6000070",
    "granulomatous reaction": "HP:6000070",
    "granulomatous infiltrate": "HP:6000070",
    "papular": "HP:0200034",
    "red": "HP:0010783",
    "reddish": "HP:0010783",
    "reddened": "HP:0010783",
    "edematous": "HP:0000969",
    "swelled": "HP:0000969",
    "swelled up": "HP:0000969",
    "cyanotic": "HP:0000961",
    # the patient's state told with an adjective ("she was febrile", "became drowsy"): the
    # systemic signs an injection reaction brings, by the noun each derives from
    "febrile": "HP:0001945",
    "pyrexial": "HP:0001945",
    "drowsy": "HP:0002329",
    "somnolent": "HP:0002329",
    "lethargic": "HP:0001254",
    "hypotensive": "HP:0002615",
    "tachypneic": "HP:0002789",
    "dyspneic": "HP:0002094",
    "breathless": "HP:0002094",
    "nauseous": "HP:0002018",
    "nauseated": "HP:0002018",
    "dizzy": "HP:0002321",
    "comatose": "HP:0001259",
    "aphasic": "HP:0002381",
    "ataxic": "HP:0001251",
    "oliguric": "HP:0100520",
    "anuric": "HP:0100519",
    "necrosed": "HP:0033126",
    "blistered": "HP:0008066",
    "difficulty in swallowing": "HP:0002015",
    "difficulty swallowing": "HP:0002015",
    "difficulty in breathing": "HP:0002094",
    "whitening": "HP:0000980",
    "gangrenous": "HP:0100758",
    "bulla": "HP:0008066",
    "necrotized": "HP:0033126",
    "necrotised": "HP:0033126",
    "blanched": "HP:0000980",
    "mottled": "HP:0000965",
    "mottling": "HP:0000965",
    "livedoid": "HP:0033505",
    "granulomatous": "HP:6000070",
    "decreased range of motion": "HP:0001376",
    "reduced range of motion": "HP:0001376",
    "limited range of motion": "HP:0001376",
    "restricted range of motion": "HP:0001376",
    "eosinophil": "HP:0001880",
    "multinucleated giant cell": "HP:6000057",
    "foreign body giant cell": "HP:6000057",
    # the skin's hyperemia is its redness (the HPO lists hyperemia only of the eye; the
    # normaliser folds the British 'hyperaemia')
    "hyperemia": "HP:0010783",
    "skin hyperemia": "HP:0010783",
    # a hardness the examiner feels is the skin's induration ("the lesion became firm", "the
    # erythema, itching and firmness subsided")
    # lay and variant wordings of symptoms the HPO names otherwise ("blurry vision", the
    # misspelt "pruritis", "convulsions")
    "blurry vision": "HP:0000622",
    "blurring of vision": "HP:0000622",
    "blurring of the vision": "HP:0000622",
    "itchiness": "HP:0000989",
    "pruritis": "HP:0000989",
    "convulsion": "HP:0001250",
    "firmness": "HP:0030053",
    # the clinical name of anaphylaxis (the HPO lists "Anaphylaxis" as a synonym of
    # *Anaphylactic shock*, not the "anaphylactic reaction" reports and MedDRA use)
    "anaphylactic reaction": "HP:0100845",
    "hardening": "HP:0030053",
    "hardened": "HP:0030053",
}
"""Clinical wordings of an HPO term that the HPO does not list as synonyms."""

CLINICAL_SENSE: dict[str, str] = {
    "hypersensitivity": "HP:0100326",
    "hypersensitivity reaction": "HP:0100326",
    "delayed hypersensitivity": "HP:0100326",
    "delayed hypersensitivity reaction": "HP:0100326",
    "delayed type hypersensitivity reaction": "HP:0100326",
    "allergic reaction": "HP:0100326",
    "allergy": "HP:0100326",
    "skin depression": "HP:0100578",
    "cutaneous depression": "HP:0100578",
    "subcutaneous depression": "HP:0100578",
    "depression of the skin": "HP:0100578",
    # the patient's state told with an adjective the HPO does not list ("the digit was
    # numb", "she was unconscious, flushed over her entire body")
    "numb": "HP:0033748",
    "flushed": "HP:0031284",
    "unconscious": "HP:0007185",
    # "Unresponsive" is a synonym of *Confusional arousal* (a sleep disorder); a patient
    # found unresponsive after an injection has lost consciousness
    "unresponsive": "HP:0007185",
    "unresponsiveness": "HP:0007185",
}
"""Reaction wordings whose lexical HPO match is another sense ("hypersensitivity reaction" is
a synonym of *Emotional hypersensitivity*; a "skin depression" is not *Depression*, the mood,
but the dent an injection leaves, which the HPO's comment on *Lipoatrophy* describes): coded
to the clinical term first (score 0.95)."""

DERIVATIONS = (
    ("atous", "a"), ("matic", "ma"), ("otic", "osis"), ("atic", "asia"), ("ic", "ia"),
    ("ic", "y"), ("ic", "e"),
    ("ous", "a"), ("ous", "e"), ("ular", "ule"), ("ular", "le"), ("al", "a"), ("ated", "ation"),
    ("ed", "ation"), ("ed", "ion"), ("ed", ""), ("ive", "ion"), ("ful", ""),
)  # fmt: skip
"""Adjective suffix -> noun suffix: the derivational variants of the SPECIALIST lexical
tools (McCray AT, Srinivasan S, Browne AC 1994, "Lexical methods for managing variation
in biomedical terminologies", Proc Annu Symp Comput Appl Med Care: 235-239), limited to
the endings of descriptive adjectives in dermatology ("erythematous", "erythematic" ->
erythema, "necrotic" -> necrosis, "telangiectatic" -> telangiectasia, "atrophic" -> atrophy,
"bullous" -> bulla, "papular" -> papule, "vesicular" -> vesicle, "urticarial" ->
urticaria, "indurated" -> induration, "hypopigmented" -> hypopigmentation, "crusted" ->
crust, "desquamative" -> desquamation)."""


def derived_nouns(word: str) -> list[str]:
    """The candidate nouns of a descriptive adjective (see :data:`DERIVATIONS`), in order."""
    return [
        word[: -len(a)] + b for a, b in DERIVATIONS if word.endswith(a) and len(word) > len(a) + 2
    ]
