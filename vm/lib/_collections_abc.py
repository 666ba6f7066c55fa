"""CPython's name for collections.abc: pystm keeps the ABCs in collections.abc, and this module
becomes that one (the modules of CPython's library import them as _collections_abc)."""
import sys
import collections.abc

sys.modules[__name__] = collections.abc
