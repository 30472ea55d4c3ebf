"""Seriousness criteria a case in another language states.

Death, hospitalisation and disability in the language's words (``SERIOUS``), a surgical
management of the reaction, a surgical treatment, a diagnosis life-threatening by itself,
and the criteria the reactions' HPO codes carry
(:func:`.seriousness_codes.reaction_criteria`), as ICH E2A II.B defines them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dermavigil.domain.vocab import SeriousnessCriterion
from dermavigil.literature.extract.foreign_languages import words_for
from dermavigil.literature.extract.foreign_treatments import negated
from dermavigil.literature.extract.foreign_words import SURGERY
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.seriousness_codes import reaction_criteria

if TYPE_CHECKING:
    from dermavigil.literature.extract.foreign import ForeignFacts

Span = tuple[int, int]
_LIFE_THREATENING = frozenset({"botulism"})
"""Diagnoses life-threatening by the written criteria (``docs/annotation.md``, serious)."""

_SURGICAL_MANAGEMENT = re.compile(
    r"(?<![\w-])(?:(?:prise en charge|traitement|tratamiento|tratamento|manejo|abordaje"
    r"|intervencion|intervencao|intervention|trattamento|intervento) (?:\w+ )?(?:quirurgic[oa]"
    r"|cirurgic[oa]|chirurgicale?|chirurgic[oa])|(?:chirurgisch|operativ)(?:e|en)? (?:versorgung"
    r"|behandlung|therapie|sanierung)|drenad[oa]s? (?:quirurgicamente|cirurgicamente"
    r"|por (?:los |el )?cirujanos?)|drainee?s? chirurgicalement)(?![\w-])"
)
"""A surgical management of the reaction in the words of a Latin-script language ("ayant
nécessité une prise en charge chirurgicale", "drenada por cirujanos"): medically important
(ICH E2A II.B, as the English :mod:`.seriousness` reads "surgical management")."""


_POSSIBLE = re.compile(
    r"(?<![\w-])(?:puede[ns]?|podria[ns]?|pode[m]?|poderia|peut|peuvent|pourrait|kann|konnen"
    r"|puo|possono|potrebbe)(?![\w-])"
)
"""'en ocasiones puede requerirse la amputación': a disability only possible, told of the
condition in general."""


def seriousness(facts: ForeignFacts, folded: str, case: list[Sentence]) -> None:
    found: dict[SeriousnessCriterion, list[Span]] = {}
    named = facts.product[2][0] if facts.product else None
    words = words_for(facts.language)
    surgical = (SeriousnessCriterion.medically_important, _SURGICAL_MANAGEMENT)
    for criterion, pattern in (*words.SERIOUS, surgical):
        for sentence in case:
            for m in pattern.finditer(folded, sentence.start, sentence.end):
                if negated(folded, sentence, m.start(), facts.language, m.end()):
                    continue
                if criterion is SeriousnessCriterion.disability and _POSSIBLE.search(
                    folded, sentence.start, m.start()
                ):
                    continue
                if criterion is SeriousnessCriterion.hospitalisation and (
                    (named is not None and sentence.end <= named)
                    or words.ADMITTED_SINCE.search(folded, max(0, m.start() - 16), m.start())
                ):
                    # "es hospitalizado por falla cardiaca ... Desde su ingreso, se inició
                    # enoxaparina": a stay before the exposure (docs/annotation.md, fourth
                    # session: an admission for the indication is no hospitalisation)
                    continue
                found.setdefault(criterion, []).append((m.start(), m.end()))
    for treatment in facts.treatments:
        if treatment.drug in SURGERY:
            found.setdefault(SeriousnessCriterion.medically_important, []).extend(
                treatment.spans["drug"]
            )
    for reaction in facts.reactions:
        if reaction.verbatim in _LIFE_THREATENING:
            found.setdefault(SeriousnessCriterion.life_threatening, []).extend(
                reaction.spans["verbatim"]
            )
    coded = [([c.code for c in r.codes], r.spans["verbatim"]) for r in facts.reactions]
    for criterion, spans in reaction_criteria(coded):
        found.setdefault(criterion, []).extend(spans)
    facts.seriousness = list(found)
    facts.spans["seriousness"] = [s for spans in found.values() for s in spans]
