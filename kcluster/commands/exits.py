"""Exit statuses and the errors commands raise; click prints them as `Error: ...` on stderr."""

import click


class ExitStatus:
    """The exit statuses besides 0 (found) and click's own 2 (usage): plain ints, since an
    enum class costs startup time and click takes ints."""

    NOT_FOUND = 1  # no such record, no search hit
    INVALID_DATA = 1  # the dataset in use has problems; an output that can't be written


class NotFound(click.ClickException):
    exit_code = ExitStatus.NOT_FOUND


class InvalidData(click.ClickException):
    exit_code = ExitStatus.INVALID_DATA


class CannotWrite(click.ClickException):
    """An output file or folder that exists, is in the wrong place, or can't be written."""

    exit_code = ExitStatus.INVALID_DATA


class NotAContact(click.ClickException):
    """A record that can't be made into contact cards (only mini clusters have phone numbers)."""

    exit_code = ExitStatus.NOT_FOUND
