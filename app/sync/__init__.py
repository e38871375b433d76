"""Client side of sync: protocol, per-record policies, outbox push and pull (DESIGN §5)."""
