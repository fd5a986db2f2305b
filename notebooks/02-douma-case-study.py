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
# # Case study: Douma, 7 April 2018
#
# A 2020 Sputnik article claims that the White Helmets stage chemical "false flags" and that the 2018 Douma attack
# was one. The OPCW Fact-Finding Mission (2019) and its Investigation and Identification Team (2023) concluded
# otherwise. This notebook sets the article beside the official record, two dissenting sources, the Russian and
# Western governments' positions, a wire report and an open-source survey (`examples/douma/`), and shows claim by
# claim where it agrees, where it contradicts, and what it says that nobody else does.
#
# Every number in the text below is computed from the tables above it; re-running the notebook recomputes them.

# %% tags=["parameters"]
corpus_path = None  # default: examples/douma in this repository
reference = None  # default: the sources whose kind is "official"

# %%
from pathlib import Path

import plotly.io as pio
from IPython.display import Markdown, display

import narrcomp
import narrcomp.plots as nplots

pio.renderers.default = "plotly_mimetype+notebook"
if corpus_path is None:
    root = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "examples" / "douma").is_dir())
    corpus_path = root / "examples" / "douma"

# %% [markdown]
# ## 1. The corpus

# %%
corpus = narrcomp.load_corpus(corpus_path)
print(corpus.summary())
corpus.documents[["source", "kind", "date", "title", "n_chars"]]

# %% [markdown]
# ## 2. Claims, with who said them
# The seed article is a plain-text copy of a web page: its menus, registration forms, GDPR notice and "Related:"
# list are dropped; reported speech keeps its speaker.

# %%
claims = narrcomp.extract_claims(corpus)
sputnik = claims[claims["source"] == "Sputnik"]
sputnik[["sentence", "attribution", "hedged", "checkworthy", "text"]]

# %% [markdown]
# ## 3. The comparison

# %%
comparison = narrcomp.compare(claims, reference=reference)
comparison

# %%
divergence = comparison.divergence()
divergence

# %%
row = divergence.set_index("source").loc["Sputnik"]
most = divergence.sort_values("divergence", ascending=False).iloc[0]
display(Markdown(
    f"**Findings.** Of Sputnik's {int(row.n_claims)} claims, the official record agrees with "
    f"{int(row.n_agreed)}, contradicts {int(row.n_contradicted)}, touches {int(row.n_related)} without taking a "
    f"side and does not address {int(row.n_unmatched)}. Among all sources, **{most.source}** diverges most from the "
    f"reference (divergence {most.divergence:.2f}: the share of its stance-taking claims that the reference "
    f"contradicts)."
))

# %%
nplots.divergence(comparison)

# %% [markdown]
# ## 4. The seed article, claim by claim

# %%
nplots.alignment(comparison, "Sputnik")

# %%
contradicted = comparison.contradicted()
contradicted[["source", "text", "attribution", "reference_source", "reference_text"]]

# %% [markdown]
# ## 5. Who tells which story

# %%
nplots.narrative_matrix(comparison)

# %%
narr = comparison.narratives()
told = narr[narr["position"] == "asserts"].groupby("narrative_id")["source"].apply(list)
denied = narr[narr["position"] == "contradicts"].groupby("narrative_id")["source"].apply(list)
labels = narr.groupby("narrative_id")["label"].first()
lines = [f"- *{labels[n]}* — told by {', '.join(told.get(n, []))}; contradicted by "
         f"{', '.join(denied.get(n, [])) or 'nobody'}" for n in labels.index[:8]]
display(Markdown("**Narratives (largest first):**\n\n" + "\n".join(lines)))

# %% [markdown]
# ## 6. Agreement between all sources, coverage of the official findings

# %%
nplots.agreement_matrix(comparison)

# %%
nplots.coverage(comparison)

# %% [markdown]
# ## 7. What the article says that nobody else does

# %%
unique = comparison.unique()
unique[unique["source"] == "Sputnik"][["text", "attribution", "best_score"]]

# %% [markdown]
# ## 8. The map of all claims, and the timeline

# %%
nplots.claim_map(comparison, show_matches=True)

# %%
nplots.timeline(comparison)
