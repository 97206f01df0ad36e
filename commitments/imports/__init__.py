"""Bulk import of pledges, statements, sources, organizations and people from CSV or JSON Lines files: the
collections it takes (collections.py) and the importer that the command and the admin share (importer.py)."""
