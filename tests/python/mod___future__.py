from __future__ import annotations
import __future__

# NOTE: pystm does not implement PEP 563 (postponed evaluation), so the
# annotations used here are all valid at definition time.
def f(x: int) -> "also":
    return x
print(sorted(f.__annotations__))

class C:
    b: "str"
print(list(C.__annotations__))

print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    feat = getattr(__future__, name)
    print(name, feat, feat.getOptionalRelease(), feat.getMandatoryRelease(), feat.compiler_flag)
print(__future__.annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)
print(type(__future__.division).__name__)
print(sorted(__future__.__all__))
print(annotations)
