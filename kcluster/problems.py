"""A problem of a dataset, as validation and the sector checks report it (no record types here:
the lookups that import this must stay quick)."""

import re
from dataclasses import dataclass

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Problem:
    file: str
    record: str | None  # the record's id, when there is one
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.record is not None:
            where.append(f"record {self.record!r}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return f"{': '.join(where)}: {self.message}"
