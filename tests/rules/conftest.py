"""Fixtures for rule tests live in tests/conftest.py (test_glossary, audit, flag_fixes)."""
