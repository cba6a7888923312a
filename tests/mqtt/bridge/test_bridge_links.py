"""The bridge's links: a KSP/1 stove that drops and comes back, a broker behind a password and TLS."""

from __future__ import annotations

from kitchen_ui.connect import open_stove
from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.limits import ServerLimits
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.sim.serve import build_sim_server

TOKEN = "kettle-token-4711"


def serve(port: int = 0) -> ServerThread:
    server = build_sim_server(load_profile("induction-4"), token=TOKEN, telemetry_hz=20,
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
