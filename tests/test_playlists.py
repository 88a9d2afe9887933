"""Session builder on a library filled through the real LibraryStore API (no audio needed).

The real-audio end-to-end version is tests/test_playlists_audio.py.
"""

from __future__ import annotations

import csv
import math
import random

import pytest

from tmer_desktop.cli import main as tmer_main
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.playlists.builder import (
    MONOTONE_TOLERANCE,
    Constraints,
    NoSuitableTracksError,
    PlaylistError,
    SessionRequest,
    build_session,
)
from tmer_desktop.playlists.candidates import load_candidates
from tmer_desktop.playlists.m3u import PlaylistFileError, read_m3u8
from tmer_desktop.playlists.sessions import export_csv, export_m3u8, load_plan, save_plan
from tmer_desktop.playlists.space import (
    CORNERS,
    TempoScale,
    probability_position,
    resolve_mood,
    track_position,
    training_tempo_scale,
)

EMOTIONS = ("happy", "sad", "angry", "relaxed")


def _decide(p):
    label = max(p, key=p.get)
    conf = p[label]
    top2 = sum(sorted(p.values())[-2:])
    return label, conf, "label" if conf >= 0.75 else ("top-2" if top2 >= 0.9 else "review")


def fill_library(store, folder, n=80, seed=7, duration=(120.0, 300.0), genre=None):
    """n tracks with random (peaked) probabilities, real files on disk, real store rows."""
    rng = random.Random(seed)
    ids = []
    for i in range(n):
        f = folder / f"track{i:03d}.wav"
        f.write_bytes(b"RIFF")  # the builder only checks that the file exists
        tid = store.upsert_track(f, duration=rng.uniform(*duration), title=f"Track {i}",
                                 artist=f"Artist {i % 4}", genre=genre or ("folk" if i % 2 else "pop"))
        weights = [rng.random() ** 3 for _ in EMOTIONS]
        total = sum(weights)
        p = {e: w / total for e, w in zip(EMOTIONS, weights)}
        label, conf, decision = _decide(p)
        store.add_predictions(tid, "test-model", [dict(probabilities=p, label=label, confidence=conf,
                                                       decision=decision)])
        ids.append(tid)
    return ids


@pytest.fixture
def store(data_dir):
    with LibraryStore.open() as s:
        yield s


@pytest.fixture
def library(store, tmp_path):
    folder = tmp_path / "music"
    folder.mkdir()
    ids = fill_library(store, folder)
    return store, ids, folder


# ---------------------------------------------------------------- placement
def test_corners_and_mixes_are_placed_by_probability():
    assert probability_position({"happy": 1, "sad": 0, "angry": 0, "relaxed": 0}) == (1.0, 1.0)
    assert probability_position({"happy": 0, "sad": 0, "angry": 1, "relaxed": 0}) == (-1.0, 1.0)
    v, a = probability_position({"happy": 0.5, "sad": 0, "angry": 0, "relaxed": 0.5})
    assert v == pytest.approx(1.0) and a == pytest.approx(0.0)
    assert resolve_mood("Relaxing") == "relaxed" and resolve_mood("energizing") == "happy"
    with pytest.raises(ValueError, match="Unknown mood 'furious'"):
        resolve_mood("furious")


def test_tempo_nudges_arousal_with_the_documented_weight():
    scale = training_tempo_scale()
    assert scale is not None and 100 < scale.mean < 150 and 20 < scale.std < 50
    probs = {"happy": 0.5, "sad": 0.0, "angry": 0.0, "relaxed": 0.5}
    fast = track_position(probs, scale.mean + 2 * scale.std, scale)
    slow = track_position(probs, scale.mean - 2 * scale.std, scale)
    assert fast == pytest.approx((1.0, 0.2)) and slow == pytest.approx((1.0, -0.2))
    assert track_position(probs, None, scale) == pytest.approx((1.0, 0.0))
    assert TempoScale(120, 30).arousal(float("nan")) is None


# ---------------------------------------------------------------- building
@pytest.mark.parametrize("start,goal", [("sad", "relaxed"), ("angry", "relaxing"), ("sad", "energizing")])
def test_session_moves_towards_the_goal_within_duration_without_repeats(library, start, goal):
    store, _, _ = library
    pool = load_candidates(store)
    plan = build_session(SessionRequest(goal=goal, minutes=45, start=start), pool)
    ids = plan.track_ids
    assert len(ids) == len(set(ids)) >= 5
    assert plan.within_duration(), (plan.total_s, plan.target_s, plan.tolerance_s)
    assert plan.progress_drops(MONOTONE_TOLERANCE) == []
    # Starts nearer the starting mood than it ends, ends near the goal.
    first, last = plan.slots[0].candidate.position, plan.slots[-1].candidate.position
    start_pt, goal_pt = CORNERS[resolve_mood(start)], CORNERS[resolve_mood(goal)]
    assert math.dist(first, start_pt) < math.dist(last, start_pt)
    assert math.dist(last, goal_pt) < math.dist(first, goal_pt)
    assert plan.slots[-1].progress > 0.6
    for slot in plan.slots:
        reason = slot.reason(plan.goal)
        assert slot.candidate.label.capitalize() in reason and "from the planned point" in reason


