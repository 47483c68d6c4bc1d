"""Route 53's health check API (CreateHealthCheck, GetHealthCheck, ListHealthChecks, DeleteHealthCheck,
GetHealthCheckStatus) against the lab with boto3: the client parses every answer and the lab enforces Route 53's
rules (CallerReference idempotency, RequestInterval 10 or 30)."""

import unittest
import uuid

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


class Route53HealthCheckConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.env = lab.env()
        self.route53 = lab.client("route53", region="us-east-1")
        self.endpoint = f"{self.env['DR_PRIMARY_REGION']}.{self.env['DR_RECORD_NAME'].rstrip('.')}"

    def config(self, interval=10):
        return {"Type": "HTTPS", "FullyQualifiedDomainName": self.endpoint, "ResourcePath": "/actuator/health/regional",
                "RequestInterval": interval, "FailureThreshold": 3, "Regions": ["us-east-1", "eu-west-1", "ap-southeast-1"]}

    def test_create_then_get_returns_the_settings_route53_stored(self):
        reference = str(uuid.uuid4())

        created = self.route53.create_health_check(CallerReference=reference, HealthCheckConfig=self.config())
        got = self.route53.get_health_check(HealthCheckId=created["HealthCheck"]["Id"])["HealthCheck"]

        self.assertEqual(201, created["ResponseMetadata"]["HTTPStatusCode"])
        self.assertTrue(created["Location"].endswith("/healthcheck/" + created["HealthCheck"]["Id"]))
        self.assertEqual(reference, got["CallerReference"])
        self.assertEqual(1, got["HealthCheckVersion"])
        config = got["HealthCheckConfig"]
        self.assertEqual(("HTTPS", 443, 10, 3, True), (config["Type"], config["Port"], config["RequestInterval"], config["FailureThreshold"], config["EnableSNI"]))
        self.assertEqual(["us-east-1", "eu-west-1", "ap-southeast-1"], config["Regions"])

    def test_create_twice_with_the_same_reference_and_settings_is_the_same_check(self):
        reference = str(uuid.uuid4())

        first = self.route53.create_health_check(CallerReference=reference, HealthCheckConfig=self.config())["HealthCheck"]["Id"]
        again = self.route53.create_health_check(CallerReference=reference, HealthCheckConfig=self.config())["HealthCheck"]["Id"]

        self.assertEqual(first, again)

    def test_create_with_the_same_reference_and_other_settings_is_health_check_already_exists(self):
        reference = str(uuid.uuid4())
        self.route53.create_health_check(CallerReference=reference, HealthCheckConfig=self.config())

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.create_health_check(CallerReference=reference, HealthCheckConfig=self.config(interval=30))

        self.assertEqual("HealthCheckAlreadyExists", caught.exception.response["Error"]["Code"])
        self.assertEqual(409, caught.exception.response["ResponseMetadata"]["HTTPStatusCode"])

    def test_request_interval_other_than_10_or_30_is_invalid_input(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.create_health_check(CallerReference=str(uuid.uuid4()), HealthCheckConfig=self.config(interval=20))

        self.assertEqual("InvalidInput", caught.exception.response["Error"]["Code"])

    def test_list_includes_the_built_in_and_the_created_checks(self):
        created = self.route53.create_health_check(CallerReference=str(uuid.uuid4()), HealthCheckConfig=self.config())["HealthCheck"]["Id"]

        ids = [check["Id"] for check in self.route53.get_paginator("list_health_checks").paginate().build_full_result()["HealthChecks"]]

        self.assertIn(self.env["DR_PRIMARY_HEALTH_CHECK_ID"], ids)
        self.assertIn(created, ids)

    def test_status_of_a_created_check_has_one_observation_per_checker_region(self):
        created = self.route53.create_health_check(CallerReference=str(uuid.uuid4()), HealthCheckConfig=self.config())["HealthCheck"]["Id"]

        def observed():
            return len(self.route53.get_health_check_status(HealthCheckId=created)["HealthCheckObservations"]) == 3

        lab.wait_until(observed, timeout=lab.wall_seconds(10) + 5)

    def test_delete_then_get_is_no_such_health_check(self):
        created = self.route53.create_health_check(CallerReference=str(uuid.uuid4()), HealthCheckConfig=self.config())["HealthCheck"]["Id"]

        self.route53.delete_health_check(HealthCheckId=created)

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.get_health_check(HealthCheckId=created)
        self.assertEqual("NoSuchHealthCheck", caught.exception.response["Error"]["Code"])


if __name__ == "__main__":
    unittest.main()
