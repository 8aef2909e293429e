# Defaults are computed once, by `def`.
def add_item(item, items=[]):
    items.append(item)
    return items


print("first: ", add_item(1))
print("second:", add_item(2))
print("kept:  ", add_item.__defaults__)
