"""The product catalogue: every fact cited, and real product names resolved.

The name table holds product names exactly as they appear in the public data under
``../shared/data`` (file named per row), with the route or dose form the same record
gives where the record gives one, and the entry and category they must resolve to.
"""

from __future__ import annotations

import pytest

from dermavigil.catalogue import (
    FACTS,
    Catalogue,
    RegulatoryClass,
    category_of,
    default_catalogue,
    entry_from_dict,
    parse_catalogue,
    resolve,
)
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory as C
from dermavigil.errors import InputError, Problem

F22 = "faers_2022q3_ps_drug_pt_pairs"
F25 = "faers_2025q4_sample/DRUG25Q4.txt"
F17 = "faers_ascii_2017q2"
CAERS = "caers_openebgm_subset"
OFDA = "openfda drug_event_api_results_100"
SUPP = [RegulatoryClass.dietary_supplement, RegulatoryClass.cosmetic]

# (verbatim name, route, formulation, classes, where it is found, entry id, category)
REAL_NAMES = [
    ("Botox", None, None, None, F22, "botox", C.botulinum_toxin),
    ("Botox cosmetic", None, None, None, F22, "botox", C.botulinum_toxin),
    ("BOTOX", None, None, None, F25, "botox", C.botulinum_toxin),
    ("ONABOTULINUMTOXINA", None, None, None, F25, "botox", C.botulinum_toxin),
    ("Dysport", None, None, None, F22, "dysport", C.botulinum_toxin),
    ("DYSPORT", None, None, None, F17, "dysport", C.botulinum_toxin),
    ("Xeomin", None, None, None, F22, "xeomin", C.botulinum_toxin),
    ("Jeuveau", None, None, None, F22, "jeuveau", C.botulinum_toxin),
    ("Rimabotulinumtoxinb", None, None, None, F22, "myobloc", C.botulinum_toxin),
    ("Botulinum toxin type a", None, None, None, F22, "botulinum-toxin-a", C.botulinum_toxin),
    ("Botulinum toxin nos", None, None, None, F22, "botulinum-toxin-a", C.botulinum_toxin),
    ("BOTULINUM TOXIN TYPE A", None, None, None, F25, "botulinum-toxin-a", C.botulinum_toxin),
    ("Kybella", None, None, None, F22, "kybella", C.mesotherapy),
    ("Qwo", None, None, None, F22, "qwo", C.drug),
    ("Xiaflex", None, None, None, F22, "xiaflex", C.drug),
    ("Collagenase santyl", None, None, None, F22, "santyl", C.drug),
    ("Asclera", None, None, None, F22, "asclera", C.drug),
    ("Sublocade", None, None, None, F22, "sublocade", C.drug),
    ("Buprenorphine transdermal system", None, None, None, F22, "butrans", C.drug),
    ("Penicillin g benzathine", None, None, None, F22, "bicillin-la", C.drug),
    ("Kenalog", None, None, None, F22, "triamcinolone-injectable", C.drug),
    ("Kenalog-40", None, None, None, F22, "kenalog-40", C.drug),
    ("Triamcinolone acetonide", None, None, None, F22, "triamcinolone-injectable", C.drug),
    ("Latisse", None, None, None, F22, "latisse", C.drug),
    ("Hylenex recombinant", None, None, None, F22, "hylenex", C.drug),
    ("Hyaluronidase", None, None, None, F22, "hylenex", C.drug),
    ("Human immunoglobulin g\\hyaluronidase recombinant human", None, None, None, F22,
     "hyqvia", C.drug),
    ("Daratumumab\\hyaluronidase-fihj", None, None, None, F22, "darzalex-faspro", C.drug),
    ("Platelet rich plasma", None, None, None, F22, "prp-kit", C.prp),
    ("Methotrexate", None, None, None, F22, "methotrexate", C.drug),
    ("Methotrexate sodium", None, None, None, F22, "methotrexate", C.drug),
    ("METHOTREXATE.", None, None, None, F17, "methotrexate", C.drug),
    ("PHYTONADIONE.", "042", None, None, OFDA, "phytonadione", C.drug),
    ("HYALURONATE SODIUM", None, "Eye drops", None, F25, "ha-ophthalmic", C.other),
    ("HYALURONATE SODIUM\\TREHALOSE", "Ophthalmic", "Gel", None, F25, "ha-ophthalmic", C.other),
    ("HYALURONIC ACID 1.65 MG", None, None, SUPP, CAERS, "ha-oral-supplement", C.other),
    ("GLUCOSAMINE CHONDROITIN MSM COATED CAPLETS", None, None, SUPP, CAERS,
     "glucosamine-supplement", C.other),
    ("GLUCOSAMINE SULFATE", None, None, None, F17, "glucosamine-supplement", C.other),
    ("COLLAGEN CAPLETS", None, None, SUPP, CAERS, "collagen-supplement", C.other),
    ("lyophilized exosomes", "intradermal", "lyophilized_powder", None, "seed case",
     "exosome-product", C.exosome),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "route", "formulation", "classes", "where", "entry_id", "category"),
    REAL_NAMES,
    ids=[f"{row[0]}@{row[4]}" for row in REAL_NAMES],
)
def test_real_product_names_resolve(
    name: str, route, formulation, classes, where: str, entry_id: str, category: C
) -> None:
    match = resolve(name, route, formulation, classes=classes)
    assert match is not None, f"{name!r} ({where}) resolved to nothing"
    assert match.entry.id == entry_id
    assert match.entry.category is category
    assert match.verbatim == name
    assert category_of(name, route, formulation, classes=classes) is category


