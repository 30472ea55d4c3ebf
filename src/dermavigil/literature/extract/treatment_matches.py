"""Treatment names in one sentence: the lexicons' matches that are not the suspect.

The matching job of :mod:`.treatment` (which reads the sentences, their cues and
the facts): the names of :mod:`.treatment_names` (a lexicon of treatments of
injection complications, procedures told by their verb), treatment phrases,
coordinated and shared-head names (coordination reduction, Quirk et al. 1985,
13.79), product families given for the reaction, and the FAERS-lexicon drugs
that are not the suspect; a suspect's own mention or brand, an ingredient,
a drug not given, and a name for another purpose (:mod:`.treatment_context`)
are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract import treatment_cues as cues
from dermavigil.literature.extract.suspect_roles import treated_with, treats_complication
from dermavigil.literature.extract.treatment_combined import combined
from dermavigil.literature.extract.treatment_context import not_for_the_reaction
from dermavigil.literature.extract.treatment_names import (
    CLASS_TREATMENT,
    PROCEDURE_VERBS,
    REMOVAL,
    TREATMENT,
    joined_names,
    procedure_name,
    treatment_phrases,
)
from dermavigil.literature.extract.treatment_switch import replaces_the_suspect
from dermavigil.terminology.drug_variants import ETHANOL, SKIN_TEST_ANTIGENS
from dermavigil.terminology.drugs import drug_names, find_drugs, is_vaccine
from dermavigil.terminology.products import categorize, find_products


@dataclass(frozen=True)
class Match:
    """A treatment name in a sentence (the part of ``re.Match`` the loop reads)."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.text

    @classmethod
    def all(
        cls, text: str, suspects: frozenset[str], spans: tuple[tuple[int, int], ...] = ()
    ) -> list[Match]:
        return [cls(*m) for m in _matches(text, suspects, spans)]


def _same_words(a: str, b: str) -> bool:
    """'penicillin g benzathine' names 'benzathine penicillin': the same words, or all of a
    name of two or more words within the other ('vitamin c' is not 'vitamin k1')."""
    x, y = set(re.findall(r"[a-z0-9]{2,}", a.lower())), set(re.findall(r"[a-z0-9]{2,}", b.lower()))
    if not x or not y:
        return False
    return x == y or (len(x) >= 2 and x <= y) or (len(y) >= 2 and y <= x)


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < b and a < end for a, b, *_ in spans)


_PAIR = re.compile(r"(?<![\w-])([A-Za-z]{4,})[-/]([A-Za-z]{4,})(?![\w-])")
"""Two lexicon drugs written as one hyphenated or slashed word: a combination
("ampicillin-sulbactam", "piperacillin/tazobactam")."""
_NOT_A_FAMILY = (ProductCategory.other, ProductCategory.drug)
"""Categories of a name that is not an aesthetic product family named again."""


_MARKS = " \u00ae\u2122*"
"""Space and the trademark marks between a name and its bracket ("Fragmin \u00ae (")."""


def _in_apposition(
    text: str, start: int, suspect_spans: tuple[tuple[int, int], ...], suspects: frozenset[str]
) -> bool:
    """A name inside the bracket that follows a suspect's mention ("medroxyprogesterone
    (Depo-Provera)", "etanercept (ETN, Enbrel)", "abaloparatide (a synthetic peptide
    analogue)", "Fragmin \u00ae (dalteparin sodium)"): a
    parenthetical apposition renames its anchor (Quirk et al., *A Comprehensive Grammar of
    the English Language*, 1985, 17.65-17.80: appositives in parentheses), so each name it
    lists is the suspect again, not a treatment."""
    opening = text.rfind("(", max(0, start - 60), start)
    if opening < 0 or any(c in text[opening:start] for c in ").;"):
        return False
    anchor = text[:opening].rstrip(_MARKS)
    return (
        any(0 <= len(anchor) - b <= 1 for _, b in suspect_spans)
        or any(len(s) > 3 and anchor.lower().endswith(s) for s in suspects)
        or (
            not text[opening + 1 : start].strip()  # the bracket's first name, a few words on
            and any(len(s) > 5 and s in anchor[-15 - len(s) :].lower() for s in suspects)
        )
    )