def test_confidently_tagged_tracks_are_preferred(store, tmp_path):
    # Two tracks at the same place; only the decision differs.
    for name, decision in (("sure", "label"), ("unsure", "review")):
        f = tmp_path / f"{name}.wav"
        f.write_bytes(b"x")
        tid = store.upsert_track(f, duration=200.0, title=name)
        p = {"happy": 0.0, "sad": 0.0, "angry": 0.0, "relaxed": 1.0}
        store.add_predictions(tid, "m", [dict(probabilities=p, label="relaxed", confidence=0.9, decision=decision)])
    plan = build_session(SessionRequest(goal="relaxed", minutes=3.5, start="relaxed", tolerance_s=30),
                         load_candidates(store))
    assert [s.candidate.title for s in plan.slots] == ["sure"]


def test_constraints_exclude_include_and_filter(library):
    store, ids, _ = library
    pool = load_candidates(store)
    base = build_session(SessionRequest(goal="relaxed", minutes=30, start="sad"), pool)
    excluded = base.track_ids[:3]
    wanted = next(i for i in ids if i not in base.track_ids)
    cons = Constraints.make(exclude=excluded, must_include=[wanted], genres=["Folk"])
    plan = build_session(SessionRequest(goal="relaxed", minutes=30, start="sad", constraints=cons), pool)
    assert wanted in plan.track_ids
    assert not set(excluded) & set(plan.track_ids)
    others = [s for s in plan.slots if s.track_id != wanted]
    assert others and all(s.candidate.genre == "folk" for s in others)
    assert next(s for s in plan.slots if s.track_id == wanted).source == "must-include"
    with pytest.raises(PlaylistError, match="both excluded and required"):
        build_session(SessionRequest(goal="relaxed", minutes=30, start="sad",
                                     constraints=Constraints.make(exclude=[wanted], must_include=[wanted])), pool)


def test_measured_start_from_a_track(library):
    store, ids, _ = library
    pool = load_candidates(store)
    angry = max(pool.by_id.values(), key=lambda c: c.probabilities["angry"])
    plan = build_session(SessionRequest(goal="relaxed", minutes=30, start_track_id=angry.track_id), pool)
    assert plan.start_mood == "angry" and plan.path.start == angry.position
    with pytest.raises(PlaylistError, match="Track 99999 cannot give the starting mood"):
        build_session(SessionRequest(goal="relaxed", minutes=30, start_track_id=99999), pool)


def test_empty_library_gives_a_clear_message(store):
    with pytest.raises(NoSuitableTracksError, match="no tagged tracks.*Tag a music folder first"):
        build_session(SessionRequest(goal="relaxed", minutes=45, start="sad"), load_candidates(store))


def test_untagged_and_missing_files_are_counted_in_the_message(store, tmp_path):
    f = tmp_path / "a.wav"
    f.write_bytes(b"x")
    store.upsert_track(f, duration=100.0)
    gone = store.upsert_track(tmp_path / "gone.wav", duration=100.0)
    store.add_predictions(gone, "m", [dict(probabilities={"happy": 1, "sad": 0, "angry": 0, "relaxed": 0},
                                           label="happy", confidence=1.0, decision="label")])
    with pytest.raises(NoSuitableTracksError) as info:
        build_session(SessionRequest(goal="relaxed", minutes=45, start="sad"), load_candidates(store))
    assert "1 not tagged yet" in str(info.value) and "1 whose file is missing" in str(info.value)


def test_library_far_from_the_path_gives_a_clear_message(store, tmp_path):
    # Only angry and happy music: nothing near the calm path sad -> relaxed.
    for i, emo in enumerate(("angry", "happy", "angry")):
        f = tmp_path / f"{i}.wav"
        f.write_bytes(b"x")
        tid = store.upsert_track(f, duration=180.0, title=f"loud {i}")
        p = {e: (0.9 if e == emo else 0.1 / 3) for e in EMOTIONS}
        store.add_predictions(tid, "m", [dict(probabilities=p, label=emo, confidence=0.9, decision="label")])
    with pytest.raises(NoSuitableTracksError, match=r"No track in the library suits the journey sad → relaxed "
                                                     r"\(3 too far from the path\)"):
        build_session(SessionRequest(goal="relaxed", minutes=20, start="sad"), load_candidates(store))


