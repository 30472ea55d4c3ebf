"""Structural failure classes (issue 10): the pipeline's shape, not a phrase.

1. Seriousness, outcome and onset with no reaction to carry them: a criterion the text
   states of this patient (an admission, a death, an operation), its last stated status or
   its stated latency stays in the draft when the reaction finder coded no reaction; the
   draft holds them with their evidence, also when a case report names no age or sex (a
   review keeps none) (docs/annotation.md, ``serious``: ICH E2A applied to what the text
   says; ``outcome``: the last stated status; ``onset_days``); the title of a case report
   tells a criterion of its case, as it tells its outcome.
2. De- and rechallenge of a text in another language, read with the words of its language
   (:mod:`dermavigil.literature.extract.foreign_challenge`; docs/annotation.md,
   ``rechallenge`` / ``dechallenge``: a reaction after each dose recurred).
3. The case window: a narrative told in the past tense goes on past the three sentences
   that may continue a patient sentence, so the outcome its last sentence states is read
   (:func:`dermavigil.literature.extract.relevance.case_sentences`).
The texts are ours (``ds01``-``ds06``; the sentences below), none copied from an abstract.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.foreign_challenge import foreign_challenges
from dermavigil.literature.extract.foreign_languages import fold, split_unspaced
from dermavigil.literature.extract.relevance import case_sentences
from dermavigil.literature.extract.roles import told_wholly_in_past
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.realscore import draft_view
from dermavigil.literature.scoring import facts_of

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def test_a_stated_criterion_makes_the_draft_serious_without_a_reaction() -> None:
    text = (DATA / "ds01_serious_without_a_reaction.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft.case["reactions"] == []  # the migration is no coded reaction
    assert draft.serious() == ["hospitalisation"]
    assert [draft.text[a:b] for a, b in draft.evidence["seriousness"]] == ["admitted"]
    assert draft.to_json_dict()["seriousness"] == ["hospitalisation"]
    assert draft_view(draft)["serious"] is True
    assert facts_of(draft)["seriousness"] == ["hospitalisation"]


def test_the_last_stated_status_stays_without_a_reaction() -> None:
    text = (DATA / "ds03_outcome_without_a_reaction.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft.case["reactions"] == []  # a migration has no HPO code
    assert draft.outcome == "recovered"
    assert [draft.text[a:b] for a, b in draft.evidence["outcome"]] == ["fully resolved"]
    assert draft_view(draft)["outcome"] == "recovered"
    assert facts_of(draft)["outcomes"] == ["recovered"]


def test_the_stated_onset_stays_without_a_reaction() -> None:
    text = (DATA / "ds04_onset_without_a_reaction.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft.case["reactions"] == []
    assert draft.onset == {"value": 3.0, "unit": "week"}
    assert draft.text[slice(*draft.evidence["onset"][0])].startswith("three weeks after")
    assert draft_view(draft)["onset_days"] == 21.0
    assert facts_of(draft)["onset_days"] == 21.0


def test_the_outcome_at_the_end_of_a_long_narrative_is_read() -> None:
    text = (DATA / "ds02_outcome_past_the_window.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft_view(draft)["outcome"] == "recovered"
    sentences = split_sentences(text)
    window = case_sentences(sentences, told_wholly_in_past)
    assert [s.text for s in window][-1] == "Complete resolution was achieved after six months."
    assert len(case_sentences(sentences)) == len(window) - 1  # three continuations only


def test_a_text_in_another_language_keeps_its_status_without_a_reaction() -> None:
    text = (
        "Desplazamiento de gel de poliacrilamida en las pantorrillas\n"
        "Una mujer de 52 años notó que el gel de poliacrilamida inyectado en las pantorrillas "
        "años antes se había desplazado hacia el tobillo. Se retiró el material bajo anestesia "
        "local, con resolución completa a los tres meses."
    )
    draft = extract_draft(text)
    assert draft.case["reactions"] == [] and draft.partial
    assert draft.outcome == "recovered"
    assert [draft.text[a:b] for a, b in draft.evidence["outcome"]] == ["resolución"]


def test_a_case_report_naming_no_age_or_sex_keeps_its_criteria() -> None:
    text = (DATA / "ds05_case_report_without_a_patient.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft.case["patient"] == {} and draft.case["reactions"] == []
    assert draft.serious() == ["hospitalisation", "medically_important"]
    assert draft.partial


def test_the_title_of_a_case_report_states_a_criterion_of_the_case() -> None:
    text = (DATA / "ds06_criterion_in_the_title.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft.serious() == ["medically_important"]
    spans = draft.evidence["reactions.0.seriousness"]
    assert [draft.text[a:b] for a, b in spans] == ["skin graft"]


def test_a_review_keeps_no_case_level_seriousness() -> None:
    text = (
        "Complications of polyacrylamide gel injections: a review\n"
        "We reviewed the literature on polyacrylamide gel injections. Complications that "
        "have been reported include migration and infection; patients were admitted to "
        "hospital and some died of sepsis."
    )
    draft = extract_draft(text)
    assert draft.serious() == []
    assert draft.outcome is None and draft.onset is None
    assert "seriousness" not in draft.evidence


_ES = (
    "Lesiones ampollosas a distancia durante la profilaxis con enoxaparina\n"
    "Una mujer de 68 años recibió enoxaparina subcutánea en el abdomen como profilaxis antes "
    "de un viaje largo. Al cuarto día presentó ampollas tensas y hemorrágicas en ambos "
    "antebrazos. Se suspendió la enoxaparina y se cambió a fondaparinux, con mejoría de las "
    "lesiones en una semana."
)
_ZH = (
    "肌内注射维生素K1后臀部皮肤瘙痒1例\n"
    "患者,男,41岁,因凝血功能异常在门诊予臀部肌内注射维生素K1,每日1次。第2天患者诉臀部皮肤"
    "瘙痒伴红斑。当天停用维生素K1,停药后3天瘙痒减轻,红斑消退。"
)
_JA = (
    "インターフェロン皮下注射部位の潰瘍の1例\n"
    "52歳,女性.C型肝炎のためインターフェロンβの皮下注射を2年前より受けていたところ,"
    "注射部位に一致して紅斑と潰瘍が何度も生じるようになった."
)
_FR = (
    "Urticaire après injection d'acide hyaluronique\n"
    "Une femme de 39 ans a présenté une urticaire du visage deux heures après une injection "
    "d'acide hyaluronique dans les lèvres. Les lésions ont disparu en cinq jours sous "
    "antihistaminiques. Lors d'une nouvelle injection du même produit six mois plus tard, "
    "l'urticaire est réapparue."
)
_DE = (
    "Hautnekrose nach subkutaner Injektion von Enoxaparin\n"
    "Eine 74-jährige Patientin erhielt Enoxaparin subkutan in die Bauchhaut. Nach drei Tagen "
    "zeigte sich eine schmerzhafte Hautnekrose an der Injektionsstelle. Enoxaparin wurde "
    "abgesetzt, ohne Besserung der Nekrose in den folgenden zwei Wochen."
)


@pytest.mark.parametrize(
    ("text", "rechallenge", "dechallenge"),
    [
        (_ES, None, "improved"),
        (_ZH, None, "improved"),
        (_JA, "recurred", None),
        (_FR, "recurred", None),
        (_DE, None, "not_improved"),
    ],
)
def test_a_text_in_another_language_tells_its_challenges(
    text: str, rechallenge: str | None, dechallenge: str | None
) -> None:
    draft = extract_draft(text)
    assert draft.partial  # a text in another language stays partial
    suspect = draft.case["products"][0]
    assert (suspect.get("rechallenge") or {}).get("result") == rechallenge
    assert (suspect.get("dechallenge") or {}).get("result") == dechallenge
    for key in ("products.0.rechallenge.done", "products.0.dechallenge.done"):
        for a, b in draft.evidence.get(key, []):
            assert draft.text[a:b].strip()


@pytest.mark.parametrize(
    ("language", "sentence", "rechallenge", "dechallenge"),
    [
        ("pt", "O medicamento foi suspenso, sem melhora das lesões.", None, "not_improved"),
        ("it", "Dopo ogni iniezione comparivano noduli dolorosi.", "recurred", None),
        (
            "es",
            "Tras la reintroducción del fármaco no hubo reacción alguna, sin recurrencia.",
            "did_not_recur",
            None,
        ),
        ("zh", "停药后皮疹未见好转。", None, "not_improved"),
        ("tr", "İlaç kesildikten sonra lezyonlar geriledi.", None, "improved"),
        ("fr", "Un arrêt cardiaque est survenu, puis une amélioration.", None, None),
        ("es", "Presentó mejoría progresiva tras cada sesión de láser.", None, None),
        ("ja", "注射部位に軽度に紅斑が生じた.", None, None),
        ("es", "Se administró una suspensión inyectable con mejoría del dolor.", None, None),
    ],
)
def test_the_words_of_each_language(
    language: str, sentence: str, rechallenge: str | None, dechallenge: str | None
) -> None:
    case = split_unspaced(split_sentences(sentence), sentence, language)
    facts = foreign_challenges(fold(sentence, language), case, language)
    assert (facts.rechallenge_result.value if facts.rechallenge_result else None) == rechallenge
    assert (facts.dechallenge_result.value if facts.dechallenge_result else None) == dechallenge
