"""Sessions in the library and as files: save/load a SessionPlan, export M3U8 and CSV.

The library's `sessions` row keeps title, client pseudonym, notes, goal and start mood; each
`session_items` row keeps the track, its lock and its reason (the slot's one-line
explanation, kept by the library as a translatable message; a loaded slot has it as
`saved_reason`). Positions, waypoints and progress are derived again on load, from the start
mood's corner (a measured start is saved as its dominant mood) and the saved order.
"""

from __future__ import annotations

import io
import os

from tmer_desktop.atomic import atomic_write_text
from tmer_desktop.csvfile import SafeCsvWriter
from tmer_desktop.playlists.builder import (
    Constraints,
    IsoPath,
    PlaylistError,
    SessionPlan,
    SessionRequest,
    Slot,
    _default_tolerance,
)
from tmer_desktop.playlists.candidates import CandidatePool
from tmer_desktop.playlists.m3u import PlaylistEntry, write_m3u8
from tmer_desktop.playlists.space import CORNERS, resolve_mood
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

CSV_COLUMNS = [
    "position", "track_id", "path", "title", "artist", "duration_s", "start_s", "emotion",
    "confidence", "decision", "p_happy", "p_sad", "p_angry", "p_relaxed", "valence", "arousal",
    "waypoint_valence", "waypoint_arousal", "waypoint_distance", "progress", "step", "locked",
    "source", "reason",
]


def save_plan(store, plan: SessionPlan, title: str, *, client_pseudonym: str = "", notes: str = "",
              session_id: int | None = None) -> int:
    """Save (or overwrite, with session_id) the plan as a library session; returns its id."""
    items = [{"track_id": s.track_id, "locked": s.locked, "reason": s.reason(plan.goal)} for s in plan.slots]
    return store.save_session(
        title.strip(), items, session_id=session_id, client_pseudonym=client_pseudonym.strip(),
        notes=notes, goal=plan.goal, start_mood=plan.start_mood,
    )


def load_plan(store, session_id: int, pool: CandidatePool) -> tuple[object, SessionPlan]:
    """(SessionRow, SessionPlan) of a saved session. Tracks no longer tagged are left out
    and named in plan.warnings."""
    row = store.session(session_id)
    if row is None:
        raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "There is no saved session with id {id}.")
                            .format(id=session_id))
    goal = resolve_mood(row.goal or "relaxed")
    start = row.start_mood or goal
    slots, missing = [], []
    for item in store.session_items(session_id):
        c = pool.get(item.track_id)
        if c is None:
            missing.append(item.title or os.path.basename(item.path))
            continue
        slots.append(Slot(c, locked=item.locked, source="saved", saved_reason=item.reason or None))
    total = sum(s.candidate.duration for s in slots)
    request = SessionRequest(goal=goal, minutes=max(total, 1.0) / 60.0, start=start,
                             constraints=Constraints())
    plan = SessionPlan(request=request, pool=pool, path=IsoPath(CORNERS[start], CORNERS[goal]),
                       start_mood=start, goal=goal, target_s=max(total, 1.0),
                       tolerance_s=_default_tolerance(max(total, 1.0), pool.by_id.values()), slots=slots)
    if missing:
        titles = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        plan.warnings.append(QT_TRANSLATE_NOOP(
            "Playlists", "{count} track(s) of this session are no longer usable: {titles}")
            .format(count=len(missing), titles=titles))
    plan.annotate()
    return row, plan


def playlist_entries(plan: SessionPlan) -> list[PlaylistEntry]:
    return [PlaylistEntry(s.candidate.path, s.candidate.duration, s.candidate.display_title) for s in plan.slots]


def export_m3u8(plan: SessionPlan, path: str | os.PathLike, *, relative: bool = False,
                title: str | None = None) -> int:
    if not plan.slots:
        raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "The session is empty: there is nothing to export."))
    return write_m3u8(path, playlist_entries(plan), relative=relative, title=title)


def format_csv(plan: SessionPlan) -> str:
    buffer = io.StringIO()
    # Titles come from tags: SafeCsvWriter keeps a spreadsheet from running them as formulas.
    writer = SafeCsvWriter(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i, s in enumerate(plan.slots, 1):
        c = s.candidate
        writer.writerow([
            i, c.track_id, c.path, c.title or "", c.artist or "", f"{c.duration:.3f}", f"{s.start_s:.3f}",
            c.label, f"{c.confidence:.4f}", c.decision,
            *(f"{c.probabilities[e]:.4f}" for e in ("happy", "sad", "angry", "relaxed")),
            f"{c.position[0]:.4f}", f"{c.position[1]:.4f}", f"{s.waypoint[0]:.4f}", f"{s.waypoint[1]:.4f}",
            f"{s.waypoint_distance:.4f}", f"{s.progress:.4f}", "" if s.step is None else f"{s.step:.4f}",
            int(s.locked), s.source, str(s.reason(plan.goal)),
        ])
    return buffer.getvalue()


def export_csv(plan: SessionPlan, path: str | os.PathLike) -> int:
    """One row per slot (with its reasons), written atomically; returns the row count."""
    atomic_write_text(path, format_csv(plan))
    return len(plan.slots)
