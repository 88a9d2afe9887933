"""Folder scan: audio recognised by content and name, loops, broken links, vanished and unreadable files."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.tagging.scan import audio_kind, describe_content, read_head, scan

from conftest import REPO_ROOT
from fixtures.music import CALM, CITY_BLUES, SAD, excerpt


@pytest.fixture(scope="module")
def music(tmp_path_factory):
    """Real music in four encodings: the demo's Ogg Vorbis as shipped, and MP3 (22.05 kHz, as
    LAME writes it: no ID3 tag, a frame sync first), PCM WAV and Ogg Opus excerpts written now."""
    folder = tmp_path_factory.mktemp("formats")
    return {
        "vorbis.ogg": SAD,
        "machine.mp3": excerpt(CITY_BLUES, folder / "machine.mp3", 0, 6),
        "excerpt.wav": excerpt(SAD, folder / "excerpt.wav", 10, 6),
        "excerpt.opus": excerpt(CALM, folder / "excerpt.opus", 10, 6),
    }


@pytest.mark.parametrize("name, kind", [
    ("vorbis.ogg", "OGG"),
    ("machine.mp3", "MP3"),
    ("excerpt.wav", "WAV"),
    ("excerpt.opus", "OGG"),
])
def test_real_files_are_recognised_by_content(music, name, kind):
    assert audio_kind(read_head(music[name])) == kind


def test_generated_formats_and_non_audio_content(tmp_path):
    tone = np.sin(np.linspace(0, 440 * 2 * np.pi, 8000))
    for suffix, kind in ((".flac", "FLAC"), (".aiff", "AIFF"), (".wav", "WAV")):
        sf.write(tmp_path / f"t{suffix}", tone, 8000)
        assert audio_kind(read_head(tmp_path / f"t{suffix}")) == kind
    assert audio_kind(b"\x89PNG\r\n\x1a\n" + bytes(50)) is None
    assert describe_content(b"\x89PNG\r\n\x1a\n" + bytes(50)) == "a PNG image"
    assert audio_kind(b"hello, this is text\n") is None
    assert describe_content(b"hello, this is text\n") == "text"
    assert audio_kind(b"RIFF\x00\x00\x00\x00AVI LIST") is None
    assert "AVI" in describe_content(b"RIFF\x00\x00\x00\x00AVI LIST")
    # JPEG starts with 0xFF like an MPEG frame, but is not one.
    assert audio_kind(b"\xff\xd8\xff\xe0\x00\x10JFIF") is None


def test_scan_sorts_audio_from_non_audio(tmp_path, music):
    root = tmp_path / "music"
    (root / "album" / "disc2").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(SAD, root / "album" / "sad.ogg")
    shutil.copy(music["machine.mp3"], root / "album" / "disc2" / "machine.MP3")
    shutil.copy(SAD, root / "track_without_extension")
    shutil.copy(SAD, root / ".hidden" / "secret.ogg")
    (root / "album" / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (root / "notes.txt").write_text("liner notes")
    (root / "album" / "._sad.ogg").write_bytes(b"\x00\x05\x16\x07" + bytes(60))  # macOS AppleDouble
    (root / "empty_unknown").write_bytes(b"")
    (root / "image_named.mp3").write_bytes(b"\x89PNG\r\n\x1a\n")  # audio name: a candidate (gets an error row)

    result = scan([root])

    rel = sorted(os.path.relpath(p, root) for p in result.audio)
    assert rel == ["album/disc2/machine.MP3", "album/sad.ogg", "image_named.mp3", "track_without_extension"]
    assert sorted(os.path.relpath(p, root) for p in result.non_audio) == [
        "album/._sad.ogg", "album/cover.png", "empty_unknown", "notes.txt"]
    assert result.problems == []
    assert all(os.path.isabs(p) for p in result.audio)


def test_symlink_loops_and_broken_links_are_problems(tmp_path):
    root = tmp_path / "music"
    (root / "a").mkdir(parents=True)
    sf.write(root / "a" / "tone.wav", np.zeros(800), 8000)
    os.symlink(root, root / "a" / "back_to_top")  # a folder loop
    os.symlink(root / "a", root / "alias_of_a")  # a second way into the same folder: listed once
    os.symlink("self.ogg", root / "self.ogg")  # a link pointing at itself
    os.symlink(tmp_path / "gone.mp3", root / "dangling.mp3")
    os.symlink(tmp_path / "gone.txt", root / "dangling.txt")  # not audio by name: ignored

    result = scan([root])

    assert [os.path.relpath(p, root) for p in result.audio] == ["a/tone.wav"]
    problems = {os.path.relpath(p.path, root): p.reason for p in result.problems}
    assert set(problems) == {"a/back_to_top", "self.ogg", "dangling.mp3"}
    assert "symbolic link loop" in problems["a/back_to_top"]
    assert "symbolic link loop" in problems["self.ogg"]
    assert "broken symbolic link" in problems["dangling.mp3"]
    assert [os.path.basename(p) for p in result.non_audio] == ["dangling.txt"]


def test_explicit_paths_missing_paths_and_vanishing_files(tmp_path):
    sf.write(tmp_path / "a.wav", np.zeros(800), 8000)
    sf.write(tmp_path / "b.wav", np.zeros(800), 8000)
    oddly_named = tmp_path / "recording.data"
    oddly_named.write_text("not audio at all")

    def delete_b(folder, names):  # b.wav vanishes between listing and reading
        if "b.wav" in names:
            os.unlink(Path(folder) / "b.wav")

    result = scan([tmp_path, oddly_named, tmp_path / "nope"], on_directory=delete_b)

    assert [os.path.basename(p) for p in result.audio] == ["a.wav", "recording.data"]
    problems = {os.path.basename(p.path): p.reason for p in result.problems}
    assert "vanished during the scan" in problems["b.wav"]
    assert "not found" in problems["nope"]


def _drop_file_access_override():
    """Root reads files whatever their mode; drop the two capabilities that let it
    (CAP_DAC_OVERRIDE=1, CAP_DAC_READ_SEARCH=2) from the child's bounding set, so the
    permission bits apply to it like to any user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _scan_in_subprocess(target: Path) -> subprocess.CompletedProcess:
    code = (
        "import sys; from tmer_desktop.tagging.scan import scan; r = scan([sys.argv[1]]);"
        "[print('PROBLEM', p.path, '|', p.reason) for p in r.problems];"
        "[print('AUDIO', a) for a in r.audio]"
    )
    as_root = os.geteuid() == 0
    return subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True,
                          cwd=REPO_ROOT, preexec_fn=_drop_file_access_override if as_root else None,
                          timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses Linux permissions and capabilities")
def test_permission_denied_folder_and_file(tmp_path):
    root = tmp_path / "perm"
    (root / "locked_folder").mkdir(parents=True)
    sf.write(root / "open.wav", np.zeros(800), 8000)
    sf.write(root / "locked_folder" / "inside.wav", np.zeros(800), 8000)
    (root / "unreadable_unknown").write_bytes(b"OggS" + bytes(60))
    os.chmod(root / "unreadable_unknown", 0)
    os.chmod(root / "locked_folder", 0)
    try:
        done = _scan_in_subprocess(root)
    except subprocess.SubprocessError as exc:  # preexec_fn failed: no capability to drop
        pytest.skip(f"cannot drop root's file-access capabilities here: {exc}")
    finally:
        os.chmod(root / "locked_folder", 0o755)
        os.chmod(root / "unreadable_unknown", 0o644)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"AUDIO {root / 'open.wav'}" in lines
    problems = [line for line in lines if line.startswith("PROBLEM")]
    assert any("locked_folder" in line and "permission denied" in line for line in problems), lines
    assert any("unreadable_unknown" in line and "permission denied" in line for line in problems), lines
