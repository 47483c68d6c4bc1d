"""The compliance alarms: thresholds are parameters defaulting to the design's values, each alarm pages the topic,
event metrics treat missing data as not breaching, and the RTO parameter states the budget the defaults allow."""
import unittest

from intrinsics import Evaluator
from stack_values import ADOPTED
from template_loader import MAIN_TEMPLATE, load_source

DESIGN = {
    "RtoComplianceAlarm": ("RtoAlarmThresholdSeconds", 80),
    "DataLossComplianceAlarm": ("DataLossAlarmThresholdSeconds", 1),
    "ReplicationLagComplianceAlarm": ("ReplicationLagAlarmThresholdMs", 1000),
    "ReadinessComplianceAlarm": (None, 0),
}


class ComplianceAlarmTests(unittest.TestCase):
    template = load_source(MAIN_TEMPLATE)

    def alarm(self, logical_id):
        return Evaluator(self.template, ADOPTED).value(self.template["Resources"][logical_id]["Properties"])

    def test_alarms_threshold_defaults_are_the_designs(self):
        for logical_id, (parameter, design) in DESIGN.items():
            with self.subTest(alarm=logical_id):
                threshold = self.template["Resources"][logical_id]["Properties"]["Threshold"]
                if parameter is None:
                    self.assertEqual(threshold, design)
                else:
                    self.assertEqual(threshold, {"Ref": parameter})
                    self.assertEqual(self.template["Parameters"][parameter]["Default"], design)
                self.assertEqual(self.alarm(logical_id)["ComparisonOperator"], "GreaterThanThreshold")

    def test_alarms_each_notifies_the_topic(self):
        for logical_id in DESIGN:
            with self.subTest(alarm=logical_id):
                self.assertEqual(self.template["Resources"][logical_id]["Properties"]["AlarmActions"], [{"Ref": "AlertTopic"}])

    def test_alarms_event_metrics_missing_data_is_not_a_breach(self):
        self.assertEqual(self.alarm("RtoComplianceAlarm")["TreatMissingData"], "notBreaching")
        self.assertEqual(self.alarm("DataLossComplianceAlarm")["TreatMissingData"], "notBreaching")
        self.assertEqual(self.alarm("ReadinessComplianceAlarm")["TreatMissingData"], "missing")
        self.assertEqual(self.alarm("ReplicationLagComplianceAlarm")["TreatMissingData"], "missing")

    def test_rto_alarm_watches_failovers_of_the_validator(self):
        dimensions = {d["Name"]: d["Value"] for d in self.alarm("RtoComplianceAlarm")["Dimensions"]}
        self.assertEqual(dimensions, {"FunctionName": "<HealthValidatorFunction>", "Action": "Failover"})

    def test_replication_lag_alarm_five_minutes_on_the_secondary_cluster(self):
        alarm = self.alarm("ReplicationLagComplianceAlarm")
        self.assertEqual((alarm["Namespace"], alarm["MetricName"]), ("AWS/RDS", "AuroraGlobalDBReplicationLag"))
        self.assertEqual(alarm["Dimensions"], [{"Name": "DBClusterIdentifier", "Value": "app-nrt"}])
        self.assertEqual((alarm["Period"], alarm["EvaluationPeriods"], alarm["DatapointsToAlarm"]), (60, "5", "5"))

    def test_rto_parameter_states_the_budget_of_the_default_configuration(self):
        defaults = {name: int(p["Default"]) for name, p in self.template["Parameters"].items()
                    if name in ("HealthCheckIntervalSeconds", "HealthCheckFailureThreshold", "AlarmEvaluationSeconds",
                                "OrchestrationOverheadSeconds", "PromotionEstimateSeconds", "PropagationEstimateSeconds", "DnsTtlSeconds")}
        detection = defaults["HealthCheckIntervalSeconds"] * defaults["HealthCheckFailureThreshold"]
        recovery = max(defaults["PromotionEstimateSeconds"], defaults["PropagationEstimateSeconds"] + defaults["DnsTtlSeconds"])
        budget = detection + defaults["AlarmEvaluationSeconds"] + defaults["OrchestrationOverheadSeconds"] + recovery
        description = self.template["Parameters"]["RtoAlarmThresholdSeconds"]["Description"]
        self.assertGreater(detection, self.template["Parameters"]["RtoAlarmThresholdSeconds"]["Default"])
        self.assertIn(f"{detection} s", description)
        self.assertIn(f"{budget} s budget", description)


if __name__ == "__main__":
    unittest.main()
