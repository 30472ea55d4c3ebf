"""Is the report a series, and of how many patients? The count as the text words it.

``docs/annotation.md``: ``kind`` is ``series`` when several patients are described, and a
series' ``patients`` is the number the study covers (s002, s005). The cues, in English
and in the other languages of the set (text folded to ASCII, :func:`ascii_fold`):

- a count of patients, cases, children or a survey's participants, with up to two
  adjectives between ("five recent clinical cases", "two additional cases", "three own
  observations", "a total of 380 patients", "two case reports", "212 participants": a
  survey counted by its participants is a series, docs/annotation.md, a0xx kinds; "dos
  nuevos casos", "deux femmes", "zwei Patientinnen", "due casi", "13 Kinder"; Chinese
  "380例");
- "both patients / cases / instances" ("ambos pacientes", "les deux patientes", "beide
  Patienten"): two;
- numbered patients ("Case 1 ... Case 2", "Patient 1", "Caso 1", "Patientin 1",
  "Fallbeispiel 1", "病例1"): as many as are numbered in order;
- "case series", "series of N" ("série de casos", "serie de cas");
- "a few / several cases" only where the authors say they saw them ("we have encountered
  a few cases").
- in an analysis of a reporting system (:mod:`.reported_events`), a count of reports or
  events ("we identified 57 reports", "338 events were identified"): a series whose number of
  patients the text does not give.

A cue is not the report's when it speaks of other reports: a citation number or a
reference-list entry around it, a literature or registry statement
(:func:`literature_statement`), or other published cases ("have also been reported",
"after a Medline search, 25 cases", "previous case series", "to date, eight cases"): a
single report that mentions other published cases is still single. A series of doses
("2 series of 2-week courses") is no series of patients.
"""

from __future__ import annotations

import re
from typing import Any

from dermavigil.literature.extract.ascii_folding import ascii_fold
from dermavigil.literature.extract.foreign_numbers import NUMBERS
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.relevance import literature_statement
from dermavigil.literature.extract.reported_events import analyses_reports, reported_counts
from dermavigil.literature.extract.sentences import Sentence, split_sentences

Span = tuple[int, int]

