"""The library store's API on a real SQLite file: tracks, windows, predictions, feedback,
sessions, models, transactions, threads and exports."""

import math
import os
import sqlite3
import threading

import pandas as pd
import pytest

from tmer_desktop import paths
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.errors import LibraryError
from tmer_desktop.library.exports import export_tracks, export_windows, tracks_frame
from tmer_desktop.library.rows import NewWindow
from tmer_desktop.library.schema import SCHEMA_VERSION
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.vocabulary import FailureKind


def feats(seed: float) -> list[float]:
    return [seed + i / 100 for i in range(len(FEATURE_NAMES))]


def pred(label="happy", conf=0.8, decision="label", **where):
    probs = {"happy": 0.0, "sad": 0.0, "angry": 0.0, "relaxed": 0.0}
    probs[label] = conf
    rest = [e for e in probs if e != label]
    for e in rest:
        probs[e] = (1 - conf) / 3
    return {"probabilities": probs, "label": label, "confidence": conf, "decision": decision, **where}


@pytest.fixture
def store(data_dir):
    s = LibraryStore.open()
    yield s
    s.close()


def add_analysed_track(store, path, label, conf, decision="label", n=3, version="m1", **meta):
    with store.transaction():
        tid = store.upsert_track(path, **meta)
        store.replace_windows(
            tid, [NewWindow(i, i * 5.0, 30.0, False, tuple(feats(i))) for i in range(n)]
        )
        store.add_predictions(
            tid, version,
            [pred(label, conf, decision, window_idx=i) for i in range(n)] + [pred(label, conf, decision)],
        )
    return tid


def test_open_creates_database_with_pragmas(store, data_dir):
    assert store.path == paths.library_db_path()
    assert store.path.parent == data_dir
    assert store.open_messages == []
    assert store.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with store.transaction() as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.feature_names() == FEATURE_NAMES


def test_upsert_track_updates_only_given_fields(store, tmp_path):
    tid = store.upsert_track(tmp_path / "a.wav", title="A", duration=12.5, content_hash="h1")
    same = store.upsert_track(tmp_path / "a.wav", error="decode failed")
    assert same == tid
    row = store.track(tid)
    assert (row.title, row.duration, row.error, row.content_hash) == ("A", 12.5, "decode failed", "h1")
    store.upsert_track(tmp_path / "a.wav", error=None)
    assert store.track_by_path(tmp_path / "a.wav").error is None
    assert store.track_by_path(tmp_path / "missing.wav") is None
    assert store.track_by_hash("h1").id == tid
    assert store.track_by_hash("nope") is None


def test_a_failure_kind_is_written_with_its_error_and_only_with_it(store, tmp_path):
    path = tmp_path / "a.wav"
    tid = store.upsert_track(path, error="the analysis process crashed (SIGSEGV)", error_kind=FailureKind.TRANSIENT)
    row = store.track(tid)
    assert row.error_kind is FailureKind.TRANSIENT
    store.upsert_track(path, title="A")  # other fields leave the failure as it is
    assert store.track(tid).error_kind is FailureKind.TRANSIENT
    store.upsert_track(path, error="not an audio file", error_kind="permanent")
    assert store.track(tid).error_kind is FailureKind.PERMANENT
    store.upsert_track(path, error="decode failed")  # an error without a kind: none is known, none kept
    assert store.track(tid).error_kind is None
    store.upsert_track(path, error="decode failed", error_kind=FailureKind.PERMANENT)
    store.upsert_track(path, error=None)  # tagged after all: no error, no kind
    assert (store.track(tid).error, store.track(tid).error_kind) == (None, None)
    with pytest.raises(LibraryError, match="together with the error"):
        store.upsert_track(path, error_kind=FailureKind.TRANSIENT)
    with pytest.raises(LibraryError, match="without an error"):
        store.upsert_track(path, error=None, error_kind=FailureKind.TRANSIENT)
    with pytest.raises(LibraryError, match="Unknown failure kind 'sometimes'"):
        store.upsert_track(path, error="x", error_kind="sometimes")
    assert store.track(tid).error is None
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:  # the database checks it too
        conn.execute("UPDATE tracks SET error = 'x', error_kind = 'sometimes' WHERE id = ?", (tid,))


def test_windows_round_trip_features_exactly(store, tmp_path):
    tid = store.upsert_track(tmp_path / "a.wav")
    values = feats(0.123456789)
    values[3] = math.nan  # a feature undefined for silence must survive storage
    as_mapping = dict(zip(FEATURE_NAMES, feats(7)))
    ids = store.replace_windows(tid, [
        {"idx": 0, "start": 0.0, "duration": 30.0, "short": False, "features": values},
        {"idx": 1, "start": 5.0, "duration": 21.0, "short": True, "features": as_mapping},
    ])
    rows = store.windows_for_track(tid)
    assert [r.id for r in rows] == ids
    assert rows[0].features[0] == values[0] and math.isnan(rows[0].features[3])
    assert rows[1].short is True and rows[1].feature_dict() == as_mapping
    # Replacing drops the old windows.
    store.replace_windows(tid, [NewWindow(0, 0.0, 30.0, False, tuple(feats(1)))])
    assert len(store.windows_for_track(tid)) == 1


