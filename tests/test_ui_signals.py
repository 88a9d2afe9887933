"""Guards against Qt binding bugs that only show after many events (a long session)."""

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(bool)


def test_bool_signal_emissions_do_not_leak_references_to_true(qapp):
    # PySide6 6.12.0 dropped one reference to True per emission: after enough emissions
    # (a long session, or this test suite) Python aborts in bool_dealloc.
    emitter = _Emitter()
    seen = []
    emitter.changed.connect(seen.append)
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.changed.emit(True)
    assert len(seen) == 2000
    seen.clear()
    gc.collect()
    assert sys.getrefcount(True) >= before - 50
