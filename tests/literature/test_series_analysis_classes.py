"""Analyses of many patients: reported events counted as a series, and a series' reactions
read from its results sentences (``reported_events``, ``series_facts.results_sentence``).

Texts written for these tests (docs/annotation.md: cohort, registry and surveillance analyses
naming a count of patients or reports with the reaction are series, `patients` null when the
text counts reports).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.reported_events import analyses_reports, reported_counts
from dermavigil.literature.extract.sentences import split_sentences


def _verbatims(text: str) -> str:
    draft = extract_draft(text)
    assert draft.is_series
    return " | ".join(r["verbatim"] for r in draft.case["reactions"]).lower()


def test_reports_counted_in_a_reporting_system_make_a_series() -> None:
    text = (
        "Injection-site events after a long-acting antipsychotic: a pharmacovigilance study\n"
        "Objective: To describe injection-site events reported to a national spontaneous "
        "reporting database. Results: We identified 57 reports of injection-site events after "
        "the depot injection. The most frequently reported events were induration (n = 21, "
        "37%), abscess (n = 9, 16%) and erythema (n = 8, 14%)."
    )
    draft = extract_draft(text)
    assert draft.is_series
    verbatims = _verbatims(text)
    assert "induration" in verbatims and "abscess" in verbatims and "erythema" in verbatims


def test_a_literature_search_database_is_no_reporting_system() -> None:
    sentences = split_sentences(
        "Granulomas after fillers: a systematic review\n"
        "The PubMed and Embase databases were searched for articles. We found 40 reports of "
        "granulomas."
    )
    assert not analyses_reports(sentences)


def test_a_share_or_a_rate_of_events_is_no_count_of_reports() -> None:
    analysis = True
    assert not reported_counts("Forty percent of complications involved the lips.", analysis)
    assert not reported_counts("There were 4 severe reactions per 10,000 injections.", analysis)
    assert reported_counts("A total of 1,240 adverse event reports were retrieved.", analysis)
    assert not reported_counts("A total of 1,240 adverse event reports were retrieved.", False)


def test_rates_alone_give_no_reaction_outside_an_analysis_of_reports() -> None:
    text = (
        "Injection-site reactions to a weekly biologic: a retrospective cohort\n"
        "Methods: We reviewed the records of 120 patients who received the weekly injection. "
        "Results: The most frequently observed events were erythema (12%) and urticaria (4%)."
    )
    verbatims = " ".join(r["verbatim"] for r in extract_draft(text).case["reactions"]).lower()
    assert "urticaria" not in verbatims


def test_results_with_counts_give_the_series_reactions_not_its_methods_or_background() -> None:
    text = (
        "Complications of lip augmentation with a permanent gel: our experience\n"
        "Background: Permanent gels can cause fistulas and migration. Methods: We reviewed "
        "the records of 36 patients treated for complications, graded for ulceration and "
        "necrosis. Results: The most frequently observed complications were nodules (22 "
        "patients), abscesses (9 patients) and discoloration (5 patients). Conclusion: "
        "Permanent gels should be avoided."
    )
    verbatims = _verbatims(text)
    assert "nodules" in verbatims and "abscess" in verbatims and "discoloration" in verbatims
    assert "fistula" not in verbatims and "migration" not in verbatims  # background
    assert "ulceration" not in verbatims and "necrosis" not in verbatims  # methods


def test_a_single_report_citing_a_database_count_stays_single() -> None:
    text = (
        "Nicolau syndrome after a penicillin injection\n"
        "A 7-year-old boy developed a livedoid patch and skin necrosis on the buttock after "
        "an intramuscular injection of benzathine penicillin. According to the national "
        "reporting database, 14 reports of this syndrome have been published."
    )
    assert not extract_draft(text).is_series


def test_an_analysis_counting_reports_is_screened_in_as_a_series() -> None:
    from dermavigil.literature.biblio import Record
    from dermavigil.literature.screen import screen_record

    record = Record(
        title="Injection-site abscesses after paliperidone palmitate: a retrospective analysis",
        abstract=(
            "Methods: We searched a national spontaneous reporting database for reports "
            "involving paliperidone palmitate. Results: We identified 57 reports of injection-site "
            "events. The most frequently reported events were abscess (n = 21, 37%) and "
            "induration (n = 9, 16%)."
        ),
    )
    verdict = screen_record(record)
    assert verdict.relevant
    assert verdict.reason.startswith("an analysis counting reports of a reaction")


def test_adverse_events_that_a_results_section_counts_are_the_series_own() -> None:
    text = (
        "Nerve injury after submental lipolysis: reports to a device database\n"
        "Methods: The device database was queried for reports of deoxycholate injections.\n"
        "Results: A total of 40 reports were retrieved. Reported adverse events include "
        "dysphagia (n = 6, 15%) and alopecia (n = 3, 8%)."
    )
    verbatims = _verbatims(text)
    assert "dysphagia" in verbatims and "alopecia" in verbatims


def test_counts_of_a_trial_or_a_cohort_by_exposure_are_events_in_aggregate() -> None:
    from dermavigil.literature.extract.series_facts import with_groups

    results = " Results: The events most often seen were induration (31) and urticaria (7 cases)."
    by_reaction = "Granulomas after a depot\nMethods: We describe 38 patients with injection-site"
    by_reaction += " reactions to the monthly depot." + results
    cohort = "Tolerability of a monthly depot\nMethods: A total of 240 patients received the"
    cohort += " monthly depot for a year." + results
    trial = "A randomised placebo-controlled trial of a monthly depot\nMethods: We describe 38"
    trial += " patients with injection-site reactions." + results

    def added(text: str) -> list[str]:
        return [s.text for s in with_groups([], split_sentences(text))]

    assert any("urticaria" in s for s in added(by_reaction))
    assert not any("urticaria" in s for s in added(cohort))
    assert not any("urticaria" in s for s in added(trial))


def test_an_estimate_of_reported_complications_is_background_in_a_single_report() -> None:
    text = (
        "Skin necrosis after a permanent filler injected by a layperson\n"
        "In one year more than 9,000 filler complications were reported to the national "
        "surveillance system. A 41-year-old woman developed skin necrosis of the glabella two "
        "days after an injection of a permanent filler."
    )
    assert not extract_draft(text).is_series
