"""What every command shares: the dataset in use (loaded once, on first use) and output settings."""

from dataclasses import dataclass, field

import click

from .catalog import Catalog, load_catalog
from .errors import InvalidData
from .loader import DatasetError


@dataclass
class Session:
    data_dir: str | None = None
    no_color: bool = False
    _catalog: Catalog | None = field(default=None, repr=False)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            try:
                self._catalog = load_catalog(self.data_dir)
            except DatasetError as error:
                raise InvalidData(describe_dataset_error(error)) from None
        return self._catalog


def describe_dataset_error(error: DatasetError) -> str:
    count = len(error.problems)
    lines = [f"{error.location} is not valid ({count} problem{'s' if count > 1 else ''}):"]
    lines += [f"  {problem}" for problem in error.problems]
    return "\n".join(lines)


def session() -> Session:
    return click.get_current_context().ensure_object(Session)


pass_session = click.make_pass_decorator(Session, ensure=True)
