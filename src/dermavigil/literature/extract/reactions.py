"""Reactions of the case: verbatim phrases, HPO codes, onset, body sites, recurrence.

The case's narrative sentences (:mod:`.roles`) are read with their finding
and outcome clauses blanked (:mod:`.clauses`); each reaction mention
(:mod:`.mentions`) is kept when it is present (:mod:`.negation`) and this
patient's reaction (:mod:`.preexisting`), else set aside with its status.
An organism grown from the lesion makes it an infection. Each verbatim is
coded with :func:`dermavigil.terminology.coder.code_phrase`; the onset is
the latency of the mention's sentence (:mod:`.latency`), the body sites
those the sentence names (not where a treatment was injected); the sites a
sentence names with no reaction are the case's too (:func:`unplaced_sites`). Mentions
are merged by code set; a rechallenge sentence's "similar lesions" is the
recurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dermavigil.domain.case import CodedTerm
from dermavigil.domain.dates import Duration
from dermavigil.literature.extract.clauses import clauses
from dermavigil.literature.extract.latency import latency
from dermavigil.literature.extract.mentions import (
    BINOMIAL,
    INFECTED,
    ORGANISM,
    mentions,
    named_disease,
)
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.preexisting import (
    NOT_A_REACTION,
    about_no_one,
    before_exposure,
    named_condition,
    pre_existing,
    title_indication,
    titled,
)
from dermavigil.literature.extract.roles import told_in_past
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites, treatment_site
from dermavigil.terminology.coder import code_phrase, default_coder
from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.phenotype_spans import phenotype_spans

Span = tuple[int, int]

_ORGANISM = (
    r"(?:Mycobacterium|Staphylococcus|Streptococcus|Pseudomonas|Escherichia|Klebsiella|Enterobacter"
    r"|Serratia|Cutibacterium|Propionibacterium|Candida|Aspergillus|Nocardia|Clostridium"
    r"|Acinetobacter|Proteus|Enterococcus|[MSEP]\.)\s+[a-z]{4,}(?:\s+(?:complex|group))?"
    r"|(?:atypical\s+|non-?tuberculous\s+)?mycobacteri(?:a|um|al strain)|NTM|MRSA|MSSA"
)
_GROWN = re.compile(
    rf"(?P<a>{_ORGANISM})\b[^.;]{{0,60}}?\b(?:was|were) (?:\w+ly )?(?:identified|isolated|grown"
    rf"|cultured|recovered|detected)\b|(?<![\w-])(?:mycobacterial strain|strain) isolated"
    rf"|\b(?:cultures?|PCR|swabs?)\b[^.;]{{0,40}}?\b(?:grew|yielded|(?:was|were) positive for"
    rf"|revealed|showed|identified)\s+(?:\w+\s+and\s+)?(?P<b>{_ORGANISM})",
    re.I,
)
"""An organism grown or identified from the patient's lesion: the lesion is infected
("Mycobacterium abscessus was identified on skin cultures", "cultures grew S. aureus")."""
_NAMED_INFECTION = re.compile(
    r"\s+(?:bacter(?:a)?emia|sepsis|infections?|abscess(?:es)?|cellulitis|endocarditis"
    r"|osteomyelitis|fasciitis)\b",
    re.I,
)
"""The organism is named with its infection ("Staphylococcus epidermidis bacteremia"), a
reaction of its own."""
_RECURRENCE = re.compile(r"\bsimilar (?:lesions?|reactions?|symptoms?)\b", re.I)


@dataclass
class ReactionFacts:
    """One reaction with its evidence spans (keys: verbatim, onset, body_sites)."""

    verbatim: str
    codes: list[CodedTerm]
    sentence: int
    onset_latency: Duration | None = None
    onset_text: str | None = None
    body_sites: list[str] = field(default_factory=list)
    at_rechallenge: bool = False
    indexed: bool = False
    """Found by the HPO index alone (:class:`~.mentions.Mention`)."""
    spans: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def lesion(self) -> bool:
        """A visible lesion (not pain, itch or a systemic symptom)."""
        return not re.fullmatch(
            r"(?:\w+ )*(?:pain|itching|pruritus|fever|tenderness|headache|dizziness|weakness)",
            self.verbatim.lower(),
        )


@dataclass
class Excluded:
    """A reaction mention set aside: negated or uncertain."""

    text: str
    span: Span
    status: Assertion


def find_reactions(
    patient: list[Sentence],
    rechallenge: set[int],
    defined: dict[str, tuple[str, Span]] | None = None,
) -> tuple[list[ReactionFacts], list[Excluded]]:
    """Reactions of the patient sentences (merged by code set) and the mentions set aside.

    ``defined`` (from :func:`reaction_abbreviations`) lets a short form stand for its reaction ("he
    was found to have acute ischaemia and CS"): the verbatim is the long form, the evidence
    both the short form and its definition."""
    reactions: list[ReactionFacts] = []
    excluded: list[Excluded] = []
    before = before_exposure(patient)
    results: set[str] = set()
    indications: set[str] = set()  # what the title gives as the injection's indication
    for sentence in patient:
        text = clauses(sentence)
        results |= _test_results(sentence, text)
        if about_no_one(sentence):
            for mention, start, end, _ in mentions(text, defined or {}):
                span = _shift(sentence, (start, end))
                excluded.append(Excluded(mention.strip(" ,"), span, Assertion.hypothetical))
            continue
        if sentence.index in before:
            for mention, start, end, _ in mentions(text, defined or {}):
                span = _shift(sentence, (start, end))
                excluded.append(Excluded(mention.strip(" ,"), span, Assertion.historical))
            continue
        onset, onset_text, onset_span = latency(sentence)
        sites = [
            s
            for s in find_sites(sentence.text)
            if s[0] != "injection site" and not treatment_site(sentence.text, s[2], s[1])
        ]
        if sentence.index in rechallenge:
            recurrence = _RECURRENCE.search(text)
            if recurrence:
                reaction = ReactionFacts(
                    verbatim=recurrence.group(0).lower(),
                    codes=[],
                    sentence=sentence.index,
                    at_rechallenge=True,
                    spans={"verbatim": [_shift(sentence, recurrence.span())]},
                )
                reactions.append(reaction)
                continue
        grown = _GROWN.search(sentence.text)
        group = ("a" if grown.group("a") else "b" if grown.group("b") else 0) if grown else 0
        if (
            grown
            and assertion(sentence.text, grown.start(), grown.end()) is Assertion.present
            and not _NAMED_INFECTION.match(sentence.text, grown.end(group))
        ):
            reactions.append(
                ReactionFacts(
                    verbatim=grown.group(group),
                    codes=code_phrase("infection"),
                    sentence=sentence.index,
                    spans={"verbatim": [_shift(sentence, grown.span(group))]},
                )
            )
        for mention, start, end, indexed in mentions(text, defined or {}):
            verbatim = _decapitalise(mention.strip(" ,"), sentence, start)
            span = _shift(sentence, (start, end))
            status = assertion(sentence.text, start, end)
            known = {c.code for r in reactions for c in r.codes}
            if status is Assertion.present:
                condition = indexed or named_condition(
                    text, start, end, named_disease(text[start:end])
                )
                status = pre_existing(text, start, end, known, condition) or status
            if titled(sentence) and title_indication(text, start, end):
                status = Assertion.historical
                indications.add(normalize(verbatim))
            if status is not Assertion.present or NOT_A_REACTION.search(text[:start]):
                excluded.append(Excluded(verbatim, span, status))
                continue
            spans = [span]
            if text[start:end] != mention and defined and text[start:end] in defined:
                spans.append(defined[text[start:end]][1])
            reaction = ReactionFacts(
                verbatim=verbatim,
                codes=code_phrase(verbatim),
                sentence=sentence.index,
                spans={"verbatim": spans},
                body_sites=[s[0] for s in sites],
                indexed=indexed,
            )
            if sites:
                reaction.spans["body_sites"] = [_shift(sentence, (s[1], s[2])) for s in sites]
            if onset_span:
                reaction.onset_latency, reaction.onset_text = onset, onset_text
                reaction.spans["onset"] = [onset_span]
            reactions.append(reaction)
    titles = {s.index for s in patient if s.section == "title"}
    reactions = [
        r
        for r in _not_conditions(reactions, excluded)
        if not (r.indexed and r.sentence in titles and {c.code for c in r.codes} <= results)
        and normalize(r.verbatim) not in indications
    ]
    return _without_ancestors(_merge(reactions), patient), excluded


@lru_cache(maxsize=4096)
def ancestors(code: str) -> frozenset[str]:
    """Every HPO term above ``code`` (not itself), from the coder tables' ``is_a`` parents."""
    parents = default_coder().tables.parents
    out: set[str] = set()
    stack = list(parents.get(code, ()))
    while stack:
        current = stack.pop()
        if current not in out:
            out.add(current)
            stack.extend(parents.get(current, ()))
    return frozenset(out)


def _without_ancestors(
    reactions: list[ReactionFacts], sentences: list[Sentence]
) -> list[ReactionFacts]:
    """The reactions without an umbrella term a sentence names beside a more specific one:
    a reaction whose every code is an HPO ancestor of the code of another reaction named in
    the same sentence ("visual impairment and blindness", "a hypersensitivity reaction with
    anaphylactic shock", "pain and shoulder pain") adds no concept (the terms are compared
    along the hierarchy, ``docs/annotation.md``); its onset and sites go to the specific
    term when that has none."""
    where = {
        id(r): {
            s.index
            for s in sentences
            for a, _ in r.spans.get("verbatim", [])
            if s.start <= a < s.end
        }
        for r in reactions
    }
    kept = []
    for reaction in reactions:
        # "an allergic reaction and anaphylactic shock": one mention, the specific code
        reaction.codes = [
            c
            for c in reaction.codes
            if not any(c.code in ancestors(o.code) for o in reaction.codes)
        ]
        codes = {c.code for c in reaction.codes}
        specific = [
            other
            for other in reactions
            if other is not reaction
            and where[id(other)] & where[id(reaction)]
            and any(code in ancestors(c.code) for c in other.codes for code in codes)
        ]
        covered = {
            code
            for code in codes
            if any(code in ancestors(c.code) for o in specific for c in o.codes)
        }
        if reaction.at_rechallenge or not codes or covered != codes:
            kept.append(reaction)
            continue
        target = specific[0]
        if target.onset_text is None and reaction.onset_text is not None:
            target.onset_latency, target.onset_text = reaction.onset_latency, reaction.onset_text
            target.spans["onset"] = reaction.spans.get("onset", [])
        for site, span in zip(
            reaction.body_sites, reaction.spans.get("body_sites", []), strict=True
        ):
            if site not in target.body_sites:
                target.body_sites.append(site)
                target.spans.setdefault("body_sites", []).append(span)
    return kept


def _test_results(sentence: Sentence, text: str) -> set[str]:
    """HPO codes of the phenotypes a test's result names in the sentence (the parts
    :func:`~.clauses.clauses` blanks): the title's naming of one stays a test result
    (``docs/annotation.md``: "a lab or imaging abnormality stays a test result, also when
    the title names it")."""
    return {p.term_id for p in phenotype_spans(sentence.text) if not text[p.start : p.end].strip()}


def _not_conditions(
    reactions: list[ReactionFacts], excluded: list[Excluded]
) -> list[ReactionFacts]:
    """The reactions without a named condition (a mention the HPO index alone found) that the
    text elsewhere gives as the patient's condition or the injection's indication ("... after
    botulinum toxin for migraine" in the title of "a woman with chronic migraine who
    received ...")."""
    conditions = {
        c.code for e in excluded if e.status is Assertion.historical for c in code_phrase(e.text)
    }
    return [
        r
        for r in reactions
        if not (r.indexed and r.codes and {c.code for c in r.codes} <= conditions)
    ]


def unplaced_sites(
    told: list[Sentence], rechallenge: set[int], reactions: list[ReactionFacts]
) -> list[tuple[str, Span]]:
    """Sites of the case that no reaction holds: those a past-tense narrative sentence names
    when it names no reaction (the injection sentence, a caption, "the swelling spread to the
    neck"), not in a rechallenge sentence, not a treatment's site and not in a negated,
    historical or hypothetical context ("her past history of a skin cancer of the nose",
    "examination of the chest showed no abnormality")."""
    held = [span for r in reactions for span in r.spans.get("verbatim", [])]
    found: list[tuple[str, Span]] = []
    for sentence in told:
        if sentence.index in rechallenge or not told_in_past(sentence.text):
            continue
        if any(sentence.start <= a < sentence.end for a, _ in held):
            continue
        for site, start, end in find_sites(sentence.text):
            if (
                site != "injection site"
                and not treatment_site(sentence.text, end, start)
                and assertion(sentence.text, start, end) is Assertion.present
            ):
                found.append((site, _shift(sentence, (start, end))))
    return found


def _decapitalise(verbatim: str, sentence: Sentence, start: int) -> str:
    """Lower-case a sentence-initial capital ("Skin necrosis" -> "skin necrosis"), not a
    genus name's ("Staphylococcus epidermidis bacteremia") nor one of a title-case name
    ("Nicolau Syndrome")."""
    if (
        sentence.text[:start].strip() == ""
        and verbatim[1:2].islower()
        and not re.search(r"\s[A-Z]", verbatim)
        and not (BINOMIAL.match(verbatim) and INFECTED.search(verbatim))
    ):
        return verbatim[0].lower() + verbatim[1:]
    return verbatim


def _shift(sentence: Sentence, span: tuple[int, int]) -> Span:
    return sentence.start + span[0], sentence.start + span[1]


def _key(reaction: ReactionFacts) -> object:
    if reaction.at_rechallenge:
        return ("rechallenge", reaction.sentence)
    if reaction.codes:
        return frozenset(c.code for c in reaction.codes)
    return normalize(reaction.verbatim)


def _names_more(verbatim: str, kept: str) -> bool:
    """A later mention of the same reaction that names it with more words, its organism
    ("infection" in the title, "infection with M. abscessus" in the case), names it."""
    more, less = normalize(verbatim), normalize(kept)
    return bool(ORGANISM.search(verbatim)) and less in more and less != more


def _merge(reactions: list[ReactionFacts]) -> list[ReactionFacts]:
    merged: dict[object, ReactionFacts] = {}
    for reaction in reactions:
        key = _key(reaction)
        if key not in merged:
            merged[key] = reaction
            continue
        kept = merged[key]
        if _names_more(reaction.verbatim, kept.verbatim):
            kept.verbatim = reaction.verbatim
            kept.spans["verbatim"] = reaction.spans.get("verbatim", []) + kept.spans.get(
                "verbatim", []
            )
        else:
            kept.spans.setdefault("verbatim", []).extend(reaction.spans.get("verbatim", []))
        for site, span in zip(
            reaction.body_sites, reaction.spans.get("body_sites", []), strict=True
        ):
            if site not in kept.body_sites:
                kept.body_sites.append(site)
                kept.spans.setdefault("body_sites", []).append(span)
        if kept.onset_text is None and reaction.onset_text is not None:
            kept.onset_latency, kept.onset_text = reaction.onset_latency, reaction.onset_text
            kept.spans["onset"] = reaction.spans.get("onset", [])
    return list(merged.values())
