"""The real bridge (in-process, two simulated stoves, --control) read by a Home Assistant stand-in:
HA finds every entity, sets a level through the number's own command topic and sees it back
through the number's own template, and shows everything unavailable once the bridge stops."""

import time

import pytest
from ha_reader import HaReader, problems

from kitchen_ui.connect import open_simulated
from kitchen_ui.mqtt.bridge import Bridge, BridgeConfig, BridgeThread
from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.topics import Topics


@pytest.fixture
def running(mosquitto, tmp_path):
    login = broker_login(mosquitto.url)
    config = BridgeConfig(login=login, topics=Topics(), bridge_id="ha-test", control=True,
                          db_path=str(tmp_path / "kitchen.sqlite3"), reconnect_initial_s=0.1, reconnect_cap_s=0.5)
    stoves = [(f"sim-{i}", open_simulated(zones=4, stove_id=f"ha-test-sim-{i}")) for i in (1, 2)]
    thread = BridgeThread(Bridge(config, stoves)).start()
    yield thread
    thread.stop()


def test_ha_finds_controls_and_loses_the_bridges_stoves(mosquitto, running):
    reader = HaReader(mosquitto)
    try:
        entities = reader.wait_entities(2 * (4 * 4 + 1) + 1)
        for uid, (component, config) in entities.items():
            assert problems(component, config) == [], uid
        level = entities["sim-2_3_level"][1]
        energy = entities["sim-2_3_energy"][1]
        temperature = entities["sim-2_3_temperature"][1]
        reader.wait(lambda: reader.available(level), what="the stove available")
        reader.wait(lambda: reader.shown(level) == 0, what="zone 3 shown off")

        reader.client.publish(level["command_topic"], "7", qos=1)      # what HA sends for 7 on the slider
        reader.wait(lambda: reader.shown(level) == 7, what="zone 3 shown at level 7")
        states = len(reader.history[energy["state_topic"]])
        reader.wait(lambda: len(reader.history[energy["state_topic"]]) >= states + 3, what="three more states")
        readings = [reader.shown(energy, p) for p in reader.history[energy["state_topic"]][states - 1:]]
        assert all(b >= a for a, b in zip(readings, readings[1:])) and readings[-1] > 0
        assert 10.0 < reader.shown(temperature) < 400.0                 # a real reading, in °C

        running.stop()                                                  # says "offline" as it goes
        reader.wait(lambda: not any(reader.available(c) for _, c in reader.entities().values()),
                    what="every entity unavailable")
    finally:
        reader.close()


def test_states_reach_ha_at_most_twice_a_second(mosquitto, running):
    reader = HaReader(mosquitto)
    try:
        topic = Topics().ha_state("sim-1")
        first = reader.wait_history(topic, 1)
        start, count = time.monotonic(), len(first)
        reader.wait_history(topic, count + 4, timeout=10)
        # the stove sends 10 a second; at 2 Hz the 4 after the first take 1.5 s (less a little jitter)
        assert time.monotonic() - start >= 1.4
    finally:
        reader.close()
