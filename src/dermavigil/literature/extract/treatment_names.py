"""The names of treatments: a lexicon of the treatments of injection complications.

Corticosteroids, hyaluronidase, antibiotics, antihistamines, anticoagulants and
vasodilators, hyperbaric oxygen, surgery, laser and wound care (:data:`TREATMENT`), a
procedure told by its verb ("the abscess was then drained": :data:`PROCEDURE_VERBS`), and
names broken across a PDF line end (:func:`joined_names`). :mod:`.treatment` finds them in
the case sentences; the product finders use :data:`TREATMENT` to tell a treatment from a
suspect.
"""

from __future__ import annotations

import re

from dermavigil.terminology.drugs import drug_names

TREATMENT_WORDS = (
    r"(?:methyl[\u2010\u2011-]?)?prednisol?one|prednisone|dexamethasone|hydrocortisone|betamethasone|clobetasol"
    r"|triamcinolone|(?:systemic |topical |oral |intralesional )?(?:cortico)?steroids?"
    r"|hyaluronidase|antibiotics?|doxycycline|minocycline|cephalexin|cefalexin|amoxicillin"
    r"(?:-clavulanate)?|clindamycin|ciprofloxacin|levofloxacin|clarithromycin|azithromycin"
    r"|vancomycin|antihistamines?|cetirizine|levocetirizine|loratadine|fexofenadine|colchicine"
    r"|dapsone|hydroxychloroquine|methotrexate|cyclosporine|aspirin|heparin|enoxaparin"
    r"|deflazacort|bilastine|clemastine|hydroxyzine|tinzaparin(?: sodium)?|acetylsalicylic acid"
    r"|amoxicillin[- ]clavulan\w*(?: acid)?|primary closure|(?:local )?flap(?: therapy| coverage"
    r"| reconstruction)?|amputation|massaging|fluid (?:expansion|resuscitation)|vasodilators?"
    r"|anticoagula(?:tion|nts?)|physical therapy"
    r"|anti-?tubercul(?:ar|ous) (?:therapy|treatment|drugs)|isoniazid|rifampicin|rifampin"
    r"|sulfamethoxazole[- /]trimethoprim|trimethoprim[- /]sulfamethoxazole|co-?trimoxazole"
    r"|glycyrrhizin|calcium(?: gluconate)?|glucocorticoids?(?: cream| ointment)?"
    r"|nitroglycerin(?: paste)?|sildenafil|alprostadil|hyperbaric oxygen(?: therapy)?"
    r"|(?:surgical )?(?:excision|debridement|drainage)|incision and drainage|laser(?: therapy)?"
    r"|allopurinol|5-fluorouracil|isotretinoin|pyridostigmine|epinephrine|adrenaline"
    r"|botulinum antitoxin|apraclonidine|oxymetazoline|brimonidine|warm compresses?"
    r"|cold compresses?|wound care|acyclovir|valacyclovir"
    r"|fasciotomy|(?:split[- ]thickness )?skin graft(?:ing|s)?|grafting|(?:sterile )?dressings?"
    r"|(?:globe )?massage|aspiration|(?:botulinum )?antitoxin|immunoglobulins?|intubation"
    r"|(?:neuromuscular )?physiotherapy|speech therapy|capsaicin[- ]patch(?:es)?"
    r"|intraocular pressure[- ]lowering agents|corticoids?|cortisone"
    r"|saline dilution(?: therapy)?"
    r"|drain(?:age)? insertion|(?:intranasal )?stent|pulsed dye laser(?: therapy)?"
    r"|surgical (?:intervention|removal|exploration)|serial excision|(?:wound )?irrigation"
    r"|inotropic (?:treatment|support)s?"
    r"|skin approximation|incision|platelet[- ]rich fibrin(?: injections?)?"
    r"|cool compresses?|(?:narcotic |opioid )?analgesics?|pain (?:medications?|relievers?)"
    r"|painkillers?|(?:symptomatic|supportive) (?:treatment|therapy|care|management)"
    r"|intravenous fluids?"
)
TREATMENT = re.compile(rf"(?<![\w\u2010\u2011-])(?:{TREATMENT_WORDS})(?![\w\u2010\u2011-])", re.I)
_ADVERB = r"(?:(?:then|also|subsequently|immediately|promptly|\w+ly) )?"
PROCEDURE_VERBS = (
    (re.compile(rf"\b(?:was|were) {_ADVERB}removed\b", re.I), "surgical removal"),
    (re.compile(rf"\b(?:was|were) {_ADVERB}excised\b", re.I), "excision"),
    (re.compile(rf"\b(?:was|were) {_ADVERB}debrided\b", re.I), "debridement"),
    (re.compile(rf"\b(?:was|were) {_ADVERB}drained\b", re.I), "drainage"),
    (re.compile(r"\b(?:was|were) intubated\b", re.I), "intubation"),
    (re.compile(rf"\b(?:was|were) {_ADVERB}(?:needle[- ])?aspirated\b", re.I), "aspiration"),
    (re.compile(r"\b(?:digitally |manually |gently )?massaged\b", re.I), "massage"),
)
"""A procedure told by its verb ("the mass was surgically removed", "the abscess was then
drained", "massaged"): the treatment's usual name."""
CANONICAL = {"massaging": "massage"}
_GAP = re.compile(r"\b(?=([A-Za-z]{2,})(-\s+|\s-\s*|\s)([A-Za-z]{2,})\b)")


def joined_names(text: str) -> list[tuple[int, int, str]]:
    """Names broken across a PDF line end or a stray space ("predni- sone", "hyaluroni dase").

    Two adjacent letter runs whose concatenation is a treatment (or, across a hyphen, a
    lexicon drug) and neither alone is one are read as that name; the span covers both.
    """
    found = []
    for match in _GAP.finditer(text):
        left, right = match.group(1), match.group(3)
        joined = left + right
        if TREATMENT.fullmatch(left) or TREATMENT.fullmatch(right):
            continue
        hyphen = "-" in match.group(2)
        if len(joined) >= 6 and (
            TREATMENT.fullmatch(joined) or (hyphen and joined.lower() in drug_names())
        ):
            found.append((match.start(1), match.end(3), joined))
    return found
