"""The Binder environment and the pip install name the same packages at the same versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins(root: Path, python_version: str) -> dict[str, str]:
    """Runtime dependencies of pyproject.toml that apply to ``python_version``: name -> version."""
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    pins = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate(
            {"python_version": python_version}
        ):
            continue
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{line}: pin runtime dependencies exactly"
        pins[_canonical(requirement.name)] = specifier.version
    return pins


def environment_pins(root: Path) -> tuple[str | None, dict[str, str]]:
    """The Python version and the package pins of environment.yml."""
    environment = yaml.safe_load((root / "environment.yml").read_text())
    assert "conda-forge" in environment["channels"]
    python, pins = None, {}
    for entry in environment["dependencies"]:
        assert isinstance(entry, str), f"environment.yml: only named packages, not {entry!r}"
        name, _, version = entry.partition("=")
        assert version, f"environment.yml: {name} has no pinned version"
        if name == "python":
            python = version
        else:
            pins[_canonical(name)] = version
    return python, pins


def mismatches(root: Path) -> list[str]:
    """Every difference between environment.yml and pyproject.toml, for Binder's Python."""
    python, conda = environment_pins(root)
    pip = pyproject_pins(root, python or "3.12")
    found = [f"only in environment.yml: {name}" for name in sorted(set(conda) - set(pip))]
    found += [f"only in pyproject.toml: {name}" for name in sorted(set(pip) - set(conda))]
    found += [
        f"{name}: environment.yml {conda[name]}, pyproject.toml {pip[name]}"
        for name in sorted(set(conda) & set(pip))
        if conda[name] != pip[name]
    ]
    return found


def test_binder_uses_python_312():
    python, _ = environment_pins(ROOT)
    assert python == "3.12"


def test_environment_yml_and_pyproject_name_the_same_packages_and_versions():
    assert mismatches(ROOT) == []


def test_the_comparison_notices_a_dropped_package_and_a_changed_version(tmp_path):
    # The check above must be able to fail: break a copy two ways and compare.
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    environment = (ROOT / "environment.yml").read_text()
    environment = environment.replace("  - pyyaml=6.0.4\n", "").replace(
        "plotly=7.1.0", "plotly=6.0.0"
    )
    (tmp_path / "environment.yml").write_text(environment)
    assert mismatches(tmp_path) == [
        "only in pyproject.toml: pyyaml",
        "plotly: environment.yml 6.0.0, pyproject.toml 7.1.0",
    ]
