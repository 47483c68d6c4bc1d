"""Route 53 records carrying a HealthCheckId, round-tripped with boto3 and awscli, and the lab's data plane reading it."""

import json
import unittest

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


class HealthCheckIdRoundTrip(unittest.TestCase):
    NAME = "canary.example.com."

    def setUp(self):
        lab.reset()
        self.env = lab.env()
        self.route53 = lab.client("route53", region="us-east-1")
        self.zone = self.env["DR_HOSTED_ZONE_ID"]

    def record(self, set_identifier, address, health_check_id, weight=10):
        return {"Name": self.NAME, "Type": "A", "SetIdentifier": set_identifier, "Weight": weight, "TTL": 60,
                "ResourceRecords": [{"Value": address}], "HealthCheckId": health_check_id}

    def listed(self, records):
        return {r["SetIdentifier"]: r for r in records if r["Name"] == self.NAME}

    def test_boto3_create_then_list_returns_the_health_check_id(self):
        created = self.record("blue", "203.0.113.1", self.env["DR_PRIMARY_HEALTH_CHECK_ID"])

        self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={
            "Changes": [{"Action": "CREATE", "ResourceRecordSet": created}]})

        records = self.route53.list_resource_record_sets(
            HostedZoneId=self.zone, StartRecordName=self.NAME, StartRecordType="A")["ResourceRecordSets"]
        self.assertEqual(created, self.listed(records)["blue"])

    def test_awscli_create_then_list_returns_the_health_check_id(self):
        created = self.record("green", "203.0.113.2", self.env["DR_SECONDARY_HEALTH_CHECK_ID"])
        batch = json.dumps({"Changes": [{"Action": "CREATE", "ResourceRecordSet": created}]})

        lab.aws_cli("route53", "change-resource-record-sets", "--hosted-zone-id", self.zone, "--change-batch", batch)

        listed = lab.aws_cli("route53", "list-resource-record-sets", "--hosted-zone-id", self.zone,
                             "--start-record-name", self.NAME, "--start-record-type", "A")
        self.assertEqual(created, self.listed(listed["ResourceRecordSets"])["green"])

    def test_delete_must_name_the_current_health_check_id(self):
        created = self.record("blue", "203.0.113.1", self.env["DR_PRIMARY_HEALTH_CHECK_ID"])
        self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={
            "Changes": [{"Action": "CREATE", "ResourceRecordSet": created}]})
        without_check = {k: v for k, v in created.items() if k != "HealthCheckId"}

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={
                "Changes": [{"Action": "DELETE", "ResourceRecordSet": without_check}]})

        self.assertEqual("InvalidChangeBatch", caught.exception.response["Error"]["Code"])
        records = self.route53.list_resource_record_sets(
            HostedZoneId=self.zone, StartRecordName=self.NAME, StartRecordType="A")["ResourceRecordSets"]
        self.assertEqual(created, self.listed(records)["blue"])

    def test_unknown_health_check_id_is_no_such_health_check_and_nothing_changes(self):
        created = self.record("blue", "203.0.113.1", "00000000-0000-0000-0000-000000000000")

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={
                "Changes": [{"Action": "CREATE", "ResourceRecordSet": created}]})

        self.assertEqual("NoSuchHealthCheck", caught.exception.response["Error"]["Code"])
        status, _ = lab.control("GET", "/_lab/dns/answer?name=canary.example.com&type=A")
        self.assertEqual(404, status)

    def test_data_plane_answers_the_new_records_with_their_health_checks(self):
        self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={"Changes": [
            {"Action": "CREATE", "ResourceRecordSet": self.record("blue", "203.0.113.1", self.env["DR_PRIMARY_HEALTH_CHECK_ID"])},
            {"Action": "CREATE", "ResourceRecordSet": self.record("green", "203.0.113.2", self.env["DR_SECONDARY_HEALTH_CHECK_ID"], 30)},
        ]})

        status, answer = lab.control("GET", "/_lab/dns/answer?name=canary.example.com&type=A&seed=7")

        self.assertEqual(200, status, answer)
        candidates = {c["setIdentifier"]: c for c in answer["candidates"]}
        self.assertEqual(self.env["DR_PRIMARY_HEALTH_CHECK_ID"], candidates["blue"]["healthCheckId"])
        self.assertAlmostEqual(0.25, candidates["blue"]["probability"])
        self.assertAlmostEqual(0.75, candidates["green"]["probability"])
        self.assertIn(answer["chosen"]["setIdentifier"], candidates)

    def test_ready_line_names_the_dns_server(self):
        dns = lab.ready()["dns"]

        self.assertEqual("127.0.0.1", dns["address"])
        self.assertGreater(dns["port"], 0)


if __name__ == "__main__":
    unittest.main()
