"""Step Functions GetExecutionHistory against the lab: the history the drill records with the finish document,
parsed by boto3 (HistoryEvent shape, timestamps, paging, errors)."""

import datetime
import json
import time
import unittest

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


def recorded_events(start):
    """A failed failover run as the drill records it: it entered PromoteStart and the promoter started a promotion."""
    def event(offset, type_, **details):
        return {"timestamp": start + offset, "type": type_, **details}

    events = [
        event(0.0, "ExecutionStarted", executionStartedEventDetails={"input": '{"mode":"failover"}', "inputDetails": {"truncated": False}}),
        event(0.01, "TaskStateEntered", stateEnteredEventDetails={"name": "PromoteStart", "input": "{}", "inputDetails": {"truncated": False}}),
        event(0.01, "LambdaFunctionScheduled", lambdaFunctionScheduledEventDetails={
            "resource": "arn:aws:lambda:ap-northeast-1:111122223333:function:AuroraPromoter", "input": '{"operation":"start"}'}),
        event(0.01, "LambdaFunctionStarted"),
        event(0.2, "LambdaFunctionSucceeded", lambdaFunctionSucceededEventDetails={
            "output": '{"targetClusterArn":"arn:aws:rds:ap-northeast-1:111122223333:cluster:nrt","outcome":"Started"}'}),
        event(0.21, "TaskStateExited", stateExitedEventDetails={"name": "PromoteStart", "output": "{}"}),
        event(0.3, "TaskStateEntered", stateEnteredEventDetails={"name": "Notify", "input": "{}"}),
        event(0.3, "TaskScheduled", taskScheduledEventDetails={"resourceType": "sns", "resource": "publish", "region": "ap-northeast-1", "parameters": '{"Message":"x"}'}),
        event(0.3, "TaskStarted", taskStartedEventDetails={"resourceType": "sns", "resource": "publish"}),
        event(0.4, "TaskSucceeded", taskSucceededEventDetails={"resourceType": "sns", "resource": "publish", "output": '{"MessageId":"m-1"}'}),
        event(1.5, "ExecutionFailed", executionFailedEventDetails={"error": "PromotionTimedOut", "cause": "Step PromoteStatus failed"}),
    ]
    for index, entry in enumerate(events):
        entry.update(id=index + 1, previousEventId=index)
    return events


class StepFunctionsHistoryConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.sfn = lab.client("stepfunctions")
        self.machine = lab.create_state_machine()
        self.started = self.sfn.start_execution(stateMachineArn=self.machine, name="failed-run", input='{"mode":"failover"}')
        self.arn = self.started["executionArn"]
        self.events = recorded_events(round(time.time(), 3))

    def finish(self, events):
        return lab.control("POST", "/_lab/executions/finish", {
            "executionArn": self.arn, "status": "FAILED", "error": "PromotionTimedOut", "cause": "Step PromoteStatus failed", "events": events})

    def test_recorded_history_parses_in_the_history_event_shape(self):
        status, body = self.finish(self.events)
        self.assertEqual(200, status, body)

        events = self.sfn.get_execution_history(executionArn=self.arn)["events"]

        self.assertEqual([e["type"] for e in self.events], [e["type"] for e in events])
        self.assertEqual(list(range(1, 12)), [e["id"] for e in events])
        self.assertEqual(0, events[0]["previousEventId"])
        self.assertIsInstance(events[0]["timestamp"], datetime.datetime)
        self.assertAlmostEqual(self.events[4]["timestamp"], events[4]["timestamp"].timestamp(), places=3)
        self.assertEqual("PromoteStart", events[1]["stateEnteredEventDetails"]["name"])
        self.assertEqual("Started", json.loads(events[4]["lambdaFunctionSucceededEventDetails"]["output"])["outcome"])
        self.assertEqual({"resourceType": "sns", "resource": "publish", "output": '{"MessageId":"m-1"}'}, events[9]["taskSucceededEventDetails"])
        self.assertEqual("PromotionTimedOut", events[-1]["executionFailedEventDetails"]["error"])

    def test_paginator_reads_every_page_and_reverse_order_is_newest_first(self):
        self.finish(self.events)

        pages = list(self.sfn.get_paginator("get_execution_history").paginate(executionArn=self.arn, PaginationConfig={"PageSize": 4}))
        newest = self.sfn.get_execution_history(executionArn=self.arn, reverseOrder=True, maxResults=2)

        self.assertEqual([4, 4, 3], [len(page["events"]) for page in pages])
        self.assertEqual(list(range(1, 12)), [e["id"] for page in pages for e in page["events"]])
        self.assertEqual([11, 10], [e["id"] for e in newest["events"]])
        self.assertIn("nextToken", newest)

    def test_without_execution_data_names_stay_input_and_output_go(self):
        self.finish(self.events)

        events = self.sfn.get_execution_history(executionArn=self.arn, includeExecutionData=False)["events"]

        self.assertEqual({"name": "PromoteStart", "inputDetails": {"truncated": False}}, events[1]["stateEnteredEventDetails"])
        self.assertNotIn("output", events[4]["lambdaFunctionSucceededEventDetails"])

    def test_without_recorded_events_the_lab_knows_start_and_end(self):
        self.finish(None)

        events = self.sfn.get_execution_history(executionArn=self.arn)["events"]

        self.assertEqual(["ExecutionStarted", "ExecutionFailed"], [e["type"] for e in events])
        self.assertEqual('{"mode":"failover"}', events[0]["executionStartedEventDetails"]["input"])

    def test_unknown_execution_is_execution_does_not_exist(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sfn.get_execution_history(executionArn=self.arn.replace("failed-run", "never-ran"))

        self.assertEqual("ExecutionDoesNotExist", caught.exception.response["Error"]["Code"])

    def test_invalid_events_are_refused_and_the_execution_keeps_running(self):
        broken = self.events[:2] + [dict(self.events[2], id=7)]

        status, body = self.finish(broken)

        self.assertEqual(400, status)
        self.assertEqual("InvalidExecution", body["error"])
        self.assertEqual("RUNNING", self.sfn.describe_execution(executionArn=self.arn)["status"])


if __name__ == "__main__":
    unittest.main()
