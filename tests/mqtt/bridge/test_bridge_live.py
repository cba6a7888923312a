"""The bridge against a real Mosquitto, as a subscriber on the broker sees it."""

from __future__ import annotations

import json

from kitchen_ui.core.errors import READ_ONLY
from kitchen_ui.core.model import StoveInfo, StoveState
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.sessions import list_sessions, load_session

TEL = "hearth/sim-1/telemetry"


def state_of(m) -> StoveState:
    return StoveState.from_dict(m.json())


def test_telemetry_info_link_and_status_as_a_subscriber_sees_them(mosquitto, start_bridge, watch):
    rb = start_bridge(mosquitto, sims=2)
    w = watch(mosquitto)
    first = w.wait(lambda m: m.topic == TEL, what="telemetry")
    w.wait(lambda m: m.topic == "hearth/sim-2/telemetry", what="the second stove's telemetry")
    states = [state_of(m) for m in w.on(TEL)]
    w.wait(lambda m: m.topic == TEL and len(w.on(TEL)) >= 5, what="five telemetry messages")
    states = [state_of(m) for m in w.on(TEL)]
    seqs = [s.seq for s in states]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs), "telemetry arrives in order, none twice"
    assert len(states[0].zones) == 4 and any(z.pan for z in states[0].zones), "a sim stove has pans on its zones"
    assert not first.retain
    # the retained picture a newcomer gets at once
    late = watch(mosquitto)
    info = late.wait(lambda m: m.topic == "hearth/sim-1/info" and m.retain, what="retained info")
    hello = info.json()
    assert (hello["name"], hello["bridge"], hello["control"]) == ("sim-1", "test", False)
    assert len(StoveInfo.from_hello(hello["hello"]).zones) == 4
    assert late.wait(lambda m: m.topic == "hearth/sim-1/link" and m.retain).text == "online"
    assert late.wait(lambda m: m.topic == "hearth/sim-1/link/state").json()["status"] == "online"
    assert late.wait(lambda m: m.topic == "hearth/bridge/test/status" and m.retain).text == "online"
    power = late.wait(lambda m: m.topic == "hearth/kitchen/power").json()
    assert power["stoves"] == 2 and power["power_w"] >= 0
    late.wait(lambda m: m.topic.endswith("/sim-2_all_off/config") and m.retain, what="retained discovery")
    configs = {m.json()["unique_id"] for m in late.seen if m.topic.startswith("homeassistant/") and m.retain}
    assert {"sim-1_1_temperature", "sim-1_4_level", "sim-2_all_off"} <= configs
    rb.stop()


def test_an_observer_bridge_refuses_a_switch_on_but_switches_off(mosquitto, start_bridge, watch):
    rb = start_bridge(mosquitto, sims=1)
    w = watch(mosquitto)
    w.wait(lambda m: m.topic == TEL)
    w.publish("hearth/sim-1/zone/1/level/set", "5")
    err = w.wait(lambda m: m.topic == "hearth/sim-1/error", what="the refusal").json()
    assert err["topic"] == "hearth/sim-1/zone/1/level/set" and err["code"] == READ_ONLY
    assert "--control" in err["error"]
    mark = w.mark()
    later = w.wait(lambda m: m.topic == TEL and state_of(m).seq > 0, since=mark)
    assert not state_of(later).zones[0].is_on, "the refused switch-on never reached the stove"

    stove = rb.sims["sim-1"]            # the cook switches two zones on at the stove
    stove.set_level(0, 6).result(2)
    stove.set_level(2, 4).result(2)
    w.wait(lambda m: m.topic == TEL and state_of(m).zones[0].level == 6 and state_of(m).zones[2].is_on)
    w.publish("hearth/sim-1/zone/1/level/set", "0")
    w.wait(lambda m: m.topic == TEL and not state_of(m).zones[0].is_on and state_of(m).zones[2].is_on,
           what="zone 1 off, zone 3 still on")
    w.publish("hearth/sim-1/all_off/set", "PRESS")
    w.wait(lambda m: m.topic == TEL and not any(z.is_on for z in state_of(m).zones), what="every zone off")
    event = w.wait(lambda m: m.topic == "hearth/sim-1/event" and m.json()["kind"] == "all_off", what="the event")
    assert not event.retain and event.json()["message"]
    rb.stop()


