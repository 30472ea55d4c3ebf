"""Products and route approval, v0xx round classes (docs/annotation.md, ``products``,
``approved``), pinned on texts and phrases we wrote: the drug a case report in Japanese or
Chinese was given (katakana names read back to the English lexicon by their Hepburn reading,
Latin letters inside the sentence, a vitamin with its letter, an agent noun in 剤, the route
words of the language, a leak out of the vessel as a wrong route); botulinum toxin injected
into the muscle or organ it treats; drugs abused, crushed oral forms and heroin injected;
Romance salts named anion first and a drug named with its route."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.foreign_words_ja import WRONG
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.katakana import find_katakana_drugs, hepburn, katakana_drug

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("インスリン", "insulin"),
        ("ヘパリン", "heparin"),
        ("ゲンタマイシン", "gentamicin"),
        ("デキサメタゾン", "dexamethasone"),  # s voiced between vowels
        ("ジクロフェナク", "diclofenac"),  # di written ジ
        ("インターフェロン", "interferon"),  # "-er-" as a long vowel
        ("カルバマゼピン", "carbamazepine"),  # "-ar-" as a syllable
        ("アポモルヒネ", "apomorphine"),  # ph written ヒ
        ("メトトレキサート", "methotrexate"),  # of two spellings, the labelled one
    ],
)
def test_a_katakana_drug_name_reads_back_to_the_lexicon(word, english):
    assert katakana_drug(word) == english


@pytest.mark.parametrize(
    "word",
    ["コントロール", "ボツリヌス", "アナフィラキシー", "パッチテスト", "ステロイド", "マッサージ"],
)
def test_a_katakana_word_that_shares_consonants_with_a_brand_is_no_drug(word):
    assert katakana_drug(word) is None


def test_hepburn_reading():
    assert hepburn("フルベストラント") == "furubesutoranto"
    assert hepburn("キュービック") == "kyuubiku"  # ャュョ join, ー lengthens, ッ is left out
    assert hepburn("フェノール") == "fenooru"


def test_a_compound_names_the_drug_of_its_head():
    assert find_katakana_drugs("腹部のインスリンボールを認めた") == [(3, 8, "insulin")]


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def _own(name: str) -> dict:
    return _view((DATA / f"{name}.txt").read_text(encoding="utf-8"))


def test_own_text_a_katakana_drug_given_by_its_route():
    """dp31 (ours): heparin in katakana, "皮下注射" as its route, given as it is made for; a
    Japanese text printed with Western full stops ("男性.") is cut into sentences."""
    view = _own("dp31_japanese_katakana_drug_subcutaneous")
    assert view["products"] == [("ヘパリン", "drug")]
    assert view["route"] == "subcutaneous" and view["route_approval"] is True


def test_own_text_an_agent_noun_that_leaked_out_of_the_vein():
    """dp32 (ours): "造影剤" (a contrast agent) named by its noun in 剤; injected into a vein
    ("静脈から...注入") and leaked out of it ("血管外漏出"): not given as it is made for."""
    view = _own("dp32_japanese_agent_noun_extravasation")
    assert view["products"] == [("造影剤", "drug")]
    assert view["route"] == "intravenous" and view["route_approval"] is False


@pytest.mark.parametrize(
    ("text", "product", "route"),
    [
        (
            "BCG接種後に生じた皮膚結核の1例\n症例は2歳、男児。左上腕にBCGを皮内接種された。"
            "接種の3か月後に接種部位に結節が出現した。",
            ("BCG", "vaccine"),
            "intradermal",
        ),
        (
            "肌注维生素K1后出现臀部皮肤硬结1例\n患者,女,40岁。因出血予维生素K1注射液肌注,"
            "注射后2天出现臀部红斑、硬结。",
            ("维生素K1", "drug"),
            "intramuscular",
        ),
    ],
)
def test_latin_letters_and_vitamins_inside_an_unspaced_sentence(text, product, route):
    view = _view(text)
    assert view["products"][:1] == [product]
    assert view["route"] == route and view["route_approval"] is True


def test_a_leak_is_a_wrong_route_in_japanese():
    assert WRONG.search("筋注時に皮下への薬液漏れがあった")


def test_own_text_toxin_injected_into_the_glands_it_treats():
    """dp33 (ours): botulinum toxin "injections into both submandibular glands" for drooling:
    the organ of its indication, approved (E2B route other: no intraglandular route)."""
    view = _own("dp33_toxin_into_salivary_glands")
    assert view["route"] == "other" and view["route_approval"] is True


def test_toxin_injected_into_a_named_muscle_is_intramuscular_and_approved():
    view = _view(
        "Weakness after botulinum toxin for spasticity\nA 52-year-old woman with post-stroke "
        "spasticity received 200 units of botulinum toxin injected into the left gastrocnemius "
        "muscle. One week later she developed generalised weakness and ptosis."
    )
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_own_text_a_drug_abused_by_self_injection_is_not_given_as_made_for():
    """dp34 (ours): "a history of tramadol abuse", the drug injected into the thighs."""
    view = _own("dp34_opioid_abuse_thigh_abscess")
    assert view["products"] == [("tramadol", "drug")] and view["route_approval"] is False


@pytest.mark.parametrize(
    "text",
    [
        "A 30-year-old woman presented with forearm necrosis three days after intravenously "
        "injecting herself with crushed oxycodone.",
        "A 25-year-old man developed leg ulcers after subcutaneous injection of heroin.",
    ],
)
def test_crushed_oral_forms_and_heroin_are_not_given_as_made_for(text):
    assert _view(text)["route_approval"] is False


@pytest.mark.parametrize(
    ("text", "product", "route"),
    [
        (
            "Necrosis cutánea tras la administración de gluconato de calcio\nVarón de 60 años. "
            "Tras la administración de gluconato de calcio por vía intravenosa presentó eritema "
            "y necrosis en el antebrazo.",
            ("gluconato de calcio", "drug"),  # anion "de" cation: calcium gluconate
            "intravenous",
        ),
        (
            "Mujer de 35 años que recibió tratamiento con ketoprofeno por vía intramuscular. A "
            "las dos horas presentó dolor intenso y necrosis en el glúteo derecho.",
            ("ketoprofeno", "drug"),  # the route right after the name: the drug given
            "intramuscular",
        ),
    ],
)
def test_romance_salts_and_a_drug_named_with_its_route(text, product, route):
    view = _view(text)
    assert view["products"][:1] == [product] and view["route"] == route


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a participle of time is no product: the object of "injected" is missing
        ("She was injected following the standard fixed-dose protocol.", None),
        # "and" before a gerund begins a second clause, not a second word of the name
        (
            "He had injections of a tanning peptide and attending a solarium weekly.",
            "tanning peptide",
        ),
        # a recommendation's modal ends the name
        ("Injections of ozonised oil should be avoided.", "ozonised oil"),
    ],
)
def test_a_descriptive_product_phrase_ends_where_its_noun_phrase_ends(text, name):
    from dermavigil.literature.extract.generic_products import generic_mentions
    from dermavigil.literature.extract.sentences import split_sentences

    found = generic_mentions(split_sentences(text))
    assert [m.text for _, m in found] == ([name] if name else [])


def test_a_misspelt_toxin_given_into_a_muscle_is_approved():
    view = _view(
        "Neck weakness after botulinim toxin type A\nA 60-year-old man with cervical dystonia "
        "received intramuscular botulinim toxin type A injections. Two weeks later he developed "
        "neck weakness."
    )
    assert view["products"][0][1] == "botulinum_toxin" and view["route_approval"] is True


def test_ethanol_injected_as_a_sclerosant_is_a_drug():
    """Dehydrated alcohol for injection is a Drugs@FDA drug; texts name it by its INN."""
    view = _view(
        "Skin necrosis after ethanol sclerotherapy\nA 30-year-old woman with a venous "
        "malformation of the forearm received an injection of pure ethanol into the lesion. "
        "Two days later the overlying skin became blistered and necrotic."
    )
    assert view["products"] == [("ethanol", "drug")]
