"""Voice in the dashboard: steps said aloud (real espeak-ng WAVs), the setting, the PIN, push-to-talk."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from kitchen_ui.storage.database import open_db
from kitchen_ui.ui.settings import open_settings
from kitchen_ui.voice.speech import read_wav, synthesize

from .recipes.conftest import FRY, PAN, make_kitchen, recipe, tap

CHEAP_SCRYPT = (2 ** 4, 1, 1)
NO_MIC = (None, "no microphone was found")
CHOP_THEN_FRY = [{"id": "chop", "text": "Chop the onions"}] + [dict(FRY[0], duration_s=120)]


@pytest.fixture
def kdb(tmp_path):
    db = open_db(tmp_path / "kitchen.sqlite3")
    yield db
    db.close()


@pytest.fixture
def settings(tmp_path):
    return open_settings(tmp_path / "settings.ini")


@pytest.fixture
def make_voice(qtbot, sim_stove, kdb, settings):
    """make_voice(kiosk=False, on=None, lang="en") -> DashboardVoice on a real kitchen; no microphone."""
    from kitchen_ui.ui.kiosk import Kiosk
    from kitchen_ui.ui.menus import DesktopMenus
    from kitchen_ui.ui.voice import DashboardVoice

    made = []

    def make(kiosk=False, on=None, lang="en", size=(1280, 800), **kw):
        if on is not None:
            settings.set_voice_on(kiosk, on)
        kitchen = make_kitchen(qtbot, sim_stove, kdb, size)
        k = Kiosk(kitchen.window, settings, pin_cost=CHEAP_SCRYPT) if kiosk else None
        if k is None:
            DesktopMenus(kitchen.window)
        voice = DashboardVoice(kitchen.window, settings, kiosk=k, lang=lang, microphone=kw.pop("microphone",
                               lambda: NO_MIC), **kw)
        made.append((voice, kitchen, k))
        if k is not None:                    # a frameless window is shown anew
            kitchen.window.show()
            qtbot.waitExposed(kitchen.window)
        return voice

    yield make
    for voice, kitchen, k in made:
        voice.close()
        if k is not None:
            k.stop()
            k.quitting = True
        kitchen.window.close()
        kitchen.close()
        kitchen.model.close()


def spoken_now(qtbot, voice, timeout=10000):
    with qtbot.waitSignal(voice.speaker.spoken, timeout=timeout) as blocker:
        pass
    return blocker.args


def assert_sounds_like(path, text, lang="en"):
    """The WAV handed to the player is espeak-ng's speech of exactly ``text``."""
    played = read_wav(path)
    assert played.duration_s > 0.3
    assert np.array_equal(played.samples, synthesize(text, lang).samples)


def test_a_new_step_and_a_done_prompt_are_spoken_as_a_real_wav(qtbot, make_voice):
    voice = make_voice(on=True)
    kitchen = voice.kitchen
    with qtbot.waitSignal(voice.speaker.spoken, timeout=10000) as said:
        kitchen.start_recipe(recipe(CHOP_THEN_FRY, [PAN]))
    text, path = said.args
    assert text == "Step 1: done? Chop the onions."
    assert_sounds_like(path, text)
    assert voice.speaker.player.played[-1] == path
    zone = kitchen.engine.zone_plan["pan"]
    name = kitchen.model.info.zones[zone].name
    with qtbot.waitSignal(voice.speaker.spoken, timeout=10000) as said:
        tap(qtbot, kitchen.cooking.confirm_button)
    text, path = said.args
    assert text == f"Step 2. Fry the onions. {name[0].upper() + name[1:]}, level 5, for 2 minutes."
    assert_sounds_like(path, text)


def test_german_dashboard_speaks_german(qtbot, make_voice):
    voice = make_voice(on=True, lang="de")
    with qtbot.waitSignal(voice.speaker.spoken, timeout=10000) as said:
        voice.kitchen.start_recipe(recipe(CHOP_THEN_FRY, [PAN]))
    text, path = said.args
    assert text == "Schritt 1: fertig? Chop the onions."
    assert_sounds_like(path, text, "de")


def test_voice_is_off_on_the_desktop_until_switched_on_in_the_stove_menu(qtbot, make_voice, settings):
    voice = make_voice()
    assert voice.on is False and not voice.cooking_button.isVisibleTo(voice.window)
    voice.kitchen.start_recipe(recipe(CHOP_THEN_FRY, [PAN]))
    assert voice.speaker.requested == 0                     # nothing was even synthesized
    action = voice.menu_action
    assert action is not None and not action.isChecked()
    action.trigger()
    assert voice.on is True and voice.cooking_button.isVisible()
    assert open_settings(settings.path).voice_on(False) is True          # remembered
    with qtbot.waitSignal(voice.speaker.spoken, timeout=10000) as said:
        tap(qtbot, voice.kitchen.cooking.confirm_button)
    assert said.args[0].startswith("Step 2. Fry the onions.")


