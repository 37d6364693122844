"""File-system safety for everything ``kg`` writes.

* :func:`locked`: an exclusive lock (``fcntl.flock`` on a lock file) around a write; a
  second writer waits for the first (one line on stderr says so) or, with ``wait=False``,
  gets one clear line. The lock is released by the kernel when a process dies, so a
  killed run never leaves a lock behind.
* :class:`Staging`: files and directories written beside their targets under temporary
  names and moved into place together by :meth:`Staging.commit`; when anything fails
  before that (disk full, a kill, a bug) the targets keep their old content and the
  temporary files are removed. ``graph.ttl``, ``graph.html``, the other formats and an
  Oxigraph store of one build are replaced together or not at all.
* :func:`swap_directory`: a directory replaced in one step where the kernel offers it
  (Linux ``renameat2(RENAME_EXCHANGE)``), else by two renames that a later run completes
  or undoes (:func:`recover_directory`); readers see the old or the new directory, never a
  half-written one.
* :func:`clean_stale`: temporary files and directories of processes that no longer run
  (killed builds) are removed.
* :func:`os_error`: an ``OSError`` as a one-line :class:`GeoKGError` naming the path.

Temporary names are ``.NAME.PID-TOKEN.tmp`` (files), ``.NAME.PID-TOKEN.new`` (directories
being built) and ``.NAME.PID-TOKEN.old`` (directories being removed), beside ``NAME``.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import GeoKGError

_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOTDIR: "a path component is not a directory",
    errno.EISDIR: "is a directory",
    errno.EEXIST: "already exists",
    errno.ENOENT: "no such file or directory",
    errno.ELOOP: "too many levels of symbolic links (a symbolic link loop)",
    errno.ENAMETOOLONG: "file name too long",
    errno.EIO: "input/output error",
}
STALE_UNKNOWN_AFTER = 3600  # seconds: a temporary name without a readable pid is stale after this
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]+\.(?P<kind>tmp|new|old)$")


def reason(err: OSError) -> str:
    """A short reason for an OSError ("no space left on the device")."""
    if err.errno in _REASONS:
        return _REASONS[err.errno]
    return (err.strerror or err.__class__.__name__).lower()


def os_error(path: Path | str, err: OSError, doing: str = "write") -> GeoKGError:
    """``err`` as one line naming ``path``: "out/graph.ttl: cannot write (no space left on the device)"."""
    return GeoKGError(f"{path}: cannot {doing} ({reason(err)})")


def temp_name(target: Path, kind: str = "tmp") -> Path:
    """A fresh temporary name beside ``target`` (see the module docstring)."""
    return target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.{kind}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return True
    return True


def clean_stale(target: Path | str, *, kinds: tuple[str, ...] = ("tmp", "new", "old"),
                any_pid: bool = False) -> list[Path]:
    """Remove the temporary files and directories that runs which no longer exist left
    beside ``target`` (all of them, whatever their process, when ``any_pid``: the caller
    holds the lock of ``target``). Returns what was removed; errors are ignored."""
    target = Path(target)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    legacy = re.compile(r"^\." + re.escape(target.name) + r"\.[A-Za-z0-9_]{8}\.tmp$")  # mkstemp names of older versions
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m and m.group("name") == target.name and m.group("kind") in kinds:
            if not any_pid and _alive(int(m.group("pid"))):
                continue
        elif legacy.match(entry.name) and "tmp" in kinds:
            try:
                if not any_pid and time.time() - entry.stat(follow_symlinks=False).st_mtime < STALE_UNKNOWN_AFTER:
                    continue
            except OSError:
                continue
        else:
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


# --------------------------------------------------------------------------- locks


def lock_path(target: Path | str) -> Path:
    """The lock file of ``target``: ``.NAME.lock`` beside it (a directory that is replaced
    as a whole cannot hold its own lock)."""
    target = Path(target)
    return target.parent / f".{target.name}.lock"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def locked(path: Path | str, what: str, *, wait: bool = True,
           notify: Callable[[str], None] | None = _say) -> Iterator[None]:
    """Hold an exclusive lock on the lock file ``path`` (created when missing) for the
    block. ``what`` names what is protected in the messages. When another process holds
    it: wait (``notify`` gets one line first) or, with ``wait=False``, raise a one-line
    :class:`GeoKGError`. Where ``fcntl`` does not exist (Windows) the block runs unlocked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        raise os_error(path, err, "create the lock file") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise GeoKGError(f"{what}: being written by another kg process{holder} (lock {path}); "
                                 "try again when it has finished") from None
            if notify is not None:
                notify(f"kg: waiting for another kg process{holder} writing {what} to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as err:
            raise os_error(path, err, "lock") from None
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass  # the pid is only for messages
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    try:
        data = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {data})" if data.isdigit() else ""


# --------------------------------------------------------------------------- directories


RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2 = None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where that is not offered."""
    global _renameat2
    if not sys.platform.startswith("linux"):
        return False
    if _renameat2 is None:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            fn = libc.renameat2
            fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            fn.restype = ctypes.c_int
            _renameat2 = fn
        except (OSError, AttributeError):
            _renameat2 = False
    if not _renameat2:
        return False
    import ctypes

    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_directory(new: Path | str, target: Path | str) -> None:
    """Put the directory ``new`` at ``target`` and delete what was there. One atomic step
    where the kernel can exchange two names; otherwise ``target`` is first renamed to a
    ``.old`` name, which :func:`recover_directory` puts back if the process dies before
    ``new`` is in place."""
    new, target = Path(new), Path(target)
    if not target.exists() and not target.is_symlink():
        os.rename(new, target)
        _fsync_dir(target.parent)
        return
    if _exchange(new, target):
        _fsync_dir(target.parent)
        shutil.rmtree(new, ignore_errors=True)  # the old content, now under the temporary name
        return
    old = temp_name(target, "old")
    os.rename(target, old)
    os.rename(new, target)
    _fsync_dir(target.parent)
    shutil.rmtree(old, ignore_errors=True)


def recover_directory(target: Path | str) -> None:
    """After a run died between the two renames of :func:`swap_directory`: put the old
    directory back when ``target`` is missing, drop it when ``target`` is there. Call it
    holding the lock of ``target``."""
    target = Path(target)
    olds = sorted((p for p in target.parent.glob(f".{target.name}.*.old") if _TEMP.match(p.name)),
                  key=lambda p: p.stat().st_mtime if p.exists() else 0)
    if not olds:
        return
    if not target.exists():
        os.rename(olds[-1], target)
        olds = olds[:-1]
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- staged writes


def write_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of bytes one after the other) to ``path`` (a new
    temporary file), flushed to disk, with the permissions a plain ``open`` would give
    (``mkstemp`` would make it private)."""
    umask = os.umask(0)
    os.umask(umask)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        try:
            os.unlink(path)
        except OSError:
            pass
        raise


class Staging:
    """Outputs written under temporary names and moved into place together.

    ``with Staging() as stage: stage.write_text(out / "graph.ttl", text); …; stage.commit()``
    — leaving the block without :meth:`commit` (an error) removes everything staged and
    leaves the targets as they were. Files are renamed into place one after the other
    (each rename is atomic; the whole set takes microseconds), then staged directories are
    swapped in (:func:`swap_directory`).
    """

    def __init__(self) -> None:
        self._files: list[tuple[Path, Path]] = []
        self._dirs: list[tuple[Path, Path]] = []
        self.committed = False

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc) -> None:
        if not self.committed:
            self.abort()

    def file(self, target: Path | str) -> Path:
        """A temporary path beside ``target`` to write, moved to ``target`` on commit."""
        target = Path(target)
        tmp = temp_name(target, "tmp")
        self._files.append((tmp, target))
        return tmp

    def write_bytes(self, target: Path | str, data: bytes) -> Path:
        """Stage ``data`` for ``target``; returns ``target``."""
        target = Path(target)
        tmp = self.file(target)
        try:
            write_file(tmp, data)
        except OSError as err:
            raise os_error(target, err) from None
        return target

    def write_text(self, target: Path | str, text: str) -> Path:
        return self.write_bytes(target, text.encode("utf-8"))

    def staged(self, target: Path | str) -> Path | None:
        """The temporary path staged for ``target``, if any."""
        target = Path(target)
        return next((tmp for tmp, t in reversed(self._files) if t == target), None)

    def staged_directory(self, target: Path | str) -> Path | None:
        """The temporary directory staged for ``target``, if any."""
        target = Path(target)
        return next((tmp for tmp, t in reversed(self._dirs) if t == target), None)

    def directory(self, target: Path | str) -> Path:
        """A temporary directory path beside ``target`` (not created), swapped in on commit."""
        target = Path(target)
        tmp = temp_name(target, "new")
        self._dirs.append((tmp, target))
        return tmp

    def commit(self) -> None:
        try:
            for tmp, target in self._files:
                os.replace(tmp, target)
            for parent in {t.parent for _, t in self._files}:
                _fsync_dir(parent)
            for tmp, target in self._dirs:
                swap_directory(tmp, target)
        except OSError as err:
            name = err.filename or (self._files[0][1] if self._files else "output")
            raise os_error(name, err) from None
        self.committed = True

    def abort(self) -> None:
        for tmp, _ in self._files:
            try:
                tmp.unlink()
            except OSError:
                pass
        for tmp, _ in self._dirs:
            shutil.rmtree(tmp, ignore_errors=True)
        self._files.clear()
        self._dirs.clear()


def ensure_directory(path: Path | str, what: str = "output folder", *, create: bool = True) -> Path:
    """Create ``path`` (and parents) or raise one line saying why it cannot be: it is a
    file, it is under a file, it is read-only, … With ``create=False`` only check that it
    could be created (nothing is left behind when the work fails later)."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise GeoKGError(f"{path}: the {what} is a file, not a folder")
    if not create:
        existing = path
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            raise GeoKGError(f"{path}: cannot create the {what} ({existing} is a file, not a folder)")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise GeoKGError(f"{path}: cannot write in the {what} (permission denied or read-only)")
        return path
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise GeoKGError(f"{path}: the {what} is a file, not a folder") from None
    except OSError as err:
        raise os_error(path, err, f"create the {what}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise GeoKGError(f"{path}: cannot write in the {what} (permission denied or read-only)")
    return path
