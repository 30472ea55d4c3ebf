"""Drug names written in katakana, read back to the English lexicon by their consonants.

Japanese writes the names of Western drugs in katakana, sound by sound ("フルベストラント"
for fulvestrant, "インスリン" for insulin, "キシロカイン" for Xylocaine). Each katakana is
read by its modified Hepburn romanisation (ISO 3602 / the Hepburn table: カ ka, シ shi,
チ chi, ツ tsu, フ fu, ジ ji, ヴ vu; small ャュョ and ァィゥェォ join the syllable before;
ー lengthens a vowel; ッ doubles a consonant; ン is n), and both that reading and the
English name are reduced to a key of consonant classes, the sounds Japanese keeps apart:
vowels dropped (Japanese adds one after every consonant), l as r, v as b, m before b/p as
n, c as k or s by the vowel after it, x as ks, ph as f, th as t, ch as k, sh as s, the
sibilants s/z/j as one class (Japanese voices s between vowels: "prednisolone" プレドニゾロン,
and writes di as ジ: "diclofenac" ジクロフェナク), doubled letters as one. An r after a vowel
and before a consonant is kept or dropped (English "-er-" is a long vowel in katakana,
"interferon" インターフェロン, or a syllable of its own, "carbamazepine" カルバマゼピン).

A katakana word names a lexicon drug when its key equals the key of exactly one name of
the lexicon (:func:`dermavigil.terminology.drugs.drug_names`: FAERS names, brands such as
Xylocaine included, and Drugs@FDA ingredients), with at least four consonants (shorter keys
are shared by too many words) and a vowel first in both or in neither.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

_ROWS = {
    "": "アイウエオァィゥェォ",
    "k": "カキクケコヵヶ",
    "g": "ガギグゲゴ",
    "s": "サシスセソザジズゼゾ",
    "t": "タチツテトダヂヅデド",
    "n": "ナニヌネノン",
    "h": "ハヒフヘホ",
    "b": "バビブベボヴ",
    "p": "パピプペポ",
    "m": "マミムメモ",
    "y": "ヤユヨャュョ",
    "r": "ラリルレロ",
    "w": "ワヰヱヲヮ",
}
_KANA = {kana: row for row, kanas in _ROWS.items() for kana in kanas}
_VOICED_T = frozenset("ダデド")
KATAKANA = re.compile(r"[ァ-ヺー]+")
"""A run of katakana (the long-vowel mark included)."""


def katakana_key(word: str) -> str:
    """The consonant key of a katakana word (see the module docstring); ``_`` first when it
    opens with a vowel."""
    out = ["_"] if word[:1] and _KANA.get(word[0]) == "" else []
    for kana in word:
        if kana in ("ッ", "ー"):
            continue
        row = _KANA.get(kana)
        if row is None:
            continue
        if row == "t":
            # ジ/ヂ, ズ/ヅ: the sibilant class; ダ, デ, ド: d; チ, ツ: t (chi, tsu)
            row = "s" if kana in "ヂヅ" else ("d" if kana in _VOICED_T else "t")
        if row in ("y", "w", ""):
            continue
        out.append(row)
    return _collapse("".join(out))


def _collapse(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


_LATIN_STEPS = (
    (r"ph|f", "H"),
    (r"th", "t"),
    (r"ch", "k"),
    (r"sh", "s"),
    (r"ck", "k"),
    (r"qu", "k"),
    (r"x", "ks"),
    (r"c(?=[eiy])", "s"),
    (r"c", "k"),
    (r"di", "ji"),
    (r"m(?=[bp])", "n"),
    (r"l", "r"),
    (r"v", "b"),
    (r"[zj]", "s"),
    (r"(?<=[aeiouy])h|h(?=$|[^aeiouy])", ""),
    (r"[wy]", ""),
    (r"H", "h"),
)


def latin_keys(name: str) -> frozenset[str]:
    """The consonant keys of an English name (with and without an r after a vowel that a
    consonant follows)."""
    word = re.sub(r"[^a-z]", "", name.lower())
    opening = "_" if word[:1] in tuple("aeiou") else ""
    for pattern, repl in _LATIN_STEPS:
        word = re.sub(pattern, repl, word)
    kept = re.sub(r"[aeiou]", "", word)
    dropped = re.sub(r"[aeiou]", "", re.sub(r"(?<=[aeiou])r(?=[^aeiou])", "", word))
    return frozenset({opening + _collapse(kept), opening + _collapse(dropped)})


MIN_KEY = 4
MIN_SIMILARITY = 0.75
"""How close the Hepburn reading of the katakana and the English name, written as Japanese
hears it, must be (:func:`similarity`): a key two words share by chance ("ボツリヌス",
botulinus, and the brand "Butrans") is not enough."""


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    from dermavigil.terminology.drugs import drug_names

    index: dict[str, list[str]] = {}
    for name in sorted(drug_names(), key=lambda n: (len(n), n)):
        if not re.fullmatch(r"[a-z][a-z -]*", name) or re.search(r"\b[a-z]\b", name):
            continue  # a letter of its own ("vitamin a") is not written in katakana
        for key in latin_keys(name):
            if len(key.lstrip("_")) >= MIN_KEY:
                index.setdefault(key, []).append(name)
    return {key: tuple(names) for key, names in index.items()}


_HEPBURN_TABLE = (
    "ア a イ i ウ u エ e オ o カ ka キ ki ク ku ケ ke コ ko ガ ga ギ gi グ gu ゲ ge ゴ go"
    " サ sa シ shi ス su セ se ソ so ザ za ジ ji ズ zu ゼ ze ゾ zo"
    " タ ta チ chi ツ tsu テ te ト to ダ da ヂ ji ヅ zu デ de ド do"
    " ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho"
    " バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po"
    " マ ma ミ mi ム mu メ me モ mo ヤ ya ユ yu ヨ yo ラ ra リ ri ル ru レ re ロ ro"
    " ワ wa ヲ o ン n ヴ bu"
)
_PAIRS = _HEPBURN_TABLE.split()
_HEPBURN = dict(zip(_PAIRS[::2], _PAIRS[1::2], strict=True))
_SMALL = dict(zip("ァィゥェォャュョ", ("a", "i", "u", "e", "o", "ya", "yu", "yo"), strict=True))


def hepburn(word: str) -> str:
    """The modified Hepburn reading of a katakana word (a small vowel replaces the vowel
    before it: フェ fe; ャュョ after an i-syllable replace its i: キュ kyu; ー repeats the
    vowel; ッ is left out)."""
    out = ""
    for kana in word:
        if kana in _SMALL:
            small = _SMALL[kana]
            joins = small in "aiueo" or out.endswith("i")
            out = (out[:-1] if joins and out else out) + small
        elif kana == "ー":
            out += out[-1:]
        else:
            out += _HEPBURN.get(kana, "")
    return out


_AS_HEARD = (
    (r"ph", "f"),
    (r"th", "t"),
    (r"ck", "k"),
    (r"qu", "k"),
    (r"x", "ks"),
    (r"c(?=[eiy])", "s"),
    (r"c", "k"),
    (r"l", "r"),
    (r"v", "b"),
    (r"y", "i"),
    (r"(.)\1", r"\1"),
)


_SYLLABLES = ((r"shi", "si"), (r"chi", "ti"), (r"tsu", "tu"), (r"ji", "di"))
"""Hepburn's spellings of the syllables that stand for English si, ti, tu, di."""


