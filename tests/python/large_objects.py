# Objects too large for the nursery (lists, tuples, sorted copies of 10,000 items) are filled
# with young strings; they must survive the collections that follow.
def f():
    for k in range(200000):
        pass
    l = [str(i) * 3 for i in range(10000)]
    l2 = sorted(l)
    l3 = l[:]
    t = tuple(str(i) * 3 for i in range(10000))
    for k in range(300000):
        junk = [k]
    print(l2[-1], l3[-1], t[-1], l2[5000], t[1234])

f()
print('%5s|%-5s|%5r|%3c|' % ('ab', 'cd', 'e', 'z'))
