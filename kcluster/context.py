"""What every command shares: the dataset in use (opened once, on first use) and output settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .commands.exits import InvalidData

if TYPE_CHECKING:
    from .catalog import Catalog


class Session:
    def __init__(self, data_dir: str | None = None, no_color: bool = False, no_pager: bool = False):
        self.data_dir = data_dir
        self.no_color = no_color
        self.no_pager = no_pager
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        """The catalogue of the dataset in use: opened once, on first use."""
        if self._catalog is None:
            from . import load
            from .loader import DatasetError

            try:
                self._catalog = load(self.data_dir)
            except DatasetError as error:
                raise InvalidData(str(error)) from None  # every problem, as `validate` lists them
        return self._catalog


def session() -> Session:
    return click.get_current_context().ensure_object(Session)


pass_session = click.make_pass_decorator(Session, ensure=True)
