"""Central sync server (FastAPI): same protocol as app.sync, PostgreSQL in production,
an SQLite file for a single office or a demo. Stateless: scale by running more processes."""
