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
