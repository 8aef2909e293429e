# What the bytecode explorer starts with: a
# loop, a comparison, a call and a list.
def total(prices, limit):
    kept = []
    for price in prices:
        if price < limit:
            kept.append(price)
    return sum(kept)


print(total([3, 12, 5], 10))
