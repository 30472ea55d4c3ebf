"""Objective findings: histopathology, imaging, laboratory results.

A finding sentence names a test ("a skin biopsy", "histopathology",
"ultrasound", "culture") and a reporting verb ("showed", "revealed",
"demonstrated"); the result is the text after the verb up to the clause end.
One :class:`FindingFacts` per test; the result keeps the report's words and
each listed item ("necrotic keratinocytes, leukocytoclastic vasculitis, and
eccrine necrosis") is coded to the HPO. Negated items ("no granulomas") are
kept out of the codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.case import CodedTerm
from dermavigil.domain.vocab import FindingKind
from dermavigil.literature.extract.finding_result import (
    LIKENESS_BEFORE,
    METHOD,
    RESULT_END,
    without_diagnosis,
)
from dermavigil.literature.extract.microscopy import (
    GOES_ON,
    lesion_subject,
    micrograph_caption,
    opening_clause,
)
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.reaction_short_forms import reaction_abbreviations
from dermavigil.literature.extract.relevance import generic_section, reports_cases
from dermavigil.literature.extract.roles import told_in_past
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.coder import code_phrase

Span = tuple[int, int]

_TEST = re.compile(
    r"\b(?P<test>(?:a\s+|the\s+)?(?:(?:skin|punch|incisional|excisional|deep)\s+)*biops(?:y|ies)"
    r"(?:\s+specimens?)?|histo\w{0,3}patholog\w*(?:\s+exam(?:ination)?)?"
    r"|(?:immuno)?histolog\w*(?:\s+exam(?:ination)?)?|immunohistochem\w*|microscop\w*\s+(?:exam\w*|evaluation|study|findings?)"
    r"|(?:(?:scanning |transmission )?electron|light|polari[sz]ed(?:[- ]light)?) microscop(?:y"
    r"|ic(?:al)? (?:features?|findings?|appearances?))"
    r"|(?:higher|lower|high|low|greater|medium)(?:[- ]power)? magnification"
    r"|dermatopatholog\w*(?:\s+exam(?:ination)?)?|(?:photo)?micrographs?"
    r"|(?:hematoxylin|haematoxylin) and eosin stain|(?:(?:hematoxylin|haematoxylin)(?: and |-)"
    r"eosin|H&E)[- ]stained (?:sections?|slides?|specimens?)"
    r"|(?:aspiration |fine[- ]needle (?:aspiration )?)?cyto(?:patho)?log\w*(?:\s+exam(?:ination)?)?"
    r"|patholog(?:ic|ical|y)\s+(?:findings?|exam(?:ination)?|reports?|specimens?)|HPE"
    r"|(?:(?<=the )|^)pathology(?=\s+(?:showed|revealed|demonstrated|disclosed|confirmed"
    r"|indicated)\b)"
    r"|(?:doppler\s+)?"
    r"ultrasound|ultrasonography|MRI|magnetic resonance imaging|CT(?: scan)?|(?:bacterial\s+|fungal"
    r"\s+|mycobacterial\s+)?cultures?|blood tests?|laboratory tests?)\b",
    re.I,
)
_VERB = re.compile(
    r"\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|disclosed|confirmed|found"
    r"|(?<!was )(?<!were )documented"
    r"|reported|(?<=pathology )indicated"
    r"|(?<=ly, )(?:\w+ ){1,3}?(?:presented|exhibited|displayed|had)"
    r"|consist(?:ed|s) of|(?:was|were|is|are) composed of|comprised|contained"
    r"|identified|(?:was|were|is|are) consistent with|was positive for|were negative"
    r"|(?:(?:was|were) (?:\w+ly )?)?characteri[sz]ed by|prov(?:en|ed) to be|evidenced"
    r"|gave evidence of"
    r"|shown to be|showing|revealing|demonstrating|included|includes|including"
    r"|(?<=findings )of|(?<=features )of"
    r"|(?:were|was)(?!\s+(?:then\s+|also\s+|subsequently\s+)?(?:performed|taken|obtained|done|carried"
    r"|sent|made|undertaken|requested|conducted|planned|ordered|repeated|collected|recorded"
    r"|reviewed|analy[sz]ed|evaluated|assessed|documented|compared|retrieved|extracted)\b))\b",
    re.I,
)
"""A reporting verb, or a verb of what the tissue was made of ("the lesion consisted of",
"was composed of", "contained"); "was performed", "was taken", "was obtained" only say that
the test was done (its result follows a later verb: "a biopsy was performed, showing ..."),
and "were collected", "were reviewed", "were analysed" that a study gathered its findings."""
_KINDS = (
    (
        FindingKind.histopathology,
        r"biops|histo|patholog|eosin|H&E|HPE|microscop|micrograph|cytolog|magnification",
    ),
    (FindingKind.imaging, r"ultraso|MRI|magnetic|CT"),
    (FindingKind.laboratory, r"culture|blood|laboratory"),
)


@dataclass
class FindingFacts:
    """One test and its result, with codes and evidence spans (keys: test, result)."""

    kind: FindingKind
    test: str
    result: str
    codes: list[CodedTerm] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)


def _kind(test: str) -> FindingKind:
    for kind, pattern in _KINDS:
        if re.search(pattern, test, re.I):
            return kind
    return FindingKind.other


def _items(result: str) -> list[tuple[str, int]]:
    items = []
    for match in re.finditer(r"[^,;]+", result):
        piece = match.group(0)
        for part in re.finditer(r"(?:(?!\band\b).)+", piece):
            text = part.group(0).strip()
            if text:
                items.append((text, match.start() + part.start() + part.group(0).index(text)))
    return items


_HISTO_TEST = (
    r"(?:the |an? )?(?:results? of (?:the |a )?)?(?:[a-z]+ )?(?:histolog\w*|histopatholog\w*"
    r"|(?:skin )?biopsy|patholog\w*)[\w ]{0,30}"
)
_CONFIRMED = (
    re.compile(
        r"\b(?:the )?diagnosis of (?:an? )?(?P<result>[^,;]{3,80}?) was confirmed by (?P<test>"
        r"(?:the )?(?:histolog\w*|histopatholog\w*|biopsy)[\w ]{0,30})",
        re.I,
    ),
    re.compile(
        r"^(?:(?:an?|the) )?(?P<result>[A-Za-z][^,;]{2,60}?) (?:was|were) (?:diagnosed|confirmed"
        rf"|proven|verified) (?:based on|by|on|with) (?P<test>{_HISTO_TEST})",
        re.I,
    ),
    re.compile(
        r"\b(?:were|was) (?:reported|diagnosed|confirmed) as (?:an? )?(?P<result>[^,;]{3,60}?)"
        rf" (?:by|on) (?P<test>{_HISTO_TEST})",
        re.I,
    ),
    re.compile(
        r"\b(?P<test>(?:histolog|histopatholog|patholog)(?:ic|ical)ly) (?:compatible|consistent)"
        r" with (?:an? |the )?(?P<result>[^,;.()]{2,80}?)(?=\s*(?:[,;.()]|$))",
        re.I,
    ),
    re.compile(
        r"^(?:(?:an?|the) )?(?P<result>[A-Za-z][^,;]{2,120}?) (?:was|were) (?:seen|found|observed"
        r"|noted|present|identified|evident|detected) (?:in|on|after|by) (?:all |both |each |every"
        r" |the |(?:\w+ )?of the )?(?P<test>(?:skin |punch )?biops(?:y|ies)(?: specimens?)?"
        r"|histolog\w*(?: sections?)?|histopatholog\w*(?: (?:evaluation|exam\w*|analysis))?)",
        re.I,
    ),
)
_REPORTED_WITH = re.compile(
    r"\b(?P<test>(?:skin |punch |incisional |excisional )?biops(?:y|ies)|histopatholog\w*"
    r"(?: exam\w*)?)\b[^.;]{0,40}?\bwith (?:a |the )?(?:report|finding|diagnosis|result)s? of"
    r" (?:an? )?(?P<result>[^.;]{3,160}?)(?=[.;]|$)",
    re.I,
)
"""The result told after the test by a noun: "a biopsy was taken with a report of necrosis of
skin and subcutaneous soft tissues"."""
"""The result told before its test: "The diagnosis of X was confirmed by histological
examination", "Eczema was diagnosed based on the results of the pathological examination",
"the granulomas excised were reported as lipogranuloma by the pathology department", "nodules
appeared, histologically compatible with EN", "A florid panniculitis was seen in all
biopsies", "Necrosis of the outer layer ... was detected after histopathological
evaluation"."""


