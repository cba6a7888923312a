"""NetworkStove against the real KSP/1 server (serve-sim's asyncio server, in-process, port 0)."""

from __future__ import annotations

import pytest

from kitchen_ui.core.errors import KspError
from kitchen_ui.core.model import LinkStatus
from kitchen_ui.sim.profiles import load_profile


def url(srv) -> str:
    host, port = srv.address
    return f"ksp://{host}:{port}"


def drop_everyone(srv) -> None:
    """The stove closes every connection (as a firmware restart or a network blip would)."""
    aio = srv.thread.aio
    srv.thread.call(lambda: (srv.server.close_all(aio.now(), "test: dropping everyone"), aio.flush()))


def test_commands_round_trip(server_live, client_stove):
    srv = server_live(heartbeat_timeout_s=1.0)
    stove, rec = client_stove(url(srv))
    assert rec.wait_link("online").role == "controller"
    assert [z.name for z in stove.info.zones] == [z.name for z in load_profile("range-6").zones]
    assert stove.info.sim and stove.info.heartbeat_timeout_s == 1.0
    assert stove.set_level(0, 7).result(2)["level"] == 7
    assert stove.set_target(1, 150).result(2)["target_c"] == 150.0
    rec.wait(lambda: rec.states[-1].zones[0].level == 7 and rec.states[-1].zones[1].mode == "target",
             what="telemetry with both zones on")
    assert sorted(srv.zones_on()) == [0, 1]
    assert stove.all_off().result(2) == {"zones_switched_off": 2}
    rec.wait(lambda: not any(z.is_on for z in rec.states[-1].zones), what="all zones off in telemetry")
    with pytest.raises(KspError) as info:
        stove.set_target(0, 999).result(2)
    assert info.value.code == -32602 and "temp_c" in info.value.message


def test_link_loss_then_reconnect_and_resync(server_live, client_stove):
    srv = server_live(heartbeat_timeout_s=1.0)
    stove, rec = client_stove(url(srv))
    rec.wait_link("online")
    stove.set_level(2, 5).result(2)
    n = len(rec.links)
    drop_everyone(srv)
    assert "lost the connection" in rec.wait_link("lost", after=n, timeout=0.5).message
    back = rec.wait_link("online", after=n)
    assert back.role == "controller" and "reconnected" in back.message
    # link-loss policy "off": the stove switched the zone off; the resync shows it without waiting
    assert not rec.states[-1].zones[2].is_on
    assert stove.set_level(2, 4).result(2)["level"] == 4


def test_heartbeat_keeps_control_past_the_stoves_timeout(server_live, client_stove):
    srv = server_live(heartbeat_timeout_s=0.4)
    stove, rec = client_stove(url(srv))
    rec.wait_link("online")
    stove.set_level(0, 3).result(2)
    n = len(rec.links)
    rec.wait(lambda: len(rec.states) >= 30, timeout=4.0, what="1.5 s of telemetry")   # ~20 Hz
    assert rec.links[n:] == []                       # no loss, no reconnection
    assert srv.zones_on() == [0]                     # the stove never applied its link-loss policy


def test_second_dashboard_observes_then_takes_over(server_live, client_stove):
    srv = server_live(heartbeat_timeout_s=1.0)
    first, rec1 = client_stove(url(srv))
    rec1.wait_link("online", role="controller")
    second, rec2 = client_stove(url(srv))
    link = rec2.wait_link("online", role="observer")
    assert not link.can_control
    with pytest.raises(KspError) as info:
        second.set_level(0, 2).result(2)
    assert info.value.code == -32004
    first.set_level(0, 2).result(2)
    assert second.zone_off(0).result(2)["mode"] == "off"       # switching off is never refused
    first.stop()
    rec2.wait_link("online", role="controller", timeout=2.5)
    assert second.set_level(1, 1).result(2)["level"] == 1


def test_token_and_remote_start_rules_come_from_the_stove(server_live, client_stove):
    srv = server_live(token="kitchen", remote_start=False, heartbeat_timeout_s=1.0)
    wrong, rec_w = client_stove(url(srv), token="guess")
    right, rec_r = client_stove(url(srv), token="kitchen")
    rec_r.wait_link("online")
    rec_w.wait(lambda: [lk for lk in rec_w.links if "refused the token" in lk.message], what="token refusal")
    assert wrong.link.status is LinkStatus.CONNECTING
    with pytest.raises(KspError) as info:
        right.set_level(0, 3).result(2)
    assert info.value.code == -32006
