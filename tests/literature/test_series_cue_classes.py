"""Series or single, and how many patients: the wording classes of ``series_cue``.

Texts written for these tests (docs/annotation.md: ``kind`` is ``series`` when several
patients are described; a single report that mentions other published cases is single).
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.extract.series_cue import find_series


def _count(text: str) -> int | None | bool:
    found = find_series(split_sentences(text))
    return False if found is None else found[0]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # adjectives between the number and the noun
        ("Methods: Five recent clinical cases of temple necrosis after filler were analysed.", 5),
        ("We report two additional cases of lip granuloma after a polyacrylamide filler.", 2),
        ("Embolia cutis medicamentosa is described in three own observations.", 3),
        ("Abscesses after vaccination: two case reports.", 2),
        ("A total of 42 consecutive female patients were followed after thread lifting.", 42),
        # "both"
        ("Both patients developed ptosis one week after the toxin injection.", 2),
        # numbered patients
        (
            "Case 1: A 40-year-old woman had a nodule after filler. Case 2: A 52-year-old man "
            "had an abscess after filler. Case 3: A 61-year-old woman had a necrosis.",
            3,
        ),
        ("病例1,女,20歲。注射后右眼黑矇。病例2,女,25歲。注射后鼻部坏死。", 2),
        # other languages
        ("Calcinose après injection d'héparine : à propos de deux cas.", 2),
        ("Presentamos dos nuevos casos de necrosis cutánea tras enoxaparina.", 2),
        ("Wir berichten über zwei Patientinnen mit Schwellungen nach Hyaluronsäure.", 2),
        ("Nesta série de casos, os autores descrevem quatro pacientes com necrose.", 4),
        ("结果 本研究共入选病例45例,其中住院治疗12例。", 45),
        ("Yöntem: Çalışmaya 120 hasta dahil edilmiştir.", 120),
        ("We present a case series of 11 infants with suppurative lymphadenitis.", 11),
        # an enumeration of patients, one by one
        (
            "One patient with retinal artery occlusion, one patient with optic neuropathy and "
            "one patient with both were treated with hyaluronidase.",
            3,
        ),
        # a share of the series is not its size
        (
            "Results: Dimples developed in 3 cases (2.1%) and exposure in 5 cases (3.5%) of "
            "the 144 patients treated with threads.",
            144,
        ),
        # a case series with no count
        ("We present a case series of vascular occlusion after hyaluronic acid filler.", None),
    ],
)
def test_series_wordings(text: str, count: int | None) -> None:
    assert _count(text) == count


@pytest.mark.parametrize(
    "text",
    [
        # other published cases, a single report
        "To date, eight cases of thread complications have been published. We report a "
        "45-year-old woman with an abscess.",
        "After a PubMed search, we found 25 cases of skin necrosis after enoxaparin. A "
        "60-year-old man developed necrosis.",
        "Previous case series have described late nodules. A 38-year-old woman had nodules.",
        "Two cases of vocal cord palsy have also been reported after toxin injections.",
        "With over 300 reported cases, the diagnosis remains difficult.",
        "The health department reported 19 similar cases linked to one beauty centre.",
        "Se comunicaron reacciones y en por lo menos 2 pacientes se generaron granulomas.",
        "截至目前,已描述了19例肌肉注射后发生坏死的病例。",
        # a reference-list entry and a piece of one
        "Smith AB, Jones CD. Late granulomas after fillers. Clinical study of 11 cases. "
        "J Cosmet Dermatol 2004; 33: 115-20.",
        # counts that are no patients
        "Se trató con heparina desde 2015 hasta 2018 sin complicaciones.",
        "She received 2 series of 2-week courses of oral ciprofloxacin.",
        "Insulin lipohypertrophy is frequent in type 2 diabetes patients on insulin.",
        "Fillers are popular among both women and men of all ages.",
    ],
)
def test_single_reports_stay_single(text: str) -> None:
    assert _count(text) is False


def test_a_series_in_another_language_is_a_series_draft() -> None:
    text = (
        "Calcinose cutanée après injection d'héparine calcique : à propos de deux cas\n"
        "Deux patientes ont développé des nodules érythémateux aux points d'injection une "
        "dizaine de jours après un traitement par héparine calcique en sous-cutané. Le "
        "diagnostic de calcinose a été confirmé dans les deux cas par l'histologie."
    )
    draft = extract_draft(text)
    assert draft.is_series and draft.partial
    assert draft.case["report"]["patients_in_report"] == 2
    a, b = draft.evidence["report.patients_in_report"][0]
    assert text[a:b].lower() == "deux cas"


def test_cases_counted_as_lesions_of_fewer_patients_give_the_patients() -> None:
    text = (
        "Sarcoidal reactions in cosmetic tattoos: a study of 7 cases in 5 patients\n"
        "We describe 7 cases of sarcoidal granulomas in red tattoo ink. Biopsies showed "
        "non-caseating granulomas in every lesion."
    )
    found = find_series(split_sentences(text))
    assert found is not None and found[0] == 5
    start, end = found[1]
    assert text[start:end] == "5 patients"


def test_cases_in_as_many_patients_keep_the_count() -> None:
    text = (
        "Nodules after a lip filler: 4 cases in 4 women\n"
        "We describe four women with firm nodules after lip augmentation."
    )
    found = find_series(split_sentences(text))
    assert found is not None and found[0] == 4
