"""Assessed-field classes read on the tune rounds of the twenty-first session, pinned on texts
we wrote (docs/annotation.md, ``rechallenge``, ``outcome``, ``onset_days``).

- A recurrent reaction told with the exposure it came back with ("recurrent panniculitis
  associated with X injections", "a recurring injection site reaction to X"), in the case or
  in the title of a case report, is a rechallenge that recurred (the r7xx and w0xx
  decisions), when the suspect is a medicine given in doses; a recurrent sign named without
  its exposure, or denied, is none, and so is the recurrent reaction to a material
  deposited once (a filler, silicone), which recurs with no new dose.
- "Remained stable" said of the patient's general condition or of a vital function
  ("his general condition remained stable overnight", "her vital signs remained stable")
  is no status of the reaction; said of a lesion it is the reaction persisting.
- A latency said as the time on a course of repeated doses ("after four months of weekly
  injections", "some 3 months after starting the drug") is no onset (time on repeated
  dosing is null); "within a week of her injections" is one.
- A passive summary of the case ("an unusual case is described, a reaction that ...
  persisted despite three courses of medicines") tells its last status, as the active one
  does; cases of the literature ("cases ... have been reported") do not.
- A recovery told as done before a later event ("upon recovering from the rash, she went
  back to ...") is recovered.
- "Improved" used as an adjective before its noun ("an improved injection technique")
  is no status, and neither is "improved" as a transitive verb with its object ("the pen
  device has improved dosing accuracy") or a status word as the object of a feeling ("an
  intense fear of death").
- The suspect continued ("kept on continuing to receive X", "the continued administration
  of X") with no new lesions or no further worsening is a rechallenge that did not recur.
- A persistence followed by a treatment told in the active voice ("we then drained the
  collection") is no last status, as one in the passive voice is not.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft


def _challenge(text: str, which: str) -> str | None:
    products = extract_draft(text).case["products"]
    return (products[0].get(which) or {}).get("result") if products else None


@pytest.mark.parametrize(
    "text",
    [
        "Recurrent panniculitis associated with subcutaneous enoxaparin injections: a case "
        "report\nA 66-year-old woman developed tender nodules on her abdomen after enoxaparin "
        "injections. The nodules were excised.",
        "A recurring injection site reaction to dupilumab\nA 31-year-old man developed an "
        "itchy erythematous plaque at the site of a dupilumab injection on his thigh.",
        "Necrosis after insulin\nA 45-year-old woman had recurrent skin necrosis induced by "
        "subcutaneous insulin injections into her thigh, which healed with dressings.",
    ],
)
def test_recurrent_reaction_told_with_its_exposure(text: str) -> None:
    assert _challenge(text, "rechallenge") == "recurred"


@pytest.mark.parametrize(
    "text",
    [
        "Swelling after a temple filler\nA 50-year-old woman had recurrent swelling, "
        "headache and tenderness of the temple after a hyaluronic acid filler injection.",
        "Jaw pain after botulinum toxin\nA 44-year-old woman had jaw pain after botulinum "
        "toxin injections into the masseter. There has been no recurrent pain after the "
        "injections were stopped.",
    ],
)
def test_recurrent_sign_without_its_exposure_is_no_rechallenge(text: str) -> None:
    assert _challenge(text, "rechallenge") is None


def test_a_recurrent_reaction_to_a_deposited_material_is_no_rechallenge() -> None:
    text = (
        "Recurrent nodules following a liquid silicone injection\nA 48-year-old woman had "
        "liquid silicone injected into her cheeks. Ten years later, red tender nodules "
        "appeared on both cheeks."
    )
    assert _challenge(text, "rechallenge") is None


def _outcome(text: str) -> str | None:
    case = extract_draft(text).case
    found = [r["outcome"] for r in case.get("reactions", []) if r.get("outcome")]
    return found[0] if found else None


@pytest.mark.parametrize(
    "text",
    [
        "Lip ischaemia after a filler\nA 39-year-old woman developed blanching and pain of the "
        "upper lip after a hyaluronic acid filler injection. Hyaluronidase was injected at "
        "once. She stayed on the ward for a night, her general condition remained stable "
        "throughout.",
        "Blurred vision after sclerotherapy\nA 58-year-old man had blurred vision for ten "
        "minutes after a foam sclerotherapy session. His vital signs remained stable.",
    ],
)
def test_general_condition_held_steady_is_no_status(text: str) -> None:
    assert _outcome(text) != "not_recovered"


def test_a_lesion_that_remained_stable_persists() -> None:
    text = (
        "Nodule after a filler\nA 47-year-old woman developed a firm nodule of the cheek six "
        "weeks after a calcium hydroxylapatite injection. Despite two courses of "
        "antibiotics, the nodule remained stable in size."
    )
    assert _outcome(text) == "not_recovered"


def _onset_days(text: str) -> float | None:
    from dermavigil.domain.dates import Duration

    case = extract_draft(text).case
    found = [
        Duration.model_validate(r["onset_latency"]).days()
        for r in case.get("reactions", [])
        if r.get("onset_latency")
    ]
    return min(found) if found else None


@pytest.mark.parametrize(
    "text",
    [
        "Panniculitis from hormone injections\nA 30-year-old woman developed painful "
        "subcutaneous nodules on her thighs after four months of weekly subcutaneous "
        "testosterone injections.",
    ],
)
def test_time_on_a_course_of_repeated_doses_is_no_onset(text: str) -> None:
    assert _onset_days(text) is None


@pytest.mark.parametrize(
    ("after", "said", "expected"),
    [
        (" after starting the insulin, he noticed firm nodules", "After about 3 months", True),
        (" of daily injections, she noticed a nodule", "after two weeks", True),
        (" after starting the infusion, she felt pain", "After 20 minutes", False),
    ],
)
def test_time_from_the_start_of_a_course(after: str, said: str, expected: bool) -> None:
    from dermavigil.literature.extract.onset_exclusions import not_an_onset

    assert not_an_onset("He used an insulin pen on his abdomen. ", after, said) is expected


def test_a_latency_within_a_week_of_the_injections_is_kept() -> None:
    text = (
        "Swelling after toxin\nA 45-year-old woman developed painful swelling of the cheek "
        "within a week of her botulinum toxin injections."
    )
    assert _onset_days(text) == 7


def _summed_outcome(text: str) -> str | None:
    from dermavigil.literature.extract.outcome import find_outcome, summaries
    from dermavigil.literature.extract.sentences import split_sentences

    sentences = split_sentences(text)
    told = sentences[-1:]  # the narrative: its last sentence, which states no status
    found = find_outcome(told, told[0].index, summed=summaries(sentences, told)).outcome
    return found.value if found is not None else None


def test_a_passive_summary_sentence_tells_the_last_status() -> None:
    text = (
        "Background: An unusual case is described, a lip filler reaction with granulomas "
        "that spread to the cheeks and persisted despite three courses of medicines. "
        "Methods: Two lip biopsies were studied. Results: Each biopsy showed hyaluronic acid "
        "inside a foreign body granuloma."
    )
    assert _summed_outcome(text) == "not_recovered"
    literature = text.replace("An unusual case is described", "Cases have been described")
    assert _summed_outcome(literature) is None


def test_cases_of_the_literature_are_no_summary() -> None:
    text = (
        "Nodules after a filler\nA 41-year-old woman developed nodules of the lips two weeks "
        "after a hyaluronic acid filler injection. A course of antibiotics was started. "
        "Cases of nodules that persisted for years have been reported."
    )
    assert _outcome(text) is None


def test_a_recovery_told_as_done_before_a_later_event_is_recovered() -> None:
    text = (
        "Urticaria after an antipsychotic depot\nA 24-year-old man developed generalised "
        "urticaria and wheezing 20 minutes after his first intramuscular injection of "
        "aripiprazole. Upon recovering from the urticaria, he went back to tablets, which "
        "caused no trouble."
    )
    assert _outcome(text) == "recovered"


def test_an_attributive_participle_is_no_status() -> None:
    text = (
        "Erythema after semaglutide\nA 49-year-old woman developed erythema and swelling "
        "around the injection site shortly after each semaglutide dose. The lesions resolved "
        "completely within two weeks of stopping the drug. She was taught an improved "
        "injection technique."
    )
    assert _outcome(text) == "recovered"


def test_a_therapy_that_has_improved_something_states_no_status() -> None:
    text = (
        "Abscesses after a depot\nA 22-year-old man developed two sterile abscesses at the "
        "sites of consecutive intramuscular injections of a long-acting antiretroviral. "
        "The pen device has improved dosing accuracy in children."
    )
    assert _outcome(text) is None


def test_the_swelling_that_has_improved_considerably_is_recovering() -> None:
    text = (
        "Swelling after a filler\nA 35-year-old woman developed swelling of the lips two days "
        "after a hyaluronic acid filler injection. The swelling has improved considerably."
    )
    assert _outcome(text) == "recovering"


def test_the_object_of_a_feeling_is_no_status() -> None:
    text = (
        "Panic after procaine penicillin\nSeconds after an intramuscular injection of "
        "procaine penicillin, a 30-year-old man had tinnitus, blurred sight and an intense "
        "fear of death."
    )
    assert _outcome(text) != "fatal"


@pytest.mark.parametrize(
    "text",
    [
        "Lipoatrophy from glatiramer\nA 37-year-old woman developed a depressed plaque at a "
        "glatiramer acetate injection site on her thigh. Over the next year she kept "
        "continuing to receive glatiramer acetate, and no new lesions developed.",
        "Bruising from heparin\nA 70-year-old man developed painful haematomas at the "
        "enoxaparin injection sites on his abdomen. We chose the continued administration of "
        "enoxaparin, and no further nodules emerged over a month.",
    ],
)
def test_continued_exposure_tolerated_did_not_recur(text: str) -> None:
    assert _challenge(text, "rechallenge") == "did_not_recur"


def test_a_persistence_followed_by_an_active_voice_excision_is_no_last_status() -> None:
    text = (
        "Abscess after a filler\nA 33-year-old woman had a tender swelling of the chin ten "
        "days after a calcium hydroxylapatite injection. Oral antibiotics did not improve "
        "it. We then drained the collection under local anaesthesia."
    )
    assert _outcome(text) is None
