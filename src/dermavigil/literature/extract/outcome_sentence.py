"""The outcome status one sentence states (E2B E.i.7), for :mod:`.outcome`.

A status mention (:mod:`.outcome_words`) counts when it is asserted in its clause (not
negated: :mod:`.negation`) and not a possibility ("may heal leaving a scar", "is expected
to resolve", "to improve patient outcomes"); a persistence with its end ("persisted for two
months", "until it was excised") states no status after it. Of the statuses a sentence
states, the one told last wins, with the exceptions :func:`sentence_status` gives (a
sequela told with a recovery stays; a recovery told at one time with a reaction short of
it is not complete).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import Outcome
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.outcome_sequelae import SEQUELA_ANY
from dermavigil.literature.extract.outcome_words import (
    StatusMention,
    status_mentions,
    strongest,
)
from dermavigil.literature.extract.sentences import Sentence

_MODAL = re.compile(
    r"\b(?:can|may|might|should|would|will|could|expected to|likely to|tends?|tended|usually"
    r"|typically|generally)\b",
    re.I,
)
_MODAL_AFTER = re.compile(r"^[^.;,]{0,80}?\b(?:can|may|might|should|could|would)\b", re.I)
"""'improved training of staff may decrease its occurrence': a possibility, not a status."""
_PURPOSE = re.compile(r"\b(?:to|help|helps)\s+(?:\w+ly\s+)?$", re.I)
_BASE_VERB = re.compile(
    r"(?:improve|resolve|heal|recover|regress|subside|disappear|relieve|clear|reduce)\b", re.I
)
"""'to improve patient outcomes': a purpose, not a status ('led to recovery' is one)."""
_INFINITIVE = re.compile(rf"to\s+(?:\w+ly\s+)?{_BASE_VERB.pattern}", re.I)
"""A status phrase that begins with an infinitive ("to resolve"; not "led to amputation")."""
_TOOK = re.compile(
    r"\b(?:took|takes?|taking|began|started|continued|managed|seemed|observed|seen|noted"
    r"|found|shown)\b(?:\s+\w+){0,3}\s+to\s+"
    r"(?:\w+ly\s+)?$",
    re.I,
)
"""'the swelling took two weeks to resolve': a status, timed."""
_MODAL_STOP = re.compile(
    r";|,\s+(?:the|she|he|it|they|her|his|this|these|all)\b|\b(?:but|however|although|whereas"
    r"|then)\b",
    re.I,
)
"""Where a modal's reach ends: a new clause ("may resolve slowly, leaving a scar" is one)."""
_PROGRESSION = re.compile(
    r"\b(?:then|later|after\w*|eventually|finally|subsequently|ultimately|until|by|within|over"
    r"|following|thereafter|next)\b|\d",
    re.I,
)
"""Words that put a second status later than the first ('improved partially and then
resolved completely after 3 weeks'): the statuses are not told of one time."""
_CLAUSE = re.compile(
    r"(?:,|;|\band\b|\bbut\b|\bwhile\b)\s+(?=(?:the|his|her|all|its|their)\b)", re.I
)
"""A clause boundary before a new subject ("no new lesions appeared and the existing lesion
continued to shrink"): a negation before it does not reach the outcome after it."""


def present(sentence: Sentence, start: int, end: int) -> bool:
    cuts = [m.end() for m in _CLAUSE.finditer(sentence.text, 0, start)]
    begin = cuts[-1] if cuts else 0
    clause = sentence.text[begin:]
    return assertion(clause, start - begin, end - begin) is Assertion.present


def _possible(text: str, start: int, end: int) -> bool:
    """A modal earlier in the clause ("may heal in months leaving a scar") or right after."""
    modals = list(_MODAL.finditer(text, 0, start))
    if modals and not _MODAL_STOP.search(text, modals[-1].end(), start):
        return True
    if (
        _PURPOSE.search(text[:start])
        and _BASE_VERB.match(text, start)
        and not _TOOK.search(text[:start])
    ):
        return True
    if _INFINITIVE.match(text, start) and not _TOOK.search(text[:start] + "to "):
        # "Use of brimonidine to resolve telangiectatic matting", "hyaluronidase was injected
        # to resolve the nodule": the purpose of a treatment, not a status; "took two weeks
        # to resolve" is one
        return True
    return bool(_MODAL_AFTER.match(text[end:])) or bool(KIND_BEFORE.search(text[:start]))


KIND_BEFORE = re.compile(r"\b(?:is|are) an? (?:[\w-]+ (?:and )?){0,3}$", re.I)
"""'Considering it is a very rare and fatal reaction, we suggest ...': a status adjective in
a present-tense description of a kind (a generic sentence, Carlson and Pelletier 1995,
ch. 1) says what such reactions can be, not how this patient's ended."""


