"""What is said aloud: a new step, an alert, a "Done?" prompt, a voice command's answer.

Written for the ear, not the eye: "180 °C" becomes "180 degrees", "3 min" and "2:30" become
"3 minutes" and "2 minutes 30 seconds", arrows and dots become pauses. The framing words come in
English or German from the small table below; the recipe's own words (a step's text, the
engine's alert messages) are spoken as they are written.

:class:`Narrator` decides what to say as a run goes, so each new step is spoken once
(and again after "back" runs it anew).
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from ..recipes.run_state import ActiveStep, Phase, RunAlert, RunStatus, RunView

Temps = Optional[Callable[[str], str]]      # °C values in a text to the unit on screen

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "step": "Step {0}.", "done?": "Step {0}: done? {1}", "start?": "Step {0}: ready to start? {1}",
        "degrees": "degrees", "fahrenheit": "degrees Fahrenheit", "level": "level",
        "hour": "hour", "hours": "hours", "minute": "minute", "minutes": "minutes",
        "second": "second", "seconds": "seconds", "for": "for", "to": "to", "on": "on",
        "paused": "Paused.", "resumed": "Carrying on.", "completed": "{0} is ready. Enjoy!",
        "aborted": "{0} was aborted.", "warning": "Attention.", "nothing": "No recipe is cooking.",
    },
    "de": {
        "step": "Schritt {0}.", "done?": "Schritt {0}: fertig? {1}", "start?": "Schritt {0}: bereit? {1}",
        "degrees": "Grad", "fahrenheit": "Grad Fahrenheit", "level": "Stufe",
        "hour": "Stunde", "hours": "Stunden", "minute": "Minute", "minutes": "Minuten",
        "second": "Sekunde", "seconds": "Sekunden", "for": "für", "to": "auf", "on": "auf",
        "paused": "Pausiert.", "resumed": "Es geht weiter.", "completed": "{0} ist fertig. Guten Appetit!",
        "aborted": "{0} wurde abgebrochen.", "warning": "Achtung.", "nothing": "Es läuft kein Rezept.",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def duration(seconds: float, lang: str = "en") -> str:
    """90 -> "1 minute 30 seconds"; 7200 -> "2 hours"."""
    w = words(lang)
    s = max(0, int(round(seconds)))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    parts = []
    for n, one, many in ((h, "hour", "hours"), (m, "minute", "minutes"), (sec, "second", "seconds")):
        if n:
            parts.append(f"{n} {w[one] if n == 1 else w[many]}")
    return " ".join(parts) or f"0 {w['seconds']}"


_UNIT = re.compile(r"(\d+(?:[.,]\d+)?)\s*°\s*([CF])\b")
_CLOCK = re.compile(r"\b(?:(\d+):)?(\d{1,2}):(\d{2})\b")
_MIN = re.compile(r"\b(\d+)\s*(?:min|mins|minutes?|Min\.?|Minuten?)(?![\w])", re.IGNORECASE)
_SEC = re.compile(r"\b(\d+)\s*(?:s|sec|secs|seconds?|Sek\.?|Sekunden?)(?![\w])", re.IGNORECASE)
_HOUR = re.compile(r"\b(\d+)\s*(?:h|hrs?|hours?|Std\.?|Stunden?)(?![\w])", re.IGNORECASE)
_LEVEL = re.compile(r"\blevel (\d+)\b")


def spoken(text: str, lang: str = "en", temps: Temps = None) -> str:
    """``text`` as it should sound: units and times in words, symbols as pauses. ``temps`` first
    puts its °C values in the unit the screen shows (the dashboard passes its own)."""
    if temps is not None:
        text = temps(text)
    w = words(lang)
    out = _UNIT.sub(lambda m: f"{m.group(1).replace('.', ',') if lang == 'de' else m.group(1)} "
                              f"{w['degrees'] if m.group(2) == 'C' else w['fahrenheit']}", text)
    out = _CLOCK.sub(lambda m: duration(int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + int(m.group(3)), lang),
                     out)
    out = _HOUR.sub(lambda m: duration(int(m.group(1)) * 3600, lang), out)
    out = _MIN.sub(lambda m: duration(int(m.group(1)) * 60, lang), out)
    out = _SEC.sub(lambda m: duration(int(m.group(1)), lang), out)
    if lang == "de":
        out = _LEVEL.sub(lambda m: f"{w['level']} {m.group(1)}", out)
    for sym, say in (("→", f" {w['to']} "), ("·", ","), ("—", ","), ("–", ","), ("…", "."), ("✓", ""),
                     ("“", ""), ("”", ""), ("„", "")):
        out = out.replace(sym, say)
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    return " ".join(out.split())


def step_phrase(step: ActiveStep, lang: str = "en", temps: Temps = None) -> str:
    """A step as it starts: its number, what to do, where, how hot, how long."""
    w = words(lang)
    parts = [w["step"].format(step.index + 1), _sentence(step.text)]
    where = ", ".join(x for x in (step.zone_name, step.setting) if x)
    if step.duration_s:
        where = f"{where}, {w['for']} {duration(step.duration_s, lang)}" if where else \
            f"{w['for']} {duration(step.duration_s, lang)}"
    if where:
        parts.append(_sentence(where))
    return spoken(" ".join(parts), lang, temps)


def prompt_phrase(index: int, text: str, lang: str = "en", temps: Temps = None) -> str:
    """The engine's prompt ("Done? Simmer…" / "Start: Add…") for step ``index`` (0-based)."""
    w = words(lang)
    if text.startswith("Done? "):
        return spoken(w["done?"].format(index + 1, _sentence(text[6:])), lang, temps)
    if text.startswith("Start: "):
        return spoken(w["start?"].format(index + 1, _sentence(text[7:])), lang, temps)
    return spoken(f"{w['step'].format(index + 1)} {_sentence(text)}", lang, temps)


