"""PDF documents (DESIGN §6): reportlab builders that take plain data and write a file.

No database and no Qt here: a service gathers the data (app.services.*_documents), a builder
lays it out. Fonts are shipped in resources/fonts and embedded, so an Indonesian name prints
the same on every PC. The provider checklist is the first; receipts and certificates follow
the same shape (a frozen dataclass in, `build(data, out)`).
"""
