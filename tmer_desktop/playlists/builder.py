"""Therapy-session playlists by the iso principle: start near the client's mood, move in
small steps to the goal. Qt-free; the GUI (ui/session_view.py) and `tmer playlist` use it.

How a session is planned (figures are the module constants below):

1. Place every candidate in valence/arousal space (space.py). The path runs in a straight
   line from the start (a mood's corner, or a measured track's position) to the goal's
   corner, reached after (1 - SETTLE_FRACTION) of the time; the rest of the session stays
   at the goal. The waypoint for a moment of the session is the path point at that time.
2. Only tracks within SUITABLE_DISTANCE of the path (the straight segment) are suitable.
3. Greedy fill, one slot at a time: the chosen track minimises
       distance(track, waypoint at the track's middle)
       + STEP_WEIGHT * distance(track, previous track)          (small steps)
       + DECISION_PENALTY[decision] + CONFIDENCE_WEIGHT * (1 - confidence)  (sure tags first)
   among unused tracks that keep the total within target + tolerance. Filling stops once
   the total is within the tolerance and no further track brings it closer to the target.
4. The chosen tracks (and the must-include ones) are finally ordered by decreasing distance
   to the goal, so the session never moves away from the goal; locked slots keep their
   relative order and the others are merged around them by the same rule.

Duration tolerance (default): max(10 % of the target, half the median candidate duration),
so a 45-minute session of 4-minute songs ends between 40.5 and 49.5 minutes.

Editing (SessionPlan): move, remove, set_locked, suggestions(i), replace(i, track_id) and
replan() (keeps locked slots, refills the rest). Every slot carries why it is there: its
emotion, confidence and decision, its distance to the planned point, how far along the
path it is, and the step from the previous track.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tmer_desktop.console import for_terminal
from tmer_desktop.errors import UsageError
from tmer_desktop.playlists.candidates import Candidate, CandidatePool
from tmer_desktop.playlists.space import (
    CORNERS,
    MAX_DISTANCE,
    MoodError,
    Point,
    distance,
    dominant_emotion,
    probability_position,
    resolve_mood,
)
from tmer_desktop.translatable import QT_TRANSLATE_NOOP, joined
from tmer_desktop.wording import decision_word, emotion_title, emotion_word

DECISION_PENALTY: dict[str, float] = {"label": 0.0, "top-2": 0.15, "review": 0.4}
CONFIDENCE_WEIGHT = 0.2
STEP_WEIGHT = 0.3
SETTLE_FRACTION = 0.2
SUITABLE_DISTANCE = 1.0
TOLERANCE_FRACTION = 0.10
MAX_MINUTES = 24 * 60
# A session whose first track is this far from the start, or whose last track is this far
# from the goal, gets a warning: the library lacks music near that mood.
ENDPOINT_WARNING_DISTANCE = 0.75
# Progress may dip this much between neighbours and still count as "towards the goal"
# (only user edits or locked slots can make it dip; planned sessions never do).
MONOTONE_TOLERANCE = 0.05

# Why a candidate is left out of a session (Constraints.rejects and the path's distance), as a
# counted phrase for "No track in the library suits the journey … (3 excluded; 2 of another genre)".
REJECTION_PHRASES: dict[str, str] = {
    "excluded": QT_TRANSLATE_NOOP("Playlists", "{count} excluded"),
    "of unknown genre": QT_TRANSLATE_NOOP("Playlists", "{count} of unknown genre"),
    "of another genre": QT_TRANSLATE_NOOP("Playlists", "{count} of another genre"),
    "of unknown artist": QT_TRANSLATE_NOOP("Playlists", "{count} of unknown artist"),
    "of another artist": QT_TRANSLATE_NOOP("Playlists", "{count} of another artist"),
    "of unknown language": QT_TRANSLATE_NOOP("Playlists", "{count} of unknown language"),
    "of another language": QT_TRANSLATE_NOOP("Playlists", "{count} of another language"),
    "too far from the path": QT_TRANSLATE_NOOP("Playlists", "{count} too far from the path"),
}
# Where a slot came from, when not from the planner (Slot.source).
SOURCE_WORDS: dict[str, str] = {
    "must-include": QT_TRANSLATE_NOOP("Playlists", "must include"),
    "user": QT_TRANSLATE_NOOP("Playlists", "your choice"),
    "saved": QT_TRANSLATE_NOOP("Playlists", "saved"),
}


class PlaylistError(UsageError):
    """A session cannot be built or edited as asked; the message says why and what to do
    (`tmer playlist` exits with 2: writing the files is what fails with 1)."""


class NoSuitableTracksError(PlaylistError):
    """The library has nothing usable for the requested session."""


@dataclass(frozen=True)
class Constraints:
    """What the user wants in or out. Filters compare case-insensitively.

    A genre/artist/language filter removes tracks whose tag is known and different; tracks
    with the tag unknown stay unless include_unknown is False.
    """

    exclude: frozenset[int] = frozenset()
    must_include: tuple[int, ...] = ()
    genres: frozenset[str] = frozenset()
    artists: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    include_unknown: bool = True

    @staticmethod
    def make(*, exclude: Iterable[int] = (), must_include: Iterable[int] = (),
             genres: Iterable[str] = (), artists: Iterable[str] = (), languages: Iterable[str] = (),
             include_unknown: bool = True) -> Constraints:
        norm = lambda values: frozenset(v.strip().lower() for v in values if v and v.strip())  # noqa: E731
        return Constraints(frozenset(int(i) for i in exclude), tuple(dict.fromkeys(int(i) for i in must_include)),
                           norm(genres), norm(artists), norm(languages), include_unknown)

    def rejects(self, c: Candidate) -> str | None:
        """Why the candidate is filtered out, or None."""
        if c.track_id in self.exclude:
            return "excluded"
        for wanted, value, what in ((self.genres, c.genre, "genre"), (self.artists, c.artist, "artist"),
                                    (self.languages, c.language, "language")):
            if not wanted:
                continue
            if value is None or not value.strip():
                if not self.include_unknown:
                    return f"of unknown {what}"
            elif value.strip().lower() not in wanted:
                return f"of another {what}"
        return None


@dataclass(frozen=True)
class SessionRequest:
    """What the therapist asks for. Start: a mood word, a track id, or measured probabilities."""

    goal: str
    minutes: float
    start: str | None = None
    start_track_id: int | None = None
    start_probabilities: Mapping[str, float] | None = None
    constraints: Constraints = Constraints()
    tolerance_s: float | None = None
    settle_fraction: float = SETTLE_FRACTION


@dataclass(frozen=True)
class IsoPath:
    """The planned trajectory: start → goal in a straight line, then settle at the goal."""

    start: Point
    goal: Point
    settle_fraction: float = SETTLE_FRACTION

    def at(self, t: float) -> Point:
        """Waypoint at session fraction t (0 = beginning, 1 = end)."""
        travel = 1.0 - self.settle_fraction
        u = 1.0 if travel <= 0 else min(1.0, max(0.0, t) / travel)
        return (self.start[0] + (self.goal[0] - self.start[0]) * u,
                self.start[1] + (self.goal[1] - self.start[1]) * u)

    def progress(self, p: Point) -> float:
        """1 at the goal, 0 as far from it as the start (negative: farther than the start)."""
        span = distance(self.start, self.goal)
        return 1.0 - distance(p, self.goal) / (span if span > 1e-9 else MAX_DISTANCE)

    def distance_to_segment(self, p: Point) -> float:
        sx, sy = self.start
        dx, dy = self.goal[0] - sx, self.goal[1] - sy
        length2 = dx * dx + dy * dy
        u = 0.0 if length2 < 1e-12 else max(0.0, min(1.0, ((p[0] - sx) * dx + (p[1] - sy) * dy) / length2))
        return distance(p, (sx + u * dx, sy + u * dy))

    def sample(self, n: int = 50) -> list[Point]:
        return [self.at(i / (n - 1)) for i in range(n)]


@dataclass
class Slot:
    """One track in the session and why it is there (the fields after `source` are derived)."""

    candidate: Candidate
    locked: bool = False
    source: str = "planner"  # planner | must-include | user | saved
    start_s: float = 0.0
    session_fraction: float = 0.0  # middle of the track, as a fraction of the session
    waypoint: Point = (0.0, 0.0)
    waypoint_distance: float = 0.0
    progress: float = 0.0
    step: float | None = None  # V/A distance from the previous track
    saved_reason: str | None = None  # the reason stored with a saved session (a Message when marked)

    @property
    def track_id(self) -> int:
        return self.candidate.track_id

    def reason(self, goal: str) -> str:
        """Why the track is here, e.g. "Relaxed 86% (label) · 86% of the way to relaxed · 0.03 from
        the planned point · step 0.28" (a translatable message: each phrase is translated)."""
        c = self.candidate
        parts = [
            QT_TRANSLATE_NOOP("Playlists", "{emotion} {confidence:.0f}% ({decision})").format(
                emotion=emotion_title(c.label), confidence=100.0 * c.confidence, decision=decision_word(c.decision)),
            QT_TRANSLATE_NOOP("Playlists", "{share:.0f}% of the way to {goal}").format(
                share=100.0 * max(0.0, self.progress), goal=emotion_word(goal)),
            QT_TRANSLATE_NOOP("Playlists", "{distance:.2f} from the planned point").format(
                distance=self.waypoint_distance),
        ]
        if self.step is not None:
            parts.append(QT_TRANSLATE_NOOP("Playlists", "step {step:.2f}").format(step=self.step))
        if self.source in SOURCE_WORDS:
            parts.append(SOURCE_WORDS[self.source])
        if self.locked:
            parts.append(QT_TRANSLATE_NOOP("Playlists", "locked"))
        return joined(parts, QT_TRANSLATE_NOOP("Playlists", "{list} · {item}"))


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    score: float
    waypoint_distance: float
    new_total_s: float


