"""Start the Loket Vokasi desktop program: `python main.py`.

Kept tiny on purpose: start-up time is measured from here to the first window, so every
import happens inside app.ui.app.run_gui, lazily.
"""

import sys


def main() -> int:
    from app.ui.app import run_gui

    return run_gui(sys.argv)


if __name__ == "__main__":
    # Certificate batches render in a worker process (spawned): in a packaged program
    # (PyInstaller) the worker must not start a second window.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
