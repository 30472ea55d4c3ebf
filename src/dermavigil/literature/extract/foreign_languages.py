"""Which words and which folding a text in another language is read with.

Spanish, Portuguese, French, German and Italian share one table of words
(:mod:`.foreign_words`, on the text folded to ASCII); Japanese, Chinese and Turkish have
their own (:mod:`.foreign_words_ja`, :mod:`.foreign_words_zh`, :mod:`.foreign_words_tr`,
the same names), imported only when a text in that language is read. Each folding keeps
one character for one, so evidence spans index the text: Japanese and Chinese by
:func:`dermavigil.terminology.translation_match.unspaced_fold` (Chinese to simplified
characters), Turkish by :func:`.ascii_folding.ascii_fold` with the dotless i as i. A
Japanese or Chinese sentence ends at "。", "！", "？" or a semicolon, which parts
independent clauses, or at a full stop written as a period after a Japanese or Chinese
character ("74歳,女性." in journals that print Western punctuation: :func:`split_unspaced`).
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

from dermavigil.literature.extract import foreign_words
from dermavigil.literature.extract.ascii_folding import ascii_fold
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.drug_spellings import english_drug
from dermavigil.terminology.translation_match import UNSPACED, unspaced_fold

OWN_WORDS = ("ja", "zh", "tr")
_END = re.compile(r"(?:[。．！？!?;；]|(?<=[\u3040-\u30ff\u4e00-\u9fff])\.(?!\d))+")


def words_for(language: str) -> ModuleType:
    """The module of the language's words."""
    if language in OWN_WORDS:
        return importlib.import_module(f"dermavigil.literature.extract.foreign_words_{language}")
    return foreign_words


def fold(text: str, language: str) -> str:
    """``text`` folded for the language's patterns, one character for one."""
    if language in UNSPACED:
        return unspaced_fold(text, language)
    folded = ascii_fold(text)
    return folded.replace("\u0131", "i") if language == "tr" else folded


def drug_of(word: str, language: str) -> str | None:
    """The English lexicon drug a word of the text names: its Romance or German cognate
    (:func:`dermavigil.terminology.drug_spellings.english_drug`), or in Turkish its Turkish
    spelling (:func:`dermavigil.terminology.drug_spellings_tr.turkish_drug`)."""
    found = english_drug(word)
    if found is None and language == "tr":
        from dermavigil.terminology.drug_spellings_tr import turkish_drug

        found = turkish_drug(word)
    return found


def onsets(words: ModuleType) -> tuple[re.Pattern[str], ...]:
    """The latency patterns of a language's words (groups ``n`` and ``unit``)."""
    return getattr(words, "ONSETS", None) or (words.ONSET,)


def negation(words: ModuleType, language: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The cues before what they deny, and those after it (Japanese, Turkish), if any."""
    return words.NEGATION[language], getattr(words, "NEGATION_AFTER", None)


def split_unspaced(sentences: list[Sentence], text: str, language: str) -> list[Sentence]:
    """For Japanese and Chinese, each sentence cut at its full stops, renumbered."""
    if language not in UNSPACED:
        return sentences
    out: list[Sentence] = []
    for sentence in sentences:
        start = sentence.start
        for m in _END.finditer(text, sentence.start, sentence.end):
            if text[start : m.end()].strip():
                out.append(Sentence(start, m.end(), text[start : m.end()], sentence.section, 0))
            start = m.end()
        if text[start : sentence.end].strip():
            out.append(
                Sentence(start, sentence.end, text[start : sentence.end], sentence.section, 0)
            )
    return [Sentence(s.start, s.end, s.text, s.section, index) for index, s in enumerate(out)]