def test_bad_window_input_is_rejected_and_nothing_written(store, tmp_path):
    tid = store.upsert_track(tmp_path / "a.wav")
    store.replace_windows(tid, [NewWindow(0, 0.0, 30.0, False, tuple(feats(1)))])
    with pytest.raises(LibraryError, match="Expected 50 feature values, got 49"):
        store.replace_windows(tid, [{"idx": 0, "start": 0, "duration": 30, "features": feats(0)[:49]}])
    with pytest.raises(LibraryError, match="missing 1 of the 50"):
        store.replace_windows(tid, [{"idx": 0, "start": 0, "duration": 30,
                                     "features": dict(zip(FEATURE_NAMES[1:], feats(0)))}])
    with pytest.raises(LibraryError, match="no track with id 999"):
        store.replace_windows(999, [])
    assert len(store.windows_for_track(tid)) == 1


def test_predictions_levels_versions_and_validation(store, tmp_path):
    tid = add_analysed_track(store, tmp_path / "a.wav", "sad", 0.6, "review")
    assert len(store.predictions_for_track(tid)) == 4
    track_level = store.predictions_for_track(tid, level="track")
    assert len(track_level) == 1 and track_level[0].window_id is None
    windows = store.predictions_for_track(tid, level="window")
    assert [p.window_idx for p in windows] == [0, 1, 2]
    assert windows[1].window_start == 5.0
    assert math.isclose(sum(windows[0].probabilities.values()), 1.0)
    # A second model keeps the first model's rows; re-running a model replaces its rows.
    store.add_predictions(tid, "m2", [pred("happy", 0.9)])
    store.add_predictions(tid, "m2", [pred("angry", 0.95)])
    assert [p.label for p in store.predictions_for_track(tid)] == ["angry"]  # latest version
    assert len(store.predictions_for_track(tid, "m1")) == 4
    # Replacing windows removes their window-level predictions (cascade).
    store.replace_windows(tid, [])
    assert store.predictions_for_track(tid, "m1", level="window") == []
    with pytest.raises(LibraryError, match="add up to 1"):
        store.add_predictions(tid, "m3", [{"p_happy": 0.5, "p_sad": 0.5, "p_angry": 0.5,
                                          "p_relaxed": 0.0, "label": "happy", "confidence": 0.5,
                                          "decision": "label"}])
    with pytest.raises(LibraryError, match="Unknown label 'joy'"):
        store.add_predictions(tid, "m3", [pred() | {"label": "joy"}])
    with pytest.raises(LibraryError, match="no window with index 7"):
        store.add_predictions(tid, "m3", [pred(window_idx=7)])
    assert store.predictions_for_track(tid, "m3") == []


def test_tracks_filter_search_order(store, tmp_path):
    add_analysed_track(store, tmp_path / "b.wav", "happy", 0.9, title="Bright Day", artist="Zed")
    add_analysed_track(store, tmp_path / "a.wav", "sad", 0.6, "review", title="Rain 100%")
    add_analysed_track(store, tmp_path / "c.wav", "happy", 0.8, title="Sunny", genre="Folk")
    store.upsert_track(tmp_path / "d.wav", error="not audio")
    names = [s.path.rsplit("/", 1)[1] for s in store.tracks()]
    assert names == ["a.wav", "b.wav", "c.wav", "d.wav"]
    assert [s.track.title for s in store.tracks(emotion="happy", order="-confidence")] == ["Bright Day", "Sunny"]
    assert [s.track.title for s in store.tracks(decision="review")] == ["Rain 100%"]
    assert [s.track.title for s in store.tracks(search="folk")] == ["Sunny"]
    assert [s.track.title for s in store.tracks(search="100%")] == ["Rain 100%"]  # % is literal
    assert store.tracks(search="zz%") == []
    unpredicted = store.tracks(search="d.wav")[0]
    assert unpredicted.prediction is None and unpredicted.n_windows == 0
    assert store.tracks(order="confidence")[-1].track.error == "not audio"  # no value: last
    assert len(store.tracks(limit=2, offset=1)) == 2
    with pytest.raises(LibraryError, match="Unknown sort order"):
        store.tracks(order="colour")
    with pytest.raises(LibraryError, match="Unknown emotion"):
        store.tracks(emotion="joy")


