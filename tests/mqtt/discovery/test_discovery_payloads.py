"""The discovery configs and the HA state payload, message by message (no broker)."""

import json

import pytest
from ha_reader import expand, parse_config_topic, problems, render

from kitchen_ui.core.model import StoveInfo, StoveState, ZoneInfo, ZoneState
from kitchen_ui.mqtt.discovery import (bridge_device_id, discovery_messages, ha_state_payload, ha_status_topic,
                                       kitchen_messages, removal_messages)
from kitchen_ui.mqtt.topics import Topics, TopicError

TOPICS = Topics("site/hearth")


def _info(stove_id="KSP-00042", levels=(9, 9, 12)) -> StoveInfo:
    zones = tuple(ZoneInfo(id=i, name=name, kind="induction", diameter_mm=180, max_power_w=2000.0,
                           boost_power_w=None, levels=n)
                  for i, (name, n) in enumerate(zip(("front-left", "back-left", "wok"), levels)))
    return StoveInfo(id=stove_id, model="HX-3", firmware="2.4.1", sim=False, zones=zones)


def _configs(stove="wok", info=None, bridge="kitchen-a", prefix="homeassistant"):
    return {topic: json.loads(payload)
            for topic, payload in discovery_messages(TOPICS, prefix, stove, info or _info(), bridge)}


def test_one_entity_per_documented_topic_with_the_agreed_unique_ids():
    configs = _configs()
    ids = {c["unique_id"]: topic for topic, c in configs.items()}
    expected = {f"wok_{z}_{w}" for z in ("1", "2", "3") for w in ("temperature", "power", "energy", "level")}
    assert set(ids) == expected | {"wok_all_off"}
    for uid, topic in ids.items():
        m = parse_config_topic("homeassistant", topic)
        assert m and m["node"] == "wok" and m["object"] == uid
        component = "number" if uid.endswith("level") else "button" if uid.endswith("all_off") else "sensor"
        assert m["component"] == component
        assert problems(component, expand(configs[topic])) == []


def test_sensors_carry_the_documented_classes_and_units():
    by_id = {c["unique_id"]: c for c in _configs().values()}
    temp, power, energy = by_id["wok_2_temperature"], by_id["wok_2_power"], by_id["wok_2_energy"]
    assert (temp["device_class"], temp["unit_of_measurement"], temp["state_class"]) == ("temperature", "°C",
                                                                                        "measurement")
    assert (power["device_class"], power["unit_of_measurement"]) == ("power", "W")
    assert (energy["device_class"], energy["unit_of_measurement"], energy["state_class"]) == (
        "energy", "Wh", "total_increasing")
    assert temp["name"] == "back-left temperature"          # the stove's own zone name
    assert {c["state_topic"] for c in (temp, power, energy)} == {"site/hearth/wok/state"}


def test_level_number_follows_each_zones_levels_and_commands_the_cooks_zone_number():
    by_id = {c["unique_id"]: c for c in _configs().values()}
    level = by_id["wok_3_level"]
    assert (level["min"], level["max"], level["step"]) == (0, 12, 1)
    assert by_id["wok_1_level"]["max"] == 9
    assert level["mode"] in ("box", "slider")
    assert level["command_topic"] == "site/hearth/wok/zone/3/level/set"
    button = by_id["wok_all_off"]
    assert button["command_topic"] == "site/hearth/wok/all_off/set"
    assert "state_topic" not in button


def test_one_device_per_stove_named_by_its_ksp_id_behind_the_bridge():
    configs = list(_configs().values())
    devices = {json.dumps(c["device"], sort_keys=True) for c in configs}
    assert len(devices) == 1
    device = configs[0]["device"]
    assert device["identifiers"] == ["hearth-KSP-00042"]
    assert (device["name"], device["model"], device["sw_version"], device["manufacturer"]) == (
        "wok", "HX-3", "2.4.1", "Hearth")
    kitchen = json.loads(kitchen_messages(TOPICS, "homeassistant", "kitchen-a")[0][1])
    assert device["via_device"] == bridge_device_id("kitchen-a") == kitchen["device"]["identifiers"][0]
    # the same physical stove under another name is the same HA device
    renamed = next(iter(_configs(stove="range").values()))
    assert renamed["device"]["identifiers"] == device["identifiers"]
    assert all(c["origin"]["name"] == "Hearth" for c in configs)


def test_every_entity_needs_both_the_bridge_and_the_stove_link():
    for config in _configs().values():
        assert config["availability_mode"] == "all"
        assert [a["topic"] for a in config["availability"]] == ["site/hearth/bridge/kitchen-a/status",
                                                                "site/hearth/wok/link"]
        assert {(a["payload_available"], a["payload_not_available"]) for a in config["availability"]} == {
            ("online", "offline")}