def test_too_short_session_and_bad_requests(library):
    store, _, _ = library
    pool = load_candidates(store)
    with pytest.raises(NoSuitableTracksError, match="shortest suitable track lasts"):
        build_session(SessionRequest(goal="relaxed", minutes=0.5, start="sad", tolerance_s=0), pool)
    for minutes in (0, -5, float("nan"), "abc", 10**6):
        with pytest.raises(PlaylistError, match="session length"):
            build_session(SessionRequest(goal="relaxed", minutes=minutes, start="sad"), pool)
    with pytest.raises(PlaylistError, match="Goal: Unknown mood 'zen'"):
        build_session(SessionRequest(goal="zen", minutes=10, start="sad"), pool)


def test_a_library_without_music_near_the_goal_says_so(store, tmp_path):
    # Only sad music: sad -> happy cannot arrive, and the plan must not pretend it does.
    for i in range(5):
        f = tmp_path / f"{i}.wav"
        f.write_bytes(b"x")
        tid = store.upsert_track(f, duration=120.0)
        p = {"happy": 0.02, "sad": 0.9, "angry": 0.04, "relaxed": 0.04}
        store.add_predictions(tid, "m", [dict(probabilities=p, label="sad", confidence=0.9, decision="label")])
    plan = build_session(SessionRequest(goal="happy", minutes=6, start="sad"), load_candidates(store))
    assert plan.slots
    assert any("little music near the goal (happy)" in w for w in plan.warnings)
    assert not any("starting mood" in w for w in plan.warnings)


def test_short_library_warns_about_the_shortfall(store, tmp_path):
    fill_library(store, tmp_path, n=6, seed=3)
    plan = build_session(SessionRequest(goal="relaxed", minutes=600, start="sad"), load_candidates(store))
    assert plan.slots and any("could be filled" in w for w in plan.warnings)


# ---------------------------------------------------------------- editing
def test_editing_reorder_remove_lock_replace_replan(library):
    store, _, _ = library
    plan = build_session(SessionRequest(goal="relaxed", minutes=45, start="sad"), load_candidates(store))
    ids = plan.track_ids
    plan.move(0, len(plan) - 1)
    assert plan.track_ids == ids[1:] + ids[:1]
    assert plan.slots[0].step is None
    assert plan.slots[-1].start_s == pytest.approx(plan.total_s - plan.slots[-1].candidate.duration)
    plan.reorder(ids)
    assert plan.track_ids == ids
    with pytest.raises(PlaylistError, match="exactly the tracks"):
        plan.reorder(ids[:-1])

    removed = plan.remove(2)
    assert removed.track_id not in plan.track_ids
    plan.set_locked(1)
    locked_id = plan.slots[1].track_id

    suggestions = plan.suggestions(3, k=4)
    assert 1 <= len(suggestions) <= 4
    assert all(s.candidate.track_id not in plan.track_ids and s.candidate.track_id != removed.track_id
               for s in suggestions)
    assert [s.score for s in suggestions] == sorted(s.score for s in suggestions)
    new_id = suggestions[0].candidate.track_id
    old_id = plan.slots[3].track_id
    plan.replace(3, new_id)
    assert plan.slots[3].track_id == new_id and plan.slots[3].source == "user"
    with pytest.raises(PlaylistError, match="already in this session"):
        plan.replace(0, new_id)

    spare = next(i for i in plan.pool.by_id if i not in plan.track_ids and i != removed.track_id)
    plan.insert(0, spare)
    assert plan.track_ids[0] == spare and plan.slots[0].source == "user" and plan.slots[1].step is not None
    plan.remove(0)

    plan.replan()
    assert locked_id in plan.track_ids
    assert removed.track_id not in plan.track_ids and old_id not in plan.track_ids
    assert len(plan.track_ids) == len(set(plan.track_ids))
    assert plan.within_duration()
    with pytest.raises(PlaylistError, match="no slot 99"):
        plan.remove(98)


