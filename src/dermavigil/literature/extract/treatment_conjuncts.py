"""The other conjuncts of a list of treatments: names no lexicon holds, listed with one.

A treatment sentence lists what was given ("she was started on a steroid ointment,
petrolatum and warm compresses", "hydrocortisone and an antihistamine of another brand were
administered"); the lexicons know some names of the list and not others (a brand, a
preparation, a physical measure). The conjuncts of one coordination share their syntactic
function and semantic role (Quirk et al., *A Comprehensive Grammar of the English
Language*, 1985, 13.1 and 13.5): a noun phrase coordinated with a treatment name is a
treatment too. A conjunct is kept only when it is a short noun phrase: no verb or pronoun
(a clause coordinated after the list, "and was discharged", ends it), no definite
determiner (a referent told before, "and the lesion"), cut at its first preposition ("for
two weeks"); a dose before it ("0.02 g of") is left out. By the same rule a drug listed
with the suspect shares its role: given with it, no treatment (:func:`listed_with_suspect`).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.treatment_matches import Match

_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|plus|as well as)\s+", re.I)
"""Between two conjuncts of a list: a comma (with "and" or "or"), "and", "or", "plus"."""
_CLAUSE_END = re.compile(r"[.;:()\[\]]")
_DOSE = re.compile(
    r"^(?:(?:an?|some|of)\s+|[\d.,/]+\s*(?:%|mg|g|gram|grams|mcg|µg|ml|mL|units?|U|IU|mg/kg"
    r"|ml/kg)?\s+(?:of\s+)?|(?:mg|g|gram|grams|ml|units?)\s+of\s+)+",
    re.I,
)
"""A dose or an indefinite determiner before a name ("0.020 gram of", "600 units of", "a")."""
_PREPOSITION = re.compile(
    r"\s+(?:in|for|at|to|on|during|after|before|until|from|over|every|daily|twice|once"
    r"|thrice|per|via|through|into|under|because|due|since|when|while|with|without|which"
    r"|that|who)\b.*$",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"\b(?:the|this|that|these|those|her|his|their|its|our|she|he|they|it|we|patient|patients"
    r"|was|were|is|are|be|been|being|had|has|have|did|does|do|not|no|then|also|all|both"
    r"|days?|weeks?|months?|years?|hours?|times?|doses?|cases?|one|two|three|other|same"
    r"|symptoms?|signs?|lesions?|area|site|skin|condition|improvement|resolution|response"
    r"|change|apply|use|continue|stop|start|remove|take|give|make"
    r"|\w+ed|\w+ly|\w+ing)\b",
    re.I,
)
"""A word no treatment's name holds: a determiner that refers back, a pronoun, a verb (its
base form or a participle), an adverb, a time or count word, a word of the reaction or of
its course."""
_NAME = re.compile(r"[A-Za-z][\w%+®-]*(?:\s+[A-Za-z][\w%+®-]*){0,3}")
"""One to four words, the first a letter."""
_DOSAGE_FORM = re.compile(
    r"\b(?:creams?|ointments?|gels?|lotions?|pastes?|patch(?:es)?|sprays?|solutions?|drops"
    r"|powders?|tablets?|capsules?|injections?|infusions?|suspensions?|emulsions?|foams?"
    r"|dressings?|compress(?:es)?|gauzes?|bandages?|saline)$",
    re.I,
)
"""The head of a preparation's name: a pharmaceutical dosage form (EDQM Standard Terms:
cream, ointment, gel, lotion, paste, patch, spray, solution, drops, powder, tablet, capsule,
injection, infusion, suspension, emulsion, foam), a dressing or a compress, saline."""
_INN_STEM = re.compile(
    r"(?:cillin|cycline|mycin|micin|floxacin|oxacin|azole|olone|asone|sone|parin|caine|profen"
    r"|fenac|tidine|setron|prazole|sartan|pril|olol|dipine|statin|mab|cept|kinase|ase|triptan"
    r"|vir|azepam|zolam|barb|amide|thiazide|semide|lukast|tadine|fibrate|gliptin|glinide"
    r"|parib|tinib|dronate|cort|pred|nidazole|sulfa|cef\w+|ceph\w+)$",
    re.I,
)
"""A word that ends in a stem of the International Nonproprietary Names (WHO, *The use of
stems in the selection of INN for pharmaceutical substances*, 2018): -cillin, -cycline,
-mycin, -floxacin, -azole, -olone, -parin, -caine, -profen, -vir, -mab, -ase (an enzyme),
...: a drug's name the lexicon may spell otherwise."""


_FRAME = re.compile(
    r"^.*\b(?:with|using|on|of|including|included|includes|received|receiving|administered"
    r"|given|prescribed|required|underwent|by)\s+",
    re.I,
)
"""The frame of the list before its first conjunct ("she was treated with"): left out."""


