"""What Hearth answers to a voice command, in English or German (spoken and shown alike).

The application layer (:mod:`kitchen_ui.app.voice`) decides *what* happened; this table words it.
Zones are named as the cook counts them ("zone 3" is the third card).
"""

from __future__ import annotations

REPLIES: dict[str, dict[str, str]] = {
    "en": {
        "all_off": "All zones off.",
        "zone_off": "Zone {0} off.",
        "set_level": "Zone {0}, level {1}.",
        "timer": "Timer set: {0}.",
        "timer_done": "Your {0} timer is up.",
        "next": "Step {0} confirmed.",
        "back": "Back to step {0}.",
        "pause": "Paused.",
        "resume": "Carrying on.",
        "not_heard": "Sorry, I did not catch that.",
        "observer": "Only the stove's controller can switch a zone on. This screen is an observer; "
                    "switching off still works.",
        "no_zone": "There is no zone {0}: this stove has zones 1 to {1}.",
        "no_level": "Zone {0} has levels 1 to {1}, not {2}.",
        "no_timer": "A timer runs from 1 second to {0}.",
        "no_run": "No recipe is cooking.",
        "not_waiting": "Nothing is waiting for you: step {0} is still running. Tap Skip to end it early.",
        "not_connected": "The stove is not connected.",
        "failed": "The stove refused: {0}",
        "taken": "You set zone {0} by voice: the recipe paused. Say resume to let it set the zones again.",
    },
    "de": {
        "all_off": "Alle Zonen aus.",
        "zone_off": "Zone {0} aus.",
        "set_level": "Zone {0}, Stufe {1}.",
        "timer": "Timer gestellt: {0}.",
        "timer_done": "Der Timer über {0} ist abgelaufen.",
        "next": "Schritt {0} bestätigt.",
        "back": "Zurück zu Schritt {0}.",
        "pause": "Pausiert.",
        "resume": "Es geht weiter.",
        "not_heard": "Entschuldigung, das habe ich nicht verstanden.",
        "observer": "Nur wer den Herd steuert, kann eine Zone einschalten. Dieser Bildschirm beobachtet nur; "
                    "ausschalten geht trotzdem.",
        "no_zone": "Zone {0} gibt es nicht: dieser Herd hat die Zonen 1 bis {1}.",
        "no_level": "Zone {0} hat die Stufen 1 bis {1}, nicht {2}.",
        "no_timer": "Ein Timer läuft von 1 Sekunde bis {0}.",
        "no_run": "Es läuft kein Rezept.",
        "not_waiting": "Es wartet nichts auf dich: Schritt {0} läuft noch. Tippe auf Überspringen, "
                       "um ihn früher zu beenden.",
        "not_connected": "Der Herd ist nicht verbunden.",
        "failed": "Der Herd hat abgelehnt: {0}",
        "taken": "Du hast Zone {0} per Sprache gestellt: das Rezept pausiert. Sage „resume“, damit es die Zonen "
                 "wieder stellt.",
    },
}


def reply(key: str, lang: str, *args: object) -> str:
    return REPLIES.get(lang, REPLIES["en"])[key].format(*args)
