"""The condition a product was given for, in a case report written in Spanish, Portuguese,
French, German or Italian: the indication, not a reaction.

A case report tells why the patient received the suspect before telling what it did: "debido a
una amigdalitis aguda recibió penicilina", "une séance de mésothérapie réalisée pour une
tendinite", "eine Injektion wegen Rückenschmerzen". A condition bound to the giving of a
product by a preposition of purpose or cause is its indication (docs/annotation.md: the
indication is no reaction), as the English path reads "an injection of diclofenac due to back
pain" (:data:`.preexisting._INDICATION`). Two orders:

- the giving, then the purpose ("inyección ... por", "reçu pour", "Injektion wegen"): the
  condition is the indication unless the case has already told it as a reaction, or a
  treatment's name stands between (a treatment given for the reaction: "traitement
  antibiotique pour une cellulite");
- the cause first ("debido a", "en raison d'", "aufgrund von"), then the giving in the same
  clause: the indication when no reaction has been told yet (the reason for a treatment the
  reaction itself caused comes after the reaction in the story).

No story verb (:data:`.foreign_background.STORY`: "presentó", "a développé") may stand between
the giving and the purpose: "tras la inyección presentó ... por" is another clause of the story.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.ascii_folding import whole_words
from dermavigil.literature.extract.foreign_background import STORY
from dermavigil.literature.extract.foreign_treatments import TREATMENT_NAME

_GIVEN = (
    r"inyeccion(?:es)?|inyectad[oa]s?|infiltracion(?:es)?|aplicacion(?:es)?|administrad[oa]s?"
    r"|injec(?:ao|oes)|injetad[oa]s?|aplicad[oa]s?|infiltrac(?:ao|oes)"
    r"|injections?|injectee?s?|infiltrations?|administree?s?|seances?"
    r"|[a-z-]*injektion(?:en)?|injiziert|verabreicht|[a-z-]*impfung(?:en)?"
    r"|iniezion[ei]|iniettat[oaie]|somministrat[oaie]|infiltrazion[ei]"
    r"|mesoterapia|mesotherapie|vacunacion|vacinacao|vaccination|vaccinazione"
    r"|recibio|recebeu|a recu|avait recu|recue?s?|erhielt|ricevuto|ricevette"
    r"|realizad[oa]s?|realisee?s?|effectuee?s?|pratiquee?s?|eseguit[oaie]"
)
"""Words of giving a product: the injection and its kinds, the participles of giving, and the
verbs of receiving or performing it (the words of :data:`.foreign_words.EXPOSURE` and of the
giving verbs)."""
_PURPOSE = (
    r"para|por|pour|per|fur|wegen|aufgrund (?:von|des|der|eines|einer)"
    r"|zur behandlung (?:von|des|der)"
    r"|debido a|devido a|a causa de|por causa de|en raison d(?:e|u|es|')|a cause d(?:e|u|es|')"
    r"|a causa d(?:i|el|ella|ei|elle)"
)
"""Prepositions of purpose and cause (Spanish and Portuguese "para", "por", "debido a"; French
"pour", "en raison de"; German "für", "wegen", "aufgrund von"; Italian "per", "a causa di")."""
_CAUSE = (
    r"debido a|devido a|a causa de|por causa de|en raison d(?:e|u|es|')|a cause d(?:e|u|es|')"
    r"|a causa d(?:i|el|ella|ei|elle)|aufgrund (?:von|des|der|eines|einer)|wegen"
)
"""The prepositions of cause alone, which may come before the giving they explain."""
_GIVEN_THEN_FOR = re.compile(
    rf"(?<![\w-])(?:{_GIVEN})(?![\w-])(?P<between>[^.;:]{{0,80}}?)"
    rf"(?<![\w-])(?:{_PURPOSE})(?:'|\s+)(?:[\w'-]+\s+){{0,3}}$"
)
_CAUSE_BEFORE = re.compile(rf"(?<![\w-])(?:{_CAUSE})(?:'|\s+)(?:[\w'-]+\s+){{0,3}}$")
_BREAK = re.compile(r"[.;:]")
_GIVING = whole_words(_GIVEN)


def indication(folded: str, begin: int, start: int, end: int, stop: int, told: bool) -> bool:
    """Whether the mention at ``start``-``end`` of a case sentence (``begin``-``stop``, the
    text folded to ASCII) names what the product was given for; ``told``: the case has
    already told a reaction (module docstring)."""
    before = folded[max(begin, start - 160) : start]
    given = _GIVEN_THEN_FOR.search(before)
    if given is not None:
        between = given.group("between")
        if not (STORY.search(between) or TREATMENT_NAME.search(between)):
            return True
    if told or _CAUSE_BEFORE.search(before) is None:
        return False
    after = _GIVING.search(folded, end, min(stop, end + 80))
    if after is None:
        return False
    gap = folded[end : after.start()]
    return not (_BREAK.search(gap) or STORY.search(gap))
