"""The words a case report in Turkish needs read (the counterpart of :mod:`.foreign_words`).

Written from standard Turkish medical usage (case report phrasing: "33 yaşında kadın hasta",
"hastaneye yatırıldı", "eksitus oldu"), for the text folded to ASCII lower case with the
dotless and dotted i alike (ç ğ ı ö ş ü -> c g i o s u, one character for one). Turkish
words take suffixes ("hastanın", "ağrısı", "iyileşti"): each cue is the start of a word
(:func:`_stems`). Negation follows what it denies ("ateş yoktu", "nekroz saptanmadı",
"ağrısız" aside); the reaction's names the HPO's Turkish synonyms lack are listed here.
English names are what the draft gives (``docs/annotation.md``).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import Outcome, SeriousnessCriterion, Sex
from dermavigil.literature.extract.sentences import Sentence


def given_after(folded: str, sentence: Sentence, start: int) -> bool:
    """Whether the name at ``start`` is the drug given, in Turkish word order: the noun of
    its giving or of a cause after it ("diklofenak enjeksiyonu", "penisilin uygulaması
    sonrası", "diklofenaka bağlı"), or a route word or a giving noun just before it
    ("intramüsküler diklofenak", "enjeksiyonla verilen")."""
    after = folded[start : min(sentence.end, start + 50)]
    before = folded[max(sentence.start, start - 30) : start]
    return bool(_GIVEN_AFTER.match(after) or _ROUTE_BEFORE.search(before))


_GIVEN_AFTER = re.compile(
    r"\w+(?:\s+\w+)?\s+(?:(?:intramuskuler|im|subkutan|intravenoz|intradermal)\s+)?"
    r"(?:enjeksiyon|injeksiyon|uygulama|uygulan|yapil|veril|kullanim|bagli|sonrasi|sonra"
    r"|iliskili|nedeni|kaynakli)"
)
_ROUTE_BEFORE = re.compile(
    r"(?:intramuskuler|\bim|subkutan|intravenoz|intradermal|enjeksiyonla)\s*(?:olarak\s+)?$"
)


def _stems(pattern: str) -> re.Pattern[str]:
    """Words that start with one of ``pattern``'s alternatives, with any suffixes."""
    return re.compile(rf"(?<![\w-])(?:{pattern})\w*")


CASE = _stems(
    r"hasta|olgu|vaka|yasinda|yasindaki|kadin|erkek|basvurdu|basvuran|sunuyoruz|sunulmus"
    r"|sunmak|gelisti|saptandi|izlendi|gozlendi|yatirildi|muayene"
)
"""A sentence about this patient: the patient's nouns, the case's verbs."""
GENERAL = _stems(
    r"giris|amac|yontem|tartisma|anahtar kelime|genellikle|nadir gorulen|olarak tanimlan"
    r"|ayirici tani|gerekir|gerekmektedir|onerilir|dikkat edilmeli|bu calismada"
)
"""A sentence about the condition in general, a recommendation, a differential diagnosis or
a section of the article other than the case."""
NEGATION: dict[str, re.Pattern[str]] = {"tr": _stems(r"herhangi bir|hicbir")}
"""Cues before what they deny ("herhangi bir komplikasyon gelişmedi")."""
NEGATION_AFTER = re.compile(
    r"^\w*\s+(?:\w+\s+)?(?:yok\w*|mevcut degil\w*|negatif\w*"
    r"|(?:saptan|izlen|gozlen|gorul|rastlan|gelis|ol|bulun|gelistir)m[ae](?:di|mis|yan|yen|z)\w*)"
)
"""A denial after its sign: "yok" (there is none), a verb's negative ("nekroz saptanmadı",
"ateş gelişmedi"; the negative suffix -ma/-me, not the noun "gelişmesi"); a sign "-sız"
(without: "ağrısız") is no mention (:data:`REACTIONS`)."""
CLAUSE_END = re.compile(r"[;.:]|(?<![\w-])(?:ancak|fakat|ama)(?![\w-])")
SEX = (
    (Sex.female, _stems(r"kadin|kiz cocu|bayan|kiz hasta")),
    (Sex.male, _stems(r"erkek")),
)
AGE = re.compile(
    r"(?<![\w-])(?P<n>\d{1,3})\s*(?P<unit>yasinda|yasindaki|yas|aylik)(?!\w*\s+(?:ve\s+)?(?:alti|ustu|uzeri))"
)
"""An age: "33 yaşında", "7 aylık" (not "45 yaş altı", a group's bound)."""
AGE_UNITS = {"aylik": "month"}
HISTORY = _stems(r"oykusu|oykulu|bilinen|tanili|tanisiyla izlenen|nedeniyle|sebebiyle")
"""Around a condition the patient had already (a history, a known diagnosis, the reason
for the injection), not a reaction ("astım öyküsü", "bilinen astımı olan", "bel ağrısı
nedeniyle")."""
OUTCOMES = (
    (Outcome.fatal, _stems(r"exitus|eksitus|kaybedildi|hayatini kaybet|vefat|oldu ve|olum ile")),
    (
        Outcome.recovered_with_sequelae,
        _stems(r"sekel|(?:skar|iz|nedbe)\w* birakarak iyiles|skar birak|iz birak|nedbe"),
    ),
    (Outcome.not_recovered, _stems(r"iyilesmedi|duzelmedi|gerilemedi|devam etti|persist")),
    (Outcome.recovered, _stems(r"iyilesti|duzeldi|kayboldu|tamamen gerile|sifa|tam iyiles")),
    (Outcome.recovering, _stems(r"iyilesme|duzelme|gerile|azaldi|hafifle")),
)
"""The last status the case sentences state."""
ADMITTED_SINCE = re.compile(r"(?:yatisi sirasinda|yatisinda)\s*$")
SERIOUS = (
    (SeriousnessCriterion.death, OUTCOMES[0][1]),
    (SeriousnessCriterion.hospitalisation, _stems(r"yatiril|yatarak|hastaneye kaldir|yogun bakim")),
)
_REACTIONS: tuple[tuple[str, str], ...] = (
    (r"nicolau sendrom", "Nicolau syndrome"),
    (r"botulizm", "botulism"),
    (r"cilt nekroz|deri nekroz", "skin necrosis"),
    (r"nekroz", "necrosis"),
    (r"apse", "abscess"),
    (r"seluli", "cellulitis"),
    (r"granulom", "granuloma"),
    (r"nodul", "nodules"),
    (r"sislik|odem", "swelling"),
    (r"korluk|gorme kaybi", "blindness"),
    (r"bas donme", "dizziness"),
    (r"pitoz|ptoz", "ptosis"),
    (r"eritem|kizariklik", "erythema"),
    (r"agri", "pain"),
    (r"kasinti", "pruritus"),
    (r"ulser", "ulcer"),
    (r"urtiker", "urticaria"),
    (r"anafilaksi|anafilaktik", "anaphylaxis"),
    (r"ates", "fever"),
    (r"bulanti", "nausea"),
    (r"kusma", "vomiting"),
    (r"livedo", "livedo reticularis"),
)
REACTIONS = tuple(
    (re.compile(rf"(?<![\w-])(?:{p})\w*(?<!siz)(?<!suz)"), english) for p, english in _REACTIONS
)
"""Reactions the HPO's Turkish synonyms lack or word otherwise, and this domain's diagnoses."""
BIOPSY = _stems(r"biyopsi|histopatolo|patolojik inceleme")
NUMBERS = {"bir": 1, "iki": 2, "uc": 3, "dort": 4, "bes": 5, "alti": 6, "yedi": 7, "sekiz": 8}
NUMBERS |= {"dokuz": 9, "on": 10}
TIME_UNITS = {"dakika": "minute", "saat": "hour", "gun": "day", "hafta": "week", "ay": "month"}
_N = rf"(?P<n>\d+(?:[.,]\d+)?|{'|'.join(NUMBERS)})"
_UNIT = rf"(?P<unit>{'|'.join(TIME_UNITS)})"
ONSETS = (
    re.compile(
        rf"(?<![\w-])(?:enjeksiyon|injeksiyon|uygulama|asilama|asi|tedavi)\w*\s+(?:sonrasi\s+)?"
        rf"{_N}\.?\s*{_UNIT}(?!\w*\s+(?:sure|boyunca))\w*"
    ),
    re.compile(
        rf"(?<![\w-]){_N}\.?\s*{_UNIT}\w*\s+(?:sonra|icinde)\s+[^.;]{{0,80}}?(?<![\w-])"
        r"(?:gelis|olus|basla|ortaya cik|izlen|gozlen)"
    ),
)
"""A latency from the injection: "enjeksiyondan 3 gün sonra", "uygulama sonrası 2. günde",
"2 hafta sonra ... gelişti"."""
_SITES = (
    ("forehead", r"alin(?:da|d[ai]ki|in)?\b"),
    ("glabella", r"glabella"),
    ("eyelid", r"goz kapag"),
    ("nasolabial fold", r"nazolabial"),
    ("lip", r"dudak"),
    ("cheek", r"yanak"),
    ("nose", r"burun|burn"),
    ("chin", r"cene"),
    ("face", r"yuz\b|yuzun|yuze\b|yuz bolge|fasiyal"),
    ("neck", r"boyun|boyn"),
    ("upper arm", r"deltoid"),
    ("arm", r"kol\b|kolun|kola\b|kolda"),
    ("hand", r"el\b|elin|elde\b"),
    ("buttock", r"kalca|gluteal|gluteus"),
    ("thigh", r"uyluk|uylug"),
    ("abdomen", r"karin\b|karnin|karn[ia]\b|abdomen"),
    ("foot", r"ayak|ayag"),
    ("leg", r"bacak|bacag"),
)
SITES_FOUND = tuple((name, re.compile(rf"(?<![\w-])(?:{p})")) for name, p in _SITES)
"""Body sites -> the shipped vocabulary's names (``body_sites.tsv``)."""
TREATED = _stems(
    r"tedavi|verildi|uygulandi|baslandi|basland|recete|yapildi|kullanildi|verilmi|entube"
)
"""A sentence that tells a treatment given."""
TREATMENTS: tuple[tuple[str, str], ...] = (
    (r"hiyaluronidaz|hyaluronidaz", "hyaluronidase"),
    (r"kortikosteroid|steroid", "corticosteroids"),
    (r"antibiyotik", "antibiotics"),
    (r"bronkodilat", "bronchodilator therapy"),
    (r"entube|entubasyon", "intubation"),
    (r"kon[sz]ervatif tedavi", "conservative treatment"),
    (r"antihistaminik", "antihistamines"),
    (r"antitoksin", "botulinum antitoxin"),
    (r"hiperbarik oksijen", "hyperbaric oxygen therapy"),
    (r"debridman", "debridement"),
    (r"cerrahi drenaj|insizyon ve drenaj|kesi ve drenaj", "surgical drainage"),
    (r"drenaj", "drainage"),
    (r"masaj", "massage"),
    (r"greft", "skin graft"),
    (r"eksizyon", "excision"),
    (r"sicak kompres|sicak uygulama", "warm compresses"),
    (r"soguk kompres|soguk uygulama", "cold compresses"),
)
"""Treatment names -> the English name the draft gives."""
ROUTES = (
    ("intramuscular", _stems(r"intramuskuler|kas ici|kas i[cç]i")),
    ("subcutaneous", _stems(r"subkutan|deri alti")),
    ("intradermal", _stems(r"intradermal")),
    ("intravenous", _stems(r"intravenoz|damar ici")),
)
"""Route words near the product given."""
WRONG = _stems(r"yanlislikla|kazara|istemeden|yanlis uygulama|yanlis yol|yerine")
"""A product given by mistake or by another route than meant ("yanlışlıkla", "kazara")."""
