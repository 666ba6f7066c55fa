# assert: passing assertions, messages, caught AssertionError, evaluation of the message.

assert True
assert 1 == 1, "never shown"
assert [1], "non-empty list is truthy"
print("passing asserts are silent")

try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args, repr(str(e)))

try:
    assert False, "custom message"
except AssertionError as e:
    print("AssertionError", repr(e), e.args, str(e))

try:
    assert [], ("tuple", "message")
except AssertionError as e:
    print("AssertionError", e.args)

x = 5
try:
    assert x < 0, "x must be negative, got %d" % x
except AssertionError as e:
    print("AssertionError", e)

# The message expression is only evaluated when the assertion fails
def msg():
    print("  message evaluated")
    return "lazy"
assert True, msg()
try:
    assert None, msg()
except AssertionError as e:
    print("AssertionError", e)

# A non-string message object is kept as-is
class Detail:
    def __repr__(self):
        return "Detail()"
try:
    assert 0, Detail()
except AssertionError as e:
    print(type(e.args[0]).__name__, e.args)

# AssertionError is an Exception subclass; inside functions
def check_positive(n):
    assert n > 0, "n=%r" % n
    return n
for n in (3, 0, -2):
    try:
        print("ok", check_positive(n))
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(AssertionError, Exception), __debug__)

# Raising AssertionError directly
try:
    raise AssertionError("direct", 2)
except AssertionError as e:
    print(e.args, str(e))
