"""Discovery read as Home Assistant reads it, through a real Mosquitto: retained configs, a state
rendered by the configs' own templates, availability from the bridge and the stove's link."""

import json

import paho.mqtt.client as paho
import pytest
from ha_reader import HaReader, problems

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.core.model import StoveState, ZoneState
from kitchen_ui.mqtt.discovery import (StateThrottle, discovery_messages, ha_state_payload, kitchen_messages,
                                       removal_messages)
from kitchen_ui.mqtt.topics import Topics
from kitchen_ui.sim.profiles import default_profile_name, load_profile
from kitchen_ui.sim.stove import SimulatedStove

TOPICS = Topics()
BRIDGE = "kitchen-a"


class Publisher:
    """Stands in for the bridge: publishes what the discovery module returns, acknowledged."""

    def __init__(self, broker) -> None:
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="test-bridge")
        self.client.connect(broker.host, broker.port)
        self.client.loop_start()

    def send(self, messages, retain=True) -> None:
        infos = [self.client.publish(topic, payload, qos=1, retain=retain) for topic, payload in messages]
        for info in infos:
            info.wait_for_publish(5)
            assert info.is_published()

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def stove():
    clock = ManualClock()
    return clock, SimulatedStove(load_profile(default_profile_name()), clock, stove_id=f"{BRIDGE}-wok")


@pytest.fixture
def bridge(mosquitto):
    pub = Publisher(mosquitto)
    yield pub
    pub.close()


@pytest.fixture
def reader(mosquitto):
    r = HaReader(mosquitto)
    yield r
    r.close()


def _announce(bridge, info, stove="wok"):
    messages = discovery_messages(TOPICS, "homeassistant", stove, info, BRIDGE) + kitchen_messages(
        TOPICS, "homeassistant", BRIDGE)
    bridge.send(messages)
    return messages


def test_ha_finds_every_entity_with_what_its_platform_requires(mosquitto, bridge, stove):
    _, sim = stove
    messages = _announce(bridge, sim.info)
    reader = HaReader(mosquitto)               # HA starting later still finds them: they are retained
    try:
        entities = reader.wait_entities(len(messages))
        zones = len(sim.info.zones)
        assert sorted(c for c, _ in entities.values()) == sorted(
            ["sensor"] * (3 * zones + 1) + ["number"] * zones + ["button"])
        for uid, (component, config) in entities.items():
            assert problems(component, config) == [], uid
        devices = {tuple(cfg["device"]["identifiers"]) for uid, (_, cfg) in entities.items() if uid.startswith("wok")}
        assert devices == {(f"hearth-{BRIDGE}-wok",)}
        assert entities["wok_2_level"][1]["command_topic"] == "hearth/wok/zone/2/level/set"
        assert entities["wok_all_off"][1]["command_topic"] == "hearth/wok/all_off/set"
    finally:
        reader.close()


def test_a_zone_at_180_5_reads_180_5_and_unknown_reads_unknown(bridge, reader, stove):
    _, sim = stove
    messages = _announce(bridge, sim.info)
    state = StoveState(t=1.0, zones=(ZoneState(0, mode="level", level=7, pan_temp_c=180.5, power_w=2100.0,
                                               energy_wh=35.0, pan=True),
                                     ZoneState(1), ZoneState(2, temp_c=21.0), ZoneState(3)))
    bridge.send([(TOPICS.ha_state("wok"), ha_state_payload(state))])
    reader.wait_history(TOPICS.ha_state("wok"), 1)
    e = {uid: cfg for uid, (_, cfg) in reader.wait_entities(len(messages)).items()}
    assert reader.shown(e["wok_1_temperature"]) == 180.5
    assert reader.shown(e["wok_1_power"]) == 2100.0
    assert reader.shown(e["wok_1_energy"]) == 35.0
    assert reader.shown(e["wok_1_level"]) == 7
    assert reader.shown(e["wok_3_temperature"]) == 21.0
    assert reader.shown(e["wok_2_temperature"]) is None            # no reading: HA shows "unknown"


def test_energy_only_grows_while_a_zone_cooks(bridge, reader, stove):
    clock, sim = stove
    _announce(bridge, sim.info)
    throttle = StateThrottle(max_hz=2.0)
    sim.set_level(0, 9)
    sent = 0
    for _ in range(40):                        # 4 s of cooking at the stove's 10 Hz, throttled to 2 Hz
        clock.advance(0.1)
        sim.update()
        payload = throttle.offer("wok", clock.now(), sim.snapshot())
        if payload is not None:
            bridge.send([(TOPICS.ha_state("wok"), payload)])
            sent += 1
    assert 7 <= sent <= 9
    for _, payload in throttle.flush(throttle.next_due()):     # the last state, held back, still goes out
        bridge.send([(TOPICS.ha_state("wok"), payload)])
        sent += 1
    states = reader.wait_history(TOPICS.ha_state("wok"), sent)
    energy = reader.wait(lambda: reader.entities().get("wok_1_energy"))[1]
    readings = [reader.shown(energy, p) for p in states]
    assert all(b >= a for a, b in zip(readings, readings[1:]))
    assert readings[-1] > readings[0] > 0
    # the sensor ends on the stove's own meter: 4 s at 2300 W, 2.56 Wh
    assert readings[-1] == pytest.approx(sim.snapshot().zones[0].energy_wh, abs=0.005)
    assert readings[-1] == pytest.approx(2300 * 4 / 3600, abs=0.05)


def test_unavailable_when_the_link_or_the_bridge_says_offline(bridge, reader, stove):
    _, sim = stove
    _announce(bridge, sim.info)
    temp = reader.wait(lambda: reader.entities().get("wok_1_temperature"))[1]
    kitchen = reader.wait(lambda: reader.entities().get(f"hearth-bridge-{BRIDGE}_kitchen_power"))[1]
    status, link = TOPICS.bridge_status(BRIDGE), TOPICS.link("wok")

    def say(topic, word):
        n = len(reader.history.get(topic, ()))
        bridge.send([(topic, word)])
        reader.wait_history(topic, n + 1)

    assert not reader.available(temp)                       # nothing said yet
    say(status, "online")
    say(link, "online")
    assert reader.available(temp) and reader.available(kitchen)
    say(link, "offline")                                    # the stove dropped
    assert not reader.available(temp) and reader.available(kitchen)
    say(link, "online")
    say(status, "offline")                                  # the bridge's last will
    assert not reader.available(temp) and not reader.available(kitchen)


def test_kitchen_power_reads_the_whole_kitchen(bridge, reader):
    bridge.send(kitchen_messages(TOPICS, "homeassistant", BRIDGE))
    bridge.send([(TOPICS.kitchen_power(), json.dumps({"power_w": 4600.0, "stoves": 2}))])
    reader.wait_history(TOPICS.kitchen_power(), 1)
    sensor = reader.wait(lambda: reader.entities().get(f"hearth-bridge-{BRIDGE}_kitchen_power"))[1]
    assert reader.shown(sensor) == 4600.0


def test_empty_payloads_remove_the_stove_from_ha(mosquitto, bridge, reader, stove):
    _, sim = stove
    messages = _announce(bridge, sim.info)
    reader.wait_entities(len(messages))
    bridge.send(removal_messages("homeassistant", "wok", sim.info))
    left = reader.wait_entities(1)
    assert list(left) == [f"hearth-bridge-{BRIDGE}_kitchen_power"]
    late = HaReader(mosquitto)                 # an HA starting now finds no retained config of the stove
    try:
        late.wait(lambda: late.entities(), what="the kitchen sensor")
        assert not any(uid.startswith("wok") for uid in late.entities())
    finally:
        late.close()
