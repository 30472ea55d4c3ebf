"""A drug named in Cyrillic letters (dermavigil.literature.extract.cyrillic_product), on a
text we wrote in Russian: diclofenac given intramuscularly, Nicolau syndrome after it."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.cyrillic_product import transliterate
from dermavigil.literature.realscore import draft_view


def test_cyrillic_letters_in_latin() -> None:
    assert transliterate("диклофенак") == "diklofenak"
    assert transliterate("Кетопрофен") == "ketoprofen"


def test_a_drug_named_in_cyrillic_letters_is_the_suspect_with_its_route() -> None:
    text = (
        "Синдром Николау после инъекции кетопрофена\n"
        "Пациентка 52 лет обратилась с болезненным очагом некроза на ягодице. За неделю до "
        "этого ей было выполнено внутримышечное введение кетопрофена по поводу боли в спине."
    )
    view = draft_view(extract_draft(text))
    assert view["products"] == [("кетопрофена", "drug")]
    assert view["route"] == "intramuscular"
    assert view["route_approval"] is True


def test_a_word_that_is_no_drug_gives_no_product() -> None:
    text = (
        "Некроз кожи после инъекции\n"
        "Пациентка 40 лет обратилась с некрозом кожи бедра после инъекции неизвестного препарата."
    )
    assert draft_view(extract_draft(text))["products"] == []