def _quality_penalty(c: Candidate) -> float:
    return DECISION_PENALTY.get(c.decision, DECISION_PENALTY["review"]) + CONFIDENCE_WEIGHT * (1.0 - c.confidence)


@dataclass
class SessionPlan:
    """A planned (and possibly edited) session. Edits re-derive every slot's reasons."""

    request: SessionRequest
    pool: CandidatePool
    path: IsoPath
    start_mood: str
    goal: str
    target_s: float
    tolerance_s: float
    slots: list[Slot] = field(default_factory=list)
    removed: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ reading
    @property
    def total_s(self) -> float:
        return sum(s.candidate.duration for s in self.slots)

    @property
    def track_ids(self) -> list[int]:
        return [s.track_id for s in self.slots]

    def __len__(self) -> int:
        return len(self.slots)

    def within_duration(self) -> bool:
        return abs(self.total_s - self.target_s) <= self.tolerance_s + 1e-6

    def progress_drops(self, tolerance: float = MONOTONE_TOLERANCE) -> list[int]:
        """Indices i where slot i is farther from the goal than slot i-1 by more than tolerance."""
        return [i for i in range(1, len(self.slots))
                if self.slots[i].progress < self.slots[i - 1].progress - tolerance]

    def annotate(self) -> None:
        """Recompute every slot's time, waypoint, distance, progress and step."""
        total = self.total_s or 1.0
        elapsed = 0.0
        previous: Point | None = None
        for slot in self.slots:
            c = slot.candidate
            slot.start_s = elapsed
            slot.session_fraction = (elapsed + c.duration / 2.0) / total
            slot.waypoint = self.path.at(slot.session_fraction)
            slot.waypoint_distance = distance(c.position, slot.waypoint)
            slot.progress = self.path.progress(c.position)
            slot.step = None if previous is None else distance(previous, c.position)
            previous = c.position
            elapsed += c.duration

    def summary(self) -> str:
        """The plan for the terminal, one slot a line (titles with control characters escaped)."""
        lines = [f"{self.start_mood} → {self.goal}: {len(self.slots)} track(s), "
                 f"{self.total_s / 60:.1f} of {self.target_s / 60:.1f} min "
                 f"(tolerance ±{self.tolerance_s / 60:.1f} min)"]
        for i, slot in enumerate(self.slots, 1):
            lines.append(f"{i:3d}. {for_terminal(slot.candidate.display_title)} "
                         f"[{slot.candidate.duration / 60:.1f} min] — {slot.reason(self.goal)}")
        return "\n".join(lines)

    # ------------------------------------------------------------------ editing
    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.slots):
            raise PlaylistError(QT_TRANSLATE_NOOP(
                "Playlists", "There is no slot {number} in this session (it has {count}).")
                .format(number=index + 1, count=len(self.slots)))

    def move(self, source: int, destination: int) -> None:
        self._check_index(source)
        slot = self.slots.pop(source)
        self.slots.insert(max(0, min(destination, len(self.slots))), slot)
        self.annotate()

    def reorder(self, track_ids: Sequence[int]) -> None:
        """Put the slots in the given order (a permutation of the current track ids)."""
        if sorted(track_ids) != sorted(self.track_ids):
            raise PlaylistError(QT_TRANSLATE_NOOP(
                "Playlists", "The new order must contain exactly the tracks of the session."))
        by_id = {s.track_id: s for s in self.slots}
        self.slots = [by_id[t] for t in track_ids]
        self.annotate()

    def remove(self, index: int) -> Slot:
        self._check_index(index)
        slot = self.slots.pop(index)
        self.removed.add(slot.track_id)
        self.annotate()
        return slot

    def set_locked(self, index: int, locked: bool = True) -> None:
        self._check_index(index)
        self.slots[index].locked = bool(locked)

    def _usable(self) -> list[Candidate]:
        in_plan = set(self.track_ids)
        cons = self.request.constraints
        return [c for c in self.pool.by_id.values()
                if c.track_id not in in_plan and c.track_id not in self.removed and cons.rejects(c) is None]

    def suggestions(self, index: int, k: int = 5) -> list[Suggestion]:
        """Best replacements for slot `index`: near its waypoint, small steps to both
        neighbours, confidently tagged, and keeping the total within the tolerance."""
        self._check_index(index)
        slot = self.slots[index]
        neighbours = [self.slots[j].candidate.position for j in (index - 1, index + 1) if 0 <= j < len(self.slots)]
        base_total = self.total_s - slot.candidate.duration
        ranked = []
        for c in self._usable():
            new_total = base_total + c.duration
            if new_total > self.target_s + self.tolerance_s:
                continue
            d = distance(c.position, slot.waypoint)
            step = sum(distance(c.position, n) for n in neighbours) / len(neighbours) if neighbours else 0.0
            duration_miss = abs(new_total - self.target_s) / max(self.target_s, 1.0)
            score = d + STEP_WEIGHT * step + _quality_penalty(c) + duration_miss
            ranked.append(Suggestion(c, score, d, new_total))
        ranked.sort(key=lambda s: (s.score, s.candidate.track_id))
        return ranked[:k]

    def replace(self, index: int, track_id: int) -> None:
        self._check_index(index)
        candidate = _check_addable(self, track_id, self.pool.get(track_id))
        old = self.slots[index]
        self.removed.add(old.track_id)
        self.removed.discard(track_id)
        self.slots[index] = Slot(candidate, locked=old.locked, source="user")
        self.annotate()

    def insert(self, index: int, track_id: int) -> None:
        candidate = _check_addable(self, track_id, self.pool.get(track_id))
        self.removed.discard(track_id)
        self.slots.insert(max(0, min(index, len(self.slots))), Slot(candidate, source="user"))
        self.annotate()

    def replan(self) -> None:
        """Keep the locked slots (in their order), refill everything else from the library."""
        kept = [s for s in self.slots if s.locked]
        self.warnings = []
        self.slots = _plan_slots(self, kept)
        self.annotate()
        self.warnings.extend(_endpoint_warnings(self))


