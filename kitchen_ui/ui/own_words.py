"""Names Hearth itself writes, shown in the dashboard's language: they are ours to translate.

The recipe engine's prompts ("Done? Simmer…", "Start: Add…") and a step's setting ("level 3",
"boost until 98 °C") are ours too: their words are translated, the recipe's own step text is shown
as it is written.

The built-in simulator's transport ("in-process") and the model names of the stove profiles we
ship (``resources/profiles``) come from our own code and files, so a German dashboard says
"im Programm" and "Simulierte Hybrid-Kochfläche …". A stove's own model name, from any other
profile or a real stove, is data and is shown as the stove gives it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate
IN_PROCESS = "in-process"

# the "model" of each profile in resources/profiles (tests/ui/test_own_words.py keeps them in step)
PROFILE_MODELS = (
    QT_TRANSLATE_NOOP("StoveProfiles", "Simulated hybrid hob (2 induction, 1 radiant, 1 gas)"),
    QT_TRANSLATE_NOOP("StoveProfiles", "Simulated induction hob (4 zones)"),
    QT_TRANSLATE_NOOP("StoveProfiles", "Simulated 6-zone range (4 induction, 1 radiant, 1 gas wok)"),
)
# the recipe engine's prompts (kitchen_ui.recipes.step_flow), by their English prefix
_PROMPTS = {"Done? ": QT_TRANSLATE_NOOP("OwnWords", "Done? {0}"),
            "Start: ": QT_TRANSLATE_NOOP("OwnWords", "Start: {0}")}
# a step's setting as kitchen_ui.recipes.model.Setting.describe() writes it
_LEVEL = re.compile(r"^level (\d+)(?: until (.+))?$")
_BOOST = re.compile(r"^boost(?: until (.+))?$")
_N_ZONES = re.compile(r"^Simulated (\d+)-zone hob$")      # sim.profiles.profile_with_zones (--zones N)


def transport_name(transport: str) -> str:
    """Where the stove is: "in-process" in the user's words, an address as it is."""
    return translate("OwnWords", "in the app") if transport == IN_PROCESS else transport


def stove_model_name(model: str) -> str:
    """A stove's model name; one of our shipped profiles' in the user's language."""
    if model in PROFILE_MODELS:
        return translate("StoveProfiles", model)
    m = _N_ZONES.match(model)
    if m:
        return translate("StoveProfiles", "Simulated {0}-zone hob").format(m.group(1))
    return model


def prompt_words(message: str) -> str:
    """An engine prompt in the dashboard's language; anything else as it is."""
    for prefix, pattern in _PROMPTS.items():
        if message.startswith(prefix):
            return translate("OwnWords", pattern).format(message[len(prefix):])
    return message


def setting_words(described: str) -> str:
    """A step's setting ("level 3 until 98 °C") in the dashboard's language."""
    m = _LEVEL.match(described)
    if m:
        return (translate("OwnWords", "level {0} until {1}").format(m.group(1), m.group(2)) if m.group(2)
                else translate("OwnWords", "level {0}").format(m.group(1)))
    m = _BOOST.match(described)
    if m:
        return translate("OwnWords", "boost until {0}").format(m.group(1)) if m.group(1) \
            else translate("OwnWords", "boost")
    return translate("OwnWords", "off") if described == "off" else described
