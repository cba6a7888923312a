"""The dashboard with ``--broker`` publishes the recipe cooking on its stove for the fleet screen."""

from __future__ import annotations

import json
import threading
from argparse import Namespace

import paho.mqtt.client as paho
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kitchen_ui.commands.dashboard import _run_publisher
from kitchen_ui.connect import open_simulated
from kitchen_ui.mqtt.topics import Topics, stove_uid
from kitchen_ui.recipes.model import Recipe
from kitchen_ui.storage.opening import OpeningDatabase
from kitchen_ui.ui.app import DashboardOptions, run_dashboard

FRY = {"title": "Fried onions", "pots": [{"id": "pan", "label": "Frying pan", "zone": "small"}],
       "steps": [{"id": "fry", "text": "Fry the onions", "pot": "pan", "setting": {"mode": "level", "level": 5},
                  "duration_s": 600}]}


def test_a_recipe_run_is_published_retained_and_cleared(qapp, mosquitto, tmp_path):
    args = Namespace(broker=mosquitto.url, username=None, password_file=None, broker_ca_cert=None,
                     topic_prefix="hearth")
    runs = _run_publisher(args)
    stove = open_simulated(speed=1.0, stove_id="kitchen-hob/1")
    messages: list[tuple[str, bytes]] = []
    got = threading.Event()
    sub = paho.Client(paho.CallbackAPIVersion.VERSION2)
    sub.on_connect = lambda c, *_: c.subscribe(f"{Topics().prefix}/runs/+", 1)
    sub.on_message = lambda _c, _u, m: (messages.append((m.topic, m.payload)), got.set())
    sub.connect(mosquitto.host, mosquitto.port)
    sub.loop_start()
    opening = OpeningDatabase(tmp_path / "kitchen.sqlite3")

    def prepare(window, model) -> None:
        runs.prepare(window, model)

        def cook(kitchen) -> None:        # once the kitchen database is open (after the first frame)
            QTimer.singleShot(300, lambda: kitchen.stove.start(Recipe.from_dict(FRY)))
            QTimer.singleShot(1200, lambda: kitchen.stove.engine.abort())
            QTimer.singleShot(1600, lambda: QApplication.instance().exit(0))    # done: no need to wait longer

        if window.kitchen is not None:
            cook(window.kitchen)
        else:
            window.kitchen_attached.connect(cook)

    try:
        code = run_dashboard(stove, DashboardOptions(size=(1024, 600), run_for=20.0, kitchen_db=opening),
                             prepare=prepare)
    finally:
        runs.stop()
        opening.close()
    assert code == 0
    got.wait(5)
    sub.loop_stop()
    topic = Topics().run(stove_uid("kitchen-hob/1"))
    assert topic.endswith("/runs/kitchen-hob-1")
    payloads = [p for t, p in messages if t == topic]
    first = json.loads(payloads[0])
    assert first["recipe"] == "Fried onions" and first["step"] == "Fry the onions"
    assert payloads[-1] == b""             # the run ended: the retained message is cleared
