"""Seriousness, outcome and onset failure classes of the r9xx round (dev since the ninth
session), each pinned on sentences we wrote (docs/annotation.md, `serious`, `outcome`,
`onset_days`):

- seriousness: an operation worded as a surgical procedure performed, a necrectomy, tissue
  removed and a resolution told after it, a resolution tied to the excision in its own
  sentence are surgery on the reaction (r916, r940, r965, r977); an operation to exclude a
  tumour is diagnostic, like an excisional biopsy (r955); a well-child clinic is no
  admission (r968); a death the text gives another cause is no death criterion (r974);
- outcome: a follow-up free of further pain, a good recovery, a response to treatment, a
  dependence on the treatment that remains, a healing observed with a scar, a non-healing
  ulcer (r908, r929, r930, r950, r965, r968); a death from the cancer after the reaction
  healed is no fatal outcome (r974);
- onset: the time the patient "presents" (r912) and the time a treatment took to relieve
  (r986) are no onset; in French and Spanish, a number run into its unit and a latency
  from a treatment's start or a session (r982, r989, r994).
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.realscore import draft_view

_CASE = (
    "Nodules after a hyaluronic acid filler\n"
    "A 45-year-old woman developed painful nodules and swelling in both cheeks two weeks "
    "after a hyaluronic acid filler injection. "
)


def _read(text: str) -> tuple[set[str], str | None]:
    draft = extract_draft(_CASE + text)
    criteria = {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}
    return criteria, draft_view(draft)["outcome"]


@pytest.mark.parametrize(
    ("text", "criteria"),
    [
        ("A surgical procedure was thereby performed to treat the ulcer.", {"medically_important"}),
        ("The necrotic area required necrectomy.", {"medically_important"}),
        (
            "The abscess and necrotic fat tissue were removed through liposuction. Thereafter "
            "the signs resolved completely.",
            {"medically_important"},
        ),
        (
            "The swelling, which resolved promptly after surgical excision of the filler, did "
            "not return.",
            {"medically_important"},
        ),
        (
            "Although she was surgically treated because of the possibility of malignancy, no "
            "tumour was found.",
            set(),
        ),
        ("She was admitted to the well-child clinic for the swelling.", set()),
        (
            "The nodules healed completely, but a year later the patient died from the "
            "progression of her cancer.",
            set(),
        ),
    ],
)
def test_seriousness_classes(text: str, criteria: set[str]) -> None:
    assert _read(text)[0] == criteria


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Three months have passed since the operation; the patient has not experienced any "
            "further pain.",
            "recovered",
        ),
        ("She achieved good recovery after the treatment.", "recovered"),
        ("The nodules and the pain responded well to oral steroids.", "recovering"),
        ("A year later the patient remains corticosteroid dependent.", "not_recovered"),
        (
            "Conservative treatment was chosen and the lesion was observed to heal with scar "
            "formation.",
            "recovered_with_sequelae",
        ),
        ("The nodules broke down into a non-healing ulcer.", None),
        (
            "The nodules healed completely, but a year later the patient died from the "
            "progression of her cancer.",
            "recovered",
        ),
    ],
)
def test_outcome_classes(text: str, outcome: str | None) -> None:
    assert _read(text)[1] == outcome


@pytest.mark.parametrize(
    "text",
    [
        "Nodules after a filler\nA 47-year-old woman presents 12 days after injection of a "
        "hyaluronic acid filler with painful nodules of the lips.",
        "Ischaemia after an injection\nA 50-year-old woman injected a crushed tablet into her "
        "radial artery. Her fingers became pale and painful. The digits regained their colour "
        "and the pain resolved within 15 minutes of administration of sublingual nitroglycerin.",
    ],
)
def test_no_onset(text: str) -> None:
    assert draft_view(extract_draft(text))["onset_days"] is None


@pytest.mark.parametrize(
    ("text", "language", "days"),
    [
        (
            "Un homme de 30 ans a reçu un vaccin dans le deltoïde. Il développait 48heures après "
            "l'injection une douleur et un œdème.",
            "fr",
            2.0,
        ),
        (
            "Une patiente de 70 ans a présenté des bulles hémorragiques survenues 4jours après "
            "l'introduction d'un traitement par l'héparine.",
            "fr",
            4.0,
        ),
        (
            "Mujer de 60 años en hemodiálisis. Siete días tras la primera sesión, se inició una "
            "dermatosis con necrosis en el abdomen.",
            "es",
            7.0,
        ),
        # a German range, lower bound, from an 'Anwendung' (r887)
        (
            "Eine 60jährige Frau bemerkt zwei bis drei Wochen nach intramuskulärer Anwendung "
            "von Diclofenac eine schmerzhafte Nekrose am Gesäß.",
            "de",
            14.0,
        ),
        # "N later" before a sign's verb, as the English "three days later" (r981)
        (
            "Un hombre de 72 años recibe enoxaparina por vía subcutánea en el abdomen. Tres días "
            "después aparecen lesiones ampollosas hemorrágicas en las piernas.",
            "es",
            3.0,
        ),
    ],
)
def test_foreign_latencies(text: str, language: str, days: float) -> None:
    onset = read_foreign(text, language).onset
    assert onset is not None and onset.days() == days


_SUMMED = (
    "Mastitis after a breast hydrogel injection\n"
    "Introduction: Hydrogel injections are still used for breast augmentation in some "
    "countries. {summary}\n"
    "Case report: A 31-year-old woman presented with painful redness of the left breast two "
    "months after a hydrogel injection in both breasts. She also had fever and a foul "
    "discharge from the breast."
)


def test_a_summary_outside_the_case_sentences_states_seriousness_and_outcome() -> None:
    """'This article presents the case of ... which required multiple debridements' in the
    introduction, the narrative cut before the operation (r907); 'This case highlights the
    successful management of ...' (r966); the section filter leaves both out of the case."""
    serious = _SUMMED.format(
        summary="This article presents the case of a necrotizing mastitis which required "
        "multiple debridements and a delayed flap reconstruction."
    )
    draft = extract_draft(serious)
    assert {c for r in draft.case["reactions"] for c in r.get("seriousness", [])} == {
        "medically_important"
    }
    managed = _SUMMED.format(
        summary="This case highlights the successful management of a breast abscess after "
        "hydrogel injection with drainage and antibiotics."
    )
    assert draft_view(extract_draft(managed))["outcome"] == "recovered"


