"""The words around a treatment name that say it was given for the reaction, or not.

Read by :mod:`.treatment`: the treatment cues of a patient sentence ("treated
with", "was administered", "received", "resolved after", a treatment's success or
efficacy: "the excision was successful", a clinician's advice with a treatment for its
object: "suggested topical mometasone", not "suggested that" nor "suggested the
diagnosis"), the route word
before a name ("oral prednisolone"), the duration ("for N days") and the
response told after it, and what makes a name no treatment of this patient:
planned or advised, taken before the reaction for another disease, the
skin's preparation, an ingredient of the product, a general or present-tense
statement about the condition, MeSH index terms (``docs/annotation.md``).
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import Route

CUE = re.compile(
    r"\b(?:treat\w*|administ\w*|receiv\w*|prescrib\w*|managed|manage\w*|given|started|initiated"
    r"|requir\w*|necessitat\w*|needed|attempted|underwent|responded|therapy|courses?"
    r"|improved with|resolved with|healed with"
    r"|regressed with|resolved after|improved after|including|involved|sittings?|performed"
    r"|achieved|was made|strategy|advised|undergo|led to|relieve|added|regimen|followed up"
    r"|suggested (?!that\b)(?:\w+ ){0,3}?(?=(?:oral|topical|systemic|intravenous|local) "
    r"|\w+(?:ids?|ines?|ics?|ones?|ates?|cin|mab|zole|therapy|treatment)\b)"
    r"|was (?:debrided|excised|drained|aspirated)|prescription|removed|excised|included|ineffective"
    r"|initiated|closure|coverage|closed|covered|repaired|despite|used|done|resulted in"
    r"|recommended|under (?:\w+ )?(?:treatment|therapy|care|management)"
    r"|(?:was|were) (?:\w+ )?(?:injected|applied|infused|instilled)|(?:was|were) (?:\w+ )?necessary"
    r"|(?:did not|failed to) (?:\w+ )?(?:alleviate|relieve|improve|help|resolve|change|reverse"
    r"|restore|halt|stop|prevent)|to no avail|(?:was|were) tried"
    r"|(?:un|non-?|not )?responsive to|refractory to|insensitive to|transitioned to"
    r"|(?:we|who|he|she|they) (?:\w+ )?(?:injected|applied)"
    r"|(?:on|under) (?:oral|topical|systemic|intravenous|intralesional|IV) \w+"
    r"|(?:resol|improv|heal|regress|revers|recover|subsid|disappear|normali[sz]|alleviat"
    r"|ameliorat|clear(?=ed|ing))\w*"
    r" (?:\w+ ){0,3}?"
    r"(?:with|after|following|by|using)"
    r"|yielded|exposed|uncovered|evacuated|released"
    r"|(?:dressings?|packings?|bandages?) (?:was|were) (?:\w+ )?(?:changed|renewed)"
    r"|(?:wash-?out|debridement|exploration|drainage|surgery|operation)s? (?:\w+ )?(?:revealed"
    r"|showed|found|disclosed|demonstrated)"
    r"|carried out|undert[ao]ken|instituted|commenced|employed|utili[sz]ed"
    r"|(?:put|placed|started) on|sessions?|took|taken|accomplished|implemented"
    r"|(?:began|begun|continued)(?! to\b)|(?:was|were) (?:\w+ )?delivered"
    r"|discharged (?:\w+ )?(?:on|with)"
    r"|soaked|hydrated|relief|(?:was|were) indicated|controlled (?:with|by)|success\w*|efficacy"
    r"|interventions?|protocol|performing|reconstructed|went on to"
    r"|(?:admitted|hospitali[sz]ed|transferred|transfer)\b[^.;]{0,40}?\bfor"
    r"|unsuccessful|decision to|followed by|ongoing|after \d+ (?:days?|weeks?|months?) of"
    r"|(?:after|following) [^.;]{0,150}"
    r"\b(?:improv|resol|heal|recover|relie|subsid|disappear)\w*)\b",
    re.I,
)
REPORTED = re.compile(
    r"\b(?:we (?:here(?:by|in)? )?(?:report|present|describe)"
    r"|(?:this|the present) (?:article|paper|report|letter) (?:\w+ )?(?:reports?|reported"
    r"|presents?|presented|describes?|described|is a (?:case )?report of))\b",
    re.I,
)
"""The report stating its own case ("Here, we report a case of ... hematoma ..., which
requires surgical treatment", "This article reported an unusual case of ... and its surgical
treatment", "This paper is a case report of surgical excision of the paraffinoma"): a
summary of this patient's course (the abstract's statement of the case, Day and Gastel, *How
to Write and Publish a Scientific Paper*, 8th ed., 2016, ch. 10 and 27), which names what was
done for it in any tense and wherever it stands, so it is its own treatment cue."""
PROCEDURE_NAME = re.compile(
    r"\b(?:surg\w*|operat\w*|excision|de-?bridement|drainage|resection|reconstruction|removal"
    r"|evacuation|extraction|amputation|flaps?|grafts?|grafting|fasciotomy)\b",
    re.I,
)
"""A surgical procedure's name: what a report's statement of its case names as done."""
CASE_TIE = re.compile(
    r"\b(?:(?:which|that|who) (?:\w+ )?(?:requir|necessitat|need|underw|undergo)\w*"
    r"|and (?:its|their) |report of\b|(?:treated|managed) (?:\w+ )?(?:with|by)\b)"
)
"""What ties a procedure to the case a report states: a relative clause, a possessive, the
report's object (see :func:`.treatment._done_for_the_case`)."""
SETTING_AFTER = re.compile(
    r"\b(?:after|following|post-?)\s+(?:(?:an?|the|his|her|their)\s+)?(?:[\w-]+\s+){0,3}$", re.I
)
"""A procedure a time adverbial names ("a case of necrosis after surgical excision of a
naevus"): the setting the reaction followed, not what was done for it."""
ROUTE_BEFORE = re.compile(
    r"(oral|topical|intravenous|intralesional|intramuscular|subcutaneous|systemic)\s+"
    r"(?:(?!and\b|or\b)\w+\s+)?$",
    re.I,
)
DURATION = re.compile(
    r"\bfor\s+(?:a\s+(?:duration|period|course)\s+of\s+)?(?P<n>\d+(?:\.\d+)?|[a-z]+)[\s-]+"
    r"(?P<unit>day|week|month)s?\b",
    re.I,
)
RESPONSE = re.compile(
    r"\b(?:(?:notable|marked|significant|gradual|rapid|complete|partial)\s+)?"
    r"(?:improvement|improved|resolution|resolved|healed|subsided|regressed|no response|"
    r"did not respond|failed)\b",
    re.I,
)
ROUTE_WORD = r"topical|oral|systemic|intralesional|intravenous|intramuscular|subcutaneous"
COORDINATED = re.compile(
    rf"\b(?P<first>{ROUTE_WORD})\s*(?:,|and|or|/|&)\s*(?:{ROUTE_WORD})\s+", re.I
)
"""'topical and oral corticosteroids': two treatments, the first route's one is implied."""
SHARED_HEAD = re.compile(
    r"(?<![\w-])(?:an? )?(?P<first>[a-z][a-z-]{3,}(?:al|ic|ics|ory|ive|ous|ar))"
    r"(?:,? and|,? or|\s*/)\s+(?:an? )?(?P<second>[a-z][a-z-]{3,})\s+"
    r"(?P<head>treatments?|therap(?:y|ies)|management|care)\b",
    re.I,
)
"""Two modifiers coordinated before one head noun ("surgical and antibiotics treatment",
"an anti-inflammatory and an antibiotic treatment", "pharmaceutical and physical
therapies"): the head is shared, each conjunct names a treatment of its own (coordination
reduction, Quirk et al., *A Comprehensive Grammar of the English Language*, 1985, 13.79:
ellipsis of the head in the first conjunct). The first conjunct is an adjective or a
drug class by its suffix (-al, -ic, -ory, -ive, -ous, -ar)."""
NOT_GIVEN_BEFORE = re.compile(
    r"(?:\b(?:awaiting|planned|scheduled|offered|proposed|will|would|should|may|might|could|can"
    r"|(?:is|are|was|were|be|been|we|authors) recommended|recommend(?:s|ing|ations?)?"
    r"|(?:was|is) (?:also )?taking|(?:was|is|were) on|undergoing (?:\w+ )?treatment with"
    r"|history of|for (?:his|her) (?:underlying|chronic))\b[^.;:]{0,60}"
    r"|\b(?:preparation|disinfection|antisepsis|cleansing|prepped|prepared|cleaned|cleansed"
    r"|disinfected|swabbed|sterili[sz]ed) (?:with |using |by )?(?:[\w-]+ ){0,2}"
    r"|\bthrough (?:an? )?(?:\w+ )?"
    r"|\b(?:switched|changed|converted|rotated) (?:\w+ ){0,3}?to (?:(?:an?|the) )?(?:[\w-]+ ){0,2}"
    r"|\b(?:an? |the )?(?:alternative|substitute|replacement) (?:[\w-]+ )?(?:based on )?"
    r"|\b(?:replaced|substituted) (?:\w+ ){0,3}?(?:by|with) (?:(?:an?|the) )?(?:[\w-]+ ){0,2})$",
    re.I,
)
"""Before a treatment name: planned, advised, taken before the reaction for another
disease (concomitant medication), the skin's preparation for the injection ("cleansed with
chlorhexidine"), the approach of a procedure ("through a skin incision"), or the drug the
suspect was switched to ("enoxaparin was switched to fondaparinux", "management was rotated
to", "an alternative anticoagulant": a dechallenge, not a treatment, docs/annotation.md)."""
DURING = re.compile(
    r"\bduring (?:(?:the|a|an|his|her|their|its) )?(?:(?!with\b|of\b|using\b|by\b)[\w-]+ ){0,3}$",
    re.I,
)
"""The procedure a time adverbial names ("anaphylaxis after ICG administration during
laparoscopic resection", "given during a lymphographic procedure"): the setting in which
the suspect was given or the reaction began, not a treatment of it; a name after "with",
"of", "using" or "by" ("during treatment with prednisone") is what was given."""
REACTION_AFTER = re.compile(
    r"^[^.;]*?\b(?:and|then|after which)\b[^.;]*?\b(?:developed|experienced|suffered"
    r"|presented)\b",
    re.I,
)
"""After the procedure, in its sentence, the reaction began ("underwent a tumorectomy ... and
experienced an anaphylactic reaction"): the procedure came first."""
PLANNED = re.compile(r"\b(?:electively|scheduled)\b", re.I)
FOR_TREATING = re.compile(r"^\s*(?:for|as) (?:the )?(?:treatment|management) of\b", re.I)
"""'underwent excision for treatment of a granuloma': done for the reaction."""
DIAGNOSED = re.compile(r"\b(?:was|were) diagnosed\b", re.I)
"""A diagnosis told before the procedure in its sentence: the procedure treated it."""
SETTING = re.compile(r"(?:treatments?|therap(?:y|ies)|management|care)$", re.I)
"""A treatment named as such ("during symptomatic treatment") is no procedure's setting."""
UNDERWENT = re.compile(
    r"\b(?:who|she|he|they|patient|woman|man|girl|boy|child|female|male) (?:had )?"
    r"(?:underw[a-z]+|(?:was |were )?(?:\w+ly )?(?:admitted|scheduled) for) "
    r"(?:(?:an?|the|his|her) )?(?:[\w-]+ ){0,3}$",
    re.I,
)
"""A procedure a person underwent or was admitted for, named in a sentence before the
first reaction or in its own sentence ("who underwent left breast tumorectomy with sentinel
node staging using the dye and experienced anaphylaxis", "was admitted for
parathyroidectomy", "she underwent a resection and received prophylaxis with
nadroparine"): the surgery the suspect was given for or during, told before the reaction it
cannot treat. Not what a lesion underwent ("the wounds underwent surgical debridement")."""
HISTORY = re.compile(
    r"\b(?:medical|surgical|past|previous) history (?:was |is )?(?:of|includ\w+|significant for"
    r"|notable for|remarkable for)\b[^.;]*$|\(\s*on (?:[\w-]+ ){0,2}$"
    r"|\bchemotherap\w* (?:\w+ ){0,2}(?:consisted of|comprised|comprising|including|with)\b[^.;]*$"
    r"|\b(?:side[- ]effects?|intoleran(?:ce|t)|(?:cross-?)?allerg(?:y|ic)|hypersensitivity"
    r"|anaphylaxis|reactions?) (?:with|to|from|against) (?:both |either |the |these |such )?"
    r"(?:[\w-]+ )?$",
    re.I,
)
"""A name in the clause a medical history opens ("Her past medical history included
carcinoma (on chemotherapy), dermatomyositis (on hydroxychloroquine)", "a past medical
history of ... requiring three stent placements") or in a bracketed "(on ...)" after a
disease, the drugs a chemotherapy consisted of (the cancer's treatment), and a drug the
patient had side effects with or an allergy to ("experienced side effects with both niacin
and colestipol", "allergy to heparins"): what the patient had or was taking before, or a
cause, not a treatment of the reaction."""
APPROACH = re.compile(r"incisions?|liposuction", re.I)
BY_WAY_OF = re.compile(r"\b(?:through|via|using) (?:an? |the )?(?:[\w-]+ ){0,3}$", re.I)
"""The way in of another procedure ("excised through a circumferential subcoronal incision",
"mastectomies via periareolar incisions", "explored using a Brunner type incision", "fat
obtained via abdominal liposuction"): the
approach or the harvest, not a treatment of its own."""
INGREDIENT_BEFORE = re.compile(
    r"\b(?:adsorbed|absorbed|containing|contains|composed of|mixed with|combined with|diluted"
    r"|adjuvant(?:ed)?|preserved|reconstitut\w*)\b(?:[^.;:,]|(?<=\d):(?=\d)){0,30}$",
    re.I,
)
"""A name given as an ingredient of the product ("adsorbed in aluminum hydroxide", "diluted 1:1
with sodium chloride", "hyaluronidase 1500 units reconstituted with lidocaine")."""
_DILUTION = r"1\s*:\s*\d{2,3}[,.\s]?000\b"
VASOCONSTRICTOR_BEFORE = re.compile(
    rf"(?:\b[a-z]*caine\b[^.;]{{0,25}}?(?:\bwith|\band|\bplus|/|\+)\s*|{_DILUTION}\s*)"
    r"(?:(?:epinephrine|adrenaline)\s*[\[(]\s*)?$",
    re.I,
)
VASOCONSTRICTOR_AFTER = re.compile(rf"\s*[\])]?\s*\(?\s*{_DILUTION}", re.I)
"""Epinephrine as the vasoconstrictor of a local anaesthetic: named after the anaesthetic
("lignocaine 2% with epinephrine", "lidocaine/epinephrine") or with its dilution ("1:80 000
epinephrine", "epinephrine 1:100,000"; an anaphylaxis dose is 1:1000). The anaesthetic's
ingredient, given before the reaction, not its treatment."""
GENERAL = re.compile(
    r"\b(?:include|includes)\b|\b(?:first )?(?:described|reported|named) by (?-i:[A-Z])"
    r"|\bdifferential diagnos[ie]s\b",
    re.I,
)
"""A sentence about drugs in general, not given to this patient: an enumeration in the
present ("other injectables linked to the syndrome include NSAIDs, ...": a narrative says
"included") or a literature attribution ("it was described by Nicolau after injections of
bismuth salts"), or a differential diagnosis ("Differential diagnosis included ... microbial
contaminants from a liposuction cannula": causes weighed, no treatment given)."""
GENERIC_PRESENT = re.compile(
    r"\b(?:often|usually|typically|generally|commonly|widely|frequently|routinely"
    r"|in (?:some|most|many|such) cases"
    r"|(?:is|are) (?:effective|recommended|indicated|required|the (?:treatment|therapy))"
    r"|(?:is|are) (?:\w+ )?(?:essential|crucial|critical|vital|important|necessary|mandatory)"
    r"|(?:essential|crucial|critical|vital|important|key) (?:steps?|roles?|parts?|components?)"
    r"|requires?|consists? of"
    r"|(?:can|may|could|should|must) (?:\w+ )?be [\w-]+(?:ed|en))\b",
    re.I,
)
"""A present-tense statement about the condition or the drug ("The lesion often requires
surgical treatment", "In some cases, surgical treatment is effective", "heparins can be
administered by the patient"): no treatment of this patient unless a past-tense verb comes
first (:func:`.roles.told_in_past`). A generic sentence says what holds in general: a
frequency adverb ("are widely prescribed"), an evaluation ("resuscitation and surgical
management are essential", "a critical step in their management is debridement") or a modal
passive ("can be self-administered at home"), none of which narrates what was done (Carlson
and Pelletier, *The Generic Book*, 1995, ch. 1: generic sentences and their markers)."""
MESH = re.compile(
    r"\s/\s(?:administration & dosage|adverse effects|therapeutic use|drug therapy"
    r"|chemically induced|diagnosis|etiology|pathology|surgery|therapy)\b"
    r"|,\s(?:administration & dosage|adverse effects|chemically induced|drug therapy"
    r"|blood supply|therapeutic use),\s"
    r"|^\s*(?i:key\s?words?|index terms|MeSH terms?)\s*:"
)
"""MeSH index terms with their subheadings ("Simethicone / administration & dosage"): the
record's keywords, not a sentence of the case (docs/annotation.md: MeSH terms are not read);
also listed with commas ("Methylprednisolone, administration & dosage, adverse effects,
Retinal Diseases, chemically induced"), or a keyword line ("Keywords: anaesthesia, medical
management, intensive care")."""
TITLE_CUE = re.compile(
    r"\b(?:resolution|resolved|treat(?:ed|ment)|managed|management|successful(?:ly)?)\b[^.]*"
    r"\bwith\b",
    re.I,
)
"""A title that names the treatment ("Resolution of ... with oral methotrexate")."""
TITLE_BEFORE = re.compile(
    r"\b(?:in|for|as) (?:the )?(?:management|treatment|therapy|salvage|rescue) of\b"
    r"|\bfor (?:treating|managing)\b",
    re.I,
)
"""A title that names the treatment before its use ("Split-thickness skin grafting in the
management of cutaneous sequelae of ...")."""
FRAMED = re.compile(
    r"\b(?:treat(?:ed|ment)|managed|therapy|prescribed|started on)\b[^.;]{0,60}"
    r"\b(?:with|on|using|of|by)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
"""A treatment frame right before a name ("treated with oral ...", "therapy with")."""
RECOVERED_AFTER = re.compile(
    r"\b(?:after|following) (?:[^.;]|(?<=\d)\.(?=\d)){0,150}\b"
    r"(?:improv|resol|heal|recover|relie|subsid|disappear)"
    r"\w*\b",
    re.I,
)
"""A name between "after" and a recovery ("After administration of adrenaline, saline and
dexchlorpheniramine she recovered", doses with decimal points between): a treatment frame
as "treated with" is, also before a first reaction the reaction finder placed later."""
LEAD = re.compile(r"(?:after|following|with|on|under)\b[^,]{0,40},\s*", re.I)
ROUTES = {
    "oral": Route.oral,
    "topical": Route.topical,
    "intravenous": Route.intravenous,
    "intralesional": Route.intralesional,
    "intramuscular": Route.intramuscular,
    "subcutaneous": Route.subcutaneous,
}
