# Native CPython only: it runs new interpreters and looks at the disk.
# Which files get a .pyc? A main script that imports one helper module,
# run as a script, with -B, and as a module with -m.
import os
import pathlib
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    project = pathlib.Path(folder)
    (project / "helper.py").write_text(
        "def shout(text):\n    return text.upper()\n")
    (project / "main.py").write_text(
        "import helper\nprint(helper.shout('hi'))\n")
    env = {k: v for k, v in os.environ.items()
           if k != "PYTHONDONTWRITEBYTECODE"}

    for command in (["main.py"], ["-B", "main.py"], ["-m", "main"]):
        for pyc in project.rglob("*.pyc"):
            pyc.unlink()
        subprocess.run([sys.executable, *command], cwd=project,
                       env=env, check=True)
        written = sorted(p.name for p in project.rglob("*.pyc"))
        print(f"after `python {' '.join(command)}`:")
        print("   ", written)