def _conjunct(text: str, start: int, end: int, first: bool = False) -> tuple[int, int] | None:
    """The short noun phrase of ``text[start:end]`` (after the list's frame when it is the
    ``first`` conjunct, a dose before it left out, cut at its first preposition), or None."""
    frame = _FRAME.match(text, start, end) if first else None
    if first and not frame:
        return None
    if frame:
        start = frame.end()
    part = text[start:end]
    dose = _DOSE.match(part)
    begin = start + (dose.end() if dose else 0)
    cut = _PREPOSITION.search(text, begin, end)
    stop = cut.start() if cut else end
    phrase = text[begin:stop].rstrip()
    if not _NAME.fullmatch(phrase) or _NOT_A_NAME.search(phrase):
        return None
    stems = any(len(w) > 6 and _INN_STEM.search(w) for w in phrase.split())
    if not (_DOSAGE_FORM.search(phrase) or stems):
        return None
    return begin, begin + len(phrase)


def _segments(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` between list separators, within one clause."""
    bounds: list[tuple[int, int]] = []
    at = 0
    for sep in _SEPARATOR.finditer(text):
        bounds.append((at, sep.start()))
        at = sep.end()
    bounds.append((at, len(text)))
    return bounds


def listed_with(text: str, kept: list[Match]) -> list[Match]:
    """Names listed in ``text`` with the treatment names ``kept``: each segment beside a
    segment that holds a kept name, outwards, while it is a short noun phrase."""
    if not kept:
        return []
    found: list[Match] = []
    segments = _segments(text)
    holds = [any(a <= m.start() < b for m in kept) for a, b in segments]
    for i, held in enumerate(holds):
        if not held:
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(segments) and not holds[j]:
                a, b = segments[j]
                clause = _CLAUSE_END.search(text, a, b)
                if step == 1 and clause:
                    b = clause.start()
                elif clause:
                    break
                span = _conjunct(text, a, b, first=step == -1)
                if span is None or any(s.start() < span[1] and span[0] < s.end() for s in found):
                    break
                found.append(Match(span[0], span[1], text[span[0] : span[1]]))
                if step == 1 and clause:
                    break
                j += step
    return found


_BRACKETED = re.compile(r"\([^()]*\)")
"""A bracketed aside inside a list ("adalimumab (56.7%) and infliximab"): a brand, a share, an
abbreviation, blanked out before the list is read."""


def _bare(piece: str) -> bool:
    """A stretch of a list with no clause in it: no clause end, no verb, pronoun or referring
    determiner (:data:`_NOT_A_NAME`), only words of a name, a route or a dose."""
    return not _CLAUSE_END.search(piece) and not _NOT_A_NAME.search(piece)


_ROUTE_OR_DOSE = re.compile(
    r"\s*(?:(?:[\d.,/]+\s*(?:%|mg|g|mcg|µg|ml|iu|units?)?|an?|the|oral|topical|intravenous|iv"
    r"|intramuscular|im|subcutaneous|sc|intradermal|intralesional|systemic|local)\s*)*",
    re.I,
)
"""What may stand in a conjunct beside the name: a route, a dose, an article."""


def listed_with_suspect(
    text: str, start: int, end: int, suspect_spans: tuple[tuple[int, int], ...]
) -> bool:
    """``text[start:end]`` is a conjunct of one list with the suspect ("after intramuscular
    metamizole and ampicillin", "treated with enoxaparin, aspirin and clopidogrel"): the
    conjuncts of a coordination share their semantic role (Quirk et al. 1985, 13.1), so a
    drug listed with the suspect was given with it, before the reaction, and treats no
    reaction. Beside the two names in their conjuncts only a route, a dose or an article
    (:data:`_ROUTE_OR_DOSE`), between them only list separators and bare conjuncts
    (:func:`_bare`), no clause ("X was stopped, and prednisone was started" keeps
    prednisone)."""
    blanked = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text)
    segments = _segments(blanked)

    def segment_of(at: int) -> int:
        return next((i for i, (a, b) in enumerate(segments) if a <= at <= b), -1)

    here = segment_of(start)
    for s_start, s_end in suspect_spans:
        there = segment_of(s_start)
        if there in (here, -1) or here == -1:
            continue
        lo, hi = sorted((here, there))
        if there < here:  # the suspect first: nothing after it in its segment, nor before the name
            beside = [blanked[s_end : segments[there][1]], blanked[segments[here][0] : start]]
        else:
            beside = [blanked[end : segments[here][1]], blanked[segments[there][0] : s_start]]
        between = [blanked[a:b] for a, b in segments[lo + 1 : hi]]
        if all(_ROUTE_OR_DOSE.fullmatch(p) for p in beside) and all(map(_bare, between)):
            return True
    return False
