"""Reaction failure classes of the y0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, the y0xx decisions: device events (migration, embolisation, fracture,
a needle that broke off) are reactions, named by the device's kind and the event
(:mod:`dermavigil.literature.extract.device_events`).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.device_events import device_events


def _reactions(text: str) -> list[str]:
    return [r["verbatim"] for r in extract_draft(text).case["reactions"]]


def test_an_implant_that_migrated_is_an_implant_migration_to_where_it_went():
    found = _reactions(
        "Contraceptive rod found in the axilla\nA 29-year-old woman had an etonogestrel "
        "implant placed in her left arm two years earlier. She came because she could no "
        "longer feel the rod. Ultrasound showed that the implant had migrated into the "
        "axillary fat. It was removed under local anaesthesia."
    )
    assert found == ["implant migration into the axillary fat"]


def test_a_bent_and_fractured_implant():
    found = _reactions(
        "Broken contraceptive implant\nA 34-year-old woman had an etonogestrel implant "
        "inserted in her arm. A year later she said her implant had bent after she fell on "
        "her arm. At removal, the rod was found fractured in two pieces."
    )
    assert found == ["bent implant", "implant fracture"]


def test_a_needle_that_broke_off_keeps_the_words_that_name_it():
    found = _reactions(
        "Needle left under the skin\nA 12-year-old boy with type 1 diabetes used an insulin "
        "pump. While he played football, the infusion needle broke off in the skin of his "
        "abdomen. It was removed through a small incision."
    )
    assert found == ["infusion needle break"]


def test_an_implant_named_by_its_brand_or_as_the_device_is_an_implant():
    kind = "implant"
    assert [e.verbatim for e in device_events("Migration of a subdermal device", kind)] == [
        "implant migration"
    ]
    assert [
        e.verbatim
        for e in device_events("A Nexplanon migration into the brachial vein was seen.", kind)
    ] == ["implant migration into the brachial vein"]
    assert [e.verbatim for e in device_events("an embolized contraceptive implant", kind)] == [
        "implant embolization"
    ]


def test_no_device_event_without_a_device_or_in_a_background_sentence():
    assert device_events("The patient migrated to the city.", None) == []
    assert device_events("Cell migration was studied.", "implant") == []
    found = _reactions(
        "Arm pain after a contraceptive implant\nMigration of contraceptive implants is rare. "
        "A 25-year-old woman had an etonogestrel implant inserted in her arm. She developed "
        "pain and swelling at the insertion site a week later."
    )
    assert not any("migration" in r for r in found)


def test_a_diagnosis_named_by_its_suffix_that_no_index_holds():
    # the x, u and v rounds: siderosis, myofascitis, pseudolymphoma, ecchymoma, tenosynovitis
    found = _reactions(
        "Brown patches after iron injections\nA 52-year-old woman received intramuscular "
        "iron sucrose into the left buttock. Two months later she developed cutaneous "
        "siderosis at the injection site and a painful local myofascitis of the gluteal "
        "muscle."
    )
    assert "cutaneous siderosis" in found and "painful local myofascitis" in found


def test_a_suffixed_word_that_names_no_reaction_of_the_patient_is_none():
    from dermavigil.literature.extract.suffix_diagnoses import suffix_diagnoses

    text = "The diagnosis was made after an anastomosis; leukocytosis and antituberculosis drugs."
    assert suffix_diagnoses(text) == []
    found = _reactions(
        "Nodules after a vaccine\nA 9-year-old boy developed two firm nodules on the thigh "
        "a month after a tick-borne encephalitis vaccine."
    )
    assert len(found) == 1 and "nodules" in found[0]  # the vaccine's name is no encephalitis


def test_a_reaction_found_exposes_no_likeness_finding_nor_a_standing_medication():
    # the v and u rounds: once the suffixed diagnosis is found the case is drafted, and a
    # definition's likeness to a disease or the patient's daily medication must stay out
    draft = extract_draft(
        "Eyelid problem after a toxin injection\nA pseudoaneuroma is a benign swelling "
        "mimicking the histological features of a sarcoma. Here we describe a postoperative "
        "ecchymoma of the eyelid after botulinum toxin injection in a patient receiving daily "
        "aspirin antiplatelet therapy."
    )
    assert [r["verbatim"] for r in draft.case["reactions"]] == ["postoperative ecchymoma"]
    assert [f for f in draft.case["findings"] if f["kind"] == "histopathology"] == []
    assert draft.case["treatments"] == []


def test_a_field_of_medicine_is_no_reaction():
    # the y round: the HPO lists "Oncology" as a synonym of Neoplasm
    found = _reactions(
        "Rash after a chemotherapy injection\nA 61-year-old man treated by the oncology team "
        "with subcutaneous azacitidine developed a reticular rash on the abdomen."
    )
    assert found == ["rash"]
