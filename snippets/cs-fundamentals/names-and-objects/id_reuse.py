# id() is unique only among objects that exist at the same time.
first = object()
first_id = id(first)
del first  # its last reference: the object is freed at once
second = object()  # may take the memory the first one had
print("first: ", hex(first_id))
print("second:", hex(id(second)))
print("same id as the dead object?", id(second) == first_id)
print("id(object()) == id(object())?", id(object()) == id(object()))
