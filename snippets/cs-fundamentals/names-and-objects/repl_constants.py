# The REPL compiles what you type, then runs it. Equal constants
# compiled in one go can end up as one object.
import ast

LINE = "x = 5000; y = 5000; x is y"


def run(source, names):
    # "single" mode prints an expression's value, as the prompt does
    exec(compile(source, "<stdin>", "single"), names)


print("One line, compiled whole (basic REPL):")
run(LINE, {})
print("One line, statement by statement (3.13+):")
names = {}
for statement in ast.parse(LINE).body:
    run(ast.Interactive([statement]), names)
print("Three lines, one after another:")
names = {}
for line in ("x = 5000", "y = 5000", "x is y"):
    run(line, names)
print("The three lines as one script:")
SCRIPT = "x = 5000\ny = 5000\nprint(x is y)"
exec(compile(SCRIPT, "script.py", "exec"), {})