_ADJECTIVE = (
    r"(?:[a-z]+(?:al|ed|ive|ent|ant|ous|ic|ary|ile|ble)|rare|own|new|other|more|similar"
    r"|recent|further|young|elderly|unusual|female|male|adult|healthy|distinct|separate"
    r"|different|additional|consecutive|pediatric|paediatric|challenging)"
)
_NOUN = (
    r"patients|cases|case reports|case studies|observations|instances|women|men|females"
    r"|males|subjects|individuals|children|girls|boys|adults|victims|infants|neonates|adolescents"
    r"|participants|respondents"
)
_COUNT = re.compile(
    rf"\b(?P<n>{NUMBER_WORDS})\s+(?:{_ADJECTIVE}\s+){{0,2}}(?:{_NOUN})\b"
    rf"|\bcase series(?:\s+of\s+(?P<n3>{NUMBER_WORDS})\s+(?:{_ADJECTIVE}\s+){{0,2}}(?:{_NOUN}))?"
    rf"|\bseries of (?P<n2>{NUMBER_WORDS})\b(?![-\u2010\u2011\u2013]|\s+(?:[\w-]+\s+)?(?:days?"
    r"|weeks?|months?|years?|hours?|sessions?|injections?|treatments?|courses?|doses?))"
    r"|\bboth (?:patients|cases|instances|women|men|children|girls|boys)\b(?!\s+(?:and|&))",
    re.I,
)
_FEW = re.compile(rf"\b(?:a few|several|some)\s+(?:{_ADJECTIVE}\s+)?(?:patients|cases)\b", re.I)
_SEEN = re.compile(r"\bwe (?:have )?(?:\w+ )?(?:encountered|seen|observed|treated|managed)\b", re.I)
_FOREIGN_NUMBER = r"\d+|" + "|".join(
    sorted((w for w, v in NUMBERS.items() if v >= 2 and len(w) > 2), key=len, reverse=True)
)
_FOREIGN_NOUN = (
    r"pacientes|casos|cas|patientes|patienten|patientinnen|falle"
    r"|fallberichte|hombres|mujeres|varones|homens|mulheres|femmes|hommes|frauen|manner"
    r"|pazienti|enfermos|sujetos|individuos|casi|donne|uomini"
    r"|ninos|criancas|enfants|kinder|kindern|bambini"
)
_FOREIGN = re.compile(
    rf"(?<![\w-])(?P<n>{_FOREIGN_NUMBER})\s+(?:(?!(?:anos|annees|ans|jahre|meses|mois|dias"
    rf"|jours|semanas|semaines)\b)[a-z]{{3,}}\s+)?(?:{_FOREIGN_NOUN})(?![\w-])"
    r"|(?<![\w-])(?P<fr>deux|trois|quatre|cinq|sept|huit|neuf|dix)\s+(?:[a-z]{3,}\s+)?"
    r"(?:patients|observations)(?![\w-])"
    r"|(?<![\w-])(?:serie de casos|serie de cas|fallserie|serie di casi)(?![\w-])"
    r"|(?<![\w-])(?:ambos (?:os |los )?(?:pacientes|casos)|ambas (?:as |las )?pacientes"
    r"|(?:los|las|os|as) (?:dos|dois|duas) pacientes|les deux (?:patientes?|cas)"
    r"|beiden? (?:patient\w*|falle\w*))(?![\w-])"
)
_CJK_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK = re.compile(r"(?<![\d.])(?P<n>\d+|[两二三四五六七八九])\s*(?:例|예)(?![\d])")
_TURKISH = re.compile(
    r"(?<![\w-])(?P<n>\d+)\s+(?:hasta|olgu|vaka)(?:[a-z\u0131\u015f\u011f\u00e7\u00f6\u00fc]*)"
)
_TURKISH_LETTERS = re.compile(r"[\u0131\u015f\u011f\u0130\u015e\u011e]")
"""'200 hasta dahil edilmiştir', '17 olgu', '121 vaka': a count in a Turkish sentence (one
with a letter only Turkish writes: 'hasta' is also Spanish 'until')."""
_ENUMERATED = re.compile(r"\bone (?:patient|case|woman|man|child)\b", re.I)
"""'One patient with BRAO, one patient with PION, one patient with ...': as many patients."""
_SUBGROUP = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*%")
"""'Dimple was developed in 3 cases (2.1%)': a share of the series, not its size."""
_MARKER = re.compile(
    r"(?<![\w-])(?:case|patient|caso|cas|fall|paciente|patiente|observation|patientin"
    r"|fallbeispiel|paziente)\s*(?:no\.?\s*)?"
    r"(?P<n>[1-9])(?![\w.,/-]*\d)|病例\s*(?P<c>[1-9])(?!\d)",
    re.I,
)
_CITED = re.compile(
    r"\.?\s?\[\d{1,3}(?:[,\u2013-]\d{1,3})*\]|\.?\d{1,3}(?:[,\u2013-]\d{1,3})*(?=[\s.,;]|$)"
)
"""A citation number right after a count ("a case series of 13 patients.4 In our report"): the
count is another report's."""
_RUN_IN = re.compile(r"(?:[.)\]]|[a-z]{2}|\d[,\u2013-])$")
"""A count glued to what comes before it ("injection.1\u20133 Cases", "(HA).3 Cases",
"necrosis2,3"): a superscript citation run into the text, not a number of patients."""
_REFERENCE = re.compile(
    r"\b(?:19|20)\d{2}\s*(?:[A-Z][a-z]{2}\s*)?;\s*\d+|\bdoi\b|\bPMid\b|\bet al\b"
    r"|\b(?:19|20)\d{2}\)\.\s|\bJ [A-Z]|^(?:[A-Z][a-z'-]+ [A-Z]{1,3}(?:[,.] |\.$)){2,}",
)
"""A reference-list entry ("J Oral Pathol Med 2004; 33: 115-20", "(2015). ... doi:",
"Smith AB, Jones CD."); a sentence right before one and at most two after another is a
piece of an entry ("... study of 11 cases.")."""
_OTHERS = re.compile(
    r"\bha(?:ve|s|d) (?:\w+ )?been (?:published|reported|described|documented)"
    r"|\b(?:reported|published|described) (?:\w+ )?(?:cases|patients)\b|\breported \d"
    r"|\b(?:over|more than) \d+ (?:\w+ )?(?:cases|patients)\b"
    r"|\b(?:literature|medline|pubmed)\b|\b(?:previous|prior|earlier|published|small|large"
    r"|several|many|other)\s+(?:\w+\s+)?case series|\bto date\b|\bso far\b",
    re.I,
)
"""Other published cases ("Two cases ... have also been reported", "to date, eight cases",
"over 300 reported cases", "the Department of Health reported 19 similar cases")."""
_CJK_OTHERS = re.compile(r"截至|至今|迄今|已(?:有)?(?:描述|报道|報道|报告|報告)|文献|文獻|既往")
"""The same in Chinese ("截至目前,已描述了19例": to date, 19 cases have been described)."""
_FOREIGN_OTHERS = re.compile(
    r"(?<![\w-])(?:literatura|litterature|literatur|publicad[oa]s?|publie\w*|publiziert"
    r"|comunicaron|describieron|se han (?:descrito|comunicado|publicado)|por lo menos|pelo menos"
    r"|au moins|mindestens)(?![\w-])"
)
_FOREIGN_OURS = re.compile(
    r"(?<![\w-])(?:presentamos|describimos|reportamos|comunicamos|se incluyeron|incluimos"
    r"|rapportons|presentons|decrivons|apresentamos|relatamos|descrevemos|descrevem"
    r"|wir (?:berichten|beschreiben|stellen))(?![\w-])"
)
"""Other published cases, and the authors' own, in Spanish, Portuguese, French, German."""
_OWN_REVIEW = re.compile(
    r"(?:a )?(?:review of the|revisi\w+ de la|revis\w+ da|revue de la) (?:\w+ )?lit\w+"
    r"|lit\w+ (?:review|search)",
    re.I,
)
"""The authors' own review of the literature beside their cases ("Report of two cases and
review of the literature", "revisión de la literatura") says nothing of other cases."""
_NOT_COUNT = re.compile(
    r"\b(?:type|grade|stage|phase|group|class|level|figure|fig|table|day|week|tipo|typ)\s*$", re.I
)
"""A number that is a label, not a count ("type 2 diabetes patients", "grade 3 cases")."""
_CLAUSE = re.compile(r"[.;\u3002\uff1b](?=\s|[A-Z]|$)|[\u3002\uff1b]")
_OURS = re.compile(
    r"\bwe (?:hereby )?(?:report|present|describe)|\b(?:our|this|the present) (?:case )?"
    r"(?:series|study|report)\b",
    re.I,
)


