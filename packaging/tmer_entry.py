"""Entry point of the frozen (PyInstaller) build: one executable serves the GUI and the CLI.

`tmer-desktop` starts the GUI (tmer_desktop.ui.app); `tmer`, a symlink beside it, runs the
command line (tmer_desktop.cli). One executable rather than two because numba stamps its
cache of a frozen app with a hash of the executable: two different executables would keep
overwriting each other's cache entries, and every switch between GUI and CLI would recompile
(5-7 s on the 2-core test machine, more on slower ones). A symlink has the same contents, hence the same stamp.

Helper processes also start this executable (sys.executable), with a Python command line:
- multiprocessing's spawned workers (the batch pool) and resource tracker: freeze_support()
  (patched by PyInstaller's runtime hook) runs them and exits;
- joblib's loky workers (`-m joblib.externals.loky.backend.popen_loky_posix --pipe N ...`)
  and loky's resource tracker (`-c "from joblib...resource_tracker import main; main(N, V)"`),
  used by cross-validation (tmer evaluate, retraining): run_loky_helper() runs them.
"""

import multiprocessing
import os
import re
import runpy
import sys

LOKY_WORKER = "joblib.externals.loky.backend.popen_loky_posix"
LOKY_TRACKER = re.compile(r"from joblib\.externals\.loky\.backend\.resource_tracker import main; "
                          r"main\((\d+), (True|False|0|1)\)")


def run_loky_helper(argv: list[str]) -> bool:
    """Run a loky helper process if `argv` asks for one; False when it does not."""
    if LOKY_WORKER in argv:
        at = argv.index(LOKY_WORKER)
        if at >= 2 and argv[at - 1] == "-m":
            sys.argv = [argv[0], *argv[at + 1:]]
            runpy.run_module(LOKY_WORKER, run_name="__main__", alter_sys=True)  # exits
            return True
    if "-c" in argv:
        at = argv.index("-c")
        match = LOKY_TRACKER.fullmatch(argv[at + 1]) if at + 1 < len(argv) else None
        if match:
            from joblib.externals.loky.backend.resource_tracker import main as tracker_main

            tracker_main(int(match.group(1)), match.group(2) in ("True", "1"))
            return True
    return False


def main() -> int:
    # A spawned analysis worker is this executable started with --multiprocessing-fork:
    # freeze_support runs its task and exits here, whatever the executable is called.
    multiprocessing.freeze_support()
    if getattr(sys, "frozen", False) and run_loky_helper(sys.argv):
        return 0
    name = os.path.basename(sys.argv[0]).lower()
    if name in ("tmer", "tmer.exe"):
        from tmer_desktop.cli import main as run
    else:
        from tmer_desktop.ui.app import main as run
    return run()


if __name__ == "__main__":
    sys.exit(main())
