# Shallow and deep copies of a nested list, and a classic aliasing trap.
import copy

config = {"name": "demo", "tags": ["a", "b"]}
shallow = copy.copy(config)
deep = copy.deepcopy(config)
shallow["tags"].append("from shallow")
deep["tags"].append("from deep")
print("original tags:", config["tags"])  # the shallow copy shares the inner list

grid = [[0] * 3] * 3       # three references to ONE row
grid[0][0] = 1
print("trap: ", grid)
grid = [[0] * 3 for _ in range(3)]  # three separate rows
grid[0][0] = 1
print("fixed:", grid)
