"""Training the shipped stance cross-encoder (used by ``scripts/train_stance.py``).

Modules: :mod:`~narrcomp.stance.training.sources` (readers of the training sets),
:mod:`~narrcomp.stance.training.augment` (news-style contradiction rewrites),
:mod:`~narrcomp.stance.training.mix` (capped, balanced, seeded mix with data hashes),
:mod:`~narrcomp.stance.training.loop` (CPU fine-tuning with checkpoints and a deadline),
:mod:`~narrcomp.stance.training.export` and :mod:`~narrcomp.stance.training.card`
(fp16 weights, figures and the model card).
"""