def test_the_push_to_talk_button_without_a_microphone_says_so(qtbot, make_voice):
    voice = make_voice(on=True)
    voice.kitchen.start_recipe(recipe(CHOP_THEN_FRY, [PAN]))
    qtbot.wait(1)
    b = voice.cooking_button
    assert b.isVisible() and b.text() == "No mic" and "no microphone was found" in b.toolTip()
    tap(qtbot, b)
    assert voice.window.notices.messages[0] == "Voice commands cannot be used: no microphone was found"
    assert voice.talk.state == "unavailable"
    assert b.height() >= 48
    cooking = voice.kitchen.cooking
    assert b.parent() is cooking and b.y() < cooking.scroll.y()          # on the progress line, above the steps
    assert b.geometry().center().y() == pytest.approx(cooking.progress.geometry().center().y(), abs=2)


def test_the_kiosk_has_voice_on_and_its_button_in_the_header(qtbot, make_voice):
    voice = make_voice(kiosk=True)
    assert voice.on is True and voice.speaker.enabled
    b = voice.header_button
    assert b is not None and b.isVisible() and voice.window.header.isAncestorOf(b)
    assert b.height() >= 48 and b.width() >= 48
    assert "no microphone was found" in b.toolTip()
    tap(qtbot, b)                                # a struck-through microphone; a tap says why
    assert voice.window.notices.messages[0] == "Voice commands cannot be used: no microphone was found"
    assert voice.talk.state == "unavailable"


def test_the_kiosk_pin_guards_the_voice_setting(qtbot, make_voice, settings):
    from kitchen_ui.ui.panels import SettingsPanel

    from .kiosk.conftest import type_on
    voice = make_voice(kiosk=True)
    kiosk = voice.kiosk
    kiosk.lock.set_pin("2468")
    tap(qtbot, kiosk.settings_button)
    pad = kiosk.window.overlays.panel
    assert not isinstance(pad, SettingsPanel)                # the PIN first
    type_on(qtbot, pad, "1111")
    assert not isinstance(kiosk.window.overlays.panel, SettingsPanel) and voice.on
    type_on(qtbot, kiosk.window.overlays.panel, "2468")
    panel = kiosk.window.overlays.panel
    assert isinstance(panel, SettingsPanel) and panel.voice_buttons[True].isChecked()
    tap(qtbot, panel.voice_buttons[False])
    assert voice.on is False and not voice.speaker.enabled and not voice.header_button.isVisible()
    assert open_settings(settings.path).voice_on(True) is False          # remembered for the kiosk
    voice.kitchen.start_recipe(recipe(CHOP_THEN_FRY, [PAN]))
    assert voice.speaker.requested == 0


def test_a_voice_command_is_carried_out_spoken_back_and_shown(qtbot, make_voice, sim_stove):
    from kitchen_ui.voice.commands import VoiceCommand

    voice = make_voice(on=True)
    with qtbot.waitSignal(voice.speaker.spoken, timeout=10000) as said:
        voice.input.heard.emit(*(lambda c: (c, voice.perform(c)))(
            VoiceCommand("set_level", zone=2, level=6, text="zone two level six", confidence=0.9)))
    assert said.args[0] == "Zone 2, level 6."
    assert_sounds_like(said.args[1], "Zone 2, level 6.")
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: voice.kitchen.model.state.zones[1].level == 6, timeout=2000)
    assert voice.window.notices.messages[0] == "Heard “zone two level six”: Zone 2, level 6."


def test_the_kitchen_timer_rings_with_the_banner_and_is_said(qtbot, make_voice, sim_stove):
    from kitchen_ui.voice.commands import VoiceCommand

    voice = make_voice(on=True)
    reply = voice.perform(VoiceCommand("timer", seconds=60, text="timer one minute"))
    assert reply.acted
    assert voice.timer_label.isVisible() and voice.timer_label.text() == "Timer 1:00"
    sim_stove.advance(15.0)
    voice.tick()
    assert voice.timer_label.text() == "Timer 0:45"
    sim_stove.advance(46.0)
    with qtbot.waitSignal(voice.speaker.spoken, timeout=10000) as said:
        voice.tick()
    assert said.args[0] == "Your 1 minute timer is up."
    assert voice.kitchen.banner.isVisible() and "timer is up" in voice.kitchen.banner.label.text()
    assert not voice.timer_label.isVisible()


