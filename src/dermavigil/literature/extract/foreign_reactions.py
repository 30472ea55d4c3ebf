"""Reactions and histopathology of the case sentences of a text in another language.

Phenotypes are found by the official HPO translations
(:func:`dermavigil.terminology.translations.translated_spans`, the same HPO ids the English
path gives) and by the diagnoses of this domain the HPO lacks (the language's
``REACTIONS``: Nicolau syndrome, botulism), the longest at each place; a mention is kept
unless negated (NegEx-style cues of the language before it in its clause: Chapman et al.
2001, J Biomed Inform 34(5):301-310), named as what a drug was prescribed for or a product
given for (:mod:`.foreign_indication`), or as the patient's history; what follows a biopsy
word in its sentence is a histopathology finding. Each is written in English, with the words
of the text as evidence. Besides the translated labels, a word whose English form the
English coder codes is a mention (:mod:`dermavigil.terminology.translation_gloss`:
"hipopigmentación", "equimose"); a condition named in the patient's background ("con
antecedentes de") is none (:mod:`.foreign_background`), nor an illness the patient is
introduced with ("Varón de 38 años con hipertensión arterial": :mod:`.foreign_comorbidity`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dermavigil.domain.vocab import FindingKind
from dermavigil.literature.extract import foreign_words
from dermavigil.literature.extract.findings import FindingFacts
from dermavigil.literature.extract.foreign_background import (
    HISTORY,
    HISTORY_AFTER,
    in_background,
)
from dermavigil.literature.extract.foreign_comorbidity import introduced_with
from dermavigil.literature.extract.foreign_indication import indication
from dermavigil.literature.extract.foreign_infections import binomial_spans, organism_infections
from dermavigil.literature.extract.foreign_languages import words_for
from dermavigil.literature.extract.foreign_treatments import negated
from dermavigil.literature.extract.german_nouns import noun_mentions
from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.literature.extract.reaction_merge import ancestors
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.coder import code_phrase, default_coder
from dermavigil.terminology.translation_gloss import glossed_spans
from dermavigil.terminology.translations import translated_spans

_INDICATION = re.compile(
    r"(?<![\w-])(?:prescrit[oa]?s?|prescrites?|verordnet|prescritt[oa]) (?:para|pour|per|gegen"
    r"|wegen)(?![\w-])[^.;]*$"
)
"""Before a diagnosis: what a drug was prescribed for ("prescrits pour ... diagnostics :
urticaire, érysipèle"), the indication or a working diagnosis, not a reaction
(docs/annotation.md: the indication, a diagnosis never confirmed)."""


_MICROSCOPE = re.compile(r"\b(?:cells?|infiltrates?|metaplasia|histiocytes?|macrophages?)\b")
"""A wording of the microscope ("multinucleated giant cell"): what a biopsy showed, a
histopathology finding wherever the sentence names it, never a reaction (as the English
path: :mod:`dermavigil.terminology.phenotype_spans`)."""


@lru_cache(maxsize=64)
def _codes(english: str):
    return tuple(code_phrase(english))


def mentions(
    text: str, folded: str, sentence: Sentence, language: str
) -> list[tuple[int, int, str]]:
    """(start, end, English name) of the phenotypes and diagnoses a sentence names, the
    longest at each place, without overlap; in Spanish to Italian, an infection named with its
    organism, and nothing inside a Latin binomial name (:mod:`.foreign_infections`)."""
    names = default_coder().tables.names
    hits: list[tuple[int, int, str]] = []
    for pattern, english in words_for(language).REACTIONS:
        for m in pattern.finditer(folded, sentence.start, sentence.end):
            hits.append((m.start(), m.end(), english))
    for span in translated_spans(text[sentence.start : sentence.end], language):
        hits.append(
            (sentence.start + span.start, sentence.start + span.end, names.get(span.term_id, ""))
        )
    for gloss in glossed_spans(text[sentence.start : sentence.end], language):
        hits.append((sentence.start + gloss.start, sentence.start + gloss.end, gloss.english))
    if language == "de":  # "Nekrosen", "Spritzenhämatom": by inflection and last element
        hits += noun_mentions(text, sentence.start, sentence.end)
    if words_for(language) is foreign_words:
        organisms = binomial_spans(text, sentence.start, sentence.end)
        hits = [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in organisms)]
        hits += organism_infections(text, folded, sentence.start, sentence.end)
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if hit[2] and not any(a < hit[1] and hit[0] < b for a, b, _ in kept):
            kept.append(hit)
    return sorted(kept)


def reactions(
    text: str, folded: str, case: list[Sentence], language: str
) -> tuple[list[ReactionFacts], list[FindingFacts]]:
    """The reactions of the case sentences, and what a biopsy showed (histopathology)."""
    found: dict[str, ReactionFacts] = {}
    findings: dict[str, FindingFacts] = {}
    words = words_for(language)
    history = getattr(words, "HISTORY", None)
    for sentence in case:
        biopsy = words.BIOPSY.search(folded, sentence.start, sentence.end)
        tested = _tested(words, folded, sentence, biopsy)
        for start, end, english in mentions(text, folded, sentence, language):
            if negated(folded, sentence, start, language, end) or _INDICATION.search(
                folded, max(sentence.start, start - 120), start
            ):
                continue
            if tested is not None and start > tested and _measured(english):
                continue  # "la analítica muestra hipocalcemia": a test's result
            if history and _in_history(folded, sentence, start, end, history):
                continue
            if words is foreign_words and (
                in_background(folded, start, sentence.start, HISTORY)
                or HISTORY_AFTER.match(folded, end, sentence.end)
            ):
                continue  # "con antecedentes de diabetes mellitus": pre-existing
            after = getattr(words, "HISTORY_AFTER", None)
            if after and after.match(folded, end, sentence.end):
                continue  # "糖尿病患者": the patient's condition (foreign_words_ja)
            codes = list(_codes(english))
            key = codes[0].code if codes else english.lower()
            if key not in found and words is foreign_words:
                if indication(folded, sentence.start, start, end, sentence.end, bool(found)):
                    continue  # "debido a una amigdalitis recibió penicilina": what it was for
                terms = [c.code for c in codes]
                if introduced_with(folded, sentence.start, start, end, sentence.end, terms):
                    continue  # "Varón de 38 años con hipertensión arterial": pre-existing
            seen = (biopsy.start(), biopsy.end()) if biopsy and start > biopsy.start() else None
            if seen is None and _MICROSCOPE.search(english):
                seen = (start, end)  # "células gigantes multinucleadas": told of a biopsy
            if seen is not None:
                if key not in findings:
                    findings[key] = FindingFacts(
                        kind=FindingKind.histopathology,
                        test=text[seen[0] : seen[1]],
                        result=english,
                        codes=codes,
                        spans={"test": [seen], "result": [(start, end)]},
                    )
                continue
            if key in found:
                found[key].spans["verbatim"].append((start, end))
                continue
            found[key] = ReactionFacts(
                verbatim=english[:1].lower() + english[1:] if codes else english,
                codes=codes,
                sentence=sentence.index,
                spans={"verbatim": [(start, end)]},
            )
    return list(found.values()), list(findings.values())


def _tested(words, folded: str, sentence: Sentence, biopsy: re.Match[str] | None) -> int | None:
    """Where the sentence names the blood tests whose results follow
    (:data:`.foreign_words.LABORATORY`), unless a biopsy named after it tells what follows."""
    laboratory = getattr(words, "LABORATORY", None)
    found = laboratory.search(folded, sentence.start, sentence.end) if laboratory else None
    if found is None or (biopsy is not None and biopsy.start() > found.start()):
        return None
    return found.start()


_MEASURED = frozenset({"HP:0001871", "HP:0032180", "HP:0004360", "HP:0011015"})
"""What a blood test measures: the HPO branches of the blood and blood-forming tissues, of
the circulating metabolites' concentrations, of the acid-base balance and of the blood
glucose (Köhler S et al. 2021, Nucleic Acids Res 49(D1):D1207-D1217); not a fever, which the
HPO files under homeostasis too."""


def _measured(english: str) -> bool:
    """Whether every HPO term of the English name is one a blood test measures
    (:data:`_MEASURED`): after the tests' noun, a fever or an erythema is still the
    patient's."""
    codes = [c.code for c in _codes(english)]
    return bool(codes) and all((ancestors(code) | {code}) & _MEASURED for code in codes)


def _in_history(folded: str, sentence: Sentence, start: int, end: int, history) -> bool:
    """A condition named as the patient's history or indication (:data:`.foreign_words_zh.
    HISTORY`): the cue in the 20 characters before it, or right after it in Turkish."""
    return bool(
        history.search(folded, max(sentence.start, start - 20), start)
        or history.match(folded, end + 1, min(sentence.end, end + 20))
    )
