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
# # narrcomp quickstart
#
# Paste two short texts, see which claims match and whether they agree or contradict.
# Everything runs offline with the bundled models, in well under a minute.

# %%
import plotly.io as pio

import narrcomp
import narrcomp.plots as nplots

# Embed plotly.js in the notebook so figures show in JupyterLab and in exported HTML, offline.
pio.renderers.default = "plotly_mimetype+notebook"

# %%
outlet = """The Syrian government used chlorine against civilians in Douma on 7 April 2018, investigators said.
According to the Russian Defence Ministry, the attack in Douma was staged by the White Helmets.
The gas cylinders were placed by hand, the ministry claimed."""

official = """The OPCW found reasonable grounds to believe that chlorine was used as a weapon in Douma on 7 April 2018.
The investigators concluded that the cylinder was dropped from a Syrian Arab Air Force helicopter.
No nerve agents were detected in the samples."""

corpus = narrcomp.load_corpus([
    {"text": outlet, "source": "Outlet", "kind": "media"},
    {"text": official, "source": "OPCW", "kind": "official"},
])
claims = narrcomp.extract_claims(corpus)
claims[["source", "attribution", "content", "checkworthy"]]

# %% [markdown]
# ## Matches and stance
# `match` finds each outlet claim's closest official claim; `classify_stance` says whether the pair agrees,
# contradicts, or neither. Reported speech is judged as the speaker's claim.

# %%
outlet_claims = claims[claims["source"] == "Outlet"]
official_claims = claims[claims["source"] == "OPCW"]
pairs = narrcomp.match(outlet_claims, official_claims, k=1)
text = dict(zip(claims["claim_id"], claims["text"]))
pairs["claim"] = pairs["query_id"].map(text)
pairs["official"] = pairs["candidate_id"].map(text)
stance = narrcomp.classify_stance(pairs["claim"].tolist(), pairs["official"].tolist())
pairs.join(stance[["label", "p_agree", "p_contradict", "p_neutral"]])[
    ["claim", "official", "score", "label", "p_agree", "p_contradict"]]

# %% [markdown]
# ## The same in one call, and a figure

# %%
comparison = narrcomp.compare(claims)
comparison

# %%
nplots.alignment(comparison, "Outlet")
