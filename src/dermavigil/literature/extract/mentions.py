"""Where a sentence names a reaction: noun mentions, adjective and verb forms, short forms.

A reaction mention is a clinical head noun (necrosis, papules, pain, erythema,
granuloma, vascular occlusion, ...) with the descriptive words before it
("palpable, painful, non-blanchable purplish papules") and coordinated heads
("papules and nodules, accompanied by central, tiny crusted erosions"). An
adjective or verb form after a copula or on its own ("her face became red
and swollen", "the nodule ulcerated") is a mention too, and so is a
descriptive adjective outside any noun mention ("a slightly tender area",
"a hypopigmented, atrophic depression"), coded by the noun it derives from
(:func:`dermavigil.terminology.coder.finding_adjective`). A short form the
text defines for a reaction ("compartment syndrome (CS)") stands for it. A noun phrase headed
by a clinical-finding noun no vocabulary holds whole ("lymph node enlargement") is a mention
where nothing else names it (:mod:`.open_phrases`), and so is a neoclassical compound whose
last element is such a noun ("lipohypertrophy": :mod:`.compound_findings`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from dermavigil.literature.extract.compound_findings import compound_findings
from dermavigil.literature.extract.mention_words import HEADS as _HEADS
from dermavigil.literature.extract.mention_words import MODIFIER as _MODIFIER
from dermavigil.literature.extract.mention_words import NAMED_HEADS, OF_HEADS
from dermavigil.literature.extract.named_diagnoses import morphology_diagnoses, named_diagnoses
from dermavigil.literature.extract.named_exposure import in_exposure_name
from dermavigil.literature.extract.open_phrases import open_phrases
from dermavigil.literature.extract.organism_names import organism_span
from dermavigil.literature.extract.suffix_diagnoses import suffix_diagnoses
from dermavigil.literature.extract.treatment import TREATMENT
from dermavigil.terminology.coder import code_phrase, finding_adjective
from dermavigil.terminology.disease_spans import disease_spans
from dermavigil.terminology.phenotype_spans import phenotype_spans

Span = tuple[int, int]

_NOT_AFTER_HEAD = (
    r"(?!\s+(?:clinic|department|service|unit|cent(?:er|re)|immuni[sz]ation|vaccination"
    r"|spectrometry|tests?|testing|injections?|shots?|extracts?|immunotherapy))"
)
"""A head word naming something else: "the Allergy clinic", "a patch test", "his first allergy
injection"; "body mass index", "a mass influenza immunization" are no mass."""
_MODIFIES_EXPOSURE = re.compile(
    rf"(?i:{_NOT_AFTER_HEAD})(?!(?:\s+[A-Z0-9]{{1,2}})?\s+(?i:vaccin\w*|desensiti[sz]ation"
    r"|immunotherapy|repairs?|surgery|surgeries|operation|procedure)\b)(?!-like\b)"
)
"""A phenotype that names the vaccine or the desensitisation given ("the hepatitis B vaccine",
"hay fever desensitization injections"), what an operation repaired ("an inguinal hernia
repair", as :mod:`dermavigil.ingest.maude_narratives` reads it) or what a reaction looked like
("a cellulitis-like reaction"), not a reaction of its own."""
_CONNECT = r"(?:\s*,\s*accompanied by\s+|\s*,?\s+(?:and|or)\s+|\s*,\s*)"
_MOD = rf"(?:{_MODIFIER})(?:-(?:to-)?(?:{_MODIFIER}))*"
_MODS = rf"(?:{_MOD}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s+))*"
_MENTION = re.compile(
    rf"(?<![\w-]){_MODS}(?:{_HEADS})(?![\w-]){_NOT_AFTER_HEAD}"
    rf"(?:{_CONNECT}{_MODS}(?:{_HEADS})(?![\w-]){_NOT_AFTER_HEAD})*",
    re.I,
)
_PREDICATE_ADJ = (
    r"red|reddened|erythematous|swollen|edematous|oedematous|tender|painful|itchy|pruritic"
    r"|violaceous|purple|purplish|bluish|dusky|cyanotic|necrotic|ulcerated|indurated|inflamed"
    r"|tachycardic|bradycardic"
    r"|blistered|mottled|blanched|ischa?emic|febrile|pyrexial|drowsy|somnolent|lethargic"
    r"|hypotensive|tachypn(?:o)?eic|dyspn(?:o)?eic|breathless|nause(?:ous|ated)|dizzy|comatose"
    r"|aphasic|ataxic|oliguric|anuric|pale|cold|numb|unconscious|flushed(?!\s+(?:with|out|through))"
)
_COLOURS = (
    r"dark(?:er)?|darkened|blue|bluish|grey|gray|greyish|white|whitish|pale|black|brown(?:ish)?"
    r"|purple|purplish|violaceous|dusky"
)
_VERBS = r"swelled(?: up)?|ulcerated|blistered|necrosed|necroti[sz]ed"
_PREDICATE = re.compile(
    rf"\b(?:became|become|becomes|becoming|turned|grew|got|was|were|appeared|remained|looked"
    rf"|felt)\s+(?:(?:very|more|increasingly|markedly|extremely|slightly|mildly|intensely)\s+)?"
    rf"(?P<adj>(?:{_PREDICATE_ADJ})(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
    rf"(?:{_PREDICATE_ADJ}))*)(?![\w-])"
    rf"|\b(?P<verb>{_VERBS})(?=\s*(?:[,.;]|and\b|$))"
    rf"|\b(?:became|turned|grew|appeared|looked)\s+(?:(?:a little|a bit|slightly|somewhat"
    rf"|increasingly|progressively)\s+)?(?P<colour>{_COLOURS})(?![\w-])",
    re.I,
)
"""Adjective and verb forms of a reaction: "her face became red and swollen", "was tender
and violaceous", "the nodule ulcerated", and a change of colour ("the lip had turned a
little darker", "the tip of the nose became white")."""
_ACUITY = re.compile(
    r"\b(?:(?:best[- ])?corrected\s+)?visual acuity\s+"
    r"(?:(?:in|of)\s+(?:the|her|his)\s+(?:right|left|affected)\s+eye\s+)?(?:(?:had|has|then|later|rapidly|suddenly|further)\s+)?(?:declined"
    r"|decreased|dropped|fell|deteriorated|worsened|diminished|(?:was|were)\s+(?:markedly\s+)?"
    r"(?:reduced|decreased|diminished|impaired)|(?:was|of)\s+(?:only\s+)?(?:no light perception"
    r"|light perception|hand motions?|counting fingers|finger counting|NLP|LP|HM|CF))(?![\w/-])",
    re.I,
)
"""A visual acuity told falling or measured in words ("visual acuity declined to 20/60",
"visual acuity was counting fingers"): the patient's decreased visual acuity, an eye finding
(``docs/annotation.md``, the u0xx round: fundus and pupil findings are reactions); a value
in numbers ("20/200") is a measurement, left to the reader."""
_WORD = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w-])")
"""A word standing alone: a descriptive adjective outside any noun mention ("a slightly
tender area", "a hypopigmented depression") is a reaction of its own."""


