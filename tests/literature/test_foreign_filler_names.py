"""A filler of unnamed material named in another language's words (docs/annotation.md, t0xx
decisions: an unnamed injected material is ``other`` under the text's word), on texts we
wrote: Spanish liquid silicone, Portuguese industrial silicone (not made for injection), the
words for a filler of several languages."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.materials import find_foreign_fillers


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tras la inyección de un relleno dérmico en la mejilla", "relleno dérmico"),
        ("após injeção de preenchimento dérmico no sulco", "preenchimento dérmico"),
        ("après des injections de produits de comblement", "produits de comblement"),
        ("nach Injektion von flüssigem Silikon", "flüssigem Silikon"),
        ("이마에 콜라겐함유피부주입물을 주입받았던", "콜라겐함유피부주입물"),
        ("un granuloma por silicona líquida tras un relleno", "silicona líquida"),
    ],
)
def test_words_for_a_filler_of_unnamed_material(text: str, name: str) -> None:
    assert find_foreign_fillers(text)[0][2] == name


def test_a_silicone_implant_in_english_is_not_a_foreign_filler_word() -> None:
    assert find_foreign_fillers("a silicone breast implant was removed") == []


def test_spanish_liquid_silicone_is_the_suspect() -> None:
    text = (
        "Granulomas faciales por silicona líquida\n"
        "Desde hace años se usan diversos materiales de relleno con fines estéticos. Una mujer "
        "de 58 años consultó por nódulos dolorosos en ambas mejillas. Diez años antes se había "
        "inyectado silicona líquida en la cara. La biopsia mostró granulomas de cuerpo extraño."
    )
    view = draft_view(extract_draft(text))
    assert view["products"] == [("silicona líquida", "other")]


def test_portuguese_industrial_silicone_is_not_made_for_injection() -> None:
    text = (
        "Embolia pulmonar por silicone industrial\n"
        "Mulher de 32 anos admitida com dispneia e febre. Havia realizado aplicações de injeção "
        "de silicone industrial nos glúteos três dias antes, em clínica clandestina."
    )
    view = draft_view(extract_draft(text))
    assert view["products"] == [("silicone industrial", "other")]
    assert view["route_approval"] is False
