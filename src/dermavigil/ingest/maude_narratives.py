"""Reactions coded from MAUDE event narratives (``foitext``, openFDA ``mdr_text``).

MAUDE's patient problem codes are coarse and often missing; the narrative says what
happened. Each narrative goes through the case-report extractor
(:func:`dermavigil.literature.extract.draft.extract_draft`): its reactions, HPO-coded,
with negated and uncertain mentions set aside, become the report's reactions
(``term_key`` the HPO label when coded, else the folded verbatim; ``code`` the HPO id).
Narratives are upper-case in MAUDE; they are lower-cased first (the extractor's
sentence and brand rules expect ordinary case).

The extractor is tuned to published case reports ("a 45-year-old woman developed ...");
MAUDE narratives are often first-person ("I have had pain since ...") or clipped
("PAIN, SWELLING, CONSTIPATION"). So a second pass looks up every phrase of up to six
words in the HPO lexicon (labels and exact synonyms of phenotypic abnormalities,
longest match first), keeping the mentions the NegEx-style rules of
:mod:`dermavigil.literature.extract.negation` find asserted ("no patient injury was
reported" gives nothing). Both passes are merged by HPO code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NARRATIVE_TYPES = frozenset({"D", "Description of Event or Problem"})
"""Text types coded: the event description (D). Manufacturer narratives (N) and
evaluation summaries (E) describe the device investigation, not the patient."""


@dataclass(frozen=True)
class NarrativeReaction:
    """One reaction found in a narrative, with its evidence span in the lower-cased text."""

    verbatim: str
    code: str | None
    label: str | None
    body_sites: tuple[str, ...]
    span: tuple[int, int] | None


PHENOTYPE_ROOT = "HP:0000118"
"""HPO "Phenotypic abnormality": modes of inheritance, onset and course terms are not reactions."""
_MAX_WORDS = 6
_SENTENCE = re.compile(r"[^.;!?]+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset({"all", "patient", "pt", "device", "mesh", "report", "reported", "use"})
_TREATED_AFTER = re.compile(
    r"^\s*(?:\(s\)\s*)?(?:repairs?|surgery|surgeries|mesh|patch|plug|procedure|operation|system"
    r"|sling|kit|cases?)\b"
)
_TREATED_BEFORE = re.compile(
    r"(?:\bfor|\bdue to|\brepair(?:ed)? (?:of|the)?|\breason for use:?|\bdiagnosis:?"
    r"|\bto (?:repair|treat|correct))\s+(?:(?:a|an|the|my|her|his|right|left|bilateral)\s+){0,3}$"
)
"""A condition named as what the device treated ("hernia repair", "surgery for cystocele",
"mesh placed due to stress urinary incontinence") is the indication, not a reaction."""


def _indication(sentence: str, start: int, end: int) -> bool:
    return bool(_TREATED_AFTER.match(sentence[end:]) or _TREATED_BEFORE.search(sentence[:start]))


@lru_cache(maxsize=1)
def _phenotypes() -> frozenset[str]:
    from dermavigil.terminology.hpo import load_hpo

    return frozenset(load_hpo().descendants(PHENOTYPE_ROOT))


def _lexicon_reactions(lowered: str) -> list[NarrativeReaction]:
    """HPO labels and exact synonyms named in the text, asserted in their sentence."""
    from dermavigil.literature.extract.negation import Assertion, assertion
    from dermavigil.terminology.hpo import load_hpo

    index, phenotypes = load_hpo(), _phenotypes()
    found: list[NarrativeReaction] = []
    for sentence in _SENTENCE.finditer(lowered):
        words = list(_WORD.finditer(sentence.group(0)))
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                start, end = words[i].start(), words[i + n - 1].end()
                phrase = sentence.group(0)[start:end]
                if n == 1 and (phrase in _STOP or len(phrase) < 3):
                    continue
                entries = [
                    e
                    for e in index.lookup(phrase)
                    if (e.is_label or e.scope == "EXACT") and e.term_id in phenotypes
                ]
                if entries:
                    hit = (n, start, end, phrase, entries[0].term_id)
                    break
            if hit is None:
                i += 1
                continue
            n, start, end, phrase, term_id = hit
            i += n
            if assertion(sentence.group(0), start, end) is not Assertion.present:
                continue
            if _indication(sentence.group(0), start, end):
                continue
            offset = sentence.start()
            found.append(
                NarrativeReaction(
                    verbatim=phrase,
                    code=term_id,
                    label=index.term(term_id).name,
                    body_sites=(),
                    span=(offset + start, offset + end),
                )
            )
    return found


def narrative_reactions(text: str) -> list[NarrativeReaction]:
    """The reactions a narrative reports (empty when none is found)."""
    if not text or not text.strip():
        return []
    lowered = text.lower()
    out = _extracted(lowered)
    codes = {r.code for r in out if r.code}
    for reaction in _lexicon_reactions(lowered):
        if reaction.code not in codes:
            codes.add(reaction.code)
            out.append(reaction)
    return out


def _extracted(lowered: str) -> list[NarrativeReaction]:
    """The literature extractor's reactions."""
    from dermavigil.literature.extract.draft import extract_draft

    draft = extract_draft(lowered)
    out: list[NarrativeReaction] = []
    for i, reaction in enumerate(draft.case.get("reactions") or []):
        codes = reaction.get("codes") or []
        first = codes[0] if codes else {}
        spans = draft.evidence.get(f"reactions.{i}.verbatim") or []
        out.append(
            NarrativeReaction(
                verbatim=reaction["verbatim"],
                code=first.get("code"),
                label=first.get("label"),
                body_sites=tuple(reaction.get("body_sites") or ()),
                span=tuple(spans[0]) if spans else None,  # type: ignore[arg-type]
            )
        )
    return out
