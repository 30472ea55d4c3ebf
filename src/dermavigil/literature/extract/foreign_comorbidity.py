"""The illnesses a patient is introduced with, in a case report written in Spanish, Portuguese,
French, German or Italian: conditions the patient had before the events, not reactions.

A case report opens with the patient and what the patient lives with: "Varón de 38 años con
hipertensión arterial e insuficiencia renal crónica, que ...", "Une femme de 47 ans, ayant une
hypothyroïdie", "Eine 60-Jährige mit rheumatoider Arthritis bemerkt ...". A condition joined to
the patient's noun by "with" ("con", "com", "avec", "ayant", "mit") before the story's first
verb is one the patient had (docs/annotation.md: pre-existing disease is no reaction), as the
English path reads "a woman with asthma who received ..." (:func:`.preexisting.pre_existing`,
a named condition after "a patient with"). The same "with" also introduces the reaction the
patient came with ("Mujer de 45 años con nódulos dolorosos en los labios"), so only an illness
of an organ system a chronic disease affects (the heart and vessels, kidneys and urinary tract,
endocrine glands, lungs, immunity, metabolism, digestion, bones and joints, a neoplasm: HPO
top-level branches, Köhler S et al. 2021, Nucleic Acids Res 49(D1):D1207-D1217) is read so, and
never one told with a cause after it ("con oclusión vascular tras la inyección": the event) or
with how long it has lasted in days ("com dispneia há 2 dias": the complaint the patient came
with).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.ascii_folding import whole_words
from dermavigil.literature.extract.foreign_background import STORY
from dermavigil.literature.extract.reaction_merge import ancestors

_PATIENT = (
    r"paciente|pacientes|mujer(?:es)?|hombres?|varon(?:es)?|nin[oa]s?|mulher(?:es)?|homem|homens"
    r"|femmes?|hommes?|patientes?|patients?|patientin(?:nen)?|patienten|frau(?:en)?|mann|manner"
    r"|donna|donne|uomo|uomini|pazient[ei]|\d+-?jahrige\w*"
)
_WITH = r"con|com|avec|ayant(?: une?| des)?|mit"
_INTRODUCED = re.compile(
    rf"(?<![\w-])(?:{_PATIENT})(?![\w-])(?P<mid>[^.;:]{{0,60}}?)(?<![\w-])(?:{_WITH})\s+"
    r"(?P<listed>[^.;:]{0,80}?)$"
)
_CAUSE_AFTER = whole_words(
    r"tras|despues|apos|depois|apres|nach|dopo|post|pos|secundari\w*|secondaire\w*"
    r"|asociad\w*|associad\w*|associee?s?|inducid\w*|induzid\w*|induite?s?|provocad\w*"
    r"|provoquee?s?|causad\w*|causee?s?|debid\w*|devid\w*|relacionad\w*|liee?s?|durch|infolge"
)
_BREAK = re.compile(r"[.;:]")
_RECENT = re.compile(
    r"(?<![\w-])(?:ha|hace|desde hace|depuis|seit|da)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:horas?|dias?|semanas?|heures?|jours?|semaines?|stunden|tagen|wochen|ore|giorni"
    r"|settimane)(?![\w-])|(?:dias|semanas|jours|semaines) d['e ]\s*evolu"
)
"""How long a complaint has lasted, in hours, days or weeks ("há 2 dias", "de tres días de
evolución", "depuis 3 jours", "seit zwei Tagen"): the symptom the patient came with, not an
illness of years."""
CHRONIC_BRANCHES = frozenset(
    {
        "HP:0001626",  # Abnormality of the cardiovascular system
        "HP:0000119",  # Abnormality of the genitourinary system
        "HP:0000818",  # Abnormality of the endocrine system
        "HP:0002086",  # Abnormality of the respiratory system
        "HP:0002715",  # Abnormality of the immune system
        "HP:0001939",  # Abnormality of metabolism/homeostasis
        "HP:0025031",  # Abnormality of the digestive system
        "HP:0002664",  # Neoplasm
        "HP:0000924",  # Abnormality of the skeletal system
    }
)
"""The organ systems of the chronic illnesses a case report introduces its patient with."""
_NOT_CHRONIC = frozenset({"HP:0000951", "HP:0000969"})
"""Skin findings, and edema (under metabolism/homeostasis in the HPO): what an injection
does locally, the reaction the patient may come with."""


def introduced_with(folded: str, begin: int, start: int, end: int, stop: int, codes) -> bool:
    """Whether the mention at ``start``-``end`` (HPO ``codes``) of a sentence (``begin``-
    ``stop``, folded) is an illness the patient is introduced with (module docstring)."""
    found = _INTRODUCED.search(folded, max(begin, start - 160), start)
    if found is None or STORY.search(found.group("mid")) or STORY.search(found.group("listed")):
        return False
    if not codes or not all(_chronic(code) for code in codes):
        return False
    clause = folded[end:stop]
    cut = _BREAK.search(clause)
    clause = clause[: cut.start()] if cut else clause
    if _RECENT.search(clause):
        return False  # "com intensa dispneia ... há 2 dias": the complaint the patient came with
    cause = _CAUSE_AFTER.search(clause)
    verb = next((m for m in STORY.finditer(clause) if not _CAUSE_AFTER.fullmatch(m.group(0))), None)
    return cause is None or (verb is not None and verb.start() < cause.start())


def _chronic(code: str) -> bool:
    above = ancestors(code) | {code}
    return bool(above & CHRONIC_BRANCHES) and not above & _NOT_CHRONIC
