"""What the commands share for their output: JSON on stdout (numpy values included)."""

from __future__ import annotations

import json
import sys
from typing import Any


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
