"""Step Functions (awsJson1_0) against the lab: StartExecution, ListExecutions, DescribeExecution and the control API."""

import datetime
import json
import unittest

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


class StepFunctionsConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.sfn = lab.client("stepfunctions")
        self.machine = lab.create_state_machine()

    def test_start_list_describe_round_trip(self):
        started = self.sfn.start_execution(stateMachineArn=self.machine, name="incident-1", input='{"mode":"failover"}')

        listed = self.sfn.list_executions(stateMachineArn=self.machine)["executions"]
        described = self.sfn.describe_execution(executionArn=started["executionArn"])
        self.assertEqual([started["executionArn"]], [e["executionArn"] for e in listed])
        self.assertEqual("RUNNING", listed[0]["status"])
        self.assertIsInstance(started["startDate"], datetime.datetime)
        self.assertEqual({"mode": "failover"}, json.loads(described["input"]))
        self.assertNotIn("stopDate", described)

    def test_control_api_finishes_execution_with_stop_date(self):
        started = self.sfn.start_execution(stateMachineArn=self.machine, name="incident-2")

        status, body = lab.control("POST", "/_lab/executions/finish",
                                   {"executionArn": started["executionArn"], "status": "SUCCEEDED", "output": '{"ok":true}'})

        self.assertEqual(200, status, body)
        described = self.sfn.describe_execution(executionArn=started["executionArn"])
        self.assertEqual("SUCCEEDED", described["status"])
        self.assertGreaterEqual(described["stopDate"], described["startDate"])
        self.assertEqual('{"ok":true}', described["output"])
        self.assertEqual([], self.sfn.list_executions(stateMachineArn=self.machine, statusFilter="RUNNING")["executions"])

    def test_control_api_registers_past_finished_execution_for_cooldown(self):
        status, body = lab.control("POST", "/_lab/executions", {
            "name": "last-failover", "status": "SUCCEEDED", "startedSecondsAgo": 900, "stoppedSecondsAgo": 600})

        self.assertEqual(201, status, body)
        listed = self.sfn.list_executions(stateMachineArn=self.machine, statusFilter="SUCCEEDED")["executions"]
        self.assertEqual(["last-failover"], [e["name"] for e in listed])
        age = datetime.datetime.now(datetime.timezone.utc) - listed[0]["stopDate"]
        self.assertAlmostEqual(lab.wall_seconds(600), age.total_seconds(), delta=2)

    def test_list_paginates_newest_first(self):
        for name in ("a", "b", "c"):
            self.sfn.start_execution(stateMachineArn=self.machine, name=name)

        first = self.sfn.list_executions(stateMachineArn=self.machine, maxResults=2)
        second = self.sfn.list_executions(stateMachineArn=self.machine, maxResults=2, nextToken=first["nextToken"])

        self.assertEqual(["c", "b"], [e["name"] for e in first["executions"]])
        self.assertEqual(["a"], [e["name"] for e in second["executions"]])
        self.assertNotIn("nextToken", second)

    def test_same_name_same_input_is_idempotent_other_input_already_exists(self):
        first = self.sfn.start_execution(stateMachineArn=self.machine, name="dup", input="{}")
        again = self.sfn.start_execution(stateMachineArn=self.machine, name="dup", input="{}")
        self.assertEqual(first["executionArn"], again["executionArn"])

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sfn.start_execution(stateMachineArn=self.machine, name="dup", input='{"x":1}')

        self.assertEqual("ExecutionAlreadyExists", caught.exception.response["Error"]["Code"])

    def test_unknown_state_machine_and_execution_errors(self):
        with self.assertRaises(botocore.exceptions.ClientError) as machine:
            self.sfn.list_executions(stateMachineArn=self.machine + "-missing")
        with self.assertRaises(botocore.exceptions.ClientError) as execution:
            self.sfn.describe_execution(executionArn=self.machine.replace(":stateMachine:", ":execution:") + ":nope")
        with self.assertRaises(botocore.exceptions.ClientError) as arn:
            self.sfn.describe_execution(executionArn="not-an-arn")

        self.assertEqual("StateMachineDoesNotExist", machine.exception.response["Error"]["Code"])
        self.assertEqual("ExecutionDoesNotExist", execution.exception.response["Error"]["Code"])
        self.assertEqual("InvalidArn", arn.exception.response["Error"]["Code"])

    def test_invalid_input_is_invalid_execution_input(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sfn.start_execution(stateMachineArn=self.machine, input="{not json")

        self.assertEqual("InvalidExecutionInput", caught.exception.response["Error"]["Code"])

    def test_created_machine_has_the_arn_the_ready_document_names(self):
        self.assertEqual(lab.env()["DR_STATE_MACHINE_ARN"], self.machine)

    def test_start_execution_on_a_machine_never_created_does_not_exist(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sfn.start_execution(stateMachineArn=self.machine.replace("dr-failover", "never-created"))

        self.assertEqual("StateMachineDoesNotExist", caught.exception.response["Error"]["Code"])

    def test_create_state_machine_same_name_other_definition_already_exists(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lab.create_state_machine(definition='{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}')

        self.assertEqual("StateMachineAlreadyExists", caught.exception.response["Error"]["Code"])

    def test_create_state_machine_invalid_definition(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lab.create_state_machine(name="broken", definition='{"StartAt":"Nowhere","States":{}}')

        self.assertEqual("InvalidDefinition", caught.exception.response["Error"]["Code"])

    def test_awscli_create_and_describe_state_machine(self):
        created = lab.aws_cli("stepfunctions", "create-state-machine", "--name", "cli-machine", "--definition", lab.TRIVIAL_DEFINITION,
                              "--role-arn", lab.STATE_MACHINE_ROLE)
        described = lab.aws_cli("stepfunctions", "describe-state-machine", "--state-machine-arn", created["stateMachineArn"])

        self.assertEqual("cli-machine", described["name"])
        self.assertEqual("STANDARD", described["type"])

    def test_awscli_start_and_list(self):
        started = lab.aws_cli("stepfunctions", "start-execution", "--state-machine-arn", self.machine, "--name", "cli")
        listed = lab.aws_cli("stepfunctions", "list-executions", "--state-machine-arn", self.machine, "--status-filter", "RUNNING")
        described = lab.aws_cli("stepfunctions", "describe-execution", "--execution-arn", started["executionArn"])

        self.assertEqual(["cli"], [e["name"] for e in listed["executions"]])
        self.assertEqual("RUNNING", described["status"])


if __name__ == "__main__":
    unittest.main()