def test_a_display_setting_before_the_article_type_names_no_section() -> None:
    """A journal page's display settings ('Column Width:', 'Background:') before the 'Case
    Report' article type: the case told after them is no background (r934)."""
    text = (
        "Font Size:\nColumn Width:\nBackground:\nCase Report\n"
        "Embolism after buttock filler injections in a woman\n"
        "Abstract\n"
        "We present the case of a thirty-one-year-old woman who presents with cough and "
        "dyspnea after receiving filler injections in the buttocks. The patient's symptoms "
        "progress rapidly and she develops acute respiratory failure requiring intubation."
    )
    sections = {s.text[:8]: s.section for s in split_sentences(text)}
    assert sections["The pati"] is None
    draft = extract_draft(text)
    assert "life_threatening" in {c for r in draft.case["reactions"] for c in r["seriousness"]}


def test_a_numbered_label_opens_its_section() -> None:
    """'Abstract / : / (1) Background: ...; (2) Methods: ...' (a journal page's abstract): the
    numbered label after the stray colon is the section's (r935)."""
    sentences = split_sentences(
        "Gel complications after breast augmentation\nAbstract\n:\n"
        "(1) Background: The gel was developed for contouring the face. It was later used in "
        "the breast."
    )
    assert [s.section for s in sentences[-2:]] == ["background", "background"]
    assert sentences[-2].text.startswith("The gel")


