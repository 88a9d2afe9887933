"""The library under real failures: a killed writer, corrupt and foreign files, a newer schema,
an unwritable data directory, a full disk during an export, and a schema migration."""

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest

from tmer_desktop.atomic import atomic_write_bytes
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library import db, schema
from tmer_desktop.library.errors import LibraryError, LibraryVersionError, WriteError
from tmer_desktop.library.exports import export_tracks
from tmer_desktop.library.rows import NewWindow
from tmer_desktop.library.schema import SCHEMA_VERSION
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.vocabulary import FailureKind

from conftest import REPO_ROOT

N_WINDOWS = 40  # per transaction: 1 track + 40 windows + 41 predictions, all or nothing

WRITER = textwrap.dedent(f"""
    import sys, time
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.library.rows import NewWindow

    path, pause_at = sys.argv[1], int(sys.argv[2])
    store = LibraryStore.open(path)
    with store.transaction() as conn:
        conn.execute("PRAGMA cache_size = 5")  # tiny cache: uncommitted pages spill to the WAL
    probs = {{"p_happy": 0.7, "p_sad": 0.1, "p_angry": 0.1, "p_relaxed": 0.1,
             "label": "happy", "confidence": 0.7, "decision": "review"}}
    i = 0
    while True:
        with store.transaction():
            tid = store.upsert_track(f"/music/{{i}}.wav", title=str(i))
            store.replace_windows(tid, [NewWindow(k, k * 5.0, 30.0, False, tuple([i + k / 7] * 50))
                                        for k in range({N_WINDOWS})])
            if i == pause_at:
                print(f"inside {{i}}", flush=True)
                time.sleep(60)
            store.add_predictions(tid, "m1", [dict(probs, window_idx=k) for k in range({N_WINDOWS})]
                                  + [probs])
        print(f"committed {{i}}", flush=True)
        i += 1
""")


