"""Drug and biologic names from FDA adverse-event data, found in free text.

The lexicon (``data/drug_names.txt``, ~4,700 names) is built by
``scripts/build_drug_lexicon.py`` from the FAERS/AERS and openFDA public
data in ``../shared/data`` (provenance in the file's header); it is not a
hand list. :func:`find_drugs` returns every lexicon name in a text as whole
words (1-4 word phrases, longest first, case-insensitive, no overlaps), so a
drug the aesthetic product patterns do not know (diclofenac, glatiramer
acetate, benzathine penicillin, mupirocin) is recognised as a drug; a word
the lexicon lacks that ends in a WHO INN stem ("cyclizine": -izine) is one
too, and so is an iron complex named by the metal and its ligand ("iron polymaltose"), and an
INN with the ending other languages add ("nadroparine", "heparina": :func:`romance_inn`), a
Latin INN or one without the English final -e ("meropenemum", "clemastin": :func:`inn_form`); a
British or INN name of a lexicon drug ("lignocaine", "adrenaline") is that drug
(:mod:`.drug_variants`, which also adds the CBER skin-test antigens: tuberculin).
Vaccine brands (``data/vaccine_names.txt``, from the same FAERS data and
the VAERS VAX tables) name vaccines (:func:`is_vaccine`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dermavigil.terminology.drug_variants import (
    ANTIVENOMS,
    COMMON_NAMES,
    DIAGNOSTIC_DYES,
    ETHANOL,
    SKIN_TEST_ANTIGENS,
    TANNING_PEPTIDES,
    VARIANTS,
    greek_variant,
    variant_of,
)

CAUSE_SUFFIX = r"-(?:induced|related|associated|mediated|triggered|caused|provoked)\b"
"""A hyphenated participle that names a cause ("vaccine-induced", "diclofenac-related"): the
name before it is a name of its own."""
_WORD = re.compile(rf"[A-Za-z0-9](?:[A-Za-z0-9'\u03b1-\u03b3]|-(?!{CAUSE_SUFFIX[1:]}))*", re.I)
MAX_WORDS = 4


@dataclass(frozen=True)
class DrugMention:
    """A lexicon drug name found in a text, with its span."""

    text: str
    name: str
    start: int
    end: int


def _name_file(name: str) -> frozenset[str]:
    """The names of a packaged list (``data/NAME``): one a line, ``#`` lines are its header."""
    raw = resources.files("dermavigil.terminology").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def drug_names() -> frozenset[str]:
    """The packaged lexicon (lower-case names)."""
    names = _name_file("drug_names.txt") | SKIN_TEST_ANTIGENS | ETHANOL | ANTIVENOMS
    names |= TANNING_PEPTIDES | DIAGNOSTIC_DYES
    return frozenset(names | {v for name in names for v in _salt_first(name)})


_SALT_WORDS = frozenset(
    {
        "benzathine", "procaine", "sodium", "potassium", "calcium", "magnesium",
        "hydrochloride", "acetate", "sulfate", "phosphate", "citrate", "succinate",
    }
)  # fmt: skip


def _salt_first(name: str) -> list[str]:
    """The salt-first spellings of a lexicon name: FAERS writes "penicillin g benzathine" and
    "diclofenac sodium", case reports "benzathine penicillin" and "sodium diclofenac"."""
    words = name.split()
    if len(words) < 2 or words[-1] not in _SALT_WORDS:
        return []
    base = words[:-1]
    out = [" ".join([words[-1], *base])]
    if len(base) == 2 and len(base[1]) == 1:  # "penicillin g benzathine": also without the g
        out.append(f"{words[-1]} {base[0]}")
    return out


_INN_STEMS = (
    "cillin", "cycline", "mycin", "micin", "floxacin", "conazole", "bendazole", "azepam",
    "azolam", "barbital", "caine", "olol", "pril", "sartan", "vastatin", "tidine", "prazole",
    "setron", "triptan", "dipine", "profen", "fenac", "coxib", "parin", "mab", "tinib",
    "navir", "ciclovir", "vudine", "izine", "olone", "asone", "sonide", "dronate", "gliptin",
    "glitazone", "semide", "thiazide", "formin", "oxetine", "triptyline", "peridol", "apine",
    "idone", "azosin", "tropium", "lukast", "limus", "platin", "rubicin", "taxel", "mustine",
    "gestrel", "plase", "relin",
)  # fmt: skip
_INN = re.compile(rf"(?i:[a-z]{{4,}}(?:{'|'.join(_INN_STEMS)}))")
"""A word ending in a common stem of International Nonproprietary Names (WHO, "The use of
stems in the selection of International Nonproprietary Names (INN) for pharmaceutical
substances", WHO/EMP/RHT/TSN/2018.1: -cillin penicillins, -caine local anaesthetics,
-izine antihistamines, -olone/-asone corticosteroids, -mab monoclonal antibodies, -relin
LHRH analogues, ...): a
drug name the FAERS lexicon lacks (cyclizine). Only stems no common English word ends in,
on words of 7 letters or more."""


