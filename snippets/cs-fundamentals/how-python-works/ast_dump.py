# The parser builds an abstract syntax tree (AST) from the tokens.
import ast

tree = ast.parse("def add(a, b):\n    return a + b\n")
print(ast.dump(tree.body[0], indent=2))