# -- the button's whole path, with a WAV where the microphone would be ----------------------------
class WavRecorder:
    """Stands where the QAudioSource recorder stands: start/stop, then ``finished(samples, rate)``
    with a real WAV's sound (this machine has no microphone)."""

    def __init__(self, path):
        from PySide6.QtCore import QObject, Signal

        class _Signals(QObject):
            finished = Signal(object, int)

        self._signals = _Signals()
        self.finished = self._signals.finished
        self.speech = read_wav(path)
        self.recording = False

    def start(self):
        self.recording = True

    def stop(self):
        if self.recording:
            self.recording = False
            self.finished.emit(self.speech.samples, self.speech.rate)


@pytest.mark.parametrize("rate, channels", [(22050, 1), (16000, 1), (44100, 2)])
def test_a_wav_through_the_push_to_talk_path_switches_the_zone_off_on_the_dashboards_stove(
        qtbot, make_voice, sim_stove, tmp_path, rate, channels):
    import subprocess

    from kitchen_ui.cli import main

    said = tmp_path / "said.wav"
    assert main(["voice", "say", "zone two off", "-o", str(said), "--rate", "160"]) == 0
    wav = tmp_path / "cmd.wav"        # a little silence either side, at the microphone's rate and channels
    subprocess.run(["sox", str(said), "-r", str(rate), "-c", str(channels), str(wav), "pad", "0.3", "0.3"], check=True)
    now = [100.0]
    voice = make_voice(on=True, microphone=lambda: ("a microphone", ""), recorder=lambda _dev, _parent: WavRecorder(wav),
                       clock=lambda: now[0])
    sim_stove.set_level(1, 5)
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: voice.kitchen.model.state.zones[1].level == 5, timeout=2000)
    voice.kitchen.start_recipe(recipe(CHOP_THEN_FRY, [PAN]))
    qtbot.wait(1)
    b = voice.cooking_button
    assert b.isEnabled() and b.text() == "Talk"
    qtbot.mousePress(b, Qt.MouseButton.LeftButton)
    assert voice.talk.state == "listening" and b.text() == "Listening…"
    now[0] += 2.0                                        # held for two seconds while speaking
    with qtbot.waitSignal(voice.input.heard, timeout=20000) as heard:
        qtbot.mouseRelease(b, Qt.MouseButton.LeftButton)
    cmd, reply = heard.args
    assert (cmd.kind, cmd.zone) == ("zone_off", 2) and reply.acted and reply.words == "Zone 2 off."
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: voice.kitchen.model.state.zones[1].level == 0, timeout=2000)
    assert voice.window.notices.messages[0] == "Heard “zone two off”: Zone 2 off."
    assert voice.talk.state == "idle" and b.text() == "Talk"
    assert voice.input.last_ms is not None


def test_kitchen_talk_through_the_push_to_talk_path_does_nothing(qtbot, make_voice, sim_stove, tmp_path):
    import subprocess

    from kitchen_ui.cli import main

    said = tmp_path / "said.wav"
    assert main(["voice", "say", "the soup smells wonderful today", "-o", str(said), "--rate", "160"]) == 0
    wav = tmp_path / "talk.wav"
    subprocess.run(["sox", str(said), str(wav), "pad", "0.3", "0.3"], check=True)
    voice = make_voice(on=True, microphone=lambda: ("a microphone", ""), recorder=lambda _dev, _parent: WavRecorder(wav))
    sim_stove.set_level(1, 5)
    sim_stove.advance(0.5)
    before = [z.level for z in sim_stove.state.zones]
    assert before == [0, 5, 0, 0]
    with qtbot.waitSignal(voice.input.heard, timeout=20000) as heard:
        voice.talk.press()
        voice.talk.mic.stop()
    cmd, reply = heard.args
    assert cmd.kind == "none" and not reply.acted
    sim_stove.advance(0.5)
    assert [z.level for z in sim_stove.state.zones] == before
    assert voice.window.notices.messages[0] == "Sorry, I did not catch that."


def test_a_wav_file_down_the_dashboards_path_acts_on_its_stove(qtbot, make_voice, sim_stove, tmp_path):
    import subprocess

    from kitchen_ui.cli import main

    said = tmp_path / "said.wav"
    assert main(["voice", "say", "stop everything", "-o", str(said), "--rate", "160"]) == 0
    wav = tmp_path / "cmd.wav"
    subprocess.run(["sox", str(said), "-r", "44100", "-c", "2", str(wav), "pad", "0.3", "0.3"], check=True)
    voice = make_voice(on=True)                     # no microphone: the file path needs none
    sim_stove.set_level(0, 7)
    sim_stove.set_level(3, 2)
    sim_stove.advance(0.5)
    with qtbot.waitSignal(voice.input.heard, timeout=20000) as heard:
        voice.input.hear_file(str(wav))
    assert heard.args[0].kind == "all_off" and heard.args[1].words == "All zones off."
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: all(z.level == 0 for z in voice.kitchen.model.state.zones), timeout=2000)
