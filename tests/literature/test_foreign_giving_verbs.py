"""The product of a case told in Spanish, Portuguese, French or German, named after a verb of
its giving (reflexive or with a clitic), after the reaction it is told to be to, or with its
route's adjective right after it (the e0xx round, read for the first time, and older rounds),
pinned on wording we wrote; a drug after a verb of giving and a word of treatment stays a
treatment. The route written as the Latin abbreviation of a prescription ("i.m.", "s. c.") or
as an injection into the buttock's muscle ("intragluteal"); the German "im" ("in the") names
no route."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hematoma de la pared abdominal\n"
            "Caso clínico: varón de 70 años, diabético, que consulta por una masa dolorosa en "
            "el abdomen. Refiere que la masa apareció tras inyectarse la insulina en la misma "
            "zona dos días antes. La ecografía mostró un hematoma de la pared abdominal.",
            "insulina",
        ),
        (
            "Lipohypertrophie de l'avant-bras\n"
            "Observation : une patiente âgée de 45 ans présentait une tuméfaction molle de "
            "l'avant-bras gauche. Elle s'injectait presque toujours sa dose d'insuline au même "
            "endroit de l'avant-bras. L'examen a montré une lipohypertrophie.",
            "insuline",
        ),
    ],
)
def test_a_verb_of_giving_names_the_drug_given(text, name):
    view = _view(text)
    assert view["products"] and view["products"][0] == (name, "drug")


def test_the_reaction_told_to_be_to_a_vaccine_names_the_vaccine():
    view = _view(
        "Linfadenite axilar em lactente\n"
        "Relato de caso: lactente de cinco meses, do sexo feminino, com nódulo axilar "
        "esquerdo há três semanas. O quadro foi considerado uma reação adversa à vacina "
        "aplicada no braço esquerdo ao nascer."
    )
    assert view["products"] and view["products"][0][1] == "vaccine"


def test_a_route_adjective_right_after_the_drug_names_the_drug_given():
    view = _view(
        "Absceso glúteo\n"
        "Caso clínico: mujer de 58 años en seguimiento por trastorno bipolar, con "
        "haloperidol intramuscular cada mes. Consulta por dolor y calor en el glúteo "
        "derecho. La ecografía mostró un absceso que se drenó."
    )
    assert view["products"] and view["products"][0] == ("haloperidol", "drug")
    assert view["route"] == "intramuscular"


def test_a_drug_given_as_a_treatment_after_a_verb_of_giving_is_no_suspect():
    view = _view(
        "Celulitis en la pierna\n"
        "Caso clínico: varón de 60 años con celulitis en la pierna izquierda. Se le "
        "administró tratamiento con amoxicilina durante diez días, con mejoría."
    )
    assert not any(name == "amoxicilina" for name, _ in view["products"])


def test_an_accident_of_the_history_is_no_mistake_of_the_giving():
    view = _view(
        "Placas eritematosas en el abdomen\n"
        "Caso clínico: mujer de 63 años operada de una fractura de tibia tras un accidente de "
        "tráfico. En el postoperatorio se le administró enoxaparina por vía subcutánea. A los "
        "cinco días presentó placas eritematosas en los puntos de inyección del abdomen."
    )
    assert view["products"] and view["products"][0][0] == "enoxaparina"
    assert view["route_approval"] is True


@pytest.mark.parametrize(
    ("text", "route"),
    [
        (
            "Spritzenabszess am Gesäß\n"
            "Fallbericht: Ein 61-jähriger Patient erhielt wegen Rückenschmerzen zwei Injektionen "
            "von 40 mg Triamcinolon (i.m.) in der Hausarztpraxis. Zehn Tage später zeigte sich "
            "eine schmerzhafte Schwellung mit Rötung am Gesäß.",
            "intramuscular",
        ),
        (
            "Placas eritematosas en el abdomen\n"
            "Caso clínico: mujer de 70 años que recibió enoxaparina 40 mg s. c. cada día tras "
            "una cirugía de cadera. A la semana presentó placas eritematosas dolorosas en el "
            "abdomen.",
            "subcutaneous",
        ),
        (
            "Necrose glútea\n"
            "Relato de caso: homem de 45 anos que recebeu injeção intraglútea de diclofenaco "
            "para lombalgia. No dia seguinte apresentou dor intensa e placa violácea no local.",
            "intramuscular",
        ),
    ],
)
def test_a_latin_abbreviation_or_an_intragluteal_injection_names_the_route(text, route):
    view = _view(text)
    assert view["products"] and view["route"] == route
    assert view["route_approval"] is True


def test_the_german_article_im_names_no_route():
    view = _view(
        "Knoten nach Faltenunterspritzung\n"
        "Fallbericht: Eine 52-jährige Patientin stellte sich mit derben Knoten vor, zwei Jahre "
        "nach einer Injektion von Hyaluronsäure im Bereich der Wangen. Die Knoten waren "
        "schmerzhaft und gerötet."
    )
    assert view["products"] and view["route"] is None
