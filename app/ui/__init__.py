"""The desktop window (PySide6). The only package that imports Qt (enforced by a test).

Widgets call functions in `app.services` and show the plain dataclasses they return; they
never open a database session. Start-up is kept lazy: the first window (set-up or login)
appears before SQLAlchemy, Alembic and argon2 are imported.
"""
