"""MqttStove: a stove seen through a bridge on a real Mosquitto, behind the one Stove interface."""

from __future__ import annotations

import pytest
from fleet_bridge_double import BridgeDouble, wait_until

from kitchen_ui.core.errors import KspError, LinkError
from kitchen_ui.core.model import LinkStatus
from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.remote_stove import MqttStove


@pytest.fixture
def bridge(mosquitto):
    b = BridgeDouble(mosquitto.host, mosquitto.port, ["wok", "hob"]).start()
    yield b
    b.stop()


def _stove(mosquitto, name="wok", **kw) -> MqttStove:
    s = MqttStove(broker_login(mosquitto.url), name, **kw)
    s.start()
    return s


def test_info_telemetry_and_link_come_from_the_bridge(mosquitto, bridge):
    stove = _stove(mosquitto)
    try:
        wait_until(lambda: stove.link.online, what="the MQTT stove online")
        assert stove.info is not None and stove.info.id == bridge.stoves["wok"].info.id
        assert stove.link.transport == f"mqtt://127.0.0.1:{mosquitto.port}/wok"
        assert stove.link.role == "observer"             # the bridge is not --control
        seqs = []
        stove.telemetry.connect(lambda st: seqs.append(st.seq))
        wait_until(lambda: len(seqs) >= 5, what="telemetry over MQTT")
        assert seqs == sorted(seqs)
    finally:
        stove.stop()
    assert stove.link.status is LinkStatus.CLOSED


def test_requests_are_answered_by_the_bridge_with_the_stoves_rules(mosquitto, bridge):
    stove = _stove(mosquitto)
    try:
        wait_until(lambda: stove.link.online, what="online")
        bridge.stoves["wok"].set_level(0, 5).result(5)           # on at the stove itself
        stove.all_off().result(5)                                 # switching off is allowed to an observer
        wait_until(lambda: bridge.zones_on()["wok"] == 0, what="the zone off at the stove")
        with pytest.raises(KspError) as refused:
            stove.set_level(0, 7).result(5)                       # switching on is not
        assert "only switches off" in refused.value.message
        assert bridge.zones_on()["wok"] == 0
    finally:
        stove.stop()


def test_control_bridge_makes_a_controller(mosquitto):
    b = BridgeDouble(mosquitto.host, mosquitto.port, ["wok"], control=True).start()
    stove = _stove(mosquitto)
    try:
        wait_until(lambda: stove.link.online, what="online")
        assert stove.link.role == "controller" and stove.link.can_control
        stove.set_level(1, 4).result(5)
        wait_until(lambda: b.stoves["wok"].state.zones[1].level == 4, what="level 4 at the stove")
    finally:
        stove.stop()
        b.stop()


def test_no_answer_is_a_link_error_not_a_hang(mosquitto):
    b = BridgeDouble(mosquitto.host, mosquitto.port, ["wok"]).start()
    stove = _stove(mosquitto, request_timeout_s=0.5)
    try:
        wait_until(lambda: stove.link.online, what="online")
        b.silent = True                                            # a bridge that no longer answers
        with pytest.raises(LinkError, match="within 0.5 s"):
            stove.ping().result(5)
    finally:
        stove.stop()
        b.stop()


def test_bridge_gone_and_broker_restart_make_the_link_lost_then_back(mosquitto, bridge):
    stove = _stove(mosquitto)
    try:
        wait_until(lambda: stove.link.online, what="online")
        bridge.set_stove_link("wok", "lost", "the stove stopped answering")
        wait_until(lambda: stove.link.status is LinkStatus.LOST, what="link LOST")
        assert "the stove stopped answering" in stove.link.message
        bridge.set_stove_link("wok", "online")
        wait_until(lambda: stove.link.online, what="online again")
        mosquitto.restart()
        wait_until(lambda: stove.link.status is LinkStatus.LOST, what="LOST on broker restart")
        assert "broker" in stove.link.message
        # the broker forgot the retained info (no persistence): the bridge announces again
        wait_until(lambda: bridge.client.is_connected(), what="the double reconnected")
        bridge.publish_info("wok")
        bridge.set_stove_link("wok", "online")
        wait_until(lambda: stove.link.online, timeout_s=15, what="online after the broker came back")
        with pytest.raises(LinkError):
            stove.stop() or stove.ping().result(1)
    finally:
        stove.stop()
