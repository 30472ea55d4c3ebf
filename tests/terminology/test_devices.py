"""The device lexicon: scripts/build_device_lexicon.py turns MAUDE device names into running
order and keeps the narratives' recurring device phrases (rows we wrote, in MAUDE's layout),
and :func:`dermavigil.terminology.devices.find_devices` finds the packaged names and the
generic device words in text."""

from __future__ import annotations

import pytest

from dermavigil.terminology.devices import device_names, find_devices, is_device


@pytest.fixture(scope="module")
def builder(load_script):
    return load_script("build_device_lexicon")


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("MESH, SURGICAL, POLYMERIC", "polymeric surgical mesh"),
        ("PROBE, RADIOFREQUENCY LESION", "radiofrequency lesion probe"),
        ("PROLENE MESH (IMPLANTABLE)", "prolene mesh"),
        ("20X25 MESH IMPLANT", "mesh implant"),
        ("UNKNOWN", None),
        ("MESH PRODUCT", None),
    ],
)
def test_a_maude_name_in_running_order_without_sizes(builder, raw, name):
    assert builder.clean(raw) == name


def test_narrative_phrases_end_in_a_device_head_and_skip_function_words(builder):
    texts = [
        "THE CUSTOMER'S INSULIN PUMP ALARMED.",
        "HER INSULIN PUMPS WERE REPLACED AFTER THE IMPLANT WAS REMOVED.",
        "THE INFUSION SET WAS CORRECTLY SET.",
    ]
    found = builder._phrases(texts, frozenset({"pump", "implant"}) | builder.PHRASE_HEADS)
    assert found["insulin pump"] == 2
    assert found["infusion set"] == 1
    assert "the implant" not in found and "correctly set" not in found


def test_the_packaged_lexicon_holds_data_names_and_the_generic_words():
    names = device_names()
    assert {"insulin pump", "infusion set", "glucose monitor"} <= names
    assert {"implant", "pellet", "microchip", "sensor"} <= names


def test_find_devices_reads_phrases_plurals_and_generic_heads():
    text = "She wore an insulin pump; two testosterone pellets and a microchip were implanted."
    assert [(m.text, m.head) for m in find_devices(text)] == [
        ("insulin pump", "pump"),
        ("pellets", "pellet"),
        ("microchip", "microchip"),
    ]


def test_is_device_reads_the_head_at_the_end():
    assert is_device("continuous glucose monitoring sensor")
    assert not is_device("insulin glargine")
