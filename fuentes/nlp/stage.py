"""Stage `nlp`: the spaCy Doc of the article body.

`doc.layers["nlp"]` is a spaCy Doc over exactly `doc.layers["body"]` (same characters, so
char offsets agree). English and Spanish have their own pipelines; an article in another
language, or of unknown language, is read with the fallback pipeline (English by default):
its entities are still worth having for misdetected or mixed-language pages, and the Doc
records it in `user_data["fuentes_note"]`. `user_data["fuentes_model"]` names the model.

The analysis reads every component the pipelines enable (tokens, tags and the POS the
attribute ruler maps from them, morphology, lemmas, the dependency parse and its sentences,
entities), so none is disabled; the runner batches articles through `pipe` (nlp.pipe), which
annotates exactly as one article at a time does (tests/nlp/test_stage.py).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from fuentes.doc import ArticleDoc
from fuentes.nlp.models import pipeline_for
from fuentes.nlp.text import TEXT
from fuentes.pipeline import Stage, register


def _annotate(spacy_doc, info, note: str | None, text: str | None = None):
    if text is not None:  # spaCy's Doc holds exactly the text it was given: its text, without joining the tokens
        spacy_doc.user_data[TEXT] = text
    spacy_doc.user_data["fuentes_model"] = f"{info.package} {info.version}"
    spacy_doc.user_data["fuentes_labels"] = info.labels
    spacy_doc.user_data["fuentes_language"] = info.language
    if note:
        spacy_doc.user_data["fuentes_note"] = note
    return spacy_doc


@register
class NlpStage(Stage):
    """Run the language's spaCy pipeline over the body."""

    name = "nlp"
    version = "1"
    requires = ("body", "language")
    provides = ("nlp",)

    def process(self, doc: ArticleDoc) -> ArticleDoc:
        nlp, info, note = pipeline_for(doc.get("language"))
        doc.set("nlp", _annotate(nlp(doc.body), info, note, doc.body), self.tag)
        return doc

    def pipe(self, docs: Iterable[ArticleDoc], batch_size: int = 32) -> Iterator[ArticleDoc]:
        """Batch version for runners: groups by language and uses spaCy's nlp.pipe.

        Yields the documents in their input order once each batch is done.
        """
        batch: list[ArticleDoc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[ArticleDoc]) -> list[ArticleDoc]:
        groups: dict[str | None, list[ArticleDoc]] = defaultdict(list)
        for doc in batch:
            groups[doc.get("language")].append(doc)
        for language, docs in groups.items():
            nlp, info, note = pipeline_for(language)
            for doc, sdoc in zip(docs, nlp.pipe(d.body for d in docs)):
                doc.set("nlp", _annotate(sdoc, info, note, doc.body), self.tag)
        return batch
