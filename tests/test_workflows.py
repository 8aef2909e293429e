"""The GitHub workflows are valid, pinned and least-privileged."""

import re
import subprocess
import sys
from pathlib import Path

from tests.support.interpreters import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
TOOLS = Path(sys.executable).parent


def test_workflows_exist():
    assert {w.name for w in WORKFLOWS} == {"test.yml", "deploy.yml"}


def test_workflows_match_the_github_schema():
    run = subprocess.run(
        [TOOLS / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_zizmor_finds_nothing():
    run = subprocess.run([TOOLS / "zizmor", "--offline", ROOT / ".github/workflows"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings" in run.stdout + run.stderr


def test_every_action_is_pinned_to_a_commit():
    for workflow in WORKFLOWS:
        for action in re.findall(r"uses:\s*(\S+)", workflow.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{workflow.name}: {action} is not pinned to a SHA"


def test_test_workflow_runs_the_readme_command():
    assert "run: bash .ci/run" in (ROOT / ".github/workflows/test.yml").read_text()
    assert "bash .ci/run" in (ROOT / "README.md").read_text()