def _check_addable(plan: SessionPlan, track_id: int, candidate: Candidate | None) -> Candidate:
    if candidate is None:
        raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "Track {track} is not a tagged track of the library.")
                            .format(track=track_id))
    if track_id in plan.track_ids:
        raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "{title} is already in this session.")
                            .format(title=candidate.display_title))
    return candidate


def _sentences(*sentences: str) -> str:
    """Whole sentences one after the other (each stays translatable)."""
    return joined(list(sentences), QT_TRANSLATE_NOOP("Playlists", "{list} {item}"))


# ---------------------------------------------------------------------- planning
def _default_tolerance(target_s: float, pool: Iterable[Candidate]) -> float:
    durations = [c.duration for c in pool]
    half_typical = 0.5 * statistics.median(durations) if durations else 0.0
    return max(TOLERANCE_FRACTION * target_s, half_typical)


def _resolve_start(request: SessionRequest, pool: CandidatePool) -> tuple[str, Point]:
    if request.start_track_id is not None:
        c = pool.get(int(request.start_track_id))
        if c is None:
            raise PlaylistError(QT_TRANSLATE_NOOP(
                "Playlists",
                "Track {track} cannot give the starting mood: it is not a tagged track of the library. "
                "Tag it first, or choose a starting mood.",
            ).format(track=request.start_track_id))
        return c.label, c.position
    if request.start_probabilities is not None:
        probs = {e: float(request.start_probabilities.get(e, 0.0)) for e in CORNERS}
        if sum(probs.values()) <= 0:
            raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "The measured starting mood has no probabilities."))
        return dominant_emotion(probs), probability_position(probs)
    if request.start is None:
        raise PlaylistError(QT_TRANSLATE_NOOP(
            "Playlists", "Choose a starting mood (or a track or recording to measure it from)."))
    try:
        mood = resolve_mood(request.start)
    except MoodError as exc:
        raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "Starting mood: {reason}")
                            .format(reason=exc.args[0])) from None
    return mood, CORNERS[mood]


