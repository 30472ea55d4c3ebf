"""Which paragraphs of a text are not English, and in which language they are written.

Published case reports often carry a second abstract (a French *résumé*, a Portuguese
*resumo*, a Chinese abstract) beside the English one, and some excerpts are in another
language altogether. The extractor reads English only, so a paragraph in another
language is set aside (blanked, so that evidence spans still index the text) and
named in a warning; when no English prose is left, the draft is empty and partial with
that reason (issue 10, "Bad input").

Two stages keep English texts fast:

1. a cheap screen: a paragraph of 20 words or more whose share of English function
   words (:func:`dermavigil.literature.extract.quality.english_share`) is below 10 %,
   or with 40 letters or more of a script written without spaces (CJK), is a
   candidate; English prose scores 0.3-0.5 and never reaches the second stage;
2. the candidate is named by its script when it is Japanese, Chinese or Korean
   (:func:`script_language`), by its function words when one of Spanish, Portuguese,
   French, German or Italian clearly leads (:func:`profile_language`), Turkish by its
   letters (:func:`letter_language`): the languages :mod:`.foreign` reads, with no model to
   load; else identified with py3langid (Lui
   and Baldwin 2012, "langid.py: An Off-the-shelf Language Identification Tool", ACL
   System Demonstrations; the maintained fork by A. Barbaresi), imported and loaded only
   then (its model takes about 1.5 s to load, which only a text in another language pays).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.M)
"""A paragraph: a run of lines not separated by a blank line."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
MIN_WORDS = 20
MIN_UNSPACED = 40
MAX_ENGLISH_SHARE = 0.10
ENGLISH_LEXIFIED = frozenset({"en", "pcm"})
"""English, and the English-lexified creole py3langid confuses lists of English names with."""

_NAMES = """
    af Afrikaans, ar Arabic, bg Bulgarian, bs Bosnian, ca Catalan, cs Czech, da Danish,
    de German, el Greek, es Spanish, et Estonian, fa Persian, fi Finnish, fr French, gl
    Galician, he Hebrew, hi Hindi, hr Croatian, hu Hungarian, id Indonesian, it Italian,
    ja Japanese, ko Korean, la Latin, lt Lithuanian, lv Latvian, ms Malay, nl Dutch, no
    Norwegian, pl Polish, pt Portuguese, ro Romanian, ru Russian, sk Slovak, sl
    Slovenian, sr Serbian, sv Swedish, th Thai, tr Turkish, uk Ukrainian, ur Urdu, vi
    Vietnamese, zh Chinese, wuu Chinese, yue Chinese
"""
LANGUAGE_NAMES = dict(re.findall(r"(\w+)\s+(\w+)", _NAMES))
"""English names of the ISO 639 codes py3langid returns for the languages of the
literature; any other code is shown as the code."""


@dataclass(frozen=True)
class Foreign:
    """A paragraph in another language: its span, ISO 639 code and word count."""

    start: int
    end: int
    code: str
    words: int

    @property
    def language(self) -> str:
        return language_name(self.code)


def language_name(code: str) -> str:
    """The English name of an ISO 639 code ("pt" -> "Portuguese"), else the code."""
    return LANGUAGE_NAMES.get(code, f"language '{code}'")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


_PROFILES = {
    "es": "de la que el en y a los del se las por un para con no una su al lo como es sin tras"
    " fue presenta presentó tratamiento paciente días años",
    "pt": "de a o que e do da em um para com não nao uma os no se na por mais as dos ao das"
    " foi após apos sem paciente dias anos tratamento",
    "fr": "de la le et les des en du un une à a que pour dans est par sur au avec il elle aux"
    " été après sans patient patiente jours ans traitement",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als"
    " auch es an wurde nach bei patient patientin tagen jahre behandlung",
    "it": "di e il la che in a per un del non una della le si con da dei nel al delle gli"
    " dopo stato paziente giorni anni trattamento",
}
STOP_WORDS = {code: frozenset(words.split()) for code, words in _PROFILES.items()}
"""The most frequent function words (and a few words of a case report) of each language: a
stop-word profile (Grefenstette 1995, "Comparing two language identification schemes",
JADT)."""
MIN_PROFILE_SHARE = 0.25
MIN_PROFILE_LEAD = 1.5


