"""Materials that people inject but that are not made for injection: oils, paraffin, waxes.

A product name is such a material when its head noun names a class of oily,
waxy or hydrocarbon substances: the MeSH descriptors Oils (D10.627: mineral,
vegetable, plant and essential oils), Waxes (D10.967), Paraffin and Petrolatum
(D02.455.326.271), and the words case reports use for them ("liquid paraffin",
"petroleum jelly", "Vaseline", "synthol", a site-enhancement oil, "baby oil"),
unless FDA's labelling table (:mod:`dermavigil.terminology.labelled_routes`) gives
the name an injection route (a soybean-oil emulsion is an intravenous drug).
Silicone is left to the product catalogue and to what the text says of it
(docs/annotation.md: liquid silicone keeps ``approved`` null unless industrial or
self-injected). docs/annotation.md: such materials are category ``other``, and
"paraffin, synthol and oils are false even when the injector is not named".
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import INJECTION_ROUTES

_HEAD = re.compile(
    r"(?:\b(?:oils?|paraffin(?:s|um|oma)?|petrolatum|petroleum[- ]jelly|jelly"
    r"|vaseline|synthol|grease|lanolin|kerosene|ghee|lard)|wax(?:es)?)$",
    re.I,
)
"""The head noun (last word) of a material name; "paraffinum liquidum" ends in its
adjective and is caught by :data:`_ANY`."""
_ANY = re.compile(r"\b(?:paraffin\w*|petrolatum|petroleum|vaseline|synthol)\b", re.I)
"""Names that are a material wherever the word stands ("paraffinum liquidum")."""
_NOT = re.compile(r"\bsilicone\b", re.I)


def is_material(name: str) -> bool:
    """Whether ``name`` is an oil, paraffin, petrolatum, wax or the like that no labelling
    gives an injection route: category ``other``, never made for injection."""
    from dermavigil.terminology.labelled_routes import labelled_routes

    text = " ".join(name.split())
    if not text or _NOT.search(text) or not (_HEAD.search(text) or _ANY.search(text)):
        return False
    return not (labelled_routes(text) & INJECTION_ROUTES)
