"""disconnect_all: one way to stop listening, quiet about connections that are already gone."""

from __future__ import annotations

from psygnal import Signal

from kitchen_ui.core.signals import disconnect_all


class Source:
    changed = Signal(int)


class QtLikeSignal:
    """What a Qt signal does when the slot is not connected (or the object is deleted)."""

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def disconnect(self, slot) -> None:
        raise self.exc


def test_connected_slots_stop_hearing_and_missing_ones_are_skipped():
    src, heard = Source(), []
    src.changed.connect(heard.append)
    src.changed.emit(1)
    disconnect_all([(src.changed, heard.append), (src.changed, print),
                    (QtLikeSignal(RuntimeError("wrapped C/C++ object has been deleted")), print),
                    (QtLikeSignal(TypeError("not connected")), print)])
    src.changed.emit(2)
    assert heard == [1]


def test_a_second_detach_is_harmless():
    src, heard = Source(), []
    src.changed.connect(heard.append)
    disconnect_all([(src.changed, heard.append)])
    disconnect_all([(src.changed, heard.append)])
    src.changed.emit(3)
    assert heard == []
