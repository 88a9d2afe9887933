"""Entry point of the frozen (PyInstaller) build: one executable serves the GUI and the CLI.

`tmer-desktop` starts the GUI (tmer_desktop.ui.app); `tmer`, a symlink beside it, runs the
command line (tmer_desktop.cli). One executable rather than two because numba stamps its
cache of a frozen app with a hash of the executable: two different executables would keep
overwriting each other's cache entries, and every switch between GUI and CLI would recompile
(tens of seconds). A symlink has the same contents, hence the same stamp.
"""

import multiprocessing
import os
import sys


def main() -> int:
    # A spawned analysis worker is this executable started with --multiprocessing-fork:
    # freeze_support runs its task and exits here, whatever the executable is called.
    multiprocessing.freeze_support()
    name = os.path.basename(sys.argv[0]).lower()
    if name in ("tmer", "tmer.exe"):
        from tmer_desktop.cli import main as run
    else:
        from tmer_desktop.ui.app import main as run
    return run()


if __name__ == "__main__":
    sys.exit(main())