def test_kitchen_power_sensor_reads_the_kitchen_topic():
    [(topic, payload)] = kitchen_messages(TOPICS, "ha", "kitchen-a")
    config = json.loads(payload)
    assert parse_config_topic("ha", topic)["component"] == "sensor"
    assert config["state_topic"] == "site/hearth/kitchen/power"
    assert (config["device_class"], config["unit_of_measurement"]) == ("power", "W")
    assert render(config["value_template"], json.dumps({"power_w": 5150.5, "stoves": 3})) == "5150.5"
    assert problems("sensor", expand(config)) == []


def test_removal_empties_exactly_the_announced_topics():
    info = _info()
    announced = [t for t, _ in discovery_messages(TOPICS, "homeassistant", "wok", info, "kitchen-a")]
    removed = removal_messages("homeassistant", "wok", info)
    assert [t for t, _ in removed] == announced
    assert {p for _, p in removed} == {""}


@pytest.mark.parametrize("call, named", [
    (lambda: _configs(stove="my wok"), "my wok"),
    (lambda: _configs(stove="bridge"), "reserved"),
    (lambda: _configs(prefix="home/#"), "--discovery-prefix"),
    (lambda: _configs(bridge="a/b"), "bridge id"),
    (lambda: removal_messages("homeassistant", "wok/1", _info()), "wok/1"),
])
def test_names_that_cannot_be_topics_are_refused_with_the_reason(call, named):
    with pytest.raises(TopicError, match=named):
        call()


def test_ha_status_topic_is_under_the_discovery_prefix():
    assert ha_status_topic("homeassistant") == "homeassistant/status"


def _state(*zones: ZoneState, locked=False) -> StoveState:
    return StoveState(t=12.0, zones=zones, locked=locked, seq=7)


def test_state_payload_reads_the_pan_then_the_zone_then_unknown():
    state = _state(ZoneState(0, mode="level", level=6, temp_c=150.0, pan_temp_c=180.54, power_w=1800.04,
                             energy_wh=12.345, pan=True),
                   ZoneState(1, temp_c=22.0),
                   ZoneState(2, fault="overheat"))
    payload = json.loads(ha_state_payload(state))
    assert payload["zones"]["1"] == {"temperature": 180.5, "power_w": 1800.0, "energy_wh": 12.35, "level": 6,
                                     "mode": "level"}
    assert payload["zones"]["2"]["temperature"] == 22.0
    assert payload["zones"]["3"]["temperature"] is None
    assert payload["faults"] == {"3": "overheat"}
    assert payload["power_w"] == 1800.0 and payload["locked"] is False


def test_templates_give_the_numbers_ha_shows():
    by_id = {c["unique_id"]: c for c in _configs().values()}
    state = ha_state_payload(_state(ZoneState(0, mode="level", level=6, pan_temp_c=180.5, power_w=1800.0,
                                              energy_wh=12.3), ZoneState(1), ZoneState(2, level=2)))
    assert render(by_id["wok_1_temperature"]["value_template"], state) == "180.5"
    assert render(by_id["wok_1_power"]["value_template"], state) == "1800.0"
    assert render(by_id["wok_1_energy"]["value_template"], state) == "12.3"
    assert render(by_id["wok_3_level"]["value_template"], state) == "2"
    assert render(by_id["wok_2_temperature"]["value_template"], state) == "None"   # HA: unknown


def test_the_same_configs_abbreviated_expand_back_to_them():
    """Should discovery ever switch to HA's short keys (smaller retained messages), HA reads them as
    these: every key we use is the full name of its abbreviation, device and origin included."""
    from ha_reader import ABBREVIATIONS, DEVICE_ABBREVIATIONS, ORIGIN_ABBREVIATIONS

    short, short_dev, short_origin = ({v: k for k, v in table.items()}
                                      for table in (ABBREVIATIONS, DEVICE_ABBREVIATIONS, ORIGIN_ABBREVIATIONS))
    for config in _configs().values():
        abbreviated = {short.get(k, k): v for k, v in config.items()}
        abbreviated[short["device"]] = {short_dev[k]: v for k, v in config["device"].items()}
        abbreviated[short["origin"]] = {short_origin[k]: v for k, v in config["origin"].items()}
        abbreviated[short["availability"]] = [{short[k]: v for k, v in a.items()} for a in config["availability"]]
        assert len(json.dumps(abbreviated)) < len(json.dumps(config))
        assert expand(abbreviated) == config
