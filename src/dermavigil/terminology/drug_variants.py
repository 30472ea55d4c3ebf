"""Other names of the lexicon's drugs: British and European names, skin-test antigens.

The lexicon (:mod:`.drugs`) is built from FDA data and spells drugs the US way (USAN).
Case reports from elsewhere write:

- the British Approved Names used before the UK moved to the recommended INNs, and the
  INNs where the US kept its own name ("lignocaine", "adrenaline", "frusemide",
  "pethidine", "glibenclamide"): MHRA, *Changes to British Approved Names* (the BAN to rINN
  list), and the USAN Council's list of names that differ from the INN
  (:data:`VARIANTS`, each mapped to the lexicon's name);
- British spellings the lexicon lacks, by rule: "sulph" for "sulf", "oe" and "ae" for "e"
  ("sulphasalazine", "oestradiol", "haemin"; :func:`variant_of`);
- common names of a biologic, from its MeSH entry terms ("recombinant human growth hormone":
  somatropin; :data:`COMMON_NAMES`); the INN's words joined by hyphens ("certolizumab-pegol");
- Greek letters in biologics' names (also the letters themselves: "interferon-\u03b1-2b")
  spelled as the INN spells them ("alfa", "beta", "gamma": WHO, *Guidelines on the use of
  INNs for pharmaceutical substances*, and the INN names of the interferons, "interferon
  gamma-1b") where texts write "interferon-gamma", "interferon alpha" or the Spanish and
  Portuguese "gama": the lexicon name the spelling begins (:func:`greek_variant`);
- dehydrated alcohol for injection under its INN, ethanol (:data:`ETHANOL`);
- the biologics FDA licenses through CBER that the Drugs@FDA and FAERS extracts miss: the
  skin-test antigens (tuberculin purified protein derivative, Tubersol and Aplisol; Candida
  albicans skin test antigen, Candin; Spherusol, coccidioidin): :data:`SKIN_TEST_ANTIGENS`;
  and the antivenoms (:data:`ANTIVENOMS`); the unlicensed tanning peptides
  (:data:`TANNING_PEPTIDES`); the diagnostic dyes the extracts lack (:data:`DIAGNOSTIC_DYES`).
"""

from __future__ import annotations

import re

VARIANTS: dict[str, str] = {
    "lignocaine": "lidocaine", "adrenaline": "epinephrine", "noradrenaline": "norepinephrine",
    "frusemide": "furosemide", "amoxycillin": "amoxicillin", "benzylpenicillin": "penicillin g",
    "phenoxymethylpenicillin": "penicillin v", "cefalexin": "cephalexin",
    "cefalotin": "cephalothin", "pethidine": "meperidine", "isoprenaline": "isoproterenol",
    "bendrofluazide": "bendroflumethiazide", "chlorphenamine": "chlorpheniramine",
    "thiopentone": "thiopental", "sodium cromoglicate": "cromolyn sodium",
    "dicycloverine": "dicyclomine", "dexamfetamine": "dextroamphetamine",
    "amfetamine": "amphetamine", "clomifene": "clomiphene", "phytomenadione": "phytonadione",
    "suxamethonium": "succinylcholine", "tetracosactide": "cosyntropin",
    "eformoterol": "formoterol", "procaine benzylpenicillin": "penicillin g procaine",
    "benzathine benzylpenicillin": "penicillin g benzathine", "dimeticone": "dimethicone",
    "methylthioninium chloride": "methylene blue", "desferrioxamine": "deferoxamine",
    "benzhexol": "trihexyphenidyl", "indometacin": "indomethacin",
    "glibenclamide": "glyburide", "orciprenaline": "metaproterenol",
    "testosterone enantate": "testosterone enanthate", "phenobarbitone": "phenobarbital",
    "quinalbarbitone": "secobarbital", "cinchocaine": "dibucaine", "amethocaine": "tetracaine",
    "oxybuprocaine": "benoxinate", "salbutamol": "albuterol", "paracetamol": "acetaminophen",
    "rifampicin": "rifampin", "ciclosporin": "cyclosporine", "glyceryl trinitrate": "nitroglycerin",
    "hyoscine": "scopolamine", "thyroxine": "levothyroxine", "metamizole": "dipyrone",
    "mantoux": "tuberculin", "methylamphetamine": "methamphetamine",
}  # fmt: skip
"""British Approved Names before the rINNs and INNs the US names otherwise -> the lexicon's
name (only names the lexicon lacks; it holds some INNs as well, e.g. paracetamol); and the
eponym of the tuberculin skin test (the Mantoux test is the intradermal injection of
tuberculin purified protein derivative: CDC, *Tuberculin Skin Testing*)."""

COMMON_NAMES: dict[str, str] = {
    "growth hormone": "somatropin", "human growth hormone": "somatropin",
    "recombinant growth hormone": "somatropin",
    "recombinant human growth hormone": "somatropin",
}  # fmt: skip
"""Common names of a lexicon biologic, from the MeSH entry terms of its descriptor (Human
Growth Hormone, D019382: "Growth Hormone, Human", "Somatropin", "Recombinant Human Growth
Hormone"): case reports name the hormone so ("recombinant human growth hormone (rhGH)")."""