def test_tracks_show_active_model_prediction(store, tmp_path):
    tid = add_analysed_track(store, tmp_path / "a.wav", "happy", 0.9, version="m1")
    store.add_predictions(tid, "m2", [pred("sad", 0.7)])
    assert store.tracks()[0].label == "sad"  # no active model: the latest prediction
    store.register_model("m1", tmp_path / "m1", activate=True)
    assert store.tracks()[0].label == "happy"
    assert store.tracks(model_version="m2")[0].label == "sad"


def test_review_queue(store, tmp_path):
    sure = add_analysed_track(store, tmp_path / "sure.wav", "happy", 0.95)
    low = add_analysed_track(store, tmp_path / "low.wav", "sad", 0.55, "review")
    top2 = add_analysed_track(store, tmp_path / "top2.wav", "relaxed", 0.7, "top-2")
    queue = store.review_queue()
    assert [s.id for s in queue] == [low, top2]  # least confident first
    assert sure not in [s.id for s in store.review_queue(0.9)]
    assert [s.id for s in store.review_queue(0.99)] == [low, top2, sure]
    # Once the user has judged a track, it leaves the queue.
    store.add_feedback(track_id=low, features=feats(0), is_correct=False,
                       predicted_label="sad", corrected_label="relaxed", confidence=0.55)
    assert [s.id for s in store.review_queue()] == [top2]
    assert [s.id for s in store.review_queue(include_reviewed=True)] == [low, top2]


def test_feedback_survives_track_removal_and_validates(store, tmp_path):
    tid = add_analysed_track(store, tmp_path / "a.wav", "happy", 0.8)
    window = store.windows_for_track(tid)[1]
    fid = store.add_feedback(window_id=window.id, features=window.features, is_correct=False,
                             predicted_label="happy", corrected_label="angry", confidence=0.8,
                             model_version="m1", note="too loud for happy")
    row = store.feedback_rows()[0]
    assert row.id == fid and row.track_id == tid and row.track_path == str(tmp_path / "a.wav")
    assert (row.start, row.duration, row.true_label) == (5.0, 30.0, "angry")
    assert row.features == window.features
    store.add_feedback(track_id=tid, features=feats(3), is_correct=True, predicted_label="happy")
    assert [r.true_label for r in store.feedback_rows()] == ["angry", "happy"]
    assert store.feedback_rows(model_version="m1")[0].note == "too loud for happy"
    assert store.delete_track(tid)
    kept = store.feedback_rows()
    assert len(kept) == 2 and kept[0].track_id is None and kept[0].window_id is None
    assert kept[0].track_path == str(tmp_path / "a.wav") and kept[0].features == window.features
    with pytest.raises(LibraryError, match="marked correct cannot correct"):
        store.add_feedback(features=feats(0), is_correct=True, predicted_label="sad", corrected_label="happy")
    with pytest.raises(LibraryError, match="Unknown corrected label"):
        store.add_feedback(features=feats(0), is_correct=False, corrected_label="bored")
    assert store.delete_feedback(fid) and len(store.feedback_rows()) == 1


def test_sessions(store, tmp_path):
    a = store.upsert_track(tmp_path / "a.wav", title="A")
    b = store.upsert_track(tmp_path / "b.wav", title="B")
    sid = store.save_session("Calm down", [a, {"track_id": b, "locked": True, "reason": "target"}],
                             client_pseudonym="C-17", goal="relaxing", start_mood="angry")
    assert [(i.position, i.title, i.locked, i.reason) for i in store.session_items(sid)] == [
        (0, "A", False, ""), (1, "B", True, "target")]
    store.save_session("Calm down v2", [b], session_id=sid, start_mood="angry")
    assert [i.track_id for i in store.session_items(sid)] == [b]
    (row,) = store.sessions()
    assert (row.title, row.n_items, row.client_pseudonym) == ("Calm down v2", 1, "")
    with pytest.raises(LibraryError, match="no track with id 999"):
        store.save_session("Broken", [a, 999], session_id=sid)
    assert store.session(sid).title == "Calm down v2"  # the failed save changed nothing
    assert [i.track_id for i in store.session_items(sid)] == [b]
    store.delete_track(b)
    assert store.session_items(sid) == []
    assert store.delete_session(sid) and store.sessions() == []


def test_models_at_most_one_active(store, tmp_path):
    assert store.active_model() is None
    store.register_model("v1", tmp_path / "v1", metrics={"macro_f1": 0.8}, activate=True)
    store.register_model("v2", tmp_path / "v2", metrics={"macro_f1": 0.82})
    assert store.active_model().version == "v1"
    store.set_active_model("v2")
    assert store.active_model().metrics == {"macro_f1": 0.82}
    assert [m.active for m in store.models()] == [False, True]
    with pytest.raises(LibraryError, match="no registered model version 'v9'"):
        store.set_active_model("v9")
    assert store.active_model().version == "v2"
    # The database itself refuses a second active row, whatever SQL a caller writes.
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as conn:
            conn.execute("UPDATE models SET active = 1")
    store.set_active_model(None)
    assert store.active_model() is None