def _confirmed(sentence: Sentence) -> FindingFacts | None:
    """ "The diagnosis of X was confirmed by histological examination": the result first."""
    match = next((m for p in (*_CONFIRMED, _REPORTED_WITH) if (m := p.search(sentence.text))), None)
    if match is None:
        return None
    test_end = match.end("test")
    showing = _SHOWING.search(sentence.text, match.start("test"))
    if showing is not None and showing.start() >= test_end:
        showing = None
    test = sentence.text[match.start("test") : showing.start() if showing else test_end].strip()
    finding = FindingFacts(
        kind=_kind(test),
        test=re.sub(r"^the\s+", "", test, flags=re.I).lower(),
        result=match.group("result"),
        codes=code_phrase(match.group("result")),
        spans={
            "test": [
                (
                    sentence.start + match.start("test"),
                    sentence.start + match.start("test") + len(test),
                )
            ],
            "result": [
                (sentence.start + match.start("result"), sentence.start + match.end("result"))
            ],
        },
    )
    if showing is not None:  # "... confirmed by histology showing X": X is what it showed
        tail = sentence.text[showing.end() :]
        end = RESULT_END.search(tail)
        more = tail[: end.start() if end else len(tail)].rstrip(" ,")
        finding.result = f"{finding.result}; {more}"
        finding.spans["result"].append(
            (sentence.start + showing.end(), sentence.start + showing.end() + len(more))
        )
        _code_items(sentence, more, showing.end(), finding)
    return finding


