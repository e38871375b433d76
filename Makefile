# The two commands of the README. Both install what is missing first.
.PHONY: run test setup screenshots bench translations

run:            ## install what is needed and start the program
	bash scripts/run.sh

test:           ## install what is needed and run lint, types and all tests
	bash scripts/test.sh

setup:
	bash scripts/bootstrap.sh

screenshots:    ## write every main screen to screenshots/*.png
	bash scripts/bootstrap.sh && .venv/bin/loket screenshots screenshots

bench:          ## start-up benchmark (prints figures; see docs/benchmarks.md)
	bash scripts/bootstrap.sh && QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py

translations:   ## refresh resources/i18n/*.ts from the code and compile .qm
	bash scripts/update_translations.sh
