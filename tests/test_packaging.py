"""The project's set-up files agree with each other."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda_pip = {_name(r) for r in pip_section if not r.startswith("-e")}
    declared = {_name(r) for r in project["dependencies"]}
    assert declared - conda_pip == set(), "in pyproject.toml but not environment.yml"
    assert conda_pip - declared == {"torch"}, "environment.yml has extras beyond torch"
    # Same version floors too.
    pins = {_name(r): r.replace(" ", "").lower().replace("_", "-") for r in project["dependencies"]}
    for r in pip_section:
        if not r.startswith("-e") and _name(r) != "torch":
            assert r.replace(" ", "").lower().replace("_", "-") == pins[_name(r)]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make test" in ci
    assert "make demo" in readme


def test_torch_is_pinned_to_the_cpu_wheel_before_the_project():
    makefile = (ROOT / "Makefile").read_text()
    assert makefile.index("torch==2.13.0") < makefile.index('-e ".[test]"')
