"""Reactions of the case: verbatim phrases, HPO codes, onset, body sites, recurrence.

The case's narrative sentences (:mod:`.roles`) are read with their finding
and outcome clauses blanked (:mod:`.clauses`); each reaction mention
(:mod:`.mentions`) is kept when it is present (:mod:`.negation`) and this
patient's reaction (:mod:`.preexisting`), else set aside with its status; one the
coder does not code keeps the words that modify it (:func:`.open_phrases.widened`).
An organism grown from the lesion makes it an infection (:mod:`.grown_infection`). Each
verbatim is coded with :func:`dermavigil.terminology.coder.code_phrase`; the onset is
the latency of the mention's sentence (:mod:`.latency`), the body sites
those the sentence names (not where a treatment was injected). Mentions
are merged by code set, along the hierarchy, and an uncoded wording into a longer wording
that holds it (:mod:`.reaction_merge`); a rechallenge sentence's "similar lesions" is the
recurrence.
"""

from __future__ import annotations

import re

from dermavigil.domain.case import CodedTerm
from dermavigil.domain.dates import Duration
from dermavigil.literature.extract.cause_words import CAUSE_WORDS
from dermavigil.literature.extract.clauses import clauses
from dermavigil.literature.extract.counted_events import counted_events
from dermavigil.literature.extract.device_events import device_events, device_kind, same_event
from dermavigil.literature.extract.exposure_order import ONSET
from dermavigil.literature.extract.grown_infection import grown_infection
from dermavigil.literature.extract.latency import latency
from dermavigil.literature.extract.mentions import Mention, mentions, named_disease
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.open_phrases import widened
from dermavigil.literature.extract.organism_names import BINOMIAL, INFECTED
from dermavigil.literature.extract.preexisting import (
    NAMES_AN_INSTRUMENT,
    NOT_A_REACTION,
    before_exposure,
    named_condition,
    pre_existing,
)
from dermavigil.literature.extract.preexisting_title import about_no_one, title_indication, titled
from dermavigil.literature.extract.reaction_facts import Excluded, ReactionFacts, Span, shift
from dermavigil.literature.extract.reaction_merge import merge, within_longer, without_ancestors
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites, treatment_site
from dermavigil.literature.extract.title_head import title_heads
from dermavigil.literature.extract.vaccine_names import names_a_vaccine
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.phenotype_spans import phenotype_spans

_RECURRENCE = re.compile(r"\bsimilar (?:lesions?|reactions?|symptoms?)\b", re.I)


def find_reactions(
    patient: list[Sentence],
    rechallenge: set[int],
    defined: dict[str, tuple[str, Span]] | None = None,
    series: bool = False,
) -> tuple[list[ReactionFacts], list[Excluded]]:
    """Reactions of the patient sentences (merged by code set) and the mentions set aside.

    ``defined`` (from :func:`.reaction_short_forms.reaction_abbreviations`) lets a short form stand
    for its reaction ("he was found to have acute ischaemia and CS"): the verbatim is the long form,
    the evidence both the short form and its definition. In a ``series``, the items of an
    enumeration each counted beside a reaction mention are mentions too (:mod:`.counted_events`)."""
    reactions: list[ReactionFacts] = []
    excluded: list[Excluded] = []
    before = before_exposure(patient)
    prior: set[str] = set()  # the codes of what the sentences before the exposure tell
    results: set[str] = set()
    indications: set[str] = set()  # what the title gives as the injection's indication
    kind = device_kind(" ".join(s.text for s in patient))
    for sentence in patient:
        text = clauses(sentence)
        results |= _test_results(sentence, text)
        if about_no_one(sentence):
            for mention, start, end, _ in mentions(text, defined or {}):
                span = shift(sentence, (start, end))
                excluded.append(Excluded(mention.strip(" ,"), span, Assertion.hypothetical))
            continue
        if sentence.index in before:
            for mention, start, end, _ in mentions(text, defined or {}):
                span = shift(sentence, (start, end))
                excluded.append(Excluded(mention.strip(" ,"), span, Assertion.historical))
                prior |= {c.code for c in code_phrase(mention)}
            continue
        timing = latency(sentence)
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
                    spans={"verbatim": [shift(sentence, recurrence.span())]},
                )
                reactions.append(reaction)
                continue
        grown = grown_infection(sentence)
        if grown is not None:
            reactions.append(grown)
        events = device_events(sentence.text, kind)  # also one imaging showed
        for event in events:
            if assertion(sentence.text, event.start, event.end) is Assertion.present:
                span = shift(sentence, (event.start, event.end))
                same_event(reactions, _told(event.verbatim, [], sentence, [span], sites, timing))
        found = mentions(text, defined or {})
        if sentence.section == "title":  # its head, however worded ("Brow heaviness after ...")
            taken = [(f.start, f.end) for f in found]
            found += [Mention(text[a:b], a, b) for a, b in title_heads(text, taken)]
        if series:  # "inflammation (n = 51), irregularity (n = 18)"
            taken = [(f.start, f.end) for f in found]
            found += [Mention(text[a:b], a, b, True) for a, b in counted_events(text, taken)]
        for mention, start, end, indexed in found:
            if any(start < e.end and e.start < end for e in events):
                continue  # the device event names it ("migration of the implant")
            verbatim = _decapitalise(mention.strip(" ,"), sentence, start)
            span = shift(sentence, (start, end))
            status = assertion(sentence.text, start, end)
            known = {c.code for r in reactions for c in r.codes}
            if status is Assertion.present:
                # a short form names a disease as its long form does ("children with PAH")
                named = mention if text[start:end] in (defined or {}) else text[start:end]
                condition = indexed or named_condition(text, start, end, named_disease(named))
                status = pre_existing(text, start, end, known, condition) or status
            if titled(sentence) and title_indication(text, start, end):
                status = Assertion.historical
                indications.add(normalize(verbatim))
            if (
                status is not Assertion.present
                or NOT_A_REACTION.search(text[:start])
                or NAMES_AN_INSTRUMENT.match(text, end)  # "the Hyperhidrosis Severity Scale"
                or names_a_vaccine(text, start, end)  # "hepatitis B vaccine": its target
            ):
                excluded.append(Excluded(verbatim, span, status))
                continue
            if mention == text[start:end] and not code_phrase(mention):
                verbatim, span = _widened(text, (start, end), found, sentence, verbatim, span)
            spans = [span]
            if text[start:end] != mention and defined and text[start:end] in defined:
                spans.append(defined[text[start:end]][1])
            reaction = _told(verbatim, code_phrase(verbatim), sentence, spans, sites, timing)
            reaction.indexed = indexed
            reactions.append(reaction)
    titles = {s.index: s for s in patient if s.section == "title"}
    # what the sentences before the exposure named, told again with no onset verb, is its course
    # ("within six hours, his urticaria resolved"), not a reaction (:mod:`.exposure_order`)
    course = {s.index for s in patient if not ONSET.search(s.text)}
    told = {normalize(r.verbatim) for r in reactions if r.sentence not in titles}
    reactions = [
        r
        for r in _not_conditions(reactions, excluded)
        if not (r.indexed and r.sentence in titles and _title_result(r, titles, results, told))
        and normalize(r.verbatim) not in indications
        and not (r.codes and r.sentence in course and {c.code for c in r.codes} <= prior)
    ]
    return without_ancestors(within_longer(merge(reactions)), patient), excluded