def test_a_control_bridge_switches_on_and_records_the_session(mosquitto, start_bridge, watch, tmp_path):
    db = tmp_path / "kitchen.sqlite3"
    rb = start_bridge(mosquitto, sims=1, control=True, db=db)
    w = watch(mosquitto)
    w.wait(lambda m: m.topic == TEL)
    w.publish("hearth/sim-1/zone/2/level/set", "5")
    on = w.wait(lambda m: m.topic == TEL and state_of(m).zones[1].level == 5, what="zone 2 at level 5")
    assert state_of(on).zones[1].mode == "level"
    w.wait(lambda m: m.topic == "hearth/kitchen/power" and m.json()["power_w"] > 0, timeout=5,
           what="the kitchen's power with a zone on")
    w.wait(lambda m: m.topic == TEL and state_of(m).seq > state_of(on).seq + 3)
    rb.stop()
    kdb = open_db(db)
    try:
        sessions = list_sessions(kdb)
        assert len(sessions) == 1, "the cooking switched on from MQTT is one recorded session"
        data = load_session(kdb, sessions[0].id)
        assert (data.zones[1]["level"] == 5).any(), "its telemetry is in the database"
    finally:
        kdb.close()


def test_request_and_reply(mosquitto, start_bridge, watch):
    rb = start_bridge(mosquitto, sims=1)
    w = watch(mosquitto, ("hearth/reply/#", "hearth/sim-1/error"))
    w.publish("hearth/sim-1/request", json.dumps({"id": "a1", "method": "state.get", "reply_to": "hearth/reply/t"}))
    reply = w.wait(lambda m: m.topic == "hearth/reply/t").json()
    assert reply["id"] == "a1" and len(StoveState.from_dict(reply["result"]).zones) == 4
    w.publish("hearth/sim-1/request", json.dumps({"id": 2, "method": "zone.set_boost",
                                                  "params": {"zone": 0, "on": True}, "reply_to": "hearth/reply/t"}))
    refused = w.wait(lambda m: m.topic == "hearth/reply/t" and m.json()["id"] == 2).json()
    assert refused["error"]["code"] == READ_ONLY
    w.publish("hearth/sim-1/request", json.dumps({"id": 3, "method": "zone.off", "params": {"zone": 0},
                                                  "reply_to": "hearth/reply/t"}))
    assert "result" in w.wait(lambda m: m.topic == "hearth/reply/t" and m.json()["id"] == 3).json()
    rb.stop()


def test_a_control_bridge_reports_what_the_stove_refuses(mosquitto, start_bridge, watch):
    rb = start_bridge(mosquitto, sims=1, control=True)
    w = watch(mosquitto, ("hearth/reply/#", "hearth/sim-1/error"))
    rb.sims["sim-1"].set_lock(True).result(2)
    w.publish("hearth/sim-1/zone/1/level/set", "5")
    err = w.wait(lambda m: m.topic == "hearth/sim-1/error").json()
    assert err["code"] == -32005 and err["topic"] == "hearth/sim-1/zone/1/level/set"   # LOCKED, from the stove
    rb.stop()


def test_hostile_payloads_are_reported_and_the_bridge_still_serves(mosquitto, start_bridge, watch):
    rb = start_bridge(mosquitto, sims=1)
    w = watch(mosquitto)
    batch = [("zone/1/level/set", b"\xff\xfe\x00"), ("zone/1/level/set", b"NaN"), ("zone/9/level/set", b"0"),
             ("zone/0/level/set", b"0"), ("zone/1/level/set", b"9" * 70000), ("request", b"[" * 20000),
             ("request", b"{\"id\": 1, \"method\": \"ping\", \"reply_to\": \"hearth/reply/#\"}"),
             ("request", b"{\"id\": 1, \"method\": \"ping\", \"reply_to\": \"hearth/sim-1/info\"}"),
             ("request", json.dumps({"id": 1, "method": "sim.set_speed", "params": {"factor": 10000},
                                     "reply_to": "hearth/reply/h"}).encode()),
             ("request", json.dumps({"id": [1], "method": "ping", "reply_to": "hearth/reply/h"}).encode()),
             ("request", b"\x00" * 100), ("request", b"null"), ("request", bytes(range(256)))]
    for leaf, payload in batch:
        w.publish(f"hearth/sim-1/{leaf}", payload)
    w.publish("hearth/sim-1/zone/1/level/set/extra", b"5")           # not a command topic: ignored
    w.publish("hearth/sim-1/request", json.dumps({"id": "ok", "method": "ping", "reply_to": "hearth/reply/h"}))
    assert "result" in w.wait(lambda m: m.topic == "hearth/reply/h" and m.json()["id"] == "ok").json()
    errors = w.on("hearth/sim-1/error")
    assert len(errors) == len(batch), [e.json()["error"] for e in errors]
    assert all({"topic", "error", "code"} == set(e.json()) for e in errors)
    mark = w.mark()
    last = w.wait(lambda m: m.topic == TEL, since=mark, what="telemetry after the batch")
    assert not any(z.is_on for z in state_of(last).zones)
    assert w.on("hearth/sim-1/info", 0) and rb.thread.error is None
    rb.stop()


