"""Temporary files named after the process that writes them, and the sweep of stale ones.

A kernel killed between writing its temporary copy and renaming it over the real file leaves
the copy behind. Such leftovers are swept on the next start, but only when they are stale:
their writer is gone, or they are older than any real write takes (a minute). A temporary
file another live kernel is writing right now is left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

MAX_AGE_SECONDS = 60.0

_PID = re.compile(r"-(\d+)-")


def temporary_prefix(stem: str) -> str:
    """``mkstemp`` prefix that records the writer's process id: ``.progress-1234-``."""
    return f".{stem}-{os.getpid()}-"


def remove_stale_temporaries(folder: Path, stem: str, suffix: str = ".tmp") -> list[Path]:
    """Delete ``folder/.{stem}-*{suffix}`` left by dead writers or older than a minute."""
    removed = []
    now = time.time()
    for path in Path(folder).glob(f".{stem}-*{suffix}"):
        try:
            age = now - path.lstat().st_mtime
        except OSError:
            continue
        match = _PID.match(path.name[len(stem) + 1 :])
        owner = int(match.group(1)) if match else None
        if age > MAX_AGE_SECONDS or (owner is not None and not _alive(owner)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (assumed so where that cannot be told)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # on Windows os.kill(pid, 0) would end the process: rely on age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True
