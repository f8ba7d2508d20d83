"""Two kernels saving at once, and a kernel killed mid-save: no answer lost, no broken file.

These run real processes (``subprocess``), because the defects they guard against only show
between processes: two kernels each reading, changing and writing the same progress file.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lessons.quiz import ProgressStore

ROOT = Path(__file__).resolve().parents[2]
ANSWERS_PER_PROCESS = 300
KILLS = 8

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

WRITER = textwrap.dedent(
    """
    import sys
    from lessons.quiz import ProgressStore

    folder, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = ProgressStore(folder)
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    i = 0
    while count < 0 or i < count:
        store.record_attempt("00_welcome", f"{tag}-{i}", "obj", "a", i % 2 == 0, ("b",))
        i += 1
    """
)


def _start(folder: Path, tag: str, count: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), tag, str(count)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def _answers(folder: Path) -> set[str]:
    data = json.loads((folder / "progress.json").read_text(encoding="utf-8"))
    return set(data["lessons"]["00_welcome"]["questions"])


def test_two_processes_saving_at_once_lose_no_answer(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    writers = [_start(folder, tag, ANSWERS_PER_PROCESS) for tag in ("left", "right")]
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        assert writer.wait(timeout=300) == 0
    kept = _answers(folder)
    expected = {f"{tag}-{i}" for tag in ("left", "right") for i in range(ANSWERS_PER_PROCESS)}
    assert len(expected - kept) == 0, f"{len(expected - kept)} of {len(expected)} answers lost"


def test_a_kernel_killed_while_saving_leaves_a_valid_file_and_no_temporaries(
    tmp_path: Path, recwarn
) -> None:
    folder = tmp_path / "progress"
    randomness = random.Random(14)
    saved = 0
    for kill in range(KILLS):
        writer = _start(folder, f"run{kill}", -1)
        writer.stdin.write("go\n")
        writer.stdin.flush()
        time.sleep(0.15 + randomness.random() * 0.25)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
        # Whatever moment the kill hit, the file is whole and no saved answer went missing.
        answers = _answers(folder)
        assert len(answers) >= saved
        saved = len(answers)
        assert ProgressStore(folder).load()["lessons"]["00_welcome"]["questions"]
        assert not list(folder.glob("progress.corrupt-*"))
    assert saved > 0
    # The next start sweeps the temporary files the killed writers left behind.
    ProgressStore(folder).record_attempt("00_welcome", "after", "obj", "a", True)
    assert sorted(path.name for path in folder.glob(".progress-*.tmp")) == []
    assert len(_answers(folder)) == saved + 1
    assert not [w for w in recwarn.list if "progress" in str(w.message).lower()]
