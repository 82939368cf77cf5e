"""`python -m webui --port N`: serve the search page (development server)."""

from __future__ import annotations

import argparse

from core.settings import Settings
from webui import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m webui")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    app = create_app(settings=Settings.from_env())
    app.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
