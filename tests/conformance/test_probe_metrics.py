"""The probes' 1-second metric, high-resolution alarms and composite alarms against the lab, driven by boto3."""

import datetime
import unittest

import botocore.exceptions

import drlab_harness as lab

NAMESPACE = "DrLambdas/Probes"


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


class ProbeMetricConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.env = lab.env()
        self.region = self.env["AWS_REGION"]
        self.primary = self.env["DR_PRIMARY_REGION"]
        self.cloudwatch = lab.client("cloudwatch")

    def dimensions(self, observer):
        return [{"Name": "Observer", "Value": observer}, {"Name": "Target", "Value": self.primary}]

    def put(self, observer, value, resolution=1, namespace=NAMESPACE):
        # No Timestamp: CloudWatch stamps the datapoint when it receives it. botocore sends whole seconds, which the fast
        # profile (30 model seconds per wall second) would fold into one model second.
        self.cloudwatch.put_metric_data(Namespace=namespace, MetricData=[{
            "MetricName": "EndpointHealthy", "Dimensions": self.dimensions(observer), "Value": value, "StorageResolution": resolution}])

    def read(self, observer):
        now = datetime.datetime.now(datetime.timezone.utc)
        return self.cloudwatch.get_metric_data(
            MetricDataQueries=[{"Id": "probe", "MetricStat": {"Metric": {
                "Namespace": NAMESPACE, "MetricName": "EndpointHealthy", "Dimensions": self.dimensions(observer)},
                "Period": 1, "Stat": "Minimum"}}],
            StartTime=now - datetime.timedelta(minutes=5), EndTime=now + datetime.timedelta(minutes=1))["MetricDataResults"][0]

    def put_observer_alarm(self, observer, period=10):
        self.cloudwatch.put_metric_alarm(
            AlarmName=f"probe-{observer}", Namespace=NAMESPACE, MetricName="EndpointHealthy",
            Dimensions=self.dimensions(observer), Statistic="Maximum", Period=period, EvaluationPeriods=3,
            DatapointsToAlarm=3, Threshold=1, ComparisonOperator="LessThanThreshold", TreatMissingData="notBreaching")

    def test_put_metric_data_high_resolution_is_read_back_once_ingested(self):
        self.put(self.region, 0)

        result = lab.wait_until(lambda: (r := self.read(self.region))["Values"] and r, timeout=lab.wall_seconds(10) + 5)

        self.assertEqual([0.0], result["Values"])
        self.assertIsInstance(result["Timestamps"][0], datetime.datetime)

    def test_put_metric_data_into_an_aws_namespace_is_refused(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.put(self.region, 1, namespace="AWS/Probes")

        self.assertEqual("InvalidParameterValue", caught.exception.response["Error"]["Code"])

    def test_put_metric_data_storage_resolution_other_than_1_or_60_is_refused(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.put(self.region, 1, resolution=5)

        self.assertEqual("InvalidParameterValue", caught.exception.response["Error"]["Code"])

    def test_put_metric_alarm_accepts_high_resolution_periods_and_refuses_others_below_a_minute(self):
        for period in (10, 20, 30):
            self.put_observer_alarm(f"ok-{period}", period)

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.put_observer_alarm("bad", 15)

        self.assertEqual("InvalidParameterValue", caught.exception.response["Error"]["Code"])

    def test_composite_alarm_is_described_with_its_rule_when_asked_for(self):
        self.put_observer_alarm(self.region)
        self.put_observer_alarm("us-west-2")
        rule = f'ALARM("probe-{self.region}") AND ALARM("probe-us-west-2")'
        self.cloudwatch.put_composite_alarm(AlarmName="primary-probes", AlarmRule=rule)

        metric_only = self.cloudwatch.describe_alarms(AlarmNames=["primary-probes"])
        composite = self.cloudwatch.describe_alarms(AlarmNames=["primary-probes"], AlarmTypes=["CompositeAlarm"])

        self.assertEqual([], metric_only["CompositeAlarms"])
        self.assertEqual(rule, composite["CompositeAlarms"][0]["AlarmRule"])

    def test_composite_alarm_over_a_missing_alarm_is_refused(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.cloudwatch.put_composite_alarm(AlarmName="primary-probes", AlarmRule='ALARM("nowhere")')

        self.assertEqual("ValidationError", caught.exception.response["Error"]["Code"])

    def test_recovery_region_alone_never_sets_the_composite_off(self):
        self.put_observer_alarm(self.region)
        self.put_observer_alarm("us-west-2")
        self.cloudwatch.put_composite_alarm(
            AlarmName="primary-probes", AlarmRule=f'ALARM("probe-{self.region}") AND ALARM("probe-us-west-2")')

        def recovery_alarmed():
            self.put(self.region, 0)
            return self.cloudwatch.describe_alarms(AlarmNames=[f"probe-{self.region}"])["MetricAlarms"][0]["StateValue"] == "ALARM"

        lab.wait_until(recovery_alarmed, timeout=lab.wall_seconds(60) + 10, interval=lab.wall_seconds(1))
        composite = self.cloudwatch.describe_alarms(AlarmNames=["primary-probes"], AlarmTypes=["CompositeAlarm"])["CompositeAlarms"][0]

        self.assertEqual("OK", composite["StateValue"])


if __name__ == "__main__":
    unittest.main()
