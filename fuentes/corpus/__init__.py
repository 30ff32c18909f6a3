"""Cross-article stages: entity resolution, derivation (copies, rewrites, origins), and more."""
