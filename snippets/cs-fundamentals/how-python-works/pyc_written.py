# Native CPython only: it runs a fresh interpreter and looks at the real disk cache.
# Which files get a .pyc? Run a main script that imports one helper module.
import os
import pathlib
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    project = pathlib.Path(folder)
    (project / "helper.py").write_text("def shout(text):\n    return text.upper()\n")
    (project / "main.py").write_text("import helper\nprint(helper.shout('hi'))\n")

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "main.py"], cwd=project, env=env, check=True)
    print("after `python main.py`:", sorted(p.name for p in project.rglob("*.pyc")))

    # -B (or PYTHONDONTWRITEBYTECODE=1) stops the writing altogether.
    for pyc in project.rglob("*.pyc"):
        pyc.unlink()
    subprocess.run([sys.executable, "-B", "main.py"], cwd=project, env=env, check=True)
    print("after `python -B main.py`:", sorted(p.name for p in project.rglob("*.pyc")))
