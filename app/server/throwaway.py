"""A throw-away sync server in a thread, for `loket screenshots`: uvicorn serving
app.server.api on an SQLite file in a temporary folder. The window code never imports it:
`loket screenshots` (app.cli.ui_cmds) hands it to the screenshot session, which only sees its
address and its enrolment codes (app.ui.shots.session.SyncServer)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any


class ThrowawayServer:
    def __init__(self, path: Path) -> None:
        import uvicorn

        from app.server.api import create_app
        from app.server.db import create_schema, make_server_engine

        self.engine = make_server_engine(str(path))
        create_schema(self.engine)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        self.url = f"http://127.0.0.1:{port}"
        self._server: Any = uvicorn.Server(
            uvicorn.Config(
                create_app(self.engine), host="127.0.0.1", port=port, log_level="warning"
            )
        )
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)

    def code(self, office: str) -> str:
        from app.server.admin import make_enroll_code

        return make_enroll_code(self.engine, office)

    def close(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.engine.dispose()
