"""Loket Vokasi: counter program for the BPJAMSOSTEK vocational training programme."""

__version__ = "0.1.0"
