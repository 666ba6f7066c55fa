import keyword
print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), sorted(keyword.__all__))
for w in ['if', 'match', 'case', '_', 'print', 'True', 'None', 'async', 'await', '', 'IF', 'type', 'yield']:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
for bad in [None, 1, [], ('if',)]:
    try:
        print(repr(bad), keyword.iskeyword(bad), keyword.issoftkeyword(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(keyword.kwlist == sorted(keyword.kwlist))
