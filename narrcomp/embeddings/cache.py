"""Persistent, content-addressed embedding cache in one SQLite file.

Each row holds one float32 vector keyed by
``sha256(model identity + "\\x00" + normalised text)``. The file uses SQLite's
write-ahead log, so several processes can read and write at once, and every
batch is committed as soon as it is computed: a run killed half-way leaves a
usable cache and the next run computes only what is missing. No pickle is
involved; vectors are stored as little-endian float32 bytes with a CRC32.

Damage is repaired, not fatal:

* an entry whose CRC or length is wrong is reported once per file (a
  ``RuntimeWarning``), deleted and recomputed;
* a file that SQLite cannot read is reported once, renamed
  ``<name>.corrupt-<timestamp>`` and rebuilt empty.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import warnings
import zlib
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from narrcomp.errors import CacheError

__all__ = ["EmbeddingCache", "default_cache_dir", "DB_NAME"]

DB_NAME = "embeddings.sqlite3"
_DB_SUFFIXES = (".sqlite3", ".sqlite", ".db")
_BUSY_TIMEOUT_MS = 60_000
_CHUNK = 500  # keys per SELECT (well under SQLite's variable limit)
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, model TEXT NOT NULL, "
    "dim INTEGER NOT NULL, vec BLOB NOT NULL, crc INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS embeddings_model ON embeddings(model)",
)

_lock = threading.Lock()
_checked: set[str] = set()
_warned: set[tuple[str, str]] = set()


def default_cache_dir() -> Path:
    """Folder of the default cache: ``$NARRCOMP_CACHE_DIR`` or the user cache dir.

    Examples
    --------
    >>> default_cache_dir()  # doctest: +SKIP
    PosixPath('/home/me/.cache/narrcomp/embeddings')
    """
    env = os.environ.get("NARRCOMP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("narrcomp")) / "embeddings"


def _warn_once(path: Path, kind: str, message: str) -> None:
    with _lock:
        if (str(path), kind) in _warned:
            return
        _warned.add((str(path), kind))
    warnings.warn(message, RuntimeWarning, stacklevel=4)


class EmbeddingCache:
    """An embedding cache file (SQLite, WAL mode), opened lazily.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A folder (the file is ``<folder>/embeddings.sqlite3``) or a file ending
        in ``.sqlite3``, ``.sqlite`` or ``.db``. Default: :func:`default_cache_dir`.

    Examples
    --------
    >>> import tempfile, numpy as np
    >>> cache = EmbeddingCache(tempfile.mkdtemp())
    >>> cache.put_many([("k1", "demo@0", np.ones(3, dtype=np.float32))])
    >>> cache.get_many(["k1", "k2"], dim=3)["k1"].tolist()
    [1.0, 1.0, 1.0]
    >>> cache.info()["n_entries"]
    1
    >>> cache.close()
    """

    def __init__(self, path: str | os.PathLike | None = None):
        path = Path(path).expanduser() if path is not None else default_cache_dir()
        self.path = path if path.suffix in _DB_SUFFIXES else path / DB_NAME
        self._conn: sqlite3.Connection | None = None
        self.n_damaged = 0  # damaged entries found (and dropped) by this instance

    def __repr__(self) -> str:
        return f"EmbeddingCache({str(self.path)!r})"

    # -- connection -------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._open_checked()
        except sqlite3.OperationalError as exc:
            self._conn = None
            raise CacheError(f"{self.path}: cannot open the embedding cache ({exc})") from None
        except OSError as exc:
            raise CacheError(f"{self.path}: cannot create the embedding cache ({exc})") from None
        return self._conn

    def _open_checked(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:
            self._quarantine(exc)
            return self._open()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            with conn:
                for statement in _SCHEMA:
                    conn.execute(statement)
            self._check_once(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _check_once(self, conn: sqlite3.Connection) -> None:
        """Run SQLite's quick integrity check once per file and process."""
        key = str(self.path.resolve())
        with _lock:
            if key in _checked:
                return
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise sqlite3.DatabaseError("integrity check failed: " + "; ".join(r[0] for r in rows[:3]))
        with _lock:
            _checked.add(key)

    def _quarantine(self, exc: Exception) -> None:
        """Move a damaged file aside (with its -wal/-shm) so a fresh one can be built."""
        self.close()
        stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.path) + suffix)
            try:
                src.rename(Path(str(target) + suffix))
            except FileNotFoundError:
                pass  # already moved by another process, or never existed
            except OSError as err:
                raise CacheError(f"{src}: damaged cache file could not be moved aside ({err})") from None
        with _lock:
            _checked.discard(str(self.path.resolve()))
        _warn_once(self.path, "file",
                   f"{self.path}: embedding cache file is damaged ({exc}); moved it to "
                   f"{target.name} and started an empty cache.")

    def _run(self, operation):
        """Run ``operation(conn)``; rebuild a damaged file once and retry."""
        try:
            return operation(self._connect())
        except sqlite3.OperationalError as exc:
            raise CacheError(f"{self.path}: embedding cache error ({exc})") from None
        except sqlite3.DatabaseError as exc:
            self._quarantine(exc)
            return operation(self._connect())

    def close(self) -> None:
        """Close the connection (the cache reopens on next use)."""
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> "EmbeddingCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- entries ----------------------------------------------------------
    def get_many(self, keys: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        """Return ``{key: vector}`` for the keys present and intact.

        Damaged entries (wrong CRC, wrong length or dimension) are deleted,
        reported once per file, and left out so that they are recomputed.
        """
        keys = list(keys)

        def read(conn):
            found, bad = {}, []
            for start in range(0, len(keys), _CHUNK):
                part = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(part))
                rows = conn.execute(
                    f"SELECT key, dim, vec, crc FROM embeddings WHERE key IN ({marks})", part)
                for key, row_dim, blob, crc in rows:
                    if _intact(blob, row_dim, crc, dim):
                        found[key] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
                    else:
                        bad.append(key)
            if bad:
                with conn:
                    conn.executemany("DELETE FROM embeddings WHERE key = ?", [(k,) for k in bad])
            return found, bad

        found, bad = self._run(read)
        if bad:
            _warn_once(self.path, "entry",
                       f"{self.path}: {len(bad)} damaged embedding cache entr"
                       f"{'y' if len(bad) == 1 else 'ies'} (CRC or length mismatch); recomputing.")
        self.n_damaged += len(bad)
        return found

    def put_many(self, items: Iterable[tuple[str, str, np.ndarray]]) -> None:
        """Store ``(key, model_label, vector)`` rows and commit them at once."""
        rows = []
        for key, label, vec in items:
            blob = np.ascontiguousarray(vec, dtype="<f4").tobytes()
            rows.append((key, label, int(np.size(vec)), blob, zlib.crc32(blob)))
        if not rows:
            return

        def write(conn):
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO embeddings (key, model, dim, vec, crc) "
                    "VALUES (?, ?, ?, ?, ?)", rows)

        self._run(write)

    def info(self) -> dict:
        """``path``, ``n_entries``, ``size_bytes`` (with -wal/-shm) and ``models`` counts."""
        def read(conn):
            return dict(conn.execute("SELECT model, COUNT(*) FROM embeddings GROUP BY model "
                                     "ORDER BY model").fetchall())

        models = self._run(read)
        size = sum(Path(str(self.path) + s).stat().st_size
                   for s in ("", "-wal", "-shm") if Path(str(self.path) + s).exists())
        return {"path": str(self.path), "n_entries": int(sum(models.values())),
                "size_bytes": int(size), "models": {k: int(v) for k, v in models.items()}}

    def clear(self, model: str | None = None) -> int:
        """Delete all entries, or those of one model (name or ``name@hash`` label).

        Returns the number of entries deleted.
        """
        def delete(conn):
            with conn:
                if model is None:
                    cur = conn.execute("DELETE FROM embeddings")
                else:
                    cur = conn.execute("DELETE FROM embeddings WHERE model = ? OR "
                                       "substr(model, 1, ?) = ?",
                                       (model, len(model) + 1, model + "@"))
            n = cur.rowcount
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if model is None:
                conn.execute("VACUUM")
            return n

        return int(self._run(delete))


def _intact(blob, row_dim, crc, dim) -> bool:
    return (isinstance(blob, bytes) and row_dim == dim and len(blob) == 4 * dim
            and zlib.crc32(blob) == crc)
