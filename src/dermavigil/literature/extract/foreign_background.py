"""The patient's background in a case report written in Spanish, Portuguese, French, German or
Italian: the history and the standing medication a case sentence names before the story.

A case report opens with who the patient was: "con antecedentes de diabetes mellitus e
hipertensión, en tratamiento con metformina", "com história de lúpus, em uso de
prednisona", "aux antécédents de ..., sous traitement par ...". A condition named in such a
clause is pre-existing (no reaction: docs/annotation.md, pre-existing disease), a drug named
there is standing medication (no treatment of the reaction), as the English path reads "with
a history of" and "on metformin" (:mod:`.preexisting`). The clause runs from its cue to
the end of the clause: a full stop or a semicolon, or the verb that starts the story ("...,
y acude por un nódulo": the nodule is the reaction).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.ascii_folding import whole_words as _words

HISTORY = _words(
    # es, pt
    r"antecedentes?(?: (?:personales|patologicos|medicos|familiares|pessoais|patologicos))?"
    r"(?: (?:de interes|relevantes?|importantes?))?(?: de)?|historia (?:clinica |previa )?de"
    r"|historico de|historia pregressa de|portador[a]? de|conocid[oa] por|sabid[oa]"
    r"|diagnosticad[oa] (?:previamente |hace \w+ \w+ )?(?:de|com)"
    r"|afect[oa] de|aquejad[oa] de|que padece|padece|afetad[oa] (?:de|por)|sofre de"
    # fr
    r"|antecedents?(?: (?:personnels|medicaux))?(?: de| d')?|aux antecedents de"
    r"|connue? pour|suivie? pour|atteinte? d(?:e|u|es|')|souffrante?s? d(?:e|u|es|')"
    # de
    r"|vorgeschichte|vorerkrankung(?:en)?|anamnestisch|bekannte[rmn]?|leidet an"
    # it
    r"|anamnesi (?:positiva per|di)|storia di|affett[oa] da|nota per"
)
"""Words that open the patient's history ("antecedentes de", "história de", "antécédents
de", "Vorerkrankungen", "anamnesi positiva per") or a condition the patient lives with
("afecta de", "atteint d'une", "que padece")."""
HISTORY_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:como|comme|come|als) (?:(?:unico|principal|o unico|seul|unico)"
    r" )?(?:antecedentes?|antecedents?|vorerkrankung)(?![\w-])"
)
"""After a condition: named as the history ("hipotiroidismo idiopático como único
antecedente de interés")."""
STANDING = _words(
    r"en tratamiento (?:habitual |cronico |actual )?con|tratamiento habitual(?: con)?"
    r"|medicacion habitual|en tto\.? con"
    r"|em tratamento (?:regular |continuo )?com|em uso (?:regular |continuo |cronico )?de"
    r"|medicacao (?:habitual|de uso continuo)|uso continuo de"
    r"|sous traitement (?:par|de)|traitement habituel|traitee? au long cours par"
    r"|unter (?:einer )?(?:dauer)?(?:therapie|behandlung|medikation) mit|dauermedikation"
    r"|in (?:terapia|trattamento) (?:cronic[oa] )?con|terapia abituale"
)
"""Words before the patient's standing medication ("en tratamiento con", "em uso de",
"sous traitement par", "unter Therapie mit", "in terapia con")."""
BACKGROUND = re.compile(f"{HISTORY.pattern}|{STANDING.pattern}")
"""Either: what a drug named in the patient's background is (no treatment of the reaction)."""
STORY = _words(
    r"consult\w*|acud\w*|present\w*|refier\w*|refiere|ingres\w*|apresent\w*|procur\w*"
    r"|deu entrada|evolu\w*|desarroll\w*|aparec\w*|inici\w*|comenz\w*|relat\w*|not[oóa]u?"
    r"|stellte sich|vorgestellt|entwickelt\w*|si e presentat\w*|riferi\w*|svilupp\w*"
    r"|tras|despues|apos|depois|apres|nach|dopo|luego|posteriormente"
    r"|consecuente|consequente|secundari\w*|asociad\w*|associad\w*|inducid\w*|induzid\w*"
    r"|provocad\w*|causad\w*|induite?s?|liee?s?|dovut\w*"
)
"""A verb, a time word or a cause word that starts the story in a background sentence
("..., y acude por", "..., présentait", "após a aplicação", "consequente à vacinação"): the
background clause ends there."""
_CLAUSE_BREAK = re.compile(r"[.;]|,\s*(?:(?:y|e|et|und)\s+)?(?:con|com|avec|mit)(?![\w-])")
"""A full stop, a semicolon, or a comma before a new "with" phrase ("portador de anemia, com
linfadenite ...": the lymphadenitis is the case's)."""


def in_background(folded: str, start: int, begin: int, cues: re.Pattern[str]) -> bool:
    """Whether a cue of ``cues`` opens a clause that still runs at ``start``: the cue lies
    between ``begin`` (the sentence's start) and ``start``, with no clause break
    (:data:`_CLAUSE_BREAK`) or story word (:data:`STORY`) between it and ``start``."""
    last = None
    for match in cues.finditer(folded, begin, start):
        last = match
    if last is None:
        return False
    between = folded[last.end() : start]
    return not (_CLAUSE_BREAK.search(between) or STORY.search(between))
