"""Names Hearth itself writes, shown in the dashboard's language: they are ours to translate.

The recipe engine's prompts ("Done? Simmer…", "Start: Add…") are ours too: their words are
translated, the recipe's own step text after them is shown as it is written.

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
