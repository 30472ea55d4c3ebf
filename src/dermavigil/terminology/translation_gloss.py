"""Clinical words of Spanish, Portuguese, French, German and Italian read as their English
equivalents, to look them up in the English indexes the coder already holds.

The HPO translations (:mod:`.translations`) name a phenotype by a whole translated label;
a case report often uses one word of such a label alone ("hipopigmentación" of
"Hipopigmentación de la piel"), or a word whose English form is an English synonym or a
Disease Ontology name the translation never gives ("equimose", "paniculitis"). Two sources give a
word's English form:

1. **A glossary induced from the translations themselves.** Each translated label stands
   beside the English label of the same HPO term: a parallel corpus of short phrases. A
   foreign word and an English word that occur in the same label pairs are translations
   of each other when their Dice coefficient, 2·n(f, e) / (n(f) + n(e)), is 0.5 or more
   over two pairs or more (the association measure of Smadja F, McKeown KR,
   Hatzivassiloglou V 1996, "Translating collocations for bilingual lexicons: a
   statistical approach", Computational Linguistics 22(1):1-38) and each is the other's
   best (competitive linking: Melamed ID 2000, "Models of translational equivalence among
   words", Computational Linguistics 26(2):221-249): "cicatriz" -> "scar", "ampolla" ->
   "blistering", never "cálculos" -> "gallstones" (whose best word is "biliares").
2. **Cognate spelling**, looked at first: clinical words of these languages
   share their Greek and Latin stems with English and differ in their endings and a few
   spellings ("flebitis" / "phlebitis", "equimose" / "ecchymosis"): the word and the
   words of the HPO index's labels and synonyms and of the Disease Ontology's names are
   compared by a spelling skeleton (ph, th, ch, y, k, qu
   written f, t, c, i, c, c; double letters single; the endings of the same suffix, -osis
   / -ose / -osi, -itis / -ite / -iti, -ción / -ção / -tion / -zione, -oso / -eux / -ous,
   one), for words of seven letters or more, as :mod:`.drug_spellings` compares drug
   names.

A noun phrase of Spanish, Portuguese, French or Italian puts its head noun first and its
modifiers after it, English the other way round: a run of two to four content words is read
word by word in the reverse order ("células gigantes multinucleadas" -> "multinucleated
giant cell"), its words' English forms taken whether or not each is coded alone.

A word's or a phrase's English form counts only when the English coder codes it as a whole
(:meth:`.coder.PhraseCoder.code_whole`: a label, synonym or clinical wording of a phenotype,
or a descriptive adjective of one: "granulomatous", "edematous") or when it is a Disease
Ontology name (:func:`.disease_spans.disease_keys`); the caller reads it as such a mention.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from dermavigil.terminology.clinical_wordings import COLOUR_WORDS
from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.derivation import noun_forms
from dermavigil.terminology.disease_spans import disease_keys
from dermavigil.terminology.gloss_cache import cached
from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.translations import fold, tokens, translated_labels

GLOSSED = ("es", "pt", "fr", "de", "it")
"""The languages read by gloss (written with spaces, with their own words tables)."""
MIN_DICE = 0.5
MIN_PAIRS = 2
MIN_COGNATE = 7
_ENGLISH_WORD = re.compile(r"[a-z]+")
_ENGLISH_STOP = frozenset({"the", "and", "with", "abnormal", "abnormality", "of", "in", "to"})
_SUFFIXES = (
    (r"(?:osis|ose|osi)$", "os#"),
    (r"(?:itis|ite|iti)$", "it#"),
    (r"(?:cion|cao|tion|zione|cione)$", "cion#"),
    (r"(?:sion|sao|sione)$", "sion#"),
    (r"(?:ismo|isme|ismus|ism)$", "ism#"),
    (r"(?:os[ao]|eu(?:x|se)|ous)$", "ous#"),
    (r"(?:ic[ao]|ique|isch|ic)$", "ic#"),
)
"""The endings of one suffix in these languages and in English, written alike (marked, so
that an adjective's "-osa" is no noun's "-osis")."""


@dataclass(frozen=True)
class GlossedSpan:
    """A word or a phrase of the text and its English form."""

    start: int
    end: int
    english: str
    """Its English form, which the English coder codes or the Disease Ontology names."""


def skeleton(word: str) -> str:
    """A clinical word's spelling skeleton, the same for its English and Romance forms
    ("calciphylaxis", "calcifilaxis" -> "calcifilaxis"; "ecchymosis", "equimose" ->
    "ecimos#")."""
    word = word.replace("ph", "f").replace("th", "t").replace("ch", "c").replace("qu", "c")
    word = word.replace("y", "i").replace("k", "c").replace("z", "s")
    for ending, common in _SUFFIXES:
        cut = re.sub(ending, common, word)
        if cut != word:
            return re.sub(r"(.)\1", r"\1", cut)  # "reaction", "reacción": "reacion#"
    return re.sub(r"[aeo]$", "", re.sub(r"(.)\1", r"\1", word))


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, tuple[str, ...]]:
    """Skeleton -> the English words of seven letters or more, in alphabetical order, that
    the HPO index's labels and synonyms or the Disease Ontology's names hold (cached on disk,
    :func:`.gloss_cache.cached`)."""
    return cached("skeletons", _build_skeletons)  # type: ignore[return-value]


def _build_skeletons() -> dict[str, tuple[str, ...]]:
    words = {w for key in default_coder().tables.lexicon for w in key.split()}
    words |= {w for key in disease_keys() for w in key.split()}
    out: dict[str, tuple[str, ...]] = {}
    for word in sorted(words):
        if len(word) >= MIN_COGNATE and word.isalpha():
            key = skeleton(word)
            out[key] = (*out.get(key, ()), word)
    return out


_COLOURS = COLOUR_WORDS | {"red", "reddish"}
"""Colour words: a colour glossed alone ("rojiza", "rouge") describes a lesion or a thing,
as the English finder reads a colour only as a whole phrase about the skin."""


_NOT_GLOSSED = frozenset({"infection"})
"""English words the coder codes by a sense of English case text only: "infection" is an
injection site's cellulitis there (:data:`.clinical_wordings.EQUIVALENT`), while "infección",
"infecção" or "infection" in these languages name an infection anywhere (urinary, viral: an
indication or another illness) as often."""


def _coded(english: str) -> bool:
    """The English coder codes the word as a whole, or it is a Disease Ontology name; never
    a colour word."""
    key = normalize(english)
    if key in _COLOURS or key in _NOT_GLOSSED:
        return False
    return default_coder().code_whole(english) is not None or key in disease_keys()


@lru_cache(maxsize=len(GLOSSED))
def glossary(language: str) -> dict[str, str]:
    """Folded word of ``language`` -> its English word, induced from the HPO translated
    labels and the English labels of the same terms (Dice coefficient, module docstring;
    cached on disk, :func:`.gloss_cache.cached`)."""
    if language not in GLOSSED:
        return {}
    return cached(language, lambda: _induce(language))  # type: ignore[return-value]


def _induce(language: str) -> dict[str, str]:
    names = default_coder().tables.names
    foreign: Counter[str] = Counter()
    english: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for _, term, label in translated_labels(language):
        name = names.get(term)
        if not name:
            continue
        words = {t for t, _, _ in tokens(label, language) if len(t) > 2}
        others = {w for w in _ENGLISH_WORD.findall(name.lower()) if len(w) > 2} - _ENGLISH_STOP
        foreign.update(words)
        english.update(others)
        pairs.update((f, e) for f in words for e in others)
    best: dict[str, tuple[float, str]] = {}
    back: dict[str, tuple[float, str]] = {}
    for (f, e), n in pairs.items():
        dice = 2 * n / (foreign[f] + english[e])
        if n >= MIN_PAIRS and dice >= MIN_DICE:
            best[f] = max(best.get(f, (0.0, "")), (dice, e))
            back[e] = max(back.get(e, (0.0, "")), (dice, f))
    return {f: e for f, (_, e) in best.items() if back[e][1] == f}


def _plain(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in plain if not unicodedata.combining(c))


def _cognates(word: str) -> tuple[str, ...]:
    """The English words of the same spelling skeleton as ``word`` (seven letters or more),
    its plural cut."""
    plain = _plain(word)
    if len(plain) < MIN_COGNATE:
        return ()
    singulars = (plain, plain[:-1], plain[:-2]) if plain.endswith("s") else (plain,)
    return tuple(c for form in map(skeleton, singulars) for c in _skeletons().get(form, ()))


@lru_cache(maxsize=16384)
def english_word(word: str, language: str) -> str | None:
    """The English word a word of ``language`` (as written) stands for, when the English
    coder codes it (:func:`_coded`): its cognate of the same spelling skeleton (spelling is
    the stronger evidence: "érythémateux" stands beside "lupus" in most labels), else its
    glossary word; else the same of a noun the word derives from (:func:`.derivation.
    noun_forms`: "ampollosas" -> "ampolla" -> "blistering"); else the head word of a skin
    lesion's label (:func:`skin_heads`: "placa" -> "plaque"); else None."""
    for form in (word, *noun_forms(word, language)):
        for cognate in _cognates(form):
            if _coded(cognate):  # "erythematous", not the Latin "erythematosa"
                return cognate
        glossed = glossary(language).get(fold(form, language))
        if glossed is not None and _coded(glossed):
            return glossed
    return skin_heads(language).get(fold(word, language))


