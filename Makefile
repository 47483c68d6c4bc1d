# DrLambdas: `make drill` runs a failover drill against the local lab; `make test` runs the whole suite;
# `make check` builds and runs the unit tests only (the edit-test loop).
# `make build-<Name>Function` publishes one function's Native AOT bootstrap; `sam build` (template
# `Metadata: BuildMethod: makefile`) calls these targets with ARTIFACTS_DIR set. The target architecture is
# LAMBDA_RID (linux-x64 by default; `LAMBDA_RID=linux-arm64 sam build` for Graviton functions).
.PHONY: test check drill lab build-HealthValidatorFunction build-ProbeFunction build-AuroraPromoterFunction build-DnsUpdaterFunction

LAMBDA_RID ?= linux-x64

test:
	bash scripts/test.sh

check:
	bash scripts/check.sh

drill:
	bash scripts/drill.sh $(ARGS)

# The lab with the stack deployed, for drctl (scripts/lab.sh: prints the environment, then `lab ready`).
lab:
	bash scripts/lab.sh $(ARGS)

build-HealthValidatorFunction:
	bash scripts/publish-functions.sh --function HealthValidator --rid $(LAMBDA_RID) --into "$(or $(ARTIFACTS_DIR),artifacts/functions/HealthValidator/$(LAMBDA_RID))"

# The scheduled probe is HealthValidator's binary in its own function (a minute-long timeout, its own role).
build-ProbeFunction:
	bash scripts/publish-functions.sh --function HealthValidator --rid $(LAMBDA_RID) --into "$(or $(ARTIFACTS_DIR),artifacts/functions/HealthValidator/$(LAMBDA_RID))"

build-AuroraPromoterFunction:
	bash scripts/publish-functions.sh --function AuroraPromoter --rid $(LAMBDA_RID) --into "$(or $(ARTIFACTS_DIR),artifacts/functions/AuroraPromoter/$(LAMBDA_RID))"

build-DnsUpdaterFunction:
	bash scripts/publish-functions.sh --function DnsUpdater --rid $(LAMBDA_RID) --into "$(or $(ARTIFACTS_DIR),artifacts/functions/DnsUpdater/$(LAMBDA_RID))"
