"""Bundled glossary packs (YAML) of mtqa.

This folder is installed as the package data module ``mtqa.glossaries``: the main package
maps it that way. It holds data only; see README.md here for the packs, their sources and
licences, and how to regenerate them.
"""
