"""The DR dashboard shows only metrics that exist: each DrLambdas metric is one the code emits (name, namespace,
dimension names, the emitting function), each AWS metric is one of a known AWS namespace with its dimensions."""
import json
import re
import unittest

from emitted_metrics import SRC, emitted
from intrinsics import Evaluator
from stack_values import VARIANTS
from template_loader import MAIN_TEMPLATE, load_source

# AWS's own metrics the dashboard may show, with the dimension set each is published under.
AWS_METRICS = {
    ("AWS/Route53", "HealthCheckStatus"): {"HealthCheckId"},
    ("AWS/RDS", "AuroraGlobalDBRPOLag"): {"DBClusterIdentifier"},
    ("AWS/RDS", "AuroraGlobalDBReplicationLag"): {"DBClusterIdentifier"},
    ("AWS/States", "ExecutionsSucceeded"): {"StateMachineArn"},
    ("AWS/States", "ExecutionsFailed"): {"StateMachineArn"},
}

# Emitted on another branch of this session (the readiness operation, helper C): checked once merged, skipped until.
PENDING = {"ReadinessFindings"}

DECISION_ACTIONS = set(re.findall(r"^\s{4}(\w+),$", (SRC / "Shared" / "Decisions" / "DecisionAction.cs").read_text(encoding="utf-8"), re.MULTILINE))


def dashboard(parameters):
    template = load_source(MAIN_TEMPLATE)
    evaluator = Evaluator(template, parameters)
    body = evaluator.value(template["Resources"]["DrDashboard"]["Properties"]["DashboardBody"])
    return template, json.loads(body)


def metric_rows(widget):
    """(namespace, name, {dimension: value}, options) of each metric row; expressions as ("expression", id, text)."""
    for row in widget["properties"].get("metrics", []):
        options = row[-1] if isinstance(row[-1], dict) else {}
        plain = row[:-1] if options else row
        if not plain:
            yield ("expression", options["id"], options["expression"])
            continue
        namespace, name, *pairs = plain
        if len(pairs) % 2:
            raise AssertionError(f"odd dimension list in {row}")
        yield (namespace, name, dict(zip(pairs[::2], pairs[1::2])), options)


class DashboardTests(unittest.TestCase):
    emitted = emitted()

    def test_dashboard_every_metric_shown_is_emitted_by_the_code_or_aws(self):
        pending = set()
        for variant, parameters in VARIANTS.items():
            template, body = dashboard(parameters)
            for widget in (w for w in body["widgets"] if w["type"] == "metric"):
                for row in metric_rows(widget):
                    if row[0] == "expression":
                        continue
                    namespace, name, dimensions, _ = row
                    with self.subTest(variant=variant, widget=widget["properties"]["title"], metric=f"{namespace}/{name}"):
                        if namespace.startswith("AWS/"):
                            self.assertIn((namespace, name), AWS_METRICS)
                            self.assertEqual(set(dimensions), AWS_METRICS[(namespace, name)])
                            continue
                        if (namespace, name) not in self.emitted and name in PENDING:
                            pending.add(name)
                            continue
                        self.assertIn((namespace, name), self.emitted, "no code emits it")
                        function = dimensions.get("FunctionName", "").strip("<>") or None
                        self.assertIn((function, frozenset(dimensions)), self.emitted[(namespace, name)],
                                      f"emitted as {sorted((f, sorted(d)) for f, d in self.emitted[(namespace, name)])}")
                        if function is not None:
                            self.assertIn(function, template["Resources"])
                        if "Action" in dimensions:
                            self.assertIn(dimensions["Action"], DECISION_ACTIONS)
        if pending:
            self.skipTest(f"every other metric checked; not yet emitted on this branch: {sorted(pending)}")

    def test_dashboard_expressions_use_only_metrics_of_their_widget(self):
        _, body = dashboard(VARIANTS["adopted checks"])
        for widget in (w for w in body["widgets"] if w["type"] == "metric"):
            rows = list(metric_rows(widget))
            ids = {row[3].get("id") for row in rows if row[0] != "expression"} | {row[1] for row in rows if row[0] == "expression"}
            for row in (r for r in rows if r[0] == "expression"):
                with self.subTest(expression=row[2]):
                    self.assertTrue(set(re.findall(r"[a-z]\w*", row[2])) <= ids)

    def test_dashboard_health_per_region_covers_both_regions_and_every_observer(self):
        for variant, parameters in VARIANTS.items():
            _, body = dashboard(parameters)
            probes = [row for w in body["widgets"] if w["type"] == "metric" for row in metric_rows(w) if row[1] == "EndpointHealthy"]
            observers = {row[2]["Observer"] for row in probes}
            with self.subTest(variant=variant):
                self.assertEqual({row[2]["Target"] for row in probes}, {"ap-east-2", "ap-northeast-1"})
                self.assertEqual(observers, {"ap-northeast-1", "us-west-2"} if parameters.get("WitnessRegion") else {"ap-northeast-1"})

    def test_dashboard_route53_health_in_us_east_1_of_the_checks_the_functions_read(self):
        for variant, expected in {"adopted checks": ["0d7a1b2c-3e4f-4a5b-8c6d-000000000001", "0d7a1b2c-3e4f-4a5b-8c6d-000000000002"],
                                  "created checks and a witness": ["<PrimaryHealthCheck>", "<SecondaryHealthCheck>"]}.items():
            _, body = dashboard(VARIANTS[variant])
            [widget] = [w for w in body["widgets"] if any(row[1] == "HealthCheckStatus" for row in metric_rows(w) if w["type"] == "metric")]
            with self.subTest(variant=variant):
                self.assertEqual(widget["properties"]["region"], "us-east-1")
                self.assertEqual([row[2]["HealthCheckId"] for row in metric_rows(widget)], expected)

    def test_dashboard_alarm_widget_names_the_compliance_alarms(self):
        template, body = dashboard(VARIANTS["adopted checks"])
        [widget] = [w for w in body["widgets"] if w["type"] == "alarm"]
        names = [arn.strip("<>").removesuffix(".Arn") for arn in widget["properties"]["alarms"]]
        self.assertEqual(names, [lid for lid in template["Resources"] if lid.endswith("ComplianceAlarm")])

    def test_compliance_alarms_watch_emitted_metrics(self):
        template = load_source(MAIN_TEMPLATE)
        evaluator = Evaluator(template, VARIANTS["adopted checks"])
        for logical_id, resource in template["Resources"].items():
            if resource["Type"] != "AWS::CloudWatch::Alarm" or evaluator.value(resource["Properties"]["Namespace"]) != "DrLambdas":
                continue
            properties = evaluator.value(resource["Properties"])
            dimensions = {d["Name"]: d["Value"] for d in properties["Dimensions"]}
            key = ("DrLambdas", properties["MetricName"])
            with self.subTest(alarm=logical_id):
                if key not in self.emitted and key[1] in PENDING:
                    continue
                self.assertIn((dimensions["FunctionName"].strip("<>"), frozenset(dimensions)), self.emitted[key])


if __name__ == "__main__":
    unittest.main()
