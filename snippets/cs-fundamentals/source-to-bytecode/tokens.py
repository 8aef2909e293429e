# The tokenizer cuts source text into tokens: names, operators, ...
import io
import tokenize

source = "total = price * 2\n"
for token in tokenize.generate_tokens(io.StringIO(source).readline):
    print(f"{tokenize.tok_name[token.type]:<10} {token.string!r}")