# ---------------------------------------------------------------- persistence and files
def test_session_saved_in_the_library_and_loaded_back(library):
    store, _, _ = library
    pool = load_candidates(store)
    plan = build_session(SessionRequest(goal="relaxed", minutes=30, start="sad"), pool)
    plan.set_locked(0)
    sid = save_plan(store, plan, "Week 3", client_pseudonym="Client K", notes="calm evening")
    row = store.session(sid)
    assert (row.title, row.client_pseudonym, row.notes, row.goal, row.start_mood) == (
        "Week 3", "Client K", "calm evening", "relaxed", "sad")
    items = store.session_items(sid)
    assert [i.track_id for i in items] == plan.track_ids
    assert items[0].locked and "of the way to relaxed" in items[0].reason
    row2, loaded = load_plan(store, sid, pool)
    assert loaded.track_ids == plan.track_ids and loaded.slots[0].locked
    assert [round(s.progress, 6) for s in loaded.slots] == [round(s.progress, 6) for s in plan.slots]


@pytest.mark.parametrize("relative", [False, True])
def test_m3u8_round_trip(library, tmp_path, relative):
    store, _, folder = library
    plan = build_session(SessionRequest(goal="relaxed", minutes=30, start="sad"), load_candidates(store))
    out_dir = tmp_path / "exports" / "deep"
    out_dir.mkdir(parents=True)
    target = out_dir / "session.m3u8"
    assert export_m3u8(plan, target, relative=relative, title="Week 3") == len(plan)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("#EXTM3U\n#PLAYLIST:Week 3\n#EXTINF:")
    paths = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert all(p.startswith("../../music/") for p in paths) if relative else all(p.startswith("/") for p in paths)
    entries = read_m3u8(target)
    assert [e.path for e in entries] == [s.candidate.path for s in plan.slots]
    assert [e.duration for e in entries] == [round(s.candidate.duration) for s in plan.slots]
    assert [e.title for e in entries] == [s.candidate.display_title for s in plan.slots]
    assert not list(out_dir.glob(".*.tmp"))


def test_m3u8_reader_rejects_bad_files(tmp_path):
    binary = tmp_path / "x.m3u8"
    binary.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(PlaylistFileError, match="x.m3u8: this is a binary file"):
        read_m3u8(binary)
    latin = tmp_path / "l.m3u8"
    latin.write_bytes("#EXTM3U\ncaf\xe9.mp3\n".encode("latin-1"))
    with pytest.raises(PlaylistFileError, match="not UTF-8"):
        read_m3u8(latin)
    with pytest.raises(PlaylistFileError, match="does not exist"):
        read_m3u8(tmp_path / "none.m3u8")
    with pytest.raises(PlaylistFileError, match="folder"):
        read_m3u8(tmp_path)


def test_a_path_with_a_line_break_is_refused_not_split(tmp_path):
    from tmer_desktop.playlists.m3u import PlaylistEntry, write_m3u8

    target = tmp_path / "s.m3u8"
    with pytest.raises(PlaylistFileError, match="contains a line break"):
        write_m3u8(target, [PlaylistEntry("/music/evil\n#EXTINF:1,x.wav", 10.0, "x")])
    assert not target.exists()


def test_export_to_an_unwritable_place_names_the_file(library, tmp_path):
    store, _, _ = library
    plan = build_session(SessionRequest(goal="relaxed", minutes=20, start="sad"), load_candidates(store))
    target = tmp_path / "no-such-folder" / "s.m3u8"
    with pytest.raises(Exception, match=r"Could not write .*s\.m3u8"):
        export_m3u8(plan, target)


def test_csv_export_has_one_row_per_slot_with_reasons(library, tmp_path):
    store, _, _ = library
    plan = build_session(SessionRequest(goal="happy", minutes=20, start="sad"), load_candidates(store))
    target = tmp_path / "s.csv"
    assert export_csv(plan, target) == len(plan)
    with open(target, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [int(r["track_id"]) for r in rows] == plan.track_ids
    assert all(r["reason"] and r["emotion"] in EMOTIONS for r in rows)
    assert float(rows[-1]["progress"]) == pytest.approx(plan.slots[-1].progress, abs=1e-4)


# ---------------------------------------------------------------- CLI
def test_cli_playlist_writes_the_m3u8(library, tmp_path, capsys):
    out = tmp_path / "session.m3u8"
    assert tmer_main(["playlist", "--from", "sad", "--to", "relaxed", "--minutes", "45", "--out", str(out)]) == 0
    entries = read_m3u8(out)
    assert 5 <= len(entries) and len({e.path for e in entries}) == len(entries)
    assert "sad → relaxed" in capsys.readouterr().out


def test_cli_playlist_on_an_empty_library_says_what_to_do(data_dir, tmp_path, capsys):
    out = tmp_path / "session.m3u8"
    assert tmer_main(["playlist", "--from", "sad", "--to", "relaxed", "--minutes", "45", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "tmer playlist: The library has no tagged tracks" in err and "tmer tag" in err
    assert not out.exists()