def _cost(c: Candidate, waypoint: Point, previous: Point) -> float:
    return distance(c.position, waypoint) + STEP_WEIGHT * distance(c.position, previous) + _quality_penalty(c)


def _greedy(available: list[Candidate], path: IsoPath, target_s: float, tolerance_s: float,
            reserved_s: float) -> list[Candidate]:
    """Fill the time not reserved (by locked / must-include tracks) slot by slot."""
    free_s = max(target_s - reserved_s, 1.0)
    remaining = list(available)
    chosen: list[Candidate] = []
    elapsed_free = 0.0
    previous = path.start
    while remaining:
        total = reserved_s + elapsed_free
        gap = target_s - total
        fits = [c for c in remaining if total + c.duration <= target_s + tolerance_s]
        if gap <= tolerance_s:
            # Within the tolerance already: add only what brings the total closer.
            fits = [c for c in fits if abs(total + c.duration - target_s) < abs(gap)]
        if not fits:
            break
        best = min(fits, key=lambda c: (_cost(c, path.at((elapsed_free + c.duration / 2.0) / free_s), previous),
                                        c.track_id))
        chosen.append(best)
        remaining.remove(best)
        elapsed_free += best.duration
        previous = best.position
    return chosen


def _order_towards_goal(kept: list[Slot], new: list[Slot], path: IsoPath) -> list[Slot]:
    """New slots by decreasing distance to the goal, merged around the kept ones (whose
    relative order never changes)."""
    key = lambda s: distance(s.candidate.position, path.goal)  # noqa: E731
    new = sorted(new, key=lambda s: (-key(s), s.track_id))
    merged: list[Slot] = []
    i = j = 0
    while i < len(kept) or j < len(new):
        if j >= len(new) or (i < len(kept) and key(kept[i]) >= key(new[j])):
            merged.append(kept[i])
            i += 1
        else:
            merged.append(new[j])
            j += 1
    return merged