def _told(
    verbatim: str,
    codes: list[CodedTerm],
    sentence: Sentence,
    spans: list[Span],
    sites: list[tuple[str, int, int]],
    timing: tuple[Duration | None, str | None, Span | None],
) -> ReactionFacts:
    """A reaction the sentence tells, with the sentence's body sites and onset latency."""
    reaction = ReactionFacts(
        verbatim=verbatim,
        codes=codes,
        sentence=sentence.index,
        spans={"verbatim": spans},
        body_sites=[s[0] for s in sites],
    )
    if sites:
        reaction.spans["body_sites"] = [shift(sentence, (s[1], s[2])) for s in sites]
    onset, onset_text, onset_span = timing
    if onset_span:
        reaction.onset_latency, reaction.onset_text = onset, onset_text
        reaction.spans["onset"] = [onset_span]
    return reaction


def _widened(
    text: str, at: Span, found: list[Mention], sentence: Sentence, verbatim: str, span: Span
) -> tuple[str, Span]:
    """The verbatim and evidence of a reaction the coder does not code, with the words that
    modify it and an "of" phrase after it (:func:`~.open_phrases.widened`: "brain infarction"
    -> "multifocal brain infarction"), read after its status: the words the phrase takes in
    are no cue of it. Kept as found when the coder codes the wider phrase."""
    others = [(m.start, m.end) for m in found if (m.start, m.end) != at]
    start, end = widened(text, at[0], at[1], others)
    if (start, end) == at or code_phrase(text[start:end]):
        return verbatim, span
    return _decapitalise(text[start:end], sentence, start), shift(sentence, (start, end))


_CAUSED_AFTER = re.compile(rf"\b(?:{CAUSE_WORDS}|post)\b", re.I)
_CAUSED_BEFORE = re.compile(r"(?:\binduc(?:ing|ed)|\bcausing|\binduced by)\s*$", re.I)
_CAUSED_WITHIN = re.compile(r"\b(?:induc(?:ing|ed)|causing)\s+(?=\w)", re.I)
"""The cause word inside a name that keeps its cause ("pentazocine-induced myofibrosis")."""
_TITLE_HEAD = re.compile(
    r"\W*(?:(?:an?|the)\s+)?(?:(?:rare|unusual|unique|first|new)\s+)?"
    r"(?:case(?:\s+report)?\s+of\s+(?:an?\s+)?)?(?:[\w-]+\s+){0,2}",
    re.I,
)
"""What may stand before the title's head noun phrase: an article, "a rare case of", two
modifiers."""


def _title_result(
    reaction: ReactionFacts, titles: dict[int, Sentence], results: set[str], told: set[str]
) -> bool:
    """A mention only the index found in the title that is no reaction of the case: a test
    result the text gives (its codes among ``results``), or, when no vocabulary codes it (a
    Disease Ontology name: "Arthus reaction"), a name the title does not tie to the exposure:
    as its head noun phrase with a cause word after it ("Arthus reaction following a
    booster", "A case of X after ...") or with a cause word right before it or inside its
    verbatim ("injections inducing sarcoidosis", "vaccine-induced lupus"). A condition the
    title names ("... as a risk factor for ...", "in a patient with X") or a line of
    affiliations run into the title is none. ``told``: the normalised verbatims of the other
    sentences' reactions; an uncoded title name among them is theirs to report, as they write
    it."""
    if reaction.codes:
        return {c.code for c in reaction.codes} <= results
    if normalize(reaction.verbatim) in told:
        return True  # the text's sentences tell it too: theirs to report, as they write it
    title = titles[reaction.sentence]
    start, end = (p - title.start for p in reaction.spans["verbatim"][0])
    head = _TITLE_HEAD.fullmatch(title.text, 0, start) is not None
    return not (
        (head and _CAUSED_AFTER.search(title.text, end))
        or _CAUSED_BEFORE.search(title.text, 0, start)
        or _CAUSED_WITHIN.search(title.text, start, end)
    )


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
