"""Exit codes and the errors commands raise; click prints them as `Error: ...` on stderr."""

import click

EXIT_OK = 0
EXIT_NOT_FOUND = 1  # no such record, no search hit
EXIT_INVALID_DATA = 1  # the dataset in use has problems
EXIT_USAGE = 2  # click's own code for bad arguments


class NotFound(click.ClickException):
    exit_code = EXIT_NOT_FOUND


class InvalidData(click.ClickException):
    exit_code = EXIT_INVALID_DATA


class CannotWrite(click.ClickException):
    """An output file or folder that exists, is in the wrong place, or can't be written."""

    exit_code = 1


class NotAContact(click.ClickException):
    """A record that can't be made into contact cards (only mini clusters have phone numbers)."""

    exit_code = 1