def indexed_whole(long: str) -> bool:
    """The long form is one phenotype or disease name of the indexes, whole."""
    return any(
        p.start == 0 and p.end == len(long) for p in phenotype_spans(long) + disease_spans(long)
    )


def clinical_mention_ends(text: str) -> set[int]:
    """Where the clinical mentions of this module (head nouns with their modifiers) end."""
    return {m.end() for m in _MENTION.finditer(text)}


def is_clinical_mention(text: str) -> bool:
    """The whole text is one clinical mention of this module ("painful swelling")."""
    return _MENTION.fullmatch(text) is not None


def named_disease(text: str) -> bool:
    """A mention that is one name of the HPO or Disease Ontology index, whole, and not a
    clinical head with its descriptive words ("cerebral palsy", "congenital hydrocephalus";
    not "painful swelling"), or a syndrome named by the words before it (:mod:`.named_diagnoses`:
    "FAMMM syndrome"): a diagnosis a patient may have had before the events."""
    named = indexed_whole(text) or named_diagnoses(text) == [(0, len(text))]
    return named and not _MENTION.fullmatch(text)


class Mention(NamedTuple):
    """A reaction mention: its text (a short form's long form), its characters, and whether
    only the HPO index found it (no clinical head noun or adjective of this module)."""

    text: str
    start: int
    end: int
    indexed: bool = False


