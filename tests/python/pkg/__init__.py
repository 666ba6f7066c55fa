# A package: this runs on the first 'import pkg' (or 'import pkg.sub').
print("pkg: executing __init__, __name__ =", __name__)

from .sub import sub_function          # relative import of a submodule's name
from . import sub as _sub_alias

PKG_VALUE = "value from pkg/__init__"
__all__ = ["PKG_VALUE", "sub_function"]
