"""Cases run by test_voice_real_microphone.py in a child pytest, with a PulseAudio server whose
default input hears ``paplay``. Speech is Flite's. Alone (without that server) they skip."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from kitchen_ui.ui.voice.microphone import find_microphone
from kitchen_ui.voice.commands import VoiceCommand

from .test_voice_dashboard import kdb, make_voice, settings  # noqa: F401 (fixtures)

pytestmark = pytest.mark.skipif(os.environ.get("HEARTH_REAL_MIC") != "1" or shutil.which("flite") is None,
                                reason="run by test_voice_real_microphone.py, with flite")


@pytest.fixture
def say(tmp_path, qtbot):
    """say(text): Flite speaks ``text`` into the sound server, as a cook would into the room."""
    def speak(text: str) -> None:
        wav = tmp_path / "said.wav"
        subprocess.run(["flite", "-voice", "slt", "-t", text, "-o", str(wav)], check=True)
        player = subprocess.Popen(["paplay", str(wav)])
        qtbot.waitUntil(lambda: player.poll() is not None, timeout=15000)
        assert player.returncode == 0
    return speak


@pytest.fixture
def real_voice(make_voice, sim_stove, qtbot):
    """The dashboard's voice with the real microphone, recorder, stream and recognizer; zone 2 on."""
    voice = make_voice(on=True, microphone=find_microphone)
    voice.window.show()
    qtbot.waitExposed(voice.window)
    assert voice.perform(VoiceCommand("set_level", zone=2, level=6)).acted
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: voice.kitchen.model.state.zones[1].level == 6, timeout=3000)
    return voice


def zone2(voice) -> int:
    return voice.kitchen.model.state.zones[1].level


def test_the_talk_button_finds_the_microphone_held_while_speaking_switches_zone_2_off(qtbot, real_voice, say, sim_stove):
    button = real_voice.cooking_button
    assert button.isEnabled() and button.text() == "Talk"
    button.pressed.emit()                                     # held down
    qtbot.wait(400)
    say("zone two off")
    qtbot.wait(300)
    with qtbot.waitSignal(real_voice.input.heard, timeout=15000) as heard:
        button.released.emit()
    cmd, reply = heard.args
    assert (cmd.kind, cmd.zone, reply.acted) == ("zone_off", 2, True)
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: zone2(real_voice) == 0, timeout=3000)
    assert real_voice.window.notices.messages[0].startswith("Heard “zone two off”")


def test_kitchen_talk_into_the_microphone_does_nothing(qtbot, real_voice, say, sim_stove):
    button = real_voice.cooking_button
    button.pressed.emit()
    qtbot.wait(400)
    say("the soup smells wonderful today")
    qtbot.wait(300)
    with qtbot.waitSignal(real_voice.input.heard, timeout=15000) as heard:
        button.released.emit()
    assert heard.args[0].kind == "none" and not heard.args[1].acted
    sim_stove.advance(0.5)
    assert zone2(real_voice) == 6


def test_the_wake_phrase_listens_on_the_open_microphone(qtbot, real_voice, say, sim_stove):
    real_voice.wake.set_on(True)
    assert real_voice.wake.on and real_voice.wake.label.text() == "Say “hey hearth”"
    qtbot.wait(1500)                                          # the noise floor settles on the room
    say("zone two off")                                       # no wake phrase: ignored
    qtbot.wait(2500)
    sim_stove.advance(0.5)
    assert zone2(real_voice) == 6
    with qtbot.waitSignal(real_voice.input.heard, timeout=15000) as heard:
        say("hey hearth, zone two off")
    cmd, reply = heard.args
    assert (cmd.kind, cmd.zone, reply.acted) == ("zone_off", 2, True)
    sim_stove.advance(0.5)
    qtbot.waitUntil(lambda: zone2(real_voice) == 0, timeout=3000)
