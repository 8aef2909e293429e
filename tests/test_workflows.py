"""The GitHub workflows are valid, pinned and least-privileged."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

from course.interpreters import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
TOOLS = Path(sys.executable).parent


def test_workflows_exist():
    assert {w.name for w in WORKFLOWS} == {"test.yml", "deploy.yml"}


def test_workflows_match_the_github_schema():
    run = subprocess.run(
        [TOOLS / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_zizmor_finds_nothing():
    run = subprocess.run([TOOLS / "zizmor", "--offline", ROOT / ".github/workflows"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings" in run.stdout + run.stderr


def test_every_action_is_pinned_to_a_commit():
    for workflow in WORKFLOWS:
        for action in re.findall(r"uses:\s*(\S+)", workflow.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (
                f"{workflow.name}: {action} is not pinned to a SHA"
            )


def test_test_workflow_runs_the_readme_command():
    assert "run: bash .ci/run" in (ROOT / ".github/workflows/test.yml").read_text()
    assert "bash .ci/run" in (ROOT / "README.md").read_text()


def load(name):
    workflow = yaml.safe_load((ROOT / ".github/workflows" / name).read_text())
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on:` as True
    return workflow


def test_deploy_runs_only_after_the_tests_pass_on_a_push_to_main_or_for_a_release_tag():
    deploy, test = load("deploy.yml"), load("test.yml")
    assert deploy["on"] == {
        "workflow_run": {"workflows": [test["name"]], "types": ["completed"], "branches": ["main"]},
        "push": {"tags": ["v*"]},
    }
    build = deploy["jobs"]["build"]
    for guard in (
        "github.event.workflow_run.conclusion == 'success'",
        "github.event.workflow_run.event == 'push'",
        "github.event.workflow_run.head_repository.full_name == github.repository",
    ):
        assert guard in build["if"], f"deploy.yml's build job lacks: {guard}"
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {
        "ref": "${{ github.event.workflow_run.head_sha || github.sha }}",
        "persist-credentials": False,
        "fetch-depth": 0,
    }
    assert deploy["permissions"] == {} and build["permissions"] == {"contents": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_deploy_builds_from_the_build_requirements_with_properdocs():
    script = next(
        step["run"] for step in load("deploy.yml")["jobs"]["build"]["steps"] if "Build" in step.get("name", "")
    )
    assert "pip install --require-hashes --no-deps -r requirements.txt" in script
    # Every series the explorer serves (devDependencies), and a check that the site serves them all.
    assert "npm ci --no-audit" in script and "--omit=dev" not in script and "python -m course.runtime site" in script
    assert "pip install --no-deps --no-build-isolation -e ." in script  # the course package the build imports
    assert "properdocs build --strict -f mkdocs.yml" in script and "mkdocs build" not in script


def test_ci_installs_the_test_requirements_and_the_readme_serves_with_properdocs():
    ci = (ROOT / ".ci/run").read_text()
    assert "--require-hashes --no-deps -r requirements-test.txt" in ci and "--no-build-isolation -e ." in ci
    readme = (ROOT / "README.md").read_text()
    assert (
        "pip install --require-hashes --no-deps -r requirements.txt && .venv/bin/pip install --no-deps"
        " --no-build-isolation -e . && npm ci --omit=dev && .venv/bin/properdocs serve -f mkdocs.yml" in readme
    )


def test_every_requirement_is_pinned_exactly_with_its_hashes():
    """Each pin, then its files' SHA-256 hashes (.ci/hash_requirements.py writes them)."""
    for name in ("requirements.txt", "requirements-test.txt"):
        requirements = re.sub(r"\s*\\\n\s*", " ", (ROOT / name).read_text())  # continuation lines joined
        for line in requirements.splitlines():
            if line and not line.startswith("#") and line != "-r requirements.txt":
                assert re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.]+( --hash=sha256:[0-9a-f]{64})+", line.strip()), (
                    f"{name}: {line[:60]} is not an exact pin with hashes: run .ci/hash_requirements.py"
                )
    assert "-r requirements.txt" in (ROOT / "requirements-test.txt").read_text()
    assert "pytest==" not in (ROOT / "requirements.txt").read_text(), "tests' packages belong in requirements-test.txt"
