"""Read models: a row as a screen shows it, with what other queries found for it, so schemas never query.

A service that returns rows for a list loads what the schema shows beside them (crisis support, answers kept
in another table) for the whole list at once, and hands back `Shown` rows. Schemas read those values with
`Found` fields: a bare row reaching such a field is a view that skipped its read model, and fails loudly
rather than quietly showing less (or querying once per row).
"""
from marshmallow import fields


class Shown:
    """A row, read-only, plus the values a service found for it (`Shown(message, support=None, ...)`)."""

    def __init__(self, row, **found):
        self.__dict__["_row"] = row
        self.__dict__.update(found)

    def __getattr__(self, name):
        return getattr(self.__dict__["_row"], name)

    def __setattr__(self, name, value):
        raise AttributeError(f"a shown {type(self._row).__name__} is read-only: change the row itself")

    @property
    def row(self):
        return self.__dict__["_row"]


def found(obj, name):
    """The value a service found for a shown row; a bare row here means its read model was skipped (a bug)."""
    if not isinstance(obj, Shown):
        raise TypeError(f"{type(obj).__name__}.{name} is found by a read model, and this one was not built for it")
    return obj.__dict__[name]


class _FoundValue:
    def get_value(self, obj, attr, accessor=None, default=None):
        return found(obj, self.attribute or attr)


class Found(_FoundValue, fields.Raw):
    """A plain value a service found for the row (a dict, or None)."""


class FoundList(_FoundValue, fields.List):
    """A list a service found for the row, each item dumped by the inner field."""
