# Two modules that import each other. The first is put in sys.modules
# before its code runs, so the second sees it half-built: names
# defined further down are missing.
import pathlib
import sys
import tempfile
import textwrap

folder = tempfile.mkdtemp()
pathlib.Path(folder, "orders.py").write_text(
    "import sys\n"
    "print('orders: start; in sys.modules?', 'orders' in sys.modules)\n"
    "import billing\n"
    "TAX_RATE = 0.2\n"
    "print('orders: done')\n"
)
pathlib.Path(folder, "billing.py").write_text(
    "import orders\n"
    "print('billing: orders has TAX_RATE?',\n"
    "      hasattr(orders, 'TAX_RATE'))\n"
    "from orders import TAX_RATE\n"
)
sys.path.insert(0, folder)
try:
    import orders  # noqa: F401
except ImportError as error:
    message = str(error).replace(folder, "<folder>")
    print(textwrap.fill("ImportError: " + message, width=60,
                        subsequent_indent="    "))
print("orders still in sys.modules?", "orders" in sys.modules)
