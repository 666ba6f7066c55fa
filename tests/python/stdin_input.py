# input() reads lines from stdin; EOF raises EOFError.
name = input("name? ")
print("hello", name)
n = int(input())
print(sum(int(input()) for _ in range(n)))
try:
    input()
except EOFError as e:
    print("EOFError", e)