_SHOWING = re.compile(
    r",?\s+(?:which |that )?(?:showing|revealing|demonstrating|showed|revealed)\s+"
)
"""A participle or a relative clause after a test named as the means of a diagnosis ("was
confirmed by the histological examination showing calcium deposits"): its object is the
slide's own finding."""


def _code_items(sentence: Sentence, result: str, local: int, finding: FindingFacts) -> None:
    """Code each listed item of ``result`` (at ``local`` in the sentence) into ``finding``,
    leaving negated and uncertain ones out."""
    seen = {c.code for c in finding.codes}
    for item, at in _items(result):
        for code in code_phrase(_LINE_BREAK_HYPHEN.sub(r"\1\2", item)):
            if (code.matched_text or "").lower() in _COLOURS:
                continue  # "red pigment", "Congo red": a slide's colour is no erythema
            inner = item.lower().find((code.matched_text or item).lower())
            begin = local + at + max(inner, 0)
            end = begin + len(code.matched_text or item)
            if assertion(sentence.text, begin, end) is not Assertion.present:
                continue
            if code.code not in seen:
                seen.add(code.code)
                finding.codes.append(code)


_LINE_BREAK_HYPHEN = re.compile(r"(\w{3,})- (?!(?:and|or|to|nor)\b)([a-z]{3,})")
"""A word a PDF's line break split with a hyphen and a space ("granulomatous inflam- mation"),
rejoined before coding; a hyphen that shares its word with the next ("T- and B-cells") stays."""
_COLOURS = frozenset({"red", "reddish", "pink", "purple", "blue", "brown", "black"})


def _goes_on(finding: FindingFacts, sentence: Sentence) -> None:
    """Add a sentence that goes on describing a histopathology result to that finding."""
    finding.result = f"{finding.result} {sentence.text}"
    finding.spans.setdefault("result", []).append((sentence.start, sentence.end))
    _code_items(sentence, sentence.text, 0, finding)