def test_transaction_rolls_back_everything_and_nests(store, tmp_path):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.upsert_track(tmp_path / "a.wav")
            store.upsert_track(tmp_path / "b.wav")
            raise RuntimeError("boom")
    assert store.tracks() == []
    with store.transaction():
        store.upsert_track(tmp_path / "keep.wav")
        with pytest.raises(LibraryError):
            with store.transaction():  # inner failure undoes only the inner block
                store.upsert_track(tmp_path / "inner.wav")
                store.replace_windows(12345, [])
    assert [s.path for s in store.tracks()] == [str(tmp_path / "keep.wav")]


def test_reader_thread_sees_committed_data_while_writer_writes(store, tmp_path):
    seen_partial = []
    done = threading.Event()
    errors = []

    def reader():
        try:
            while not done.is_set():
                for s in store.tracks():
                    if s.n_windows not in (0, 3):
                        seen_partial.append(s.n_windows)
        except Exception as exc:  # noqa: BLE001 - any error in the thread is asserted below  # pragma: no cover
            errors.append(exc)

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(40):
            add_analysed_track(store, tmp_path / f"{i}.wav", "happy", 0.8)
    finally:
        done.set()
        t.join()
    assert errors == [] and seen_partial == []
    assert len(store.tracks()) == 40


def test_closed_store_refuses_use(data_dir):
    s = LibraryStore.open()
    s.close()
    with pytest.raises(LibraryError, match="closed"):
        s.tracks()


def test_exports_csv_and_parquet(store, tmp_path):
    add_analysed_track(store, tmp_path / "a.wav", "happy", 0.9, title="Día", artist="Ünlü")
    store.upsert_track(tmp_path / "broken.mp3", error="not an audio file")
    out_csv, out_pq = tmp_path / "out" / "t.csv", tmp_path / "t.parquet"
    out_csv.parent.mkdir()
    assert export_tracks(store, out_csv) == 2
    assert export_tracks(store, out_pq) == 2
    frame_csv = pd.read_csv(out_csv)
    frame_pq = pd.read_parquet(out_pq)
    assert list(frame_csv.columns[:10]) == ["path", "label", "confidence", "decision", "p_happy",
                                            "p_sad", "p_angry", "p_relaxed", "n_windows", "error"]
    assert frame_csv.loc[0, "title"] == "Día" and frame_pq.loc[0, "artist"] == "Ünlü"
    assert frame_pq.loc[0, "label"] == "happy" and frame_pq.loc[0, "n_windows"] == 3
    assert frame_csv.loc[1, "error"] == "not an audio file" and pd.isna(frame_csv.loc[1, "label"])
    assert tracks_frame(store)["confidence"].tolist()[0] == pytest.approx(0.9)
    assert export_windows(store, tmp_path / "w.csv") == 3
    windows = pd.read_csv(tmp_path / "w.csv")
    assert windows["start"].tolist() == [0.0, 5.0, 10.0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_worker_thread_releases_its_connection(store, tmp_path):
    store.upsert_track(tmp_path / "a.wav")
    results = []

    def worker():
        results.append(len(store.tracks()))
        results.append(len(store._conns))  # this thread's own connection was added
        store.release_thread_connection()
        results.append(len(store._conns))
        results.append(len(store.tracks()))  # usable again: a new connection is made

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert results == [1, 2, 1, 1]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_forked_child_cannot_use_the_parents_connection(store, tmp_path):
    store.upsert_track(tmp_path / "a.wav")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: report what happened through the pipe, then leave at once
        try:
            store.tracks()
            message = b"used the parent's connection"
        except LibraryError as exc:
            message = str(exc).encode()
        os.write(write_end, message)
        os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    message = os.read(read_end, 4096).decode()
    os.close(read_end)
    assert "opened in another process" in message and str(store.path) in message
    assert len(store.tracks()) == 1


def test_locked_library_is_a_clear_error_and_leaves_settings_as_they_were(data_dir, monkeypatch, tmp_path):
    from tmer_desktop.library import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)  # wait 0.2 s for the lock instead of 10 s
    store = LibraryStore.open()
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process is writing and does not finish
        with pytest.raises(LibraryError, match="busy or locked"):
            store.add_feedback(features=feats(0), is_correct=True, predicted_label="sad")
        other.execute("ROLLBACK")
        store.add_feedback(features=feats(0), is_correct=True, predicted_label="sad")
        assert len(store.feedback_rows()) == 1
        with store.transaction() as conn:  # the durable write's FULL sync did not stick
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    finally:
        other.close()
        store.close()