def similarity(word: str, name: str) -> float:
    """How alike the Hepburn reading of a katakana word and an English name are, the name
    written with the letters Japanese hears (l as r, v as b, c as k or s, x as ks, ph as f):
    difflib's ratio ("フルベストラント" furubesutoranto / fulvestrant 0.85; "コントロール"
    kontorooru / the brand Carnitor 0.56)."""
    english = re.sub(r"[^a-z]", "", name.lower())
    for pattern, repl in _AS_HEARD:
        english = re.sub(pattern, repl, english)
    reading = hepburn(word)
    for pattern, repl in _SYLLABLES:
        reading = reading.replace(pattern, repl)
    return difflib.SequenceMatcher(None, reading, english).ratio()


def katakana_drug(word: str) -> str | None:
    """The lexicon drug a katakana word names, or None: the name of the same consonant key
    most like it (:func:`similarity` at least :data:`MIN_SIMILARITY`)."""
    key = katakana_key(word)
    if len(key.lstrip("_")) < MIN_KEY:
        return None
    from dermavigil.terminology.labelled_routes import labelled_routes

    # of two spellings as alike ("methotrexate", "metotrexate"), the one FDA labels
    scored = [
        (similarity(word, name), bool(labelled_routes(name)), name)
        for name in _index().get(key, ())
    ]
    best = max(scored, default=(0.0, False, ""))
    return best[2] if best[0] >= MIN_SIMILARITY else None


_COMPOUND_TAIL = re.compile(r"(?:ボール|アレルギー|ショック)$")
"""Katakana nouns written after a drug's name in one word ("インスリンボール", an insulin ball;
"キシロカインアレルギー"): the drug is the word before them."""


def find_katakana_drugs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, English name) of each katakana word of ``text`` that names a lexicon
    drug (a whole word, or the head of a compound with :data:`_COMPOUND_TAIL`)."""
    out = []
    for run in KATAKANA.finditer(text):
        word = _COMPOUND_TAIL.sub("", run.group(0))
        found = katakana_drug(word)
        if found:
            out.append((run.start(), run.start() + len(word), found))
    return out
