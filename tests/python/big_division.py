# True division of big ints: huge operands with modest quotients, tiny quotients, signs.
print(10**400/10**399, 1/10**400, 2**2000/3**1000, -(10**30)/7, 10**20/3, (3**300)/(-(2**400)))
try:
    print(10**400/3)
except OverflowError as e:
    print("OverflowError", e)
