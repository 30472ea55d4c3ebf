"""Failure classes of products, route approval, seriousness, outcome and onset found on
the real abstracts that were held out until 2026-12-05, each pinned on a text we wrote."""

from __future__ import annotations

from pathlib import Path

from dermavigil.literature.extract import extract_draft
from dermavigil.terminology.drugs import is_vaccine
from dermavigil.terminology.products import find_products

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _draft(name: str):
    return extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))


def _suspect(name: str) -> dict:
    return _draft(name).case["products"][0]


def test_a_drug_named_before_its_route_is_given_by_the_route_it_is_made_for():
    product = _suspect("d37_drug_named_before_route")  # "ketorolac ... as an IM injection"
    assert (product["name"], product["category"]) == ("ketorolac tromethamine", "drug")
    assert product["route"] == "intramuscular"
    assert product["approved_routes"] == ["intramuscular"]
    assert "off_label_use" not in product.get("additional_information", [])


def test_a_drug_class_injected_by_a_route_is_the_suspect_not_a_treatment():
    draft = _draft("d38_steroid_class_exposure")
    product = draft.case["products"][0]
    assert (product["name"], product["category"]) == ("corticosteroid", "drug")
    assert product["route"] == product["approved_routes"][0] == "intramuscular"
    assert draft.case["treatments"] == []
    # "it was thought that surgical excision would not help": considered, not done
    assert not {s for r in draft.case["reactions"] for s in r.get("seriousness", [])}
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"not_recovered"}


def test_an_unknown_name_injected_into_a_muscle_is_a_drug_and_onset_before_the_sign():
    draft = _draft("d39_unknown_brand_into_muscle")
    product = draft.case["products"][0]
    assert (product["name"], product["category"]) == ("Analgin", "drug")
    assert product["approved_routes"] == ["intramuscular"]  # "injection of X into the muscle"
    onset = next(r["onset_latency"] for r in draft.case["reactions"] if r.get("onset_latency"))
    assert onset == {"value": 3.0, "unit": "day"}  # "three days before the patch appeared"
    serious = {s for r in draft.case["reactions"] for s in r.get("seriousness", [])}
    assert serious == {"medically_important"}  # excised and grafted: not a patient sentence


def test_an_intravascular_filler_injection_is_a_wrong_route_and_faded_is_recovered():
    draft = _draft("d40_intravascular_filler")
    product = draft.case["products"][0]
    assert product["category"] == "ha_filler"
    assert product["additional_information"] == ["off_label_use"]
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"recovered"}


def test_a_vaccine_type_code_names_a_vaccine():
    assert is_vaccine("Tdap") and is_vaccine("BCG") and is_vaccine("influenza vaccine")
    assert not is_vaccine("ketorolac")
    draft = _draft("d41_vaccine_code")
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [("Tdap", "vaccine")]
    assert draft.case["products"][0]["approved_routes"] == ["intramuscular"]
    # "healed over four weeks with a small atrophic scar"
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"recovered_with_sequelae"}


def test_a_hyphenated_drug_name_is_found():
    assert [m.text for m in find_products("a benzathine-penicillin injection")] == [
        "benzathine-penicillin"
    ]
    product = _suspect("d42_hyphenated_drug_name")
    assert (product["name"], product["category"]) == ("benzathine-penicillin", "drug")
    assert product["approved_routes"] == ["intramuscular"]


def _outcomes(name: str) -> set[str | None]:
    return {r.get("outcome") for r in _draft(name).case["reactions"]}


def test_a_status_before_a_new_episode_is_not_the_outcome():
    # the early bruising resolved, then the patient came back with the late reaction
    assert _outcomes("d43_outcome_new_episode") == {None}


def test_a_status_followed_by_a_new_treatment_is_not_the_last_one():
    # nodules persisted, then a treatment began and nothing more is said
    assert _outcomes("d44_outcome_treated_after_persisting") == {None}


def test_only_a_residue_remaining_is_recovering():
    # "evolved favourably", then "only a small dry crust remained"
    assert _outcomes("d45_outcome_only_remained") == {"recovering"}


def test_successfully_managed_with_normal_movement_is_recovered():
    assert _outcomes("d46_outcome_successfully_managed") == {"recovered"}


