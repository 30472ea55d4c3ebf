"""The drug a case report in Japanese or Chinese was given (docs/annotation.md, ``products``).

Read in the case sentences (the title first) of the text folded one character for one
(:mod:`.foreign_languages`), the first name given as the exposure, in this order of trust:

1. a drug of the English lexicon, named
   - in katakana (:func:`dermavigil.terminology.katakana.find_katakana_drugs`: "フルベストラント",
     "インスリン"), with a Greek letter that follows ("インターフェロンα");
   - in Latin letters inside the Japanese or Chinese sentence ("BCGを皮内接種"), read as a
     phrase of its own (:func:`dermavigil.terminology.products.find_products`, the drug
     lexicon, the vaccine names: :func:`dermavigil.terminology.drugs.is_vaccine`), since
     the text has no spaces around it;
   - as a vitamin written with the language's noun and its Latin letter ("ビタミンK1",
     "维生素K1": vitamin K1);
2. else an agent named by a noun ending in 剤 (agent, preparation: "制癌剤", an anticancer
   agent; "ヒト胎盤由来製剤", a human placenta preparation), the whole noun, as a drug.

A name counts when the words after it in its clause tell it was given or caused the
reaction (injection, administration, vaccination, leakage, "による", "后"), and it is not a
usual treatment of the language's table (``TREATMENTS``). A name is written as the text
spells it; the English name gives the category and the labelled routes.
"""

from __future__ import annotations

import re
from types import ModuleType

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.drugs import drug_names, find_drugs, is_vaccine
from dermavigil.terminology.katakana import find_katakana_drugs
from dermavigil.terminology.products import find_products

AGENT = "agent"
"""The English name given to an agent named by its noun in 剤: a drug."""
Found = tuple[int, int, str]
"""(start, end, English name) of a name in the text."""

_GIVEN_AFTER = re.compile(
    r"^(?:\([^()]{0,30}\))?[をのがはも]?[^。;；]{0,14}?"
    r"(?:注射|注入|注|投与|接種|使用|漏出|漏れ|による|により|に起因|誘発|療法|治療中"
    r"|接种|给药|给予|用药|渗漏|外渗|引起|所致|导致|致|后)"
)
"""Words after a name, in its clause, that tell it was given or caused the reaction: "の皮下
注射後", "筋注部位", "を週1回皮下注射していた", "による", "の投与中" (Japanese); "注射液",
"肌注", "接种后", "所致" (Chinese). An aside in brackets may come first ("(プラセンタ製剤)")."""
_GREEK = re.compile(r"[α-ωΑ-Ω](?:-?\d+[a-z]?)?")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)*")
_VITAMIN = re.compile(r"(?:ビタミン|维生素|維生素)\s*(?P<letter>[A-Za-z]\d{0,2})")
_AGENT = re.compile(r"(?<![ァ-ヺー\u4e00-\u9fff])[ァ-ヺー\u4e00-\u9fff]{1,10}?剤")
"""A noun ending in 剤 (agent), from the start of its run of kanji and katakana."""


def _given(folded: str, end: int, sentence: Sentence) -> bool:
    return bool(_GIVEN_AFTER.search(folded[end : min(sentence.end, end + 48)]))


def _treatment(name: str, words: ModuleType) -> bool:
    return any(re.search(pattern, name) for pattern, _ in getattr(words, "TREATMENTS", ()))


def _named_drugs(folded: str, sentence: Sentence) -> list[Found]:
    part = folded[sentence.start : sentence.end]
    found: list[Found] = []
    for start, end, english in find_katakana_drugs(part):
        greek = _GREEK.match(part, end)
        found.append((start, greek.end() if greek else end, english))
    for run in _LATIN.finditer(part):
        phrase = run.group(0)
        for mention in find_products(phrase):
            if mention.category is ProductCategory.vaccine:
                found.append((run.start() + mention.start, run.start() + mention.end, "vaccine"))
        if is_vaccine(phrase.lower()):  # a vaccine's own name ("BCG")
            found.append((run.start(), run.end(), f"{phrase.lower()} vaccine"))
        for drug in find_drugs(phrase):
            found.append((run.start() + drug.start, run.start() + drug.end, drug.name))
    for m in _VITAMIN.finditer(part):
        english = f"vitamin {m.group('letter').lower()}"
        if english in drug_names():
            found.append((m.start(), m.end(), english))
    return [(sentence.start + a, sentence.start + b, english) for a, b, english in found]


def unspaced_product(
    text: str, folded: str, case: list[Sentence], words: ModuleType
) -> tuple[str, str, tuple[int, int]] | None:
    """(name as spelled, English name, span) of the drug the case sentences give, or None."""
    for sentence in case:
        named = sorted(
            (start, end, english)
            for start, end, english in _named_drugs(folded, sentence)
            if _given(folded, end, sentence) and not _treatment(text[start:end], words)
        )
        if named:
            start, end, english = named[0]
            return text[start:end], english, (start, end)
    for sentence in case:
        for m in _AGENT.finditer(folded, sentence.start, sentence.end):
            if _given(folded, m.end(), sentence) and not _treatment(m.group(0), words):
                return text[m.start() : m.end()], AGENT, m.span()
    return None
