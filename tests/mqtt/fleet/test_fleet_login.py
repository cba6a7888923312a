"""The fleet screen logs in to a broker that wants a password, from a file; a wrong one is said, not hidden."""

from __future__ import annotations

from fleet_bridge_double import BridgeDouble, wait_until

from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.fleet import Fleet


def test_login_from_a_password_file_and_a_refused_one(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(users={"bridge": "b-secret", "screen": "s-secret"})
    bridge = BridgeDouble(broker.host, broker.port, ["wok"], login=("bridge", "b-secret")).start()
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.write_text("s-secret\n")
    bad.write_text("guess\n")
    fleet = Fleet(broker_login(broker.url, username="screen", password_file=str(good)))
    refused = Fleet(broker_login(broker.url, username="screen", password_file=str(bad)))
    said = []
    refused.broker_changed.connect(lambda up, message: said.append((up, message)))
    fleet.start()
    refused.start()
    try:
        wait_until(lambda: (fleet.flush(), fleet.names == ["wok"])[1], what="wok seen with the right password")
        wait_until(lambda: (refused.flush(), said)[1], what="the refusal said")
        assert said[0][0] is False and "refused the login" in said[0][1]
        assert "guess" not in said[0][1] and refused.names == []
    finally:
        fleet.stop()
        refused.stop()
        bridge.stop()


def test_the_screen_says_the_broker_refused_it(qtbot, mosquitto_factory, tmp_path):
    from kitchen_ui.mqtt.remote_stove import MqttStove
    from kitchen_ui.ui.fleet.window import FleetWindow

    broker = mosquitto_factory(users={"screen": "s-secret"})
    bad = tmp_path / "bad"
    bad.write_text("guess\n")
    login = broker_login(broker.url, username="screen", password_file=str(bad))
    fleet = Fleet(login)
    window = FleetWindow(fleet, lambda name: MqttStove(login, name))
    qtbot.addWidget(window)
    window.show()
    fleet.start()
    window.start()
    try:
        wait_until(lambda: "Not connected to the broker" in window.strip.label.text(), what="the strip says it",
                   pump=lambda: qtbot.wait(25))
        assert "refused the login" in window.strip.label.text()
        assert window.header.broker.text() == "BROKER LOST"
    finally:
        window.stop()
        fleet.stop()
