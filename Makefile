# The two commands of the README, and a few helpers.
# Every target does its own set-up (see scripts/lib.sh for the knobs).
.PHONY: run test lint bench help

help:
	@echo "make run    - demo database with every addon at http://localhost:8069"
	@echo "make test   - lint, install/upgrade/uninstall checks and all tests"
	@echo "make lint   - ruff and pylint-odoo only"
	@echo "make bench  - benchmarks (seconds and SQL queries)"

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	python3 -m ruff check . && python3 -m ruff format --check . && \
	python3 -m pylint --rcfile=.pylintrc-mandatory addons/*

bench:
	bash scripts/bench.sh $(ARGS)