def _counted(text: str, start: int, end: int, number_first: bool) -> bool:
    """The cue at ``text[start:end]`` counts this report's patients, not others'."""
    if _CITED.match(text, end) or number_first and _RUN_IN.search(text, 0, start):
        return False
    if _NOT_COUNT.search(text, 0, start) or _SUBGROUP.match(text, end):
        return False
    if literature_statement(text, start, end):
        return False
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    clause = _OWN_REVIEW.sub(" ", text[left:right])
    folded = ascii_fold(clause)
    if _CJK_OTHERS.search(clause) or (
        _FOREIGN_OTHERS.search(folded) and not _FOREIGN_OURS.search(folded)
    ):
        return False
    return not (_OTHERS.search(clause) and not _OURS.search(clause))


_LITERATURE = re.compile(r"\b(?:literature|medline|pubmed|embase|published)\b", re.I)
_ESTIMATE = re.compile(
    r"\b(?:more than|over|about|approximately|nearly|almost|around|up to|at least|some)\s+\Z", re.I
)
"""An estimate ("more than 17,000 complications were reported"): a background figure, not the
count an analysis tells of what it found."""


def _reported(text: str, start: int, end: int) -> bool:
    """The count of reports or events at ``text[start:end]`` is this analysis' own: not a
    citation, a label, a share or an estimate (:data:`_ESTIMATE`), and no literature in its
    clause ("were reported" is how an analysis of a reporting system tells its own counts, not
    a literature statement)."""
    if _CITED.match(text, end) or _NOT_COUNT.search(text, 0, start) or _SUBGROUP.match(text, end):
        return False
    if _ESTIMATE.search(text, 0, start):
        return False
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    return not _LITERATURE.search(text, left, right)


def _value(word: str | None) -> int | None:
    if not word:
        return None
    folded = ascii_fold(word)
    if folded in NUMBERS:
        return NUMBERS[folded]
    if word in _CJK_NUMBERS:
        return _CJK_NUMBERS[word]
    value = number_value(word)
    return int(value) if value is not None else None


def _numbered(sentences: list[Sentence]) -> tuple[int, Span] | None:
    """Patients numbered in order ("Case 1 ... Case 2 ..."): how many, and the first mark."""
    seen = 0
    first: Span | None = None
    for sentence in sentences:
        for match in _MARKER.finditer(sentence.text):
            number = int(match.group("n") or match.group("c"))
            if number == seen + 1:
                seen = number
                if first is None:
                    first = (sentence.start + match.start(), sentence.start + match.end())
    return (seen, first) if seen >= 2 and first else None


