"""Stove events reach subscribers after the stove's lock is released.

The recipe engine handles events under its own lock and sends commands under that lock; if
events were delivered while the simulator held its lock, the stove thread and the GUI thread
could each wait for the other's lock forever.
"""

from __future__ import annotations

import threading

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile


def test_events_are_delivered_with_the_stove_lock_free():
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    seen: list[tuple[str, bool]] = []

    def on_event(ev) -> None:
        free: list[bool] = []

        def probe() -> None:            # another thread, as the GUI thread would be
            got = stove.service.lock.acquire(timeout=1.0)
            if got:
                stove.service.lock.release()
            free.append(got)

        t = threading.Thread(target=probe)
        t.start()
        t.join()
        seen.append((ev.kind, free[0]))

    stove.event.connect(on_event)
    stove.set_level(0, 5).result()
    stove.set_timer(0, 10).result()
    stove.advance(20)                    # timer_elapsed: raised inside the physics update
    stove.set_lock(True).result()        # lock_changed: raised inside a command
    stove.all_off().result()             # all_off: raised inside a command
    kinds = [k for k, _ in seen]
    assert {"timer_elapsed", "lock_changed", "all_off"} <= set(kinds)
    assert all(free for _, free in seen), seen
    stove.stop()


def test_an_event_and_its_telemetry_arrive_in_order():
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    order: list[str] = []
    stove.event.connect(lambda ev: order.append(f"event:{ev.kind}"))
    stove.telemetry.connect(lambda st: order.append("off" if st.zone(0).mode == "off" else "on"))
    stove.set_level(0, 5).result()
    stove.set_timer(0, 10).result()
    stove.advance(20)
    assert order[-2:] == ["event:timer_elapsed", "off"]
    stove.stop()
