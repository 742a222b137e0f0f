"""What every command shares: the dataset in use (loaded once, on first use) and output settings."""

from typing import Any

import click

from .errors import InvalidData


class Session:
    def __init__(self, data_dir: str | None = None, no_color: bool = False):
        self.data_dir = data_dir
        self.no_color = no_color
        self._compiled: Any = None

    @property
    def compiled(self) -> Any:
        """The dataset in use, compiled (compiled.Compiled): loaded once, on first use."""
        if self._compiled is None:
            from .compiled import open_compiled
            from .loader import DatasetError

            try:
                self._compiled = open_compiled(self.data_dir)
            except DatasetError as error:
                raise InvalidData(describe_dataset_error(error)) from None
        return self._compiled

    @property
    def catalog(self) -> Any:
        """Every record of the dataset in use, as record types (catalog.Catalog)."""
        return self.compiled.catalog


def describe_dataset_error(error: Any) -> str:
    count = len(error.problems)
    lines = [f"{error.location} is not valid ({count} problem{'s' if count > 1 else ''}):"]
    lines += [f"  {problem}" for problem in error.problems]
    return "\n".join(lines)


def session() -> Session:
    return click.get_current_context().ensure_object(Session)


pass_session = click.make_pass_decorator(Session, ensure=True)
