# A syntax error on line 3: nothing runs, CPython reports file, line, source and a caret.
print("this is never printed, the whole file fails to compile")
x = (1 +* 2)
