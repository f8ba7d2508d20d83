"""Read a JSON file someone else wrote without letting it hang or exhaust the kernel.

Exports come from students and progress files from disks that fill up or get edited by
hand, so reading one must fail with a reason, never with a hang (a FIFO), a memory blow-up
(a symlink to ``/dev/zero``, a 40 MB file), or an exception ``json`` does not document
(``RecursionError`` on deep nesting, ``ValueError`` on a 5,000-digit integer).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

MAX_DEPTH = 32  # the deepest record the course writes is 5 levels; leave room for answers


class UnusableFile(ValueError):
    """A file that cannot be used; the message says why, for a person to read."""


def read_regular_file(path: Path | str, max_bytes: int, follow_symlinks: bool = False) -> bytes:
    """The bytes of ``path``, if it is a regular file of at most ``max_bytes``.

    Opened without blocking (a FIFO would wait for a writer forever) and, unless
    ``follow_symlinks``, without following a symlink, then checked again on the open
    descriptor so a file swapped in between the checks is caught too.
    """
    path = Path(path)
    try:
        info = path.stat() if follow_symlinks else path.lstat()
    except OSError as error:
        raise UnusableFile(f"cannot be read ({error.strerror or error})") from error
    _check_kind(info, follow_symlinks)
    _check_size(info.st_size, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise UnusableFile(f"cannot be read ({error.strerror or error})") from error
    with os.fdopen(descriptor, "rb") as stream:
        _check_kind(os.fstat(descriptor), follow_symlinks=True)
        data = stream.read(max_bytes + 1)
    _check_size(len(data), max_bytes)
    return data


def _check_kind(info: os.stat_result, follow_symlinks: bool) -> None:
    if stat.S_ISLNK(info.st_mode) and not follow_symlinks:
        raise UnusableFile("is a symbolic link, not a regular file")
    if not stat.S_ISREG(info.st_mode):
        raise UnusableFile("is not a regular file (a folder, device or pipe)")


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise UnusableFile(f"is larger than {max_bytes:,} bytes")


def parse_json(data: bytes) -> object:
    """The JSON value in ``data`` (UTF-8), refusing NaN, Infinity and deep nesting."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnusableFile(f"is not UTF-8 text ({error.reason} at byte {error.start})") from error
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError as error:
        raise UnusableFile("is not usable JSON: nested too deeply") from error
    except json.JSONDecodeError as error:
        raise UnusableFile(f"is not valid JSON ({error})") from error
    except ValueError as error:  # e.g. an integer over Python's 4,300-digit limit
        raise UnusableFile(f"is not usable JSON ({_shorten(str(error))})") from error
    if _depth(value) > MAX_DEPTH:
        raise UnusableFile(f"is not usable JSON: nested deeper than {MAX_DEPTH} levels")
    return value


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _depth(value: object) -> int:
    """How deeply lists and objects nest in ``value``, counted without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        pending.extend((child, depth + 1) for child in children)
    return deepest


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
