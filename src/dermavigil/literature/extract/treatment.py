"""Treatments given for the reaction: drug or procedure, route, duration, response.

A lexicon of treatments used for injection complications (corticosteroids,
hyaluronidase, antibiotics, antihistamines, anticoagulants and vasodilators,
hyperbaric oxygen, surgery, laser) found in patient sentences that carry a
treatment cue ("treated with", "was administered", "received", "prescribed",
"managed with"). The route is the route word just before the drug ("oral
prednisolone"); the duration is "for (a duration of) N days/weeks".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.domain.vocab import ProductCategory, Route
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.numbers import number_value
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.drugs import find_drugs
from dermavigil.terminology.products import categorize

TREATMENT_WORDS = (
    r"(?:methyl)?prednisol?one|prednisone|dexamethasone|hydrocortisone|betamethasone|clobetasol"
    r"|triamcinolone|(?:systemic |topical |oral |intralesional )?(?:cortico)?steroids?"
    r"|hyaluronidase|antibiotics?|doxycycline|minocycline|cephalexin|cefalexin|amoxicillin"
    r"(?:-clavulanate)?|clindamycin|ciprofloxacin|levofloxacin|clarithromycin|azithromycin"
    r"|vancomycin|antihistamines?|cetirizine|levocetirizine|loratadine|fexofenadine|colchicine"
    r"|dapsone|hydroxychloroquine|methotrexate|cyclosporine|aspirin|heparin|enoxaparin"
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
    r"|surgical (?:intervention|removal|exploration)|serial excision"
    r"|inotropic (?:treatment|support)s?"
    r"|skin approximation|incision|platelet[- ]rich fibrin(?: injections?)?"
)
TREATMENT = re.compile(rf"(?<![\w-])(?:{TREATMENT_WORDS})(?![\w-])", re.I)
_CUE = re.compile(
    r"\b(?:treat\w*|administ\w*|receiv\w*|prescrib\w*|managed|manage\w*|given|started|initiated"
    r"|required|underwent|responded|therapy|course|improved with|resolved with|healed with"
    r"|regressed with|resolved after|improved after|including|involved|sittings?|performed"
    r"|achieved|was made|strategy|advised|undergo|led to|relieve|added|regimen|followed up"
    r"|was (?:debrided|excised|drained))\b",
    re.I,
)
_ROUTE_BEFORE = re.compile(
    r"(oral|topical|intravenous|intralesional|intramuscular|subcutaneous|systemic)\s+(?:\w+\s+)?$",
    re.I,
)
_DURATION = re.compile(
    r"\bfor\s+(?:a\s+(?:duration|period|course)\s+of\s+)?(?P<n>\d+(?:\.\d+)?|[a-z]+)[\s-]+"
    r"(?P<unit>day|week|month)s?\b",
    re.I,
)
_RESPONSE = re.compile(
    r"\b(?:(?:notable|marked|significant|gradual|rapid|complete|partial)\s+)?"
    r"(?:improvement|improved|resolution|resolved|healed|subsided|regressed|no response|"
    r"did not respond|failed)\b",
    re.I,
)
_LEAD = re.compile(r"(?:after|following|with|on|under)\b[^,]{0,40},\s*", re.I)
_ROUTES = {
    "oral": Route.oral,
    "topical": Route.topical,
    "intravenous": Route.intravenous,
    "intralesional": Route.intralesional,
    "intramuscular": Route.intramuscular,
    "subcutaneous": Route.subcutaneous,
}


@dataclass(frozen=True)
class _Match:
    """A treatment name in a sentence (the part of ``re.Match`` the loop reads)."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.text

    @classmethod
    def all(cls, text: str, suspects: frozenset[str]) -> list[_Match]:
        return [cls(*m) for m in _matches(text, suspects)]


@dataclass
class TreatmentFact:
    """A treatment with its evidence spans (keys: drug, route, duration, response)."""

    drug: str
    route: Route | None = None
    duration: Duration | None = None
    response: str | None = None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _matches(text: str, suspects: frozenset[str]) -> list[tuple[int, int, str]]:
    """Treatment-lexicon matches, then FAERS-lexicon drugs that are not the suspect."""
    found = [(m.start(), m.end(), m.group(0)) for m in TREATMENT.finditer(text)]
    for drug in find_drugs(text):
        if any(drug.start < end and start < drug.end for start, end, _ in found):
            continue
        if any(drug.name in s or s in drug.name for s in suspects):
            continue
        if categorize(drug.text) not in (ProductCategory.other, ProductCategory.drug):
            continue  # an aesthetic product family named again, not a treatment
        found.append((drug.start, drug.end, drug.text))
    return sorted(found)


def find_treatments(
    patient: list[Sentence], suspects: frozenset[str] = frozenset()
) -> list[TreatmentFact]:
    """Treatments named in patient sentences with a treatment cue, negations dropped.

    ``suspects`` (lower-case product names) are never treatments.
    """
    found: dict[str, TreatmentFact] = {}
    for index, sentence in enumerate(patient):
        if not _CUE.search(sentence.text):
            continue
        for match in _Match.all(sentence.text, suspects):
            if assertion(sentence.text, match.start(), match.end()) is Assertion.negated:
                continue
            drug = match.group(0).strip()
            route_match = _ROUTE_BEFORE.search(sentence.text[: match.start()])
            key = drug.lower()
            if key in found:
                continue
            at = sentence.start
            fact = TreatmentFact(
                drug=drug, spans={"drug": [(at + match.start(), at + match.end())]}
            )
            if route_match and route_match.end() == match.start():
                fact.route = _ROUTES.get(route_match.group(1).lower())
                if fact.route:
                    fact.spans["route"] = [(at + route_match.start(1), at + route_match.end(1))]
            duration = _DURATION.search(sentence.text, match.end())
            value = number_value(duration.group("n")) if duration else None
            if duration and value is not None:
                fact.duration = Duration(value=value, unit=TimeUnit(duration.group("unit").lower()))
                fact.spans["duration"] = [(at + duration.start(), at + duration.end())]
            for later in patient[index : index + 2]:
                response = _RESPONSE.search(later.text)
                if response and later is not sentence:
                    lead = _LEAD.match(later.text)
                    begin = lead.end() if lead else 0
                    fact.response = later.text[begin:].rstrip(". ")
                    fact.spans["response"] = [(later.start + begin, later.end)]
                    break
                if response:
                    fact.response = response.group(0)
                    fact.spans["response"] = [
                        (later.start + response.start(), later.start + response.end())
                    ]
                    break
            found[key] = fact
    return list(found.values())
