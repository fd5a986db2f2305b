"""Documents in: read folders, files, text and tables into a :class:`Corpus`.

>>> from narrcomp.corpus import load_corpus
>>> corpus = load_corpus("The inspectors found two cylinders in Douma.")
>>> corpus.documents.loc[0, ["source", "kind", "language"]].tolist()
['text', 'media', 'en']
"""

from narrcomp.corpus.documents import DOCUMENT_COLUMNS, ERROR_COLUMNS, Corpus
from narrcomp.corpus.loader import load_corpus

__all__ = ["load_corpus", "Corpus", "DOCUMENT_COLUMNS", "ERROR_COLUMNS"]