def profile_language(text: str) -> str | None:
    """The language of ``text`` by its function words, when one of Spanish, Portuguese,
    French, German or Italian clearly leads (its lower-case function words: a share of 25 % or
    more of the word tokens, 1.5 times the next language's), else None."""
    words = _WORD.findall(text)  # as written: "DO" after a name is a degree, not Portuguese
    if not words:
        return None
    shares = sorted(
        ((sum(w in stop for w in words) / len(words), code) for code, stop in STOP_WORDS.items()),
        reverse=True,
    )
    (best, code), (second, _) = shares[0], shares[1]
    return code if best >= MIN_PROFILE_SHARE and best >= MIN_PROFILE_LEAD * second else None


_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def script_language(text: str) -> str | None:
    """Japanese, Korean or Chinese by the script, when most of the letters are CJK: kana
    (Japanese writes its particles and endings in kana, Chinese never does) -> "ja", Hangul
    -> "ko", Han characters alone -> "zh" (Unicode Standard, chapter 18, "East Asia");
    else None."""
    kana, hangul, han = (len(p.findall(text)) for p in (_KANA, _HANGUL, _HAN))
    if kana + hangul + han < max(MIN_UNSPACED, len(_WORD.findall(text))):
        return None
    if hangul > kana + han:
        return "ko"
    return "ja" if kana * 10 >= kana + han else "zh"


_TURKISH_LETTERS = re.compile(r"[\u0131\u0130\u011f\u011e]")
"""Dotless and dotted capital i, soft g: letters of Turkish alone among the languages of the
literature (Azerbaijani, which shares them, writes "ə")."""
MIN_TURKISH_SHARE = 0.10


def letter_language(text: str) -> str | None:
    """Turkish by its letters: 10 % or more of the words hold "ı", "İ" or "ğ", and none
    "ə"; else None. Turkish suffixes its grammar onto words, so its function words are too
    few for :func:`profile_language`."""
    words = _WORD.findall(text)
    if not words or "\u0259" in text:
        return None
    share = sum(bool(_TURKISH_LETTERS.search(w)) for w in words) / len(words)
    return "tr" if share >= MIN_TURKISH_SHARE else None


def identify(text: str) -> str:
    """The ISO 639 code of the language ``text`` is written in: by its script (Japanese,
    Korean, Chinese), its function words or its letters (Turkish) when they name one of the
    languages the extractor has words for (no model to load), else by py3langid."""
    return (
        script_language(text)
        or profile_language(text)
        or letter_language(text)
        or str(_identifier().classify(text)[0])
    )


def _size(paragraph: str) -> tuple[int, int]:
    """(words, letters of unspaced scripts): a CJK run counts as one word for _WORD."""
    return len(_WORD.findall(paragraph)), len(_UNSPACED.findall(paragraph))


def _candidate(paragraph: str) -> bool:
    from dermavigil.literature.extract.quality import english_share

    words, unspaced = _size(paragraph)
    if words < MIN_WORDS and unspaced < MIN_UNSPACED:
        return False
    return english_share(paragraph) < MAX_ENGLISH_SHARE


def _prose(paragraph: str) -> str:
    """The paragraph without its bulleted and labelled lines (affiliations, keywords)."""
    from dermavigil.literature.extract.quality import furniture_or_bullet

    return "\n".join(line for line in paragraph.splitlines() if not furniture_or_bullet(line))


def foreign_paragraphs(text: str) -> list[Foreign]:
    """The paragraphs of ``text`` written in a language other than English."""
    out = []
    for match in _PARAGRAPH.finditer(text):
        paragraph = _prose(match.group(0))
        if not _candidate(paragraph):
            continue
        code = identify(paragraph)
        if code not in ENGLISH_LEXIFIED:
            words, unspaced = _size(paragraph)
            out.append(Foreign(match.start(), match.end(), code, words + unspaced // 2))
    return out


def blank(text: str, spans: list[Foreign]) -> str:
    """``text`` with each span replaced by spaces (line breaks kept): offsets stay valid."""
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def english_words(text: str) -> int:
    """Word tokens of ``text`` (after foreign paragraphs are blanked)."""
    return len(_WORD.findall(text))
