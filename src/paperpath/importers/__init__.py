"""Importers: read paper lists from other formats into catalog entries."""