_IN_PATIENTS = re.compile(
    rf"\b(?P<n>{NUMBER_WORDS})\s+(?:[\w-]+\s+)?(?:cases|lesions|sites|episodes|reactions"
    rf"|nodules|granulomas|events)\s+(?:in|out of|among|from)\s+(?P<m>{NUMBER_WORDS})\s+"
    rf"(?:[\w-]+\s+)?(?:{_NOUN}|persons|people|[a-z]+ers)\b",
    re.I,
)
"""Cases counted as lesions or episodes of fewer patients ("11 cases in 9 patients", "5
lesions in 4 patients", "11 cases out of 9 male bodybuilders")."""


def _in_patients(sentences: list[Sentence], count: int) -> tuple[int, Span] | None:
    """The number of patients and its span when the text says the series' ``count`` of cases
    was found in fewer patients (:data:`_IN_PATIENTS`), else None."""
    for sentence in sentences:
        for match in _IN_PATIENTS.finditer(sentence.text):
            patients = _value(match["m"])
            if _value(match["n"]) == count and patients is not None and 2 <= patients < count:
                return patients, (sentence.start + match.start("m"), sentence.start + match.end())
    return None


def find_series(sentences: list[Sentence]) -> tuple[int | None, Span] | None:
    """The series cue of the report: (the number of patients, or None when the text gives
    none, and the cue's span); None for a single report. A counted cue wins over an
    uncounted one, an earlier one over a later one."""
    cues: list[tuple[bool, int, int | None, int]] = []
    cited = [bool(_REFERENCE.search(s.text)) for s in sentences]
    analysis = analyses_reports(sentences)  # of a reporting system
    for i, sentence in enumerate(sentences):
        if cited[i] or any(cited[max(0, i - 2) : i]) and any(cited[i + 1 : i + 2]):
            continue  # a reference-list entry, or a piece of one between two others
        text, folded = sentence.text, ascii_fold(sentence.text)
        found = [
            (m, _value(m.group("n") or m.group("n2") or m.group("n3")))
            for m in _COUNT.finditer(text)
        ]
        found += [(m, _value(m["n"] or m["fr"])) for m in _FOREIGN.finditer(folded)]
        found += [(m, _value(m.group("n"))) for m in _CJK.finditer(text)]
        if _TURKISH_LETTERS.search(text):
            found += [(m, _value(m.group("n"))) for m in _TURKISH.finditer(folded)]
        ones = list(_ENUMERATED.finditer(text))
        if len(ones) >= 2:
            found.append((ones[0], len(ones)))
        if _SEEN.search(text):
            found += [(m, None) for m in _FEW.finditer(text)]
        for match, count in found:
            cue = match.group(0).lower()
            if count is None and cue.startswith(("both", "ambos", "ambas", "beide", "les deux")):
                count = 2
            if count is None and cue.startswith(("los ", "las ", "os ", "as ")):
                count = 2
            if count is not None and count < 2:
                continue
            if count is None and match.re is _COUNT and "series" not in cue:
                continue
            if not _counted(text, *match.span(), bool(match.groupdict().get("n"))):
                continue
            cues.append((count is None, sentence.start + match.start(), count, len(cue)))
        for start, end in reported_counts(text, analysis):  # reports, not patients
            if _reported(text, start, end):
                cues.append((True, sentence.start + start, None, end - start))
    numbered = _numbered(sentences)
    if numbered:
        count, (start, end) = numbered
        cues.append((False, start, count, end - start))
    if not cues:
        return None
    _, start, count, length = min(cues, key=lambda c: (c[0], c[1]))
    if count is not None and (fewer := _in_patients(sentences, count)):
        return fewer  # cases counted as lesions or episodes: the patients are fewer
    return count, (start, start + length)


def report_series(
    text: str, case: dict[str, Any], evidence: dict[str, list[Span]], warnings: list[str]
) -> bool:
    """Mark the report part of a draft of ``text`` as a series when the text counts one
    ("deux cas", "quatro pacientes", "380例"), with the count's evidence; True if it does."""
    found = find_series(split_sentences(text))
    if found is None:
        return False
    count, span = found
    case["report"]["patients_in_report"] = count or 2
    evidence["report.patients_in_report"] = [span]
    warnings.append(f"the report describes a series of {count or 2} patients")
    return True
