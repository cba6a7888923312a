"""What the cook can say, as data: the recognizer produces a :class:`VoiceCommand`, the
application layer (``kitchen_ui.app.voice``) carries it out under the stove's rules.

Zones are numbered as the cook sees them (1 = the first card); numbers run from one to thirty.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KINDS = ("next", "back", "pause", "resume", "repeat", "all_off", "zone_off", "set_level", "timer", "none")
SWITCH_OFF = frozenset({"all_off", "zone_off"})     # act at once, whatever the role
MAX_NUMBER = 30


@dataclass(frozen=True)
class VoiceCommand:
    kind: str                         # one of KINDS; "none" when nothing was recognized
    zone: int | None = None           # 1-based, for zone_off / set_level
    level: int | None = None          # for set_level
    seconds: int | None = None        # for timer
    text: str = ""                    # what was heard
    confidence: float = 0.0           # 0..1, the recognizer's own figure

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown voice command {self.kind!r}")

    @property
    def is_command(self) -> bool:
        return self.kind != "none"

    def to_json(self, file: str | None = None) -> dict[str, Any]:
        """The object ``voice recognize --json`` prints: only the fields this command needs."""
        d: dict[str, Any] = {} if file is None else {"file": file}
        d["command"] = self.kind
        for key in ("zone", "level", "seconds"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        d["text"] = self.text
        d["confidence"] = round(self.confidence, 3)
        return d


NONE = VoiceCommand("none")

__all__ = ["KINDS", "SWITCH_OFF", "MAX_NUMBER", "VoiceCommand", "NONE", "asdict"]
