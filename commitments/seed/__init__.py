"""Seed data sets, each a package of plain data, and the loader that applies them through the services."""
