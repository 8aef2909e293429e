"""The register of theme patches (theme/PATCHES.md) agrees with what is
installed and with what is in theme/.

Each patch was measured against one version of each package it changes. A new
pin of any of them fails here, naming the register, so the patches get looked
at again (re-measured, kept or deleted) before the register records the new
version."""

import hashlib
import re
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT / "theme" / "PATCHES.md"
HEADER = "| Patch | Files | Targets | Guards |"
FORKS = "| Fork | Replaces | sha256 of the original |"
QUOTED = re.compile(r"`([^`]+)`")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def table(header: str) -> list[list[list[str]]]:
    """The rows of the register's table under `header`, each cell's `quoted` items."""
    lines = REGISTER.read_text(encoding="utf-8").splitlines()
    start = lines.index(header) + 2  # after the header and its |---| line
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == header.count("|") - 1, f"theme/PATCHES.md: a row of the wrong width: {line}"
        rows.append([QUOTED.findall(cell) for cell in cells])
    return rows


def register() -> list[dict]:
    """One entry per patch: its name, files, target versions and guarding tests."""
    return [
        {"patch": patch[0], "files": files, "targets": targets, "guards": guards}
        for patch, files, targets, guards in table(HEADER)
    ]


def targets() -> dict[str, str]:
    """Package -> the version the register's patches were measured against."""
    found = {}
    for row in register():
        for target in row["targets"]:
            name, version = target.split("==")
            assert found.setdefault(normalized(name), version) == version, (
                f"theme/PATCHES.md names two versions of {name}: {found[normalized(name)]} and {version}"
            )
    return found


def pins() -> dict[str, str]:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    return {normalized(name): version for name, version in re.findall(r"^([\w.-]+)==(\S+)", text, re.MULTILINE)}


def test_the_register_lists_patches():
    rows = register()
    assert len(rows) > 10 and all(row["files"] and row["targets"] and row["guards"] for row in rows), (
        "theme/PATCHES.md: every patch needs its files, target versions and guarding tests"
    )


@pytest.mark.parametrize("package", ["mkdocs-material", "mkdocs-jupyter", "mkdocs-print-site-plugin"])
def test_every_patched_package_is_in_the_register(package):
    assert package in targets(), f"theme/PATCHES.md names no patch of {package}"


@pytest.mark.parametrize("package, version", sorted(targets().items()))
def test_the_register_targets_the_pinned_and_installed_version(package, version):
    review = (
        f"theme/PATCHES.md: its patches of {package} were measured on {version}; re-measure them "
        f"on the new version, keep or delete each, and record that version there"
    )
    assert pins().get(package) == version, f"requirements.txt pins {package}=={pins().get(package)}. {review}"
    assert metadata.version(package) == version, f"{metadata.version(package)} is installed. {review}"


def test_every_file_in_theme_is_in_the_register():
    listed = {name for row in register() for name in row["files"]}
    in_theme = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "theme").rglob("*")
        if path.is_file() and path != REGISTER and "__pycache__" not in path.parts
    }
    assert not in_theme - listed, f"in theme/ but not in theme/PATCHES.md: {sorted(in_theme - listed)}"


def test_every_file_the_register_names_exists():
    missing = {name for row in register() for name in row["files"] if not (ROOT / name).is_file()}
    assert not missing, f"theme/PATCHES.md names files that do not exist: {sorted(missing)}"


def test_every_guarding_test_exists():
    missing = []
    for row in register():
        for guard in row["guards"]:
            path, _, name = guard.partition("::")
            test_file = ROOT / path
            if not (test_file.is_file() and re.search(rf"^def {name}\(", test_file.read_text(encoding="utf-8"), re.M)):
                missing.append(f"{row['patch']}: {guard}")
    assert not missing, f"theme/PATCHES.md names tests that do not exist: {missing}"


def test_each_forked_partial_replaces_the_installed_original_it_was_written_from():
    """A fork copies what Material's partial did, differently: if the installed
    original changed, the fork may now leave out what the new one does."""
    material = Path(metadata.distribution("mkdocs-material").locate_file("material/templates"))
    changed = []
    for fork, original, digest in table(FORKS):
        assert (ROOT / fork[0]).is_file(), f"theme/PATCHES.md: no fork {fork[0]}"
        found = hashlib.sha256((material / original[0]).read_bytes()).hexdigest()[:12]
        if found != digest[0]:
            changed.append(f"{original[0]} (sha256 {found}, the fork was checked against {digest[0]})")
    assert not changed, (
        f"Material's originals changed: {changed}. Compare them with the forks, "
        "then record the new digests in theme/PATCHES.md"
    )


def test_only_the_print_page_links_the_print_site_stylesheets(built_site):
    """theme/hooks/print_styles.py: every other page is spared the plugin's two requests."""
    site, _ = built_site
    linking = sorted(
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if re.search(r'<link rel="stylesheet" href="[^"]*css/print-site', page.read_text(encoding="utf-8"))
    )
    assert linking == ["print_page/index.html"], linking
