"""Session playlists on a library tagged from REAL audio (BatchTagger on clips of the in-repo music).

Six 12 s clips are cut with soundfile (WAV, native rate) from freely licensed game music (the
demo clips and the reference excerpts, tests/fixtures/music.py), tagged once per module by the
real batch tagger and model, then every start→goal journey is planned. Skips cleanly when a
trained model is not available.
"""

from __future__ import annotations

import itertools
import math

import pytest

from tmer_desktop.cli import main as tmer_main
from tmer_desktop.errors import TmerError
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.playlists.builder import (
    ENDPOINT_WARNING_DISTANCE,
    MONOTONE_TOLERANCE,
    NoSuitableTracksError,
    SessionRequest,
    build_session,
)
from tmer_desktop.playlists.candidates import load_candidates
from tmer_desktop.playlists.m3u import read_m3u8
from tmer_desktop.playlists.space import EMOTIONS, track_position, training_tempo_scale

from fixtures.music import BATCAVE, BATTLE, CALM, CITY_BLUES, MADEIRA, SAD

pytestmark = pytest.mark.slow  # six clips batch-tagged first

CLIPS = (  # (source, start s in it): 20-32 s of the tracks of the demo clips, 30-42 s of the others
    (SAD, 20.0), (BATTLE, 15.0), (CALM, 0.0), (MADEIRA, 10.0), (CITY_BLUES, 0.0), (BATCAVE, 0.0),
)
CLIP_S = 12.0  # short clips keep the tagging (the slow part of this module) to seconds of work


def _cut_clips(folder):
    import soundfile as sf

    paths = []
    for source, start_s in CLIPS:
        info = sf.info(str(source))
        start = int(start_s * info.samplerate)
        data, rate = sf.read(str(source), start=start, frames=int(CLIP_S * info.samplerate), always_2d=True)
        target = folder / (source.stem + ".wav")
        sf.write(str(target), data, rate, subtype="PCM_16")
        paths.append(target)
    return paths


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    try:
        from tmer_desktop.model import bundle

        bundle.load_model()
        from tmer_desktop.tagging.runner import BatchTagger
    except (ImportError, TmerError, OSError) as exc:
        pytest.skip(f"no trained model or batch tagger available yet: {exc}")
    root = tmp_path_factory.mktemp("playlists-audio")
    clips = root / "clips"
    clips.mkdir()
    paths = _cut_clips(clips)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TMER_DATA_DIR", str(root / "data"))
        mp.setenv("TMER_CACHE_DIR", str(root / "cache"))
        with LibraryStore.open() as store:
            # One worker: a single warm-up compile costs less CPU than two for six short clips.
            summary = BatchTagger(paths, jobs=1, store=store).run()
            assert summary.done == len(paths) and summary.failed == 0, summary
            yield store, clips


def test_every_journey_on_real_tags_is_monotone_timed_and_unique(tagged):
    store, _ = tagged
    pool = load_candidates(store)
    assert len(pool) == len(CLIPS)
    scale = training_tempo_scale()
    for c in pool.by_id.values():  # tempo (when the extractor found one) nudges arousal as documented
        assert c.tempo is None or c.tempo > 0
        assert c.position == pytest.approx(track_position(c.probabilities, c.tempo, scale))
    built = 0
    for start, goal in itertools.product(EMOTIONS, EMOTIONS):
        request = SessionRequest(goal=goal, minutes=0.5, start=start)
        try:
            plan = build_session(request, pool)
        except NoSuitableTracksError as exc:
            assert f"{start} → {goal}" in str(exc) and "too far from the path" in str(exc)
            continue
        built += 1
        ids = plan.track_ids
        assert len(ids) == len(set(ids))
        assert plan.progress_drops(MONOTONE_TOLERANCE) == [], (start, goal, [s.progress for s in plan.slots])
        assert plan.total_s <= plan.target_s + plan.tolerance_s
        if plan.total_s < plan.target_s - plan.tolerance_s:
            assert any("could be filled" in w for w in plan.warnings)
        for slot in plan.slots:
            assert slot.waypoint_distance >= 0 and slot.candidate.label in EMOTIONS
        # A library without music near the goal says so instead of pretending to arrive.
        if math.dist(plan.slots[-1].candidate.position, plan.path.goal) > ENDPOINT_WARNING_DISTANCE:
            assert any(f"near the goal ({plan.goal})" in w for w in plan.warnings)
    assert built >= 4  # the clips cover more than one corner of the space


def test_measured_start_and_the_cli_on_the_real_library(tagged, tmp_path, capsys):
    store, clips = tagged
    pool = load_candidates(store)
    start = max(pool.by_id.values(), key=lambda c: c.position[1])  # the most aroused clip
    goal = min(pool.by_id.values(), key=lambda c: c.position[1]).label  # the calmest clip's mood
    plan = build_session(SessionRequest(goal=goal, minutes=0.5, start_track_id=start.track_id), pool)
    assert plan.path.start == start.position and plan.slots

    out = tmp_path / "session.m3u8"
    code = tmer_main(["playlist", "--from", plan.start_mood, "--to", goal, "--minutes", "0.5", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    entries = read_m3u8(out)
    assert entries and all(e.path.startswith(str(clips)) and e.duration == pytest.approx(CLIP_S, abs=1)
                           for e in entries)
