"""CloudWatch against the lab: awsJson1_0 (what boto3 and awscli send) and awsQuery (what the project's clients send)."""

import datetime
import time
import unittest
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import botocore.auth
import botocore.credentials
import botocore.exceptions
from botocore.awsrequest import AWSRequest

import drlab_harness as lab

NS = {"cw": "http://monitoring.amazonaws.com/doc/2010-08-01/"}


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


def query_call(params, region=None, secret=lab.SECRET_KEY):
    """Sends an awsQuery request signed by botocore's SigV4 signer; returns (status, parsed XML root)."""
    region = region or lab.env()["AWS_REGION"]
    body = urllib.parse.urlencode({"Version": "2010-08-01", **params})
    request = AWSRequest(method="POST", url=lab.base_url() + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    botocore.auth.SigV4Auth(botocore.credentials.Credentials(lab.ACCESS_KEY, secret), "monitoring", region).add_auth(request)
    prepared = request.prepare()
    http = urllib.request.Request(prepared.url, data=prepared.body.encode() if isinstance(prepared.body, str) else prepared.body,
                                  headers=dict(prepared.headers), method="POST")
    try:
        with urllib.request.urlopen(http, timeout=10) as response:
            return response.status, ET.fromstring(response.read())
    except urllib.error.HTTPError as error:
        return error.code, ET.fromstring(error.read())


class CloudWatchConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.env = lab.env()
        self.cloudwatch = lab.client("cloudwatch")
        self.secondary_cluster = self.env["DR_SECONDARY_CLUSTER_ARN"].split(":")[-1]

    def rpo_lag(self, stat="Maximum"):
        now = datetime.datetime.now(datetime.timezone.utc)
        return self.cloudwatch.get_metric_data(
            MetricDataQueries=[{"Id": "rpo", "MetricStat": {"Metric": {
                "Namespace": "AWS/RDS", "MetricName": "AuroraGlobalDBRPOLag",
                "Dimensions": [{"Name": "DBClusterIdentifier", "Value": self.secondary_cluster}]}, "Period": 60, "Stat": stat}}],
            StartTime=now - datetime.timedelta(minutes=10), EndTime=now + datetime.timedelta(minutes=1))["MetricDataResults"][0]

    def ingested_rpo_lag(self):
        """The RPO-lag result once its first datapoint is visible: after a reset CloudWatch shows one only after the ingestion delay."""
        return lab.wait_until(lambda: (result := self.rpo_lag())["Values"] and result, timeout=lab.wall_seconds(60 * 2) + 5)

    def alarm_state(self, name, region=lab.HEALTH_CHECK_ALARM_REGION):
        return lab.client("cloudwatch", region=region).describe_alarms(AlarmNames=[name])["MetricAlarms"][0]["StateValue"]

    def test_get_metric_data_json_returns_rpo_lag_in_milliseconds(self):
        result = self.ingested_rpo_lag()

        self.assertEqual("Complete", result["StatusCode"])
        self.assertEqual("AuroraGlobalDBRPOLag", result["Label"])
        self.assertTrue(result["Values"])
        self.assertAlmostEqual(800, result["Values"][0], delta=100)
        self.assertIsInstance(result["Timestamps"][0], datetime.datetime)

    def test_get_metric_data_follows_replication_lag_fault(self):
        lab.inject(kind="ReplicationLag", lagMilliseconds=10000)

        lab.wait_until(lambda: (self.rpo_lag()["Values"] or [0])[0] >= 9900, timeout=lab.wall_seconds(60 * 3) + 5)

    def test_get_metric_data_query_protocol_parses(self):
        self.ingested_rpo_lag()
        now = datetime.datetime.now(datetime.timezone.utc)
        status, root = query_call({
            "Action": "GetMetricData",
            "MetricDataQueries.member.1.Id": "lag",
            "MetricDataQueries.member.1.MetricStat.Metric.Namespace": "AWS/RDS",
            "MetricDataQueries.member.1.MetricStat.Metric.MetricName": "AuroraGlobalDBReplicationLag",
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name": "DBClusterIdentifier",
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value": self.secondary_cluster,
            "MetricDataQueries.member.1.MetricStat.Period": "60",
            "MetricDataQueries.member.1.MetricStat.Stat": "Average",
            "StartTime": (now - datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "EndTime": (now + datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        })

        self.assertEqual(200, status)
        result = root.find("cw:GetMetricDataResult/cw:MetricDataResults/cw:member", NS)
        self.assertEqual("lag", result.find("cw:Id", NS).text)
        self.assertAlmostEqual(800, float(result.find("cw:Values/cw:member", NS).text), delta=1)
        self.assertIsNotNone(root.find("cw:ResponseMetadata/cw:RequestId", NS))

    def test_put_and_describe_alarms_query_protocol_parse(self):
        status, _ = query_call({
            "Action": "PutMetricAlarm", "AlarmName": "query-alarm", "Namespace": "AWS/RDS", "MetricName": "AuroraGlobalDBRPOLag",
            "Dimensions.member.1.Name": "DBClusterIdentifier", "Dimensions.member.1.Value": self.secondary_cluster,
            "Statistic": "Maximum", "Period": "60", "EvaluationPeriods": "1", "Threshold": "5000",
            "ComparisonOperator": "GreaterThanThreshold", "AlarmActions.member.1": "arn:aws:sns:ap-northeast-1:111122223333:x"})
        self.assertEqual(200, status)

        status, root = query_call({"Action": "DescribeAlarms", "AlarmNames.member.1": "query-alarm"})

        self.assertEqual(200, status)
        alarm = root.find("cw:DescribeAlarmsResult/cw:MetricAlarms/cw:member", NS)
        self.assertEqual("query-alarm", alarm.find("cw:AlarmName", NS).text)
        self.assertEqual("arn:aws:sns:ap-northeast-1:111122223333:x", alarm.find("cw:AlarmActions/cw:member", NS).text)
        self.assertIn(alarm.find("cw:StateValue", NS).text, ("INSUFFICIENT_DATA", "OK"))

    def test_put_metric_alarm_exists_only_in_the_region_of_the_request(self):
        name = lab.put_health_check_alarm(self.env["DR_PRIMARY_REGION"])

        in_us_east_1 = lab.client("cloudwatch", region="us-east-1").describe_alarms(AlarmNames=[name])["MetricAlarms"]
        here = self.cloudwatch.describe_alarms(AlarmNames=[name])["MetricAlarms"]

        self.assertEqual(["INSUFFICIENT_DATA"], [a["StateValue"] for a in in_us_east_1])
        self.assertEqual("arn:aws:cloudwatch:us-east-1:111122223333:alarm:" + name, in_us_east_1[0]["AlarmArn"])
        self.assertEqual([], here)

    def test_no_built_in_alarms(self):
        # The ready document still names the alarms a deployment would create; none exists until PutMetricAlarm.
        self.assertEqual([], self.cloudwatch.describe_alarms(AlarmNames=[self.env["DR_ALARM_NAMES"]])["MetricAlarms"])

    def test_health_check_alarm_in_the_recovery_region_has_no_metric_and_breaches(self):
        name = lab.put_health_check_alarm(self.env["DR_PRIMARY_REGION"], alarm_region=self.env["AWS_REGION"], name="misplaced")

        lab.wait_until(lambda: self.alarm_state(name, region=self.env["AWS_REGION"]) == "ALARM", timeout=lab.wall_seconds(130) + 5)

    def test_invalid_put_metric_alarm_is_validation_error(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.cloudwatch.put_metric_alarm(
                AlarmName="bad", Namespace="AWS/Route53", MetricName="HealthCheckStatus", Statistic="Minimum", Period=60,
                EvaluationPeriods=1, Threshold=1, ComparisonOperator="LessThanThreshold", TreatMissingData="sometimes")

        self.assertEqual("ValidationError", caught.exception.response["Error"]["Code"])

    def test_query_protocol_error_shape(self):
        status, root = query_call({"Action": "DescribeAlarms", "AlarmNames.member.1": "x", "AlarmNamePrefix": "y"})

        self.assertEqual(400, status)
        self.assertEqual("InvalidParameterCombination", root.find("cw:Error/cw:Code", NS).text)

    def test_query_protocol_bad_signature_rejected(self):
        status, root = query_call({"Action": "DescribeAlarms"}, secret="not-the-secret")

        self.assertEqual(403, status)
        self.assertEqual("SignatureDoesNotMatch", root.find("cw:Error/cw:Code", NS).text)

    def test_describe_alarms_state_follows_primary_region_outage(self):
        name = lab.put_health_check_alarm(self.env["DR_PRIMARY_REGION"])
        secondary = lab.put_health_check_alarm(self.env["DR_SECONDARY_REGION"])
        lab.wait_until(lambda: self.alarm_state(name) == "OK", timeout=lab.wall_seconds(130) + 5)

        lab.inject(kind="RegionOutage", region=self.env["DR_PRIMARY_REGION"])

        lab.wait_until(lambda: self.alarm_state(name) == "ALARM", timeout=lab.wall_seconds(90 + 60 + 60 + 10) + 5)
        alarm = lab.client("cloudwatch", region="us-east-1").describe_alarms(AlarmNames=[name])["MetricAlarms"][0]
        self.assertEqual("LessThanThreshold", alarm["ComparisonOperator"])
        self.assertEqual("OK", self.alarm_state(secondary))
        change = [c for c in lab.state()["alarmStateChanges"] if c["name"] == name][-1]
        self.assertEqual(("us-east-1", "OK", "ALARM"), (change["region"], change["previousState"], change["state"]))

    def test_describe_alarms_partition_stays_ok(self):
        name = lab.put_health_check_alarm(self.env["DR_PRIMARY_REGION"])
        lab.inject(kind="Partition")

        time.sleep(lab.wall_seconds(90 + 60 + 60 + 10))

        self.assertEqual("OK", self.alarm_state(name))
        self.assertTrue(all(r["route53Healthy"] for r in lab.state()["regions"]))

    def test_route53_health_check_status_metric_served_in_us_east_1(self):
        lab.inject(kind="AppOutage", region=self.env["DR_PRIMARY_REGION"])
        us_east_1 = lab.client("cloudwatch", region="us-east-1")

        def latest():
            now = datetime.datetime.now(datetime.timezone.utc)
            result = us_east_1.get_metric_data(
                MetricDataQueries=[{"Id": "hc", "MetricStat": {"Metric": {
                    "Namespace": "AWS/Route53", "MetricName": "HealthCheckStatus",
                    "Dimensions": [{"Name": "HealthCheckId", "Value": self.env["DR_PRIMARY_HEALTH_CHECK_ID"]}]},
                    "Period": 1, "Stat": "Minimum"}}],
                StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=1))["MetricDataResults"][0]
            return result["Values"] and result["Values"][0] == 0

        lab.wait_until(latest, timeout=lab.wall_seconds(90 + 60 + 30) + 5)

    def test_describe_alarms_state_filter(self):
        lab.put_health_check_alarm(self.env["DR_PRIMARY_REGION"])

        alarms = lab.client("cloudwatch", region="us-east-1").describe_alarms(StateValue="ALARM")["MetricAlarms"]

        self.assertEqual([], alarms)

    def test_invalid_statistic_is_rejected(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.cloudwatch.get_metric_data(MetricDataQueries=[{"Id": "a", "MetricStat": {"Metric": {
                "Namespace": "AWS/RDS", "MetricName": "AuroraGlobalDBRPOLag"}, "Period": 60, "Stat": "Median"}}],
                StartTime=now - datetime.timedelta(minutes=5), EndTime=now)

        self.assertEqual("InvalidParameterValue", caught.exception.response["Error"]["Code"])

    def test_awscli_put_describe_alarms_and_get_metric_data(self):
        lab.aws_cli("cloudwatch", "put-metric-alarm", "--alarm-name", "cli-alarm", "--namespace", "AWS/Route53",
                    "--metric-name", "HealthCheckStatus", "--dimensions", f"Name=HealthCheckId,Value={self.env['DR_PRIMARY_HEALTH_CHECK_ID']}",
                    "--statistic", "Minimum", "--period", "60", "--evaluation-periods", "1", "--threshold", "1",
                    "--comparison-operator", "LessThanThreshold", "--treat-missing-data", "breaching", region="us-east-1")
        alarms = lab.aws_cli("cloudwatch", "describe-alarms", "--alarm-names", "cli-alarm", region="us-east-1")
        self.assertEqual(["cli-alarm"], [a["AlarmName"] for a in alarms["MetricAlarms"]])
        self.assertEqual([], lab.aws_cli("cloudwatch", "describe-alarms", "--alarm-names", "cli-alarm")["MetricAlarms"])

        queries = ('[{"Id":"rpo","MetricStat":{"Metric":{"Namespace":"AWS/RDS","MetricName":"AuroraGlobalDBRPOLag",'
                   f'"Dimensions":[{{"Name":"DBClusterIdentifier","Value":"{self.secondary_cluster}"}}]}},"Period":60,"Stat":"Maximum"}}}}]')

        def rpo_values():
            # As on AWS, a datapoint exists only once the first metric period has passed since the lab started.
            now = datetime.datetime.now(datetime.timezone.utc)
            data = lab.aws_cli("cloudwatch", "get-metric-data", "--metric-data-queries", queries,
                               "--start-time", (now - datetime.timedelta(minutes=5)).isoformat(), "--end-time", now.isoformat())
            return data["MetricDataResults"][0]["Values"]

        values = lab.wait_until(rpo_values, timeout=lab.wall_seconds(60 * 2 + 10) + 5, interval=0.5)
        self.assertAlmostEqual(800, values[0], delta=100)


if __name__ == "__main__":
    unittest.main()
