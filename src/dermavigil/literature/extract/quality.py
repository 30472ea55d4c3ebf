"""Checks on the input text before extraction: empty, mojibake, not English, truncated.

- *Mojibake* (UTF-8 read as Latin-1/cp1252: "Ã©", "â€™", U+FFFD): detected by
  its byte-pair signatures; repaired by the inverse round trip
  (encode cp1252 / latin-1, decode UTF-8) when that round trip is lossless,
  else reported.
- *Language*: the share of English function words among the word tokens
  (a stop-word profile, as in Grefenstette 1995, "Comparing two language
  identification schemes", JADT) screens the text and each paragraph; one that
  does not look English is identified with py3langid
  (:mod:`dermavigil.literature.extract.language`). A paragraph in another language
  is set aside (blanked) and named; when the English left is not the larger part,
  the draft is partial with that reason, and when no English is left (or the whole
  text is in another language) nothing is extracted.
- *Truncation*: the last line of prose stops without sentence-final
  punctuation. Page furniture after the abstract is not prose and is skipped:
  labelled lines (keywords, DOI, PMID, copyright, correspondence, e-mail,
  "view details", "full text", lists of other articles, a journal's "Level of
  Evidence" notice), bulleted items, and
  lists of terms or names (a line with almost no English function words,
  or too short to be a sentence).
- *Preview cut*: a line of prose stopping mid-sentence (or on an ellipsis) right before a
  "View Full Text" link, whatever furniture follows it.
- *Elided words*: words dropped from the excerpt (markup or italics lost on
  the way): a function word right before a full stop or comma ("revealed
  silicone in the ."), a bare suffix after a space ("Filler -like").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.literature.extract.language import (
    blank,
    english_words,
    foreign_paragraphs,
    identify,
    language_name,
)

_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00ff]|â€|\ufffd")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "by",
        "from",
        "after",
        "before",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "his",
        "her",
        "he",
        "she",
        "it",
        "its",
        "as",
        "into",
        "than",
        "then",
        "there",
        "their",
        "not",
        "no",
        "we",
        "our",
        "case",
        "patient",
    ]
)
MIN_ENGLISH_SHARE = 0.08
MAX_TEXT_SHARE = 0.15
"""Below this share of English function words a text is identified as a whole (the lowest
share of an English abstract of the real set, page furniture included, is about 0.19)."""
_FURNITURE_LABEL = re.compile(
    r"^[\s*\u2022-]*(?:\u00a9|\(c\)|(?:key ?words?|mesh|doi|pmid|pmcid|copyright"
    r"|correspondence|affiliations?|e-?mail|received|accepted|published|full text|view details"
    r"|preview|download|cite this|how to cite|citation style"
    r"|(?:other|related|similar|latest|more)(?: latest)? articles|level of evidence"
    r"|this journal requires"
    r"|publication types?|substances|mesh terms|grants? and funding|related information|linkout"
    r"|cited by|comment in|read (?:the )?full (?:abstract|text|article)|published version"
    r"|talk to us|schedule a call|volume|pages|issue|issn|language|original language"
    r"|article type|number of pages|related topics|loading|join us|publication date"
    r"|publisher or conference|conference location|international standard serial number"
    r"|palabras clave|palavras[\s-]chave|detalles del art[íi]culo|secci[óo]n)\b"
    r"|著者関連情報|前の記事|次の記事)",
    re.I,
)
"""Labels of page furniture, those of the PubMed page layout included (publication types,
MeSH terms, substances, grants and funding, related information, LinkOut, cited by), a
publisher page's metadata lines (volume, pages, issue, ISSN, language, publication date,
conference location), its widgets ("related topics", "loading", "join us for a session")
and the same labels on Spanish, Portuguese and Japanese journal pages (palabras clave,
palavras-chave, detalles del artículo, sección; 著者関連情報 'author information', 前の記事 /
次の記事 'previous / next article')."""
_BULLET = re.compile(r"^\s*(?:[-\u2022*\u25cf\u25aa]|\d+[.)])\s|^[^|]*\|[^|]*\|")
"""A bulleted or numbered item, or a table row ('year | journal | country |')."""
_FINAL = ".!?)]\"'\u3002\uff01\uff1f\uff09"
"""Sentence-final punctuation, the full-width forms of CJK scripts included."""
MIN_PROSE_WORDS = 8
MIN_PROSE_SHARE = 0.15
MIN_NAMES_SHARE = 0.6
"""A line of fewer words is short; with fewer function words, or with most words
capitalised, a list of terms or names."""


_TRAILER = re.compile(
    r"(?<=[.!?])\s*(?:key ?words?\s*:.*"
    r"|[A-Z][\w .&-]{2,60},?\s+\d+\s*(?:\(\d+\))?\s*:\s*\d+\s*[-\u2013]\s*\d+,?\s*"
    r"(?:19|20)\d\d\.?"
    r"|[A-Z][\w .&-]{2,60}\s(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\d+\))?\s*:\s*[\de]+"
    r"(?:\s*[-\u2013]\s*\d+)?\.?(?:\s*doi\s*:?\s*\S+)?)$"
    r"|(?<=[a-z][.!?])\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*$"
    r"|\s*</?[a-z]+(?::[a-z]+)?>$",
    re.I,
)
"""Furniture run into the last line after its final sentence: a keyword list ('...
injection. Keywords : Osteoarthritis, ...'), the journal citation ('... in
Japan.Skin Research, 15: 270-273, 2016'; or in the NLM form, 'Ann Plast Surg
1993;30:449-451', with its DOI), reference numbers printed after the full stop ('...
injections.1,2') or a markup tag left at the end ('... </jats:sec>')."""
_CUT_ITEM = re.compile(
    r"(?:^|\n)[ \t]*(?:[-\u2022*\u25cf\u25aa]|\d+[.)]|\[\d+\])[ \t](?:[^\n]*\s)?[A-Za-z][a-z]?$"
    r"|(?:^|\n)[ \t]*\[\d+\][ \t][^\n]*[A-Za-z]$"
    r"|(?:^|\n)[ \t]*(?:\d+[.)]|\[\d+\])[ \t][^\n\u201d]*\u201c[^\n\u201d]*[A-Za-z]$"
)
"""The excerpt's very last line is a listed item cut short: a bullet ending on a word's first
letters ('  • Skin / p', '  • Sk'), or a numbered reference ending on a letter, its title
unfinished ('[1] M. Gupta, et al. Delineating Injectable Triamcinolone-Induced Cutaneous';
'5. A. Author, et al. “Nerve injury after an intradeltoid inj', its quotation never
closed; docs/annotation.md, r5xx decisions: a cut anywhere, references included, is
partial)."""
_ESCAPES = re.compile(r"(?:\\[nrt])+$")
"""Line breaks left escaped by the page the excerpt came from ('... correct direction.\\n')."""
_ELLIPSIS = re.compile(r"\w(?:\.{3}|\u2026)(?:\s*\((?:read |see )?more\))?$", re.I)
"""An excerpt that ends on an ellipsis after a word ("Routine Gra...", a preview's "... 10x10
cm... (More)") was cut by its source."""
_ELIDED = re.compile(
    r"\b(?:the|a|an|of|in|with|to|and|by|for|from|at)\s+[.,;](?:\s|$)"
    r"|(?:^|\s)[-\u2010\u2013](?:like|induced|related|associated|mediated|shaped)\b",
    re.I | re.M,
)


@dataclass
class TextCheck:
    """The (possibly repaired) text and what was wrong with it."""

    text: str
    warnings: list[str] = field(default_factory=list)
    usable: bool = True
    truncated: bool = False
    elided: bool = False
    shown: str = ""
    """The text as shown with the draft: ``text`` before foreign paragraphs were blanked
    (the same length, so evidence spans index both)."""
    foreign: bool = False
    """Most of the text is in a language other than English (only its English part is read)."""
    languages: list[tuple[int, int, str]] = field(default_factory=list)
    """The parts in another language: (start, end, ISO 639 code), the whole text when it is
    all in one (:mod:`.foreign` reads those it has the words of)."""

    @property
    def incomplete(self) -> bool:
        """The excerpt lacks part of its text: cut off, words dropped from it, or most of it
        in a language the extractor does not read."""
        return self.truncated or self.elided or self.foreign


def _repair_mojibake(text: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(_MOJIBAKE.findall(repaired)) < len(_MOJIBAKE.findall(text)):
            return repaired
    return None


def english_share(text: str) -> float:
    """Share of word tokens that are common English function words."""
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in _ENGLISH for w in words) / len(words) if words else 0.0


def furniture_or_bullet(line: str) -> bool:
    """A labelled line of page furniture (keywords, DOI, affiliations) or a bulleted item."""
    return bool(_FURNITURE_LABEL.match(line) or _BULLET.match(line))


def _kind(line: str) -> str:
    """'label', 'list' (bulleted, or terms or names), 'short' (a few words, unfinished) or
    'prose' (a sentence, or any line that ends one: the last line of a wrapped paragraph)."""
    if _FURNITURE_LABEL.match(line):
        body = _TRAILER.sub("", line)
        if (
            body[-1:] in tuple(_FINAL)
            and len(_WORD.findall(body)) >= 2 * MIN_PROSE_WORDS
            and english_share(body) >= MIN_PROSE_SHARE
        ):
            return "prose"  # a paragraph run into its label ("DOI : 10.5606/... A 62-year-old")
        return "label"
    if _BULLET.match(line):
        return "list"
    if line[-1] in _FINAL:
        return "prose"
    words = _WORD.findall(line)
    capitalised = sum(w[0].isupper() for w in words) / len(words) if words else 0.0
    if (english_share(line) < MIN_PROSE_SHARE or capitalised >= MIN_NAMES_SHARE) and (
        len(words) >= MIN_PROSE_WORDS or ";" in line or "," in line
    ):
        return "list"
    return "short" if len(words) < MIN_PROSE_WORDS else "prose"


_PREVIEW_CUT = re.compile(
    r"(?:[a-z,;]|\s(?:\u2026|\.\.\.))\s*\n\s*(?:view (?:the )?full text|full text"
    r"|read (?:the )?full (?:text|article)|continue reading|access this article)\s*$",
    re.I | re.M,
)
"""A publisher's preview: a line of prose stopping mid-sentence right before the link to the
full text ('... and 7.5 units injected …' / 'View Full Text'), whatever furniture follows
the link: the excerpt is truncated (the *Truncation* check, run on the preview's own end)."""


def last_prose_line(text: str) -> str:
    """The line on which the text's prose ends, its end stripped.

    Page furniture after an abstract (keywords, DOI, correspondence, lists of other
    articles, author names) is skipped; a short unfinished line counts as furniture only
    below a furniture label ("Keywords:" then one term a line), else it is where the text
    was cut ("Biopsy o")."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    kinds = [_kind(line) for line in lines]
    prose = max((i for i, kind in enumerate(kinds) if kind == "prose"), default=-1)
    labelled = False
    for kind in kinds[prose + 1 :]:
        labelled = labelled or kind == "label"
        if kind == "short" and not labelled:
            return text.rstrip()
    return lines[prose] if prose >= 0 else text.rstrip()


_LAST_WORD = re.compile(r"([^\W\d_]{3,})\W{0,3}$")


def cut_word(text: str) -> bool:
    """The excerpt's very last word is the start of a longer word the text uses and never a
    word of the text itself ('... Humans / Inflammati', 'intradeltoid muscul', '... Louisiana
    Stat'): the excerpt was cut mid-word, wherever the cut falls (docs/annotation.md, r5xx
    decisions: a cut in the furniture or the references is partial too)."""
    found = _LAST_WORD.search(_ESCAPES.sub("", text.rstrip()))
    if not found or text.rstrip()[-1:] in _FINAL:
        return False
    last = found.group(1).lower()
    words = {w.lower() for w in _WORD.findall(text[: found.start()])}
    longer = [w[len(last) :] for w in words if w.startswith(last) and len(w) > len(last)]
    # a word the text also inflects is whole ('skin test' in a keyword line, 'tests' above)
    return last not in words and any(not _INFLECTION.fullmatch(end) for end in longer)


_INFLECTION = re.compile(r"e?s|ed|ing|ly|'s")
"""English inflectional endings: 'test' beside 'tests' is a whole word, 'Inflammati' beside
'inflammation' is a cut one."""


def _not_english(check: TextCheck, code: str) -> bool:
    check.usable = False
    check.languages = [(0, len(check.text), code)]
    name = language_name(code) if code != "en" else "no recognisable language"
    check.warnings.append(
        f"the text is in {name}, not English (language identification: script, letters, "
        "function words or py3langid): the draft is partial; the English extraction read "
        "nothing, only the words of a language the project has them for (Spanish, Portuguese, "
        "French, German, Italian, Japanese, Chinese, Turkish) are read"
    )
    return False


def _set_aside_foreign(check: TextCheck, words: int) -> bool:
    """Blank the paragraphs in another language and say so; False when nothing English is
    left to read (the check is then unusable, with the language named)."""
    foreign = foreign_paragraphs(check.text)
    if not foreign:
        # no paragraph stands out: the text as a whole may still be in another language
        share = english_share(check.text)
        if words >= MIN_PROSE_WORDS and share < MAX_TEXT_SHARE:
            code = identify(check.text)
            if code != "en" or share < MIN_ENGLISH_SHARE:
                return _not_english(check, code)
        return True
    kept = blank(check.text, foreign)
    left = english_words(kept)
    if left < MIN_PROSE_WORDS:
        # the language most of the set-aside text is in, not that of its first paragraph (a
        # title of Han characters alone reads as Chinese above a Japanese abstract)
        sizes: dict[str, int] = {}
        for f in foreign:
            sizes[f.code] = sizes.get(f.code, 0) + f.words
        return _not_english(check, max(sizes, key=lambda code: sizes[code]))
    check.shown, check.text = check.text, kept
    check.languages = [(f.start, f.end, f.code) for f in foreign]
    names = ", ".join(dict.fromkeys(f.language for f in foreign))
    set_aside = sum(f.words for f in foreign)
    check.foreign = set_aside > left
    check.warnings.append(
        f"{len(foreign)} paragraph(s) in {names} ({set_aside} words, language identification)"
        " set aside from the English extraction"
        + ("; most of the text is not English, so the draft is partial" if check.foreign else "")
    )
    return True


def check_text(text: str) -> TextCheck:
    """Check (and, for mojibake, repair) a text before extraction."""
    check = TextCheck(text=text.replace("\r\n", "\n"))
    if not check.text.strip():
        check.usable = False
        check.warnings.append("empty text: nothing to extract")
        return check
    if _MOJIBAKE.search(check.text):
        repaired = _repair_mojibake(check.text)
        if repaired is not None:
            check.text = repaired
            check.warnings.append("mojibake (UTF-8 read as Latin-1) repaired before extraction")
        else:
            check.warnings.append(
                "garbled characters (mojibake or U+FFFD) in the text; facts near them may be missed"
            )
    words = _WORD.findall(check.text)
    if not _set_aside_foreign(check, len(words)):
        return check
    tail = last_prose_line(check.shown or check.text)  # a set-aside paragraph may be cut too
    tail = _TRAILER.sub("", _ESCAPES.sub("", tail))
    if len(words) >= 8 and tail and (tail[-1] not in _FINAL or _ELLIPSIS.search(tail)):
        check.truncated = True
        check.warnings.append("the text ends mid-sentence: it may be truncated")
    elif len(words) >= 8 and _CUT_ITEM.search((check.shown or check.text).rstrip()):
        check.truncated = True
        check.warnings.append("the text ends in the middle of a listed item: it is truncated")
    elif len(words) >= 8 and _PREVIEW_CUT.search(check.shown or check.text):
        check.truncated = True
        check.warnings.append("the text stops mid-sentence before a 'full text' link: it is cut")
    elif len(words) >= 8 and cut_word(check.shown or check.text):
        check.truncated = True
        check.warnings.append("the text's last word is cut short: it is truncated")
    gap = _ELIDED.search(check.text)
    if gap:
        check.elided = True
        check.warnings.append(f"words are missing from the text ({gap.group(0).strip()!r})")
    return check
