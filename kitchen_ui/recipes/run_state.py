"""What a recipe run knows and shows: statuses, step phases, views, log entries, snapshots.

These are plain values, so a Qt view can bind to them without touching the engine's internals,
and a snapshot (``RunSnapshot``-shaped dict) is what the database keeps to resume after a crash.

View model (what the cooking view binds to; all times in stove seconds):

* :class:`RunView` — status, the active steps (:class:`ActiveStep`: countdown ``remaining_s``,
  ``eta_s`` until the zone reaches its temperature, what to ``confirm``), the next steps, the
  recent alerts and the paused reason.
* :class:`RunAlert` — something the cook should notice (a reminder, a stove event, a refused command).
* :class:`RunLogEntry` — one line of the run's timeline (``recipes try`` prints them; the
  session recorder stores them as the steps taken).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class RunStatus(str, Enum):
    READY = "ready"            # built, not started
    RUNNING = "running"
    PAUSED = "paused"          # timers stopped; the engine commands nothing
    COMPLETED = "completed"
    ABORTED = "aborted"

    @property
    def finished(self) -> bool:
        return self in (RunStatus.COMPLETED, RunStatus.ABORTED)


class Phase(str, Enum):
    PENDING = "pending"        # waits for the steps before it
    PROMPT = "prompt"          # waits for the cook to start it
    HEATING = "heating"        # waits for its zone to reach the temperature
    RUNNING = "running"        # its timer runs (or it has none and ends at once)
    FINISHING = "finishing"    # its timer ended; waits for the cook
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def active(self) -> bool:
        return self in (Phase.PROMPT, Phase.HEATING, Phase.RUNNING, Phase.FINISHING)

    @property
    def ended(self) -> bool:
        return self in (Phase.DONE, Phase.SKIPPED)


@dataclass
class StepRun:
    """The progress of one step; the timer is ``elapsed_s`` plus time since ``timer_since``."""

    index: int
    phase: Phase = Phase.PENDING
    elapsed_s: float = 0.0
    timer_since: float | None = None     # clock time the timer last started running
    activated_t: float | None = None
    started_t: float | None = None
    ended_t: float | None = None
    end_seq: int = 0
    approach: int = 1                    # +1 heats up to the temperature, -1 cools down to it
    fired: set[int] = field(default_factory=set)

    def elapsed(self, now: float) -> float:
        return self.elapsed_s + (now - self.timer_since if self.timer_since is not None else 0.0)

    def freeze(self, now: float) -> None:
        if self.timer_since is not None:
            self.elapsed_s += now - self.timer_since
            self.timer_since = None

    def reset(self) -> None:
        self.phase, self.elapsed_s, self.timer_since = Phase.PENDING, 0.0, None
        self.activated_t = self.started_t = self.ended_t = None
        self.end_seq, self.fired = 0, set()

    def to_dict(self, now: float) -> dict[str, Any]:
        return {"phase": self.phase.value, "elapsed_s": round(self.elapsed(now), 3),
                "activated_t": self.activated_t, "started_t": self.started_t, "ended_t": self.ended_t,
                "end_seq": self.end_seq, "approach": self.approach, "fired": sorted(self.fired)}

    @classmethod
    def from_dict(cls, index: int, d: dict[str, Any]) -> "StepRun":
        return cls(index=index, phase=Phase(d["phase"]), elapsed_s=float(d.get("elapsed_s", 0.0)),
                   activated_t=d.get("activated_t"), started_t=d.get("started_t"), ended_t=d.get("ended_t"),
                   end_seq=int(d.get("end_seq", 0)), approach=int(d.get("approach", 1)),
                   fired=set(d.get("fired", ())))


@dataclass(frozen=True)
class RunAlert:
    t: float
    kind: str                  # "reminder", "timer", "target", "stove", "command", "link", "cook"
    message: str
    step: int | None = None
    zone: int | None = None
    warning: bool = False      # True when the cook must act (the recipe may have paused)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RunLogEntry:
    t: float
    kind: str
    message: str
    step: int | None = None
    zone: int | None = None
    data: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"t": round(self.t, 3), "kind": self.kind, "message": self.message}
        if self.step is not None:
            d["step"] = self.step
        if self.zone is not None:
            d["zone"] = self.zone
        if self.data:
            d.update(self.data)
        return d


@dataclass(frozen=True)
class ActiveStep:
    index: int
    id: str
    text: str
    phase: Phase
    pot: str | None
    pot_label: str
    zone: int | None
    zone_name: str
    setting: str               # "100 °C", "level 6", "" for a manual step
    duration_s: float | None
    elapsed_s: float
    remaining_s: float | None  # countdown; None without a duration or before the timer starts
    temp_c: float | None       # the zone's temperature now
    target_c: float | None     # the temperature the step wants or watches
    eta_s: float | None        # predicted seconds until the zone reaches target_c
    confirm: str               # what the cook confirms now ("" when nothing is asked)


@dataclass(frozen=True)
class RunView:
    title: str
    status: RunStatus
    t: float
    steps_total: int
    steps_done: int
    active: tuple[ActiveStep, ...]
    next: tuple[tuple[int, str], ...]   # (index, text) of steps that come next
    alerts: tuple[RunAlert, ...]        # the most recent, oldest first
    paused_reason: str = ""