def run_writer_and_kill(path: Path, pause_at: int, kill_after_line: str) -> list[int]:
    """Start a writer process, SIGKILL it once it prints `kill_after_line`; returns the
    transaction numbers it reported committed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(pause_at)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT,
    )
    committed = []
    try:
        for line in proc.stdout:
            if line.startswith("committed "):
                committed.append(int(line.split()[1]))
            if line.strip() == kill_after_line:
                proc.send_signal(signal.SIGKILL)
                break
        else:
            pytest.fail(f"writer ended early: {proc.stderr.read()}")
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # What the writer reported between the line read here and the kill (still in the pipe) was
    # committed too: on a busy machine it can get a commit or two further before the signal lands.
    committed += [int(line.split()[1]) for line in proc.stdout.read().splitlines() if line.startswith("committed ")]
    return committed


def assert_consistent(path: Path, committed: list[int]) -> set[int]:
    store = LibraryStore.open(path)
    try:
        assert store.open_messages == []  # not treated as corrupt
        with store.transaction() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        present = set()
        for summary in store.tracks():
            present.add(int(summary.track.title))
            assert summary.n_windows == N_WINDOWS  # no half-written transaction
            assert len(store.predictions_for_track(summary.id)) == N_WINDOWS + 1
        assert set(committed) <= present
        # Tracks are numbered 0, 1, 2 ... in commit order: no gap, at most one unreported.
        assert present == set(range(len(present)))
        assert len(present) - len(committed) <= 1
        return present
    finally:
        store.close()


def test_sigkill_inside_a_transaction_loses_only_that_transaction(tmp_path):
    path = tmp_path / "lib.sqlite3"
    committed = run_writer_and_kill(path, pause_at=12, kill_after_line="inside 12")
    assert committed == list(range(12))
    present = assert_consistent(path, committed)
    assert present == set(range(12))


def test_sigkill_at_an_arbitrary_moment_keeps_every_commit(tmp_path):
    path = tmp_path / "lib.sqlite3"
    committed = run_writer_and_kill(path, pause_at=-1, kill_after_line="committed 25")
    assert 25 in committed
    assert_consistent(path, committed)


# ---------------------------------------------------------------- corrupt and foreign files
def _corrupt_and_moved(path: Path, store: LibraryStore) -> Path:
    (message,) = store.open_messages
    moved = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")
             and not p.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1
    assert str(path) in message and str(moved[0]) in message
    return moved[0]


def test_non_sqlite_file_is_moved_aside_and_a_new_library_made(data_dir):
    data_dir.mkdir()
    path = data_dir / "library.sqlite3"
    junk = b"\x89PNG\r\n\x1a\n" + os.urandom(5000)
    path.write_bytes(junk)
    store = LibraryStore.open()
    try:
        moved = _corrupt_and_moved(path, store)
        assert "not an SQLite database" in store.open_messages[0]
        assert moved.read_bytes() == junk  # kept, never deleted
        tid = store.upsert_track("/music/a.wav", title="new")
        assert store.track(tid).title == "new"
        assert store.schema_version() == SCHEMA_VERSION
    finally:
        store.close()


def test_damaged_sqlite_file_is_moved_aside_with_its_wal(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with LibraryStore.open(path) as store:
        for i in range(200):
            tid = store.upsert_track(f"/music/{i}.wav", title="x" * 200)
            store.replace_windows(tid, [NewWindow(0, 0.0, 30.0, False, tuple([float(i)] * 50))])
    assert not Path(str(path) + "-wal").exists()  # clean close checkpointed the WAL
    size = path.stat().st_size
    with open(path, "r+b") as fh:  # scribble over pages in the middle (b-tree pages)
        fh.seek(size // 3)
        fh.write(b"\xde\xad\xbe\xef" * (size // 12))
    damaged = path.read_bytes()
    Path(str(path) + "-wal").write_bytes(b"")  # a stray sidecar must travel with it
    store = LibraryStore.open(path)
    try:
        moved = _corrupt_and_moved(path, store)
        assert moved.read_bytes() == damaged
        assert Path(str(moved) + "-wal").exists()
        assert store.tracks() == []
        store.upsert_track("/music/again.wav")
        assert len(store.tracks()) == 1
    finally:
        store.close()


def test_folder_at_the_database_path_is_a_clear_error_and_left_alone(tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    with pytest.raises(LibraryError, match="is a folder, not a library database file"):
        LibraryStore.open(path)
    assert (path / "keep.txt").read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["lib.sqlite3"]


def test_newer_schema_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future_things (x)")
    conn.execute("INSERT INTO future_things VALUES (42)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(LibraryVersionError) as info:
        LibraryStore.open(path)
    message = str(info.value)
    assert str(path) in message
    assert f"version {SCHEMA_VERSION + 3}" in message and f"up to version {SCHEMA_VERSION}" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no backup, nothing moved


# ---------------------------------------------------------------- unwritable data directory
def test_data_dir_under_a_regular_file_is_a_clear_error(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file")
    monkeypatch.setenv("TMER_DATA_DIR", str(blocker / "data"))
    with pytest.raises(LibraryError) as info:
        LibraryStore.open()
    assert str(blocker / "data") in str(info.value) and "cannot be created" in str(info.value)


@contextmanager
def read_only_mount(directory: Path):
    """A genuinely read-only folder, even for root: a read-only tmpfs mounted on it."""
    directory.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(directory)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here ({result.stderr.strip()})")
    try:
        yield directory
    finally:
        subprocess.run(["umount", str(directory)], check=True)


@pytest.mark.skipif(sys.platform != "linux", reason="uses Linux mounts and uids")
def test_read_only_data_dir_is_a_clear_error(tmp_path, monkeypatch):
    data = tmp_path / "data"
    if os.geteuid() != 0:
        data.mkdir()
        data.chmod(0o555)  # enough for an ordinary user
        context = None
    else:  # root ignores permission bits: use a read-only file system instead
        context = read_only_mount(data)
        context.__enter__()
    try:
        monkeypatch.setenv("TMER_DATA_DIR", str(data))
        with pytest.raises(LibraryError) as info:
            LibraryStore.open()
        assert str(data) in str(info.value) and "not writable" in str(info.value)
    finally:
        if context is not None:
            context.__exit__(None, None, None)
        else:
            data.chmod(0o755)


# ---------------------------------------------------------------- full disk during an export
@contextmanager
def tiny_filesystem(directory: Path, size: str = "256k"):
    directory.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(directory)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({result.stderr.strip()})")
    try:
        yield directory
    finally:
        subprocess.run(["umount", str(directory)], check=True)


def fill_up(directory: Path) -> None:
    with open(directory / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.mark.skipif(sys.platform != "linux", reason="uses a Linux tmpfs mount")
@pytest.mark.parametrize("name", ["tracks.csv", "tracks.parquet"])
def test_full_disk_export_keeps_previous_file(tmp_path, name):
    with LibraryStore.open(tmp_path / "lib.sqlite3") as store:
        store.upsert_track("/music/first.wav", title="first")
        with tiny_filesystem(tmp_path / "disk") as disk:
            target = disk / name
            export_tracks(store, target)
            previous = target.read_bytes()
            with store.transaction():
                for i in range(50):
                    store.upsert_track(f"/music/{i:05d}-" + "long name " * 10 + ".wav",
                                       title="t" * 50, artist=f"artist {i}")
            fill_up(disk)
            with pytest.raises(WriteError) as info:
                export_tracks(store, target)
            assert str(target) in str(info.value)
            assert "no space left on device" in str(info.value)
            assert target.read_bytes() == previous
            assert sorted(p.name for p in disk.iterdir()) == sorted([name, "filler"])


@pytest.mark.skipif(sys.platform != "linux", reason="uses a Linux tmpfs mount")
def test_full_disk_under_the_database_keeps_committed_rows(tmp_path):
    # A new library's write-ahead log already holds ~130 KB (one commit per schema step); each
    # transaction here adds ~35 KB more.
    with tiny_filesystem(tmp_path / "disk", size="768k") as disk:
        path = disk / "lib.sqlite3"
        store = LibraryStore.open(path)
        committed = 0
        with pytest.raises(LibraryError) as info:
            for i in range(10_000):
                with store.transaction():
                    tid = store.upsert_track(f"/music/{i}.wav")
                    store.replace_windows(tid, [NewWindow(k, k * 5.0, 30.0, False, tuple([1.0] * 50))
                                                for k in range(10)])
                committed += 1
        assert str(path) in str(info.value) and "full" in str(info.value)
        assert committed > 10
        # The failed transaction left nothing behind; what was committed is readable.
        assert len(store.tracks()) == committed
        store.close()
        reopened = LibraryStore.open(path)
        try:
            assert reopened.open_messages == []
            tracks = reopened.tracks()
            assert len(tracks) == committed and {t.n_windows for t in tracks} == {10}
        finally:
            reopened.close()


@pytest.mark.skipif(sys.platform != "linux", reason="uses a Linux tmpfs mount")
def test_full_disk_atomic_write_bytes(tmp_path):
    with tiny_filesystem(tmp_path / "disk", size="64k") as disk:
        target = disk / "settings.json"
        atomic_write_bytes(target, b"old")
        fill_up(disk)
        with pytest.raises(WriteError, match="no space left on device"):
            atomic_write_bytes(target, b"x" * 100_000)
        assert target.read_bytes() == b"old"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "settings.json"]


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE semantics")
def test_file_size_limit_during_export_is_reported(tmp_path):
    # A second real mechanism that needs no mount: the kernel's per-process file-size limit.
    target = tmp_path / "out.csv"
    target.write_text("previous export\n")
    code = textwrap.dedent(f"""
        import resource, signal
        from tmer_desktop.atomic import atomic_write_bytes
        from tmer_desktop.library.errors import WriteError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, resource.RLIM_INFINITY))
        try:
            atomic_write_bytes({str(target)!r}, b"y" * 50_000)
        except WriteError as e:
            print(e); raise SystemExit(3)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT)
    assert result.returncode == 3, result.stderr
    assert str(target) in result.stdout and "file too large" in result.stdout
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_failed_rename_leaves_no_temp_file(tmp_path):
    # Writing over a folder fails at the final step; the target folder and directory stay clean.
    (tmp_path / "exists-as-folder").mkdir()
    with pytest.raises(WriteError, match="the target is a folder"):
        atomic_write_bytes(tmp_path / "exists-as-folder", b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["exists-as-folder"]
    with pytest.raises(WriteError, match="does not exist"):
        atomic_write_bytes(tmp_path / "no-such-folder" / "f.csv", b"data")


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "shared.csv"
    target.write_text("a")
    target.chmod(0o644)
    atomic_write_bytes(target, b"b")
    assert (target.stat().st_mode & 0o777, target.read_bytes()) == (0o644, b"b")


# ---------------------------------------------------------------- migrations
def make_v1_database(path: Path) -> None:
    conn = db.connect(path)
    db.migrate(conn, path, target=1)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO tracks (path, title, added_at) VALUES ('/music/old.wav', 'Old', 'then')")
    conn.execute(
        "INSERT INTO windows (track_id, idx, start, duration, short, features) VALUES (1, 0, 0, 30, 0, ?)",
        (b"\0" * 8 * len(FEATURE_NAMES),),
    )
    conn.execute("COMMIT")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_migration_from_v1_writes_a_backup_that_opens_with_the_old_data(tmp_path):
    path = tmp_path / "lib.sqlite3"
    make_v1_database(path)
    store = LibraryStore.open(path)
    try:
        assert store.schema_version() == SCHEMA_VERSION == 6
        backups = [p for p in tmp_path.iterdir() if p.name.startswith("lib.sqlite3.bak-v1-")]
        assert len(backups) == 1
        (message,) = store.open_messages
        assert str(backups[0]) in message and f"from version 1 to {SCHEMA_VERSION}" in message
        old = sqlite3.connect(backups[0])
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT path, title FROM tracks").fetchall() == [("/music/old.wav", "Old")]
        assert old.execute("SELECT count(*) FROM windows").fetchone()[0] == 1
        assert "window_s" not in [r[1] for r in old.execute("PRAGMA table_info(tracks)")]
        old.close()
        # The upgraded library kept the rows and has the v2 columns.
        row = store.track_by_path("/music/old.wav")
        assert row.title == "Old" and row.window_s is None
        store.upsert_track("/music/old.wav", window_s=30.0, hop_s=5.0, extractor_version="x1")
        assert store.track_by_path("/music/old.wav").hop_s == 5.0
        assert len(store.windows_for_track(row.id)) == 1
        # v4: a prediction says whether the music was unfamiliar; old predictions do not know
        probs = {"p_happy": 0.1, "p_sad": 0.1, "p_angry": 0.1, "p_relaxed": 0.7, "label": "relaxed",
                 "confidence": 0.7, "decision": "review"}
        store.add_predictions(row.id, "m1", [probs, {**probs, "window_idx": 0, "unfamiliar": True}])
        track_level, window_level = store.predictions_for_track(row.id, "m1")
        assert track_level.unfamiliar is None and window_level.unfamiliar == 1
    finally:
        store.close()
    # Opening an up-to-date library makes no further backup.
    with LibraryStore.open(path) as again:
        assert again.open_messages == []
    assert len([p for p in tmp_path.iterdir() if ".bak-" in p.name]) == 1


def test_migration_to_v5_gives_old_failures_their_kind_from_the_english_text(tmp_path):
    """Up to v4 whether a failure was retried was read from the English start of its error; the
    migration reads it there once, so an old library retries what it retried before."""
    path = tmp_path / "lib.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, path, target=4)
    errors = {
        "/music/crashed.wav": "the analysis process crashed (SIGSEGV) on this file; the file may be damaged "
                              "or trigger a decoder bug",
        "/music/stopped.wav": "the analysis process stopped unexpectedly (exit code 1) on this file",
        "/music/killed.wav": "the analysis process was stopped from outside (killed, perhaps because the "
                             "computer ran out of memory)",
        "/music/hung.wav": "timed out after 61 s (the decoder or analysis hung on this file)",
        "/music/png.wav": "not a recognised audio format (the file is a PNG image)",
        "/music/says_crashed.wav": "silent audio: the analysis process crashed",  # not at the start
        "/music/tagged.wav": None,
    }
    with conn:
        conn.executemany("INSERT INTO tracks (path, error, added_at) VALUES (?, ?, 'then')", errors.items())
    conn.close()
    with LibraryStore.open(path) as store:
        kinds = {p: store.track_by_path(p).error_kind for p in errors}
        (notice,) = store.open_messages
    transient, permanent = FailureKind.TRANSIENT, FailureKind.PERMANENT
    assert kinds == {"/music/crashed.wav": transient, "/music/stopped.wav": transient,
                     "/music/killed.wav": transient, "/music/hung.wav": transient, "/music/png.wav": permanent,
                     "/music/says_crashed.wav": permanent, "/music/tagged.wav": None}
    (backup,) = [p for p in tmp_path.iterdir() if p.name.startswith("lib.sqlite3.bak-v4-")]
    assert str(backup) in notice and f"from version 4 to {SCHEMA_VERSION}" in notice
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 4
    assert "error_kind" not in [r[1] for r in old.execute("PRAGMA table_info(tracks)")]
    assert dict(old.execute("SELECT path, error FROM tracks").fetchall()) == errors
    old.close()


def test_fresh_database_needs_no_backup(tmp_path):
    with LibraryStore.open(tmp_path / "lib.sqlite3") as store:
        assert store.open_messages == []
    assert [p.name for p in tmp_path.iterdir() if ".bak-" in p.name] == []


def test_failed_migration_step_rolls_back_to_the_last_good_version(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    with LibraryStore.open(path) as store:
        store.upsert_track("/music/a.wav")

    def broken_step(conn):
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION + 1, broken_step)
    conn = db.connect(path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
            db.migrate(conn, path, target=SCHEMA_VERSION + 1)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
        assert "half_done" not in names
    finally:
        conn.close()
    assert len([p for p in tmp_path.iterdir() if f".bak-v{SCHEMA_VERSION}-" in p.name]) == 1
    with LibraryStore.open(path) as store:
        assert [s.path for s in store.tracks()] == ["/music/a.wav"]