@pytest.mark.parametrize(
    ("text", "criteria", "outcome"),
    [
        # a stay told by its discharge on a postoperative day (r777); the discharge, the only
        # status told, is recovering (docs/annotation.md, the v0xx decisions)
        (
            "She underwent excision of the nodules under general anaesthesia and was "
            "discharged on POD 1.",
            {"hospitalisation"},
            "recovering",
        ),
        # surgery worded 'treated surgically', tied to its result (r878)
        (
            "The patient was treated surgically with excision of the nodules, with good result.",
            {"medically_important"},
            "recovered",
        ),
        # the exposure's own operation (r828); an operation told as a removal with no
        # resolution after it (r816, r831); an earlier stay (r872)
        ("Her initial surgery was performed in an aesthetic clinic.", set(), None),
        ("Surgical treatment was performed to extract the encapsulated lesion.", set(), None),
        ("She was admitted 1 month before this presentation for a seizure.", set(), None),
        ("During her last admission, she had received intravenous antibiotics.", set(), None),
        # the criteria a definition lists, one per bulleted line (r792)
        (
            "An event is serious (FDA MedWatch definition) when the patient outcome is:\n"
            "\u2022 * death\n\u2022 * life-threatening\n\u2022 * hospitalisation\n",
            set(),
            None,
        ),
        # free of complications after the operation, regular activities resumed (r777, r973);
        # 'no other complications' says nothing of the reaction itself (r572)
        ("After surgery the patient presented no complications.", set(), "recovered"),
        ("Thereafter she was resuming all regular activities.", set(), "recovered"),
        ("There were no other complications up to the age of 18 months.", set(), None),
    ],
)
def test_stays_operations_and_statuses(text: str, criteria: set[str], outcome: str | None) -> None:
    assert _read(text) == (criteria, outcome)


def test_an_admission_in_the_sentence_of_the_exposure_is_the_stay_it_began() -> None:
    """'received ... phenytoin ... and was admitted to the medicine service', the reaction
    told in the next sentence: the stay was the one the exposure began (r877); an admission
    told with its own time is the reaction's."""
    text = (
        "Purple glove syndrome after intravenous phenytoin\n"
        "A 25-year-old woman presented to the emergency department after a seizure. She "
        "received phenytoin 1 g intravenously over 3 hours and was admitted to the medicine "
        "service. Soon she felt pain and swelling of the left forearm around the cannula."
    )
    draft = extract_draft(text)
    assert not {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}
    later = text.replace("was admitted to", "two days later was admitted to")
    draft = extract_draft(later)
    assert "hospitalisation" in {c for r in draft.case["reactions"] for c in r["seriousness"]}
    dated = text.replace(
        "She received phenytoin 1 g intravenously over 3 hours and was admitted to the medicine "
        "service.",
        "Two days before admission, she received phenytoin 1 g intravenously.",
    )
    draft = extract_draft(dated)
    assert "hospitalisation" in {c for r in draft.case["reactions"] for c in r["seriousness"]}


@pytest.mark.parametrize(
    "text",
    [
        # time on a repeated-dose therapy (r555, r568, r774, r983)
        "Ulcers after interferon\nA 49-year-old woman developed necrotic ulcers on both arms "
        "after 3 months of treatment with subcutaneous interferon beta.",
        "Necrosis after heparin\nA 70-year-old woman received subcutaneous heparin twice a day. "
        "Nineteen days after heparin therapy began, black necrotic areas were noted on her "
        "abdomen.",
        # how long a sign lasted, when the patient recovered (r807, r826)
        "Weakness after botulinum toxin\nA 50-year-old woman had botulinum toxin injected into "
        "the platysma. Muscle weakness of the neck persisted for approximately two months "
        "post-procedure.",
        "Necrosis after a filler\nA 30-year-old woman developed skin necrosis of the nose after "
        "a hyaluronic acid filler injection. She experienced a full recovery 86 days after the "
        "injection.",
        # the exposure dated back from the visit, the first sign not dated (r991)
        "A nodule after vaccination\nWe report a 76-year-old woman who was suffering from a "
        "tender subcutaneous nodule on her left upper arm. One month before, she had received "
        "an influenza vaccination in the same area.",
    ],
)
def test_no_onset_on_therapy_duration_or_visit(text: str) -> None:
    assert draft_view(extract_draft(text))["onset_days"] is None


def test_a_follow_up_later_is_no_latency() -> None:
    """'Dos semanas después, en el control, las lesiones habían desaparecido': no sign's verb
    follows, the time of a follow-up."""
    text = (
        "Mujer de 50 años con necrosis tras la aplicación de diclofenaco. Dos semanas después, "
        "en el control, las lesiones habían desaparecido."
    )
    assert read_foreign(text, "es").onset is None