def test_home_assistant_coming_online_gets_discovery_again(mosquitto, start_bridge, watch):
    rb = start_bridge(mosquitto, sims=1)
    w = watch(mosquitto, ("homeassistant/#",))
    w.wait(lambda m: m.topic.endswith("/sim-1_all_off/config"))
    mark = w.mark()
    w.publish("homeassistant/status", "online")
    again = w.wait(lambda m: m.topic.endswith("/sim-1_all_off/config"), since=mark, what="discovery again")
    assert again.json()["command_topic"] == "hearth/sim-1/all_off/set"
    rb.stop()


def test_a_broker_restarted_without_persistence_gets_every_retained_topic_back(mosquitto, start_bridge, watch):
    rb = start_bridge(mosquitto, sims=1)
    mosquitto.restart()                  # forgets every retained message
    rb.wait_connected(connections=2)
    topics = ("hearth/bridge/test/status", "hearth/sim-1/info", "hearth/sim-1/link",
              "homeassistant/number/sim-1/sim-1_1_level/config")
    w = watch(mosquitto)
    for topic in topics:                 # published again after the reconnection (live or retained)
        w.wait(lambda m, t=topic: m.topic == t, what=topic)
    w.wait(lambda m: m.topic == TEL, what="telemetry after the restart")
    late = watch(mosquitto)              # and kept: a newcomer gets them retained
    for topic in topics:
        late.wait(lambda m, t=topic: m.topic == t and m.retain, what=f"retained {topic}")
    assert late.on("hearth/bridge/test/status")[-1].text == "online"
    rb.stop()


def test_cooking_is_recorded_while_the_broker_is_away(tmp_path, start_bridge, caplog):
    """The stoves never wait for MQTT: with no broker at all, the session is still recorded, and the
    telemetry waiting for the broker stays bounded (the oldest goes, and the log says so)."""
    import logging
    import time

    from broker_process import Mosquitto

    absent = Mosquitto(tmp_path / "never-started")          # a free port nobody listens on
    db = tmp_path / "kitchen.sqlite3"
    caplog.set_level(logging.WARNING, logger="kitchen_ui.mqtt")
    rb = start_bridge(absent, sims=1, control=True, db=db, wait=False, record_flush_s=0.1, telemetry_limit=5)
    stove = rb.sims["sim-1"]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not stove.link.online:
        time.sleep(0.02)         # the bridge starts its stoves on its own thread
    stove.set_level(0, 7).result(2)
    while time.monotonic() < deadline and "cannot reach the broker" not in caplog.text:
        time.sleep(0.02)         # waiting for the bridge's first failed attempt (a real socket)
    assert f"cannot reach the broker {absent.url}" in caplog.text
    seq = stove.state.seq
    while time.monotonic() < deadline and stove.state.seq < seq + 5:
        time.sleep(0.02)         # telemetry goes on: the stove's thread is not held up
    assert stove.state.seq >= seq + 5
    while time.monotonic() < deadline and "telemetry messages dropped" not in caplog.text:
        time.sleep(0.02)         # the bridge's once-a-second look at its outbox
    assert "telemetry messages dropped so far, the oldest first" in caplog.text
    assert rb.bridge.outbox.dropped > 0 and rb.bridge.outbox.telemetry_waiting == 5
    rb.stop()
    assert not rb.bridge.connected.is_set() and rb.bridge.connections == 0
    kdb = open_db(db)
    try:
        sessions = list_sessions(kdb)
        assert len(sessions) == 1 and (load_session(kdb, sessions[0].id).zones[0]["level"] == 7).any()
    finally:
        kdb.close()


