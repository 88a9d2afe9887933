"""The view `tmer-desktop` opens on (--view), and the session plan it can build at start
(--session-from, --session-to, --minutes): used by app.py and by the screenshots (screenshot.py).
Qt-free at import time: `tmer-desktop --help` loads no Qt.
"""

from __future__ import annotations

VIEWS = ("library", "player", "review", "sessions", "dashboard", "models", "record", "settings", "tagging")
GOAL_ALIASES = {"relaxing": "relaxed", "energizing": "happy"}
SESSION_FROM, SESSION_TO = "sad", "relaxed"
SESSION_MAX_MINUTES = 45  # the Sessions tab's own default length
SESSION_SHARE = 2 / 3     # a default plan uses about this share of the library's playing time


def select_view(window, view: str) -> None:
    """Bring the tab that holds `view` to the front (the models list is inside Dashboards)."""
    if view in ("library", "player", "review"):
        window.show_view(view)
    elif view == "tagging":
        window.show_view("library")
    elif view == "sessions":
        window.tabs.setCurrentWidget(window.sessions)
    elif view in ("dashboard", "models"):
        window.tabs.setCurrentWidget(window.dashboard)
        inner = window.dashboard.tabs
        inner.setCurrentWidget(window.dashboard.models if view == "models" else inner.widget(0))
    elif view == "record":
        window.tabs.setCurrentWidget(window.record_view)
    elif view == "settings":
        window.show_view("library")
    else:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")


def default_session_minutes(pool) -> float:
    """A plan length the library can fill: about two thirds of its playing time in whole
    minutes, at least 1 and at most the Sessions tab's default 45."""
    total = sum(c.duration for c in pool.by_id.values()) if pool is not None else 0.0
    return float(min(SESSION_MAX_MINUTES, max(1, round(total * SESSION_SHARE / 60))))


def build_session_plan(window, start: str = SESSION_FROM, goal: str = SESSION_TO,
                       minutes: float | None = None) -> bool:
    """Fill the Sessions tab's request and press Build; True when a plan with tracks came out."""
    sessions = window.sessions
    sessions.reload_tracks()
    goal = GOAL_ALIASES.get(goal, goal)
    sessions.start_combo.setCurrentIndex(max(0, sessions.start_combo.findData(start)))
    sessions.goal_combo.setCurrentIndex(max(0, sessions.goal_combo.findData(goal)))
    sessions.minutes_spin.setValue(minutes if minutes is not None else default_session_minutes(sessions.pool))
    return sessions.build() and sessions.plan is not None and len(sessions.plan) > 0
