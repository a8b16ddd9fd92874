"""Plain data classes: what `@dataclass` gives mtqa's small record types (repr, ==, and for
frozen ones hash and immutability), without its start-up cost.

`@dataclass` writes each class's `__init__`, `__repr__` and `__eq__` as source text and
compiles it when the module is imported: ~2.5 M instructions per class, ~70 M for the ~30
record classes a one-file check imports, a fifth of mtqa's cold start (docs/scale.md, "Cold
start"). A `Plain` subclass lists its fields as annotations (the order is the repr's), writes
its own `__init__` (explicit, as fast as the generated one), and inherits the rest from here:

    class Edit(FrozenPlain):
        start: int
        end: int
        content: str

        def __init__(self, start, end, content):
            _set = object.__setattr__
            _set(self, "start", start); _set(self, "end", end); _set(self, "content", content)

`repr(x)` is `Edit(start=1, end=2, content='x')` and `==` compares the fields of two objects
of the same class, as with a dataclass; `_not_compared` names fields left out of `==` and the
repr (dataclass `field(compare=False, repr=False)`). A mutable `Plain` is unhashable, a
`FrozenPlain` hashes its compared fields and refuses assignment; `x.replaced(field=value)` is `dataclasses.replace`. Instances keep a `__dict__`,
so pickling, `copy` and the cache's field-by-field rebuilding work as before.
"""
from __future__ import annotations

from typing import ClassVar, FrozenSet, Tuple


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen record (as dataclasses.FrozenInstanceError)."""


class Plain:
    _fields: ClassVar[Tuple[str, ...]] = ()
    _compared: ClassVar[Tuple[str, ...]] = ()
    _not_compared: ClassVar[FrozenSet[str]] = frozenset()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        own = [n for n, a in cls.__dict__.get("__annotations__", {}).items()
               if not str(a).startswith(("ClassVar", "typing.ClassVar"))]
        cls._fields = tuple(dict.fromkeys([*cls._fields, *own]))
        cls._compared = tuple(n for n in cls._fields if n not in cls._not_compared)

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._compared)
        return f"{type(self).__qualname__}({fields})"

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in self._compared)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def replaced(self, **changes):
        """A copy with some fields changed (as dataclasses.replace)."""
        return type(self)(**{**{n: getattr(self, n) for n in self._fields}, **changes})

    __hash__ = None  # type: ignore[assignment]  (mutable, as a non-frozen dataclass)


class FrozenPlain(Plain):
    def __setattr__(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())


_MISSING = object()


class LazyValues(dict):
    """A dict loaded from the on-disk cache whose values are held in their stored form (of the
    subclass's `_stored` type) until a key is first looked up, then built by the subclass's
    `_build(key, stored)` and kept in its place (by `_kept`). Membership tests never build;
    `[]`, `get`, `values` and `items` return built values (a cached mtqa.glossary's tables,
    mtqa.phrases' trie)."""

    __slots__ = ()
    _stored: ClassVar[type] = object

    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        return self._kept(key, value) if type(value) is self._stored else value

    def get(self, key, default=None):
        value = dict.get(self, key, _MISSING)
        if value is _MISSING:  # (a default of the stored type, `()` or 0, is not built)
            return default
        return self._kept(key, value) if type(value) is self._stored else value

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def _kept(self, key, stored):
        value = self._build(key, stored)
        dict.__setitem__(self, key, value)
        return value

    def _build(self, key, stored):
        raise NotImplementedError
