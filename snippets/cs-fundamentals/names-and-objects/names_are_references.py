# A name refers to an object; assignment copies the reference only.
scores = [90, 85]
also_scores = scores          # a second name for the same list
also_scores.append(70)        # one list, changed through either name

print("scores      ->", scores)
print("also_scores ->", also_scores)
print("same object?", also_scores is scores)

also_scores = [1, 2, 3]       # rebinding the name leaves the list alone
print("scores      ->", scores)
print("also_scores ->", also_scores)
print("same object?", also_scores is scores)
