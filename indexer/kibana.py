"""`kibana-import`: post the saved objects in kibana/ to Kibana's import API.

`POST /api/saved_objects/_import?overwrite=true`, multipart form field `file`, header `kbn-xsrf`
(Kibana's documented contract). Kibana answers 503 (or refuses connections) for a while after it
starts, so the import retries until a deadline; any other error is reported and not retried.
"""

from __future__ import annotations

import argparse
import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.settings import DEFAULT_KIBANA_URL, Settings

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "kibana" / "osce-releases.ndjson"
DEFAULT_URL = DEFAULT_KIBANA_URL
#: Answers meaning "Kibana is starting (or restarting) behind this address": try again.
RETRYABLE_STATUS = frozenset({502, 503, 504})


class KibanaImportError(RuntimeError):
    """Kibana said no (or never came up before the deadline)."""


@dataclass
class ImportResult:
    """What Kibana reported: objects imported, objects that failed, attempts it took."""

    success: bool
    imported: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    attempts: int = 1

    def summary(self) -> str:
        lines = [f"imported {len(self.imported)} saved object(s) into Kibana"]
        for obj in self.imported:
            title = (obj.get("meta") or {}).get("title", "")
            lines.append(f"  {obj.get('type')} {obj.get('id')}: {title}".rstrip(": "))
        for err in self.errors:
            reason = (err.get("error") or {}).get("type", "error")
            title = (err.get("meta") or {}).get("title") or err.get("title") or ""
            lines.append(f"  FAILED {err.get('type')} {err.get('id')} ({reason}) {title}".rstrip())
        return "\n".join(lines)


def load_ndjson(path: Path, alias: str | None = None) -> bytes:
    """The file's objects, each line checked as JSON; the data view retitled to `alias`."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KibanaImportError(f"{path}:{number}: not JSON: {exc}") from exc
        if alias and obj.get("type") == "index-pattern":
            obj["attributes"]["title"] = alias
        out.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
    if not out:
        raise KibanaImportError(f"{path}: no saved objects")
    return ("\n".join(out) + "\n").encode("utf-8")


def multipart(filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body with the one `file` field the import API reads."""
    boundary = f"----osce-search-{uuid.uuid4().hex}"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/ndjson\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return head + content + tail, f"multipart/form-data; boundary={boundary}"


def import_url(kibana_url: str, space: str | None = None) -> str:
    base = kibana_url.rstrip("/")
    prefix = f"/s/{space}" if space and space != "default" else ""
    return f"{base}{prefix}/api/saved_objects/_import?overwrite=true"


def _auth_header(user: str | None, password: str | None) -> dict[str, str]:
    """Basic auth from KIBANA_USERNAME / KIBANA_PASSWORD, for a secured stack."""
    if not user:
        return {}
    token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _error_text(exc: urllib.error.HTTPError) -> str:
    body = exc.read().decode("utf-8", "replace")
    try:
        data = json.loads(body)
        return f"{data.get('error', exc.reason)}: {data.get('message', body)}"
    except (json.JSONDecodeError, AttributeError):
        return body[:500] or str(exc.reason)


def import_objects(
    kibana_url: str,
    path: Path = DEFAULT_FILE,
    *,
    alias: str | None = None,
    space: str | None = None,
    timeout: float = 120.0,
    interval: float = 2.0,
    log: Callable[[str], None] = lambda _msg: None,
    sleep: Callable[[float], None] = time.sleep,
    username: str | None = None,
    password: str | None = None,
) -> ImportResult:
    """Post the saved objects, retrying while Kibana starts, until `timeout` seconds have passed."""
    if urllib.parse.urlsplit(kibana_url).scheme not in {"http", "https"}:
        raise KibanaImportError(f"not an http(s) URL: {kibana_url!r}")
    body, content_type = multipart(path.name, load_ndjson(path, alias))
    headers = {
        "kbn-xsrf": "osce-search",
        "Content-Type": content_type,
        **_auth_header(username, password),
    }
    url = import_url(kibana_url, space)
    deadline = time.monotonic() + timeout
    attempt = 0
    while True:
        attempt += 1
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=min(60.0, max(timeout, 1.0))) as resp:
                data = json.loads(resp.read().decode("utf-8"))
            return ImportResult(
                success=bool(data.get("success")),
                imported=list(data.get("successResults") or []),
                errors=list(data.get("errors") or []),
                attempts=attempt,
            )
        except urllib.error.HTTPError as exc:
            if exc.code not in RETRYABLE_STATUS:
                raise KibanaImportError(f"HTTP {exc.code} from {url}: {_error_text(exc)}") from exc
            why = f"HTTP {exc.code} (Kibana is starting)"
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            why = f"cannot connect ({reason})"
        except json.JSONDecodeError as exc:
            raise KibanaImportError(f"{url} did not answer JSON: {exc}") from exc
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise KibanaImportError(
                f"Kibana at {kibana_url} not ready after {attempt} attempt(s) "
                f"in {timeout:g}s: {why}"
            )
        log(f"waiting for Kibana: {why}; retrying in {min(interval, remaining):.0f}s")
        sleep(min(interval, remaining))


def add_parser(sub: argparse._SubParsersAction, settings: Settings) -> None:
    """Register `kibana-import` on the indexer's command line."""
    p = sub.add_parser("kibana-import", help="import the Kibana saved objects (kibana/*.ndjson)")
    p.add_argument("--kibana-url", default=settings.kibana_url)
    p.add_argument("--file", type=Path, default=DEFAULT_FILE, help="saved objects NDJSON")
    p.add_argument("--alias", default=settings.alias, help="alias the data view points at")
    p.add_argument("--space", help="Kibana space id (default space when omitted)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for Kibana")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between attempts")
    p.set_defaults(func=cmd_kibana_import)


def cmd_kibana_import(args: argparse.Namespace) -> int:
    """Exit 0 when every object was imported, 1 when Kibana rejected some or all of them."""
    import sys

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    try:
        result = import_objects(
            args.kibana_url,
            args.file,
            alias=args.alias,
            space=args.space,
            timeout=args.timeout,
            interval=args.interval,
            log=log,
            username=args.settings.kibana_username,
            password=args.settings.kibana_password,
        )
    except (KibanaImportError, OSError) as exc:
        print(f"error: Kibana import failed: {exc}", file=sys.stderr)
        return 1
    print(result.summary())
    if not result.success:
        print("error: Kibana rejected some saved objects (see FAILED above)", file=sys.stderr)
        return 1
    return 0