def _with_organism(text: str, found: list[Mention]) -> list[Mention]:
    """An infection named with its organism is one mention, kept whole
    (:func:`~.organism_names.organism_span`)."""
    out = []
    for mention in found:
        start, end = organism_span(text, mention.start, mention.end)
        if (start, end) != (mention.start, mention.end):
            mention = Mention(text[start:end], start, end, mention.indexed)
        out.append(mention)
    return out


def _with_phenotypes(text: str, found: list[Mention]) -> list[Mention]:
    """The noun mentions with the phenotypes the HPO index finds in the text
    (:func:`~dermavigil.terminology.phenotype_spans.phenotype_spans`): one no mention covers is
    a mention of its own (``indexed``); one that overlaps mentions joins them into one span
    ("shoulder" + "pain", "facial swelling" + "swelling and redness"). A phenotype that names
    the vaccine or the desensitisation given (:mod:`.named_exposure`: "measles, mumps and
    rubella vaccine"), or a treatment of the module
    :mod:`.treatment` ("fine needle aspiration"), is none. The diseases the Human Disease
    Ontology names (:func:`~dermavigil.terminology.disease_spans.disease_spans`: "botulism",
    "Arthus reaction") join the same way, after the phenotypes."""
    spans = {(m.start, m.end): m for m in found}
    for phenotype in phenotype_spans(text) + disease_spans(text):
        start, end = phenotype.start, phenotype.end
        if (
            any(s <= start and end <= e for s, e in spans)
            or not _MODIFIES_EXPOSURE.match(text, end)
            or in_exposure_name(text, start, end)
            or TREATMENT.fullmatch(text, start, end)
        ):
            continue
        overlapping = [(s, e) for s, e in spans if s < end and start < e]
        for span in overlapping:
            del spans[span]
        start = min([start] + [s for s, _ in overlapping])
        end = max([end] + [e for _, e in overlapping])
        spans[(start, end)] = Mention(text[start:end], start, end, indexed=not overlapping)
    return [spans[span] for span in sorted(spans)]


_EMBOLUS = re.compile(r"(?<![\w-])(?:emboli|embolism|embol[iy][sz]ations?)$", re.I)
_SYNDROME = re.compile(r"\s+(?:syndrome|disease|sickness)\b", re.I)
_NOUN_BEFORE = re.compile(r"(?:(?<![\w-])[A-Za-z][a-z]{2,}\s+){1,2}$")
_NOUNS_BEFORE = re.compile(r"(?:(?<![\w-])[A-Za-z][a-z]{2,}\s+){1,3}$")
_NAMED_HEAD = re.compile(rf"(?<![\w-])(?:{NAMED_HEADS})$", re.I)
_OF_HEAD = re.compile(rf"(?<![\w-])(?:{OF_HEADS})$", re.I)
_STOP = (
    r"(?:in|into|to|and|or|with|after|from|at|on|for|by|which|that|was|were|is|are|following"
    r"|even|remaining|entire|whole|same|other)"
)
_OF_PHRASE = re.compile(
    rf"\s+of\s+(?:the\s+|an?\s+)?(?!(?:{_STOP}|the|an?)\b)[A-Za-z][\w-]*(?:\s+(?!{_STOP}\b)[A-Za-z][\w-]*)?"
)
_NOT_A_NAME = re.compile(
    r"(?:when|where|while|if|whether|because|since|until|there|thus|hence|however|therefore"
    r"|prevent|prevents|avoid|potential|possible|probable|additional|further|even|other"
    r"|remaining|risk|signs?|evidence|degrees?|cases?|types?|kinds?|forms?)",
    re.I,
)
"""Words that do not name the head after them ("to prevent further migration", "thread when
thread extrusion"): the named head keeps only the nouns after the last of them."""
_NOT_A_NOUN = re.compile(
    r"(?:a|an|the|of|with|and|or|to|in|on|at|by|for|from|after|following|as|was|were|is|are"
    r"|be|been|had|has|have|her|his|their|our|this|that|these|those|which|who|no|not|due|post"
    r"|into|under|over|than|then|also|any|both|each|such|some|its|without|within|diagnosis"
    r"|presented|developed|showed|revealed|diagnosed|suspected|confirmed|made|caused|induced"
    r"|\w+ed|\w+ing|\w+ly)",
    re.I,
)


