"""Voice commands carried out on one stove, under the same rules as a tap on the screen.

:class:`VoiceActions` takes a recognized :class:`~kitchen_ui.voice.commands.VoiceCommand` and
answers with a :class:`Reply`: the words to speak back and show, whether it acted, and if not,
why. The safety rules are the stove's, said aloud:

* "all off" and "zone N off" are sent at once, whatever the role (switching off is never refused).
* "zone N level M" needs the controller role; an observer hears why not and nothing is sent. It is
  spoken back ("Zone 3, level 7.") and "zone 3 off" undoes it.
* A zone or level the stove does not have is a spoken error; nothing is sent.
* A zone the running recipe uses, set or switched off by voice, pauses the recipe, as a tap on
  manual control does (:meth:`StoveApp.take_by_hand`).

The run controls use the :class:`StoveApp`'s own: "next" confirms the step waiting for the cook
(a step whose timer still runs is not cut short by a word that may have been misheard: Skip on
the screen does that), "back", "pause", "resume"; "repeat" says the current step again. "timer N"
sets the :class:`~.kitchen_timer.KitchenTimer`, a countdown that only rings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from psygnal import Signal

from ..recipes.engine import RunError
from ..recipes.run_state import Phase, RunAlert, RunStatus
from ..voice.commands import VoiceCommand
from ..voice.phrases import Temps, current_phrase, duration
from ..voice.replies import reply
from .kitchen_timer import MAX_TIMER_S, KitchenTimer
from .stove_app import StoveApp


@dataclass(frozen=True)
class Reply:
    command: VoiceCommand
    words: str                        # spoken back and shown
    acted: bool                       # something was done (or sent to the stove)
    refused: str = ""                 # why not: observer, range, no_run, not_waiting, not_heard, not_connected, run
    alert: RunAlert | None = None     # the recipe paused: the zone was taken by voice


class VoiceActions:
    failed = Signal(str)              # a request the stove refused later (words for the cook)

    def __init__(self, app: StoveApp, *, lang: str = "en", timer: KitchenTimer | None = None,
                 temps: Temps = None) -> None:
        self.app = app
        self.lang = lang
        self.temps = temps                # °C in what is said, to the unit on screen (the view's)
        self.timer = timer if timer is not None else KitchenTimer(app.clock)

    @property
    def source(self) -> Any:
        return self.app.source

    def perform(self, cmd: VoiceCommand) -> Reply:
        handler = getattr(self, f"_do_{cmd.kind}", None)
        if handler is None or not cmd.is_command:
            return self._no(cmd, "not_heard")
        return handler(cmd)

    # -- switching off: at once, whatever the role -----------------------------------------------------
    def _do_all_off(self, cmd: VoiceCommand) -> Reply:
        self._send("stove.all_off", {}, None, cmd)
        return Reply(cmd, self._say("all_off"), True)

    def _do_zone_off(self, cmd: VoiceCommand) -> Reply:
        zone = self._zone(cmd)
        if isinstance(zone, Reply):
            return zone
        alert = self._take(zone, cmd)
        self._send("zone.off", {"zone": zone}, zone, cmd)
        return Reply(cmd, self._say("zone_off", zone + 1), True, alert=alert)

    # -- switching on: the controller only --------------------------------------------------------------
    def _do_set_level(self, cmd: VoiceCommand) -> Reply:
        zone = self._zone(cmd)
        if isinstance(zone, Reply):
            return zone
        info = self.source.info.zones[zone]
        level = cmd.level if cmd.level is not None else -1
        if level == 0:                                  # "level 0" is a switch-off: never refused
            return self._do_zone_off(cmd)
        if not 1 <= level <= info.levels:
            return self._no(cmd, "range", self._say("no_level", zone + 1, info.levels, cmd.level))
        if not self.source.can_control:
            return self._no(cmd, "observer")
        alert = self._take(zone, cmd)
        self._send("zone.set_level", {"zone": zone, "level": level}, zone, cmd)
        return Reply(cmd, self._say("set_level", zone + 1, level), True, alert=alert)

    # -- the recipe run ---------------------------------------------------------------------------------
    def _do_next(self, cmd: VoiceCommand) -> Reply:
        engine = self.app.engine
        if engine is None or engine.status.finished:
            return self._no(cmd, "no_run")
        view = engine.view()
        waiting = [s for s in view.active if s.phase in (Phase.PROMPT, Phase.FINISHING)]
        if not waiting and engine.status is RunStatus.RUNNING and view.active:
            return self._no(cmd, "not_waiting", self._say("not_waiting", min(s.index for s in view.active) + 1))
        return self._control(cmd, "confirm", lambda i: self._say("next", i + 1))

    def _do_back(self, cmd: VoiceCommand) -> Reply:
        return self._control(cmd, "back", lambda i: self._say("back", i + 1))

    def _do_pause(self, cmd: VoiceCommand) -> Reply:
        return self._control(cmd, "pause", lambda _i: self._say("pause"))

    def _do_resume(self, cmd: VoiceCommand) -> Reply:
        return self._control(cmd, "resume", lambda _i: self._say("resume"))

    def _do_repeat(self, cmd: VoiceCommand) -> Reply:
        engine = self.app.engine
        if engine is None or engine.status.finished:
            return self._no(cmd, "no_run")
        return Reply(cmd, current_phrase(engine.view(), self.lang, self.temps), True)

    def _do_timer(self, cmd: VoiceCommand) -> Reply:
        seconds = cmd.seconds or 0
        if not 0 < seconds <= MAX_TIMER_S:
            return self._no(cmd, "range", self._say("no_timer", duration(MAX_TIMER_S, self.lang)))
        self.timer.set(seconds)
        return Reply(cmd, self._say("timer", duration(seconds, self.lang)), True)

    def tick(self) -> None:
        """Move the kitchen timer on (the host calls this with the run's tick)."""
        self.timer.tick()

    def timer_words(self, seconds: float) -> str:
        return self._say("timer_done", duration(seconds, self.lang))

    # -- helpers ----------------------------------------------------------------------------------------
    def _control(self, cmd: VoiceCommand, what: str, words: Any) -> Reply:
        engine = self.app.engine
        if engine is None or engine.status.finished:
            return self._no(cmd, "no_run")
        try:
            index = self.app.control(what)
        except RunError as exc:
            return self._no(cmd, "run", str(exc))
        return Reply(cmd, words(index), True)

    def _zone(self, cmd: VoiceCommand) -> int | Reply:
        """The 0-based zone of a 1-based command, or the spoken refusal."""
        info = self.source.info
        if info is None:
            return self._no(cmd, "not_connected")
        n = len(info.zones)
        if cmd.zone is None or not 1 <= cmd.zone <= n:
            return self._no(cmd, "range", self._say("no_zone", cmd.zone, n))
        return cmd.zone - 1

    def _take(self, zone: int, cmd: VoiceCommand) -> RunAlert | None:
        return self.app.take_by_hand(zone, lambda: self._say("taken", zone + 1))

    def _send(self, method: str, params: dict[str, Any], zone: int | None, cmd: VoiceCommand) -> None:
        fut = self.source.request(method, params or None, zone=zone, action=cmd.text or cmd.kind)

        def done(f: Any) -> None:
            exc = f.exception()
            if exc is not None:
                self.app.post(self.failed.emit, self._say("failed", exc))
        fut.add_done_callback(done)

    def _say(self, key: str, *args: object) -> str:
        return reply(key, self.lang, *args)

    def _no(self, cmd: VoiceCommand, why: str, words: str | None = None) -> Reply:
        return Reply(cmd, words if words is not None else self._say(why), False, refused=why)
