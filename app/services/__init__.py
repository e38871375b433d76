"""Use cases: one function per user action. Each owns its session and transaction and
returns plain dataclasses, never mapped rows, so the window and the CLI share them."""