def test_a_retained_command_is_never_obeyed(mosquitto, start_bridge, watch):
    """Retained, "level 5" would switch the zone on again at every reconnection of the bridge."""
    watcher = watch(mosquitto, ("hearth/sim-1/error",))
    watcher.publish("hearth/sim-1/zone/1/level/set", "5", retain=True)
    rb = start_bridge(mosquitto, sims=1, control=True)
    w = watch(mosquitto, (TEL, "hearth/sim-1/error"))
    err = watcher.wait(lambda m: m.topic == "hearth/sim-1/error", what="the refusal").json()
    assert "retained" in err["error"] and err["topic"] == "hearth/sim-1/zone/1/level/set"
    mark = w.mark()
    w.wait(lambda m: m.topic == TEL and state_of(m).seq > 2, since=mark)
    assert not any(state_of(m).zones[0].is_on for m in w.on(TEL))
    w.publish("hearth/sim-1/zone/1/level/set", "", retain=True)      # clear it
    rb.stop()


def test_home_assistant_gets_the_latest_state_even_when_telemetry_stops(mosquitto, start_bridge, watch):
    """Throttled to 2 Hz, the state held back still goes out: HA never stays on a stale level."""
    from kitchen_ui.connect import open_simulated

    stove = open_simulated(zones=2, threaded=False, stove_id="quiet")       # telemetry only when pumped
    rb = start_bridge(mosquitto, sims=0, control=True, stoves=[("quiet", stove)])
    w = watch(mosquitto, ("hearth/quiet/state", "hearth/quiet/telemetry"))
    stove.pump()
    w.wait(lambda m: m.topic == "hearth/quiet/state", what="the first HA state")
    for level in (3, 7):         # each pumped right after a state went out: held back, then the stove is silent
        mark = w.mark()
        stove.set_level(1, level).result(2)
        stove.pump()
        w.wait(lambda m, lv=level: m.topic == "hearth/quiet/state" and m.json()["zones"]["2"]["level"] == lv,
               since=mark, timeout=3, what=f"the held-back state with level {level}")
    assert w.on("hearth/quiet/state")[-1].json()["zones"]["2"]["level"] == 7
    rb.stop()


def test_after_a_broker_restart_with_persistence_commands_still_reach_the_stove(mosquitto_factory, start_bridge,
                                                                                watch):
    broker = mosquitto_factory(persistence=True)
    rb = start_bridge(broker, sims=1, control=True)
    broker.restart()                     # keeps retained messages, but the bridge's session is new
    rb.wait_connected(connections=2)
    w = watch(broker, ("hearth/reply/#", TEL, "hearth/bridge/#"))
    # (the broker may have kept "offline" from its own shutdown: the bridge's "online" follows it)
    w.wait(lambda m: m.topic == "hearth/bridge/test/status" and m.text == "online")
    w.publish("hearth/sim-1/zone/3/level/set", "4")
    w.wait(lambda m: m.topic == TEL and state_of(m).zones[2].level == 4, what="the level set after the restart")
    w.publish("hearth/sim-1/request", json.dumps({"id": 9, "method": "ping", "reply_to": "hearth/reply/x"}))
    assert "result" in w.wait(lambda m: m.topic == "hearth/reply/x").json()
    rb.stop()


def test_commands_beyond_the_waiting_limit_are_refused_as_busy(mosquitto, start_bridge, watch):
    from kitchen_ui.mqtt.bridge import BUSY

    rb = start_bridge(mosquitto, sims=1, max_pending=0)          # every command finds the queue full
    w = watch(mosquitto, ("hearth/reply/#", "hearth/sim-1/error"))
    w.publish("hearth/sim-1/request", json.dumps({"id": 1, "method": "ping", "reply_to": "hearth/reply/b"}))
    reply = w.wait(lambda m: m.topic == "hearth/reply/b").json()
    assert reply["error"]["code"] == BUSY and "try again" in reply["error"]["message"]
    assert w.wait(lambda m: m.topic == "hearth/sim-1/error").json()["code"] == BUSY
    rb.stop()
