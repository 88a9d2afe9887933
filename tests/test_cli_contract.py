"""`tmer` never surprises: every bad argument is one line on stderr and exit status 2, checked
before any work starts; `--library DIR` on every command; `tmer library list|info|remove`;
help with a description, examples and defaults. Real processes of `python -m tmer_desktop.cli`."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tmer_desktop import cli, logs, paths
from tmer_desktop.library.store import LibraryStore

from fixtures.music import BATCAVE, CITY_BLUES, SAD

REPO = Path(__file__).resolve().parent.parent


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ, TMER_DATA_DIR=str(data), PYTHONPATH=str(REPO))
    env.pop("TMER_CACHE_DIR", None)
    return env


def _start(args: list[str], data: Path, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tmer_desktop.cli", *args], env=_env(data), cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(args: list[str], data: Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    proc = _start(args, data, cwd)
    out, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _run_all(cases: list[list[str]], data: Path, cwd: Path) -> list[subprocess.CompletedProcess]:
    """Start the cases a few at a time (each is a short process) and collect them."""
    results = []
    for i in range(0, len(cases), 6):
        procs = [_start(args, data, cwd) for args in cases[i:i + 6]]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.txt").write_text("not music")
    with LibraryStore.open(tmp_path / "data" / "library.sqlite3"):
        pass  # an existing, empty library
    return tmp_path


# Garbage for every sub-command (refused by the parser: quick), ...
GARBAGE = [
    (["nosuchcommand"], "invalid choice"),
    (["--library"], "expected one argument"),
    (["features"], "FILE"),
    (["features", "--csv", "--json", "x.wav"], "not allowed with"),
    (["tag", "--jobs", "x", "a", "--out", "r.csv"], "--jobs"),
    (["tag", "a"], "--out"),
    (["evaluate", "--folds", "x"], "--folds"),
    (["train", "--bogus"], "unrecognized arguments: --bogus"),
    (["export-feedback"], "--out"),
    (["playlist", "--from", "sad", "--to", "relaxed", "--minutes", "abc", "--out", "p.m3u8"], "--minutes"),
    (["library"], "ACTION"),
    (["library", "list", "--emotion", "joyful"], "invalid choice: 'joyful'"),
    (["library", "info"], "TRACK"),
    (["library", "recover"], "FILE"),
]
# ... and values the parser accepts but the command refuses before any work.
REFUSED = [
    (["tag", "empty", "--out", "r.csv", "--jobs", "0"], "--jobs must be at least 1"),
    (["tag", "empty", "--out", "r.txt"], "name the file .csv or .parquet"),
    (["tag", "empty", "--out", "nofolder/r.csv"], "does not exist"),
    (["tag", "empty", "--out", "/proc/r.csv"], "cannot write in the folder /proc"),
    (["tag", "empty", "--out", "r.csv", "--windows", "/proc/w.csv"], "cannot write in the folder /proc"),
    (["features", "no/such.wav"], "not found (no such file): no/such.wav"),
    (["tag", "no/such/path", "--out", "r.csv"], "not found (no such file or folder): no/such/path"),
    (["tag", "empty", "--out", "r.csv"], "no audio files found in empty"),
    (["tag", "notes", "--out", "r.csv"], "no audio files found in notes (1 non-audio file(s) ignored)"),
    (["evaluate", "--folds", "1"], "--folds 1: cross-validation needs at least 2 folds"),
    (["evaluate", "--repeats", "0"], "--repeats 0"),
    (["evaluate", "--model", "/nonexistent"], "--model /nonexistent: not found"),
    (["evaluate", "--jobs", "0"], "--jobs must be at least 1"),
    (["export-feedback", "--out", "nofolder/f.csv"], "does not exist"),
    (["playlist", "--from", "sad", "--to", "relaxed", "--minutes", "0", "--out", "p.m3u8"],
     "a session must last more than 0 minutes and at most 1440 minutes (24 hours)"),
    (["playlist", "--from", "relaxing", "--to", "relaxed", "--minutes", "10", "--out", "p.m3u8"],
     "--from relaxing: not a mood; use one of happy, sad, angry, relaxed"),
    (["playlist", "--from", "sad", "--to", "nowhere", "--minutes", "10", "--out", "p.m3u8"],
     "Unknown mood 'nowhere'"),
    (["playlist", "--from", "sad", "--to", "relaxed", "--minutes", "10", "--out", "p.m3u8"], "no tagged tracks"),
    (["library", "info", "99"], "not in the library"),
    (["library", "remove"], "give the track ids or paths to remove"),
    (["library", "remove", "99", "no/such.mp3"], "not in the library"),
    (["library", "remove", "--demo"], "holds no bundled demo clips"),
    (["library", "list", "--library", "nosuchdir"], "no library there"),
    (["--library", "empty", "library", "list"], "no library there"),
    (["playlist", "--from", "sad", "--to", "relaxed", "--minutes", "10", "--out", "p.m3u8", "--library",
      "notes/readme.txt"], "is a file, not a folder"),
]


def test_garbage_arguments_of_every_command_are_one_line_and_exit_status_2(workspace):
    _check_refused(GARBAGE, workspace)


@pytest.mark.slow
def test_refused_values_are_one_line_and_exit_status_2_before_any_work(workspace):
    _check_refused(REFUSED, workspace)


def _check_refused(cases, workspace) -> None:
    results = _run_all([args for args, _ in cases], workspace / "data", workspace)
    for (args, expected), out in zip(cases, results):
        shown = " ".join(args)
        assert out.returncode == 2, f"tmer {shown}: exit {out.returncode}\n{out.stderr}"
        assert "Traceback" not in out.stderr + out.stdout, f"tmer {shown}:\n{out.stderr}"
        lines = [line for line in out.stderr.splitlines() if not line.startswith("[0/0]")]
        assert len(lines) == 1, f"tmer {shown}: not one line:\n{out.stderr}"
        assert lines[0].startswith("tmer"), lines[0]
        assert expected in lines[0], f"tmer {shown}: {lines[0]!r} does not say {expected!r}"
    # Nothing was written by a refused command.
    assert not (workspace / "r.csv").exists() and not (workspace / "p.m3u8").exists()
    assert not (workspace / "nosuchdir").exists()


def test_help_has_a_description_examples_and_defaults_for_every_command():
    parser = cli.build_parser()
    commands = [["tmer"]]
    for name, child in parser._subparsers._group_actions[0].choices.items():
        commands.append([name])
        for action in child._actions:
            if isinstance(action, type(parser._subparsers._group_actions[0])):
                commands += [[name, sub] for sub in action.choices]
    for words in commands:
        args = [] if words == ["tmer"] else words
        text = _help_text(parser, args)
        assert "examples:" in text and "exit status:" in text, words
        assert "--library DIR" in text, words
        assert len(text.split("\n\n")[1]) > 40, f"{words}: no description"
        for line in text.splitlines():
            if line.startswith("  -") and not line.strip().startswith("-h"):
                assert len(line.split(None, 1)) == 2 or line.strip().count(" ") >= 1, f"{words}: {line!r}"
    evaluate = _help_text(parser, ["evaluate"])
    assert "(default: 10)" in evaluate and "(default: 3)" in evaluate  # --folds, --repeats


def _help_text(parser, args: list[str]) -> str:
    target = parser
    for word in args:
        target = next(a for a in target._actions if isinstance(a, type(parser._subparsers._group_actions[0])))\
            .choices[word]
    return target.format_help()


def test_every_option_has_help():
    parser = cli.build_parser()

    def walk(p, words):
        for action in p._actions:
            if isinstance(action, type(parser._subparsers._group_actions[0])):
                for name, child in action.choices.items():
                    yield from walk(child, [*words, name])
            elif action.dest != "help":
                yield words, action

    missing = [(w, a.dest) for w, a in walk(parser, []) if not a.help and a.dest != "version"]
    assert not missing


def test_decoder_notes_stay_off_the_terminal(tmp_path):
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(bytes(range(256)) * 400)  # binary that is no MP3: mpg123 complains on fd 2
    out = run(["features", str(junk)], tmp_path / "data", tmp_path)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        f"tmer features: {junk}: not a recognised audio format (the file is unrecognised binary data)"]
    log = tmp_path / "data" / "cache" / "logs" / logs.DECODER_LOG
    assert "MPEG header" in log.read_text()  # kept, in the log


@pytest.mark.slow
def test_tag_library_list_info_remove_with_library_dir(tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    for clip in (CITY_BLUES, BATCAVE):
        shutil.copy(clip, music / clip.name)
    (music / "broken.mp3").write_text("this is text, not audio")
    home = tmp_path / "home"  # TMER_DATA_DIR: must stay unused, --library wins
    lib = tmp_path / "project"
    out = run(["tag", str(music), "--out", "r.csv", "--library", str(lib), "--jobs", "2"], home, tmp_path)
    assert out.returncode == 1, out.stderr  # one file failed
    assert "Traceback" not in out.stderr
    assert f"wrote 3 row(s) to r.csv; library: {lib / 'library.sqlite3'}" in out.stderr
    assert "2 tagged, 1 failed" in out.stderr
    assert (lib / "library.sqlite3").is_file() and not (home / "library.sqlite3").exists()
    with open(tmp_path / "r.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0])
    assert header[:10] == ["path", "label", "confidence", "decision", "p_happy", "p_sad", "p_angry",
                           "p_relaxed", "n_windows", "error"]
    assert header[-5:] == ["track_id", "title", "artist", "album", "duration"]
    tagged = [r for r in rows if r["label"]]
    assert len(tagged) == 2
    for row in tagged:
        for column in ("confidence", "p_happy", "p_sad", "p_angry", "p_relaxed"):
            assert len(row[column].split(".")[-1]) <= 4, row[column]
        assert row["track_id"].isdigit() and float(row["duration"]) == pytest.approx(30.0, abs=0.1)

    again = run(["tag", str(music), "--out", "r.csv", "--library", str(lib)], home, tmp_path)
    assert again.returncode == 1 and "0 tagged, 1 failed, 2 already up to date" in again.stderr

    listed = run(["--library", str(lib), "library", "list", "--json"], home, tmp_path)
    assert listed.returncode == 0
    records = json.loads(listed.stdout)
    assert {Path(r["path"]).name for r in records} == {CITY_BLUES.name, BATCAVE.name, "broken.mp3"}
    assert f"3 track(s) in {lib / 'library.sqlite3'}" in listed.stderr
    blues = next(r for r in records if Path(r["path"]).name == CITY_BLUES.name)
    table = run(["library", "list", "--library", str(lib), "--failed"], home, tmp_path)
    assert table.returncode == 0 and "broken.mp3" in table.stdout and CITY_BLUES.name not in table.stdout

    info = run(["library", "info", str(blues["id"]), "--library", str(lib), "--json"], home, tmp_path)
    assert info.returncode == 0
    detail = json.loads(info.stdout)
    assert detail["path"] == blues["path"] and detail["windows"]["count"] >= 1
    assert sum(detail["windows"]["labels"].values()) == detail["windows"]["count"]

    removed = run(["library", "remove", str(blues["id"]), "--library", str(lib)], home, tmp_path)
    assert removed.returncode == 0 and f"removed track {blues['id']}" in removed.stdout
    assert "the audio files were not touched" in removed.stderr
    assert (music / CITY_BLUES.name).is_file()  # the audio file stays
    with LibraryStore.open(lib / "library.sqlite3") as store:
        assert store.track(blues["id"]) is None and len(store.tracks()) == 2
    gone = run(["library", "info", str(blues["id"]), "--library", str(lib)], home, tmp_path)
    assert gone.returncode == 2 and "not in the library" in gone.stderr


def test_library_remove_demo_clears_demo_tracks_only(tmp_path):
    lib = tmp_path / "lib"
    with LibraryStore.open(lib / "library.sqlite3") as store:
        demo_id = store.upsert_track(str(SAD))
        own_id = store.upsert_track(str(tmp_path / "mine.mp3"))
    out = run(["library", "remove", "--demo", "--library", str(lib)], tmp_path / "home", tmp_path)
    assert out.returncode == 0, out.stderr
    assert f"removed track {demo_id}: {SAD}" in out.stdout
    with LibraryStore.open(lib / "library.sqlite3") as store:
        assert store.track(demo_id) is None and store.track(own_id) is not None
    assert SAD.is_file()


def test_demo_library_is_apart_from_the_users(tmp_path, monkeypatch):
    monkeypatch.setenv("TMER_DATA_DIR", str(tmp_path))
    assert paths.demo_data_dir() == tmp_path / "demo"
    assert not paths.is_demo_data_dir(tmp_path)
    paths.mark_demo_data_dir(paths.demo_data_dir())
    assert paths.is_demo_data_dir(tmp_path / "demo") and not paths.is_demo_data_dir(tmp_path)


@pytest.mark.slow
def test_evaluate_says_how_far_it_is(tmp_path):
    out = run(["evaluate", "--repeats", "1", "--folds", "2", "--json"], tmp_path / "data", tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    assert lines[0] == "tmer evaluate: 1 x 2-fold cross-validation on the training data (about a minute on a laptop)"
    assert [line.split(",")[0] for line in lines[1:3]] == ["cross-validation: 1/2 folds", "cross-validation: 2/2 folds"]
    assert json.loads(out.stdout)["protocol"]
