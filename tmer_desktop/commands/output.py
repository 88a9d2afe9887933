"""What the commands share for their output: JSON on stdout (numpy values included), and the
check that an output's folder exists."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tmer_desktop.errors import UsageError


def json_default(obj: Any) -> Any:
    """json's `default` for what the model's results hold: numpy scalars and arrays."""
    import numpy as np  # only when a result has something json cannot write (numpy is slow to import)

    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def print_json(result: Any) -> None:
    """`result` on stdout as indented JSON, one newline after it."""
    json.dump(result, sys.stdout, indent=2, default=json_default)
    sys.stdout.write("\n")


def require_output_folder(path: str) -> Path:
    """The folder an output goes into; a missing one is a usage error (2), said before any work
    (a write that fails later is the work failing: 1)."""
    parent = Path(path).expanduser().resolve().parent
    if not parent.is_dir():
        raise UsageError(f"{path}: the folder {parent} does not exist")
    return parent
