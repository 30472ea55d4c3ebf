"""Case reports in Japanese, Chinese and Turkish: read with the official HPO translations and
the few words of their language, still partial (issue 10, "Bad input"; GVP VI.B.1.1.2: the
literature of every language is screened)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.language import identify, letter_language
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.drug_spellings_tr import turkish_drug
from dermavigil.terminology.translation_match import turkish_stem, unspaced_fold
from dermavigil.terminology.translations import translated_spans

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _code(english: str) -> str:
    return code_phrase(english)[0].code


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        ("注射后出现红斑、水肿及疼痛", "zh", ["erythema", "edema", "pain"]),
        ("注射後出現紅斑、水腫及疼痛", "zh", ["erythema", "edema", "pain"]),  # traditional
        ("右眼失明，伴恶心、呕吐", "zh", ["blindness", "nausea", "vomiting"]),
        ("頬部に紅斑と疼痛を認めた", "ja", ["erythema", "pain"]),
        ("右眼は盲となった", "ja", ["blindness"]),  # one character, kana on both sides
        ("盲腸に炎症を認めた", "ja", []),  # "盲" inside "盲腸" (caecum) is no blindness
        ("dudakta ödem ve döküntüler", "tr", ["edema", "rash"]),
        ("Hastanın ödemi ve döküntüsü geriledi", "tr", ["edema", "rash"]),  # suffixes
    ],
)
def test_translated_labels_in_japanese_chinese_and_turkish(text, language, english):
    found = [s.term_id for s in translated_spans(text, language)]
    assert found == [_code(e) for e in english]


def test_folding_keeps_one_character_for_one():
    text = "視網膜水腫，２天後"
    folded = unspaced_fold(text, "zh")
    assert folded == "视网膜水肿,2天后" and len(folded) == len(text)
    assert unspaced_fold("透明質酸", "ja") == "透明質酸"  # Japanese keeps its own characters


@pytest.mark.parametrize(
    ("a", "b"),
    [("ağrısı", "ağrı"), ("ağrıları", "ağrı"), ("ateşi", "ateş"), ("kızarıklığı", "kızarıklık")],
)
def test_turkish_suffixes_are_stripped(a, b):
    assert turkish_stem(a) == turkish_stem(b)
    assert turkish_stem("ağrısız") != turkish_stem("ağrı")  # without pain


def test_the_script_names_japanese_and_chinese():
    assert identify("症例は45歳、女性。両側頬部にヒアルロン酸を注入された。" * 3) == "ja"
    assert identify("患者,女,28岁,于美容机构行鼻背部透明质酸注射后出现疼痛。" * 3) == "zh"


def _read(name: str):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    shown = {key: [text[a:b] for a, b in spans] for key, spans in draft.evidence.items()}
    return draft, shown


def test_a_chinese_case_report_is_read_and_stays_partial():
    """dl01 (ours): reactions from the HPO's Chinese labels and the words of the domain, a
    negated sign ("无发热") left out, age and sex from "患者,女,28岁", the latency from the
    injection, treatments (hyaluronidase is not the filler its name contains), the last
    status (a scar left: sequelae)."""
    draft, shown = _read("dl01_chinese_filler_nose_necrosis")
    assert draft.partial and "Chinese" in draft.warnings[0]
    case = draft.case
    verbatims = [r["verbatim"] for r in case["reactions"]]
    assert verbatims[:6] == [
        "skin necrosis",
        "pain",
        "erythema",
        "edema",
        "pallor",
        "livedo reticularis",
    ]
    assert "fever" not in verbatims
    assert case["patient"] == {"age": {"value": 28.0, "unit": "year"}, "sex": "female"}
    assert case["reactions"][0]["onset_latency"] == {"value": 3.0, "unit": "day"}
    assert case["reactions"][0]["outcome"] == "recovered_with_sequelae"
    assert [t["drug"] for t in case["treatments"]] == [
        "hyaluronidase",
        "aspirin",
        "hyperbaric oxygen therapy",
    ]
    assert case["products"][0]["category"] == "ha_filler"
    assert case["products"][0]["body_sites"] == ["nose"]
    assert shown["patient.age"] == ["28岁"]
    assert shown["treatments.0.drug"] == ["透明质酸酶"]
    assert shown["reactions.0.onset_latency"] == ["注射后3天"]


def test_a_japanese_case_report_is_read_and_stays_partial():
    """dl02 (ours): a denial after its sign ("発熱は認めなかった"), a biopsy's finding,
    "注射の2週間後" as the latency, the treatments given, "消失" as recovery."""
    draft, shown = _read("dl02_japanese_filler_cheek_granuloma")
    assert draft.partial and "Japanese" in draft.warnings[0]
    case = draft.case
    verbatims = [r["verbatim"] for r in case["reactions"]]
    assert "fever" not in verbatims and {"erythema", "swelling", "pain"} <= set(verbatims)
    assert case["patient"] == {"age": {"value": 45.0, "unit": "year"}, "sex": "female"}
    assert case["reactions"][0]["onset_latency"] == {"value": 2.0, "unit": "week"}
    assert case["reactions"][0]["outcome"] == "recovered"
    assert [t["drug"] for t in case["treatments"]] == ["corticosteroids", "hyaluronidase"]
    assert len(case["findings"]) == 1  # "生検で異物肉芽腫の所見"
    assert case["products"][0]["body_sites"] == ["cheek"]
    assert shown["patient.age"] == ["45歳"]


def test_a_turkish_case_report_is_read_and_stays_partial():
    """dl03 (ours): suffixed words ("ateşi yoktu": denied after the sign), the Turkish family
    name of the filler, a stay in hospital and a drainage (serious), "iyileşti"."""
    draft, shown = _read("dl03_turkish_filler_lip_abscess")
    assert draft.partial and "Turkish" in draft.warnings[0]
    case = draft.case
    verbatims = [r["verbatim"] for r in case["reactions"]]
    assert "fever" not in verbatims
    assert {"abscess", "pain", "erythema", "swelling"} <= set(verbatims)
    assert case["patient"] == {"age": {"value": 32.0, "unit": "year"}, "sex": "female"}
    assert case["reactions"][0]["onset_latency"] == {"value": 5.0, "unit": "day"}
    assert case["reactions"][0]["outcome"] == "recovered"
    assert case["reactions"][0]["seriousness"] == ["hospitalisation", "medically_important"]
    assert [t["drug"] for t in case["treatments"]] == ["surgical drainage", "antibiotics"]
    assert (case["products"][0]["name"], case["products"][0]["category"]) == (
        "Hiyalüronik asit",
        "ha_filler",
    )
    assert shown["patient.age"] == ["32 yaşında"]


@pytest.mark.parametrize(
    "name", ["dl01_chinese_filler_nose_necrosis", "dl04_turkish_diclofenac_nicolau"]
)
def test_a_chinese_or_turkish_text_loads_no_identification_model(name):
    """The script names Japanese and Chinese, the letters Turkish: py3langid's model (about
    a second to load) is not loaded for them."""
    path = str(DATA / f"{name}.txt")
    script = (
        "import sys; from pathlib import Path; "
        "from dermavigil.literature.extract import extract_draft; "
        f"extract_draft(Path({path!r}).read_text()); "
        "print('py3langid.langid' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("diklofenak", "diclofenac"),
        ("diklofenaka", "diclofenac"),  # a case suffix
        ("penisilin", "penicillin"),
        ("deksametazon", "dexamethasone"),
        ("seftriakson", "ceftriaxone"),
        ("amoksisilin", "amoxicillin"),
        ("hiyalüronidaz", "hyaluronidase"),
        ("tedavisi", None),
        ("kalçasına", None),
    ],
)
def test_drug_names_as_turkish_spells_them(word, english):
    assert turkish_drug(word) == english


def test_turkish_is_told_by_its_letters():
    text = (DATA / "dl04_turkish_diclofenac_nicolau.txt").read_text(encoding="utf-8")
    assert letter_language(text) == "tr"
    assert letter_language("Presentamos el caso de una mujer de 54 años con necrosis.") is None


def test_a_turkish_drug_given_by_the_wrong_word_order_is_the_suspect():
    """dl04 (ours): the drug before the noun of its giving ("diklofenak enjeksiyonu"), its
    route word before it ("intramüsküler"), the reason for the injection ("bel ağrısı
    nedeniyle") no reaction, a latency told before the signs ("İki gün sonra ... gelişti"), a
    scar left at healing (sequelae), a Turkish drug name as a treatment ("pentoksifilin")."""
    draft, shown = _read("dl04_turkish_diclofenac_nicolau")
    case = draft.case
    product = case["products"][0]
    assert (product["name"], product["category"], product["route"]) == (
        "Diklofenak",
        "drug",
        "intramuscular",
    )
    assert product["approved_routes"] == ["intramuscular"]
    assert product["body_sites"] == ["buttock"]
    verbatims = [r["verbatim"] for r in case["reactions"]]
    assert verbatims == ["Nicolau syndrome", "pain", "livedo reticularis", "necrosis", "ulcer"]
    assert shown["reactions.1.verbatim"] == ["ağrı"]  # not "bel ağrısı nedeniyle"
    assert case["reactions"][0]["onset_latency"] == {"value": 2.0, "unit": "day"}
    assert case["reactions"][0]["outcome"] == "recovered_with_sequelae"
    assert [t["drug"] for t in case["treatments"]] == [
        "debridement",
        "antibiotics",
        "pentoxifylline",
    ]


def test_a_japanese_vascular_occlusion_with_a_denied_infarct():
    """dl05 (ours): the occlusions and their signs in Japanese ("網膜中心動脈閉塞症",
    "視力低下", "網状皮斑"), a denied sign ("脳梗塞は認めなかった"), a stay in hospital and a
    blindness (serious), the last status "残存" (not recovered), not "治癒" before it."""
    draft, _ = _read("dl05_japanese_filler_ophthalmic_occlusion")
    case = draft.case
    verbatims = [r["verbatim"] for r in case["reactions"]]
    assert "cerebral infarction" not in verbatims
    assert {
        "ophthalmic artery occlusion",
        "reduced visual acuity",
        "central retinal artery occlusion",
        "livedo reticularis",
        "blindness",
    } <= set(verbatims)
    assert case["reactions"][0]["outcome"] == "not_recovered"
    assert set(case["reactions"][0]["seriousness"]) == {"disability", "hospitalisation"}
    assert case["products"][0]["body_sites"] == ["glabella", "forehead"]


def test_a_latency_period_in_chinese():
    from dermavigil.literature.extract.foreign import read_foreign

    text = "患者,女,30岁。注射肉毒毒素后出现眼睑下垂、复视,潜伏期3 ~ 6 d。"
    facts = read_foreign(text, "zh")
    assert facts.onset is not None and (facts.onset.value, facts.onset.unit) == (3.0, "day")
