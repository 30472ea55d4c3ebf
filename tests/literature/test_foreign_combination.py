"""A penicillin and its beta-lactamase inhibitor written with a hyphen and the acid's word."""

from dermavigil.literature.service import draft_from_text


def test_a_penicillin_hyphenated_to_its_inhibitors_acid_is_one_combination() -> None:
    text = (
        "Abcès après injection intramusculaire\nUne femme de 60 ans a présenté un abcès de la"
        " fesse cinq jours après une injection intramusculaire de kétoprofène. Elle a été"
        " traitée par amoxicilline-acide clavulanique pendant dix jours, avec guérison."
    )
    draft, _ = draft_from_text(text)
    assert [t["drug"] for t in draft.case["treatments"]] == ["amoxicillin-clavulanic acid"]