_SOM = re.compile(r"(?i:som[a-z]*(?:tropin|trogon|pacitan|varatan|trem))")
"""The WHO INN pre-stem "som-" of growth hormone derivatives (somatropin, somatrem,
somapacitan, somatrogon, somavaratan; the same WHO document): a word beginning so and
ending as these names do is a growth hormone the lexicon may lack (the newer long-acting
ones)."""


_IRON = frozenset({"iron", "ferric", "ferrous"})
_LIGAND = re.compile(r"(?i:[a-z]{3,}(?:ose|oside|dextran|ate|maltol))")
"""The carbohydrate or acid ligand that names an iron complex after the metal (iron
sucrose, iron dextran, iron polymaltose, ferric carboxymaltose, ferric derisomaltose, iron
isomaltoside, ferrous gluconate: USAN/INN names the complex by the metal and its ligand);
the lexicon leaves elements out, and the complexes marketed outside the US are not in it."""


def _iron_complex(word: str, following: str) -> bool:
    return word.lower() in _IRON and bool(_LIGAND.fullmatch(following))


_CATIONS = frozenset({"sodium", "potassium", "calcium", "magnesium"})
_ANIONS = frozenset(
    {"chloride", "bicarbonate", "gluconate", "phosphate", "sulfate", "sulphate", "lactate"}
)
"""A salt named by its cation and anion ("potassium chloride", "calcium chloride", "magnesium
sulphate": IUPAC names a salt by its cation, then its anion): the lexicon leaves out names
made only of such words, which are common in other senses alone."""


def _salt(word: str, following: str) -> bool:
    return word.lower() in _CATIONS and following.lower() in _ANIONS


def _variant(phrase: str, names: frozenset[str]) -> str | None:
    """The lexicon name of a British or INN variant (:mod:`.drug_variants`); only phrases
    that can be one are looked at (a known variant, a British spelling)."""
    if phrase in VARIANTS or phrase in COMMON_NAMES or "-" in phrase:
        return variant_of(phrase, names)
    if "ph" in phrase or "oe" in phrase or "ae" in phrase:
        return variant_of(phrase, names)
    if any(g in phrase for g in ("alpha", "alfa", "beta", "gam", "\u03b1", "\u03b2", "\u03b3")):
        return greek_variant(phrase, names)
    return None


_ROMANCE_ENDING = re.compile(r"(?i:[a-z]{6,}[ea])")


def romance_inn(word: str, names: frozenset[str]) -> str | None:
    """The English INN of a drug written with the ending French, Dutch and German (-e) or
    Spanish, Portuguese and Italian (-a) add to it ("nadroparine", "enoxaparina", "heparina":
    WHO, *Guidelines on the use of INNs*, the INNs in each official language): the word
    without that ending when it is a lexicon name or ends in an INN stem."""
    if not _ROMANCE_ENDING.fullmatch(word):
        return None
    stem = word[:-1].lower()
    return stem if stem in names or _INN.fullmatch(stem) else None


_LATIN_ENDING = re.compile(r"(?i:[a-z]{5,}um)")
_GERMAN_ENDING = re.compile(r"(?i:[a-z]{6,}(?:in|ol|id|am|at|on))")


def inn_form(word: str, names: frozenset[str]) -> str | None:
    """The English INN of a drug written in its Latin INN ("meropenemum", "linezolidum",
    "clemastinum": the Latin name adds -um to the English one, replacing a final -e) or in
    the German or Slavic form that drops the English final -e ("clemastin", "metamizol";
    WHO, *Guidelines on the use of INNs*, the Latin INN and the INNs in each language): the
    name with the English ending when it is a lexicon name, else None."""
    lower = word.lower()
    if _LATIN_ENDING.fullmatch(word):
        stem = lower[:-2]
        return next((n for n in (stem, f"{stem}e") if n in names), None)
    if _GERMAN_ENDING.fullmatch(word) and f"{lower}e" in names:
        return f"{lower}e"
    return None