_MEASURE = re.compile(
    r"\b(?:glyc(?:a)?emic control|HbA1c|(?:blood )?glucose|(?:renal|kidney|liver|hepatic"
    r"|thyroid|lung|pulmonary) function|(?:white (?:blood )?cell|leukocyte|neutrophil|platelet"
    r"|blood) counts?|platelets|creatinine|CRP|C-reactive protein|[\w-]+ levels?|enzymes"
    r"|transaminases|ha?emoglobin|INR|values?|parameters)\s+(?:\w+\s+){0,3}$",
    re.I,
)
"""'His glycaemic control improved over three months', 'his renal function normalized after
haemodialysis': a laboratory measure or an organ's function getting better is no status of
the reaction (docs/annotation.md: laboratory-defined findings are test results, not
reactions)."""


_IMPROVED_WHAT = re.compile(
    r"\s+(?:the|its|their|our)\s+(?:[\w-]+\s+){0,2}?(?:accuracy|quality|safety|outcomes?"
    r"|prognosis|survival|care|management|practice|detection|diagnosis|techniques?"
    r"|understanding|knowledge|results?)\b",
    re.I,
)
"""'the use of contrast material has significantly improved the diagnostic accuracy of CT':
what a practice improved (a transitive verb with its object), no status of a reaction."""


