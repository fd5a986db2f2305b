# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Your own corpus
#
# Point `corpus_path` at a folder (with or without a `corpus.csv`) or at a claim sheet (CSV/XLSX with columns
# `text`, `source` and optional `date`, `url`, `kind`). Run it with papermill to set the parameters from the
# command line:
#
# ```bash
# papermill notebooks/03-your-own-corpus.ipynb out.ipynb -p corpus_path my_corpus/ -p out_dir out/mine
# ```

# %% tags=["parameters"]
corpus_path = None  # default: a small claim sheet written below
out_dir = "out/your-own-corpus"
reference = None  # a source or kind name; default: kind "official"
threshold = None  # similarity threshold; default: narrcomp's

# %%
from pathlib import Path

import pandas as pd
import plotly.io as pio

import narrcomp
import narrcomp.plots as nplots

pio.renderers.default = "plotly_mimetype+notebook"
out = Path(out_dir)
out.mkdir(parents=True, exist_ok=True)
if corpus_path is None:
    sheet = pd.DataFrame({
        "text": ["The convoy was hit by an air strike near Aleppo on 19 September 2016.",
                 "The aid convoy caught fire on its own; no air strike took place.",
                 "A UN board of inquiry found it highly probable that the convoy was struck from the air.",
                 "Around twenty civilians and aid workers were killed in the attack on the convoy."],
        "source": ["Outlet A", "Ministry", "UN inquiry", "Outlet A"],
        "kind": ["media", "government", "official", "media"],
        "date": ["2016-09-20", "2016-09-21", "2016-12-21", "2016-09-20"],
    })
    corpus_path = out / "claims.csv"
    sheet.to_csv(corpus_path, index=False)

# %%
corpus = narrcomp.load_corpus(corpus_path)
print(corpus.summary())
corpus.errors

# %%
claims = narrcomp.extract_claims(corpus)
options = {} if threshold is None else {"threshold": float(threshold)}
comparison = narrcomp.compare(claims, reference=reference, **options)
comparison

# %% [markdown]
# ## Export tables and figures

# %%
comparison.save(out / "comparison")
figures = {"divergence": nplots.divergence(comparison), "agreement": nplots.agreement_matrix(comparison),
           "narratives": nplots.narrative_matrix(comparison)}
for name, fig in figures.items():
    nplots.save(fig, out / f"{name}.html")
sorted(p.name for p in out.iterdir())

# %%
figures["divergence"]