def test_the_table_is_large_enough() -> None:
    assert len(REAL_NAMES) >= 30
    assert len({row[5] for row in REAL_NAMES}) >= 25


def test_every_stated_fact_names_a_source() -> None:
    for entry in default_catalogue():
        assert entry.source_of("category") is not None, entry.id
        assert entry.source_of("regulatory_class") is not None, entry.id
        if entry.routes:
            assert entry.source_of("routes").citation, entry.id
        if entry.manufacturer:
            assert entry.source_of("manufacturer") is not None, entry.id
        if entry.product_codes:
            assert entry.source_of("product_codes") is not None, entry.id
        assert set(entry.sources) <= set(FACTS)


def test_the_seeded_classes_are_present() -> None:
    categories = {e.category for e in default_catalogue()}
    assert {
        C.ha_filler, C.caha, C.plla, C.pmma, C.polynucleotide, C.exosome, C.botulinum_toxin,
        C.mesotherapy, C.prp, C.skin_booster, C.drug,
    } <= categories  # fmt: skip
    classes = {e.regulatory_class for e in default_catalogue()}
    assert set(RegulatoryClass) <= classes


def test_fillers_are_lmh_devices_with_labelled_layers() -> None:
    voluma = resolve("JUVEDERM VOLUMA XC 20 MG/ML").entry
    assert voluma.regulatory_class is RegulatoryClass.device
    assert voluma.product_codes == ("LMH",)
    assert [layer.value for layer in voluma.layers] == ["subcutaneous", "supraperiosteal"]
    assert "P110033" in voluma.source_of("routes").citation
    assert resolve("Radiesse").entry.routes == (Route.subdermal,)


def test_sodium_hyaluronate_route_and_formulation_decide() -> None:
    assert resolve("sodium hyaluronate") is None  # a filler, an eye drop, a supplement ...
    assert category_of("sodium hyaluronate") is None
    assert resolve("sodium hyaluronate", "intradermal").entry.id == "ha-filler"
    assert resolve("sodium hyaluronate", Route.oral).entry.id == "ha-oral-supplement"
    assert resolve("sodium hyaluronate 60 capsules").entry.id == "ha-oral-supplement"
    assert resolve("sodium hyaluronate", "intra-articular").entry.id == "ha-intra-articular"
    assert resolve("hyaluronic acid filler").entry.id == "ha-filler"
    match = resolve("sodium hyaluronate", "oral")
    assert match.decided_by == "route" and "ha-filler" in match.alternatives


def test_longest_phrase_wins_and_unknown_names_give_none() -> None:
    assert resolve("Juvederm").entry.id == "juvederm-xc"
    assert resolve("Juvederm Vollure XC syringe").entry.id == "juvederm-vollure-xc"
    assert resolve("Restylane Skinboosters Vital Light").entry.id == "restylane-skinboosters-vital"
    assert resolve("Lamivudine") is None
    assert resolve("") is None and resolve(None) is None


