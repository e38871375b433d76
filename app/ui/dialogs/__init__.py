"""Dialogs: first-run set-up, sign-in, screen lock, passwords and staff accounts."""
