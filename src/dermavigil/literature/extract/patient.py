"""Patient facts: age (with unit), age group, sex, and how many patients.

Age: "a 45-year-old", "aged 45 years", "45 years old", "18-month-old". Age
group from the literature's words ("middle-aged", "elderly", "adolescent",
"child", "infant", "adult"); an age group is only set when the text gives it,
never derived from a number. Sex from nouns (man, woman, male, female, boy,
girl) before pronouns (he/his, she/her), in patient sentences only. A case
series is recognised by "N patients / cases / women", "case series" or
"retrospective review of N".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.vocab import AgeGroup, Sex
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_AGE = re.compile(
    rf"\b(?P<n>{NUMBER_WORDS})[- ](?P<unit>year|month|week|day)s?[- ]old\b"
    rf"|\baged\s+(?P<n2>\d+)(?:\s+(?P<unit2>year|month)s?)?\b",
    re.I,
)
_AGE_GROUPS: tuple[tuple[AgeGroup, str], ...] = (
    (AgeGroup.middle_aged, r"middle-aged|middle aged"),
    (AgeGroup.elderly, r"elderly|older (?:man|woman|patient|adult)|geriatric"),
    (AgeGroup.adolescent, r"adolescents?|teenage(?:r|d)?"),
    (AgeGroup.child, r"child|paediatric|pediatric"),
    (AgeGroup.infant, r"infants?"),
    (AgeGroup.neonate, r"neonates?|newborns?"),
    (AgeGroup.adult, r"young (?:man|woman|adult)|adults?"),
)
_SEX_NOUNS = (
    (Sex.male, r"man|male|gentleman|boy|men"),
    (Sex.female, r"woman|female|lady|girl|women"),
)
_SEX_PRONOUNS = ((Sex.male, r"he|his|him"), (Sex.female, r"she|her|hers"))
_SERIES = re.compile(
    rf"\b(?:(?P<n>{NUMBER_WORDS})\s+(?:consecutive\s+)?(?:patients|cases|women|men|subjects"
    rf"|individuals)|case series|series of (?P<n2>{NUMBER_WORDS})\b)",
    re.I,
)


@dataclass
class PatientFacts:
    """What the text says of the patient(s), with evidence spans per field."""

    age: tuple[float, str] | None = None
    age_group: AgeGroup | None = None
    sex: Sex | None = None
    patients: int = 1
    series: bool = False
    spans: dict[str, list[Span]] = field(default_factory=dict)


def _first(pattern: str, sentences: list[Sentence]) -> tuple[int, int] | None:
    regex = re.compile(rf"\b(?:{pattern})\b", re.I)
    for sentence in sentences:
        match = regex.search(sentence.text)
        if match:
            return sentence.start + match.start(), sentence.start + match.end()
    return None


def find_patient(sentences: list[Sentence], patient: list[Sentence]) -> PatientFacts:
    """Patient facts from patient sentences; the series cue from all sentences."""
    facts = PatientFacts()
    for sentence in patient:
        match = _AGE.search(sentence.text)
        if match:
            value = number_value(match.group("n") or match.group("n2") or "")
            unit = (match.group("unit") or match.group("unit2") or "year").lower()
            if value is not None:
                facts.age = (value, unit)
                facts.spans["patient.age"] = [
                    (sentence.start + match.start(), sentence.start + match.end())
                ]
                break
    for group, pattern in _AGE_GROUPS:
        span = _first(pattern, patient)
        if span:
            facts.age_group = group
            facts.spans["patient.age_group"] = [span]
            break
    for table in (_SEX_NOUNS, _SEX_PRONOUNS):
        hits = [(span, sex) for sex, pattern in table if (span := _first(pattern, patient))]
        if hits:
            span, facts.sex = min(hits)
            facts.spans["patient.sex"] = [span]
            break
    cues = []
    for sentence in sentences:
        for match in _SERIES.finditer(sentence.text):
            count = number_value(match.group("n") or match.group("n2") or "")
            if count is None and "series" not in match.group(0).lower():
                continue
            if count is not None and count < 2:
                continue
            cues.append((count is None, sentence.start + match.start(), count, match))
    if cues:
        _, start, count, match = min(cues, key=lambda c: (c[0], c[1]))
        facts.series = True
        facts.patients = int(count) if count else 2
        facts.spans["report.patients_in_report"] = [(start, start + len(match.group(0)))]
    return facts
