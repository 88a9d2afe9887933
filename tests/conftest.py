"""Session-wide test set-up: offscreen Qt, and a throw-away data directory per test session."""

import atexit
import gc
import os
import shutil
import tempfile
from pathlib import Path

# Must be set before Qt or tmer_desktop is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="tmer-tests-"))
# Removed when the test process ends, so repeated runs do not pile up data directories in /tmp.
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)
os.environ.setdefault("TMER_DATA_DIR", str(_SESSION_HOME / "data"))
os.environ.setdefault("TMER_CACHE_DIR", str(_SESSION_HOME / "cache"))

import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO_ROOT.parent / "shared"


def shared_path(relative: str) -> Path:
    """A file or folder of the project's shared corpora (../shared beside the repository), or a
    skip saying what is missing. Only for tests about those corpora themselves: the rest of the
    suite uses data in the repository (tests/fixtures, resources/demo) or makes its own, so a
    fresh clone runs it whole."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs ../shared/{relative}: not present in this clone (no {path})")
    return path


@pytest.fixture(autouse=True)
def _logging_as_each_test_found_it():
    """A test that runs the app or a command configures logging (tmer_desktop/logs.py) for the
    whole process; the next test must not inherit its stderr handler."""
    yield
    from tmer_desktop import logs

    logs.reset()


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test():
    """Once a GUI test has moved garbage collection to the GUI thread's timer (ui/tasks.py), tests
    that run no event loop would never collect: collect here, in the main thread, after each,
    the generations the automatic collector would collect now (as pyqtgraph's GarbageCollector
    does on its timer). A full collection after every test cost ~0.3 s each: half the time of
    the fast subset."""
    yield
    if not gc.isenabled():
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in range(3):
            if counts[generation] <= thresholds[generation]:
                break
            gc.collect(generation)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh, empty user data directory for one test."""
    d = tmp_path / "data"
    monkeypatch.setenv("TMER_DATA_DIR", str(d))
    monkeypatch.setenv("TMER_CACHE_DIR", str(tmp_path / "cache"))
    return d


@pytest.fixture
def screenshot_dir(tmp_path):
    """Where UI tests save their screenshots: a temporary folder, or the folder named by
    TMER_SCREENSHOT_DIR (e.g. docs/screenshots, to refresh the documentation's pictures)."""
    target = os.environ.get("TMER_SCREENSHOT_DIR")
    folder = Path(target) if target else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -- the interface language (Qt is imported only by the tests that ask for these) ---------------
@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, in English as the app starts it (with English's plural forms:
    "1 track", not "1 track(s)"), whatever test runs first."""
    from tmer_desktop.ui.i18n import install_language

    assert install_language(qapp, "en") == []
    return qapp


@pytest.fixture
def restore_english(qapp):
    """For a test that changes the interface language: English and the previous default locale
    come back after it. Yields the QApplication."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from tmer_desktop.ui.i18n import install_language

    before = QLocale()
    yield qapp
    install_language(qapp, "en")
    QLocale.setDefault(before)
    QCoreApplication.processEvents()


@pytest.fixture
def language(restore_english):
    """language("es") switches the interface language (its .qm must load without a warning)."""
    from PySide6.QtCore import QCoreApplication

    from tmer_desktop.ui.i18n import install_language

    def switch(code: str) -> None:
        assert install_language(restore_english, code) == []
        QCoreApplication.processEvents()  # deliver the posted LanguageChange events

    return switch


@pytest.fixture
def say(language):
    """say("es", text or exception): what the interface shows of it in that language."""
    from tmer_desktop.ui.i18n import error_text, translated

    def words(code: str, what) -> str:
        language(code)
        return error_text(what) if isinstance(what, BaseException) else translated(what)

    return words


@pytest.fixture
def in_languages(say):
    """in_languages(text or exception) -> {"en": ..., "es": ..., "tr": ...} as the interface shows it."""
    return lambda what: {code: say(code, what) for code in ("en", "es", "tr")}
