"""Per-article extraction stages: entities and aliases (this package), quotes, claims, events.

Importing a stage module registers its stage; `fuentes.extract.entities` provides the
`entities` stage and `find_entity` for later stages (quotes) that resolve names.
"""
