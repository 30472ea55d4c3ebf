"""Where a treatment name stands for something other than a treatment of the reaction.

:mod:`.treatment` drops a name found in a case sentence when its context says it is not
given for the reaction: withheld ("hyaluronidase was not given"); part of an institution's
or a journal's name ("Journal of Cosmetic and Laser Therapy"); a drug name that is part of
a laboratory test's name ("alanine aminotransferase"); a procedure the patient had before
the suspect was given (the injection was given "after uncomplicated endoscopic
polypectomy", "on the 8th postoperative day following total abdominal hysterectomy": the
time anchor of the exposure, docs/ annotation.md: "what was given or done for the
reaction"); the patient's standing medication ("a patient taking warfarin", "previously
treated with metformin, developed") or a premedication given before the (next) exposure;
an antibody class ("immunoglobulin E-mediated"); a substance tested on the skin ("patch
testing of the excipients, including benzyl alcohol"); an antibiogram ("sensitive to
ciprofloxacin", "methicillin-sensitive").
"""

from __future__ import annotations

import re

_NOT_GIVEN_AFTER = re.compile(
    r"^(?:[\s,]+[\w-]+)?(?:\s*,[^,.;]{1,30},)?[\s,]+"
    r"(?:(?:(?:was|were|is|are) not|has not been|have not been|had not been|never)\s+"
    r"(?:\w+\s+)?(?:given|administered|used|performed|started|required|needed|necessary"
    r"|indicated|applied|done)"
    r"|(?:was|were|has been|have been) (?:\w+ly )?(?:spared|avoided|withheld|unnecessary))\b",
    re.I,
)
"""'Hyaluronidase was not given', 'steroid injections have not been given', 'phentolamine
rescue was not performed', 'phentolamine rescue, kept at hand, was not necessary',
'surgical excision was spared' (a name, one noun and a bracketing comma phrase): a
treatment withheld or found unneeded (NegEx lacks this post-trigger)."""
_PLANNED_AFTER = re.compile(
    r"^\s+(?:(?:was|were|being) )?(?:\w+ly )?(?:scheduled|planned|considered|proposed|offered)\b",
    re.I,
)
"""'with surgical intervention initially scheduled', 'inhibitor therapy was considered': a
treatment planned or weighed, not given (docs/annotation.md: only recommended is not one)."""
_INSTITUTION_AFTER = re.compile(
    r"^(?:\s*(?:&|and)\s+[\w-]+)?\s+(?:Institute|Center|Centre|Clinic|Department|Unit|University"
    r"|Hospital|Society|department|clinic|centre|center)\b"
)
"""An institution's name after the name ("Renaissance Clinic"; "the acupuncture & moxibustion
department" with a second name coordinated)."""
_PLACE_AFTER = re.compile(r"^\s+(?:sites?|beds?)\b", re.I)
"""A procedure's name before "site" or "bed": the place ("injected into the excision site"), not
the procedure done for the reaction."""
_JOURNAL = re.compile(r"\bJournal of (?:(?-i:[A-Z])[\w-]*,? (?:and |& )?){0,5}$")
"""Title-case words after "Journal of" up to the name: a journal's title."""
_LAB_AFTER = re.compile(
    r"^\s+(?:amino-?transferase|transaminase|aminotransferase|dehydrogenase|phosphatase"
    r"|kinase|levels?|concentrations?|clearance)\b",
    re.I,
)
"""After a drug name: a laboratory test named with it ("alanine aminotransferase", "serum
calcium levels")."""
_TEST_AFTER = re.compile(
    r"^\s+(?:angiogra(?:ms?|phy)|tests?|testing|assays?|scans?|scintigraphy|staining|stains?"
    r"|uptake|challenge tests?)\b",
    re.I,
)
_CONTROL_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:served|used|as) (?:as )?(?:the |a )?(?:negative|positive)"
    r"(?: (?:and|or) (?:negative|positive))? controls?\b",
    re.I,
)
"""A substance a skin test used as its control ("saline and histamine were used as negative
and positive controls"): part of the test, not given for the reaction."""
_TEST_BEFORE = re.compile(
    r"\b(?:measurements?|assays?|levels?|tit(?:er|re)s?|concentrations?|determination"
    r"|detection|quantification|tests?|testing|cultures?|stain(?:ing)?)\s+(?:of|for)\s+"
    r"(?:(?:the|serum|plasma|urine|specific)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""A name that is the object of a measurement or a test ("measurement of immunoglobulin and
anti-insulin antibody levels", "a culture of the drainage") or the modifier of a test's
name ("fluorescein angiogram", "tensilon test"): what a laboratory or an imaging test used
or measured, a diagnostic act (docs/annotation.md: a test is neither a reaction nor a
treatment), not a treatment given (the test's head noun names the act: a noun compound is
a kind of its head, Downing, "On the creation and use of English compound nouns",
Language 53, 1977)."""
_ANTIBODY_CLASS_AFTER = re.compile(
    r"^\s+(?-i:[ADEM]\d?\b|G\d?\b(?=[\s-]+(?:mediated|antibod|levels?|titers?|titres?|deposit"
    r"|subclass|positiv|negativ)))",
    re.I,
)
"""After "immunoglobulin": an antibody class ("immunoglobulin E-mediated hypersensitivity",
"immunoglobulin G4 levels"), no immunoglobulin given."""
_HISTORY_BEFORE = re.compile(
    r"\b(?:previously|formerly|already|long-term|chronically|(?:was|were|is|are|been) being)"
    r" (?:treated|managed|maintained)\b[^.;]{0,80}$"
    r"|\bwith (?:[\w'-]+ ){1,4}(?:treated|managed|controlled) (?:with|by|on)\b[^.;]{0,80}$",
    re.I,
)
_ONSET_AFTER = re.compile(
    r"^[^.;]{0,120}?\b(?:experienced|developed|presented|noticed|complained|suffered)\b", re.I
)
"""A patient told as "previously treated with" drugs, or "with rheumatoid arthritis treated
with" a drug, who then "developed" the reaction: the drugs are the history before the
exposure, not a treatment of its reaction."""
_EARLIER_FRAME = re.compile(
    r"\bhad (?:been )?(?:[\w-]+\s+){0,2}?(?:treated|managed|given|received|taken|placed on"
    r"|started on|maintained on)\b[^.;]{0,200}$"
    r"|\b(?:before|prior to) (?:starting|initiating|commencing|beginning|switching to)\b"
    r"[^.;]{0,200}$"
    r"|\bover the (?:past |last |following )?(?:years|decades)\b[^.;]{0,200}$",
    re.I,
)
"""A therapy told in the pluperfect ("he had been treated with topical therapies",
"had been repeatedly treated with adjuvant chemotherapy"), before the suspect was started
("Before starting the biologic therapy, ... cyclosporine ... were given") or over years:
the time of the event lies before the reference time of the narrative, the reaction
(Reichenbach's E < R for the past perfect, *Elements of Symbolic Logic*, 1947, sec. 51), so
it treated the underlying disease, not the reaction. Not when the clause is about the
reaction (:data:`_RECOVERY`)."""
_PRIOR = re.compile(
    r"\b(?:inject\w*|administ\w*|vaccinat\w*|received|given)\b[^.;]{0,120}\b(?:after|following)"
    r"\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,5}$",
    re.I,
)
"""An administration told as following the named procedure: the procedure came first."""
_STANDING_BEFORE = re.compile(
    r"\b(?:pre-?medicat\w*|pre-?treat\w*|habitual\w*|usual (?:medication|treatment|therap)\w*"
    r"|current(?:ly)? (?:treated|taking|receiving|on|medications?)|regular medications?"
    r"|(?:was|were|had been) (?:already |previously )?(?:taking|receiving|maintained on)"
    r"|(?:patients?|who|s?he|man|woman|person|individual|while|and) taking"
    r"|(?:an?|the) (?:\w+ )?(?:patients?|man|woman|person|individual) receiving"
    r"|chronic (?:treatment|therapy|medication)s? (?:with|of)"
    r"|(?:home |daily )?medications? (?:included|consisted of|comprised|were))\b[^.;]{0,80}$",
    re.I,
)
"""The patient's standing medication ("her habitual treatment consisted of", "currently
treated with", "medications included", "chronic treatment with", "in a patient receiving
daily aspirin") or a premedication: taken
before the reaction or given to prevent it, not a treatment of it (docs/annotation.md:
premedication before a rechallenge is not a treatment of the reaction)."""
_MEDICATION_LIST = re.compile(
    r"\b(?:medications?|medicines|drugs) (?:[\w-]+ ){0,6}?(?:included|consisted of|comprised"
    r"|were)\b[^.;]{0,300}$",
    re.I,
)
"""A list of the patient's medications ("His medications on presentation in dermatology clinic
included morphine, methocarbamol, ..."): every name of the list, however long, is a
standing medication."""
_STANDING_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:pre-?medication|pre-?treatment|(?:prior to|before) (?:the |each |every "
    r"|his |her |their )?(?:next |subsequent |following |first |second |further )?(?:injections?"
    r"|doses?|infusions?|vaccinations?|immunotherapy|(?:re)?challenge|re-?exposure))\b",
    re.I,
)
"""After a name: given as a premedication or before the (next) exposure ("antihistamine
premedication", "omalizumab ... prior to the re-exposure")."""
_TESTED_BEFORE = re.compile(
    r"\b(?:patch|prick|intradermal|intracutaneous|epicutaneous|skin|provocation|challenge|allergy)"
    r"[ -]?test(?:s|ing|ed)?\b(?![^.;]{0,80}\b(?:treat\w*|therapy|resol\w*|improv\w*))"
    r"[^.;]{0,80}$|\b(?:was|were) (?:\w+ )?tested (?:with|for|to|against)\b[^.;]{0,60}$",
    re.I,
)
"""A substance named in the clause of a skin, patch or provocation test ("Patch testing of
the excipients, including benzyl benzoate, ...", "she was tested with ..."): tested, not
given for the reaction (docs/annotation.md: a skin test is diagnostic, neither a reaction
nor a rechallenge), unless the clause goes on to a treatment or a recovery."""
_SUSCEPTIBILITY = re.compile(
    r"\b(?:sensitive|susceptible|resistant|resistance|sensitivity|susceptibility) (?:to|for)\b"
    r"(?:(?!\b(?:treat|giv|start|administ|receiv|prescrib|manag|switch|chang))[^.;]){0,100}$",
    re.I,
)
_SUSCEPTIBILITY_AFTER = re.compile(r"^[\s-]+(?:resistant|sensitive|susceptible)\b", re.I)
"""An antibiogram: the drugs an organism was sensitive or resistant to ("sensitive to
parenteral aminoglycosides and ciprofloxacin") or a drug naming an organism's susceptibility
("a methicillin-sensitive Staphylococcus aureus"): a laboratory result, not a treatment
(docs/annotation.md: test results are not reactions nor treatments); a verb of treating
after the list ends it ("..., and she was treated with")."""
_RECOVERY = re.compile(
    r"\b(?:resol|improv|heal|regress|revers|recover|subsid|disappear|treat|manag)\w*\b[^.;]{0,40}$",
    re.I,
)


_OF_REACTION = re.compile(
    r"\b(?:complications?|lesions?|reactions?|adverse|side[ -]effects?|nodules?|necrosis"
    r"|ulcers?|abscess\w*|infection|swelling|granulomas?|symptoms?|worse\w*|worsen\w*)\b",
    re.I,
)
"""Words of the reaction in the clause: the earlier therapy treated it ("the nodules had
been treated with antibiotics")."""


def not_for_the_reaction(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is withheld, an institution's or a journal's
    title word, a laboratory test or a procedure done before the exposure (see the module
    docstring)."""
    before, after = text[max(0, start - 220) : start], text[end:]
    wide = text[max(0, start - 400) : start]
    if (
        _INSTITUTION_AFTER.match(after)
        or _NOT_GIVEN_AFTER.match(after)
        or _PLANNED_AFTER.match(after)
        or _PLACE_AFTER.match(after)
    ):
        return True
    if _JOURNAL.search(before) or _LAB_AFTER.match(after) or _TEST_AFTER.match(after):
        return True
    if _CONTROL_AFTER.match(after):
        return True
    if _TEST_BEFORE.search(before[-60:]):
        return True
    if text[start:end].lower().startswith("immunoglobulin") and _ANTIBODY_CLASS_AFTER.match(after):
        return True
    if _HISTORY_BEFORE.search(before[-120:]) and _ONSET_AFTER.match(after):
        return True
    if _TESTED_BEFORE.search(before[-120:]) or _SUSCEPTIBILITY.search(before[-120:]):
        return True
    if _SUSCEPTIBILITY_AFTER.match(after):
        return True
    if _STANDING_BEFORE.search(before[-120:]) or _STANDING_AFTER.match(after):
        return True
    if _MEDICATION_LIST.search(text[max(0, start - 400) : start]):
        return True
    earlier = _EARLIER_FRAME.search(wide)
    if earlier and not _RECOVERY.search(wide, earlier.end()) and not _OF_REACTION.search(wide):
        return True
    return bool(_PRIOR.search(before)) and not _RECOVERY.search(before)
