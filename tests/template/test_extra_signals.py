"""Extra health signals in the template: the functions get the lists as DR_*_EXTRA_SIGNALS, and HealthValidator may
DescribeAlarms exactly those alarms, each in the Region its list belongs to."""
import unittest

from intrinsics import Evaluator
from stack_values import ADOPTED
from template_loader import MAIN_TEMPLATE, load_source

SID = "ReadExtraSignalAlarmsInTheirRegions"


def evaluate(**signals):
    template = load_source(MAIN_TEMPLATE)
    evaluator = Evaluator(template, {**ADOPTED, **signals})
    statements = evaluator.value(template["Resources"]["HealthValidatorRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"])
    environment = evaluator.value(template["Globals"]["Function"]["Environment"]["Variables"])
    return [s for s in statements if s.get("Sid") == SID], environment


class ExtraSignalTemplateTests(unittest.TestCase):
    def test_lists_reach_the_functions_as_configured(self):
        _, environment = evaluate(PrimaryExtraSignals="msk-replication-lag:orders-mm2-lag,db-connection-pool:orders-db-pool")

        self.assertEqual(environment["DR_PRIMARY_EXTRA_SIGNALS"], "msk-replication-lag:orders-mm2-lag,db-connection-pool:orders-db-pool")
        self.assertEqual(environment["DR_SECONDARY_EXTRA_SIGNALS"], "")

    def test_describe_alarms_on_exactly_the_named_alarms_in_their_regions(self):
        [statement], _ = evaluate(
            PrimaryExtraSignals="msk-replication-lag:orders-mm2-lag,db-connection-pool:orders-db-pool",
            SecondaryExtraSignals="dependency:nrt-cache")

        self.assertEqual(statement["Action"], "cloudwatch:DescribeAlarms")
        self.assertEqual(statement["Resource"], [
            "arn:aws:cloudwatch:ap-east-2:111122223333:alarm:orders-mm2-lag",
            "arn:aws:cloudwatch:ap-east-2:111122223333:alarm:orders-db-pool",
            "arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:nrt-cache",
        ])

    def test_five_per_region_granted(self):
        signals = ",".join(f"dependency:a{i}" for i in range(1, 6))
        [statement], _ = evaluate(PrimaryExtraSignals=signals)

        self.assertEqual(statement["Resource"], [f"arn:aws:cloudwatch:ap-east-2:111122223333:alarm:a{i}" for i in range(1, 6)])

    def test_no_extra_signals_no_statement(self):
        statements, _ = evaluate()

        self.assertEqual(statements, [])


if __name__ == "__main__":
    unittest.main()
