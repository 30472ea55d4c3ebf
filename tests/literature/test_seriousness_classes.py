"""Seriousness classes of this session (ICH E2A as docs/annotation.md applies it), each
pinned on texts we wrote: a reaction of this patient coded to an HPO phenotype that is a
criterion by itself (a visual impairment, a retinal artery occlusion, a stroke, a coma) is
serious whatever its wording; a diagnosis the convention does not list (necrotizing
fasciitis) is not life-threatening unless the text says so or states another criterion."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.domain.vocab import SeriousnessCriterion
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.seriousness_codes import reaction_criteria

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _criteria(text: str) -> set[str]:
    draft = extract_draft(text)
    return {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}


def test_own_text_visual_field_defect_is_a_disability():
    draft = extract_draft((DATA / "dq11_visual_field_and_infarct.txt").read_text("utf-8"))
    assert {c for r in draft.case["reactions"] for c in r.get("seriousness", [])} == {"disability"}
    # the evidence is the reaction's own words
    a, b = draft.evidence["reactions.0.seriousness"][0]
    assert draft.text[a:b].lower() == "visual field defect"


@pytest.mark.parametrize(
    ("codes", "criterion"),
    [
        (["HP:0001297"], SeriousnessCriterion.medically_important),  # stroke
        (["HP:0002140"], SeriousnessCriterion.medically_important),  # ischemic stroke
        (["HP:0007663"], SeriousnessCriterion.disability),  # reduced visual acuity
        (["HP:0000618"], SeriousnessCriterion.disability),  # blindness
        (["HP:0020164"], SeriousnessCriterion.disability),  # ophthalmic artery occlusion
        (["HP:0001259"], SeriousnessCriterion.life_threatening),  # coma
    ],
)
def test_phenotypes_that_are_criteria(codes: list[str], criterion: SeriousnessCriterion):
    assert reaction_criteria([(codes, [(0, 4)])]) == [(criterion, [(0, 4)])]


@pytest.mark.parametrize("codes", [["HP:0000622"], ["HP:0000508"], ["HP:0033126"]])
def test_phenotypes_that_are_not(codes: list[str]):
    """Blurred vision, ptosis, skin necrosis: no criterion by themselves."""
    assert reaction_criteria([(codes, [(0, 4)])]) == []


def test_necrotizing_fasciitis_alone_states_no_criterion():
    text = (
        "Fasciitis after a vaccine\nA 9-month-old boy developed swelling and necrotizing "
        "fasciitis of the left arm two days after a measles vaccine."
    )
    assert _criteria(text) == set()
    assert _criteria(text.replace("two days", "and was admitted to hospital two days")) == {
        "hospitalisation"
    }


def test_the_phenotype_subtrees_come_from_the_process_coder(monkeypatch: pytest.MonkeyPatch):
    """The coder's tables are read from disk once per process: the seriousness phenotypes
    reuse them (a second read cost ~0.2 s of every cold 'dermavigil extract')."""
    from dermavigil.literature.extract import seriousness_codes
    from dermavigil.terminology import disk_cache
    from dermavigil.terminology.coder import default_coder

    default_coder()
    reads: list[object] = []
    real_read = disk_cache.read
    monkeypatch.setattr(disk_cache, "read", lambda *a: reads.append(a) or real_read(*a))
    seriousness_codes._lineage.cache_clear()
    assert reaction_criteria([(["HP:0000618"], [(0, 4)])])
    assert reads == []


@pytest.mark.parametrize(
    ("codes", "criterion"),
    [
        (["HP:0000602"], SeriousnessCriterion.disability),  # ophthalmoplegia
        (["HP:0001269"], SeriousnessCriterion.disability),  # hemiparesis
        (["HP:0007209"], SeriousnessCriterion.disability),  # facial paralysis
        (["HP:0100845"], SeriousnessCriterion.life_threatening),  # anaphylactic shock
        (["HP:0002204"], SeriousnessCriterion.life_threatening),  # pulmonary embolism
        (["HP:0100806"], SeriousnessCriterion.medically_important),  # sepsis
        (["HP:0002140"], SeriousnessCriterion.medically_important),  # ischemic stroke
    ],
)
def test_more_phenotypes_that_are_criteria(codes: list[str], criterion: SeriousnessCriterion):
    """ICH E2A as the annotators apply it (docs/annotation.md, r5xx decisions): a paralysis,
    ophthalmoplegia included, is a disability; shock and embolism threaten life."""
    assert reaction_criteria([(codes, [(0, 4)])]) == [(criterion, [(0, 4)])]


@pytest.mark.parametrize(
    ("sentence", "criteria"),
    [
        # what the patient was only watched for is no criterion
        ("She was closely monitored for any sign of respiratory distress.", set()),
        ("He developed respiratory distress and was intubated.", {"life_threatening"}),
        # surgery told with other words: an operation, drains, a drainage performed
        ("The abscess drainage was performed under local anaesthesia.", {"medically_important"}),
        ("The nodules disappeared one year after the operation.", {"medically_important"}),
        ("Drains were inserted into the abscess.", {"medically_important"}),
        ("Encephalitis was diagnosed on magnetic resonance imaging.", {"life_threatening"}),
    ],
)
def test_criteria_told_in_sentences(sentence: str, criteria: set[str]) -> None:
    case = (
        "Swelling after a filler\nA 52-year-old woman developed swelling of the cheek two "
        "days after a hyaluronic acid filler injection. "
    )
    assert _criteria(case + sentence) == criteria


def test_admitted_as_a_confession_is_no_hospitalisation():
    """'he finally admitted to injecting nandrolone' confesses, it admits nobody to hospital
    (r575, r578, r590); the passive and the participle keep the hospital sense."""
    text = (DATA / "dc01_admitted_as_confession.txt").read_text("utf-8")
    assert _criteria(text) == set()
    assert (
        _criteria(text.replace("finally admitted to injecting", "admitted having injected"))
        == set()
    )
    for admitted in ("was admitted to our ward", "admitted to our ward"):
        changed = text.replace("was seen in our dermatology clinic", admitted)
        assert _criteria(changed) == {"hospitalisation"}


def test_the_word_serious_is_no_criterion_and_a_drained_abscess_is_surgery():
    """'A serious complication' in a case report's title names no ICH E2A criterion
    (docs/annotation.md, r050: 'a serious complication' is said of the reaction class); an
    abscess drained is surgical drainage, medically important (r470, r584)."""
    text = (DATA / "dc06_serious_as_a_word.txt").read_text("utf-8")
    assert _criteria(text) == set()
    drained = text.replace("An abscess formed in one nodule.", "The abscess was drained.")
    assert _criteria(drained) == {"medically_important"}
