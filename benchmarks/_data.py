"""Temporary shim: benchmarks should use khabar.evaluation.paths directly."""

from __future__ import annotations

import sys
from pathlib import Path

from khabar.evaluation.paths import default_data_dir


def data_dir(cli_value: str | None = None) -> Path:
    return Path(cli_value) if cli_value else default_data_dir()


def require(path: Path) -> Path:
    if not path.exists():
        print(f"skipped: {path} is absent (set --data or KHABAR_DATA to the shared data folder)")
        sys.exit(0)
    return path
