# Since 3.11 every instruction knows the columns of the source it came
# from (PEP 657), so a traceback can point at the exact expression.
import linecache
import traceback

SOURCE = (
    'prices = {"tea": 3}\n'
    "counts = {}\n"
    'total = prices["tea"] * counts["tea"]\n'
)
# Let the traceback module find the source of "shop.py".
linecache.cache["shop.py"] = (len(SOURCE), None,
                              SOURCE.splitlines(True), "shop.py")
try:
    exec(compile(SOURCE, "shop.py", "exec"), {})
except KeyError as error:
    print(traceback.format_exc(limit=-1), end="")
    # The failing instruction's stored positions: line and columns.
    where = traceback.extract_tb(error.__traceback__)[-1]
    line = SOURCE.splitlines()[where.lineno - 1]
    print("points at:", line[where.colno:where.end_colno])
