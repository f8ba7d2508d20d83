"""What repo2docker would build for Binder: the environment first, then the course package.

`repo2docker --no-build --debug .` prints the Dockerfile without a Docker engine; the order of
its steps decides whether `import lessons` works and whether rebuilds reuse the cached
environment layer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dockerfile() -> str:
    executable = Path(sys.executable).with_name("repo2docker")
    if not executable.exists():
        executable = shutil.which("repo2docker")
    assert executable, "repo2docker is missing: install the test extra (pip install -e '.[test]')"
    result = subprocess.run(
        [str(executable), "--no-build", "--debug", "--user-name", "student", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout + result.stderr


def test_binder_uses_the_conda_environment_for_python_312(dockerfile):
    assert "Building conda environment for python=3.12" in dockerfile


def test_environment_is_installed_before_the_repository_is_copied(dockerfile):
    environment_step = dockerfile.index(
        'env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"'
    )
    copy_repository = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    post_build = dockerfile.index("RUN ./postBuild")
    assert environment_step < copy_repository < post_build


def test_environment_yml_is_copied_alone_for_a_cached_layer(dockerfile):
    # Only environment.yml reaches the image before the environment is built.
    before = dockerfile[: dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")]
    assert "COPY --chown=0:0 src/environment.yml" in before


def test_post_build_installs_the_course_package_without_dependencies():
    script = (ROOT / "postBuild").read_text()
    assert os.access(ROOT / "postBuild", os.X_OK)
    assert "pip install --no-deps" in script and "--editable ." in script


# One set of Jupyter settings (jupyter-config/) for Binder and `make course`, through ./start.


def test_binder_starts_the_server_through_the_course_start_script(dockerfile):
    assert 'ENV R2D_ENTRYPOINT="${REPO_DIR}/start"' in dockerfile


def test_make_course_starts_jupyterlab_through_the_same_script():
    result = subprocess.run(
        ["make", "--dry-run", "-o", f"{sys.prefix}/.installed", "course", f"VENV={sys.prefix}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    (recipe,) = [line for line in result.stdout.splitlines() if " lab " in line]
    assert recipe.startswith("./start ") and "/jupyter lab " in recipe


def _through_start(code: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "JUPYTER_CONFIG_PATH"}
    result = subprocess.run(
        [str(ROOT / "start"), sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_start_puts_the_course_settings_first_on_the_jupyter_config_path():
    first = _through_start(
        "from jupyter_core.paths import jupyter_config_path; print(jupyter_config_path()[0])"
    )
    assert Path(first) == ROOT / "jupyter-config"


def test_the_course_settings_turn_the_news_plugin_off():
    # JupyterLab 4.6 asks "Would you like to get notified about official Jupyter news?" even
    # with LabApp.news_url=None; only the disabled plugin does not.
    disabled = _through_start(
        "from jupyterlab_server.config import get_static_page_config as config; "
        "print(sorted(k for k, v in config()['disabledExtensions'].items() if v))"
    )
    assert "@jupyterlab/apputils-extension:announcements" in disabled


def test_the_course_settings_open_lesson_00():
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("jupyter_server_config.py", path=str(ROOT / "jupyter-config"))
    url = config.load_config().LabApp.default_url
    assert url == "/lab/tree/notebooks/00_welcome.ipynb"
    assert (ROOT / url.removeprefix("/lab/tree/")).is_file()