@cache
def _head_word() -> re.Pattern[str]:
    """A clinical head word on its own, compiled on first use (a 4,000-character alternation
    that only the words before a named head need)."""
    return re.compile(rf"(?:{_HEADS})", re.I)


def _named(text: str, start: int, end: int) -> Mention:
    """A noun mention that heads a named syndrome, disease or sickness with the words before
    it ("silicone embolism syndrome", not "embolism"), and emboli with the vessel or the
    material they are named by ("ophthalmic artery emboli", "choroidal emboli", "vascular
    embolization"): the longest verbatim, which the scorer and an assessor match as the named
    diagnosis. A head of :data:`~.mention_words.NAMED_HEADS` keeps up to three nouns before it
    ("ipsilateral vocal cord palsy", "filler migration") and some an "of" phrase after it
    ("migration of the gel"); other mentions as found."""
    after = _SYNDROME.match(text, end)
    named = _NAMED_HEAD.search(text, start, end) is not None
    if after is None and not named and not _EMBOLUS.search(text, start, end):
        return Mention(text[start:end], start, end)
    of = _OF_PHRASE.match(text, end) if named and _OF_HEAD.search(text, start, end) else None
    end = after.end() if after else of.end() if of else end
    before = (_NOUNS_BEFORE if named else _NOUN_BEFORE).search(text, max(0, start - 80), start)
    if before is not None:
        words = before.group(0).split()
        while words and _NOT_A_NOUN.fullmatch(words[0]):
            words.pop(0)
        if named:  # a reaction named before it is a mention of its own ("pain palsy")
            head = _head_word()
            while words and any(head.fullmatch(w) or _NOT_A_NAME.fullmatch(w) for w in words):
                words.pop(0)
        if words and not any(_NOT_A_NOUN.fullmatch(w) for w in words):
            start = start - len(" ".join(words)) - 1
    return Mention(text[start:end], start, end)


def mentions(text: str, defined: dict[str, tuple[str, Span]]) -> list[Mention]:
    """Noun mentions, the adjective and verb forms no noun mention covers, and short forms of
    reactions defined in the text (the long form in place of the short one)."""
    found = [_named(text, m.start(), m.end()) for m in _MENTION.finditer(text)]
    # a clinical short form the text defines ("SIRVA") is reported by its long form
    found = [Mention(defined[f.text][0], f.start, f.end) if f.text in defined else f for f in found]
    for short, (long, _span) in defined.items():
        for match in re.finditer(rf"(?<![\w(-]){re.escape(short)}(?![\w)-])", text):
            if all(match.end() <= f.start or match.start() >= f.end for f in found):
                found.append(Mention(long, match.start(), match.end()))
    found = _with_named(text, _with_organism(text, _with_phenotypes(text, found)))
    for match in _PREDICATE.finditer(text):
        group = next(g for g in ("adj", "verb", "colour") if match.group(g))
        start, end = match.span(group)
        # each adjective is its own mention: "tender and violaceous" -> tender, violaceous;
        # one a noun or index mention covers already ("cold, numb and pale") is not repeated
        words = rf"(?:{_PREDICATE_ADJ}|{_VERBS}|{_COLOURS})(?![\w-])"
        for word in re.finditer(words, text[start:end], re.I):
            a, b = start + word.start(), start + word.end()
            if not any(b > f.start and a < f.end for f in found):
                found.append(Mention(word.group(0), a, b))
    for match in _ACUITY.finditer(text):
        if not any(match.end() > f.start and match.start() < f.end for f in found):
            found.append(Mention("decreased visual acuity", match.start(), match.end()))
    for start, end in suffix_diagnoses(text):
        if (
            not any(end > f.start and start < f.end for f in found)
            and _MODIFIES_EXPOSURE.match(text, end)
            and not in_exposure_name(text, start, end)
        ):  # not "hepatitis B vaccine", as the index's phenotypes
            found.append(Mention(text[start:end], start, end, indexed=True))
    for match in _WORD.finditer(text):
        if finding_adjective(match.group(0)) and not any(
            match.end() > f.start and match.start() < f.end for f in found
        ):
            found.append(Mention(match.group(0), match.start(), match.end()))
    for start, end in compound_findings(text):  # "lipohypertrophy": :mod:`.compound_findings`
        if not any(end > f.start and start < f.end for f in found):
            found.append(Mention(text[start:end], start, end, indexed=True))
    for start, end in open_phrases(text, [(f.start, f.end) for f in found]):
        found.append(Mention(text[start:end], start, end, indexed=True))
    found = [
        f
        for f in found
        if not (_ANAPHORIC.search(text, 0, f.start) and _GENERIC.fullmatch(f.text))
        and not _INSTITUTION.search(text, max(0, f.start - 80), f.start)
        and not _FIELD.fullmatch(f.text)
    ]
    return _without_apposed_names(text, sorted(found, key=lambda f: f.start))


