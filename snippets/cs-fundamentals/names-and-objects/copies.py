# Shallow and deep copies of nested data, and a classic aliasing trap.
import copy

config = {"name": "demo", "tags": ["a", "b"]}
shallow = copy.copy(config)
deep = copy.deepcopy(config)
shallow["tags"].append("from shallow")
deep["tags"].append("from deep")
# the shallow copy shares the inner list with the original
print("original tags:", config["tags"])

grid = [[0] * 3] * 3       # three references to ONE row
grid[0][0] = 1
print("trap: ", grid)
grid = [[0] * 3 for _ in range(3)]  # three separate rows
grid[0][0] = 1
print("fixed:", grid)
