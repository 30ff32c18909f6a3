"""fuentes: read news about organized crime and security into an evidence-linked knowledge base."""

__version__ = "0.1.0"
