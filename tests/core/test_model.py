from kitchen_ui.core.errors import KspError
from kitchen_ui.core.model import StoveEvent, StoveInfo, StoveState, ZoneState

HELLO = {
    "protocol": "ksp/1", "role": "controller", "session": "c7f3",
    "stove": {"id": "sim-1", "model": "Simulated hybrid hob", "firmware": "0.3.0", "sim": True},
    "zones": [{"id": 0, "name": "front-left", "kind": "induction", "diameter_mm": 210,
               "max_power_w": 2300, "boost_power_w": 3700, "levels": 9,
               "min_target_c": 30, "max_target_c": 250}],
    "limits": {"max_pan_temp_c": 300, "residual_heat_c": 60},
    "telemetry_hz": 10, "heartbeat_timeout_s": 3.0, "link_loss_policy": "off", "remote_start": True,
}


def test_hello_result_round_trips_through_stove_info():
    info = StoveInfo.from_hello(HELLO)
    assert info.zones[0].name == "front-left" and info.zones[0].has_boost
    again = info.to_hello_fields()
    for key in ("stove", "zones", "limits", "telemetry_hz", "heartbeat_timeout_s", "link_loss_policy",
                "remote_start"):
        assert again[key] == HELLO[key]


def test_telemetry_round_trips_and_sums_power():
    params = {"seq": 812, "t": 81.2, "locked": False, "zones": [
        {"id": 1, "mode": "off", "level": 0, "boost": False, "target_c": None, "temp_c": 21.0,
         "pan_temp_c": None, "power_w": 0.0, "energy_wh": 0.0, "pan": False, "residual_heat": False,
         "timer_s": None, "fault": None},
        {"id": 0, "mode": "target", "level": 6, "boost": False, "target_c": 180.0, "temp_c": 178.9,
         "pan_temp_c": 183.0, "power_w": 1530.0, "energy_wh": 41.2, "pan": True,
         "residual_heat": False, "timer_s": None, "fault": None}]}
    state = StoveState.from_dict(params)
    assert [z.id for z in state.zones] == [0, 1]          # ordered by id whatever the wire order
    assert state.total_power_w == 1530.0
    assert state.zone(0).is_on and not state.zone(1).is_on
    assert StoveState.from_dict(state.to_dict()) == state
    assert ZoneState.from_dict(state.zone(0).to_dict()) == state.zone(0)


def test_event_and_error_round_trip():
    ev = StoveEvent(t=95.0, kind="overheat", zone=0, message="front-left overheated")
    assert StoveEvent.from_dict(ev.to_dict()) == ev
    err = KspError(-32003, "controller slot taken", {"retry_after_s": 2.5})
    back = KspError.from_dict(err.to_dict())
    assert (back.code, back.message, back.data) == (-32003, "controller slot taken", {"retry_after_s": 2.5})