def test_presenting_with_persistent_lesions_and_no_later_status_is_not_recovered():
    assert _outcomes("d47_outcome_presented_persistent") == {"not_recovered"}


def _serious(name: str) -> set[str]:
    return {s for r in _draft(name).case["reactions"] for s in r.get("seriousness", [])}


def test_a_lesion_removed_surgically_is_serious_an_outpatient_visit_and_blind_ending_are_not():
    # a removal counts when the text ties the resolution to it (docs/annotation.md, r4xx and
    # r7xx decisions): d60 states no status after the removal
    assert _serious("d60_serious_surgical_removal") == set()
    text = (DATA / "d60_serious_surgical_removal.txt").read_text(encoding="utf-8")
    healed = extract_draft(text.rstrip() + " The cheek healed without recurrence.")
    assert {s for r in healed.case["reactions"] for s in r.get("seriousness", [])} == {
        "medically_important"
    }


def test_a_fatal_outcome_is_the_death_criterion():
    assert _outcomes("d61_fatal_outcome_is_death") == {"fatal"}
    assert "death" in _serious("d61_fatal_outcome_is_death")


def _onset_days(name: str) -> float | None:
    from dermavigil.literature.scoring import facts_of

    return facts_of(_draft(name))["onset_days"]


def test_an_onset_told_in_words_first_gives_no_latency():
    # "Immediately after the injection ... Within six hours she went to the emergency
    # department, and after 10 days the mottling had resolved"
    assert _onset_days("d62_onset_worded_first") is None


def test_an_exposure_years_ago_gives_the_onset_and_a_combination_is_one_treatment():
    # two intervals back from the visit give their difference (docs/annotation.md, r081)
    assert _onset_days("d63_onset_years_ago") == 3 * 365.25 - 7
    treatments = [t["drug"] for t in _draft("d63_onset_years_ago").case["treatments"]]
    assert treatments == ["amoxicillin/clavulanate"]


def test_a_reported_series_keeps_its_product():
    draft = _draft("d64_series_reported_without_ages")
    assert draft.is_series and draft.partial
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [
        ("procaine penicillin", "drug")
    ]


def test_a_vaccine_that_triggered_a_filler_reaction_comes_after_the_filler():
    draft = _draft("d65_vaccine_after_filler")
    assert [p["category"] for p in draft.case["products"]] == ["ha_filler", "vaccine"]
    assert [t["drug"] for t in draft.case["treatments"]] == ["prednisolone"]  # "on oral ..."
    assert _outcomes("d65_vaccine_after_filler") == {"recovered"}  # "settled within ten days"


def test_a_lipolytic_brand_from_the_catalogue_injected_too_superficially():
    product = _suspect("d66_lipolytic_brand_too_superficial")
    assert (product["name"], product["category"]) == ("Aqualyx", "mesotherapy")
    assert product["approved_routes"] == ["subcutaneous"]
    assert product["additional_information"] == ["off_label_use"]


def test_a_material_named_only_by_what_the_reaction_was_to():
    product = _suspect("d67_material_named_by_reaction")
    assert product["category"] == "pmma"
    assert product["name"] == "polymethylmethacrylate microspheres"


def test_treatments_started_recommended_by_a_physician_or_named_by_their_care():
    draft = _draft("d68_treatment_wordings_started")
    treatments = [t["drug"] for t in draft.case["treatments"]]
    # "her practitioner recommended ...", "heparin were started" (not a second suspect),
    # "she was intubated", "under supportive care"; never the suspect's brand in brackets
    assert treatments == [
        "cool compresses",
        "analgesics",
        "methylprednisolone",
        "heparin",
        "intubation",
        "supportive care",
    ]
    assert [p["name"] for p in draft.case["products"]] == ["medroxyprogesterone acetate"]


def test_vaccinated_with_a_route_is_the_route_used_and_labelled():
    product = _suspect("d69_vaccinated_with_route")  # "vaccinated ... with intradermal BCG"
    assert (product["category"], product["route"]) == ("vaccine", "intradermal")
    assert product["approved_routes"] == ["intradermal"]


def test_injected_into_the_cyst_is_intralesional():
    product = _suspect("d70_into_the_cyst")
    assert product["route"] == "intralesional"
    assert "intralesional" in product["approved_routes"]  # triamcinolone's label
    assert "off_label_use" not in product.get("additional_information", [])
