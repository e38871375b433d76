"""Pure rules of the programme: no I/O, no Qt, no database session."""