ETHANOL = frozenset({"ethanol", "dehydrated alcohol", "dehydrated ethanol", "absolute ethanol"})
"""Dehydrated alcohol for injection (Drugs@FDA ingredient "ALCOHOL", labelled for
intra-arterial and parenteral use: an ablative agent and sclerosant, e.g. Ablysinol, NDA
207987), under its INN "ethanol" and its label name; the lexicon build drops "alcohol" as an
everyday word (a patient's drinking is no drug exposure), so only these names are added."""

SKIN_TEST_ANTIGENS = frozenset(
    {
        "tuberculin", "tuberculin purified protein derivative", "purified protein derivative",
        "candida antigen", "candida albicans skin test antigen", "candin", "coccidioidin",
        "spherusol",
    }
)  # fmt: skip
"""CBER-licensed skin-test antigens (FDA, Licensed Biological Products), by their names and
brands: given intradermally for a skin test, or into a wart as immunotherapy."""

TANNING_PEPTIDES = frozenset(
    {"melanotan", "melanotan i", "melanotan-i", "melanotan 1", "melanotan ii", "melanotan-ii",
     "melanotan 2", "melanotan-2"}
)  # fmt: skip
"""The melanocortin peptides sold without a licence as 'tanning jabs' and self-injected
(Melanotan I, the development name of afamelanotide, and Melanotan II, which has no INN; MHRA
and FDA warnings against them): drugs no FAERS or Drugs@FDA extract names so."""

ANTIVENOMS = frozenset(
    {
        "antivenom", "antivenoms", "antivenin", "antivenins", "antivenene", "snake antivenom",
        "crofab", "anavip", "anascorp",
    }
)  # fmt: skip
"""CBER-licensed antivenoms (FDA, Licensed Biological Products: CroFab, Crotalidae polyvalent
immune Fab; Anavip and Anascorp, F(ab')2 antivenoms) and their common names, which the FAERS
and Drugs@FDA extracts lack: equine or ovine immunoglobulins given intravenously, a drug
whose reactions are reported (anaphylaxis, serum sickness)."""

DIAGNOSTIC_DYES = frozenset(
    {
        "patent blue", "patent blue v", "patent blue dye", "sulfan blue", "blue patent v",
        "fluorescein", "fluorescein sodium", "sodium fluorescein", "indigo carmine",
    }
)  # fmt: skip
"""Dyes injected for diagnosis that the FDA extracts lack or the lexicon build stops: patent
blue V (E131, the sentinel-node and lymphography dye licensed in Europe; "sulphan blue" is
its British name), fluorescein for angiography (dropped from the build's list with the test
words, since "fluorescein angiography" names the test; a dye named as injected or as what the
reaction was to is the exposure) and indigo carmine (indigotindisulfonate): drugs whose
anaphylaxis and skin reactions case reports tell."""

_SPELLING = ((re.compile(r"sulph"), "sulf"), (re.compile(r"^oe|(?<=[a-z])oe"), "e"))
_SPELLING += ((re.compile(r"(?<=[a-z])ae"), "e"),)


_GREEK = {"alpha": "alfa", "alfa": "alfa", "beta": "beta", "gamma": "gamma", "gama": "gamma"}
_GREEK |= {"\u03b1": "alfa", "\u03b2": "beta", "\u03b3": "gamma"}  # the letters themselves
_GREEK_WORD = re.compile(
    r"(?<=[a-z])[- ](alpha|alfa|beta|gamma|gama|\u03b1|\u03b2|\u03b3)(?![a-z])"
)


def greek_variant(phrase: str, names: frozenset[str]) -> str | None:
    """The lexicon name a biologic's name with a Greek letter stands for: the letter spelled as
    the INN spells it, after a space ("interferon-gamma", "interferon gama" -> "interferon
    gamma"), the name itself or the one lexicon name it begins ("interferon gamma-1b"; the
    first in order when several do)."""
    if not _GREEK_WORD.search(phrase):
        return None
    spelled = _GREEK_WORD.sub(lambda m: " " + _GREEK[m.group(1)], phrase)
    if spelled in names:
        return spelled
    longer = sorted(n for n in names if n.startswith((f"{spelled}-", f"{spelled} ")))
    return longer[0] if longer else None


def variant_of(phrase: str, names: frozenset[str]) -> str | None:
    """The lexicon name (in ``names``) a lower-case drug phrase stands for: its own, a BAN or
    INN variant (:data:`VARIANTS`), a common name (:data:`COMMON_NAMES`), the INN's words
    joined by hyphens ("certolizumab-pegol": the INN is "certolizumab pegol"), or its British
    spelling made American."""
    if phrase in names:
        return phrase
    if COMMON_NAMES.get(phrase) in names:
        return COMMON_NAMES[phrase]
    if "-" in phrase and phrase.replace("-", " ") in names:
        return phrase.replace("-", " ")
    if phrase in VARIANTS and VARIANTS[phrase] in names:
        return VARIANTS[phrase]
    if "ph" in phrase or "oe" in phrase or "ae" in phrase:
        spelled = phrase
        for pattern, replacement in _SPELLING:
            spelled = pattern.sub(replacement, spelled)
        if spelled != phrase and spelled in names:
            return spelled
    return greek_variant(phrase, names)
