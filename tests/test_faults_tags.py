"""Fault injection for --write-tags: the user's music folder is never harmed.

Real files, real processes, a real read-only mount (skipped where the machine cannot mount),
a real kill in the middle of a write. Each test reproduces a fault that harmed files before
(issue 20, items 1-3) and checks it cannot any more.
"""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import mutagen
import numpy as np
import pandas as pd
import pytest
import soundfile as sf

from tmer_desktop.hashing import file_sha256
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.settings import Settings
from tmer_desktop.tagging import inplace
from tmer_desktop.tagging.filetags import TagsOutdatedError, TagWriteError, tag_values, write_emotion_tags
from tmer_desktop.tagging.runner import BatchTagger
from tmer_desktop.tagging.scan import scan

from conftest import REPO_ROOT

VALUES = tag_values("relaxed", 0.81234, "label", "2026.12-test")
WINDOW, HOP = 6.0, 3.0


def _music(path: Path, seconds: float, seed: int, sr: int = 22050, **kwargs) -> Path:
    """A few seconds of something music-like (chords over a pulse with noise), never silent."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * sr)) / sr
    base = 110.0 * 2 ** (seed % 12 / 12)
    y = sum(np.sin(2 * np.pi * base * k * t) / k for k in (1, 1.5, 2, 3))
    y *= 0.5 + 0.5 * (np.sin(2 * np.pi * (1 + seed % 3) * t) > 0)
    y = 0.2 * y / np.max(np.abs(y)) + 0.02 * rng.standard_normal(t.size)
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, y.astype(np.float32), sr, **kwargs)
    return path


def _emotion_tag(path: Path) -> str | None:
    tags = mutagen.File(path).tags
    if tags is None:
        return None
    for key in ("TXXX:TMER_EMOTION", "TMER_EMOTION"):
        if key in tags:
            value = tags[key]
            return str(value.text[0] if hasattr(value, "text") else value[0])
    return None


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tmer(*args, env_extra=None, **kwargs):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "tmer_desktop.cli", *args], capture_output=True, text=True,
                          env=env, cwd=REPO_ROOT, **kwargs)


# ----------------------------------------------------------------- 1. read-only music folder
@pytest.fixture
def read_only_folder(tmp_path):
    """tmp_path/src bind-mounted read-only at tmp_path/ro (needs root and mount rights)."""
    src, ro = tmp_path / "src", tmp_path / "ro"
    src.mkdir()
    ro.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root and mount(8); not available here")
    if subprocess.run(["mount", "--bind", str(src), str(ro)], capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow bind mounts (container without CAP_SYS_ADMIN)")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)], capture_output=True).returncode != 0:
            pytest.skip("this machine does not allow read-only remounts")
        yield src, ro
    finally:
        subprocess.run(["umount", str(ro)], capture_output=True)


@pytest.mark.slow  # a real batch or process: seconds
def test_write_tags_on_a_read_only_folder_warns_per_file_and_the_batch_goes_on(read_only_folder, tmp_path, data_dir):
    src, ro = read_only_folder
    _music(src / "t.wav", 8, 1)
    _music(src / "t.ogg", 8, 2, format="OGG", subtype="VORBIS")
    _music(src / "zz_last.wav", 8, 3)
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    out = tmp_path / "r.csv"

    done = _tmer("tag", str(ro), "--out", str(out), "--write-tags", "--jobs", "1", timeout=600)

    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    rows = pd.read_csv(out)
    assert sorted(Path(p).name for p in rows["path"]) == ["t.ogg", "t.wav", "zz_last.wav"]
    assert rows["label"].notna().all()  # analysed and reported, the tags aside
    for name in before:
        assert f"{ro / name}: tagged, but the tags could not be written: the file is on a read-only disk" in done.stderr
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before


# ------------------------------------------------------- 2. file replaced while it is tagged
@pytest.mark.slow  # a real batch or process: seconds
def test_a_file_replaced_during_its_analysis_is_analysed_again_never_stamped_with_the_old_emotion(tmp_path, data_dir):
    root = tmp_path / "music"
    target = _music(root / "x.wav", 60, 4)
    replacement = _music(tmp_path / "other.wav", 24, 9)
    store = LibraryStore.open(tmp_path / "library.sqlite3")
    replaced = []

    def on_progress(progress):
        # Once the worker is at it, the user saves other music under the same name.
        if progress.current and not replaced and progress.elapsed > 0:
            replaced.append(time.monotonic())
        elif replaced and len(replaced) == 1 and time.monotonic() - replaced[0] > 1.0:
            shutil.copyfile(replacement, target)
            replaced.append(time.monotonic())

    tagger = BatchTagger([root], window=WINDOW, hop=HOP, store=store, settings=Settings(), jobs=1, write_tags=True)
    results = []
    tagger.run(on_result=results.append, on_progress=on_progress)

    assert len(replaced) == 2, "the file was not replaced during the run"
    assert len(results) == 1 and results[0].label is not None, results
    row = store.track_by_path(str(target))
    assert row.content_hash == file_sha256(target)  # the library's bytes are the file's bytes
    assert row.duration == pytest.approx(24, abs=0.1)  # ... and its analysis is of the new music
    prediction = store.predictions_for_track(row.id, level="track")[-1]
    assert _emotion_tag(target) == prediction.label == results[0].label
    store.close()


def test_tags_are_not_written_into_bytes_other_than_those_analysed(tmp_path, data_dir):
    path = _music(tmp_path / "a.wav", 3, 5)
    before = path.read_bytes()
    with pytest.raises(TagsOutdatedError) as info:
        write_emotion_tags(path, VALUES, expected_sha256=_sha(b"what was analysed"))
    assert str(path) in str(info.value) and "changed after it was analysed" in str(info.value)
    assert path.read_bytes() == before
    written = write_emotion_tags(path, VALUES, expected_sha256=_sha(before))
    assert written.sha256 == file_sha256(path) != _sha(before)
    assert _emotion_tag(path) == "relaxed"


# --------------------------------------------------- 3. links, ownership, refusal, leftovers
def test_a_symbolic_link_has_its_target_tagged_and_stays_a_link(tmp_path, data_dir):
    real = _music(tmp_path / "store" / "song.flac", 3, 6, format="FLAC")
    link = tmp_path / "music" / "song.flac"
    link.parent.mkdir()
    link.symlink_to(real)
    listing = sorted(os.listdir(link.parent))

    write_emotion_tags(link, VALUES)

    assert link.is_symlink() and os.readlink(link) == str(real)
    assert _emotion_tag(real) == "relaxed"
    assert sorted(os.listdir(link.parent)) == listing


def test_hard_links_ownership_and_permissions_are_kept(tmp_path, data_dir):
    path = _music(tmp_path / "music" / "song.ogg", 3, 7, format="OGG", subtype="VORBIS")
    other_name = tmp_path / "elsewhere.ogg"
    os.link(path, other_name)
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 5678)
    before = path.stat()
    samples_before, _ = sf.read(path)

    write_emotion_tags(path, VALUES)

    after = path.stat()
    assert (after.st_ino, after.st_nlink, after.st_uid, after.st_gid, after.st_mode) == (
        before.st_ino, 2, before.st_uid, before.st_gid, before.st_mode)
    assert _emotion_tag(other_name) == "relaxed"  # one file under two names, both tagged
    assert np.array_equal(sf.read(path)[0], samples_before)
    assert sorted(os.listdir(path.parent)) == ["song.ogg"]
    assert list(inplace.journal_dir().iterdir()) == []  # nothing left in the journal either


def _write_tags_as(uid: int | None, path: Path) -> str:
    """write_emotion_tags in a forked child running as `uid` (None: as we are); its error text.

    A fork, not a new interpreter: the interpreter may live where that user cannot read."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, try, report, exit without running pytest's teardown
        status = 0
        try:
            os.close(read_end)
            if uid is not None:
                os.setgroups([])
                os.setgid(uid)
                os.setuid(uid)
            try:
                write_emotion_tags(path, tag_values("sad", 0.9, "label", "v"))
                message = "written"
            except TagWriteError as exc:
                message = str(exc)
            os.write(write_end, message.encode())
        except BaseException:  # noqa: BLE001 - the forked child must reach os._exit; the parent asserts the status
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        message = fh.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return message


