"""The code's own rules, checked by the tools that own them (configured in pyproject.toml):

- import-linter: the layers of docs/architecture.md, Qt only under ui/, no import cycle between
  the modules of a package (function-local imports count: hiding a cycle in a function does
  not pass);
- ruff: errors, unused names, import order, modern syntax, broad `except` without logging;
- mypy: the types of the core packages.

Each tool runs as its own process on the repository, as a developer would run it; a failure
prints what the tool printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT

BIN = Path(sys.executable).parent


def _run(tool: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    executable = BIN / tool
    if not executable.exists():
        pytest.fail(f"{tool} is not installed beside {sys.executable}: install the test extra "
                    f"(pip install -e '.[test]')")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.run([str(executable), *args], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _assert_clean(result: subprocess.CompletedProcess, tool: str) -> None:
    assert result.returncode == 0, f"{tool} found problems:\n{result.stdout}\n{result.stderr}"


def test_imports_respect_the_layers_and_have_no_cycles():
    result = _run("lint-imports", "--no-cache")
    _assert_clean(result, "import-linter")
    assert "0 broken" in result.stdout and "kept" in result.stdout  # the contracts were read and checked


def test_ruff_finds_nothing():
    _assert_clean(_run("ruff", "check", "--no-cache", "tmer_desktop", "tests", "benchmarks", "scripts"), "ruff")


@pytest.mark.slow
def test_mypy_finds_nothing_in_the_core_packages():
    _assert_clean(_run("mypy"), "mypy")
