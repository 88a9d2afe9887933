"""The `tmer` command contract of DESIGN.md, exercised through the installed entry point."""

import subprocess
import sys

CONTRACT = ["features", "tag", "evaluate", "train", "export-feedback", "playlist"]


def test_help_lists_every_command_of_the_contract():
    out = subprocess.run([sys.executable, "-m", "tmer_desktop.cli", "--help"],
                         capture_output=True, text=True, check=True)
    for command in CONTRACT:
        assert command in out.stdout


def test_features_on_a_broken_file_reports_it_and_fails(tmp_path):
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"not audio at all")
    out = subprocess.run([sys.executable, "-m", "tmer_desktop.cli", "features", str(bad), "--json"],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert str(bad) in out.stderr and "not a recognised audio format" in out.stderr
