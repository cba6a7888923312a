"""Voice with two stoves in one window (the real DashboardRun, two serve-sim stoves on loopback):
a zone command goes to the stove shown, as a tap would; "all off" switches off both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.network_stove import NetworkStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.sim.serve import build_sim_server
from kitchen_ui.storage.database import open_db
from kitchen_ui.voice.commands import VoiceCommand

from .test_multi_stove import FAST, level


@pytest.fixture
def run(qtbot, tmp_path):
    from kitchen_ui.ui.app import DashboardOptions, DashboardRun
    from kitchen_ui.ui.settings import open_settings

    servers = [ServerThread(build_sim_server(load_profile(p), speed=20.0)).start() for p in ("induction-4", "range-6")]
    stoves = [NetworkStove("ksp://{}:{}".format(*s.address), **FAST) for s in servers]
    kdb = open_db(tmp_path / "kitchen.sqlite3")
    settings = open_settings(tmp_path / "settings.ini")
    settings.set_voice_on(False, True)
    opts = DashboardOptions(size=(1280, 800), network=True, kitchen_db=kdb, stove_name="left",
                            more_stoves=[("right", stoves[1])], settings=settings)
    dash = DashboardRun(stoves[0], opts)
    qtbot.addWidget(dash.window)
    for s in stoves:
        s.start()
    dash._build()
    dash._show()
    qtbot.waitUntil(lambda: all(s.link.can_control for s in stoves) and dash.voice is not None
                    and len(dash.window.kitchen.app.stoves) == 2, timeout=5000)
    dash.stoves = stoves
    yield dash
    dash._close()
    dash.crash.uninstall()
    kdb.close()
    for s in servers:
        s.stop()


def test_zone_commands_go_to_the_stove_shown_and_all_off_to_every_stove(qtbot, run):
    left, right = run.stoves
    voice, multi = run.voice, run.multi
    assert voice.on
    qtbot.mouseClick(multi.buttons[1], Qt.MouseButton.LeftButton)          # the right stove is shown
    reply = voice.perform(VoiceCommand("set_level", zone=6, level=4))      # the range has six zones
    assert reply.acted and reply.words == "Zone 6, level 4."
    qtbot.waitUntil(lambda: level(right, 5) == 4, timeout=3000)
    assert level(left, 3) == 0
    run.window.model.set_level(0, 6)
    qtbot.waitUntil(lambda: level(left, 0) == 6, timeout=3000)
    assert voice.perform(VoiceCommand("all_off")).acted
    qtbot.waitUntil(lambda: level(left, 0) == 0 and level(right, 5) == 0, timeout=3000)
