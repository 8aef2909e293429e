# nonlocal rebinds the outer variable.
def make_total():
    total = 0

    def add(amount):
        nonlocal total
        total += amount
        return total

    return add


cart = make_total()
print(cart(5), cart(10), cart(1))
cell = cart.__closure__[0]
print("cell:", cell.cell_contents)
print("new total:", make_total()(7))
