"""The monthly game day: a disabled-by-default schedule that starts the failover machine in dry-run mode with the
manual document the machine accepts, through a role that may start that machine only."""
import json
import re
import unittest

from emitted_metrics import SRC
from template_loader import MAIN_TEMPLATE, load_deployed, load_source

KNOWN_FIELDS = re.search(r"KnownFields = \[([^\]]*)\]", (SRC / "Shared" / "Triggers" / "ManualDocumentParser.cs").read_text(encoding="utf-8")).group(1)
MANUAL_FIELDS = set(re.findall(r'"(\w+)"', KNOWN_FIELDS))


class GameDayTests(unittest.TestCase):
    template = load_source(MAIN_TEMPLATE)
    schedule = template["Resources"]["GameDaySchedule"]["Properties"]

    def default(self, reference):
        return self.template["Parameters"][reference["Ref"]]["Default"]

    def test_schedule_disabled_first_sunday_0200_taipei_by_default(self):
        self.assertEqual(self.default(self.schedule["State"]), "DISABLED")
        self.assertEqual(self.default(self.schedule["ScheduleExpression"]), "cron(0 2 ? * SUN#1 *)")
        self.assertEqual(self.default(self.schedule["ScheduleExpressionTimezone"]), "Asia/Taipei")

    def test_schedule_starts_the_failover_machine_with_a_dry_run_document(self):
        target = self.schedule["Target"]
        document = json.loads(target["Input"])
        self.assertEqual(target["Arn"], {"Ref": "FailoverStateMachine"})
        self.assertEqual(document["mode"], "dry-run")
        self.assertIn("game day", document["requestedBy"])
        self.assertTrue(set(document) <= MANUAL_FIELDS, f"fields the manual document parser does not know: {set(document) - MANUAL_FIELDS}")

    def test_role_may_only_start_the_failover_machine(self):
        role = load_deployed(MAIN_TEMPLATE)["Resources"]["GameDayScheduleRole"]["Properties"]
        [policy] = role["Policies"]
        self.assertEqual(policy["PolicyDocument"]["Statement"],
                         [{"Sid": "StartFailoverDryRun", "Effect": "Allow", "Action": "states:StartExecution", "Resource": {"Ref": "FailoverStateMachine"}}])
        [trust] = role["AssumeRolePolicyDocument"]["Statement"]
        self.assertEqual(trust["Principal"], {"Service": "scheduler.amazonaws.com"})
        self.assertEqual(trust["Condition"], {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}})


if __name__ == "__main__":
    unittest.main()
