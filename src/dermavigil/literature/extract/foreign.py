"""Facts of a case report written in Spanish, Portuguese, French, German or Italian, or in
Japanese, Chinese or Turkish (each with its own words and folding: :mod:`.foreign_languages`).

The English pipeline sets a paragraph in another language aside
(:mod:`.language`); this module reads such paragraphs with the resources of their
language and gives facts in the pipeline's own types, each with its evidence spans in the
text:

- the sentences about this patient: from the first sentence with a case cue (the
  patient's nouns, the case's verbs: :data:`.foreign_words.CASE`) until a sentence about
  the condition in general, a differential diagnosis or another section of the article
  (:data:`.foreign_words.GENERAL`); the title, when the text reports a case;
- reactions and histopathology (:mod:`.foreign_reactions`): phenotypes found by the
  official HPO translations and the diagnoses of this domain the HPO lacks, not negated,
  written in English with the words of the text as evidence;
- age, sex (a gendered noun), treatments (in a sentence that tells a treatment: the
  language's names of the usual treatments and the drug names of the English lexicon
  written as their cognates: "enoxaparina", "paracétamol": :mod:`.foreign_treatments`), the
  last stated outcome, and the seriousness criteria stated (:mod:`.foreign_seriousness`:
  death, hospitalisation, surgery on the reaction, a reaction that is a criterion by
  itself), de- and rechallenge (:mod:`.foreign_challenge`).

A text in another language stays *partial* (issue 10, "Bad input"); what this module finds
fills the fields the English part of the text left empty (:func:`fill_gaps`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.domain.vocab import Outcome, SeriousnessCriterion, Sex
from dermavigil.literature.extract import foreign_words
from dermavigil.literature.extract.ascii_folding import ascii_fold
from dermavigil.literature.extract.challenge import ChallengeFacts
from dermavigil.literature.extract.findings import FindingFacts
from dermavigil.literature.extract.foreign_challenge import foreign_challenges
from dermavigil.literature.extract.foreign_generic import GENERIC
from dermavigil.literature.extract.foreign_intervals import foreign_two_intervals
from dermavigil.literature.extract.foreign_languages import (
    fold,
    onsets,
    split_unspaced,
    words_for,
)
from dermavigil.literature.extract.foreign_product import find_product
from dermavigil.literature.extract.foreign_reactions import reactions
from dermavigil.literature.extract.foreign_seriousness import seriousness
from dermavigil.literature.extract.foreign_treatments import TREATMENT_HEADING, treatments_of
from dermavigil.literature.extract.language import STOP_WORDS
from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.literature.extract.sentences import CASE_LABEL, Sentence, split_sentences
from dermavigil.literature.extract.treatment import TreatmentFact
from dermavigil.terminology.translations import LANGUAGES

Span = tuple[int, int]
_NOT_CASE_SECTIONS = re.compile(r"intro|discus|conclu|background|antecedentes|objetiv", re.I)
_CASE_SECTIONS = frozenset({"case report", "case", "observations", "observation"})
"""Sections a label opens to tell the case (:data:`.sentences._FOREIGN_LABELS`: "Observation",
"Caso clínico", "Relato de caso", "Fallbericht"): their sentences are about the patient."""
_RUN_IN_CASE_LABEL = re.compile(rf"\s*(?:{CASE_LABEL})(?-i:(?=[A-Z][a-z]))", re.I)
"""A case label run into the first word of its first sentence ("ObservationUn homme de 53
ans ...", a heading whose line break the excerpt lost): the sentences after it, in the section
the text was in, tell the case, as those after the label on its own line do."""
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass
class ForeignFacts:
    """What a text in another language says of its case, with evidence spans."""

    language: str
    reactions: list[ReactionFacts] = field(default_factory=list)
    findings: list[FindingFacts] = field(default_factory=list)
    treatments: list[TreatmentFact] = field(default_factory=list)
    age: tuple[float, str] | None = None
    sex: Sex | None = None
    outcome: Outcome | None = None
    onset: Duration | None = None
    sites: list[str] = field(default_factory=list)
    product: tuple[str, str, Span] | None = None
    """The drug given, as the text spells it, its English lexicon name and its span."""
    route: tuple[str, Span] | None = None
    wrong: list[Span] = field(default_factory=list)
    """Where a case sentence says the product was given by mistake (:data:`.foreign_words.
    WRONG`)."""
    seriousness: list[SeriousnessCriterion] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    challenge: ChallengeFacts = field(default_factory=ChallengeFacts)  # :mod:`.foreign_challenge`


def _case_sentences(sentences: list[Sentence], folded: str, language: str) -> list[Sentence]:
    words = words_for(language)
    CASE, GENERAL = words.CASE, words.GENERAL  # noqa: N806
    out: list[Sentence] = []
    telling = False
    opened: Sentence | None = None  # a case label run into a sentence of another section
    for sentence in sentences:
        text = folded[sentence.start : sentence.end]
        cued = bool(CASE.search(text))
        if opened is not None and sentence.section != opened.section:
            opened = None
        if opened is None and _RUN_IN_CASE_LABEL.match(sentence.text):
            opened = sentence
        if sentence.section and _NOT_CASE_SECTIONS.match(sentence.section) and opened is None:
            telling = False
            if not cued or GENERAL.search(text):
                continue
        if GENERAL.search(text) or _names(sentence.text, language) or _generic(text, cued, words):
            telling = False
            continue
        if cued or TREATMENT_HEADING.fullmatch(text.strip()):
            telling = True  # a "Tratamiento" heading tells this patient's treatment
        elif sentence.section in _CASE_SECTIONS:
            telling = True  # the sentences under an "Observation" or "Caso clínico" label
        if telling:
            out.append(sentence)
    title = sentences[0] if sentences and sentences[0].section == "title" else None
    if out and title is not None and title not in out:
        out.insert(0, title)
    return out


def _generic(text: str, cued: bool, words) -> bool:
    """A sentence of Spanish to Italian that names no patient and states what a condition can
    do, usually does or has been described to do (:data:`.foreign_generic.GENERIC`)."""
    return words is foreign_words and not cued and bool(GENERIC.search(text))


def _listed_under_heading(before: list[Sentence], folded: str) -> bool:
    """A "Tratamiento" heading of its own line or one of the (at most three) lines after it
    (``before`` ends with the line itself): the list lines of a poster ("-Frío local,
    antihistamínico y paracetamol"), which the paragraph finder leaves out as bullets, tell
    the treatments the heading announces."""
    return any(TREATMENT_HEADING.fullmatch(folded[s.start : s.end].strip()) for s in before)


def _names(text: str, language: str) -> bool:
    """A list of names (authors, affiliations): most of its words are capitalised; in German,
    which capitalises every noun of its prose ("Mikrobiologischer Befund ... kein Nachweis
    von Bakterien" is a sentence), also none of its function words."""
    words = _LETTERS.findall(text)
    if len(words) < 4 or sum(w[0].isupper() for w in words) / len(words) < 0.6:
        return False
    return language != "de" or not any(w in STOP_WORDS["de"] for w in words)


def _last(
    patterns, folded: str, case: list[Sentence], denied: re.Pattern[str] | None = None
) -> tuple[Any, Span] | None:
    """The last match of ``patterns`` in the case sentences, not one that a negation cue
    (``denied``) stands right before ("aucune amélioration": no status)."""
    best: tuple[int, int, Any, Span] | None = None
    for sentence in case:
        for value, pattern in patterns:
            for m in pattern.finditer(folded, sentence.start, sentence.end):
                window = folded[max(sentence.start, m.start() - 12) : m.start()]
                if denied and (denied.search(window) or _SCANT.search(window)):
                    continue
                rank = (m.end(), m.end() - m.start())
                if best is None or rank > best[:2]:
                    best = (*rank, value, (m.start(), m.end()))
    return (best[2], best[3]) if best else None


_SCANT = re.compile(
    r"(?<![\w-])(?:escasa|escaso|poca|poco|pouca|pouco|minima|peu d'|faible|geringe|scarso"
    r"|scarsa)\s*$"
)
"""An improvement said to be scant ("con escasa mejoría", "peu d'amélioration"): no status."""


def _denial(words, language: str) -> re.Pattern[str] | None:
    """The negation cues written before what they deny (Spanish to Italian)."""
    return words.NEGATION[language] if language in _SPACED_WORDS else None


_SPACED_WORDS = ("es", "pt", "fr", "de", "it")


def _first(patterns, folded: str, case: list[Sentence]) -> tuple[Any, Span] | None:
    for sentence in case:
        hits = [
            (m.start(), m.end(), value)
            for value, pattern in patterns
            for m in pattern.finditer(folded, sentence.start, sentence.end)
        ]
        if hits:
            start, end, value = min(hits)
            return value, (start, end)
    return None


def read_foreign(
    text: str,
    language: str,
    spans: list[Span] | None = None,
    suspects: frozenset[str] = frozenset(),
) -> ForeignFacts:
    """The facts of the parts of ``text`` at ``spans`` (all of it when None), written in
    ``language`` (ISO 639-1); nothing for a language without translations."""
    facts = ForeignFacts(language=language)
    if language not in LANGUAGES:
        return facts
    folded = fold(text, language)
    words = words_for(language)
    every = split_unspaced(split_sentences(text), text, language)
    sentences = [
        s
        for s in every
        if spans is None or s.section == "title" or any(a <= s.start < b for a, b in spans)
    ]
    listed = [
        s
        for i, s in enumerate(every)
        if s not in sentences and _listed_under_heading(every[max(0, i - 3) : i + 1], folded)
    ]
    case = _case_sentences(sentences, folded, language)
    if not case:
        return facts
    facts.reactions, facts.findings = reactions(text, folded, case, language)
    facts.challenge = foreign_challenges(folded, case, language)
    find_product(facts, text, folded, case, suspects)
    if facts.product:
        suspects = suspects | {facts.product[1], ascii_fold(facts.product[0])}
    told = sorted([*case, *listed], key=lambda s: s.start)
    facts.treatments = treatments_of(folded, told, suspects, language)
    for sentence in case:
        age = words.AGE.search(folded, sentence.start, sentence.end)
        if age:
            facts.age = (float(age.group("n")), words.AGE_UNITS.get(age.group("unit"), "year"))
            facts.spans["patient.age"] = [(age.start(), age.end())]
            break
    sex = _first(words.SEX, folded, case)
    if sex:
        facts.sex, facts.spans["patient.sex"] = sex[0], [sex[1]]
    outcome = _last(words.OUTCOMES, folded, case, _denial(words, language))
    if outcome:
        facts.outcome, facts.spans["outcome"] = outcome[0], [outcome[1]]
        if outcome[0] is Outcome.recovering and _COMPLETE.match(folded, outcome[1][1]):
            facts.outcome = Outcome.recovered  # "con mejoría completa tras la tercera sesión"
    seriousness(facts, folded, case)
    _onset_and_sites(facts, folded, case)
    return facts


def _onset_and_sites(facts: ForeignFacts, folded: str, case: list[Sentence]) -> None:
    """The first latency from the injection the case sentences state, and the body sites
    they name (the reaction's or the injection's), in text order."""
    words = words_for(facts.language)
    for sentence in case:
        onset = next(
            (
                m
                for p in onsets(words)
                for m in [p.search(folded, sentence.start, sentence.end)]
                if m
            ),
            None,
        )
        if onset:
            number = onset.group("n").replace(",", ".")
            value = float(number) if number[0].isdigit() else float(words.NUMBERS[number])
            unit = TimeUnit(words.TIME_UNITS[onset.group("unit")])
            facts.onset = Duration(value=value, unit=unit)
            facts.spans["onset"] = [(onset.start(), onset.end())]
            break
    if facts.onset is None and words is foreign_words:
        pair = foreign_two_intervals(folded, case)  # "realizado hacía 6 meses" ... "desde hacía"
        if pair is not None:
            facts.onset, span = pair
            facts.spans["onset"] = [span]
    for sentence in case:
        for name, pattern in words.SITES_FOUND:
            for m in pattern.finditer(folded, sentence.start, sentence.end):
                if name not in facts.sites:
                    facts.sites.append(name)
                facts.spans.setdefault("body_sites", []).append((m.start(), m.end()))


_COMPLETE = re.compile(r"\s+(?:complet[ao]|complete|total|totale|vollstandige?)(?![\w-])")
"""'mejoría completa', 'melhora total', 'amélioration complète': an improvement told complete
is a recovery (docs/annotation.md: "completely resolved" is recovered)."""
