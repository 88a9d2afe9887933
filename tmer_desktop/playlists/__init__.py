"""Therapy-session playlists (iso principle), Qt-free. See docs/playlists.md.

    space.py       valence/arousal placement of emotions and tracks (tempo as a secondary cue)
    candidates.py  load_candidates(store) -> CandidatePool of tagged, playable tracks
    builder.py     SessionRequest, Constraints, build_session() -> SessionPlan (with editing)
    sessions.py    save_plan / load_plan (library), export_m3u8, export_csv
    m3u.py         write_m3u8 / read_m3u8
"""