def _matches(
    text: str, suspects: frozenset[str], suspect_spans: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int, str]]:
    """Treatment-lexicon matches, product families given for the reaction ("successfully
    treated with platelet-rich plasma"), then FAERS-lexicon drugs that are not the suspect.

    ``suspect_spans`` are the suspect product's mentions in this text: a name on or right
    after one (its brand in brackets, "triamcinolone acetonide (Kenacort)") is the suspect;
    a family of a suspect is never a treatment.
    """
    exposed = {categorize(s) for s in suspects}
    found = [(m.start(), m.end(), m.group(0)) for m in TREATMENT.finditer(text)]
    found += [
        (m.start(), m.end(), m.group(0))
        for m in CLASS_TREATMENT.finditer(text)
        if not _overlaps(m.start(), m.end(), found)
    ]
    for start, end, name in joined_names(text):
        if not _overlaps(start, end, found):
            found.append((start, end, name))
    for start, end, name in treatment_phrases(text):
        exposure = any(len(s) > 3 and s in name.lower() for s in suspects)
        if _overlaps(start, end, found):
            continue
        if REMOVAL.search(name) or (not exposure and categorize(name) in _NOT_A_FAMILY):
            found.append((start, end, name))  # not "continued glatiramer acetate therapy"
    for pattern, name in PROCEDURE_VERBS:
        for match in pattern.finditer(text):
            named = [g for g in ("name", "passive") if g in pattern.groupindex and match.group(g)]
            start, end = match.span(named[0]) if named else match.span()
            found.append((start, end, procedure_name(match.group(0), name)))
    for match in cues.COORDINATED.finditer(text):
        second = TREATMENT.match(text, match.end())
        if second:
            head = re.sub(rf"^(?:{cues.ROUTE_WORD})\s+", "", second.group(0), flags=re.I)
            found.append((match.start(), second.end(), f"{match.group('first')} {head}"))
    for match in cues.SHARED_HEAD.finditer(text):
        for part in ("first", "second"):
            start, end = match.span(part)
            if not _overlaps(start, end, found):
                found.append((start, end, f"{match.group(part)} {match.group('head')}"))
    for family in find_products(text):
        if (
            family.category not in _NOT_A_FAMILY
            and family.category not in exposed
            and not _overlaps(family.start, family.end, found)
            and (
                treated_with(text[: family.start], text[family.end :])
                or treats_complication(text[family.end :])
            )
        ):
            found.append((family.start, family.end, family.text))
    for pair in _PAIR.finditer(text):
        if (
            all(w.lower() in drug_names() for w in pair.groups())
            and all(categorize(w) in _NOT_A_FAMILY for w in pair.groups())
            and not _overlaps(pair.start(), pair.end(), found)
        ):
            found.append((pair.start(), pair.end(), pair.group(0)))
    for drug in find_drugs(text):
        if (
            _overlaps(drug.start, drug.end, found)
            or drug.name in SKIN_TEST_ANTIGENS | ETHANOL
            or is_vaccine(drug.name)
        ):
            # a skin-test antigen is given to test, ethanol injected ablates or scleroses a
            # lesion and a vaccine prevents a disease ("Gardasil" named after the vaccine it
            # is): none treats a reaction
            continue
        if any(drug.name in s or s in drug.name or _same_words(drug.name, s) for s in suspects):
            continue
        if categorize(drug.text) not in _NOT_A_FAMILY:
            continue  # an aesthetic product family named again, not a treatment
        found.append((drug.start, drug.end, drug.text))
    kept = []
    for start, end, name in sorted(found):
        if _overlaps(start, end, [(a, b) for a, b in suspect_spans]) and not (
            REMOVAL.search(name) and not any(a <= start and end <= b for a, b in suspect_spans)
        ):
            continue  # the suspect, not "PAAG evacuation", the removal of the suspect
        if any(name.lower() in s for s in suspects if len(name) > 5):
            continue
        if _in_apposition(text, start, suspect_spans, suspects):
            continue  # "medroxyprogesterone (Depo-Provera)": the suspect's brand
        if cues.NOT_GIVEN_BEFORE.search(text[max(0, start - 80) : start]):
            continue
        if cues.INGREDIENT_BEFORE.search(text[max(0, start - 50) : start]):
            continue
        if re.fullmatch(r"epinephrine|adrenaline", name, re.I) and (
            cues.VASOCONSTRICTOR_BEFORE.search(text[max(0, start - 60) : start])
            or cues.VASOCONSTRICTOR_AFTER.match(text, end)
        ):
            continue  # "lidocaine with epinephrine 1:100,000": the anaesthetic's ingredient
        if cues.HISTORY.search(text[:start]):
            continue
        if cues.DURING.search(text[max(0, start - 80) : start]) and not cues.SETTING.search(name):
            continue
        if cues.APPROACH.fullmatch(name) and cues.BY_WAY_OF.search(text[:start][-60:]):
            continue  # "excised through a subcoronal incision", "fat obtained via liposuction"
        if not_for_the_reaction(text, start, end) or replaces_the_suspect(
            text, start, end, suspects
        ):
            continue
        kept.append((start, end, name))
    if any(REMOVAL.search(name) or name.lower() == "removal" for _, _, name in kept):
        # "a skin incision was made, and the device was removed": the removal's way in
        kept = [k for k in kept if not cues.APPROACH.fullmatch(k[2])]
    return combined(text, kept)
