"""A real JupyterLab server for the browser tests, isolated from the student's own set-up.

The server serves a temporary copy of ``notebooks/`` (JupyterLab autosaves, and the committed
notebooks must never change under a test run), keeps its settings, workspaces, runtime files
and quiz progress in temporary folders, and listens on 127.0.0.1 only, behind a random token.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# JupyterLab user settings that keep pop-ups from covering the notebook: the "Jupyter news"
# question and the update check (the test machine has no internet either).
QUIET_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: where it is, how to log in, and its process."""

    base_url: str
    token: str
    root_dir: Path
    progress_dir: Path
    log_path: Path
    process: subprocess.Popen

    def notebook_url(self, name: str) -> str:
        """URL that opens one notebook in a fresh (reset) workspace, logged in by token."""
        return f"{self.base_url}/lab/tree/{name}?reset&token={self.token}"

    def api(self, method: str, path: str) -> object:
        """Call the Jupyter server REST API; returns the decoded JSON body (None if empty)."""
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        """End every session and its kernel, so one lesson's kernel never slows the next."""
        for session in self.api("GET", "/api/sessions") or []:
            with contextlib.suppress(urllib.error.HTTPError):
                self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels") or []:
            with contextlib.suppress(urllib.error.HTTPError):
                self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, grace_seconds: float = 10.0) -> None:
        """Terminate the server (it shuts its kernels down), then kill it if it hangs."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=grace_seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=grace_seconds)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_lab_server(notebooks: Path, work_dir: Path, startup_timeout: float = 120.0) -> LabServer:
    """Copy ``notebooks`` into ``work_dir`` and start JupyterLab on it; wait until it answers."""
    if startup_timeout <= 0:
        raise ValueError(f"startup_timeout={startup_timeout!r} must be > 0 seconds")
    root_dir = work_dir / "notebooks"
    shutil.copytree(notebooks, root_dir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    folders = {
        name: work_dir / name
        for name in ("progress", "settings", "workspaces", "config", "runtime", "ipython")
    }
    for folder in folders.values():
        folder.mkdir()
    for relative, values in QUIET_SETTINGS.items():
        path = folders["settings"] / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")

    token = secrets.token_hex(24)
    port = free_port()
    env = {
        **os.environ,
        "LESSONS_PROGRESS_DIR": str(folders["progress"]),
        "JUPYTER_CONFIG_DIR": str(folders["config"]),
        "JUPYTER_RUNTIME_DIR": str(folders["runtime"]),
        "IPYTHONDIR": str(folders["ipython"]),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.news_url=None",
        "--LabApp.extension_manager=readonly",
        f"--LabApp.user_settings_dir={folders['settings']}",
        f"--LabApp.workspaces_dir={folders['workspaces']}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI often run as root
    log_path = work_dir / "jupyterlab.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root_dir
        )
    server = LabServer(
        base_url=f"http://127.0.0.1:{port}",
        token=token,
        root_dir=root_dir,
        progress_dir=folders["progress"],
        log_path=log_path,
        process=process,
    )
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"JupyterLab exited with code {process.returncode} while starting:\n"
                f"{server.log_tail()}"
            )
        try:
            server.api("GET", "/api/status")
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    server.stop()
    raise RuntimeError(
        f"JupyterLab did not answer /api/status within {startup_timeout} s:\n{server.log_tail()}"
    )