def _plan_slots(plan: SessionPlan, kept: list[Slot]) -> list[Slot]:
    pool, cons, path = plan.pool, plan.request.constraints, plan.path
    kept_ids = {s.track_id for s in kept}
    fixed = list(kept)
    for track_id in cons.must_include:
        if track_id in kept_ids:
            continue
        c = pool.get(track_id)
        if c is None:
            raise PlaylistError(QT_TRANSLATE_NOOP(
                "Playlists", "Track {track} must be included but is not a tagged track of the library.")
                .format(track=track_id))
        if track_id in cons.exclude:
            raise PlaylistError(QT_TRANSLATE_NOOP(
                "Playlists", "Track {track} is both excluded and required; choose one.")
                .format(track=track_id))
        fixed.append(Slot(c, source="must-include"))
        kept_ids.add(track_id)
    reserved_s = sum(s.candidate.duration for s in fixed)
    if reserved_s > plan.target_s + plan.tolerance_s:
        plan.warnings.append(QT_TRANSLATE_NOOP(
            "Playlists",
            "The locked and required tracks alone last {minutes:.1f} min, more than the {target:.1f} min asked for.",
        ).format(minutes=reserved_s / 60, target=plan.target_s / 60))

    rejected: dict[str, int] = {}
    suitable: list[Candidate] = []
    nearest: tuple[float, Candidate] | None = None
    for c in pool.by_id.values():
        if c.track_id in kept_ids or c.track_id in plan.removed:
            continue
        why = cons.rejects(c)
        if why:
            rejected[why] = rejected.get(why, 0) + 1
            continue
        off_path = path.distance_to_segment(c.position)
        if off_path > SUITABLE_DISTANCE:
            rejected["too far from the path"] = rejected.get("too far from the path", 0) + 1
            if nearest is None or off_path < nearest[0]:
                nearest = (off_path, c)
            continue
        suitable.append(c)

    chosen = _greedy(suitable, path, plan.target_s, plan.tolerance_s, reserved_s)
    slots = _order_towards_goal(
        [s for s in fixed if s.locked],
        [s for s in fixed if not s.locked] + [Slot(c) for c in chosen],
        path,
    )
    if not slots:
        raise NoSuitableTracksError(_nothing_suitable_message(plan, suitable, rejected, nearest))
    total = sum(s.candidate.duration for s in slots)
    if total < plan.target_s - plan.tolerance_s:
        plan.warnings.append(QT_TRANSLATE_NOOP(
            "Playlists",
            "Only {minutes:.1f} of the {target:.1f} minutes could be filled with suitable tracks "
            "({count} suitable track(s) near the path {start} → {goal}). Tag more music or relax the filters.",
        ).format(minutes=total / 60, target=plan.target_s / 60, count=len(suitable),
                 start=emotion_word(plan.start_mood), goal=emotion_word(plan.goal)))
    return slots


