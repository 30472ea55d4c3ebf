"""Case reports in another language whose case is told under its own section label, with a
treatment that brought no improvement (issue 10, eleventh session: the t0xx round's French
abstracts). Texts written here."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.extract.sentences import split_sentences

_FRENCH = (
    "Tuméfaction tardive après injection d'acide hyaluronique\n"
    "Introduction\n"
    "Les produits de comblement sont de plus en plus utilisés en France.\n"
    "Observation\n"
    "Une femme de 45 ans était adressée pour un œdème facial.\n"
    "L'œdème était apparu un matin sans cause évidente.\n"
    "Aucune amélioration n'était notée après antihistaminiques et dermocorticoïdes, "
    "prescrits pour des diagnostics successifs : urticaire, eczéma.\n"
)


def test_a_case_label_in_the_texts_language_opens_the_case_section():
    sections = {s.text[:12]: s.section for s in split_sentences(_FRENCH)}
    assert sections["Les produits"] == "introduction"
    assert sections["Une femme de"] == "case report"
    spanish = split_sentences("Resumen\nDescripción del caso: Una mujer de 40 años consultó.")
    assert spanish[-1].section == "case report"


def test_a_treatment_after_no_improvement_was_given():
    facts = read_foreign(_FRENCH, "fr")
    assert [t.drug for t in facts.treatments] == ["antihistamines", "topical corticosteroids"]


def test_no_improvement_states_no_recovery_and_an_indication_is_no_reaction():
    facts = read_foreign(
        "Une femme de 45 ans présentait un œdème facial. Aucune amélioration n'était notée "
        "après antihistaminiques, prescrits pour des diagnostics successifs : urticaire, "
        "eczéma.",
        "fr",
    )
    assert facts.outcome is None
    names = [r.verbatim for r in facts.reactions]
    assert "facial edema" in names
    assert not {"urticaria", "eczema"} & set(names)


def test_the_draft_reads_the_case_told_after_the_label():
    treatments = [t["drug"] for t in extract_draft(_FRENCH).case.get("treatments", [])]
    assert treatments == ["antihistamines", "topical corticosteroids"]


def test_an_adjective_form_is_looked_up_as_its_noun():
    from dermavigil.terminology.coder import default_coder
    from dermavigil.terminology.translations import translated_spans

    names = default_coder().tables.names
    text = "mácula purpúrica y placas equimóticas, dolorosas"
    found = [(text[s.start : s.end], names[s.term_id]) for s in translated_spans(text, "es")]
    assert found == [
        ("mácula", "Macule"),
        ("purpúrica", "Purpura"),
        ("equimóticas", "Ecchymosis"),
        ("dolorosas", "Pain"),
    ]
    assert translated_spans("una mujer tratada en la clínica médica", "es") == []


def test_a_scant_improvement_is_no_recovery():
    facts = read_foreign(
        "Una mujer de 70 años presentaba una pápula en la mejilla, tratada con antibióticos, "
        "con escasa mejoría.",
        "es",
    )
    assert facts.outcome is None
