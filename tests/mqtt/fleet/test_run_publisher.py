"""A recipe run published by a dashboard reaches the fleet screen's tile of that stove."""

from __future__ import annotations

from types import SimpleNamespace

from fleet_bridge_double import BridgeDouble, wait_until
from psygnal import Signal

from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.fleet import Fleet
from kitchen_ui.mqtt.runs import RunPublisher


class FakeStoveApp:
    """Just the two signals of a StoveApp the publisher follows."""

    changed = Signal(object)
    run_finished = Signal(object)


def _view(step: str, left: float | None, done: int = 1):
    active = (SimpleNamespace(text=step, remaining_s=left),)
    return SimpleNamespace(title="Dal tadka", status=SimpleNamespace(value="running"), active=active,
                           steps_done=done, steps_total=6)


def test_a_run_shows_on_its_stove_and_goes_when_it_ends(mosquitto):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["hob", "wok"]).start()
    login = broker_login(mosquitto.url)
    fleet = Fleet(login)
    pub = RunPublisher(login)
    app = FakeStoveApp()
    wok_id = bridge.stoves["wok"].info.id
    pub.attach(app, lambda: wok_id)
    fleet.start()
    pub.start()
    try:
        wait_until(lambda: pub.link.connected and (fleet.flush(), len(fleet.names) == 2)[1], what="connected")
        app.changed.emit(_view("Simmer the lentils", 1200.0))
        s = wait_until(lambda: (fleet.flush(), (x := fleet.summary("wok")).recipe and x)[1], what="the run")
        assert s.recipe == "Dal tadka" and 1100 < s.recipe_left_s <= 1200
        assert fleet.summary("hob").recipe is None                 # matched by the stove's id, not all stoves
        assert not pub.publish(wok_id, _view("Simmer the lentils", 1185.0))   # same minute: nothing sent
        app.run_finished.emit(object())
        wait_until(lambda: (fleet.flush(), fleet.summary("wok").recipe is None)[1], what="the run gone")
    finally:
        pub.stop()
        fleet.stop()
        bridge.stop()