def test_a_file_the_user_cannot_write_is_refused_not_replaced(tmp_path, data_dir):
    # Root may write anything, so as root the refusal is checked for an ordinary user
    # (nobody), who may write the folder (so a rename over the file would have worked).
    folder = Path(tempfile.mkdtemp(prefix="tmer-perm-", dir="/tmp"))
    try:
        path = _music(folder / "theirs.wav", 3, 8)
        folder.chmod(0o777)
        path.chmod(0o644 if os.geteuid() == 0 else 0o444)
        before, owner = path.read_bytes(), path.stat()

        message = _write_tags_as(65534 if os.geteuid() == 0 else None, path)

        assert message == (f"{path}: cannot write tags "
                           "(you do not have permission to change this file; it was left as it is)")
        after = path.stat()
        assert path.read_bytes() == before
        assert (after.st_ino, after.st_uid, after.st_mode) == (owner.st_ino, owner.st_uid, owner.st_mode)
        assert sorted(os.listdir(folder)) == ["theirs.wav"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_copies_left_by_earlier_versions_are_never_music_and_are_removed(tmp_path, data_dir):
    root = tmp_path / "music"
    song = _music(root / "song.wav", 8, 10)
    leftover = root / ".song.wav.k2j4h1.tmer-tmp"
    shutil.copyfile(song, leftover)
    found = scan([root])
    assert found.audio == [str(song)] and found.leftovers == [str(leftover)]

    store = LibraryStore.open(tmp_path / "library.sqlite3")
    results = []
    BatchTagger([root], window=WINDOW, hop=HOP, store=store, settings=Settings(), jobs=1).run(
        on_result=results.append)
    assert [r.path for r in results] == [str(song)]
    assert not leftover.exists()
    assert [t.path for t in store.tracks()] == [str(song)]
    store.close()


# ------------------------------------------------------------- a kill in the middle of a write
_WRITER = """
import sys
from tmer_desktop.tagging.filetags import tag_values, write_emotion_tags
write_emotion_tags(sys.argv[1], tag_values("angry", 0.7, "label", "v"))
"""


def test_a_write_killed_midway_is_undone_at_the_next_start(tmp_path, data_dir):
    # 96 MB of audio, so that writing it back takes long enough to be caught in the act.
    path = tmp_path / "long.wav"
    rng = np.random.default_rng(11)
    sf.write(path, (rng.standard_normal((1_000_000 * 12, 2)) * 3000).astype(np.int16), 44100, subtype="PCM_16")
    original = file_sha256(path)
    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], cwd=REPO_ROOT)
    deadline = time.monotonic() + 120
    try:
        while not any(inplace.journal_dir().glob("*/info.json")):  # committed: the overwrite starts now
            assert child.poll() is None, "the writer finished before it could be stopped"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()

    info = json.loads(next(inplace.journal_dir().glob("*/info.json")).read_text())
    notices = inplace.recover_interrupted()

    assert file_sha256(path) in (original, info["new_sha256"])  # never a mixture
    if file_sha256(path) == original:
        assert notices and "was interrupted" in str(notices[0])
    assert list(inplace.journal_dir().iterdir()) == []


