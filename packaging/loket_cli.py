"""Entry of the packaged `loket` command (packaging/loket.spec): the same as `python -m app.cli`.

A packaged program is its own Python: the certificate batches' worker processes
(app.documents.certificate, spawned) start this same executable, and freeze_support() makes
such a start run the worker instead of the command line.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from app.cli import main

    sys.exit(main())
