# compile() runs the whole front end: source text in, code object out.
source = "x = 6 * 7\nprint('x is', x)\n"
code = compile(source, "<lesson>", "exec")
print("compiled to:", type(code).__name__)  # nothing has run yet
exec(code)  # the interpreter runs the code object