def alert_phrase(alert: RunAlert, lang: str = "en", temps: Temps = None) -> str:
    w = words(lang)
    lead = f"{w['warning']} " if alert.warning else ""
    return spoken(lead + _sentence(alert.message), lang, temps)


def status_phrase(status: RunStatus, title: str, lang: str = "en") -> str:
    w = words(lang)
    if status is RunStatus.COMPLETED:
        return spoken(w["completed"].format(title), lang)
    if status is RunStatus.ABORTED:
        return spoken(w["aborted"].format(title), lang)
    return w["paused"] if status is RunStatus.PAUSED else w["resumed"]


def current_phrase(view: RunView | None, lang: str = "en", temps: Temps = None) -> str:
    """What "repeat" says: the step that matters now (one waiting for the cook first)."""
    if view is None or not view.active:
        return words(lang)["nothing"]
    asking = [s for s in view.active if s.phase in (Phase.PROMPT, Phase.FINISHING)]
    step = min(asking or view.active, key=lambda s: s.index)
    if step.confirm:
        return prompt_phrase(step.index, step.confirm, lang, temps)
    return step_phrase(step, lang, temps)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?:" else text + "."


class Narrator:
    """What to say as a run goes, each thing once: new steps, alerts, prompts, the end.

    A step is announced when it becomes active (again, after "back"); one that starts by asking
    ("Start: …", "Done? …") is left to its prompt. "Time is up" and the "Done?" that follows it
    for the same step are said as one: the prompt.
    """

    def __init__(self, lang: str = "en", temps: Temps = None) -> None:
        self.lang = lang
        self.temps = temps
        self._active: set[int] = set()

    def reset(self) -> None:
        self._active.clear()

    def on_view(self, view: RunView) -> list[str]:
        if view.status.finished:
            self._active.clear()
            return []
        fresh = [s for s in view.active if s.index not in self._active
                 and s.phase not in (Phase.PROMPT, Phase.FINISHING)]
        self._active = {s.index for s in view.active}
        return [step_phrase(s, self.lang, self.temps) for s in sorted(fresh, key=lambda s: s.index)]

    def on_alert(self, alert: RunAlert) -> list[str]:
        if alert.kind == "timer" and alert.step is not None:
            return []                              # its "Done?" prompt follows at once and says it
        return [alert_phrase(alert, self.lang, self.temps)]

    def on_prompt(self, index: int, text: str) -> list[str]:
        self._active.add(index)
        return [prompt_phrase(index, text, self.lang, self.temps)]

    def on_status(self, status: RunStatus, title: str) -> list[str]:
        return [status_phrase(status, title, self.lang)] if status.finished else []
