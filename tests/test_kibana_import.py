"""`python -m indexer kibana-import` against a stand-in for Kibana's saved-objects import API.

The stand-in (a small HTTP server on loopback) checks the request exactly as Kibana documents it:
`POST /api/saved_objects/_import?overwrite=true`, a `kbn-xsrf` header, a multipart/form-data body
whose one field `file` is an `.ndjson` file of saved objects; it answers in Kibana's shapes
(200 with `success`/`successCount`/`successResults`/`errors`, 400 and 503 errors). It stands in
for Kibana only; nothing here touches Elasticsearch.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from core.settings import Settings
from indexer import kibana
from indexer.__main__ import main

NDJSON = Path(__file__).resolve().parent.parent / "kibana" / "osce-releases.ndjson"
NOT_READY = {"statusCode": 503, "error": "Service Unavailable", "message": "Kibana is not ready"}


def check_import_request(method: str, target: str, headers, body: bytes) -> list[dict]:
    """Kibana's import contract; returns the saved objects posted, raises ValueError otherwise."""
    url = urlsplit(target)
    if method != "POST" or url.path != "/api/saved_objects/_import":
        raise ValueError(f"expected POST /api/saved_objects/_import, got {method} {url.path}")
    if parse_qs(url.query) != {"overwrite": ["true"]}:
        raise ValueError(f"expected ?overwrite=true, got ?{url.query}")
    if not headers.get("kbn-xsrf"):
        raise ValueError("Request must contain a kbn-xsrf header.")
    content_type = headers.get("Content-Type", "")
    if not content_type.startswith("multipart/form-data;") or "boundary=" not in content_type:
        raise ValueError(f"expected multipart/form-data with a boundary, got {content_type!r}")
    if int(headers.get("Content-Length", -1)) != len(body):
        raise ValueError("Content-Length does not match the body")
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    if not message.is_multipart() or message.defects:
        raise ValueError(f"malformed multipart body: {message.defects}")
    parts = list(message.iter_parts())
    if len(parts) != 1:
        raise ValueError(f"expected one form field, got {len(parts)}")
    part = parts[0]
    if (
        part.get_content_disposition() != "form-data"
        or part.get_param("name", header="content-disposition") != "file"
    ):
        raise ValueError("[request body.file]: expected a form field named file")
    filename = part.get_filename() or ""
    if not filename.endswith(".ndjson"):
        raise ValueError(f"Invalid file extension {Path(filename).suffix or '(none)'}")
    raw = part.get_payload(decode=True)
    objects = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    if not objects or not all({"type", "id", "attributes"} <= set(o) for o in objects):
        raise ValueError("every line must be a saved object with type, id and attributes")
    return objects


class StandIn:
    """A scripted Kibana: answers 503 `not_ready` times, then imports (or `reject`s) the objects."""

    def __init__(self, port: int = 0, not_ready: int = 0, reject: set[str] | None = None):
        self.not_ready = not_ready
        self.reject = reject or set()
        self.requests: list[dict] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                stand_in.requests.append({"path": self.path, "headers": dict(self.headers)})
                if stand_in.not_ready > 0:
                    stand_in.not_ready -= 1
                    return self.reply(503, NOT_READY)
                try:
                    objects = check_import_request("POST", self.path, self.headers, body)
                except ValueError as exc:
                    return self.reply(
                        400, {"statusCode": 400, "error": "Bad Request", "message": str(exc)}
                    )
                stand_in.requests[-1]["objects"] = objects
                self.reply(200, stand_in.answer(objects))

            def do_GET(self) -> None:  # noqa: N802
                self.reply(404, {"statusCode": 404, "error": "Not Found", "message": "Not Found"})

            def reply(self, status: int, data: dict) -> None:
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @staticmethod
    def title(obj: dict) -> str:
        """Kibana's management title: a data view's `name` when it has one, else `title`."""
        return obj["attributes"].get("name") or obj["attributes"]["title"]

    def answer(self, objects: list[dict]) -> dict:
        """Kibana's import response: successResults for imported objects, errors for the rest."""
        ok = [o for o in objects if o["id"] not in self.reject]
        errors = [
            {
                "id": o["id"],
                "type": o["type"],
                "meta": {"title": self.title(o)},
                "error": {"type": "missing_references", "references": o["references"]},
            }
            for o in objects
            if o["id"] in self.reject
        ]
        return {
            "success": not errors,
            "successCount": len(ok),
            "successResults": [
                {"type": o["type"], "id": o["id"], "meta": {"title": self.title(o)}} for o in ok
            ],
            **({"errors": errors} if errors else {}),
        }

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def stand_in() -> Iterator[StandIn]:
    server = StandIn()
    yield server
    server.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_imports_every_object_in_one_documented_request(stand_in):
    result = kibana.import_objects(stand_in.url, NDJSON, timeout=5)
    expected = [json.loads(line) for line in NDJSON.read_text().splitlines()]
    assert result.success and result.attempts == 1
    assert [(o["type"], o["id"]) for o in result.imported] == [
        (o["type"], o["id"]) for o in expected
    ]
    assert len(stand_in.requests) == 1
    assert stand_in.requests[0]["path"] == "/api/saved_objects/_import?overwrite=true"
    assert "Releases per year" in result.summary()


