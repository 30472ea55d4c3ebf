"""Products of texts in other languages and allergen or gas products read on the u0xx round,
pinned on wording we wrote: a German vaccination compound ("Sechsfachimpfung") and a
Portuguese vaccination named as the cause ("consequente à vacinação") are vaccines; the
plural nouns of giving ("injeções de diclofenaco") name the drug, whose stated route is its
labelled one; vaccines "of a desensitising treatment" are allergen immunotherapy;
carboxytherapy is carbon dioxide gas (category other, not mesotherapy); screening reads the
case cues of these languages."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.literature.screen import screen_record
from dermavigil.terminology.materials import find_filler_materials
from dermavigil.terminology.products import find_products


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def test_a_german_vaccination_compound_is_the_vaccine_given():
    view = _view(
        "Juckende Knoten an den Impfstellen\n"
        "Ein dreijähriger Junge wurde in der Praxis vorgestellt. Nach der zweiten "
        "Sechsfachimpfung bestanden an der Einstichstelle am Oberschenkel juckende Knoten, "
        "die über Monate nicht abheilten. Der Epikutantest auf Aluminium war positiv."
    )
    assert view["products"] and view["products"][0][1] == "vaccine"


def test_a_portuguese_vaccination_named_as_the_cause_is_the_vaccine():
    view = _view(
        "Linfadenite após vacinação\n"
        "Relatamos o caso de um lactente de quatro meses, do sexo masculino, com linfadenite "
        "axilar supurativa consequente à vacinação da BCG. A criança evoluiu bem após a "
        "drenagem do abscesso."
    )
    assert view["products"] and view["products"][0][1] == "vaccine"


def test_plural_injections_in_portuguese_name_the_drug_and_its_labelled_route():
    view = _view(
        "Necrose cutânea após injeções intramusculares\n"
        "Relato de caso. Paciente de 52 anos, sexo feminino, apresentou necrose cutânea na "
        "região glútea após aplicações, por via intramuscular, de injeções de diclofenaco de "
        "sódio. A lesão cicatrizou após desbridamento cirúrgico."
    )
    assert view["products"][0] == ("diclofenaco", "drug")
    assert view["route_approval"] is True


@pytest.mark.parametrize(
    "text",
    [
        "nodules over the injection sites of desensitizing vaccines for pollen allergy",
        "las vacunas de un tratamiento desensibilizante a los ácaros",
        "vacinas de dessensibilização a ácaros",
    ],
)
def test_desensitising_vaccines_are_allergen_immunotherapy(text: str):
    assert [m.category.value for m in find_products(text)] == ["allergen_immunotherapy"]


def test_carboxytherapy_is_a_gas_material_not_mesotherapy():
    assert [n for _, _, n in find_filler_materials("after two carboxytherapy sessions")] == [
        "carboxytherapy"
    ]
    view = _view(
        "Abscess after carboxytherapy\n"
        "Carboxytherapy resembles mesotherapy in its indications. A 33-year-old woman "
        "developed a painful abdominal abscess one week after she had undergone "
        "carboxytherapy for localised fat."
    )
    assert view["products"][0] == ("carboxytherapy", "other")


def test_screening_reads_a_case_cue_in_portuguese_without_an_abstract():
    verdict = screen_record(
        Record(
            title="Complicações após injeções de penicilina benzatina: estudo de um caso",
            abstract="",
        )
    )
    assert verdict.relevant, verdict.reason


def test_biopolymers_are_an_injected_material():
    """The word "biopolymers" is the Latin American name of illicitly injected oils and
    silicones: a material (category other), in English as in Spanish."""
    view = _view(
        "Late granulomas after biopolymers injection in the buttocks\n"
        "A 45-year-old woman presented with painful indurated plaques of both buttocks ten "
        "years after biopolymers injection by a non-physician."
    )
    assert view["products"][0] == ("biopolymers", "other")


def test_a_class_infusion_the_patient_underwent_is_the_suspect():
    """A patient who "underwent intravenous iron infusion": a class given with its route after
    an exposure word is the suspect, and its extravasation makes the route wrong."""
    view = _view(
        "Skin staining after iron extravasation\n"
        "A 16-year-old girl underwent intravenous iron infusion for iron deficiency anaemia. "
        "Extravasation at the cannula site left a brown discolouration of the forearm."
    )
    assert view["products"][0][1] == "drug"
    assert view["route_approval"] is False


def test_screening_keeps_a_reaction_to_a_skin_test_antigen():
    """A Mantoux test is tuberculin injected intradermally: the product was injected."""
    verdict = screen_record(
        Record(
            title="Bullous reaction to a Mantoux test",
            abstract="A 12-year-old boy developed a large bulla at the site of a Mantoux test "
            "two days later. It healed with a topical steroid.",
        )
    )
    assert verdict.relevant, verdict.reason


def test_a_japanese_mistake_of_the_injection_makes_the_route_wrong():
    """A mistake told: "誤って" (by mistake), "誤注入" (a wrong-place injection): approved false."""
    view = _view(
        "角膜内にヒアルロン酸が誤注入された1例\n"
        "症例:40歳女性。美容クリニックで下眼瞼にヒアルロン酸を注入された際に、誤って角膜内に"
        "注入された。直後より視力低下を自覚した。"
    )
    assert view["products"][0][1] == "ha_filler"
    assert view["route_approval"] is False


def test_screening_reads_a_record_whose_text_is_all_in_its_title():
    """A record with no abstract whose title field is longer than a title holds its text:
    there is something to read; "a child" is a patient."""
    long_title = (
        "Gluteal skin necrosis after benzathine penicillin. A schoolchild was given an "
        "intramuscular injection of benzathine penicillin for tonsillitis and within minutes "
        "had severe pain of the buttock; livid discolouration followed and skin necrosis "
        "developed over the next days, which healed after debridement and dressings over "
        "six weeks, leaving a depressed scar."
    )
    assert len(long_title) > 300
    assert screen_record(Record(title=long_title, abstract="")).relevant
    verdict = screen_record(
        Record(
            title="Livedo after penicillin",
            abstract="A child was given intramuscular benzathine penicillin and developed "
            "livedoid discolouration of the buttock an hour later.",
        )
    )
    assert verdict.relevant, verdict.reason


def test_screening_sets_aside_a_review_in_another_language():
    verdict = screen_record(
        Record(
            title="Efeitos adversos do ácido hialurônico injetável",
            abstract="Trata-se de uma revisão bibliográfica sobre as complicações dos "
            "preenchimentos faciais com ácido hialurônico e o seu manejo.",
        )
    )
    assert not verdict.relevant and "review" in verdict.reason
