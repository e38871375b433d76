"""Start-up time: process start to the first window on screen, against a bare PySide6 window.

The program runs as a user starts it (`python main.py`) on a set-up office with demo data,
so the first window is the login dialog; LOKET_EXIT_ON_FIRST_WINDOW=1 makes it quit right
after that window's first paint. The floor is bench/bare_window.py, measured in the same run,
interleaved, so machine load hits both alike. Prints each median, the ratio (goal <= 1.5),
and as the last line one JSON object.

    python bench/startup.py [--runs 15] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60)
    return (time.perf_counter() - start) * 1000


def prepare_office(home: Path) -> None:
    env = {**os.environ, "LOKET_HOME": str(home)}
    loket = [sys.executable, "-m", "app.cli"]
    subprocess.run([*loket, "init", "--office", "JKT", "--device", "1", "--admin", "admin",
                    "--password-stdin"], input="Bench2026x\n", text=True, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([*loket, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "office"
        prepare_office(home)
        env = {**os.environ, "LOKET_HOME": str(home), "QT_QPA_PLATFORM": args.platform,
               "LOKET_EXIT_ON_FIRST_WINDOW": "1"}
        app_cmd = [sys.executable, str(ROOT / "main.py")]
        bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        timed_run(app_cmd, env)  # warm the file cache for both
        timed_run(bare_cmd, env)
        app_ms: list[float] = []
        bare_ms: list[float] = []
        for _ in range(args.runs):
            bare_ms.append(timed_run(bare_cmd, env))
            app_ms.append(timed_run(app_cmd, env))

    app_median = statistics.median(app_ms)
    bare_median = statistics.median(bare_ms)
    ratio = app_median / bare_median
    print(f"platform            : {args.platform}, {args.runs} runs each, interleaved")
    print(f"bare PySide6 window : median {bare_median:7.1f} ms  (min {min(bare_ms):.1f})")
    print(f"Loket login dialog  : median {app_median:7.1f} ms  (min {min(app_ms):.1f})")
    print(f"ratio               : {ratio:.2f}  (goal <= 1.5)")
    print(json.dumps({
        "benchmark": "startup",
        "runs": args.runs,
        "platform": args.platform,
        "app_median_ms": round(app_median, 1),
        "bare_median_ms": round(bare_median, 1),
        "ratio": round(ratio, 3),
        "goal_ratio": 1.5,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
