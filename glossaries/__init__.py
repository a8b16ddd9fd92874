"""The bundled glossary packs. This folder installs as the data module `mtqa.glossaries`
(see pyproject.toml), so the packs travel with the package."""
