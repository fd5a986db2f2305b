# narrcomp: two commands do all the set-up on a fresh machine.
#   make demo   - the Douma example end to end (report under out/douma/)
#   make test   - the whole test suite
VENV    ?= .venv
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip
STAMP   := $(VENV)/.narrcomp-installed
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1

.PHONY: demo test venv browser clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip wheel
	# CPU torch first, pinned: an unpinned torch pulls gigabytes of CUDA packages.
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e ".[test]"
	touch $(STAMP)

venv: $(STAMP)

browser:
	@bash scripts/setup_browser.sh

demo: $(STAMP)
	$(VENV)/bin/narrcomp compare examples/douma --out out/douma

test: $(STAMP) browser
	$(PY) -m pytest tests notebooks --nbmake --nbmake-timeout=900

clean:
	rm -rf out .pytest_cache
