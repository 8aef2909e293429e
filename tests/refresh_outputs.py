"""Run every snippet on every interpreter at hand and store what it prints.

    python -m tests.refresh_outputs            # all snippets
    python -m tests.refresh_outputs dis_add    # snippets whose id contains "dis_add"

Writes snippets/<module>/<lesson>/output/<name>/<version>.txt and the Markdown
fragment output/<name>.md that pages include, then redraws the figures drawn
from stored outputs (tests/support/figures.py). A version that is not installed
keeps its stored output, and is named so that you can refresh it elsewhere; so
does one whose interpreter is not the build tests/support/builds.py describes
(update the description first). Also rewrites docs/includes/builds.md from it.
A snippet that fails is reported and nothing of it is written.
"""

import sys

from tests.support import builds, figures, interpreters, snippets


def main(filters: list[str]) -> int:
    chosen = [s for s in snippets.discover() if not filters or any(f in snippets.snippet_id(s) for f in filters)]
    if not chosen:
        print(f"no snippet matches {filters}", file=sys.stderr)
        return 2
    runs = {s: {} for s in chosen}
    for version in interpreters.VERSIONS:
        reason = interpreters.missing_reason(version)
        wanted = [s for s in chosen if version in snippets.versions_for(s)]
        if reason:
            print(f"kept stored {version} outputs: {reason}")
            continue
        if version in interpreters.PYODIDE_PACKAGES:
            done = interpreters.run_pyodide([*wanted, builds.PROBE], version)
            probe = done.pop(builds.PROBE)
        else:
            executable = interpreters.find_native(version)
            probe = interpreters.run_native(executable, builds.PROBE)
            done = {snippet: interpreters.run_native(executable, snippet) for snippet in wanted}
        # Every label names the build that printed the output: record only from that build.
        problem = builds.mismatch(version, probe.output)
        if problem:
            print(f"kept stored {version} outputs: {problem}")
            continue
        for snippet, run in done.items():
            runs[snippet][version] = run
    failed = 0
    for snippet, by_version in runs.items():
        broken = {v: r for v, r in by_version.items() if not r.ok}
        if broken:
            failed += 1
            for version, run in broken.items():
                print(f"FAILED {snippets.snippet_id(snippet)} on {version}:\n{run.output}", file=sys.stderr)
            continue
        for version, run in by_version.items():
            path = snippets.expected_path(snippet, version)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(run.output, encoding="utf-8")
        snippets.fragment_path(snippet).write_text(
            snippets.render_fragment(snippet, snippets.stored_outputs(snippet)), encoding="utf-8"
        )
        print(f"refreshed {snippets.snippet_id(snippet)} ({', '.join(by_version)})")
    builds.BUILDS_PAGE.write_text(builds.builds_page(), encoding="utf-8")
    figures.redraw()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
