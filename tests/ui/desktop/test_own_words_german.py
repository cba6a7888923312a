"""German translates what is Hearth's own: "in-process" and our profiles' model names (stove data stays)."""

from __future__ import annotations

import json

import pytest

from kitchen_ui.resources import resource_path
from kitchen_ui.ui.own_words import PROFILE_MODELS, stove_model_name, transport_name

SHIPPED = sorted(json.loads(p.read_text(encoding="utf-8"))["model"] for p in resource_path("profiles").glob("*.json"))


def test_every_shipped_profile_model_is_known_here():
    assert sorted(PROFILE_MODELS) == SHIPPED


def test_german_status_bar_says_im_programm_and_the_model_in_german(qtbot, german, make_desktop, sim_stove):
    window = make_desktop()
    sim_stove.advance(1.0)
    line = window.status.link.full_text
    assert "in-process" not in line and "im Programm" in line
    assert line.startswith("● Simuliertes Hybrid-Kochfeld (2 Induktion, 1 Strahlung, 1 Gas) — ")


def test_every_shipped_model_and_n_zones_read_in_german(german):
    for model in SHIPPED:
        assert stove_model_name(model) != model, model
    assert stove_model_name("Simulated 3-zone hob") == "Simuliertes Kochfeld mit 3 Zonen"
    assert transport_name("in-process") == "im Programm"


def test_a_stoves_own_model_name_and_address_are_data(german):
    assert stove_model_name("Bosch PXY875DC1E") == "Bosch PXY875DC1E"
    assert transport_name("ksp://stove.local:7868") == "ksp://stove.local:7868"
