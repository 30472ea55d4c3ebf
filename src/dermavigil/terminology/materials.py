"""Injected materials that are not a medicine: oils and waxes, and filler or implant materials.

*Not made for injection* (:func:`is_material`). A product name is such a material when its
head noun names a class of oily, waxy or hydrocarbon substances: the MeSH descriptors Oils
(D10.627: mineral, vegetable, plant and essential oils), Waxes (D10.967), Paraffin and
Petrolatum (D02.455.326.271), and the words case reports use for them ("liquid paraffin",
"petroleum jelly", "Vaseline", "synthol", a site-enhancement oil, "baby oil"), unless
FDA's labelling table (:mod:`dermavigil.terminology.labelled_routes`) gives the name an
injection route (a soybean-oil emulsion is an intravenous drug). Silicone is left to the
product catalogue and to what the text says of it (docs/annotation.md: liquid silicone
keeps ``approved`` null unless industrial or self-injected). docs/annotation.md: such
materials are category ``other``, and "paraffin, synthol and oils are false even when the
injector is not named".

*Filler and implant materials* (:func:`find_filler_materials`): the soft-tissue filler
materials outside the catalogue's families (hyaluronic acid, PLLA, CaHA, PMMA), as the
reviews of filler materials name and classify them (Attenello NH, Maas CS, "Injectable
fillers: review of material and properties", Facial Plast Surg 2015;31:29-34; "Permanent
soft tissue fillers", Facial Plast Surg 2011, doi:10.1055/s-0031-1298787; Christensen L,
"Normal and pathologic tissue reactions to soft tissue gel fillers", Dermatol Surg
2007;33:S168-75): permanent gels (polyacrylamide hydrogel and its brands, polyalkylimide,
liquid silicone), slowly degradable polymers (polycaprolactone; polydioxanone and other
lifting threads, when named as what was put in:
:func:`dermavigil.literature.extract.suspect_roles.material_exposure`),
animal collagen, hydroxyethyl methacrylate and autologous fat. docs/annotation.md files
them under category ``other`` ("polyacrylamide gel, PMMA, polycaprolactone and autologous
fat are category other").
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import INJECTION_ROUTES
from dermavigil.terminology.drugs import CAUSE_SUFFIX

_HEAD = re.compile(
    r"(?:\b(?:oils?|paraffin(?:s|um|oma)?|petrolatum|petroleum[- ]jelly|jelly"
    r"|vaseline|synthol|grease|lanolin|kerosene|ghee|lard)|wax(?:es)?)$",
    re.I,
)
"""The head noun (last word) of a material name; "paraffinum liquidum" ends in its
adjective and is caught by :data:`_ANY`."""
_ANY = re.compile(
    r"\b(?:paraffin\w*|petrolatum|petroleum|vaseline|synthol|(?:elemental |metallic )?mercury"
    r"|quicksilver|vitamin[\s-]E|(?:alpha-?)?tocopher\w*)\b",
    re.I,
)
"""Names that are a material wherever the word stands ("paraffinum liquidum"; metallic
mercury, which no labelling gives an injection route; vitamin E, tocopherol, an oily liquid
sold in capsules and cosmetic oils, with no injectable product in FDA's listing: injected,
it is an oil, docs/annotation.md r588, r590, s035)."""
_NOT = re.compile(r"\bsilicone\b", re.I)

_FILLER_MATERIALS = (
    r"poly-?acryl-?amide(?:[\s-]+(?:hydro-?)?gels?)?|(?-i:PAAG|PAHG)"
    r"|poly-?alkyl-?imide(?:[\s-]+gels?)?"
    r"|poly-?caprolactone(?:[\s-]+based)?(?:[\s-]+(?:dermal\s+)?fillers?)?|(?-i:PCL)(?:\s+fillers?)?"
    r"|poly-?dioxanone(?:[\s-]+(?:threads?|sutures?))?|(?-i:PDO)(?:[\s-]+threads?)?"
    r"|(?:autologous|autogenous)\s+(?:(?:micro|nano)-?)?fat(?:[\s-]+(?:grafts?|grafting|transfer"
    r"|transplant\w*))?"
    r"|(?:(?:micro|nano)-?)?fat[\s-]+(?:grafting|grafts?|transfer)"
    r"|(?:(?:micro|nano)-?)?fat(?=[\s-]+(?:injections?|infiltrations?))"
    r"|lipo-?filling|lipo-?transfer|lipo-?structure|thread[\s-]lift(?:ing)?"
    r"|(?:(?:barbed|cog(?:ged)?|absorbable|resorbable|non-?absorbable|lifting|suspension|facial"
    r"|polylactic(?:[\s-]acid)?|PLLA|polypropylene|gold)\s+)*threads?"
    r"|hydrogel(?:\s+fillers?)?"
    r"|(?:(?:liquid|injectable|medical[- ]grade|industrial(?:[- ](?:strength|grade))?"
    r"|non-?medical(?:[- ]grade)?)\s+)*silicone(?:\s+(?:oil|fluid|gel))?"
    r"|poly-?dimethyl-?siloxane|dimethicone"
    r"|(?:bovine|porcine)\s+collagen|hydroxy-?ethyl[\s-]?methacrylate"
    r"|Aquamid|Amazingel|Interfall|Bio-?Alcamid|Argiform|Bioformacryl|Formacryl|Aquafilling"
    r"|Los\s+Deline|Ellans[eé]|Dermalive|Dermadeep|Zyderm|Zyplast|Evolence|Adatosil"
    r"|carbo(?:xy|xi)-?t(?:h)?[eé]rap(?:y|ie|ia)|bio-?polymers?"
    r"|(?:(?:medical|oxygen)[\s-]+)?ozone(?:[\s-]+(?:therapy|injections?))?"
)
_FILLER = re.compile(rf"(?<![\w-])(?:{_FILLER_MATERIALS})(?:(?![\w-])|(?={CAUSE_SUFFIX}))", re.I)
"""Filler and implant material names: chemical names with their usual abbreviations
(PAAG, PCL, PDO), the gel's brands the reviews list (Aquamid, Amazingel, Bio-Alcamid,
Argiform; Aquafilling and Los Deline are the breast gels), fat by its grafting words;
"biopolymers", the Latin American name of illicitly injected oils and silicones (as
"biopolímeros" below); carboxytherapy, carbon dioxide gas injected under the skin (the gas
is the material injected, docs/annotation.md: carboxytherapy is "carbon dioxide", ``other``;
not mesotherapy); ozone, the oxygen-ozone gas mixture injected into a disc, a joint or under
the skin (docs/annotation.md, the y0xx decisions: ozone and oxygen-ozone therapy are
``other``)."""


def find_filler_materials(text: str) -> list[tuple[int, int, str]]:
    """Filler and implant materials named in ``text`` (start, end, name), in text order."""
    return [(m.start(), m.end(), m.group(0)) for m in _FILLER.finditer(text)]


def is_filler_material(name: str) -> bool:
    """Whether ``name`` names a filler or implant material (not a medicine)."""
    return bool(_FILLER.search(name))


def is_material(name: str) -> bool:
    """Whether ``name`` is an oil, paraffin, petrolatum, wax or the like that no labelling
    gives an injection route: category ``other``, never made for injection."""
    from dermavigil.terminology.labelled_routes import labelled_routes

    text = " ".join(name.split())
    if not text or _NOT.search(text) or not (_HEAD.search(text) or _ANY.search(text)):
        return False
    return not (labelled_routes(text) & INJECTION_ROUTES)


_FOREIGN_FILLERS = (
    r"(?:produits?|injections?|mat[ée]riaux?)\s+de\s+comblement(?:\s+(?:faciaux|dermiques))?"
    r"|(?:materiale?s?\s+de\s+)?rellenos?(?:\s+(?:d[ée]rmicos?|faciales?|cosm[ée]ticos?))?"
    r"|preenchimentos?(?:\s+(?:d[ée]rmicos?|faciais|faciale?s?|cut[âa]neos?))?"
    r"|preenchedore?s?(?:\s+d[ée]rmicos?)?"
    r"|riempitivi?(?:\s+dermici?)?|F[üu]llmaterial\w*|F[üu]llsubstanz\w*"
    r"|silicona(?:\s+l[íi]quida)?(?:\s+industrial)?"
    r"|silicone\s+(?:(?:l[íi]quido|liquide|liquido)(?:\s+industri(?:al|el|ale))?|industrial)"
    r"|fl[üu]ssig\w*\s+Silikon|Silikon[öo]l"
    r"|biopol[íi]meros?|ozono(?:\s+medicale)?|ozon(?:\s+(?:tedavisi|terapi|enjeksiyonu))?"
)
_FOREIGN_FILLER = re.compile(rf"(?<![\w-])(?:{_FOREIGN_FILLERS})(?![\w-])", re.I)
_CJK_FILLER = re.compile(
    r"[\uac00-\ud7a3]*(?:주입물|필러)|실리콘|填充(?:剂|物|材料)|奥美定|フィラー"
)
"""Filler materials named without their family in Spanish, Portuguese, French, Italian,
German, Korean, Chinese and Japanese texts: the words these languages' dermatology journals
use for a filler of unnamed material ("relleno", "preenchimento dérmico", "produits de
comblement", "riempitivo", "Füllmaterial", 필러, 填充剂, フィラー; a Korean compound noun ends in
its head, so "콜라겐함유피부주입물", collagen-containing skin injectable, is read whole) and
for liquid or industrial silicone and biopolymers: category ``other`` like their English
names (docs/annotation.md, t0xx decisions: an unnamed injected material is ``other`` under
the text's word)."""


_MATERIAL_WORD = re.compile(r"silic|biopol|silikon|실리콘|奥美定", re.I)


def find_foreign_fillers(text: str) -> list[tuple[int, int, str]]:
    """Filler materials named in another language's words (start, end, name): the named
    materials (silicone, biopolymers) first, then the words for a filler, each in text
    order."""
    found = [(m.start(), m.end(), m.group(0)) for m in _FOREIGN_FILLER.finditer(text)]
    found += [(m.start(), m.end(), m.group(0)) for m in _CJK_FILLER.finditer(text)]
    return sorted(found, key=lambda f: (not _MATERIAL_WORD.search(f[2]), f[0]))
