"""The KSP/1 server serves any stove, not only the simulator (issue 10, item 5).

``Appliance`` is what a bridge to a real hob looks like to the server: not simulated, two zones of
12 levels, its own link-loss handling. It checks parameters with the method table and trusts the
server for everything else (roles, hello, deadlines), so these tests fail if the server leans on
the simulator for any rule. The simulator itself goes through the rest of tests/protocol.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from psygnal import Signal

from kitchen_ui.core.backend import Session, StoveBackend
from kitchen_ui.core.errors import KspError
from kitchen_ui.core.ksp import METHODS
from kitchen_ui.core.model import StoveEvent, StoveInfo, StoveState, ZoneInfo, ZoneState
from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.server import StoveServer
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.sim.serve import build_sim_server


class Appliance:
    """A non-simulated stove: two zones with 12 power levels; records what it was asked to do."""

    event = Signal(object)

    def __init__(self, link_loss_policy: str = "off") -> None:
        self.telemetry_hz = 10.0
        self.heartbeat_timeout_s = 3.0
        self.link_loss_policy = link_loss_policy
        self.info = StoveInfo(id="hob-7", model="Bridged hob", firmware="2.1", sim=False, zones=(
            ZoneInfo(0, "left", "induction", 210, 2300.0, 3000.0, levels=12, min_target_c=40, max_target_c=230),
            ZoneInfo(1, "right", "radiant", 160, 1400.0, None, levels=12, min_target_c=40, max_target_c=230)))
        self.levels = [0, 0]
        self.t = 0.0
        self.executed: list[tuple[str, dict[str, Any]]] = []
        self.broken: str | None = None       # a method that raises a bug
        self.losses = 0

    def hello_fields(self) -> dict[str, Any]:
        d = self.info.to_hello_fields()
        d.update(telemetry_hz=self.telemetry_hz, heartbeat_timeout_s=self.heartbeat_timeout_s,
                 link_loss_policy=self.link_loss_policy)
        return d

    def call(self, session: Session, method: str, params: dict[str, Any] | None) -> Any:
        v = METHODS[method].check(params or {}, self.info)
        if method == self.broken:
            raise ZeroDivisionError("bridge bug")
        self.executed.append((method, v))
        if method == "zone.set_level":
            self.levels[v["zone"]] = v["level"]
            return self._zone(v["zone"]).to_dict()
        if method == "zone.off":
            self.levels[v["zone"]] = 0
            return self._zone(v["zone"]).to_dict()
        if method == "stove.all_off":
            n = sum(1 for lv in self.levels if lv)
            self.levels = [0, 0]
            self.event.emit(StoveEvent(t=self.t, kind="all_off", zone=None, message=f"{n} switched off"))
            return {"zones_switched_off": n}
        if method == "ping":
            return {"t": self.t}
        if method == "state.get":
            return self.snapshot().to_dict()
        raise KspError(-32601, f"method not found: {method}")

    def _zone(self, i: int) -> ZoneState:
        lv = self.levels[i]
        return ZoneState(id=i, mode="level" if lv else "off", level=lv, power_w=self.info.zones[i].max_power_w * lv / 12)

    def update(self) -> bool:
        self.t += 0.25
        return False

    def snapshot(self) -> StoveState:
        return StoveState(t=self.t, zones=tuple(self._zone(i) for i in range(2)))

    def now(self) -> float:
        return self.t

    def link_lost(self) -> str:
        self.losses += 1
        if self.link_loss_policy == "hold":
            return "the hob keeps heating"
        self.levels = [0, 0]
        return "the hob switched off"


def err(msg: dict[str, Any], code: int) -> str:
    assert msg.get("error", {}).get("code") == code, msg
    return msg["error"]["message"]


def test_the_simulator_and_a_bridge_are_both_backends():
    assert isinstance(Appliance(), StoveBackend)
    assert isinstance(build_sim_server(load_profile("range-6")).backend, StoveBackend)


def test_hello_announces_the_bridged_stove(server_sans):
    h = server_sans(backend=Appliance())
    r = h.connect().hello("observer")["result"]
    assert r["protocol"] == "ksp/1" and r["role"] == "observer"
    assert r["stove"] == {"id": "hob-7", "model": "Bridged hob", "firmware": "2.1", "sim": False}
    assert [z["levels"] for z in r["zones"]] == [12, 12]


def test_levels_come_from_the_stoves_zones_not_a_fixed_nine(server_sans):
    hob = Appliance()
    h = server_sans(backend=hob)
    c = h.connect()
    c.hello("controller")
    assert c.call("zone.set_level", {"zone": 1, "level": 12})["result"]["level"] == 12
    assert "level: 13 is out of range 0..12" in err(c.call("zone.set_level", {"zone": 1, "level": 13}), -32602)
    assert "zone: 2 is out of range 0..1" in err(c.call("zone.set_level", {"zone": 2, "level": 1}), -32602)
    assert hob.levels == [0, 12]


def test_sim_methods_do_not_exist_on_a_real_stove(server_sans):
    hob = Appliance()
    c = server_sans(backend=hob).connect()
    c.hello("controller")
    assert "sim.set_speed" in err(c.call("sim.set_speed", {"factor": 2}), -32601)
    assert hob.executed == []


def test_the_server_enforces_roles_whatever_the_backend(server_sans):
    hob = Appliance()
    h = server_sans(backend=hob)
    ctl, obs = h.connect(), h.connect()
    ctl.hello("controller")
    ctl.call("zone.set_level", {"zone": 0, "level": 7})
    obs.hello("observer")
    assert "needs the controller role" in err(obs.call("zone.set_level", {"zone": 0, "level": 9}), -32004)
    assert hob.levels == [7, 0]                                     # the bridge was never asked
    assert obs.call("zone.set_level", {"zone": 0, "level": 0})["result"]["mode"] == "off"   # switching off: anyone
    assert obs.call("stove.all_off")["result"] == {"zones_switched_off": 0}


def test_the_backends_events_reach_every_client_named_by_who_asked(server_sans):
    hob = Appliance()
    h = server_sans(backend=hob)
    ctl, obs = h.connect(), h.connect()
    ctl.hello("controller")
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 0, "level": 3})
    ctl.call("stove.all_off")
    h.deliver(None, [])
    ev = obs.notes("event", "all_off")
    assert ev and ev[0]["message"] == "1 switched off" and ev[0]["by"] == "raw-test/1"


def test_telemetry_is_the_backends_snapshot(server_sans):
    hob = Appliance()
    h = server_sans(backend=hob)
    c = h.connect()
    c.hello("controller")
    c.call("zone.set_level", {"zone": 0, "level": 6})
    h.advance(0.3)
    tel = c.notes("telemetry")
    assert tel and tel[-1]["zones"][0]["level"] == 6 and tel[-1]["zones"][0]["power_w"] == 1150.0


@pytest.mark.parametrize("policy, said, levels", [("off", "the hob switched off", [0, 0]),
                                                  ("hold", "the hob keeps heating", [5, 0])])
def test_link_loss_is_the_backends_policy(server_sans, policy, said, levels):
    hob = Appliance(link_loss_policy=policy)
    h = server_sans(backend=hob)
    ctl, obs = h.connect(), h.connect()
    ctl.hello("controller")
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 0, "level": 5})
    h.advance(3.1)                                                 # the controller fell silent
    lost = obs.notes("event", "link_lost")
    assert len(lost) == 1 and said in lost[0]["message"] and hob.losses == 1
    assert hob.levels == levels


def test_a_bug_in_the_backend_is_answered_and_logged_with_its_traceback(server_sans, caplog):
    hob = Appliance()
    hob.broken = "ping"
    c = server_sans(backend=hob).connect()
    c.hello("controller")
    with caplog.at_level(logging.ERROR, logger="kitchen_ui.protocol.server"):
        assert err(c.call("ping"), -32603) == "internal error: ZeroDivisionError"
    [record] = [r for r in caplog.records if r.name == "kitchen_ui.protocol.server" and r.levelno >= logging.ERROR]
    assert "internal error in ping" in record.getMessage()
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError
    assert "result" in c.call("state.get")                         # the server carries on


def test_the_dashboards_client_drives_a_bridged_stove_over_tcp(client_stove):
    hob = Appliance()
    thread = ServerThread(StoveServer(hob), "127.0.0.1", 0).start()
    try:
        stove, rec = client_stove(f"ksp://127.0.0.1:{thread.address[1]}")
        assert rec.wait_link("online").role == "controller"
        assert stove.set_level(0, 11).result(3)["level"] == 11
        rec.wait(lambda: rec.states and rec.states[-1].zones[0].level == 11, what="telemetry with level 11")
        assert [z.levels for z in stove.info.zones] == [12, 12] and stove.info.sim is False
        with pytest.raises(KspError) as info:
            stove.set_level(0, 13).result(3)
        assert info.value.code == -32602
        assert thread.call(lambda: hob.levels) == [11, 0]
    finally:
        thread.stop()
