"""`tmer playlist`: plan a therapy session from the tagged library and write it as M3U8 (and CSV).

The planning is playlists.builder's, the files playlists.sessions'; this module turns the
arguments into a SessionRequest and says on the terminal what was planned and written.
"""

from __future__ import annotations

import math
import sys

from tmer_desktop.commands.notices import print_open_notices
from tmer_desktop.console import for_terminal
from tmer_desktop.errors import UsageError
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.playlists.builder import MAX_MINUTES, Constraints, SessionRequest, build_session
from tmer_desktop.playlists.candidates import load_candidates
from tmer_desktop.playlists.sessions import export_csv, export_m3u8, save_plan
from tmer_desktop.playlists.space import MoodError, resolve_mood
from tmer_desktop.vocabulary import EMOTIONS


def _check_args(args) -> None:
    """The arguments a person types, in their words, before the library is opened."""
    start = str(args.start).strip()
    if not start.isdigit() and start.lower() not in EMOTIONS:
        raise UsageError(f"--from {args.start}: not a mood; use one of {', '.join(EMOTIONS)}, or a track id "
                         f"from 'tmer library list' to measure the starting mood from that track")
    try:
        resolve_mood(args.goal)
    except MoodError as exc:
        raise UsageError(f"--to: {exc.args[0]}") from None
    minutes = float(args.minutes)
    if not math.isfinite(minutes) or minutes <= 0 or minutes > MAX_MINUTES:
        raise UsageError(f"--minutes {args.minutes:g}: a session must last more than 0 minutes and at most "
                         f"{MAX_MINUTES} minutes ({MAX_MINUTES // 60} hours)")


def _request_from_args(args) -> SessionRequest:
    start = str(args.start).strip().lower()
    cons = Constraints.make(
        exclude=getattr(args, "exclude", None) or (),
        must_include=getattr(args, "include", None) or (),
        genres=getattr(args, "genre", None) or (),
        artists=getattr(args, "artist", None) or (),
        languages=getattr(args, "language", None) or (),
    )
    if start.isdigit():  # --from 42: measure the starting mood from library track 42
        return SessionRequest(goal=args.goal, minutes=args.minutes, start_track_id=int(start), constraints=cons)
    return SessionRequest(goal=args.goal, minutes=args.minutes, start=start, constraints=cons)


def playlist_command(args) -> int:
    """`tmer playlist --from MOOD|TRACK_ID --to GOAL --minutes N --out FILE.m3u8`.

    Optional attributes (used when the parser provides them): relative (bool), csv (path),
    title (str), save (bool: store the session in the library), exclude / include (track
    ids), genre / artist / language (lists of strings).
    """
    _check_args(args)
    request = _request_from_args(args)
    with LibraryStore.open() as store:
        print_open_notices(store, "playlist")
        pool = load_candidates(store)
        plan = build_session(request, pool)
        title = getattr(args, "title", None) or f"{plan.start_mood} to {plan.goal}, {float(args.minutes):g} min"
        count = export_m3u8(plan, args.out, relative=bool(getattr(args, "relative", False)), title=title)
        csv_out = getattr(args, "csv", None)
        if csv_out:
            export_csv(plan, csv_out)
        library = store.path
        if getattr(args, "save", False):
            session_id = save_plan(store, plan, title)
            print(for_terminal(f"saved as session {session_id} in the library {store.path}"))
    for warning in plan.warnings:
        print(for_terminal(f"tmer playlist: warning: {warning}"), file=sys.stderr)
    print(plan.summary())
    print(for_terminal(f"wrote {count} track(s) to {args.out}" + (f" and {csv_out}" if csv_out else "")))
    print(for_terminal(f"tmer playlist: from the library {library}"), file=sys.stderr)
    return 0
