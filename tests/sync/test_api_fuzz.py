"""Fuzzing the server's OpenAPI document with schemathesis: no input gives a 5xx."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import httpx

from tests.sync.conftest import Server


def test_no_input_makes_the_server_fail(server: Server):
    code = server.enroll_code("JKT")
    enrolled = httpx.post(
        server.url + "/v1/enroll",
        headers={"X-Loket-Protocol": "1"},
        json={"code": code, "device_id": str(uuid.uuid4()), "device_no": 1, "office_code": "JKT"},
    )
    token = enrolled.json()["token"]
    st = shutil.which("schemathesis") or str(Path(sys.executable).parent / "schemathesis")
    out = subprocess.run(
        [
            st,
            "run",
            server.url + "/openapi.json",
            "--checks",
            "not_a_server_error",
            "-H",
            f"Authorization: Bearer {token}",
            "-H",
            "X-Loket-Protocol: 1",
            "--max-examples",
            "40",
            "--seed",
            "20261128",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout[-4000:]
    assert "No issues found" in out.stdout