def test_an_infants_age_is_no_latency() -> None:
    """'niño de 7 meses de edad, luego de inyección ...': the age, not a latency (r766)."""
    text = (
        "Caso clínico: niño de 7 meses de edad, luego de inyección intramuscular de metamizol "
        "presenta llanto continuo y una mancha violácea en el glúteo."
    )
    assert read_foreign(text, "es").onset is None


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # the state that brought the patient, or the state when she was seen (r801, r828, r907)
        ("The nodules did not improve, so she decided to seek treatment at our center.", None),
        ("At presentation, the swelling had worsened.", None),
        # a persistence as a cause, a laboratory value, a journal's boilerplate, an earlier
        # episode (r539, r761, r750, r855)
        ("Surgical drainage was required due to a persisting high fever.", None),
        ("Her HbA1c worsened to 8.1%.", None),
        (
            "All questions related to the accuracy of the work are appropriately investigated "
            "and resolved.",
            None,
        ),
        (
            "She reported a similar event in the other cheek a year earlier that had resolved "
            "without treatment.",
            None,
        ),
        # lesions smaller at a follow-up (r806); a fibrosis said to remain, a scar left, a
        # deformity that persisted (r577, r744, r624)
        ("The follow-up at 21 days showed decreased edema of the cheeks.", "recovering"),
        ("The diffuse sclerosis and dense fibrosis remained.", "recovered_with_sequelae"),
        ("The necrosis left the patient with a full thickness scar.", "recovered_with_sequelae"),
        ("Persistent deformities occurred due to delayed treatment.", "recovered_with_sequelae"),
    ],
)
def test_interim_states_and_lasting_changes(text: str, outcome: str | None) -> None:
    assert _read(text)[1] == outcome


def test_spanish_stays_before_the_exposure_and_resolutions_told_by_verbs() -> None:
    """'es hospitalizado por falla cardiaca ... Desde su ingreso, se inició ... enoxaparina':
    the stay the exposure was given in (r981); 'se resolvieron', 'resolviendo' (r956, r981);
    an admission for the reaction after the exposure still counts."""
    before = read_foreign(
        "Un hombre de 72 años es hospitalizado por insuficiencia cardiaca aguda. Desde su "
        "ingreso, se inició la administración de enoxaparina subcutánea. A los tres días "
        "presentó ampollas hemorrágicas y necrosis en el abdomen. Las lesiones se resolvieron "
        "en un mes.",
        "es",
    )
    assert before.seriousness == [] and before.outcome is not None
    assert before.outcome.value == "recovered"
    after = read_foreign(
        "Mujer de 74 años que presentó ampollas hemorrágicas en el abdomen tras la aplicación "
        "de enoxaparina. Ingresó en la UCI por una necrosis extensa.",
        "es",
    )
    assert [c.value for c in after.seriousness] == ["hospitalisation"]


@pytest.mark.parametrize(
    "text",
    [
        # surgery and a drug named together, a removal told as a success, a base-form
        # operation, an exploration of the injected tissue (r664, r606, r822, r879)
        "The infection was controlled successfully after surgical and antibiotic treatment.",
        "Surgical removal of the filler was successfully performed.",
        "The findings guided the decision to surgically excise the nodules, with satisfactory "
        "results.",
        "She recovered completely after chelation and tissue exploration of the injected sites.",
    ],
)
def test_operations_worded_otherwise(text: str) -> None:
    assert _read(text)[0] == {"medically_important"}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # wound healing as the result of care, good function at a follow-up, a sign still
        # present at a follow-up (r730, r862, r656)
        ("Daily local care has led to wound healing, without any important sequel.", "recovered"),
        (
            "Follow-up showed good radiographic, clinical, and hand function after 2 months.",
            "recovered",
        ),
        ("The staining was present 2 months later at follow-up.", "not_recovered"),
    ],
)
def test_statuses_at_a_follow_up(text: str, outcome: str) -> None:
    assert _read(text)[1] == outcome
