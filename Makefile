# voiceapp: two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
export FLASK_APP := voiceapp

.PHONY: run test browser-test fuzz install assets translations db seed clean bench sms-sim

$(BIN)/activate: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/activate

# The pages' styles and scripts: GOV.UK Frontend from npm, our Sass settings on top, gzipped for cheap phones.
BUILD  := voiceapp/static/build
GOVUK  := node_modules/govuk-frontend/dist/govuk

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js and npm are needed for the pages' assets"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(BUILD)/young.css: node_modules/.package-lock.json voiceapp/assets/young.scss voiceapp/assets/_staff.scss voiceapp/static/young/app.mjs
	mkdir -p $(BUILD)
	npx sass --load-path=node_modules --style=compressed --no-source-map voiceapp/assets/young.scss $(BUILD)/young.css
	cp $(GOVUK)/govuk-frontend.min.js voiceapp/static/young/app.mjs $(BUILD)/
	rm -rf $(BUILD)/assets && cp -r $(GOVUK)/assets $(BUILD)/assets
	gzip -9kf $(BUILD)/young.css $(BUILD)/govuk-frontend.min.js $(BUILD)/app.mjs

assets: $(BUILD)/young.css

install: $(BIN)/activate assets

translations: install
	$(BIN)/pybabel compile -d translations -f

db: install
	$(BIN)/flask db upgrade

seed: db
	$(BIN)/flask seed --demo

# Locally the Twilio webhooks are signed with this token by `make sms-sim`; a real deployment sets its own.
LOCAL_TWILIO_TOKEN ?= local-simulator-token
# One setting for where `make run` serves and where `make sms-sim` (and its signatures) point:
# `PORT=5100 make run` and `PORT=5100 make sms-sim`. VOICEAPP_PUBLIC_URL follows it unless set.
PORT ?= 5000
LOCAL_URL := http://127.0.0.1:$(PORT)

# The periodic jobs run in a scheduler process of their own beside the server, stopped with it.
run: translations seed
	export VOICEAPP_TWILIO_AUTH_TOKEN=$${VOICEAPP_TWILIO_AUTH_TOKEN:-$(LOCAL_TWILIO_TOKEN)} \
	  VOICEAPP_PUBLIC_URL=$${VOICEAPP_PUBLIC_URL:-$(LOCAL_URL)}; \
	  $(BIN)/flask jobs scheduler & scheduler=$$!; trap 'kill $$scheduler' EXIT INT TERM; \
	  $(BIN)/flask run --host 127.0.0.1 --port $(PORT)

sms-sim: install
	VOICEAPP_TWILIO_AUTH_TOKEN=$${VOICEAPP_TWILIO_AUTH_TOKEN:-$(LOCAL_TWILIO_TOKEN)} \
	  VOICEAPP_PUBLIC_URL=$${VOICEAPP_PUBLIC_URL:-$(LOCAL_URL)} $(BIN)/flask sms-sim --server $(LOCAL_URL)

test: translations
	$(BIN)/python -m pytest -n auto --cov=voiceapp --cov-report=term:skip-covered $(PYTEST_ARGS)

# The website in Debian's Chromium (apt-get install chromium): journeys, axe-core at 320 px and desktop in
# English and Arabic, page sizes printed, and a 390 px screenshot of every page written to screenshots/.
browser-test: translations
	$(BIN)/python -m pytest -p no:cacheprovider -p no:xdist -s browser_tests

# Schemathesis against /api/openapi.json on a server and SQLite database of its own (a free loopback port), as
# anonymous, a young person and each staff role: fails on any 5xx or response that breaks the documented schema.
fuzz: translations
	$(BIN)/python .ci/fuzz.py

bench: install
	$(BIN)/python benchmarks/safeguarding.py
	$(BIN)/python benchmarks/outbound.py
	$(BIN)/python benchmarks/sms_webhook.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/sqlite_writers.py

clean:
	rm -rf $(VENV) instance *.egg-info .coverage node_modules $(BUILD) screenshots
