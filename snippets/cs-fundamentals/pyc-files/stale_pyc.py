# Native CPython only: it writes real .pyc files and runs new processes.
# A timestamp .pyc is reused while the source's mtime (whole seconds)
# and size match. Change the source, keep both, and the old code runs.
import os
import pathlib
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    project = pathlib.Path(folder)
    source = project / "price.py"
    (project / "main.py").write_text("import price\nprint(price.VAT)\n")
    env = {k: v for k, v in os.environ.items()
           if k != "PYTHONDONTWRITEBYTECODE"}

    def run(label):
        done = subprocess.run([sys.executable, "main.py"], cwd=project,
                              env=env, capture_output=True, text=True)
        print(f"{label}: VAT = {done.stdout.strip()}")

    source.write_text("VAT = 20\n")
    os.utime(source, (1_700_000_000, 1_700_000_000))
    run("first run, .pyc written")
    source.write_text("VAT = 25\n")  # same size, 9 bytes
    os.utime(source, (1_700_000_000, 1_700_000_000))  # same second
    run("source edited, same mtime and size")
    os.utime(source, (1_700_000_001, 1_700_000_001))
    run("mtime one second later")
