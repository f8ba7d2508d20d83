"""The course bibliography: every YAML file in ``data/references/`` merged into one table.

Quiz banks, the causes table and lessons cite entries by key; a key defined twice, or an
entry without authors, year, title and source, is refused with the file and key named.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from lessons.paths import data_file

REQUIRED_FIELDS = ("authors", "year", "title", "source")
#: The only link schemes a reference may have: a ``javascript:`` or ``data:`` URL would run in
#: the reader's page when the reference list is shown, live or on the static site.
WEB_SCHEMES = ("http", "https")


def is_web_url(url: object) -> bool:
    """True for an absolute http(s) URL with a host, and nothing else."""
    if not isinstance(url, str) or url != url.strip() or any(ord(c) < 32 for c in url):
        return False
    parts = urlsplit(url)
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


@dataclass(frozen=True)
class Reference:
    """One bibliography entry."""

    key: str
    authors: str
    year: int
    title: str
    source: str
    doi: str | None = None
    url: str | None = None

    def citation(self) -> str:
        """A one-line citation for a reference list (the link comes separately)."""
        return f"{self.authors} ({self.year}). {self.title}. {self.source}."

    def link(self) -> str | None:
        """Where a reader can look the source up, if anywhere: always an http(s) URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url if is_web_url(self.url) else None


class ReferenceError(ValueError):
    """A bibliography file that cannot be used; the message names the file and key."""


def load_references(folder: Path | None = None) -> dict[str, Reference]:
    """Read every ``*.yaml`` file of the bibliography folder into one table keyed by key."""
    folder = folder if folder is not None else data_file("references")
    table: dict[str, Reference] = {}
    origin: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise ReferenceError(f"{path}: not valid YAML: {error}") from error
        if not isinstance(entries, dict):
            raise ReferenceError(f"{path}: expected a mapping of citation keys to entries")
        for key, entry in entries.items():
            if key in table:
                raise ReferenceError(f"{path}: key {key!r} is already defined in {origin[key]}")
            if not isinstance(entry, dict):
                raise ReferenceError(f"{path}: entry {key!r} must be a mapping")
            missing = [name for name in REQUIRED_FIELDS if not entry.get(name)]
            if missing:
                raise ReferenceError(f"{path}: entry {key!r} lacks {', '.join(missing)}")
            unknown = set(entry) - {*REQUIRED_FIELDS, "doi", "url"}
            if unknown:
                raise ReferenceError(f"{path}: entry {key!r} has unknown fields {sorted(unknown)}")
            if entry.get("url") is not None and not is_web_url(entry["url"]):
                raise ReferenceError(
                    f"{path}: entry {key!r} has url {entry['url']!r:.80}; only http:// and "
                    "https:// links are allowed"
                )
            table[key] = Reference(key=str(key), **{k: entry[k] for k in entry})
            origin[key] = path
    return table


@lru_cache(maxsize=1)
def references() -> dict[str, Reference]:
    """The course bibliography, read once per kernel."""
    return load_references()


def cite(*keys: str) -> list[Reference]:
    """The entries for ``keys``, in order; an unknown key raises ``KeyError`` naming it."""
    table = references()
    unknown = [key for key in keys if key not in table]
    if unknown:
        raise KeyError(f"unknown reference keys {unknown}; see data/references/")
    return [table[key] for key in keys]
