"""Treatment failure classes of the z0xx round (now dev), each pinned on a text we wrote.

Treatments are what was given or done *for the reaction* (docs/annotation.md,
``treatments``). A drainage empties the collection it drains: a sample of its pus sent for
culture leaves it a treatment, while a drainage done *for* culture or called diagnostic is
not one. A patient discharged on a drug was given it, and a reaction alleviated after a drug
was treated with it. Surgery, a word that also names a department, a journal or the
patient's history, is a treatment as the object of a verb of doing or needing it
("underwent surgery", "performed surgery", "was taken to surgery") or the subject of one
("surgery was performed"), never the surgery a patient had undergone years before.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


_ABSCESS = (
    "Gluteal abscess after an injection\nA 9-year-old girl developed a painful swelling of the "
    "left buttock a week after an intramuscular injection of ceftriaxone. "
)


def test_a_drainage_whose_pus_was_sent_for_culture_is_a_treatment():
    assert _treatments(
        _ABSCESS + "Incision and drainage of the abscess were done in the clinic and a pus "
        "sample was sent for culture."
    ) == ["Incision and drainage"]
    assert _treatments(
        _ABSCESS + "The swelling was drained for culture, which grew Mycobacterium fortuitum, "
        "and she was treated with clarithromycin."
    ) == ["clarithromycin"]


def test_a_drug_the_patient_was_discharged_on_is_a_treatment():
    assert _treatments(_ABSCESS + "She was discharged on antibiotics after surgical drainage.") == [
        "antibiotics",
        "surgical drainage",
    ]


def test_a_reaction_alleviated_after_a_drug_was_treated_with_it():
    assert _treatments(
        "Flushing after a toxin\nA 35-year-old woman developed an itchy erythema of the neck "
        "two days after botulinum toxin injections of the forehead. Her erythema was "
        "alleviated after oral corticosteroids."
    ) == ["oral corticosteroids"]


def test_surgery_as_what_was_done_or_needed_is_a_treatment():
    assert _treatments(
        _ABSCESS + "Antibiotics were started and we performed surgery on the third day."
    ) == ["Antibiotics", "surgery"]
    assert _treatments(
        _ABSCESS + "The abscess did not respond and surgery was performed under general "
        "anaesthesia."
    ) == ["surgery"]


def test_surgery_in_the_history_is_no_treatment():
    assert (
        _treatments(
            "Paraplegia after an epidural injection\nA 60-year-old man (who had undergone "
            "surgery 12 years earlier for a disc herniation) developed weakness of both legs "
            "minutes after an epidural injection of a corticosteroid. His initial surgery was "
            "performed in another hospital."
        )
        == []
    )


def test_a_kind_of_care_told_with_what_it_used_is_what_it_used():
    assert _treatments(
        "Nasal abscess after a thread lift\nA 36-year-old woman developed a painful swelling "
        "of the nasal tip a month after a rhinoplasty with absorbable threads. We used "
        "conservative treatment using antibiotics and she recovered."
    ) == ["antibiotics"]


def test_the_epinephrine_of_a_local_anaesthetic_is_no_treatment():
    assert _treatments(
        "Urticaria after a dental anaesthetic\nA 9-year-old girl developed generalised "
        "urticaria two days after 1.8 ml of 2% lidocaine with 1:80 000 epinephrine "
        "[adrenaline] was given for a dental filling, and she was treated with cetirizine."
    ) == ["cetirizine"]
    assert _treatments(
        "Anaphylaxis after a dental anaesthetic\nA 40-year-old man developed anaphylaxis ten "
        "minutes after articaine 4% with epinephrine 1:100,000 was given for a dental "
        "filling and was treated with 0.3 mg of 1:1000 epinephrine intramuscularly."
    ) == ["epinephrine"]


def test_the_surgical_release_of_a_contracture_is_a_treatment():
    assert _treatments(
        "Gluteal contracture after injections\nA 25-year-old man had a contracture of the "
        "gluteal muscles after repeated intramuscular injections of penicillin in childhood. "
        "After arthroscopic release of the contracture, the patient recovered well."
    ) == ["arthroscopic release of the contracture"]
    found = _treatments(
        "Nodules after a depot\nA 50-year-old man had tender nodules after a sustained "
        "release depot of leuprorelin, which were treated with dressings."
    )
    assert "dressings" in found
    assert not any("release" in name for name in found)


def test_a_washout_told_by_what_it_found_was_done():
    assert _treatments(
        "Septic knee after a joint injection\nA 52-year-old woman developed a swollen painful "
        "knee three days after an intra-articular corticosteroid injection. Operative "
        "washout revealed pus tracking from the joint into the thigh."
    ) == ["washout"]


def test_dressings_that_were_changed_were_applied():
    assert _treatments(
        _ABSCESS + "The abscess was opened in the clinic. Local dressings were changed daily."
    ) == ["dressings"]