def _nothing_suitable_message(plan: SessionPlan, suitable: list[Candidate], rejected: dict[str, int],
                              nearest: tuple[float, Candidate] | None) -> str:
    start, goal = emotion_word(plan.start_mood), emotion_word(plan.goal)
    if suitable:
        shortest = min(c.duration for c in suitable)
        return QT_TRANSLATE_NOOP(
            "Playlists",
            "No suitable track fits a {minutes:.1f}-minute session ({start} → {goal}): the shortest "
            "suitable track lasts {shortest:.1f} minutes. Ask for a longer session.",
        ).format(minutes=plan.target_s / 60, start=start, goal=goal, shortest=shortest / 60)
    parts = [REJECTION_PHRASES[why].format(count=n) if why in REJECTION_PHRASES else f"{n} {why}"
             for why, n in sorted(rejected.items())]
    if parts:
        sentences = [QT_TRANSLATE_NOOP(
            "Playlists", "No track in the library suits the journey {start} → {goal} ({why}).")
            .format(start=start, goal=goal, why=joined(parts, QT_TRANSLATE_NOOP("Playlists", "{list}; {item}")))]
    else:
        sentences = [QT_TRANSLATE_NOOP("Playlists", "No track in the library suits the journey {start} → {goal}.")
                     .format(start=start, goal=goal)]
    if nearest is not None:
        d, c = nearest
        sentences.append(QT_TRANSLATE_NOOP(
            "Playlists",
            "The closest, {title} ({emotion}), is {distance:.2f} from the path; tracks must be within {limit:.1f}.",
        ).format(title=c.display_title, emotion=emotion_word(c.label), distance=d, limit=SUITABLE_DISTANCE))
    sentences.append(QT_TRANSLATE_NOOP(
        "Playlists", "Tag music that carries these moods, or choose another start or goal."))
    return _sentences(*sentences)