def _with_named(text: str, found: list[Mention]) -> list[Mention]:
    """The syndromes and injuries named by the words before them and the lesions named by their
    morphology (:mod:`.named_diagnoses`: "purple glove syndrome", "lichenoid reaction"), whole,
    in place of the mentions inside them; one that crosses a mention is left out."""
    morphology = morphology_diagnoses(text)
    for start, end in named_diagnoses(text) + morphology:
        inside = [f for f in found if start <= f.start and f.end <= end]
        if any(f.start < end and start < f.end for f in found if f not in inside):
            continue
        if (start, end) not in morphology and any(f.end == end for f in inside):
            continue  # named already ("silicone embolism syndrome")
        found = [f for f in found if f not in inside] + [Mention(text[start:end], start, end)]
    return sorted(found, key=lambda f: f.start)


_INSTITUTION = re.compile(
    r"\b(?:Department|Dept\.?|Division|Section|Service|Unit|Institute|Faculty|School|Society"
    r"|Academy|College|Association|Journal|Clinic|Center|Centre|Laboratory) (?i:of|for)\s+"
    r"(?:[A-Za-z-]+(?:\s*,\s*|\s+(?:and|&)\s+|\s+)){0,4}$"
)
"""A name of a department, society or journal ("Department of Allergy and Immunology", "the
Korean Academy of Asthma, Allergy and Clinical Immunology"): no reaction of the patient."""
_FIELD = re.compile(r"[A-Za-z]+olog(?:y|ies)", re.I)
"""A field of medicine or science ("the oncology team", "Network Oncology", which the HPO
lists as a synonym of *Neoplasm*): no reaction of the patient."""
_GENERIC = re.compile(r"eruptions?|mass(?:es)?|patch(?:es)?|lesions?|collections?", re.I)
_ANAPHORIC = re.compile(r"\b(?:the|this|that|these|those|such|said)\s+(?:[\w-]+\s+)?$", re.I)
"""A bare generic noun after a definite determiner ("the eruption developed within 5 days",
"this cyst-like mass") refers back to a reaction the text has named: no reaction of its own."""


_IN_BRACKETS_AFTER = re.compile(r"\s*[(\[]\s*$")
_CLOSING = re.compile(r"\s*[)\]]")


def _without_apposed_names(text: str, found: list[Mention]) -> list[Mention]:
    """A second name of the same reaction in brackets right after the first ("Nicolau syndrome
    (embolia cutis medicamentosa)") is not a reaction of its own: dropped when it codes
    nothing the first does not. A second name no vocabulary codes stays in the first's
    mention, brackets and all ("embolia cutis medicamentosa (Nicolau syndrome)"): an uncoded
    reaction is known only by its words (``docs/annotation.md``: a term the HPO does not code
    must appear in a verbatim), and the author gave both."""
    out: list[Mention] = []
    for mention in found:
        previous = out[-1] if out else None
        closing = _CLOSING.match(text, mention.end)
        if (
            previous is None
            or closing is None
            or not _IN_BRACKETS_AFTER.fullmatch(text, previous.end, mention.start)
        ):
            out.append(mention)
            continue
        codes = {c.code for c in code_phrase(mention.text)}
        as_written = (m.text == text[m.start : m.end] for m in (previous, mention))
        if not codes and all(as_written):  # no short form standing for its long form
            end = closing.end()
            out[-1] = Mention(text[previous.start : end], previous.start, end, previous.indexed)
        elif not codes <= {c.code for c in code_phrase(previous.text)}:
            out.append(mention)
    return out
