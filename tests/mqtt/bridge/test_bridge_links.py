"""The bridge's links: a KSP/1 stove that drops and comes back, a broker behind a password and TLS."""

from __future__ import annotations

from kitchen_ui.connect import open_stove
from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.limits import ServerLimits
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.sim.serve import build_sim_server

TOKEN = "kettle-token-4711"


def serve(port: int = 0, remote_start: bool = True) -> ServerThread:
    server = build_sim_server(load_profile("induction-4"), token=TOKEN, telemetry_hz=20, remote_start=remote_start,
                              limits=ServerLimits(handshake_timeout_s=0.4, sim_tick_s=0.01))
    return ServerThread(server, "127.0.0.1", port).start()


def test_a_stove_that_drops_goes_offline_then_online(mosquitto, start_bridge, watch, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN)
    server = serve()
    host, port = server.address
    kettle = open_stove(f"ksp://{host}:{port}", token_file=str(token_file), role="observer")
    rb = start_bridge(mosquitto, sims=0, stoves=[("kettle", kettle)])
    w = watch(mosquitto)
    w.wait(lambda m: m.topic == "hearth/kettle/link" and m.text == "online", what="the stove online")
    state = w.wait(lambda m: m.topic == "hearth/kettle/link/state" and m.json()["status"] == "online").json()
    assert state["role"] == "observer"
    w.wait(lambda m: m.topic == "hearth/kettle/telemetry")

    server.stop()                                    # the stove goes away
    mark = w.mark()
    w.wait(lambda m: m.topic == "hearth/kettle/link" and m.text == "offline", since=mark, what="link offline")
    lost = w.wait(lambda m: m.topic == "hearth/kettle/link/state" and m.json()["status"] == "lost", since=mark)
    assert lost.json()["problem"]
    power = w.wait(lambda m: m.topic == "hearth/kitchen/power" and m.json()["stoves"] == 0, since=mark,
                   what="the kitchen's total without the lost stove")
    assert power.json()["power_w"] == 0

    server = serve(port)                              # and comes back on the same address
    mark = w.mark()
    w.wait(lambda m: m.topic == "hearth/kettle/link" and m.text == "online", since=mark, timeout=10,
           what="link online again")
    w.wait(lambda m: m.topic == "hearth/kettle/telemetry", since=mark, what="telemetry again")
    rb.stop()
    server.stop()
    assert not any(TOKEN.encode() in m.payload or TOKEN in m.topic for m in w.seen), "the token is never published"


def test_password_and_tls_to_the_broker(mosquitto_factory, broker_tls_cert, start_bridge, watch, tmp_path):
    cert, key = broker_tls_cert
    secret = "pw-never-in-a-topic"
    broker = mosquitto_factory(users={"bridge": secret, "screen": "screen-pw"}, tls=(cert, key))
    pw = tmp_path / "bridge.pw"
    pw.write_text(secret + "\n")
    rb = start_bridge(broker, sims=1, username="bridge", password_file=str(pw), ca_cert=cert)
    w = watch(broker, username="screen", password="screen-pw", ca_cert=cert)
    w.wait(lambda m: m.topic == "hearth/sim-1/telemetry", what="telemetry over TLS")
    w.wait(lambda m: m.topic == "hearth/bridge/test/status" and m.text == "online")
    w.wait(lambda m: m.topic.startswith("homeassistant/") and m.topic.endswith("sim-1_all_off/config"))
    rb.stop()
    assert not any(secret.encode() in m.payload or secret in m.topic or "bridge.pw" in m.text for m in w.seen)


def test_a_stove_the_bridge_only_watches_is_recorded_in_its_database(mosquitto, start_bridge, watch, tmp_path):
    from kitchen_ui.storage.database import open_db
    from kitchen_ui.storage.sessions import list_sessions, load_session

    token_file = tmp_path / "token"
    token_file.write_text(TOKEN)
    server = serve()
    host, port = server.address
    kettle = open_stove(f"ksp://{host}:{port}", token_file=str(token_file), role="observer")
    db = tmp_path / "bridge.sqlite3"
    rb = start_bridge(mosquitto, sims=0, stoves=[("kettle", kettle)], db=db, record_flush_s=0.1)
    w = watch(mosquitto, ("hearth/kettle/telemetry", "hearth/kettle/link/state"))
    assert w.wait(lambda m: m.topic == "hearth/kettle/link/state" and m.json()["status"] == "online").json()[
        "role"] == "observer"
    server.call(lambda: server.aio.server.backend.stove.set_level(0, 6))    # the cook, at the stove
    w.wait(lambda m: m.topic == "hearth/kettle/telemetry" and m.json()["zones"][0]["level"] == 6)
    mark = w.mark()
    w.wait(lambda m: m.topic == "hearth/kettle/telemetry" and m.json()["seq"] > 0, since=mark)
    rb.stop()
    server.stop()
    kdb = open_db(db)
    try:
        sessions = list_sessions(kdb)
        assert len(sessions) == 1, "the watched stove's cooking is one session in the bridge's database"
        assert (load_session(kdb, sessions[0].id).zones[0]["level"] == 6).any()
    finally:
        kdb.close()


def test_a_control_bridge_reports_a_stove_that_forbids_remote_start(mosquitto, start_bridge, watch, tmp_path):
    from kitchen_ui.core.errors import REMOTE_START_FORBIDDEN

    token_file = tmp_path / "token"
    token_file.write_text(TOKEN)
    server = serve(remote_start=False)
    host, port = server.address
    kettle = open_stove(f"ksp://{host}:{port}", token_file=str(token_file), role="controller")
    rb = start_bridge(mosquitto, sims=0, control=True, stoves=[("kettle", kettle)])
    w = watch(mosquitto, ("hearth/kettle/#",))
    assert w.wait(lambda m: m.topic == "hearth/kettle/link/state" and m.json()["status"] == "online").json()[
        "role"] == "controller"
    w.publish("hearth/kettle/zone/1/level/set", "5")
    err = w.wait(lambda m: m.topic == "hearth/kettle/error", what="the stove's refusal").json()
    assert err["code"] == REMOTE_START_FORBIDDEN and err["topic"] == "hearth/kettle/zone/1/level/set"
    mark = w.mark()
    later = w.wait(lambda m: m.topic == "hearth/kettle/telemetry" and m.json()["seq"] > 0, since=mark)
    assert later.json()["zones"][0]["mode"] == "off"
    rb.stop()
    server.stop()


def test_a_refused_login_is_said_as_such_and_retried(mosquitto_factory, start_bridge, tmp_path, caplog):
    import logging
    import time

    broker = mosquitto_factory(users={"bridge": "the-right-one"})
    pw = tmp_path / "bridge.pw"
    pw.write_text("a-wrong-one")
    caplog.set_level(logging.WARNING, logger="kitchen_ui.mqtt")
    rb = start_bridge(broker, sims=1, username="bridge", password_file=str(pw), wait=False)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and caplog.text.count("refused the login") < 2:
        time.sleep(0.02)         # the bridge's attempts against a real broker
    assert caplog.text.count(f"the broker {broker.url} refused the login") >= 2, caplog.text
    assert "check --username and --password-file" in caplog.text and "a-wrong-one" not in caplog.text
    assert rb.bridge.connections == 0
    rb.stop()
