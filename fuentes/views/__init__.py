"""Views of the knowledge base shared by the command line and the workbench.

Pure functions over records (or store rows with the same fields): which events a timeline
shows and in what order (`fuentes.corpus.timeline`), how claims are ordered (`claims`), which
entities are tied by co-mention (`network`), origins with their articles (`provenance`), how
a text names an entity (`names`) and how a span of evidence reads in its sentence (`evidence`).
The CLI and the web only parse arguments and render; both call these, so the two faces of the
same view cannot disagree.
"""
