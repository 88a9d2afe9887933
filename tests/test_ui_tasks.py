"""The background-task helper: results and errors reach the GUI thread; progress is throttled."""

import threading
import time

import pytest

pytest.importorskip("pytestqt")

from tmer_desktop.errors import AudioError  # noqa: E402
from tmer_desktop.ui.tasks import PROGRESS_RATE_HZ, BackgroundTask  # noqa: E402


def _collect(task, qtbot):
    got = {"progress": [], "partial": [], "ok": [], "failed": [], "threads": set()}
    main = threading.get_ident()

    def note(kind):
        def slot(*args):
            got["threads"].add(threading.get_ident() == main)
            got[kind].append(args[0] if len(args) == 1 else args)
        return slot

    task.progress.connect(note("progress"))
    task.partial.connect(note("partial"))
    task.succeeded.connect(note("ok"))
    task.failed.connect(note("failed"))
    return got


def test_partial_results_and_result_arrive_in_gui_thread(qtbot):
    def work(ctx):
        for i in range(5):
            ctx.partial(i * i)
            ctx.progress((i + 1, 5))
        return "done"

    task = BackgroundTask(work, name="squares")
    got = _collect(task, qtbot)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert got["partial"] == [0, 1, 4, 9, 16]
    assert got["ok"] == ["done"]
    assert got["failed"] == []
    assert got["threads"] == {True}  # every slot ran in the GUI thread
    assert got["progress"][-1] == (5, 5)  # the last progress value is never dropped


def test_progress_is_throttled(qtbot):
    n = 20000

    def work(ctx):
        for i in range(n):
            ctx.progress(i + 1)
        return n

    task = BackgroundTask(work)
    got = _collect(task, qtbot)
    t0 = time.monotonic()
    with qtbot.waitSignal(task.finished, timeout=10000):
        task.start()
    elapsed = time.monotonic() - t0
    assert got["progress"][-1] == n
    assert len(got["progress"]) <= PROGRESS_RATE_HZ * elapsed + 3
    assert len(got["progress"]) < n / 100


def test_exception_is_posted_with_user_message(qtbot):
    def work(ctx):
        raise AudioError("/music/x.mp3", "empty file (0 bytes)")

    task = BackgroundTask(work)
    got = _collect(task, qtbot)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert got["ok"] == []
    message, exc = got["failed"][0]
    assert message == "/music/x.mp3: empty file (0 bytes)"
    assert isinstance(exc, AudioError)


def test_cancel_stops_slow_work_and_keeps_partials(qtbot):
    hook_called = threading.Event()

    def work(ctx):
        ctx.on_cancel(hook_called.set)
        for i in range(1000):
            ctx.check_cancelled()
            ctx.partial(i)
            time.sleep(0.01)
        return "finished all"

    task = BackgroundTask(work)
    got = _collect(task, qtbot)
    task.start()
    qtbot.waitUntil(lambda: len(got["partial"]) >= 3, timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert task.cancelled and hook_called.is_set()
    assert got["ok"] == [] and got["failed"] == []
    assert 3 <= len(got["partial"]) < 1000
    assert got["partial"] == list(range(len(got["partial"])))


def test_cyclic_garbage_is_collected_in_the_gui_thread_only(qtbot):
    """A worker that leaves cyclic garbage (here with Qt objects in it) never collects it itself:
    a collection in a worker thread that frees Qt wrappers can deadlock with the GUI thread."""
    import gc

    from PySide6.QtCore import QObject

    collections = []

    def record(phase, info):
        if phase == "start":
            collections.append(threading.current_thread() is threading.main_thread())

    def work(ctx):
        for _ in range(20_000):  # many generation-0 thresholds' worth of cycles holding Qt objects
            holder = {"object": QObject()}
            holder["self"] = holder
        # Collections outside the GUI thread; the GUI thread's timer may collect meanwhile (allowed).
        return collections.count(False)

    task = BackgroundTask(work, name="garbage")
    assert not gc.isenabled()  # automatic collection is off from the first task on
    gc.callbacks.append(record)
    try:
        with qtbot.waitSignal(task.succeeded, timeout=30000) as done:
            task.start()
        assert done.args == [0]  # the worker allocated all that and collected nothing itself
        qtbot.waitUntil(lambda: len(collections) > 0, timeout=5000)  # the GUI-thread timer collects
        assert all(collections)
    finally:
        gc.callbacks.remove(record)


def test_run_in_background_connects_several_slots_of_one_signal_in_order(qtbot):
    from tmer_desktop.ui.tasks import run_in_background

    heard = []

    def work(ctx):
        raise AudioError("x.wav", "cannot be decoded")

    task = run_in_background(work, name="fails",
                             failed=[lambda msg, exc: heard.append(("first", msg)),
                                     lambda msg, exc: heard.append(("second", type(exc).__name__))],
                             succeeded=lambda result: heard.append(("succeeded", result)))
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=5000)
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert heard == [("first", "x.wav: cannot be decoded"), ("second", "AudioError")]
