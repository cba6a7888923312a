"""Listening all the time for "hey hearth": the stream cut into utterances, and the wake phrase's rules.

:class:`UtteranceSegmenter` cuts a continuous 16 kHz stream into utterances by loudness against a
noise floor that follows the kitchen (a fan's hum, a running tap) so that steady noise is not
taken for speech. :class:`WakeListener` hands each utterance to the recognizer and acts only on
what follows the wake phrase: a false wake is worse than a missed one, so anything else is ignored.

Qt-free (numpy only); time comes from an injected clock.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

import numpy as np

from .commands import NONE, VoiceCommand

RATE = 16000
FRAME = RATE // 100              # 10 ms frames: the loudness is judged per frame
PRE_ROLL_S = 0.3                 # kept before the first loud frame: a soft "h" starts quieter
END_SILENCE_S = 0.6              # this long below the threshold ends an utterance
MAX_S = 6.0                      # longer is talk, not a command: cut and dropped
MIN_VOICED_S = 0.2               # shorter is a clatter (a lid, a spoon), not a word
TAIL_S = 0.4                     # kept after the last loud frame: a soft end ("off"); the recognizer wants it
MARGIN_DB = 12.0                 # speech is this much louder than the noise floor
MIN_DB = 30.0                    # and louder than this at least (int16 RMS of about 32): silence is never speech
FLOOR_RISE_DB = 0.05             # per frame (5 dB/s): the floor climbs slowly to a new steady noise
FLOOR_FALL = 0.3                 # and falls fast when the noise stops
WAKE_WINDOW_S = 5.0              # after "hey hearth" alone, the command must come within this


def _db(frame: np.ndarray) -> float:
    rms2 = float(np.mean(frame.astype(np.float64) ** 2))
    return 10.0 * np.log10(rms2 + 1e-9)


class UtteranceSegmenter:
    """``feed(chunk) -> [utterance, ...]``: int16 mono at 16 kHz in chunks of any size.

    An utterance runs from 0.3 s before its first loud frame to 0.4 s after its last one. One that
    goes on past 6 s is dropped whole (a conversation or a running tap, never a command), and the
    segmenter waits for the next quiet spell before listening again; meanwhile the floor rises to
    a noise that stays."""

    def __init__(self, rate: int = RATE) -> None:
        if rate != RATE:
            raise ValueError(f"the segmenter takes {RATE} Hz audio, not {rate} Hz: resample first")
        self.floor: float | None = None
        self.samples_seen = 0
        self._rest = np.zeros(0, dtype=np.int16)
        self._pre: deque[np.ndarray] = deque(maxlen=round(PRE_ROLL_S * 100))
        self._frames: list[np.ndarray] = []
        self._mode = "quiet"               # quiet, speech, overlong
        self._quiet_run = 0
        self._loud_frames = 0
        self._last_loud = 0

    @property
    def threshold(self) -> float:
        return max(MIN_DB, (self.floor if self.floor is not None else MIN_DB) + MARGIN_DB)

    def feed(self, chunk: np.ndarray) -> list[np.ndarray]:
        a = np.asarray(chunk)
        if a.ndim != 1 or a.dtype != np.int16:
            raise ValueError(f"the segmenter takes 1-D int16 mono samples, not {a.dtype} of shape {a.shape}")
        self.samples_seen += len(a)
        data = np.concatenate([self._rest, a]) if len(self._rest) else a
        whole = len(data) - len(data) % FRAME
        self._rest = data[whole:].copy()
        done: list[np.ndarray] = []
        for i in range(0, whole, FRAME):
            out = self._frame(data[i:i + FRAME])
            if out is not None:
                done.append(out)
        return done

    def _frame(self, frame: np.ndarray) -> np.ndarray | None:
        e = _db(frame)
        loud = e >= self.threshold
        if self._mode == "quiet":
            if loud and self.floor is not None:
                self._mode = "speech"
                self._frames = list(self._pre) + [frame]
                self._pre.clear()
                self._quiet_run, self._loud_frames, self._last_loud = 0, 1, len(self._frames)
                return None
            self._follow(e)
            self._pre.append(frame)
            return None
        if self._mode == "overlong":
            self._follow(e)
            self._quiet_run = 0 if loud else self._quiet_run + 1
            if self._quiet_run >= round(END_SILENCE_S * 100):
                self._mode = "quiet"
            return None
        self._frames.append(frame)
        if loud:
            self._quiet_run = 0
            self._loud_frames += 1
            self._last_loud = len(self._frames)
        else:
            self._quiet_run += 1
        if len(self._frames) > round(MAX_S * 100):
            self._mode, self._frames, self._quiet_run = "overlong", [], 0
            return None
        if self._quiet_run < round(END_SILENCE_S * 100):
            return None
        frames, loud_frames, last = self._frames, self._loud_frames, self._last_loud
        self._mode, self._frames = "quiet", []
        self._pre.extend(frames[-self._pre.maxlen:])
        if loud_frames < round(MIN_VOICED_S * 100):
            return None
        return np.concatenate(frames[:last + round(TAIL_S * 100)])

    def _follow(self, e: float) -> None:
        """The noise floor: down fast to a quieter kitchen, up slowly to a steady noise."""
        if self.floor is None:
            self.floor = e
        elif e < self.floor:
            self.floor += FLOOR_FALL * (e - self.floor)
        else:
            self.floor = min(e, self.floor + FLOOR_RISE_DB)


class WakeListener:
    """Asleep until "hey hearth"; a command in the same breath, or in the next utterance within 5 s,
    is passed to ``on_command``; everything else heard is ignored.

    ``recognizer`` has ``hear_wake(samples, rate) -> (woke, VoiceCommand)`` and
    ``recognize(samples, rate) -> VoiceCommand``. ``on_state`` hears "asleep" and "awake"."""

    def __init__(self, recognizer: Any, on_command: Callable[[VoiceCommand], None], *,
                 clock: Callable[[], float], on_state: Callable[[str], None] | None = None,
                 window_s: float = WAKE_WINDOW_S, rate: int = RATE) -> None:
        self.recognizer = recognizer
        self.on_command = on_command
        self.on_state = on_state
        self.clock = clock
        self.window_s = window_s
        self.rate = rate
        self.state = "asleep"
        self._until = 0.0

    def check(self, now: float | None = None) -> str:
        """The state at ``now`` (the clock's time if not given): an unanswered wake lapses after 5 s."""
        now = self.clock() if now is None else now
        if self.state == "awake" and now > self._until:
            self._set("asleep")
        return self.state

    def hear(self, samples: np.ndarray, at: float | None = None) -> VoiceCommand:
        """One utterance, which ended at ``at`` (default: now); returns the command acted on, or NONE."""
        if self.check(at) == "awake":
            cmd = self.recognizer.recognize(samples, self.rate)
            self._set("asleep")
            return self._emit(cmd)
        woke, cmd = self.recognizer.hear_wake(samples, self.rate)
        if not woke:
            return NONE                          # not for us: never acted on
        if cmd.is_command:
            return self._emit(cmd)
        self._until = (self.clock() if at is None else at) + self.window_s
        self._set("awake")
        return NONE

    def _emit(self, cmd: VoiceCommand) -> VoiceCommand:
        if cmd.is_command:
            self.on_command(cmd)
        return cmd

    def _set(self, state: str) -> None:
        if state != self.state:
            self.state = state
            if self.on_state is not None:
                self.on_state(state)
