# NameError for an undefined name at module level (a name with no near match, so CPython
# adds no "Did you mean" suggestion).
print("before the error")
total = 10
print(total + undefined_quantity)
print("not reached")
