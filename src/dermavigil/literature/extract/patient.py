"""Patient facts: age (with unit), age group, sex, and how many patients.

Age: "a 45-year-old", "aged 45 years", "45 years old", "18-month-old". Age
group from the literature's words ("middle-aged", "elderly", "adolescent",
"child", "infant", "adult"); an age group is only set when the text gives it,
never derived from a number. Sex from nouns (man, woman, male, female, boy,
girl) before pronouns (he/his, she/her; not "his or her", not a name "He"
inside a line), in patient sentences only. A case
series and its count come from :mod:`series_cue`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.vocab import AgeGroup, Sex
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.reacting_count import reacting_count
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.series_cue import find_series

Span = tuple[int, int]

_HYPHEN = r"(?:\s?[-\u2010\u2011\u2012\u2013]\s?|\s)"
"""'45-year-old', '45 -year-old' (tokenised PDF text), '45\u2010year\u2010old' (Unicode hyphens)."""
_AGE = re.compile(
    rf"\b(?P<n>{NUMBER_WORDS}){_HYPHEN}(?P<unit>year|month|week|day)s?{_HYPHEN}old\b"
    rf"|\baged\s+(?P<n2>\d+)(?:\s+(?P<unit2>year|month)s?)?\b",
    re.I,
)
_AGE_GROUPS: tuple[tuple[AgeGroup, str], ...] = (
    (AgeGroup.middle_aged, r"middle-aged|middle aged"),
    (AgeGroup.elderly, r"elderly|older (?:man|woman|patient|adult)|geriatric"),
    (AgeGroup.adolescent, r"adolescent|teenage(?:r|d)?"),
    (AgeGroup.child, r"child|paediatric|pediatric"),
    (AgeGroup.infant, r"infant"),
    (AgeGroup.neonate, r"neonate|newborn"),
    (AgeGroup.adult, r"young (?:man|woman|adult)|adult"),
)
"""The words of an age group, in the singular: a plural names a population ("vaccines
administered to adults worldwide"), not this patient."""
_SEX_NOUNS = (
    (Sex.male, r"man|male|gentleman|boy|men"),
    (Sex.female, r"woman|female|lady|girl|women"),
)
_SEX_PRONOUNS = ((Sex.male, r"he|his|him"), (Sex.female, r"she|her|hers"))
_EITHER_SEX = re.compile(
    r"\b(?:he|his|him|she|her|hers)\s*(?:or|/)\s*(?:he|his|him|she|her|hers)\b|\bs/he\b", re.I
)
"""'his or her', 'he/she': a pronoun of either sex, for anyone (a disclaimer, a guideline)."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n\s*|[\"'(]\s*)$")


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


def _pronoun(pattern: str, sentences: list[Sentence]) -> tuple[int, int] | None:
    """The first pronoun of ``pattern`` that speaks of the patient: not one of a pair for
    either sex ("his or her"), and not a capitalised name inside a line ("Yanzi He")."""
    regex = re.compile(rf"\b(?:{pattern})\b", re.I)
    for sentence in sentences:
        pairs = [m.span() for m in _EITHER_SEX.finditer(sentence.text)]
        for match in regex.finditer(sentence.text):
            if any(a <= match.start() < b for a, b in pairs):
                continue
            if match.group(0)[0].isupper() and not _SENTENCE_START.search(
                sentence.text[: match.start()]
            ):
                continue
            return sentence.start + match.start(), sentence.start + match.end()
    return None


_CASE_SUMMARY = re.compile(
    r"\b(?:this|the present|our) case (?:describes|reports|presents|illustrates|highlights)"
    r"|\bwe (?:hereby )?(?:present|report|describe) (?:the case of |a case of )?(?:an? |the )"
    r"|\b(?:the )?first (?:reported )?case of\b",
    re.I,
)
"""A sentence that sums the case up ("This case describes the first case of SES of a male
patient who ...") wherever the abstract puts it, a conclusion included."""


def find_patient(sentences: list[Sentence], patient: list[Sentence]) -> PatientFacts:
    """Patient facts from patient sentences (when they name neither age nor sex, from a
    sentence that sums the case up); the series cue from all sentences, and a series' sex
    only when all its patients share it."""
    facts = _patient_facts(patient)
    if facts.age is None and facts.sex is None:
        told = {s.index for s in patient}
        summaries = [s for s in sentences if s.index not in told and _CASE_SUMMARY.search(s.text)]
        if summaries:
            facts = _patient_facts(summaries, pronouns=False)
    add_series(facts, sentences)
    if facts.series:
        _series_sex(facts, patient)
    return facts


def _series_sex(facts: PatientFacts, patient: list[Sentence]) -> None:
    """A series has a sex only when every patient it names has that sex (docs/annotation.md:
    "a series in which every patient has the same sex gets that sex", r034, r047): a man
    and a woman, or "he" and "she", among its patients leave it null."""
    tables = ((_SEX_NOUNS, _first), (_SEX_PRONOUNS, _pronoun))
    named = {sex for table, find in tables for sex, pattern in table if find(pattern, patient)}
    if len(named) > 1:
        facts.sex = None
        facts.spans.pop("patient.sex", None)


def _patient_facts(patient: list[Sentence], pronouns: bool = True) -> PatientFacts:
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
    tables = ((_SEX_NOUNS, _first), (_SEX_PRONOUNS, _pronoun))
    for table, find in tables if pronouns else tables[:1]:
        hits = [(span, sex) for sex, pattern in table if (span := find(pattern, patient))]
        if hits:
            span, facts.sex = min(hits)
            facts.spans["patient.sex"] = [span]
            break
    return facts


_GROUP_SEX = (
    (Sex.female, re.compile(r"\b(?:women|females|girls|mujeres|mulheres|femmes|frauen"
                            r"|patientinnen|patientes)$", re.I)),
    (Sex.male, re.compile(r"\b(?:men|males|boys|hombres|varones|homens|hommes|m\u00e4nner)$",
                          re.I)),
)  # fmt: skip
"""The sex a series' count names ("seven women", "zwei Patientinnen")."""


def add_series(facts: PatientFacts, sentences: list[Sentence]) -> None:
    """The series cue and the number of patients, from all sentences (:func:`find_series`), a
    cohort's count replaced by that of its patients with the reaction
    (:func:`.reacting_count.reacting_count`); a count that names the sex ("seven women")
    gives the series' sex when none is named."""
    found = find_series(sentences)
    if found:
        count, span = found
        facts.series = True
        # a cohort's count gives way to the count of its patients with the reaction
        reacted = reacting_count(sentences, found)
        facts.patients = reacted[0] if reacted else count or 2
        facts.spans["report.patients_in_report"] = [reacted[1] if reacted else span]
        cue = next((s.text[span[0] - s.start : span[1] - s.start] for s in sentences
                    if s.start <= span[0] < s.end), "")  # fmt: skip
        sex = next((sex for sex, noun in _GROUP_SEX if noun.search(cue)), None)
        if facts.sex is None and sex is not None:
            facts.sex = sex
            facts.spans["patient.sex"] = [span]


_MARKER = re.compile(
    r"\b(?:(?:patient|case)\s+(?:no\.?\s*)?(?P<n>\d{1,2}(?![\d/.-]\d|\d)|(?:one|two|three"
    r"|four|five|six|i{1,3}|iv|v|vi)\b)"
    r"|the\s+(?P<ord>first|second|third|fourth|fifth|sixth)\s+(?:patient|case)\b)",
    re.I,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_ENUMERATED = re.compile(
    rf"\b(?P<count>{NUMBER_WORDS})\s+(?P<noun>women|men|females|males|girls|boys|patients"
    r"|children|adults)\s*,?\s+aged\s+(?P<ages>\d+(?:\s*(?:,|and|&)\s*\d+)+)"
    r"(?:\s+(?P<unit>year|month)s?)?",
    re.I,
)
_NOUN_SEX = {
    "women": Sex.female, "females": Sex.female, "girls": Sex.female,
    "men": Sex.male, "males": Sex.male, "boys": Sex.male,
}  # fmt: skip
_AGE_SEX = re.compile(
    rf"\b(?P<n>{NUMBER_WORDS}){_HYPHEN}(?P<unit>year|month)s?{_HYPHEN}old\s+(?P<noun>man|woman|male"
    r"|female|boy|girl|lady|gentleman)\b",
    re.I,
)
_END_OF_CASES = frozenset({"discussion", "conclusion", "conclusions"})


@dataclass
class SeriesPatient:
    """One patient of a series as the text singles them out, with evidence spans.

    ``sentences`` are the parts of the text about this patient only (clipped to
    the patient's segment), for the reaction, outcome and treatment finders.
    """

    label: str
    age: tuple[float, str] | None = None
    sex: Sex | None = None
    sentences: list[Sentence] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)


def _number(text: str | None, ordinal: str | None) -> int | None:
    if ordinal:
        return _ORDINALS[ordinal.lower()]
    word = (text or "").lower()
    if word in _ROMAN:
        return _ROMAN[word]
    value = number_value(word)
    return int(value) if value else None


def _clip(sentences: list[Sentence], start: int, end: int) -> list[Sentence]:
    out = []
    for s in sentences:
        a, b = max(s.start, start), min(s.end, end)
        if a < b:
            out.append(Sentence(a, b, s.text[a - s.start : b - s.start], s.section, s.index))
    return out


def _segments(sentences: list[Sentence]) -> list[tuple[str, int, int]]:
    """(label, start, end) of each numbered patient ("Patient 1 ... Patient 2 ..."), in order."""
    marks: list[tuple[int, int, str]] = []
    for sentence in sentences:
        if sentence.section in _END_OF_CASES:
            break
        for match in _MARKER.finditer(sentence.text):
            number = _number(match.group("n"), match.group("ord"))
            if number is not None and number == len(marks) + 1:
                marks.append((number, sentence.start + match.start(), match.group(0)))
    if len(marks) < 2:
        return []
    ends = [m[1] for m in marks[1:]]
    last = next(
        (s.start for s in sentences if s.section in _END_OF_CASES and s.start > marks[-1][1]),
        max(s.end for s in sentences),
    )
    return [(m[2], m[1], end) for m, end in zip(marks, [*ends, last], strict=True)]


def find_series_patients(sentences: list[Sentence]) -> list[SeriesPatient]:
    """The patients a series abstract singles out, each with the facts given for them.

    Two forms: numbered patients ("Patient 1, a 34-year-old woman, ... Patient 2 ...";
    "the first / second patient"; "Case 1 ...") each get the text up to the next one,
    and an enumeration of ages ("two women aged 34 and 45 years", "a 50-year-old
    woman and a 62-year-old man") gives one patient per age. Age and sex come from the
    patient's own words only; nothing is shared out that the text does not say.
    """
    patients: list[SeriesPatient] = []
    for label, start, end in _segments(sentences):
        part = _clip(sentences, start, end)
        patient = SeriesPatient(label=label, sentences=part)
        facts = find_patient(part, part)
        patient.age, patient.sex = facts.age, facts.sex
        for key in ("patient.age", "patient.sex"):
            if key in facts.spans:
                patient.spans[key.removeprefix("patient.")] = facts.spans[key]
        patients.append(patient)
    if patients:
        return patients
    for sentence in sentences:
        if sentence.section in _END_OF_CASES:
            break
        match = _ENUMERATED.search(sentence.text)
        if match:
            ages = [int(a) for a in re.findall(r"\d+", match.group("ages"))]
            count = number_value(match.group("count"))
            if count is not None and int(count) != len(ages):
                continue
            sex = _NOUN_SEX.get(match.group("noun").lower())
            unit = (match.group("unit") or "year").lower()
            span = (sentence.start + match.start(), sentence.start + match.end())
            for age in ages:
                patient = SeriesPatient(label=f"patient aged {age}", age=(float(age), unit))
                patient.spans["age"] = [span]
                if sex is not None:
                    patient.sex = sex
                    patient.spans["sex"] = [span]
                patients.append(patient)
            return patients
        pairs = list(_AGE_SEX.finditer(sentence.text))
        if len(pairs) >= 2:
            for found in pairs:
                value = number_value(found.group("n"))
                if value is None:
                    continue
                span = (sentence.start + found.start(), sentence.start + found.end())
                noun = found.group("noun").lower()
                sex = Sex.female if noun in {"woman", "female", "girl", "lady"} else Sex.male
                patients.append(
                    SeriesPatient(
                        label=f"{found.group(0)}",
                        age=(value, found.group("unit").lower()),
                        sex=sex,
                        spans={"age": [span], "sex": [span]},
                    )
                )
            return patients
    return patients
