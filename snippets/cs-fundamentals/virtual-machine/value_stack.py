# The function the figure draws: step
# through it to watch its value stack.
def total(price, quantity):
    cost = price * quantity
    return cost + 5


print(total(20, 3))
