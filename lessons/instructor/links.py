"""Launch links for a class: an nbgitpuller link for an existing JupyterHub.

nbgitpuller (installed in the hub's image) clones the course repository into the student's
home folder on first click and updates it on later clicks, keeping the student's own edits;
then it opens the notebook given by ``urlpath``. The link format is nbgitpuller's own
(``/hub/user-redirect/git-pull?repo=...&urlpath=...&branch=...``).

    python -m lessons.instructor nbgitpuller-link --hub https://hub.example.edu --branch main
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from lessons.static_mode import REPOSITORY

REPOSITORY_URL = f"https://github.com/{REPOSITORY}"


def nbgitpuller_url(
    hub: str,
    branch: str = "main",
    notebook: str = "00_welcome.ipynb",
    repository_url: str = REPOSITORY_URL,
) -> str:
    """The link that pulls the course into a student's JupyterHub home and opens ``notebook``.

    The clone's folder is named after the repository, as nbgitpuller does by default, so the
    notebook's path in JupyterLab is ``<repository name>/notebooks/<notebook>``.
    """
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"hub={hub!r} must be the hub's address, such as https://hub.example.edu")
    if not branch or any(character.isspace() for character in branch):
        raise ValueError(f"branch={branch!r} must be a git branch name without spaces")
    if not notebook.endswith(".ipynb") or "/" in notebook:
        raise ValueError(
            f"notebook={notebook!r} must be a notebook file name such as 00_welcome.ipynb"
        )
    folder = urlsplit(repository_url).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode(
        {
            "repo": repository_url,
            "urlpath": f"lab/tree/{folder}/notebooks/{notebook}",
            "branch": branch,
        }
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"