_GENERAL_STATE = re.compile(
    r"\b(?:condition|state|rhythm|vital signs|vitals|ha?emodynamics?|status|(?:the )?patient)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)
"""'His general condition remained stable overnight', 'her vital signs remained stable': the
patient's general state or a vital function held steady, which is no status of the reaction
('the nodule remained stable in size' is one: the reaction persisting)."""


def _general_state(text: str, start: int, end: int) -> bool:
    """A steady state said of the patient's general condition (:data:`_GENERAL_STATE`)."""
    return text[start:end].lower().endswith("stable") and bool(
        _GENERAL_STATE.search(text[max(0, start - 60) : start])
    )


_CRITERION_BEFORE = re.compile(
    r"\b(?:based on|depend(?:s|ed|ing)? on|according to|pending|awaiting|guided by"
    r"|conditional on)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""'Return to work was based on wound healing': a status noun after a preposition of condition
names a criterion a decision waited on, not a status told of the reaction."""


_DETERMINER_BEFORE = re.compile(r"\b(?:for|an?|the|towards?|of)\s+$", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:with|in|by|after|over|on|and|but|to|from|at|within|during|following|when"
    r"|as|since|until|then)\b|\w+ly\b)[a-z][\w-]*",
    re.I,
)


def _attributive(text: str, start: int, end: int) -> bool:
    """'She was taught an improved injection technique', 'advice for improved wound care', 'a
    case of persisting chest discomfort': a participle used as an adjective before its noun,
    after a determiner or a preposition, names a quality, not a status (Quirk et al. 1985, A
    Comprehensive Grammar of the English Language, 7.15: participial adjectives)."""
    return (
        text[start:end].lower() in ("improved", "persisting")
        and bool(_DETERMINER_BEFORE.search(text[max(0, start - 12) : start]))
        and bool(_NOUN_AFTER.match(text, end))
    )


FEELING_OF = re.compile(r"\b(?:fear|dread|threat|danger|sense|feeling) of\s+(?:\w+\s+)?$", re.I)
"""'tinnitus and an intense fear of death': the object of a feeling or a threat, not a
status."""
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+$", re.I)
_BARE_OBJECT = re.compile(
    r"\s+(?!(?:the|a|an|much|further|again|soon|thereafter|afterwards|later|somewhat|quite"
    r"|well|since|only|also|slightly|\d+|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|several)\b)[a-z][\w-]*\s+[a-z]",
    re.I,
)


def _transitive(text: str, start: int, end: int) -> bool:
    """'The pen device has improved dosing accuracy': "improved" in
    the present perfect with a bare noun phrase after it is a transitive verb with its object
    (what a therapy improved), no status of a reaction, which is told intransitively ("the
    swelling has improved considerably")."""
    return (
        text[start:end].lower() == "improved"
        and bool(_PERFECT_BEFORE.search(text[max(0, start - 8) : start]))
        and bool(_BARE_OBJECT.match(text, end))
        and _NOUN_AFTER.match(text, end) is not None
    )


def _stated(sentence: Sentence, start: int, end: int) -> bool:
    """Asserted, not a possibility ("can improve", "is expected to resolve") and not told of a
    laboratory measure (:data:`_MEASURE`), of the patient's general state held steady
    (:func:`_general_state`) or of what a practice improved (:data:`_IMPROVED_WHAT`,
    :func:`_transitive`), not a participle used as an adjective (:func:`_attributive`), and
    not the object of a feeling (:data:`FEELING_OF`)."""
    return (
        present(sentence, start, end)
        and not _possible(sentence.text, start, end)
        and not _MEASURE.search(sentence.text[max(0, start - 80) : start])
        and not _general_state(sentence.text, start, end)
        and not _attributive(sentence.text, start, end)
        and not _transitive(sentence.text, start, end)
        and not FEELING_OF.search(sentence.text[max(0, start - 30) : start])
        and not _CRITERION_BEFORE.search(sentence.text[max(0, start - 40) : start])
        and not (
            sentence.text[start:end].lower().endswith("improved")
            and _IMPROVED_WHAT.match(sentence.text, end)
        )
    )


_BOUNDED = re.compile(
    r"^\w*\s+(?:for|over)\s+(?:up to |the next |approximately |about |nearly |around )?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)[ -]"
    r"(?:hours?|days?|weeks?|months?|years?)\b(?![^.;]{0,40}\bdespite\b)"
    r"|^\w*\s+(?:[^.;]{0,40}?\s)?until\b",
    re.I,
)
"""'The pain persisted for up to two months', 'persisting for the next 4 months', 'the nodule
persisted for 10 months until it was excised': a persistence with its end, which states no
status after it (docs/annotation.md, r4xx decisions: 'persisting for N months' with no end
status is null); 'despite treatment' keeps it (r482)."""


_TRANSIENT = re.compile(
    r"^[^.;]{0,60}?\bbut only (?:for|during|over)\s+(?:the first )?(?:\d+|one|two|three|a few"
    r"|several)[ -]?(?:h|hours?|days?|weeks?|months?)\b",
    re.I,
)
"""'resulted in improvement of her brow spasms, but only for 48 h': an improvement that lasted
a stated time and ended, which states no status after it."""


def _bounded(text: str, mention: StatusMention) -> bool:
    start, end = mention.span
    if mention.outcome in (Outcome.recovering, Outcome.recovered) and _TRANSIENT.match(text[end:]):
        return True
    return (
        mention.outcome is Outcome.not_recovered
        and text[start:end].lower().startswith("persist")
        and bool(_BOUNDED.match(text[end:]))
    )


def _all_left(sequela: list[StatusMention]) -> StatusMention:
    """The last sequela mention of a sentence, with every sequela the sentence tells ("healed
    with extensive scarring, ... leaving a foot drop": both are left)."""
    spans = tuple(dict.fromkeys(span for s in sequela for span in s.sequela))
    return StatusMention(Outcome.recovered_with_sequelae, 0, sequela[-1].span, spans)


_ABOUT_MANY = re.compile(
    r"\b(?:often|usually|typically|commonly|generally|frequently|rarely|in (?:most|many|some)"
    r" (?:cases|patients)|(?:most|many|some|the majority of) (?:[\w-]+ )?(?:patients|cases"
    r"|practitioners|physicians|authors|reports))\b"
    r"|\d+(?:\.\d+)?\s?% of (?:the )?(?:cases|patients)",
    re.I,
)
_ONE_PATIENT = re.compile(
    r"\b(?:she|he|her|him|his|(?:the|our|this|that) (?:[\w-]+ )?(?:patient|child|infant|boy"
    r"|girl|woman|man|case))\b",
    re.I,
)


def about_many(text: str, start: int) -> bool:
    """The clause (between semicolons) of ``text`` around ``start`` quantifies over cases
    ("The ulcer is often deep", "most patients", "57% of cases") and names no one patient: a
    generic or habitual statement about a class of cases (Carlson and Pelletier 1995, The
    Generic Book, ch. 1), whose statuses are what such reactions do, not how this patient's
    ended ("Most cases occurred early; all resolved" tells the status in a clause of its
    own)."""
    begin = text.rfind(";", 0, start) + 1
    end = text.find(";", start)
    clause = text[begin : end if end >= 0 else len(text)]
    return bool(_ABOUT_MANY.search(clause)) and not _ONE_PATIENT.search(clause)


def sentence_status(sentence: Sentence) -> StatusMention | None:
    """The status a sentence states last; a phrase stating two takes the stronger; none in
    a clause about many cases (:func:`about_many`)."""
    stated = [
        m
        for m in status_mentions(sentence.text)
        if _stated(sentence, *m.span)
        and not _bounded(sentence.text, m)
        and not about_many(sentence.text, m.span[0])
    ]
    kept = strongest(stated)
    if not kept:
        return None
    last = max(kept, key=lambda s: s.span[0])
    short = [s for s in kept if s.rank == 1 and s.span[1] <= last.span[0]]
    if (
        last.outcome is Outcome.recovered
        and short
        and not _PROGRESSION.search(sentence.text, short[-1].span[1], last.span[1] + 40)
    ):
        # "recovered to near-normal visual acuity and completely recovered from
        # ophthalmoplegia": told at one time, the reaction short of complete recovery is not
        # over, whatever else resolved
        return short[-1]
    sequela = [s for s in kept if s.outcome is Outcome.recovered_with_sequelae]
    if sequela and last.outcome in (Outcome.recovering, Outcome.recovered):
        # "the wound healed with extensive scarring ... and the deficit improved leaving a foot
        # drop": the sequelae the reactions left stay whatever the others did; "healed with
        # minimal scarring and an excellent cosmetic outcome": a recovery told with a sequela
        # keeps it, as does one followed by a sequela ("the diplopia resolved, but she
        # developed skin necrosis and scarring")
        return _all_left(sequela)
    if last.outcome is Outcome.recovered_with_sequelae:
        return _all_left(sequela)
    if last.outcome is Outcome.recovered:
        for m in SEQUELA_ANY.finditer(sentence.text, last.span[1]):
            if _stated(sentence, *m.span("seq")):
                left = (m.span("seq"),)
                return StatusMention(Outcome.recovered_with_sequelae, 0, last.span, left)
    return last
