# Run orders.py as the main script, as `python orders.py` would. It
# runs as __main__; when billing imports `orders`, that name is not in
# sys.modules, so the same file runs a second time as `orders`.
import pathlib
import runpy
import sys
import tempfile

folder = tempfile.mkdtemp()
pathlib.Path(folder, "orders.py").write_text(
    "import sys\n"
    "print('orders.py runs as', __name__)\n"
    "import billing\n"
    "TAX_RATE = 0.2\n"
    "print('orders.py done as', __name__)\n"
    "if __name__ == '__main__':\n"
    "    print('one module?',\n"
    "          sys.modules['orders'] is sys.modules['__main__'])\n"
)
pathlib.Path(folder, "billing.py").write_text(
    "import orders\n"
    "print('billing.py got TAX_RATE =', orders.TAX_RATE)\n"
)
sys.path.insert(0, folder)
runpy.run_path(str(pathlib.Path(folder, "orders.py")),
               run_name="__main__")
