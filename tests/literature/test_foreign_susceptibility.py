"""A susceptibility test's result names drugs tested against the organism, not given."""

from dermavigil.literature.service import draft_from_text


def test_the_drugs_of_a_susceptibility_result_were_not_given() -> None:
    text = (
        "Absceso tras mesoterapia\nUna mujer de 38 años presentó abscesos en el abdomen cuatro"
        " semanas tras una sesión de mesoterapia. Se aisló Mycobacterium fortuitum y se realizó un"
        " antibiograma, que mostró resistencia a cefoxitina, doxiciclina e imipenem y"
        " sensibilidad a claritromicina. Se inició tratamiento con claritromicina durante"
        " seis meses, con curación."
    )
    draft, _ = draft_from_text(text)
    assert [t["drug"] for t in draft.case["treatments"]] == ["clarithromycin"]
