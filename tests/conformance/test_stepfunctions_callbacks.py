"""Step Functions task-token callbacks and STS GetCallerIdentity against the lab with boto3 and awscli.

The executor's side (POST /_lab/tasks) stands in for a Task state of a RUNNING execution waiting on its token.
"""

import base64
import os
import unittest

import botocore.exceptions

import drlab_harness as lab

ACCOUNT = "111122223333"
ACCOUNT_ROLE = f"arn:aws:iam::{ACCOUNT}:role/"


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


def new_token():
    """A token of the lab's shape (tools/drill/lib/task-tokens.mjs mints them)."""
    return base64.b64encode(b"DRLAB-TT" + os.urandom(88)).decode()


class TaskCallbackConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.sfn = lab.client("stepfunctions")
        self.machine = lab.create_state_machine()
        self.execution = self.sfn.start_execution(stateMachineArn=self.machine, name="approval-1")["executionArn"]

    def waiting(self):
        token = new_token()
        status, body = lab.control("POST", "/_lab/tasks", {"taskToken": token, "executionArn": self.execution, "stateName": "AwaitApproval"})
        self.assertEqual(201, status, body)
        return token

    def lookup(self, token):
        return lab.control("POST", "/_lab/tasks/lookup", {"taskToken": token})[1]

    def error_of(self, call):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call()
        return caught.exception.response["Error"]["Code"]

    def test_send_task_success_records_the_output_for_the_executor(self):
        token = self.waiting()

        reply = self.sfn.send_task_success(taskToken=token, output='{"approved":true}')

        self.assertEqual(200, reply["ResponseMetadata"]["HTTPStatusCode"])
        self.assertEqual(("Succeeded", '{"approved":true}'), (self.lookup(token)["status"], self.lookup(token)["output"]))

    def test_send_task_failure_records_error_and_cause(self):
        token = self.waiting()

        self.sfn.send_task_failure(taskToken=token, error="ApprovalRejected", cause="not now")

        task = self.lookup(token)
        self.assertEqual(("Failed", "ApprovalRejected", "not now"), (task["status"], task["error"], task["cause"]))

    def test_second_callback_is_task_timed_out(self):
        token = self.waiting()
        self.sfn.send_task_success(taskToken=token, output="{}")

        self.assertEqual("TaskTimedOut", self.error_of(lambda: self.sfn.send_task_failure(taskToken=token, error="Late")))

    def test_callback_after_the_task_timed_out_is_task_timed_out(self):
        token = self.waiting()
        lab.control("POST", "/_lab/tasks/close", {"taskToken": token})

        self.assertEqual("TaskTimedOut", self.error_of(lambda: self.sfn.send_task_success(taskToken=token, output="{}")))

    def test_callback_after_the_execution_stopped_is_task_timed_out(self):
        token = self.waiting()
        lab.control("POST", "/_lab/executions/finish", {"executionArn": self.execution, "status": "ABORTED"})

        self.assertEqual("TaskTimedOut", self.error_of(lambda: self.sfn.send_task_heartbeat(taskToken=token)))

    def test_well_formed_token_never_issued_is_task_does_not_exist(self):
        self.assertEqual("TaskDoesNotExist", self.error_of(lambda: self.sfn.send_task_success(taskToken=new_token(), output="{}")))

    def test_malformed_token_is_invalid_token(self):
        self.assertEqual("InvalidToken", self.error_of(lambda: self.sfn.send_task_success(taskToken="not-a-token", output="{}")))

    def test_output_that_is_not_json_is_invalid_output_and_the_task_keeps_waiting(self):
        token = self.waiting()

        self.assertEqual("InvalidOutput", self.error_of(lambda: self.sfn.send_task_success(taskToken=token, output="{nope")))
        self.assertEqual("Waiting", self.lookup(token)["status"])

    def test_heartbeat_keeps_the_task_waiting(self):
        token = self.waiting()

        self.sfn.send_task_heartbeat(taskToken=token)

        self.assertEqual("Waiting", self.lookup(token)["status"])

    def test_awscli_send_task_success(self):
        token = self.waiting()

        lab.aws_cli("stepfunctions", "send-task-success", "--task-token", token, "--task-output", '{"by":"cli"}')

        self.assertEqual('{"by":"cli"}', self.lookup(token)["output"])

    def test_role_allowed_on_another_machine_is_denied_on_this_ones_token(self):
        token = self.waiting()
        other = self.machine.replace("dr-failover", "other")
        status, body = lab.control("PUT", "/_lab/iam/roles", {"roles": [{"arn": ACCOUNT_ROLE + "approver", "policies": [{"name": "p", "document": {
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "states:SendTaskSuccess", "Resource": other}]}}]}]})
        self.assertEqual(200, status, body)
        approver = lab.client("stepfunctions", access_key=body["roles"][0]["accessKeyId"], secret=body["roles"][0]["secretAccessKey"])

        self.assertEqual("AccessDeniedException", self.error_of(lambda: approver.send_task_success(taskToken=token, output="{}")))
        self.assertEqual("Waiting", self.lookup(token)["status"])

    def test_role_allowed_on_the_machine_may_approve(self):
        token = self.waiting()
        status, body = lab.control("PUT", "/_lab/iam/roles", {"roles": [{"arn": ACCOUNT_ROLE + "approver", "policies": [{"name": "p", "document": {
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "states:SendTaskSuccess", "Resource": self.machine}]}}]}]})
        self.assertEqual(200, status, body)
        approver = lab.client("stepfunctions", access_key=body["roles"][0]["accessKeyId"], secret=body["roles"][0]["secretAccessKey"])

        approver.send_task_success(taskToken=token, output="{}")

        self.assertEqual("Succeeded", self.lookup(token)["status"])


class CallerIdentityConformance(unittest.TestCase):
    def test_administrative_identity_is_its_assumed_role_session(self):
        identity = lab.client("sts").get_caller_identity()

        self.assertEqual((f"arn:aws:sts::{ACCOUNT}:assumed-role/drlab-admin/drlab", ACCOUNT), (identity["Arn"], identity["Account"]))
        self.assertTrue(identity["UserId"].startswith("AROA") and identity["UserId"].endswith(":drlab"))

    def test_role_without_any_permission_still_gets_its_identity(self):
        status, body = lab.control("PUT", "/_lab/iam/roles", {"roles": [{"arn": ACCOUNT_ROLE + "operator", "policies": [{"name": "p", "document": {
            "Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}}]}]})
        self.assertEqual(200, status, body)
        sts = lab.client("sts", access_key=body["roles"][0]["accessKeyId"], secret=body["roles"][0]["secretAccessKey"])

        self.assertEqual(f"arn:aws:sts::{ACCOUNT}:assumed-role/operator/drlab", sts.get_caller_identity()["Arn"])

    def test_awscli_get_caller_identity(self):
        identity = lab.aws_cli("sts", "get-caller-identity")

        self.assertEqual(ACCOUNT, identity["Account"])


if __name__ == "__main__":
    unittest.main()