def test_a_catalogue_refuses_an_uncited_fact() -> None:
    doc = {
        "sources": {"s1": {"kind": "label", "citation": "a label"}},
        "entries": [
            {"id": "x", "name": "X", "category": "drug", "regulatory_class": "drug",
             "routes": ["oral"], "sources": {"category": "s1", "regulatory_class": "s1"}},
            {"id": "y", "name": "Y", "category": "nope", "regulatory_class": "drug",
             "sources": {"category": "s2", "regulatory_class": "s1"}},
        ],
    }  # fmt: skip
    with pytest.raises(InputError) as err:
        parse_catalogue(doc, "test")
    messages = [str(p) for p in err.value.problems]
    assert "entries[0].sources.routes: the routes fact cites no source" in messages
    assert any(m.startswith("entries[1].category: 'nope' is not one of") for m in messages)
    assert "entries[1].sources.category: unknown source 's2'" in messages


def test_an_added_entry_replaces_the_shipped_one() -> None:
    shipped = default_catalogue()
    catalogue = Catalogue(shipped)
    raw = shipped.get("dysport").as_dict()
    raw["routes"] = ["intramuscular", "intradermal"]
    problems: list[Problem] = []
    edited = entry_from_dict(raw, {}, "edit", problems)
    assert problems == [] and edited is not None
    catalogue.add(edited)
    assert catalogue.resolve("Dysport").entry.routes == (Route.intramuscular, Route.intradermal)
    assert shipped.resolve("Dysport").entry.routes == (Route.intramuscular,)
    assert len(catalogue) == len(shipped)


def test_off_label_uses_catalogue_routes_when_the_report_gives_none() -> None:
    from dermavigil.catalogue.routes import labelled_routes
    from dermavigil.domain.assessment import assess
    from dermavigil.domain.case import Case

    case = Case.model_validate(
        {
            "report": {"source": "clinician"},
            "patient": {"sex": "female"},
            "products": [
                {"name": "Kybella", "route": "intradermal"},
                {"name": "Dysport", "route": "intramuscular"},
                {"name": "Unknown serum", "route": "intradermal"},
                {"name": "Sublocade", "route": "intravenous", "approved_routes": ["intravenous"]},
            ],
            "reactions": [{"verbatim": "skin necrosis"}],
        }
    )
    labelled = labelled_routes(case)
    assert set(labelled) == {0, 1}  # product 3's report states its approved route
    assert labelled[0].routes == [Route.subcutaneous] and "NDA 206333" in labelled[0].source
    plain = assess(case).off_label
    assert [p.off_label for p in plain.products] == [None, None, None, False]
    result = assess(case, labelled=labelled).off_label
    kybella, dysport, serum, sublocade = result.products
    assert (kybella.off_label, kybella.approved_routes_source) == (True, "catalogue")
    assert kybella.catalogue_entry == "kybella" and kybella.approved_routes == ["subcutaneous"]
    assert any("NDA 206333" in f for f in kybella.facts)
    assert (dysport.off_label, dysport.approved_routes_source) == (False, "catalogue")
    assert (serum.off_label, serum.approved_routes_source) == (None, None)
    assert (sublocade.off_label, sublocade.approved_routes_source) == (False, "report")
    assert result.flag is True


def test_the_seed_case_product_resolves_to_the_exosome_entry() -> None:
    from dermavigil.catalogue.routes import labelled_routes
    from dermavigil.demo import load_seed_case

    case = load_seed_case()
    match = resolve(case.products[0].name, case.products[0].route, case.products[0].formulation)
    assert match.entry.id == "exosome-product" and match.entry.category is C.exosome
    assert labelled_routes(case) == {}  # the report states its labelled route (topical)
    bare = case.model_copy(
        update={"products": [case.products[0].model_copy(update={"approved_routes": []})]}
    )
    assert labelled_routes(bare)[0].routes == [Route.topical]


def test_importers_map_source_names_to_entries_and_categories() -> None:
    from dermavigil.ingest.normalize import DRUGS, FOODS, product_mapping

    caers = product_mapping("HYALURONIC ACID 1.65 MG", "", C.other, None, FOODS)
    assert caers == {
        "category": "other",
        "entry": "ha-oral-supplement",
        "regulatory_class": "dietary_supplement",
    }
    faers = product_mapping("BOTOX", "ONABOTULINUMTOXINA", C.drug, None, DRUGS)
    assert (faers["entry"], faers["category"], faers["regulatory_class"]) == (
        "botox",
        "botulinum_toxin",
        "biologic",
    )
    eye = product_mapping("HYALURONATE SODIUM", "HYALURONATE SODIUM", C.drug, "ophthalmic", DRUGS)
    assert (eye["entry"], eye["category"]) == ("ha-ophthalmic", "drug")
    unknown = product_mapping("LAMIVUDINE", "", C.drug, None, DRUGS)
    assert unknown == {"category": "drug", "entry": None, "regulatory_class": None}
