"""The Fleet model on a real Mosquitto: summaries, the kitchen's balance, the budget, ALL OFF."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fleet_bridge_double import BridgeDouble, wait_until

from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.fleet import Fleet
from kitchen_ui.mqtt.topics import Topics, stove_uid


class Days:
    def __init__(self) -> None:
        self.day = dt.date(2026, 12, 4)

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def three(mosquitto):
    b = BridgeDouble(mosquitto.host, mosquitto.port, ["sim-1", "sim-2", "sim-10"]).start()
    yield b
    b.stop()


def _fleet(mosquitto, **kw) -> Fleet:
    f = Fleet(broker_login(mosquitto.url), **kw)
    f.start()
    return f


def _flushed(fleet: Fleet, predicate, what: str, timeout_s: float = 10.0):
    return wait_until(lambda: (fleet.flush(), predicate())[1], timeout_s, what)


def test_every_stove_on_the_broker_is_summed_up(mosquitto, three):
    fleet = _fleet(mosquitto)
    added = []
    fleet.stove_added.connect(added.append)
    try:
        _flushed(fleet, lambda: len(fleet.names) == 3, "three stoves")
        assert fleet.names == ["sim-1", "sim-2", "sim-10"]          # as a cook counts
        three.stoves["sim-2"].set_level(0, 9).result(5)
        three.stoves["sim-2"].sim_inject_fault(1, "sensor_open").result(5)
        s = _flushed(fleet, lambda: (x := fleet.summary("sim-2")) and x.zones_on and x.faults and x, "sim-2 on")
        zone_names = [z.name for z in three.stoves["sim-2"].info.zones]
        assert s.zones_on == (zone_names[0],)
        assert s.faults == ((zone_names[1], "sensor_open"),)
        assert s.link == "online" and s.power_w > 0
        assert fleet.summary("sim-1").zones_on == () and fleet.summary("sim-1").faults == ()
        assert sorted(added) == ["sim-1", "sim-10", "sim-2"]
    finally:
        fleet.stop()


def test_updates_are_coalesced_per_flush(mosquitto, three):
    fleet = _fleet(mosquitto)
    batches = []
    fleet.changed.connect(batches.append)
    try:
        _flushed(fleet, lambda: len(fleet.names) == 3, "three stoves")
        import time
        time.sleep(0.5)   # ~5 telemetry samples per stove arrive meanwhile (10 Hz); one flush takes them all
        batches.clear()
        fleet.flush()
        assert len(batches) == 1 and sorted(s.name for s in batches[0]) == ["sim-1", "sim-10", "sim-2"]
        d = fleet.delivery()
        assert all(d.received[n] >= 3 for n in fleet.names)
    finally:
        fleet.stop()


def test_energy_today_power_and_the_budget_warning(mosquitto):
    b = BridgeDouble(mosquitto.host, mosquitto.port, ["hob", "wok"], speed=50).start()
    days = Days()
    fleet = _fleet(mosquitto, today=days)
    try:
        _flushed(fleet, lambda: len(fleet.names) == 2, "two stoves")
        hob, wok = b.stoves["hob"].info.zones[0].max_power_w, b.stoves["wok"].info.zones[0].max_power_w
        fleet.power_budget_w = hob + 100                            # room for one zone at 9, not two
        b.stoves["hob"].set_level(0, 9).result(5)
        _flushed(fleet, lambda: fleet.balance().zones_on == 1, "hob on")
        assert not fleet.balance().over_budget
        b.stoves["wok"].set_level(0, 9).result(5)
        _flushed(fleet, lambda: fleet.balance().energy_today_wh > 5 and fleet.balance().zones_on == 2, "energy")
        bal = fleet.balance()
        assert bal.demand_w == pytest.approx(hob + wok)             # two zones at 9 of 9
        assert bal.over_budget and bal.stoves == 2
        assert bal.power_w > 0
        b.stoves["wok"].all_off().result(5)
        _flushed(fleet, lambda: fleet.balance().zones_on == 1, "wok off")
        assert fleet.balance().demand_w == pytest.approx(hob) and not fleet.balance().over_budget
        before = fleet.balance().energy_today_wh
        days.day += dt.timedelta(days=1)                            # midnight: today starts from zero
        _flushed(fleet, lambda: fleet.balance().energy_today_wh < before, "a new day")
    finally:
        fleet.stop()
        b.stop()


def test_all_off_everywhere_needs_no_control_and_switches_every_zone_off(mosquitto, three):
    fleet = _fleet(mosquitto)
    try:
        _flushed(fleet, lambda: len(fleet.names) == 3, "three stoves")
        for stove in three.stoves.values():
            stove.set_level(0, 6).result(5)
            stove.set_level(2, 3).result(5)
        futures = fleet.all_off_everywhere()
        for f in futures:
            f.result(5)
        wait_until(lambda: sum(three.zones_on().values()) == 0, what="every zone off")
        assert {r["method"] for r in three.requests_seen} == {"stove.all_off"}
    finally:
        fleet.stop()


def test_an_unconfirmed_all_off_is_a_notice_naming_the_stove(mosquitto, three):
    fleet = _fleet(mosquitto, request_timeout_s=0.3)
    notices = []
    fleet.notice.connect(lambda stove, text: notices.append((stove, text)))
    try:
        _flushed(fleet, lambda: len(fleet.names) == 3, "three stoves")
        three.silent = True
        fleet.all_off("sim-2")
        _flushed(fleet, lambda: notices, "a notice")
        assert notices[0][0] == "sim-2" and "ALL OFF not confirmed" in notices[0][1]
    finally:
        fleet.stop()


def test_recipe_and_time_left_from_the_runs_topic(mosquitto, three):
    now = [1000.0]
    fleet = _fleet(mosquitto, wall=lambda: now[0])
    try:
        _flushed(fleet, lambda: len(fleet.names) == 3, "three stoves")
        uid = stove_uid(three.stoves["sim-1"].info.id)
        three.client.publish(Topics().run(uid), json.dumps(
            {"recipe": "Dal tadka", "step": "Simmer", "time_left_s": 600, "at": 1000.0}), qos=1, retain=True)
        s = _flushed(fleet, lambda: (x := fleet.summary("sim-1")).recipe and x, "the recipe")
        assert s.recipe == "Dal tadka" and s.recipe_left_s == pytest.approx(600)
        now[0] += 90
        s = _flushed(fleet, lambda: fleet.summary("sim-1").recipe_left_s < 600 and fleet.summary("sim-1"), "countdown")
        assert s.recipe_left_s == pytest.approx(510)
        three.client.publish(Topics().run(uid), "", qos=1, retain=True)
        _flushed(fleet, lambda: fleet.summary("sim-1").recipe is None, "the run ended")
    finally:
        fleet.stop()


def test_hostile_payloads_are_ignored(mosquitto, three):
    fleet = _fleet(mosquitto)
    try:
        _flushed(fleet, lambda: len(fleet.names) == 3, "three stoves")
        t = Topics()
        for topic, payload in [(t.telemetry("sim-1"), b"{not json"), (t.info("evil"), b"[1,2]"),
                               (t.telemetry("sim-2"), json.dumps({"zones": [{"id": "x"}]})),
                               (t.event("sim-1"), b"\xff\xfe"), (t.run("x"), b"{"),
                               (t.link_state("sim-10"), b"7"), (t.telemetry("sim-10"), b"x" * 300_000)]:
            three.client.publish(topic, payload, qos=1)
        _flushed(fleet, lambda: fleet.malformed >= 4, "the bad payloads counted")
        assert fleet.names == ["sim-1", "sim-2", "sim-10"]
        three.stoves["sim-1"].set_level(0, 2).result(5)
        _flushed(fleet, lambda: fleet.summary("sim-1").zones_on, "still following sim-1")
    finally:
        fleet.stop()
