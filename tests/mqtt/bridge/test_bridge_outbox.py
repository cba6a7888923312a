"""The bridge's outbox under backpressure: old telemetry goes, events never do."""

from __future__ import annotations

import asyncio

from kitchen_ui.mqtt.outbox import Outbox, Outgoing


def drain(box: Outbox) -> list:
    out = []
    while (msg := box.take()) is not None:
        out.append(msg)
    return out


def test_full_telemetry_drops_its_oldest_and_counts_them():
    box = Outbox(telemetry_limit=3)
    for i in range(5):
        box.telemetry("t", str(i))
    assert [m.payload for m in drain(box)] == ["2", "3", "4"]
    assert box.dropped == 2


def test_events_are_never_dropped_and_leave_first_in_order():
    box = Outbox(telemetry_limit=2)
    for i in range(100):
        box.telemetry("t", f"t{i}")
        box.must("e", f"e{i}")
    out = drain(box)
    assert [m.payload for m in out[:100]] == [f"e{i}" for i in range(100)]
    assert [m.payload for m in out[100:]] == ["t98", "t99"]
    assert all(m.qos == 1 for m in out[:100])


def test_a_retained_topic_keeps_only_its_newest_value():
    box = Outbox()
    box.retained("link", "online")
    box.retained("info", "{}")
    box.retained("link", "offline")
    assert [(m.topic, m.payload, m.retain) for m in drain(box)] == [("info", "{}", True), ("link", "offline", True)]


def test_a_message_put_back_goes_first_unless_newer_is_waiting():
    box = Outbox()
    box.must("e", "2")
    box.put_back(Outgoing("e", "1", 1, False))          # an event whose publishing failed
    box.retained("link", "new")
    box.put_back(Outgoing("link", "older", 1, True))    # a retained value already replaced
    assert [m.payload for m in drain(box)] == ["1", "2", "new"]


def test_get_waits_for_a_message():
    async def scenario():
        box = Outbox()
        waiter = asyncio.create_task(box.get())
        await asyncio.sleep(0)
        assert not waiter.done()
        box.must("e", "x")
        return await asyncio.wait_for(waiter, 1)

    assert asyncio.run(scenario()).payload == "x"


def test_the_telemetry_payload_is_the_ksp_telemetry_object():
    import json

    from kitchen_ui.connect import open_simulated
    from kitchen_ui.mqtt.bridge_stoves import telemetry_payload

    stove = open_simulated(zones=3, threaded=False)
    stove.start()
    stove.set_level(1, 4)
    stove.pump()
    assert json.loads(telemetry_payload(stove.state)) == stove.state.to_dict()
    stove.stop()
