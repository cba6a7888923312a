"""The wake phrase in the dashboard: the setting (Stove menu, kiosk panel behind the PIN), a fake
microphone stream cut into utterances, and a command after "hey hearth" done as push-to-talk does it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal

from kitchen_ui.ui.settings import open_settings
from kitchen_ui.voice.commands import NONE, VoiceCommand

from .recipes.conftest import tap
from .test_voice_dashboard import kdb, make_voice, settings  # noqa: F401 (fixtures)

RATE = 16000
ZONE2_OFF = VoiceCommand("zone_off", zone=2, text="zone two off", confidence=0.9)


class FakeStream(QObject):
    """Stands in for the microphone stream: the test pushes the chunks."""
    chunk = Signal(object)
    made: list = []

    def __init__(self, device, parent=None):
        super().__init__(parent)
        self.running = False
        FakeStream.made.append(self)

    def start(self):
        self.running = True

    def stop(self):
        self.running = False

    def say(self, seconds=1.0):
        """A loud 1 s "utterance" between quiet spells, in 20 ms chunks as a device delivers them."""
        t = np.arange(int(seconds * RATE)) / RATE
        x = np.concatenate([np.zeros(RATE), 3000 * np.sin(2 * np.pi * 220 * t), np.zeros(RATE)]).astype(np.int16)
        for i in range(0, len(x), 320):
            self.chunk.emit(x[i:i + 320])


class FakeMic(QObject):
    finished = Signal(object, int)

    def __init__(self, device, parent=None):
        super().__init__(parent)


class FakeRecognizer:
    def __init__(self, wake_answer):
        self.wake_answer = wake_answer
        self.heard = []

    def hear_wake(self, samples, rate):
        self.heard.append(("hear_wake", len(samples), rate))
        return self.wake_answer

    def recognize(self, samples, rate):
        self.heard.append(("recognize", len(samples), rate))
        return NONE


@pytest.fixture
def wake_voice(make_voice):
    """wake_voice(answer, kiosk=False, **kw) -> DashboardVoice with a microphone, a fake stream and recognizer."""
    FakeStream.made = []

    def make(answer=(False, NONE), kiosk=False, **kw):
        rec = FakeRecognizer(answer)
        voice = make_voice(kiosk=kiosk, microphone=lambda: (object(), ""), recorder=FakeMic,
                           recognizer=lambda: rec, stream=FakeStream, **kw)
        voice.fake_recognizer = rec
        return voice
    return make


def test_the_wake_phrase_is_off_by_default_and_only_offered_while_voice_is_on(qtbot, wake_voice, settings):
    voice = wake_voice()
    wake = voice.wake.menu_action
    assert wake is not None and not wake.isChecked() and not wake.isEnabled()      # voice is off on the desktop
    assert not voice.wake.on and FakeStream.made == []
    voice.menu_action.trigger()                                                     # voice on
    assert wake.isEnabled() and not wake.isChecked() and not voice.wake.on
    wake.trigger()
    assert voice.wake.on and FakeStream.made[-1].running
    assert voice.wake.label.isVisible() and voice.wake.label.text() == "Say “hey hearth”"
    assert open_settings(settings.path).wake_on(False) is True                      # remembered
    wake.trigger()
    assert not voice.wake.on and not FakeStream.made[-1].running and not voice.wake.label.isVisible()
    assert open_settings(settings.path).wake_on(False) is False


def test_hey_hearth_zone_two_off_switches_zone_2_off_as_push_to_talk_would(qtbot, wake_voice, sim_stove):
    voice = wake_voice(answer=(True, ZONE2_OFF), on=True)
    voice.perform(VoiceCommand("set_level", zone=2, level=6))
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: voice.kitchen.model.state.zones[1].level == 6, timeout=2000)
    voice.wake.menu_action.trigger()
    with qtbot.waitSignal(voice.input.heard, timeout=5000) as heard:
        FakeStream.made[-1].say()
    assert heard.args[0] == ZONE2_OFF and heard.args[1].acted
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: voice.kitchen.model.state.zones[1].level == 0, timeout=2000)
    assert voice.window.notices.messages[0].startswith("Heard “zone two off”")
    (call,) = voice.fake_recognizer.heard
    assert call[0] == "hear_wake" and call[2] == RATE and 1.5 * RATE < call[1] < 2.0 * RATE


def test_an_utterance_without_the_wake_phrase_does_nothing(qtbot, wake_voice, sim_stove):
    voice = wake_voice(answer=(False, NONE), on=True)
    voice.perform(VoiceCommand("set_level", zone=2, level=6))
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: voice.kitchen.model.state.zones[1].level == 6, timeout=2000)
    voice.wake.menu_action.trigger()
    heard = []
    voice.input.heard.connect(lambda *a: heard.append(a))
    FakeStream.made[-1].say()
    qtbot.waitUntil(lambda: len(voice.fake_recognizer.heard) == 1, timeout=5000)
    qtbot.wait(50)
    sim_stove.advance(0.5)
    assert heard == [] and voice.kitchen.model.state.zones[1].level == 6
    assert voice.wake.label.text() == "Say “hey hearth”"


def test_hey_hearth_alone_waits_for_a_command_and_shows_it_without_moving_anything(qtbot, wake_voice):
    voice = wake_voice(answer=(True, NONE), on=True)
    voice.wake.menu_action.trigger()
    label = voice.wake.label
    before = label.geometry(), voice.timer_label.geometry()
    FakeStream.made[-1].say()
    qtbot.waitUntil(lambda: voice.wake.state == "awake", timeout=5000)
    assert label.text() == "Say a command…"
    assert (label.geometry(), voice.timer_label.geometry()) == before                # fixed width


def test_turning_voice_off_stops_listening(qtbot, wake_voice):
    voice = wake_voice(answer=(True, ZONE2_OFF), on=True)
    voice.wake.menu_action.trigger()
    stream = FakeStream.made[-1]
    assert stream.running
    voice.menu_action.trigger()                                                     # voice off
    assert not stream.running and not voice.wake.on and not voice.wake.menu_action.isEnabled()
    stream.say()                                                                    # nothing listens now
    qtbot.wait(50)
    assert voice.fake_recognizer.heard == []
    voice.menu_action.trigger()                                                     # voice on again: so is the wake phrase
    assert voice.wake.on and FakeStream.made[-1].running


def test_without_a_microphone_the_setting_says_why_and_stays_off(qtbot, make_voice, settings):
    settings.set_wake_on(False, True)
    voice = make_voice(on=True)                                                     # no microphone
    a = voice.wake.menu_action
    assert not voice.wake.on and not a.isEnabled() and not a.isChecked()
    assert "no microphone was found" in a.text()


def test_the_kiosk_pin_guards_the_wake_phrase(qtbot, wake_voice, settings):
    from kitchen_ui.ui.panels import SettingsPanel

    from .kiosk.conftest import type_on
    voice = wake_voice(kiosk=True)
    assert voice.on and not voice.wake.on                                           # off in the kiosk too
    kiosk = voice.kiosk
    kiosk.lock.set_pin("2468")
    tap(qtbot, kiosk.settings_button)
    type_on(qtbot, kiosk.window.overlays.panel, "1111")
    assert not isinstance(kiosk.window.overlays.panel, SettingsPanel) and not voice.wake.on
    type_on(qtbot, kiosk.window.overlays.panel, "2468")
    panel = kiosk.window.overlays.panel
    assert isinstance(panel, SettingsPanel) and panel.wake_buttons[False].isChecked()
    tap(qtbot, panel.wake_buttons[True])
    assert voice.wake.on and FakeStream.made[-1].running
    assert open_settings(settings.path).wake_on(True) is True
    size = panel.wake_buttons[True].size()
    tap(qtbot, panel.voice_buttons[False])                                          # voice off: wake greyed, says why
    assert not voice.wake.on and not panel.wake_buttons[True].isEnabled()
    assert panel.wake_note.text() == "Switch voice on first."
    assert panel.wake_buttons[True].size() == size


@pytest.mark.parametrize("size", [(800, 480), (1024, 600)])
def test_the_kiosk_panel_with_the_wake_row_still_fits_a_small_screen(qtbot, wake_voice, size):
    """Every choice can be reached and tapped whole (the panel's choices scroll on a short screen:
    at 800x480 they once overlapped one another), and Close is always in view."""
    from PySide6.QtCore import QRect

    voice = wake_voice(kiosk=True, size=size)
    voice.kiosk.show_settings()
    panel = voice.kiosk.window.overlays.panel
    qtbot.waitUntil(panel.isVisible)
    window = voice.kiosk.window
    window.grab()

    def place(w, within):
        return QRect(w.mapTo(within, w.rect().topLeft()), w.size())

    assert window.rect().contains(place(panel.close_button, window)) and panel.close_button.height() >= 40
    buttons = [*panel.unit_buttons.values(), *panel.dim_buttons.values(), *panel.voice_buttons.values(),
               *panel.wake_buttons.values(), panel.quit_button]
    body = panel.scroll.widget()
    spots = [place(b, body) for b in buttons]
    for i, a in enumerate(spots):                                # none lies on another
        assert all(not a.intersects(b) for b in spots[i + 1:]), buttons[i].text()
    viewport = panel.scroll.viewport()
    for b in buttons:
        panel.scroll.ensureWidgetVisible(b, 0, 0)
        assert b.height() >= 40 and viewport.rect().contains(place(b, viewport)), b.text()
        assert window.rect().contains(place(b, window))


def test_a_recognizer_without_hear_wake_turns_listening_off_and_says_why(qtbot, make_voice, settings):
    class OldRecognizer:
        def recognize(self, samples, rate):
            return ZONE2_OFF                                     # would act, if it were ever asked

    FakeStream.made = []
    settings.set_wake_on(False, True)
    voice = make_voice(on=True, microphone=lambda: (object(), ""), recorder=FakeMic,
                       recognizer=OldRecognizer, stream=FakeStream)
    assert voice.wake.on
    heard = []
    voice.input.heard.connect(lambda *a: heard.append(a))
    FakeStream.made[-1].say()
    qtbot.waitUntil(lambda: not voice.wake.on, timeout=5000)
    assert not FakeStream.made[-1].running and heard == []
    assert voice.window.notices.messages[0] == ("Wake phrase off: the recognizer cannot hear the wake phrase "
                                                "(it has no hear_wake)")
    assert open_settings(settings.path).wake_on(False) is True          # the choice is kept


def test_turning_the_wake_phrase_on_and_off_leaves_a_running_kitchen_timer_in_its_place(qtbot, wake_voice):
    voice = wake_voice(on=True)
    voice.window.show()
    qtbot.waitExposed(voice.window)
    voice.perform(VoiceCommand("timer", seconds=300))
    qtbot.waitUntil(voice.timer_label.isVisible, timeout=2000)
    place = voice.timer_label.mapTo(voice.window, voice.timer_label.rect().topLeft())
    for _ in range(2):
        voice.wake.menu_action.trigger()
        qtbot.wait(20)
        assert voice.timer_label.mapTo(voice.window, voice.timer_label.rect().topLeft()) == place


def test_the_microphone_stream_at_48_khz_stereo_reaches_the_listener_as_one_clean_16_khz_sound(qtbot):
    """A device that cannot give 16 kHz mono: frames split across reads and any chunk size still
    come out as the whole sound resampled at once (no click at chunk edges, no drift)."""
    from PySide6.QtMultimedia import QAudioDevice, QAudioFormat

    from kitchen_ui.ui.voice.wake import MicStream
    from kitchen_ui.voice import audio

    class FakeIO(QObject):
        readyRead = Signal()

        def __init__(self):
            super().__init__()
            self.pending = b""

        def readAll(self):
            from PySide6.QtCore import QByteArray
            data, self.pending = self.pending, b""
            return QByteArray(data)

    io = FakeIO()
    stream = MicStream(QAudioDevice())
    fmt = QAudioFormat()
    fmt.setSampleRate(48000)
    fmt.setChannelCount(2)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    stream.format = fmt
    stream.source = type("Source", (), {"start": lambda self: io, "stop": lambda self: None})()
    got = []
    stream.chunk.connect(got.append)
    stream.start()
    t = np.arange(48000) / 48000
    tone = (8000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)
    raw = np.stack([tone, tone], axis=1).tobytes()
    rng, i = np.random.default_rng(5), 0
    while i < len(raw):
        n = int(rng.integers(1, 3001))                  # odd sizes split samples and frames
        io.pending += raw[i:i + n]
        io.readyRead.emit()
        i += n
    stream.stop()
    heard = np.concatenate(got)
    whole = audio.to_int16(audio.resample(tone.astype(np.float32) / 32768.0, 48000))
    assert 16000 - 40 < len(heard) <= 16000
    assert np.abs(heard.astype(int) - whole[:len(heard)].astype(int)).max() <= 1


@pytest.mark.parametrize("kiosk,size", [(False, (1280, 800)), (True, (1024, 600))])
def test_the_status_bar_with_a_kitchen_timer_and_the_wake_phrase_fits_the_window(qtbot, wake_voice, kiosk, size):
    """Every text in the status bar is whole: stove time, power, energy, the timer, the wake text."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    voice = wake_voice(kiosk=kiosk, on=True, size=size)
    voice.window.show()
    qtbot.waitExposed(voice.window)
    voice.wake.set_on(True)
    voice.perform(VoiceCommand("timer", seconds=300))
    qtbot.waitUntil(voice.timer_label.isVisible, timeout=2000)
    qtbot.wait(50)
    shown = [w for w in voice.window.status.findChildren(QLabel) if w.isVisible() and w.text()]
    assert voice.wake.label in shown and voice.timer_label in shown
    for label in shown:
        right = label.mapTo(voice.window, QPoint(label.width(), 0)).x()
        needed = label.fontMetrics().horizontalAdvance(label.text())
        assert right <= voice.window.width() and label.width() >= needed, (label.text(), right, label.width(), needed)
