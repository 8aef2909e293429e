# The parser builds an abstract syntax tree (AST) from the tokens.
import ast
import warnings

tree = ast.parse("def add(a, b):\n    return a + b\n")
print(ast.dump(tree.body[0], indent=2))

# The node classes change between versions too.
print("FunctionDef has type_params:",
      "type_params" in ast.FunctionDef._fields)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    print("ast.Num still exists:", hasattr(ast, "Num"))
