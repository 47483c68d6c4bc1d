"""Route 53 (restXml) against the lab with boto3 and awscli: records, changes, propagation, health checks."""

import json
import subprocess
import unittest

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


class Route53Conformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.env = lab.env()
        self.route53 = lab.client("route53", region="us-east-1")
        self.zone = self.env["DR_HOSTED_ZONE_ID"]

    def weighted(self):
        records = self.route53.list_resource_record_sets(
            HostedZoneId=self.zone, StartRecordName=self.env["DR_RECORD_NAME"], StartRecordType="A")["ResourceRecordSets"]
        return {r["SetIdentifier"]: r for r in records if r["Name"] == self.env["DR_RECORD_NAME"] and "SetIdentifier" in r}

    def test_list_returns_weighted_records_with_health_checks(self):
        records = self.weighted()
        primary = records[self.env["DR_PRIMARY_SET_IDENTIFIER"]]

        self.assertEqual(70, primary["Weight"])
        self.assertEqual(30, records[self.env["DR_SECONDARY_SET_IDENTIFIER"]]["Weight"])
        self.assertEqual(60, primary["TTL"])
        self.assertEqual(self.env["DR_PRIMARY_HEALTH_CHECK_ID"], primary["HealthCheckId"])

    def test_list_paginates_with_next_record_fields(self):
        first = self.route53.list_resource_record_sets(HostedZoneId=self.zone, MaxItems="1")

        self.assertTrue(first["IsTruncated"])
        self.assertEqual(1, len(first["ResourceRecordSets"]))
        second = self.route53.list_resource_record_sets(
            HostedZoneId=self.zone, StartRecordName=first["NextRecordName"], StartRecordType=first["NextRecordType"],
            MaxItems="1", **({"StartRecordIdentifier": first["NextRecordIdentifier"]} if "NextRecordIdentifier" in first else {}))
        self.assertNotEqual(first["ResourceRecordSets"][0], second["ResourceRecordSets"][0])

    def test_paginator_lists_every_record_once(self):
        paginator = self.route53.get_paginator("list_resource_record_sets")

        records = [r for page in paginator.paginate(HostedZoneId=self.zone, PaginationConfig={"PageSize": 1})
                   for r in page["ResourceRecordSets"]]

        self.assertEqual(4, len(records))
        self.assertEqual(4, len({(r["Name"], r["Type"], r.get("SetIdentifier")) for r in records}))

    def test_upsert_change_goes_pending_then_insync_and_weights_change(self):
        record = self.weighted()[self.env["DR_PRIMARY_SET_IDENTIFIER"]]
        record["Weight"] = 0

        info = self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={
            "Comment": "drain primary", "Changes": [{"Action": "UPSERT", "ResourceRecordSet": record}]})["ChangeInfo"]

        self.assertEqual("PENDING", info["Status"])
        self.assertEqual("drain primary", info["Comment"])
        self.assertEqual(0, self.weighted()[self.env["DR_PRIMARY_SET_IDENTIFIER"]]["Weight"])
        lab.wait_until(lambda: self.route53.get_change(Id=info["Id"])["ChangeInfo"]["Status"] == "INSYNC",
                       timeout=lab.wall_seconds(60) + 5)
        self.assertIn({"setIdentifier": self.env["DR_PRIMARY_SET_IDENTIFIER"], "region": self.env["DR_PRIMARY_REGION"], "weight": 0},
                      lab.state()["dns"]["weights"])

    def test_delete_with_stale_values_is_invalid_change_batch(self):
        stale = self.weighted()[self.env["DR_PRIMARY_SET_IDENTIFIER"]]
        stale["Weight"] = 50
        replacement = dict(stale, Weight=0)

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={"Changes": [
                {"Action": "DELETE", "ResourceRecordSet": stale}, {"Action": "CREATE", "ResourceRecordSet": replacement}]})

        self.assertEqual("InvalidChangeBatch", caught.exception.response["Error"]["Code"])
        self.assertIn("do not match the current values", caught.exception.response["Error"]["Message"])
        self.assertEqual(70, self.weighted()[self.env["DR_PRIMARY_SET_IDENTIFIER"]]["Weight"])

    def test_delete_then_create_with_current_values_swaps_atomically(self):
        current = self.weighted()[self.env["DR_SECONDARY_SET_IDENTIFIER"]]

        self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={"Changes": [
            {"Action": "DELETE", "ResourceRecordSet": current},
            {"Action": "CREATE", "ResourceRecordSet": dict(current, Weight=100)}]})

        self.assertEqual(100, self.weighted()[self.env["DR_SECONDARY_SET_IDENTIFIER"]]["Weight"])

    def test_alias_target_record_round_trips(self):
        alias = {"Name": "www." + self.env["DR_RECORD_NAME"], "Type": "A", "SetIdentifier": "alias-tpe", "Weight": 10,
                 "AliasTarget": {"HostedZoneId": "Z2FDTNDATAQYW2", "DNSName": "d123.cloudfront.net.", "EvaluateTargetHealth": True}}

        self.route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={"Changes": [
            {"Action": "CREATE", "ResourceRecordSet": alias}]})

        listed = self.route53.list_resource_record_sets(
            HostedZoneId=self.zone, StartRecordName=alias["Name"], StartRecordType="A", MaxItems="1")["ResourceRecordSets"][0]
        self.assertEqual(alias["AliasTarget"], listed["AliasTarget"])
        self.assertNotIn("TTL", listed)

    def test_unknown_zone_is_no_such_hosted_zone(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.list_resource_record_sets(HostedZoneId="ZNOTAZONE")

        self.assertEqual("NoSuchHostedZone", caught.exception.response["Error"]["Code"])

    def test_unknown_change_is_no_such_change(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.get_change(Id="/change/CNOPE")

        self.assertEqual("NoSuchChange", caught.exception.response["Error"]["Code"])

    def test_health_check_status_has_an_observation_per_checker_region(self):
        observations = self.route53.get_health_check_status(HealthCheckId=self.env["DR_PRIMARY_HEALTH_CHECK_ID"])["HealthCheckObservations"]

        self.assertEqual(8, len(observations))
        self.assertTrue(all(o["StatusReport"]["Status"].startswith("Success") for o in observations))
        self.assertIn("us-east-1", {o["Region"] for o in observations})

    def test_health_check_status_fails_after_region_outage_detection(self):
        lab.inject(kind="RegionOutage", region=self.env["DR_PRIMARY_REGION"])

        def failing():
            observations = self.route53.get_health_check_status(
                HealthCheckId=self.env["DR_PRIMARY_HEALTH_CHECK_ID"])["HealthCheckObservations"]
            return sum(o["StatusReport"]["Status"].startswith("Failure") for o in observations) == 8

        lab.wait_until(failing, timeout=lab.wall_seconds(30 * 4) + 5)
        secondary = self.route53.get_health_check_status(HealthCheckId=self.env["DR_SECONDARY_HEALTH_CHECK_ID"])
        self.assertTrue(all(o["StatusReport"]["Status"].startswith("Success") for o in secondary["HealthCheckObservations"]))

    def test_unknown_health_check_is_no_such_health_check(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.route53.get_health_check_status(HealthCheckId="00000000-0000-0000-0000-000000000000")

        self.assertEqual("NoSuchHealthCheck", caught.exception.response["Error"]["Code"])

    def test_awscli_lists_records_and_changes_weights(self):
        listed = lab.aws_cli("route53", "list-resource-record-sets", "--hosted-zone-id", self.zone)
        self.assertEqual(4, len(listed["ResourceRecordSets"]))
        record = self.weighted()[self.env["DR_SECONDARY_SET_IDENTIFIER"]]
        record["Weight"] = 100
        batch = json.dumps({"Changes": [{"Action": "UPSERT", "ResourceRecordSet": record}]})

        changed = lab.aws_cli("route53", "change-resource-record-sets", "--hosted-zone-id", self.zone, "--change-batch", batch)

        self.assertEqual("PENDING", changed["ChangeInfo"]["Status"])
        fetched = lab.aws_cli("route53", "get-change", "--id", changed["ChangeInfo"]["Id"])
        self.assertEqual(changed["ChangeInfo"]["Id"], fetched["ChangeInfo"]["Id"])

    def test_awscli_invalid_change_batch_surfaces_the_code(self):
        record = self.weighted()[self.env["DR_PRIMARY_SET_IDENTIFIER"]]
        batch = json.dumps({"Changes": [{"Action": "CREATE", "ResourceRecordSet": record}]})

        with self.assertRaises(subprocess.CalledProcessError) as caught:
            lab.aws_cli("route53", "change-resource-record-sets", "--hosted-zone-id", self.zone, "--change-batch", batch)

        self.assertIn("InvalidChangeBatch", caught.exception.stderr)


if __name__ == "__main__":
    unittest.main()
