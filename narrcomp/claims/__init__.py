"""Claims: documents -> one row per check-worthy sentence.

>>> from narrcomp.claims import extract_claims, split_attribution
>>> extract_claims("According to the report, chlorine was used in Douma.")["attribution"].tolist()
['the report']
>>> split_attribution("Moscow denied that any attack took place.").negated
True

Modules: :mod:`~narrcomp.claims.sentences` (sentence spans),
:mod:`~narrcomp.claims.chrome` (site chrome), :mod:`~narrcomp.claims.attribution`
(speaker and content), :mod:`~narrcomp.claims.hedging` (hedged / quoted),
:mod:`~narrcomp.claims.checkworthy` (the keep/drop score) and
:mod:`~narrcomp.claims.extract` (the table).
"""

from narrcomp.claims.attribution import Attribution, split_attribution
from narrcomp.claims.checkworthy import DEFAULT_THRESHOLD
from narrcomp.claims.extract import CLAIM_COLUMNS, extract_claims

__all__ = ["extract_claims", "split_attribution", "Attribution", "DEFAULT_THRESHOLD", "CLAIM_COLUMNS"]
