"""A stove the tests steer by hand: set the link, push telemetry, make commands fail.

It implements the core Stove interface like any transport would, so the dashboard cannot tell
it from a network stove; requests are recorded and answered (or failed) as the test says.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from kitchen_ui.core.errors import KspError, LinkError
from kitchen_ui.core.model import LinkState, LinkStatus, StoveEvent, StoveInfo, StoveState, ZoneInfo, ZoneState
from kitchen_ui.core.stove import Stove, completed

NAMES = ("front-left", "back-left", "back-right", "front-right", "front-centre", "back-centre")
KINDS = ("induction", "induction", "radiant", "gas", "induction", "induction")


class FakeStove(Stove):
    def __init__(self, zones: int = 4, transport: str = "ksp://fake:7868") -> None:
        super().__init__()
        self.transport = transport
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.fail_with: BaseException | None = None     # the next requests fail with this
        self.pending: list[Future] = []                  # with hold=True, futures stay open
        self.hold = False
        self.t = 0.0
        self.zone_infos = tuple(
            ZoneInfo(id=i, name=NAMES[i], kind=KINDS[i], diameter_mm=180, max_power_w=2000.0,
                     boost_power_w=3000.0 if KINDS[i] == "induction" else None)
            for i in range(zones))
        self.zones = [ZoneState(i) for i in range(zones)]

    # -- Stove interface -------------------------------------------------------------------------
    def start(self) -> None:
        self._publish_info(StoveInfo(id="fake-1", model="Fake test stove", firmware="0", sim=False,
                                     zones=self.zone_infos))
        self.set_link(LinkStatus.ONLINE, "controller")
        self.push()

    def stop(self) -> None:
        if self.link.status is not LinkStatus.CLOSED:
            self._set_link(LinkState(LinkStatus.CLOSED, transport=self.transport))

    def request(self, method: str, params: dict[str, Any] | None = None) -> Future:
        self.requests.append((method, dict(params or {})))
        if self.fail_with is not None:
            return completed(error=self.fail_with)
        if self.hold:
            f: Future = Future()
            self.pending.append(f)
            return f
        return completed(self._answer(method, params or {}))

    def _answer(self, method: str, p: dict[str, Any]) -> Any:
        if method == "stove.all_off":
            n = sum(z.is_on for z in self.zones)
            self.zones = [ZoneState(z.id) for z in self.zones]
            return {"zones_switched_off": n}
        if method.startswith("zone."):
            i = p["zone"]
            z = self.zones[i]
            if method == "zone.set_level":
                z = ZoneState(i, mode="level" if p["level"] else "off", level=p["level"])
            elif method == "zone.off":
                z = ZoneState(i)
            elif method == "zone.set_boost":
                z = ZoneState(i, mode="level", level=9, boost=p["on"])
            elif method == "zone.set_target":
                z = ZoneState(i, mode="target", target_c=p["temp_c"]) if p["temp_c"] is not None else ZoneState(i)
            self.zones[i] = z
            return z.to_dict()
        return {}

    # -- steering ----------------------------------------------------------------------------------
    def set_link(self, status: LinkStatus, role: str | None = "controller", message: str = "") -> None:
        self._set_link(LinkState(status, role=role, message=message, transport=self.transport))

    def set_zone(self, zone: int, **fields: Any) -> None:
        self.zones[zone] = ZoneState(zone, **fields)

    def push(self, dt: float = 0.1) -> StoveState:
        """Send one telemetry message with the zones as they are now."""
        self.t += dt
        state = StoveState(t=round(self.t, 3), zones=tuple(self.zones))
        self._publish_state(state)
        return state

    def emit_event(self, kind: str, zone: int | None, message: str) -> None:
        self._publish_event(StoveEvent(t=self.t, kind=kind, zone=zone, message=message))


def refused(code: int, message: str) -> KspError:
    return KspError(code, message)


def link_down(message: str = "connection reset") -> LinkError:
    return LinkError(message)
