"""Opening input files safely, and naming them printably.

Only regular files are read: a FIFO in a corpus directory would block ``open``
forever and a link to ``/dev/zero`` would read without end (issue 15). Files are
opened with ``O_NONBLOCK`` (a FIFO then opens at once) and checked with ``fstat``
on the open descriptor, so what is checked is what is read. Single-page files are
read up to ``MAX_FILE_BYTES``.

Names are reported through ``waishi.paths.shown_path`` (undecodable bytes and
control characters escaped).
"""

from __future__ import annotations

import io
import os
import stat

from ..errors import InputError, PageTooLargeError

__all__ = ["MAX_FILE_BYTES", "open_regular", "read_capped"]

# A news page is some 100 KB of HTML; 64 MB is far past any page and still fits in
# memory comfortably. The extractor's own limit (MAX_PAGE_CHARS) then applies to the text.
MAX_FILE_BYTES = 64 * 1024 * 1024

_KINDS = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "not a regular file (a FIFO)"),
          (stat.S_ISCHR, "not a regular file (a character device)"),
          (stat.S_ISBLK, "not a regular file (a block device)"),
          (stat.S_ISSOCK, "not a regular file (a socket)"))


def open_regular(path: str | os.PathLike[str], label: str | None = None) -> io.BufferedReader:
    """Open ``path`` for binary reading if it is a regular file (symlinks followed).

    Raises InputError naming ``label`` (default: the path) when the file is missing,
    unreadable, a loop of links or anything but a regular file; never blocks.
    """
    from .decode import os_error

    name = label if label is not None else str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise os_error(name, e) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            reason = next((r for test, r in _KINDS if test(mode)), "not a regular file")
            raise InputError(name, reason)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: str | os.PathLike[str], label: str | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, refusing files of more than ``limit`` bytes.

    Reads at most ``limit + 1`` bytes whatever the file claims to be (a file can
    grow while read, a procfs file reports size 0).
    """
    from .decode import os_error

    name = label if label is not None else str(path)
    with open_regular(path, name) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as e:
            raise os_error(name, e) from None
    if len(data) > limit:
        raise PageTooLargeError(name, f"file too large: more than {limit:,} bytes, more than any single page")
    return data
