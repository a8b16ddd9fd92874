"""Output formats. Each module renders a `BatchResult`; none of them knows about rules."""