def _case_told(patient: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """The patient sentences and, in a text that reports cases, every sentence told in the
    past outside a title, background, discussion or conclusion: a case narrative names its
    investigations without naming the patient ("A skin biopsy of the plaque revealed ...",
    "Microscopic evaluation revealed ..."), while a review states what biopsies show in
    the present; a caption of a micrograph shows the case's slide whatever its tense."""
    if not reports_cases(sentences):
        return patient
    told = {s.index for s in patient}
    return [
        s
        for s in sentences
        if s.index in told
        or (s.section != "title" and not generic_section(s.section) and told_in_past(s.text))
        or micrograph_caption(s.text) is not None
    ]


def find_findings(
    patient: list[Sentence], sentences: list[Sentence] | None = None
) -> list[FindingFacts]:
    """Findings in the sentences that tell the case (:func:`_case_told`) that name a test and
    a reporting verb; with all the ``sentences``, the one right after a histopathology finding
    that goes on describing the slide adds to it."""
    found = _find(_case_told(patient, sentences or []))
    by_index = {s.index: s for s in sentences or ()}
    for finding, index in found:
        after = by_index.get(index + 1)
        while (
            finding.kind is FindingKind.histopathology
            and after is not None
            and not _TEST.search(after.text)
            and GOES_ON.search(after.text)
        ):  # the slide described sentence after sentence
            _goes_on(finding, after)
            after = by_index.get(after.index + 1)
    if found:
        _expand_short_forms([f for f, _ in found], sentences or patient)
    return [finding for finding, _ in found]


def _expand_short_forms(findings: list[FindingFacts], sentences: list[Sentence]) -> None:
    """A histopathology result that names a short form the text defines ("histologically
    compatible with EN" after "Erythema nodosum (EN)") is coded by its long form
    (:func:`.reaction_short_forms.reaction_abbreviations`, the Schwartz-Hearst definitions)."""
    short = reaction_abbreviations(" ".join(s.text for s in sentences))
    for finding in findings:
        if finding.kind is not FindingKind.histopathology:
            continue
        seen = {c.code for c in finding.codes}
        for form, (long, _) in short.items():
            if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", finding.result):
                for code in code_phrase(long):
                    if code.code not in seen:
                        seen.add(code.code)
                        finding.codes.append(code)


def _find(patient: list[Sentence]) -> list[tuple[FindingFacts, int]]:
    findings: list[tuple[FindingFacts, int]] = []
    for sentence in patient:
        confirmed = _confirmed(sentence)
        if confirmed is not None:
            findings.append((confirmed, sentence.index))
            continue
        opening = opening_clause(sentence.text)
        if opening is not None:
            findings.append((_opened(sentence, *opening), sentence.index))
            continue
        caption = micrograph_caption(sentence.text)
        if caption is not None and caption[0] is not None and not _TEST.search(sentence.text):
            shown = _opened(sentence, caption[0], caption[1])
            shown.kind, shown.test = FindingKind.histopathology, "micrograph"
            findings.append((shown, sentence.index))
            continue
        test = _TEST.search(sentence.text)
        lesion = lesion_subject(sentence.text) if test is None else None
        if lesion is not None:  # "The lumps exhibited chronic inflammation with fibrosis."
            shown = _opened(sentence, *lesion)
            shown.kind = FindingKind.histopathology
            findings.append((shown, sentence.index))
            continue
        verb = _VERB.search(sentence.text, test.end()) if test else None
        if not test or not verb or LIKENESS_BEFORE.search(sentence.text, 0, test.start()):
            continue
        tail = sentence.text[verb.end() :]
        if METHOD.match(tail):
            continue  # "confirmed with the Naranjo scale": how, not what the slide showed
        end = RESULT_END.search(tail)
        result = without_diagnosis(tail[: end.start() if end else len(tail)].strip())
        if not result:
            continue
        offset = sentence.start + verb.end() + tail.index(result)
        name = re.sub(r"^(?:a|the)\s+", "", test.group("test"), flags=re.I).lower()
        finding = FindingFacts(
            kind=_kind(name),
            test=name,
            result=result,
            spans={
                "test": [(sentence.start + test.start("test"), sentence.start + test.end("test"))],
                "result": [(offset, offset + len(result))],
            },
        )
        _code_items(sentence, result, verb.end() + tail.index(result), finding)
        if end and end.group(0).startswith(";"):
            _clause_goes_on(finding, sentence, verb.end() + end.end())
        findings.append((finding, sentence.index))
    return findings


def _opened(sentence: Sentence, test: Span, clause: Span) -> FindingFacts:
    """The finding of a sentence opened by a test adverbial
    (:func:`.microscopy.opening_clause`): the whole clause after it."""
    name = sentence.text[test[0] : test[1]]
    result = sentence.text[clause[0] : clause[1]]
    finding = FindingFacts(
        kind=_kind(name),
        test=name.lower(),
        result=result,
        spans={
            "test": [(sentence.start + test[0], sentence.start + test[1])],
            "result": [(sentence.start + clause[0], sentence.start + clause[1])],
        },
    )
    _code_items(sentence, result, clause[0], finding)
    return finding


def _clause_goes_on(finding: FindingFacts, sentence: Sentence, at: int) -> None:
    """The clause after the result's semicolon, at ``at`` in the sentence, added to the
    finding when it goes on describing the slide ("Histopathology showed X; the underlying
    dermis showed Y")."""
    clause = sentence.text[at:].lstrip()
    local = len(sentence.text) - len(clause)
    if finding.kind is not FindingKind.histopathology or not GOES_ON.search(clause):
        return
    clause = re.split(r";(?:\s|$)", clause)[0].rstrip(" .")
    finding.result = f"{finding.result}; {clause}"
    finding.spans["result"].append((sentence.start + local, sentence.start + local + len(clause)))
    _code_items(sentence, clause, local, finding)
