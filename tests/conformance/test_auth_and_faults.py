"""Signatures, reachability, request faults, the application endpoints and the control API, with official clients."""

import json
import time
import unittest
import urllib.error
import urllib.request

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


def health(region):
    """(HTTP status, document) of a Region's /actuator/health as the observer sees it; None when unreachable."""
    try:
        with urllib.request.urlopen(f"{lab.base_url()}/app/{region}/actuator/health", timeout=5) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)
    except (urllib.error.URLError, ConnectionError):
        return None


class SignatureConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()

    def assert_rejected(self, service, call, expected_code):
        client = lab.client(service, secret="wrong-secret")
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call(client)
        self.assertEqual(expected_code, caught.exception.response["Error"]["Code"])

    def test_wrong_secret_rejected_by_every_protocol(self):
        self.assert_rejected("rds", lambda c: c.describe_global_clusters(), "SignatureDoesNotMatch")
        self.assert_rejected("sns", lambda c: c.publish(TopicArn="arn:aws:sns:x:1:t", Message="m"), "SignatureDoesNotMatch")
        self.assert_rejected("route53", lambda c: c.get_change(Id="C1"), "SignatureDoesNotMatch")
        self.assert_rejected("stepfunctions", lambda c: c.list_executions(stateMachineArn=lab.env()["DR_STATE_MACHINE_ARN"]),
                             "InvalidSignatureException")
        self.assert_rejected("cloudwatch", lambda c: c.describe_alarms(), "InvalidSignatureException")
        self.assertTrue(all(r["outcome"] != "OK" for r in lab.state()["requests"]))

    def test_unknown_access_key_rejected(self):
        client = lab.client("rds", access_key="AKIDSOMEONEELSE")

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            client.describe_global_clusters()

        self.assertEqual("InvalidClientTokenId", caught.exception.response["Error"]["Code"])

    def test_region_outside_the_lab_rejected(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lab.client("rds", region="eu-west-1").describe_global_clusters()

        self.assertEqual("InvalidClientTokenId", caught.exception.response["Error"]["Code"])


class FaultConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.env = lab.env()

    def test_full_throttling_surfaces_as_throttling_error(self):
        lab.inject(kind="Throttling", rate=1.0, service="rds")

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lab.client("rds").describe_global_clusters()

        self.assertEqual("Throttling", caught.exception.response["Error"]["Code"])
        lab.client("sns").publish(TopicArn=lab.create_topic(), Message="not throttled")

    def test_step_functions_throttling_uses_throttling_exception(self):
        lab.inject(kind="Throttling", rate=1.0, service="states")

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lab.client("stepfunctions").list_executions(stateMachineArn=self.env["DR_STATE_MACHINE_ARN"])

        self.assertEqual("ThrottlingException", caught.exception.response["Error"]["Code"])

    def test_thirty_percent_throttling_is_random_seeded_and_absorbed_by_standard_retries(self):
        def run():
            lab.reset()
            lab.inject(kind="Throttling", rate=0.3)
            rds = lab.client("rds", max_attempts=6)
            for _ in range(20):
                rds.describe_global_clusters()
            return [r["outcome"] for r in lab.requests_of("DescribeGlobalClusters")]

        first = run()
        second = run()

        # Each matching call fails independently with probability 0.3, drawn from the lab's seeded generator:
        # the same requests after a reset fail the same way.
        self.assertEqual(20, first.count("OK"))
        self.assertGreater(first.count("Throttling"), 0)
        self.assertEqual(first, second)

    def test_server_errors_surface_as_5xx(self):
        lab.inject(kind="ServerErrors", rate=1.0, service="route53")

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lab.client("route53").get_change(Id="C1")

        self.assertEqual(503, caught.exception.response["ResponseMetadata"]["HTTPStatusCode"])

    def test_scheduled_fault_starts_at_its_offset_and_clears(self):
        region = self.env["DR_PRIMARY_REGION"]
        lab.inject(kind="AppOutage", region=region, atSeconds=30)
        self.assertEqual(200, health(region)[0])

        lab.wait_until(lambda: health(region)[0] == 503, timeout=lab.wall_seconds(30) + 3)
        status, body = lab.control("DELETE", "/_lab/faults")

        self.assertEqual(200, status)
        self.assertEqual(["ended"], [f["status"] for f in body["faults"]])
        self.assertEqual(200, health(region)[0])

    def test_app_health_documents_per_fault(self):
        primary, secondary = self.env["DR_PRIMARY_REGION"], self.env["DR_SECONDARY_REGION"]
        self.assertEqual((200, "UP"), (health(primary)[0], health(primary)[1]["status"]))

        lab.inject(kind="DatabaseOutage", region=primary)
        status, document = health(primary)

        self.assertEqual(503, status)
        self.assertEqual("DOWN", document["components"]["db"]["status"])
        self.assertEqual("UP", document["components"]["livenessState"]["status"])
        self.assertEqual(200, health(secondary)[0])

    def test_partition_makes_primary_unreachable_from_observer_only(self):
        lab.inject(kind="Partition")

        self.assertIsNone(health(self.env["DR_PRIMARY_REGION"]))
        self.assertEqual(200, health(self.env["DR_SECONDARY_REGION"])[0])
        with self.assertRaises((botocore.exceptions.ConnectionClosedError, botocore.exceptions.EndpointConnectionError)):
            lab.client("rds", region=self.env["DR_PRIMARY_REGION"]).describe_global_clusters()
        self.assertEqual(8, len(lab.client("route53").get_health_check_status(
            HealthCheckId=self.env["DR_PRIMARY_HEALTH_CHECK_ID"])["HealthCheckObservations"]))

    def test_observer_moved_to_primary_sees_secondary_outage(self):
        status, _ = lab.control("POST", "/_lab/observer", {"region": self.env["DR_PRIMARY_REGION"]})
        lab.inject(kind="RegionOutage", region=self.env["DR_SECONDARY_REGION"])

        self.assertEqual(200, status)
        self.assertEqual(200, health(self.env["DR_PRIMARY_REGION"])[0])
        self.assertIsNone(health(self.env["DR_SECONDARY_REGION"]))

    def test_invalid_fault_rejected_with_every_problem_and_nothing_scheduled(self):
        status, body = lab.control("POST", "/_lab/faults", {"faults": [
            {"kind": "RegionOutage"}, {"kind": "Throttling", "rate": 2}, {"kind": "Earthquake"}]})

        self.assertEqual(400, status)
        self.assertEqual(3, len(body["messages"]))
        self.assertEqual([], lab.state()["faults"])

    def test_flapping_health_alternates_app_status(self):
        region = self.env["DR_PRIMARY_REGION"]
        lab.inject(kind="FlappingHealth", region=region, downSeconds=30, upSeconds=30)

        seen = set()
        deadline = time.monotonic() + lab.wall_seconds(120) + 2
        while time.monotonic() < deadline and len(seen) < 2:
            seen.add(health(region)[0])
            time.sleep(0.1)

        self.assertEqual({200, 503}, seen)

    def test_state_reports_ground_truth_sections(self):
        name = lab.put_health_check_alarm(self.env["DR_PRIMARY_REGION"])
        document = lab.state()

        self.assertEqual("fast", document["profile"])
        self.assertEqual(self.env["DR_PRIMARY_REGION"], document["database"]["writerRegion"])
        self.assertEqual({70, 30}, {w["weight"] for w in document["dns"]["weights"]})
        self.assertGreater(document["writes"]["lastAcknowledgedSequence"], 0)
        self.assertEqual(0, document["lostWrites"]["count"])
        alarm = next(a for a in document["alarms"] if a["name"] == name)
        self.assertEqual(("us-east-1", self.env["DR_PRIMARY_REGION"], "INSUFFICIENT_DATA"),
                         (alarm["region"], alarm["watchedRegion"], alarm["state"]))
        self.assertEqual([], document["alarmStateChanges"])
        self.assertEqual(5, lab.ready()["metricIngestionDelaySeconds"])

    def test_config_repeats_the_ready_line(self):
        status, config = lab.control("GET", "/_lab/config")

        self.assertEqual(200, status)
        self.assertEqual(lab.ready(), config)


if __name__ == "__main__":
    unittest.main()