def test_stand_in_rejects_what_kibana_rejects(stand_in):
    """The stand-in is strict: a request without kbn-xsrf, or a .json file, gets Kibana's 400."""
    body, content_type = kibana.multipart("objects.ndjson", NDJSON.read_bytes())
    headers = {"Content-Type": content_type, "Content-Length": str(len(body))}
    with pytest.raises(ValueError, match="kbn-xsrf"):
        check_import_request("POST", "/api/saved_objects/_import?overwrite=true", headers, body)
    body, content_type = kibana.multipart("objects.json", NDJSON.read_bytes())
    headers = {"kbn-xsrf": "x", "Content-Type": content_type, "Content-Length": str(len(body))}
    with pytest.raises(ValueError, match="extension"):
        check_import_request("POST", "/api/saved_objects/_import?overwrite=true", headers, body)
    with pytest.raises(ValueError, match="overwrite"):
        check_import_request("POST", "/api/saved_objects/_import", headers, body)


def test_retries_while_kibana_answers_503(stand_in):
    stand_in.not_ready = 2
    waits: list[float] = []
    result = kibana.import_objects(
        stand_in.url, NDJSON, timeout=30, interval=0.5, sleep=waits.append
    )
    assert result.success and result.attempts == 3
    assert waits == [0.5, 0.5]
    assert len(stand_in.requests) == 3


def test_retries_while_the_connection_is_refused():
    """Nothing listens at first; the stand-in comes up during the client's first wait."""
    port = free_port()
    started: list[StandIn] = []

    def start_kibana(_seconds: float) -> None:
        if not started:
            started.append(StandIn(port=port))

    try:
        result = kibana.import_objects(
            f"http://127.0.0.1:{port}", NDJSON, timeout=30, sleep=start_kibana
        )
        assert result.success and result.attempts == 2
    finally:
        for server in started:
            server.close()


def test_gives_up_after_the_timeout(stand_in):
    stand_in.not_ready = 10**6
    with pytest.raises(kibana.KibanaImportError, match="not ready after"):
        kibana.import_objects(stand_in.url, NDJSON, timeout=0.6, interval=0.2)
    assert 2 <= len(stand_in.requests) <= 10


def test_an_error_response_is_reported_without_retrying(stand_in, tmp_path, capsys):
    bad = tmp_path / "objects.json"  # Kibana refuses anything but .ndjson
    bad.write_bytes(NDJSON.read_bytes())
    code = main(["kibana-import", "--kibana-url", stand_in.url, "--file", str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert "HTTP 400" in err and "Invalid file extension .json" in err
    assert len(stand_in.requests) == 1


def test_rejected_objects_are_reported_and_fail_the_command(stand_in, capsys):
    stand_in.reject = {"osce-top-places"}
    code = main(["kibana-import", "--kibana-url", stand_in.url, "--file", str(NDJSON)])
    out = capsys.readouterr()
    assert code == 1
    assert "FAILED lens osce-top-places (missing_references) Top places" in out.out
    total = len(NDJSON.read_text().splitlines())
    assert f"imported {total - 1} saved object(s)" in out.out


def test_cli_reports_what_was_imported(stand_in, capsys):
    code = main(["kibana-import", "--kibana-url", stand_in.url + "/", "--alias", "osce-other"])
    out = capsys.readouterr().out
    assert code == 0
    total = len(NDJSON.read_text().splitlines())
    assert out.startswith(f"imported {total} saved object(s) into Kibana")
    assert "dashboard osce-releases-overview: OSCE press releases: overview" in out
    assert "index-pattern osce-releases: OSCE press releases" in out
    posted = stand_in.requests[0]["objects"]
    assert [o["attributes"]["title"] for o in posted if o["type"] == "index-pattern"] == [
        "osce-other"
    ]


def test_space_and_auth():
    assert kibana.import_url("http://k:5601/", "analysts") == (
        "http://k:5601/s/analysts/api/saved_objects/_import?overwrite=true"
    )
    assert kibana.import_url("http://k:5601", "default").endswith(
        "5601/api/saved_objects/_import?overwrite=true"
    )
    settings = Settings.from_env({"KIBANA_USERNAME": "elastic", "KIBANA_PASSWORD": "changeme"})
    header = kibana._auth_header(settings.kibana_username, settings.kibana_password)
    assert header == {"Authorization": "Basic ZWxhc3RpYzpjaGFuZ2VtZQ=="}
    assert kibana._auth_header(None, None) == {}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kibana-url", "localhost:5601"], "not an http(s) URL"),
        (["--file", "/nonexistent/objects.ndjson"], "No such file"),
    ],
)
def test_bad_input_is_a_clear_error(argv, message, capsys):
    assert main(["kibana-import", "--timeout", "0", *argv]) == 1
    assert message in capsys.readouterr().err