_SKIN_LABEL = re.compile(r"(?:skin|cutaneous) ([a-z]+)|([a-z]+) of the skin")
_FALLBACK = {"pt": ("pt", "es")}
"""Portuguese reads the Spanish labels its translation lacks (as :mod:`.translations`)."""


@lru_cache(maxsize=len(GLOSSED))
def skin_heads(language: str) -> dict[str, str]:
    """Folded head word -> English head word of the two-word translated labels of a skin
    lesion ("Placa cutánea", "Nodules cutanés": Skin plaque, Skin nodule) whose English head
    alone the English coder codes as that same term ("plaque" is Skin plaque): in a case
    report the head word alone names the skin lesion ("una placa eritematosa", "une plaque
    inflammatoire"), as its English form does in English text. The skin word is the one
    the glossary gives as "skin" or "cutaneous", or of the Latin root *cutis*."""
    coder = default_coder()
    words = glossary(language)
    out: dict[str, str] = {}
    for lang in _FALLBACK.get(language, (language,)):
        for _, term, label in translated_labels(lang):
            name = _SKIN_LABEL.fullmatch(coder.tables.names.get(term, "").lower())
            folded = [t for t, _, _ in tokens(label, language)]
            heads = [
                t
                for t in folded
                if words.get(t) not in ("skin", "cutaneous") and not t.startswith("cutan")
            ]
            if name is None or len(folded) != 2 or len(heads) != 1 or heads[0] in out:
                continue
            english = name.group(1) or name.group(2)
            coded = coder.code_whole(english)
            if coded is not None and coded.code == term:
                out[heads[0]] = english
    return out