_LOCANT = re.compile(r"\d+(?:,\d+)*-(?=[a-z]{4})", re.I)


def _without_locant(word: str, names: frozenset[str]) -> str | None:
    """A lexicon name written with the locant of its chemical name before it ("5-azacitidine"
    for azacitidine: IUPAC numbering of the ring position); the name after the locant."""
    locant = _LOCANT.match(word)
    rest = word[locant.end() :].lower() if locant else ""
    return rest if rest in names else None


def _combination(word: str, names: frozenset[str]) -> bool:
    """A fixed combination written as its drugs' names joined by hyphens ("heparin-
    dihydroergotamine", "lidocaine-epinephrine"; the USAN and INN practice for combination
    products, each component by its own name): every part a lexicon name of 4 letters or
    more, none an aesthetic product family ("Botox-lidocaine" mixes a toxin with a drug: two
    products, not one drug)."""
    from dermavigil.domain.vocab import ProductCategory
    from dermavigil.terminology.products import find_products

    parts = word.lower().split("-")
    return (
        len(parts) > 1
        and all(len(p) >= 4 and p in names for p in parts)
        and not any(m.category is not ProductCategory.drug for p in parts for m in find_products(p))
    )


def find_drugs(text: str) -> list[DrugMention]:
    """Lexicon names in ``text``, in text order, the longest phrase winning at each place;
    a word the lexicon lacks that ends in an INN stem (:data:`_INN`) is a drug name too."""
    names = drug_names()
    words = list(_WORD.finditer(text))
    found: list[DrugMention] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            start, end = words[i].start(), words[i + size - 1].end()
            phrase = " ".join(w.group(0).lower() for w in words[i : i + size])
            name = phrase if phrase in names else _variant(phrase, names)
            if name:
                found.append(DrugMention(text[start:end], name, start, end))
                i += size
                break
        else:
            word = words[i].group(0)
            if i + 1 < len(words) and (
                _iron_complex(word, words[i + 1].group(0)) or _salt(word, words[i + 1].group(0))
            ):
                start, end = words[i].start(), words[i + 1].end()
                phrase = f"{word} {words[i + 1].group(0)}"
                found.append(DrugMention(text[start:end], phrase.lower(), start, end))
                i += 2
                continue
            inn_stem = len(word) >= 7 and bool(_INN.fullmatch(word) or _SOM.fullmatch(word))
            if inn_stem or _combination(word, names):
                found.append(DrugMention(word, word.lower(), words[i].start(), words[i].end()))
            elif (
                inn := romance_inn(word, names)
                or inn_form(word, names)
                or _without_locant(word, names)
            ) is not None:
                found.append(DrugMention(word, inn, words[i].start(), words[i].end()))
            i += 1
    return found


@lru_cache(maxsize=1)
def vaccine_codes() -> frozenset[str]:
    """VAERS vaccine type codes (``TDAP``, ``DTAP``, ``BCG``, ``MMR``; VAERS Data Use Guide,
    CDC/FDA, sections 4.2 and 5.2), read from the table the signals package ships
    (``dermavigil/signals/data/vaers_vax_types.csv``): a lexicon name that is one of them
    names a vaccine, not a drug."""
    raw = (
        resources.files("dermavigil.signals")
        .joinpath("data/vaers_vax_types.csv")
        .read_text(encoding="utf-8")
    )
    rows = [line for line in raw.splitlines() if line and not line.startswith("#")]
    return frozenset(line.split(",", 1)[0].upper() for line in rows[1:])


@lru_cache(maxsize=1)
def vaccine_names() -> frozenset[str]:
    """Vaccine names and brands (``data/vaccine_names.txt``, built with the lexicon from the
    FAERS rows that say vaccine or toxoid and the VAERS VAX_NAME brands): "Gardasil",
    "Boostrix", "Fluzone" name vaccines, not drugs."""
    return _name_file("vaccine_names.txt")


def is_vaccine(name: str) -> bool:
    """A drug name that names a vaccine: it says so, it is a VAERS vaccine type code, or a
    vaccine name or brand of the FAERS/VAERS data."""
    lower = " ".join(name.lower().split())
    return "vaccin" in lower or name.strip().upper() in vaccine_codes() or lower in vaccine_names()
