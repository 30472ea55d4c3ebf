"""Routes of administration: the ICH E2B route list, its codes and labels, and
:func:`parse_route`, which reads a source's wording of a route.

Values are readable slugs (``"intradermal"``, ``"intra_articular"``). Source: the ICH
E2B(R3) route-of-administration code list (001-067) that FDA accepts for
G.k.4.r.10.2b; the synonyms are the ICH terms' longer spellings and VAERS's
VAX_ROUTE abbreviations.
"""

from __future__ import annotations

from enum import StrEnum


class Route(StrEnum):
    """Route of administration (ICH E2B route list; codes in :data:`ROUTE_CODES`)."""

    auricular = "auricular"
    buccal = "buccal"
    cutaneous = "cutaneous"
    dental = "dental"
    endocervical = "endocervical"
    endosinusial = "endosinusial"
    endotracheal = "endotracheal"
    epidural = "epidural"
    extra_amniotic = "extra_amniotic"
    hemodialysis = "hemodialysis"
    intra_corpus_cavernosum = "intra_corpus_cavernosum"
    intra_amniotic = "intra_amniotic"
    intra_arterial = "intra_arterial"
    intra_articular = "intra_articular"
    intra_uterine = "intra_uterine"
    intracardiac = "intracardiac"
    intracavernous = "intracavernous"
    intracerebral = "intracerebral"
    intracervical = "intracervical"
    intracisternal = "intracisternal"
    intracorneal = "intracorneal"
    intracoronary = "intracoronary"
    intradermal = "intradermal"
    intradiscal = "intradiscal"
    intrahepatic = "intrahepatic"
    intralesional = "intralesional"
    intralymphatic = "intralymphatic"
    intramedullar = "intramedullar"
    intrameningeal = "intrameningeal"
    intramuscular = "intramuscular"
    intraocular = "intraocular"
    intrapericardial = "intrapericardial"
    intraperitoneal = "intraperitoneal"
    intrapleural = "intrapleural"
    intrasynovial = "intrasynovial"
    intratumor = "intratumor"
    intrathecal = "intrathecal"
    intrathoracic = "intrathoracic"
    intratracheal = "intratracheal"
    intravenous_bolus = "intravenous_bolus"
    intravenous_drip = "intravenous_drip"
    intravenous = "intravenous"
    intravesical = "intravesical"
    iontophoresis = "iontophoresis"
    nasal = "nasal"
    occlusive_dressing = "occlusive_dressing"
    ophthalmic = "ophthalmic"
    oral = "oral"
    oropharyngeal = "oropharyngeal"
    other = "other"
    parenteral = "parenteral"
    periarticular = "periarticular"
    perineural = "perineural"
    rectal = "rectal"
    respiratory = "respiratory"
    retrobulbar = "retrobulbar"
    subconjunctival = "subconjunctival"
    subcutaneous = "subcutaneous"
    subdermal = "subdermal"
    sublingual = "sublingual"
    topical = "topical"
    transdermal = "transdermal"
    transmammary = "transmammary"
    transplacental = "transplacental"
    unknown = "unknown"
    urethral = "urethral"
    vaginal = "vaginal"


ROUTE_CODES: dict[Route, str] = {route: f"{i:03d}" for i, route in enumerate(Route, start=1)}
"""E2B route code per route: 001 auricular ... 023 intradermal, 030 intramuscular,
035 intrasynovial, 036 intratumor ... 058 subcutaneous, 061 topical, 065 unknown, 067 vaginal.
The enum above is declared in code order, so the numbering is its position."""

ROUTE_LABELS: dict[Route, str] = {
    route: route.value.replace("_", " ").capitalize() for route in Route
}

ROUTES_BY_CODE: dict[str, Route] = {code: route for route, code in ROUTE_CODES.items()}

INJECTION_ROUTES: frozenset[Route] = frozenset(
    {
        Route.intradermal,
        Route.subcutaneous,
        Route.subdermal,
        Route.intramuscular,
        Route.intralesional,
        Route.intravenous,
        Route.intravenous_bolus,
        Route.intravenous_drip,
        Route.intra_arterial,
        Route.intra_articular,
        Route.parenteral,
        Route.periarticular,
        Route.perineural,
    }
)
"""Routes that pierce the skin: a product labelled only for the surface
(topical, cutaneous, transdermal) given by one of these is the seed's pattern."""


_ROUTE_SYNONYMS: dict[str, Route] = {
    "auricular_otic": Route.auricular,
    "otic": Route.auricular,
    "intravenous_not_otherwise_specified": Route.intravenous,
    "iv": Route.intravenous,
    "respiratory_inhalation": Route.respiratory,
    "inhalation": Route.respiratory,
    "intramedullar_bone_marrow": Route.intramedullar,
    "oropharingeal": Route.oropharyngeal,
    "occlusive_dressing_technique": Route.occlusive_dressing,
    "intranasal": Route.nasal,
    "percutaneous": Route.cutaneous,
    "skin": Route.cutaneous,
    # VAERS VAX_ROUTE abbreviations
    "im": Route.intramuscular,
    "sc": Route.subcutaneous,
    "id": Route.intradermal,
    "in": Route.nasal,
    "po": Route.oral,
    "ot": Route.other,
    "un": Route.unknown,
    "jet": Route.other,
}


def parse_route(text: str | None) -> Route | None:
    """The :class:`Route` a source's wording means, or None when unrecognised.

    Accepts the E2B code (``"023"``), the ICH term in any case and punctuation
    (``"INTRA-ARTICULAR"``, ``"Intravenous (not otherwise specified)"``) and the
    VAERS abbreviations (``IM``, ``SC``, ``ID``...).
    """
    if text is None:
        return None
    raw = text.strip()
    if raw.isdigit() and len(raw) <= 3:
        return ROUTES_BY_CODE.get(raw.zfill(3))
    slug = "_".join("".join(c if c.isalnum() else " " for c in raw.casefold()).split())
    if slug in Route._value2member_map_:
        return Route(slug)
    return _ROUTE_SYNONYMS.get(slug)
