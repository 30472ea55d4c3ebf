"""Product-category detection from product names and report text.

Aesthetic products are reported under brand names, generic names or family
words. Each :class:`~dermavigil.domain.vocab.ProductCategory` has a list of
regular expressions (generic terms and well-known brands, e.g. Juvederm and
Restylane for hyaluronic-acid fillers, Sculptra for PLLA, Radiesse for CaHA,
Rejuran for polynucleotides, Botox/Dysport/Xeomin for botulinum toxin A,
Kybella for deoxycholic acid), and the family names of texts in Spanish, Portuguese,
French, Italian and German ("toxina botulínica", "ácido hialurônico", "metacrilato":
docs/annotation.md keeps product names as the text spells them), and of Chinese, Japanese
and Korean (:data:`_CJK`). :func:`find_products` returns every mention
with its character span, most specific category first when mentions
overlap (an "HA filler" beats the bare word "filler").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.domain.vocab import ProductCategory
from dermavigil.terminology.drugs import CAUSE_SUFFIX

_C = ProductCategory
_PATTERNS: tuple[tuple[ProductCategory, str], ...] = (
    (
        _C.exosome,
        r"(?:(?:lyophili[sz]ed|freeze[- ]dried)\s+)?(?:stem[- ]cell[- ]derived\s+)?"
        r"exosomes?(?:\s+(?:product|solution|serum|powder)s?)?|extracellular vesicles?",
    ),
    (
        _C.polynucleotide,
        r"polynucleotides?(?:\s+(?:filler|product|injection)s?)?|PDRN|polydeoxyribonucleotides?"
        r"|salmon[- ]DNA|Rejuran",
    ),
    (
        _C.botulinum_toxin,
        r"(?:botulin(?:um|ic|im|un))\s+(?:neuro)?toxin(?:\s+type[\s-]+A)?"
        r"|(?:ona|abo|inco|prabo|letibo|daxi|rima)botulinumtoxin[\s-]?[AB]"
        r"|botulinum(?=\s+(?:injections?|treatments?))|BoNT-?A|BTX-?A|(?-i:BTA)"
        r"|toxina\s+botul[ií]nica(?:\s+(?:tipo\s+)?A)?|toxine\s+botulique|tossina\s+botulinica"
        r"|Botulinumtoxin(?:\s+(?:Typ\s+)?A)?"
        r"|Botox|Dysport|Xeomin"
        r"|Jeuveau|Daxxify|Letybo",
    ),
    (
        _C.plla,
        r"(?:poly\((?:D,\s?)?L-lactic acid\)|poly[- ]?\(?(?:D,\s?)?L\)?[- ]?lactic acid)"
        r"(?:\s+filler)?|P(?:D)?LLA|Sculptra",
    ),
    (
        _C.caha,
        r"(?:calcium )?hydroxy(?:l)?apatite(?:\s+(?:filler|particles|microspheres))?|CaHA"
        r"|Radiesse",
    ),
    (
        _C.pmma,
        r"(?:poly[- ]?)?methyl[- ]?methacrylate(?:\s+(?:filler|microspheres))?|PMMA|Bellafill"
        r"|Arte[Ff]ill|Artecoll|(?:poli[- ]?)?(?:metil[- ]?)?metacrilato(?:\s+de\s+metila)?"
        r"|polym[ée]thacrylate\s+de\s+m[ée]thyle|polimetilmetacrilato|Polymethylmethacrylat",
    ),
    (
        _C.skin_booster,
        r"skin[- ]?boosters?|Restylane\s+(?:Skinboosters\s+)?Vital|Profhilo|Skinvive",
    ),
    (
        _C.ha_filler,
        r"(?:cross[- ]linked\s+)?hyaluronic acid(?:\s+(?:dermal\s+)?fillers?)?|HA\s+(?:dermal\s+)?"
        r"fillers?|(?:hyaluronic|hyaluronan|HA)(?:[\s-]+based)?\s+(?:dermal\s+)?(?:fillers?|gels?)"
        r"|Juv[eé]derm|Restylane|Belotero|Teosyal|Stylage|Princess\s+Volume|Voluma"
        r"|Macrolane|[áa]cido\s+hialur[óoô]nico|acide\s+hyaluronique|acido\s+ialuronico"
        r"|Hyalurons[äa]ure",
    ),
    (
        _C.prp,
        r"platelet[- ]rich\s+(?:plasma|fibrin)|PRP",
    ),
    (
        _C.mesotherapy,
        r"deoxycholic acid|Kybella|Aqualyx|phosphatidylcholine"
        r"|mesotherapy(?:\s+(?:cocktail|solution))?|lipolytic(?:\s+injections?)?|lipodissolve"
        r"|mesoterapia|m[ée]soth[ée]rapie|Mesotherapie",
    ),
    (
        _C.allergen_immunotherapy,
        r"(?:subcutaneous\s+)?(?:(?:allergen|venom)(?:[\s-]specific)?\s+|specific\s+)?immunotherapy"
        r"|allergen extracts?|SCIT"
        r"|desensiti[sz]ation injections?|hyposensiti[sz]ation injections?"
        r"|(?:allerg(?:en|oid|y)|(?:house[- ]dust[- ])?mites?|pollens?|venom|grass|ragweed)"
        r"(?:[\s-]+[\w-]+){0,2}?[\s-]+vaccines?|allergy (?:shots|injections)"
        r"|(?:de|hypo)sensiti[sz](?:ing|ation)\s+vaccines?"
        r"|vaccines?\s+(?:for|against)\s+(?:[\w-]+\s+){0,2}?(?:de|hypo)sensiti[sz]ation"
        r"|vacunas?\s+(?:de\s+(?:un\s+)?(?:tratamiento\s+)?)?(?:de|hipo)sensibiliza\w*"
        r"|vacinas?\s+(?:de\s+(?:um\s+)?(?:tratamento\s+)?)?(?:des|hipo)sensibiliza\w*",
    ),
    (
        _C.vaccine,
        r"(?:(?:influenza|COVID-19|mRNA|HPV|hepatitis [AB]|BCG|zoster|pneumococcal|tetanus|MMR)"
        r"\s+)?vaccin(?:es?|ation)(?!\s+scars?)",
    ),
    (
        _C.drug,
        r"triamcinolone(?:\s+acetonide)?|buprenorphine(?:\s+extended[- ]release)?|methotrexate"
        r"|insulin(?:\s+glargine)?|enoxaparin|heparin|penicillin G benzathine|benzathine penicillin"
        r"|vitamin K|phytonadione|interferon(?:\s+(?:alfa|beta)(?:-\d[a-z])?)?"
        r"|IFN(?:[\s-]?(?:\u03b2|\u03b1|beta|alfa|alpha))?(?:[\s-]?1[ab])?|adalimumab"
        r"|etanercept|dupilumab|glutathione|tranexamic acid|lidocaine|polidocanol|bleomycin"
        r"|5-fluorouracil|fluorouracil|collagenase|minoxidil|dutasteride|semaglutide|tirzepatide",
    ),
)

_CJK: tuple[tuple[ProductCategory, str], ...] = (
    (_C.ha_filler, r"透明质酸|透明質酸|玻尿酸|ヒアルロン酸|히알루론산"),
    (
        _C.botulinum_toxin,
        r"肉毒(?:杆菌|桿菌)?(?:毒素)?|ボツリヌス(?:毒素|トキシン)?|보툴리눔(?:\s?톡신)?|보톡스",
    ),
    (_C.plla, r"聚左旋乳酸|聚-?L-?乳酸|ポリ-?L-?乳酸"),
    (_C.caha, r"羟基磷灰石钙|羥基磷灰石鈣|羟基磷灰石|ハイドロキシアパタイト"),
    (_C.pmma, r"聚甲基丙烯酸甲酯"),
    (_C.prp, r"富血小板血浆|富血小板血漿|多血小板血漿"),
    (_C.exosome, r"外泌体|エクソソーム|엑소좀"),
    (_C.polynucleotide, r"多聚脱氧核糖核苷酸|多核苷酸|ポリヌクレオチド|폴리뉴클레오티드"),
    (_C.vaccine, r"疫苗|ワクチン|백신"),
)
"""The family names of texts in Chinese, Japanese and Korean (the names of the substances in
these languages' pharmacopoeias and package inserts: 透明质酸 hyaluronic acid, 肉毒毒素
botulinum toxin, 聚左旋乳酸 poly-L-lactic acid, 羟基磷灰石钙 calcium hydroxylapatite, ...).
These scripts write no spaces between words, so the names are found wherever they stand."""

_TURKISH: tuple[tuple[ProductCategory, str], ...] = (
    (_C.ha_filler, r"h[iy]+al[uü]ronik asit"),
    (_C.botulinum_toxin, r"botulinum toksin|botoks"),
    (_C.plla, r"poli-?l-?laktik asit"),
    (_C.caha, r"kalsiyum hidroksi-?l?apatit"),
    (_C.pmma, r"polimetil-?metakrilat"),
    (_C.prp, r"trombositten zengin plazma"),
)
"""The family names of texts in Turkish (the Turkish spellings of hyaluronic acid, botulinum
toxin, poly-L-lactic acid, ...), with the suffixes a Turkish noun takes ("botoksu",
"hiyalüronik asit dolgusu")."""

_SPACE = re.compile(r"(?<=[A-Za-z]) (?=[A-Za-z])")
_GAP, _JOINED = r"\s+", r"[\s-]+"
"""A pattern's gap between words (:data:`_SPACE` is its literal space), and the gap that
lets a hyphen join them too."""
_MADE_OF = r"-(?:based|derived)\s+(?:[\w-]+\s+){0,2}?(?:fillers?|gels?)\b"
"""A hyphenated participle that names what a filler is made of ("a hyaluronic acid-derived
dermal filler", "hyaluronic acid-based gel"): the name before it is the filler's material
(a family named after it, "HA-based skin booster", keeps its own name)."""
_COMPILED: tuple[tuple[ProductCategory, re.Pattern[str]], ...] = (
    tuple(
        # words of a name may be joined by a hyphen as well as a space ("benzathine-penicillin",
        # "BCG-vaccination")
        (
            category,
            re.compile(
                rf"(?<![\w-])(?:{_SPACE.sub('[ -]', pattern).replace(_GAP, _JOINED)})"
                rf"(?:(?![\w-])|(?={CAUSE_SUFFIX})|(?={_MADE_OF}))",
                re.I,
            ),
        )
        for category, pattern in _PATTERNS
    )
    + tuple((category, re.compile(pattern)) for category, pattern in _CJK)
    + tuple(
        (category, re.compile(rf"(?<![\w-])(?:{pattern})", re.I)) for category, pattern in _TURKISH
    )
)


@dataclass(frozen=True)
class ProductMention:
    """A product named in a text, its category and where it is."""

    text: str
    category: ProductCategory
    start: int
    end: int


def find_products(text: str) -> list[ProductMention]:
    """Every product mention, in text order, overlapping mentions resolved.

    Among overlapping mentions the earlier pattern list entry (more specific
    family) wins, then the longer span.
    """
    candidates: list[tuple[int, ProductMention]] = []
    for rank, (category, pattern) in enumerate(_COMPILED):
        for match in pattern.finditer(text):
            mention = ProductMention(match.group(0).strip(), category, match.start(), match.end())
            candidates.append((rank, mention))
    candidates.sort(key=lambda item: (item[0], -(item[1].end - item[1].start)))
    chosen: list[ProductMention] = []
    for _, mention in candidates:
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def categorize(name: str) -> ProductCategory:
    """The category of a product name; ``other`` when no family word is found."""
    mentions = find_products(name)
    return mentions[0].category if mentions else ProductCategory.other
