"""Typed records as a table: ``Table(records).to_arrow()`` / ``.to_pandas()``.

A ``Table`` is a read-only sequence of frozen dataclass records (``EventHit``,
``ArticleSummary``...). Converting flattens them: a nested record becomes prefixed columns
(``source_name``, ``source_country``, ``evidence_text``), an enum its code, a tuple a list.
pyarrow is a dependency of veille; pandas is imported only by ``to_pandas``.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum
from typing import Any, Generic, TypeVar, overload

R = TypeVar("R")


class Table(Sequence[R], Generic[R]):
    """Records in order, with ``total`` (how many matched, when more exist than were read)."""

    __slots__ = ("_records", "total")

    def __init__(self, records: Iterable[R], *, total: int | None = None):
        self._records = tuple(records)
        self.total = len(self._records) if total is None else total

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> "Table[R]": ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Table(self._records[index])
        return self._records[index]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __repr__(self) -> str:
        kind = type(self._records[0]).__name__ if self._records else "records"
        return f"<Table of {len(self)} {kind}{'' if self.total == len(self) else f' (of {self.total})'}>"

    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per record (the rows of ``to_arrow``)."""
        return [flatten(r) for r in self._records]

    def to_arrow(self):
        """A ``pyarrow.Table``, one row per record."""
        import pyarrow as pa

        return pa.Table.from_pylist(self.to_dicts())

    def to_pandas(self):
        """A ``pandas.DataFrame`` (needs pandas: ``pip install pandas``)."""
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install pandas "
                              "(or use to_arrow(), which needs nothing more)") from None
        return self.to_arrow().to_pandas()


def flatten(record: Any, prefix: str = "") -> dict[str, Any]:
    """A dataclass record as one flat dict of plain values."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        _put(out, prefix + field.name, getattr(record, field.name), field.type)
    return out


def _put(out: dict, name: str, value: Any, hint: Any) -> None:
    if dataclasses.is_dataclass(value):
        out.update(flatten(value, name + "_"))
    elif value is None and _nested_type(hint):
        out.update({f"{name}_{k}": None for k in _nested_type(hint)})
    elif isinstance(value, Enum):
        out[name] = value.value
    elif isinstance(value, tuple):
        out[name] = [_plain(v) for v in value]
    elif isinstance(value, dict):
        out[name] = {str(k): _plain(v) for k, v in value.items()} or None
    else:
        out[name] = value


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return flatten(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


_NESTED: dict[str, tuple[str, ...]] = {}


def _nested_type(hint: Any) -> tuple[str, ...]:
    """Column names of a nested record type named in a field's annotation (for None values),
    so that every row has the same columns whether the record is there or not."""
    text = hint if isinstance(hint, str) else getattr(hint, "__name__", str(hint))
    name = text.split("|")[0].strip()
    if name in _NESTED:
        return _NESTED[name]
    from veille import model

    kind = getattr(model, name, None)
    columns: tuple[str, ...] = ()
    if kind is not None and dataclasses.is_dataclass(kind):
        columns = tuple(_flat_names(kind))
    _NESTED[name] = columns
    return columns


def _flat_names(kind) -> Iterator[str]:
    for field in dataclasses.fields(kind):
        inner = _nested_type(field.type) if field.type != kind.__name__ else ()
        if inner:
            yield from (f"{field.name}_{n}" for n in inner)
        else:
            yield field.name