@lru_cache(maxsize=16384)
def _any_word(word: str, language: str) -> str | None:
    """The English word of a word of a phrase, coded alone or not ("cuerpo" -> "body",
    "multinucleadas" -> "multinucleated"): its cognate, else its glossary word."""
    cognates = _cognates(word)
    return cognates[0] if cognates else glossary(language).get(fold(word, language))


HEAD_FIRST = ("es", "pt", "fr", "it")
"""Languages whose noun phrases put the head noun first and its modifiers after it
("reacción granulomatosa a cuerpo extraño"), where English puts it last ("foreign body
granulomatous reaction"): a phrase is read in the reverse order of its words."""
MOST_WORDS = 4
_GAP = re.compile(r"[\s'\u2019-]*")


def glossed_spans(text: str, language: str) -> list[GlossedSpan]:
    """The phrases and words of ``text`` (in ``language``) whose English form the English
    coder codes as a whole or the Disease Ontology names, left to right, the longest at each
    place: a run of two to four content words (function words between them allowed, no
    punctuation) read word by word in the reverse order (:data:`HEAD_FIRST`: "células
    gigantes multinucleadas" -> "multinucleated giant cells"), else one word."""
    if language not in GLOSSED:
        return []
    found = tokens(text, language)
    out: list[GlossedSpan] = []
    i = 0
    while i < len(found):
        size = _phrase(text, found, i, language, out) if language in HEAD_FIRST else 0
        if size:
            i += size
            continue
        _, start, end = found[i]
        english = english_word(text[start:end], language)
        if english is not None:
            out.append(GlossedSpan(start, end, english))
        i += 1
    return out


def _phrase(
    text: str, found: list[tuple[str, int, int]], i: int, language: str, out: list[GlossedSpan]
) -> int:
    """The number of words of the longest phrase starting at token ``i`` whose reversed
    English words the coder codes (appended to ``out``), else 0."""
    words: list[str] = []
    for j in range(i, min(len(found), i + MOST_WORDS)):
        if j > i and not _joined(text[found[j - 1][2] : found[j][1]], language):
            break
        english = _any_word(text[found[j][1] : found[j][2]], language)
        if english is None:
            break
        words.append(english)
    for size in range(len(words), 1, -1):
        phrase = normalize(" ".join(reversed(words[:size])))  # "foreign body", not "bodies"
        if _coded(phrase):
            out.append(GlossedSpan(found[i][1], found[i + size - 1][2], phrase))
            return size
    return 0


def _joined(gap: str, language: str) -> bool:
    """Two words of one phrase: only spaces, a hyphen, an apostrophe or function words
    (the tokens of :func:`.translations.tokens` leave those out) stand between them."""
    return bool(_GAP.fullmatch(gap)) or (
        not re.search(r"[,;.:()\d]", gap) and len(gap.split()) <= 3 and not _AND.search(gap)
    )


_AND = re.compile(r"(?<![\w-])(?:y|e|et|o|ou|ed|und|oder|ni)(?![\w-])", re.I)
"""A conjunction between two words: two phrases ("eritema y edema"), not one."""
