"""Foreign-language treatment classes of the v0xx round (now dev), on texts we wrote.

docs/annotation.md, ``treatments`` (non-English texts: treatments written in English): the
class names of the treatment tables by language (Spanish "tratamiento antimicrobiano",
Turkish "bronkodilatör tedavi", Japanese "外用療法" and "切断", Chinese "维生素C" and
"异丙嗪"), and a "Tratamiento" heading whose lines list the treatments given.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case.get("treatments", [])]


def test_spanish_antimicrobial_treatment():
    assert "antimicrobial treatment" in _treatments(
        "Absceso tras vacunación BCG\nSe presenta el caso de una lactante de 3 meses con un "
        "absceso en el sitio de aplicación de la vacuna BCG en el brazo derecho. Recibió "
        "tratamiento antimicrobiano con buena respuesta."
    )


def test_turkish_bronchodilator_therapy():
    assert "bronchodilator therapy" in _treatments(
        "Botulinum toksin enjeksiyonu sonrası botulizm\nOtuz yaşında kadın hastada kozmetik "
        "botulinum toksin enjeksiyonundan iki gün sonra solunum güçlüğü ve yutma güçlüğü "
        "gelişti. Ambulansta bronkodilatör tedavi verildi."
    )


def test_japanese_topical_therapy_and_amputation():
    found = _treatments(
        "局所麻酔後の指壊死の1例\n70歳代男性。右示指の局所麻酔注射の翌日に指の壊死を生じた。"
        "外用療法を行ったが改善せず、手術で指を切断した。"
    )
    assert "topical therapy" in found and "amputation" in found


def test_chinese_vitamin_c_and_promethazine():
    found = _treatments(
        "肌注维生素K1致皮肤反应1例\n患者,女,30岁,臀部肌肉注射维生素K1后出现瘙痒和皮疹,"
        "予肌注异丙嗪25 mg,静滴维生素C治疗后好转。"
    )
    assert "promethazine" in found and "vitamin C" in found


def test_a_treatment_heading_tells_the_lines_after_it():
    assert _treatments(
        "Reacción local a la vacuna de la varicela\nNiña de 6 años que presenta una lesión "
        "cutánea edematosa y dolorosa en el deltoides derecho un día después de la vacuna de "
        "la varicela.\nTratamiento\nFrío local, antihistamínico y paracetamol durante tres "
        "días.\nEvolución\nDisminución del dolor y del edema a las 24 horas."
    ) == ["local cold", "antihistamines", "paracetamol"]