def build_session(request: SessionRequest, pool: CandidatePool) -> SessionPlan:
    """Plan a session. Raises NoSuitableTracksError (clear message) when nothing fits."""
    try:
        minutes = float(request.minutes)
    except (TypeError, ValueError):
        raise PlaylistError(QT_TRANSLATE_NOOP(
            "Playlists", "The session length must be a number of minutes, not {value}.")
            .format(value=repr(request.minutes))) from None
    if not math.isfinite(minutes) or minutes <= 0 or minutes > MAX_MINUTES:
        raise PlaylistError(QT_TRANSLATE_NOOP(
            "Playlists", "The session length must be between 0 and {maximum} minutes, not {value}.")
            .format(maximum=MAX_MINUTES, value=repr(request.minutes)))
    try:
        goal = resolve_mood(request.goal)
    except MoodError as exc:
        raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "Goal: {reason}").format(reason=exc.args[0])) from None
    if len(pool) == 0:
        why = pool.describe_skipped()
        if why:
            raise NoSuitableTracksError(QT_TRANSLATE_NOOP(
                "Playlists",
                "The library has no tagged tracks to build a session from ({count} track(s) in the library: "
                "{why}). Tag a music folder first "
                "(tmer tag FOLDER --out results.csv, or Open music folder… in the app).",
            ).format(count=pool.total_tracks, why=why))
        raise NoSuitableTracksError(QT_TRANSLATE_NOOP(
            "Playlists", "The library has no tagged tracks to build a session from. Tag a music folder first "
                         "(tmer tag FOLDER --out results.csv, or Open music folder… in the app)."))
    start_mood, start_point = _resolve_start(request, pool)
    target_s = minutes * 60.0
    tolerance = request.tolerance_s
    if tolerance is None:
        tolerance = _default_tolerance(target_s, pool.by_id.values())
    if not math.isfinite(tolerance) or tolerance < 0:
        raise PlaylistError(QT_TRANSLATE_NOOP(
            "Playlists", "The duration tolerance must be zero or more seconds, not {value}.")
            .format(value=repr(tolerance)))
    settle = request.settle_fraction
    if not 0.0 <= settle < 1.0:
        raise PlaylistError(QT_TRANSLATE_NOOP("Playlists", "The settle fraction must be in [0, 1), not {value}.")
                            .format(value=repr(settle)))
    plan = SessionPlan(request=request, pool=pool, path=IsoPath(start_point, CORNERS[goal], settle),
                       start_mood=start_mood, goal=goal, target_s=target_s, tolerance_s=float(tolerance))
    plan.slots = _plan_slots(plan, kept=[])
    plan.annotate()
    plan.warnings.extend(_endpoint_warnings(plan))
    return plan


def _endpoint_warnings(plan: SessionPlan) -> list[str]:
    if not plan.slots:
        return []
    warnings = []
    first, last = plan.slots[0].candidate, plan.slots[-1].candidate
    if distance(first.position, plan.path.start) > ENDPOINT_WARNING_DISTANCE:
        warnings.append(QT_TRANSLATE_NOOP(
            "Playlists", "The library has little music near the starting mood ({mood}): the session begins "
                         "{distance:.2f} away from it.")
            .format(mood=emotion_word(plan.start_mood), distance=distance(first.position, plan.path.start)))
    if distance(last.position, plan.path.goal) > ENDPOINT_WARNING_DISTANCE:
        warnings.append(QT_TRANSLATE_NOOP(
            "Playlists",
            "The library has little music near the goal ({mood}): the session ends {distance:.2f} away from it.",
        ).format(mood=emotion_word(plan.goal), distance=distance(last.position, plan.path.goal)))
    return warnings
