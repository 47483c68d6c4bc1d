# DrLambdas: `make drill` runs a failover drill against the local lab; `make test` runs the whole suite.
.PHONY: test drill

test:
	bash scripts/test.sh

drill:
	bash scripts/drill.sh $(ARGS)
