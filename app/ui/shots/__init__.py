"""The screens each feature shows in `loket screenshots` (app.features.ShotSpec), one module
per feature, drawn in a ShotSession (session.py)."""
