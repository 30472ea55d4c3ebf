"""Route words: how clinical English names a route of administration.

:data:`ROUTE_WORDS` pairs each route (:class:`dermavigil.domain.routes.Route`)
with the words that name it next to an administration word ("intradermal
injection", "injected subcutaneously", "into the deltoid muscle", "into a
tendon sheath"); :data:`ADMIN` is an administration word or a dose.
:mod:`.routes` reads the route used from them, :mod:`.route_label` the
labelled one.
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import Route

_MUSCLES = (
    r"(?:occipito)?frontalis|procerus|corrugators?(?: supercilii)?|depressor (?:supercilii"
    r"|anguli oris|labii inferioris|septi(?: nasi)?)|orbicularis (?:oculi|oris)|nasalis"
    r"|levator (?:labii superioris(?: alaeque nasi)?|scapulae|palpebrae superioris)"
    r"|zygomaticus(?: major| minor)?|risorius|mentalis|buccinators?|masseters?|temporalis"
    r"|pterygoids?|platysma(?:l bands?)?|sternocleidomastoids?|trapezius|splenius capitis"
    r"|semispinalis|scalenes?|vastus (?:lateralis|medialis)|rectus femoris|gastrocnemius|soleus"
    r"|detrusor|pectoralis (?:major|minor)|latissimus dorsi|rectus abdominis"
)
"""Skeletal muscles injected with botulinum toxin, vaccines and drugs, by their names in
Terminologia Anatomica (TA2, FIPAT 2019) as clinical English writes them; a name that only
names a muscle ("into the frontalis and corrugators", "in the orbicularis oculi", "at both
the gastrocnemius and soleus muscles", "namely the trapezius and sternocleidomastoid
muscles") states an intramuscular injection (docs/annotation.md: botulinum toxin into a
named muscle). Regional names that also name a site (deltoid, gluteal, triceps) are
routes only with "muscle"."""
_IV = (
    "".join(
        f"(?<!{w} )"
        for w in (
            "type", "grade", "stage", "class", "phase", "level", "factor", "group", "zone",
            "part", "nerve", "collagen", "classes", "types", "grades", "stages", "cranial",
        )
    )
    + "(?-i:IV)"
)  # fmt: skip
"""'IV' (intravenous) as clinical English abbreviates it ("IV clindamycin", "IV iron"), not
the Roman numeral of a type, grade or stage ("type IV hypersensitivity", "grade IV")."""
_SOFT_TISSUE = (
    r"(?:bursae?|tendon sheaths?|(?:(?:first|second|dorsal) )?(?:extensor|flexor) compartments?"
    r"|carpal tunnel|ligaments?)"
)
"""The soft tissue around a joint that a corticosteroid is injected into for its indication
(a bursa, a tendon sheath, a wrist's extensor compartment, the carpal tunnel, a ligament):
the injectable suspensions' labels give intra-articular and soft-tissue injection together
(bursitis, tenosynovitis, epicondylitis; :data:`dermavigil.terminology.labelled_routes.
JOINT_ROUTES`), so the case names the route the product is made for (docs/annotation.md: a
corticosteroid injected for its indication with its intended site named is approved true,
route null)."""
ROUTE_WORDS: tuple[tuple[Route, str], ...] = (
    (Route.intradermal, r"intra-?dermal(?:ly)?|(?<!sub)dermal injections?|into the dermis"),
    (Route.subdermal, r"sub-?dermal(?:ly)?"),
    (
        Route.subcutaneous,
        r"sub-?cutaneous(?:ly)?|s\.c\.|into the subcutaneous (?:fat|tissue)|(?-i:SC|SQ|SCIT)",
    ),
    (
        Route.intramuscular,
        r"intra-?muscular(?:ly)?|i\.m\.|in(?:to)? (?:the |both |each |her |his )?(?:[\w-]+ ){0,2}"
        r"muscles?"
        rf"|(?:into|in|of|to|at) (?:both (?:the )?|the |each |her |his )?(?:(?:left|right"
        rf"|bilateral|upper|lower|lateral|medial) )?(?:{_MUSCLES})"
        rf"|(?:{_MUSCLES})(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?(?:{_MUSCLES}))*\s+muscles?"
        r"|(?-i:IMI?)|intra-?(?:deltoid|gluteal)(?:ly)?"
        r"|(?:into|in|on) (?:the|her|his|their|each|both|a) (?:(?:left|right|upper|non-?dominant"
        r"|dominant) ){0,2}deltoids?(?! (?:region|area|site|skin|bursa|tattoo))",
    ),
    (
        Route.intra_arterial,
        r"intra-?arterial(?:ly)?|into an? (?:artery|arterial)"
        r"|into (?:the|his|her|their) (?:(?!and\b|or\b)[\w-]+ ){1,2}arter(?:y|ies)",
    ),
    (
        Route.intravenous,
        rf"intra-?venous(?:ly)?|i\.v\.|into a vein|{_IV}"
        r"|(?:through|via|into|in) (?:an?|the|his|her|their) (?:[\w-]+ ){0,3}veins?"
        r"|(?:through|via) (?:an?|the) (?:(?:peripheral|central|venous|intravenous|IV) ){0,2}"
        r"(?:lines?|cannula|catheter)",
    ),
    (
        Route.intralesional,
        r"intra-?lesional(?:ly)?|into (?:the|each|a) (?:cyst|lesion|nodule|keloid|tumou?r)s?",
    ),
    (
        Route.intra_articular,
        r"intra-?articular(?:ly)?|into (?:the|his|her|a|both) (?:(?:left|right) )?(?:(?:knee|wrist"
        r"|shoulder|elbow|ankle|hip|finger|thumb|toe) )?joints?"
        r"|into (?:the|his|her|both) (?:(?:left|right) )?(?:knee|wrist|shoulder|elbow|ankle)s?"
        r"|(?:knee|joint)(?= (?:[\w-]+ )?(?:injections?|infiltrations?))|viscosupplement\w*",
    ),
    (
        Route.epidural,  # docs/annotation.md: route null, approval by the drug (z0xx decisions)
        r"epidural(?:ly)?(?! (?:ha?ematomas?|abscess\w*|empyema|lipomatosis|fibrosis|fat|veins?"
        r"|venous|ha?emorrhage|collections?|space (?:abscess|infection|ha?ematoma)))"
        r"|into the epidural space|trans-?foraminal(?:ly)?|inter-?laminar",
    ),
    (
        Route.periarticular,  # the soft tissue around a joint (docs/annotation.md, route null)
        r"peri-?(?:articular|tendin(?:ous|eal))(?:ly|(?=(?: [\w-]+){0,2} (?:injections?"
        r"|infiltrations?)))|intra-?bursal"
        rf"|(?:into|in|to) (?:the|a|an|his|her|their|both|each) (?:[\w-]+ (?:and )?){{0,8}}?"
        rf"{_SOFT_TISSUE}|{_SOFT_TISSUE} (?:was|were) (?:\w+ )?injected",
    ),
    (Route.topical, r"topical(?:ly)?|applied (?:to|on) the skin"),
    (Route.cutaneous, r"cutaneous(?= (?:use|application))|on the skin surface"),
    (Route.transdermal, r"transdermal(?:ly)?|micro-?needling"),
    (Route.oral, r"oral(?:ly)?|by mouth"),
)
COMPILED = tuple((r, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I)) for r, p in ROUTE_WORDS)
ADMIN = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|g|mcg|µg|IU|U|units?|ml|mL)\b"
    r"|\b(?:inject\w*|inj\w*-\s[a-z]+|administ\w*|method|route|given|deliver(?:ed|y)|infiltrat\w*"
    r"|insert(?:ed|ion)"
    r"|infus(?:ions?|ed)"
    r"|applied|application"
    r"|doses?|received|shots?|vaccinated|immuni[sz]ed|vaccinations?|inoculat\w*"
    r"|immuni[sz]ations?|(?-i:IMI))\b",
    re.I,
)


def route_pattern(route: Route) -> re.Pattern[str]:
    """The compiled route words of ``route``."""
    return dict(COMPILED)[route]


def route_of(word: str) -> Route | None:
    """The route a route word names (``"intradermally"`` -> intradermal)."""
    for route, pattern in COMPILED:
        if pattern.fullmatch(word.strip()):
            return route
    return None
