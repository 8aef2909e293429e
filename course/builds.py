"""The CPython builds that printed the site's outputs, described once.

course/markdown.py names every output's builds, and renders `builds_box()`,
each lesson's "Which Python printed this?" box with the reader's choice of
build. Tests check the built pages against it, and each build's claims against
the interpreter itself (build_probe.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from course.interpreters import PYODIDE_PACKAGES, ROOT, VERSIONS

# Prints what a running interpreter says about itself, to check BUILDS against.
PROBE = ROOT / "course" / "build_probe.py"
# Where every output's caption links: the lesson's builds box.
ABOUT_ANCHOR = "which-python"


@dataclass(frozen=True)
class Build:
    version: str  # "3.13": the name its outputs are stored under
    release: str  # the exact release that printed the stored outputs
    platform: str  # sys.platform
    pointer_bits: int  # 8 * struct.calcsize("P")
    pymalloc: bool  # sysconfig WITH_PYMALLOC
    threads: bool  # can start a threading.Thread
    about: str  # the longer explanation, one click away from each label

    @property
    def kind(self) -> str:
        machine = "WebAssembly" if self.platform == "emscripten" else "Linux"
        return f"{self.pointer_bits}-bit {machine}"

    @property
    def label(self) -> str:
        """The build's name in the builds box and its choice of build."""
        return f"{self.release} · {self.kind}"


NATIVE_ABOUT = (
    "native CPython, built by pyenv with GCC 12.2 for x86-64 Linux: 8-byte "
    "pointers, `sys.maxsize` is `2**63 - 1`, the pymalloc allocator and real "
    "threads, as on most laptops and servers."
)


def _native(version: str, release: str) -> Build:
    return Build(version, release, "linux", 64, True, True, NATIVE_ABOUT)


BUILDS = {
    build.version: build
    for build in (
        _native("3.11", "3.11.7"),
        _native("3.12", "3.12.1"),
        _native("3.13", "3.13.0"),
        Build(
            "3.14",
            "3.14.2",
            "emscripten",
            32,
            False,
            False,
            (
                "CPython 3.14.2 compiled to WebAssembly (Pyodide 314.0.8), run under "
                "Node: a 32-bit platform, so pointers take 4 bytes and most objects are "
                "smaller than on a laptop; `sys.maxsize` is `2**31 - 1`; built without "
                "pymalloc and without threads. Its compiler and bytecode are those of "
                "any 3.14."
            ),
        ),
        Build(
            "3.15",
            "3.15.0rc1",
            "emscripten",
            32,
            False,
            False,
            (
                "CPython 3.15.0rc1, the release candidate before 3.15.0, compiled to "
                "WebAssembly (Pyodide 315.0.0-alpha.2), run under Node: 32-bit, without "
                "pymalloc and without threads, like 3.14.2."
            ),
        ),
    )
}
assert tuple(BUILDS) == VERSIONS, "describe every version in interpreters.VERSIONS, in order"
assert all((b.platform == "emscripten") == (v in PYODIDE_PACKAGES) for v, b in BUILDS.items())

BOX_TITLE = "Which Python printed this?"


def shown_first(versions: list[str], default: str) -> str:
    """The build whose output a block shows until the reader picks another:
    `default` (the Python that runs in the page) if it printed this output,
    otherwise the newest build that did (for native-only snippets, 3.13)."""
    return default if default in versions else versions[-1]


def builds_box(default: str) -> str:
    """The lesson's collapsed builds box, as HTML for md_in_html: what the
    outputs show, the site-wide choice of build (docs/assets/python-pick.js),
    and each build described (those sharing a description in one item)."""
    shared: dict[str, list[str]] = {}
    for build in BUILDS.values():
        shared.setdefault(build.about, []).append(f"**{build.label}**")
    items = "".join(f"- {_and(labels)}: {about}\n" for about, labels in shared.items())
    choices = "".join(
        f'<label><input type="radio" name="python-pick" value="{version}"{" checked" if version == default else ""}> '
        f"{build.label}{' (default)' if version == default else ''}</label>"
        for version, build in BUILDS.items()
    )
    runtime = BUILDS[default]
    return (
        f'<details class="info builds" id="{ABOUT_ANCHOR}" data-search-exclude="" markdown>\n'
        f'<summary>{BOX_TITLE} <span class="builds__shown">{runtime.release}</span></summary>\n\n'
        "Each output sits under the code that printed it and names the builds of "
        f"CPython that printed it. Outputs show one build: by default **{runtime.release}**, "
        "the Python that runs your code here, so your runs, the checkpoints and the "
        "exercises match what you read. Where other builds print something else, the "
        "block offers to compare them. Pick a Linux build to read a laptop's 64-bit "
        "sizes; your pick holds on every page.\n\n"
        f'<form class="python-pick"><fieldset><legend>Outputs show</legend>{choices}</fieldset></form>\n\n'
        f"{items}\n</details>\n"
    )


def build_list(versions: list[str]) -> str:
    """'3.11.7, 3.12.1 (64-bit Linux), 3.14.2 (32-bit WebAssembly)': releases grouped by kind."""
    groups: dict[str, list[str]] = {}
    for version in versions:
        groups.setdefault(BUILDS[version].kind, []).append(BUILDS[version].release)
    return ", ".join(f"{', '.join(releases)} ({kind})" for kind, releases in groups.items())


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def mismatch(version: str, probe_output: str, exact_release: bool = True) -> str | None:
    """What the interpreter that printed `probe_output` (PROBE's JSON) says
    differently from BUILDS[version], or None when every claim holds.
    `exact_release=False` accepts any X.Y.z of the same X.Y."""
    build, found = BUILDS[version], json.loads(probe_output)
    if not exact_release and found["release"].startswith(version + "."):
        found["release"] = build.release
    claimed = {
        "release": build.release,
        "pointer_bits": build.pointer_bits,
        "maxsize_bits": build.pointer_bits,
        "pymalloc": build.pymalloc,
        "platform": build.platform,
        "threads": build.threads,
    }
    wrong = [f"{key} is {found[key]!r}, not {value!r}" for key, value in claimed.items() if found[key] != value]
    if not wrong:
        return None
    return f"this {version} differs from course/builds.py: " + "; ".join(wrong)