def test_recovery_restores_a_partly_written_file_and_leaves_other_changes_alone(tmp_path, data_dir):
    path = _music(tmp_path / "song.wav", 20, 12)
    original = path.read_bytes()
    tagged = tmp_path / "tagged.wav"
    shutil.copyfile(path, tagged)
    write_emotion_tags(tagged, VALUES)  # the real writer's new bytes for this file
    new = tagged.read_bytes()
    # What a kill at byte k leaves, with the journal entry as it was at that moment.
    entry = inplace.journal_dir() / "tag-killed"
    entry.mkdir(parents=True)
    (entry / "original").write_bytes(original)
    (entry / "work").write_bytes(new)
    (entry / "info.json").write_text(json.dumps(
        {"target": str(path), "original_sha256": _sha(original), "new_sha256": _sha(new)}))
    k = len(new) // 2
    path.write_bytes(new[:k] + original[k:])

    notices = inplace.recover_interrupted()
    assert path.read_bytes() == original
    assert [str(n) for n in notices] == [
        f"Writing tags into {path} was interrupted; the file was restored as it was before."]

    # A file the user changed since (not a partial write of ours) is theirs: left alone.
    entry.mkdir()
    (entry / "original").write_bytes(original)
    (entry / "work").write_bytes(new)
    (entry / "info.json").write_text(json.dumps(
        {"target": str(path), "original_sha256": _sha(original), "new_sha256": _sha(new)}))
    theirs = b"RIFF" + bytes(1000)
    path.write_bytes(theirs)
    assert inplace.recover_interrupted() == []
    assert path.read_bytes() == theirs
    assert list(inplace.journal_dir().iterdir()) == []


def test_tag_write_failures_never_leave_copies(tmp_path, data_dir):
    text = tmp_path / "notes.mp3"
    text.write_text("not audio")
    with pytest.raises(TagWriteError):
        write_emotion_tags(text, VALUES)
    assert sorted(os.listdir(tmp_path)) == ["notes.mp3"]  # refused before any copy was made
