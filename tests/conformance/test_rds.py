"""RDS (awsQuery) against the lab with boto3 and awscli: global cluster reads, failover, switchover, refusals."""

import subprocess
import time
import unittest

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


class RdsConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.env = lab.env()
        self.rds = lab.client("rds")
        self.primary_arn = self.env["DR_PRIMARY_CLUSTER_ARN"]
        self.secondary_arn = self.env["DR_SECONDARY_CLUSTER_ARN"]

    def writer_arn(self):
        members = self.rds.describe_global_clusters()["GlobalClusters"][0]["GlobalClusterMembers"]
        return next(m["DBClusterArn"] for m in members if m["IsWriter"])

    def test_describe_global_clusters_parses_members_and_writer(self):
        cluster = self.rds.describe_global_clusters(GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"])["GlobalClusters"][0]

        self.assertEqual("available", cluster["Status"])
        self.assertEqual({self.primary_arn, self.secondary_arn}, {m["DBClusterArn"] for m in cluster["GlobalClusterMembers"]})
        self.assertEqual(self.primary_arn, self.writer_arn())
        self.assertTrue(all(m["SynchronizationStatus"] == "connected" for m in cluster["GlobalClusterMembers"]))
        self.assertTrue(cluster["Endpoint"].endswith(".global.rds.amazonaws.com"))
        self.assertNotIn("FailoverState", cluster)

    def test_describe_db_clusters_returns_the_cluster_of_the_called_region(self):
        clusters = self.rds.describe_db_clusters()["DBClusters"]

        self.assertEqual([self.secondary_arn], [c["DBClusterArn"] for c in clusters])
        self.assertEqual("available", clusters[0]["Status"])
        self.assertFalse(any(m["IsClusterWriter"] for m in clusters[0]["DBClusterMembers"]))

    def test_describe_db_clusters_in_primary_region_shows_the_writer_instance(self):
        clusters = lab.client("rds", region=self.env["DR_PRIMARY_REGION"]).describe_db_clusters()["DBClusters"]

        self.assertEqual(self.primary_arn, clusters[0]["DBClusterArn"])
        self.assertEqual(1, sum(m["IsClusterWriter"] for m in clusters[0]["DBClusterMembers"]))

    def test_unknown_global_cluster_is_global_cluster_not_found(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.rds.describe_global_clusters(GlobalClusterIdentifier="nope")

        self.assertEqual("GlobalClusterNotFoundFault", caught.exception.response["Error"]["Code"])
        self.assertEqual(404, caught.exception.response["ResponseMetadata"]["HTTPStatusCode"])

    def test_failover_with_allow_data_loss_makes_target_writer_after_modelled_delay(self):
        lab.inject(kind="RegionOutage", region=self.env["DR_PRIMARY_REGION"])
        started = time.monotonic()

        response = self.rds.failover_global_cluster(
            GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"], TargetDbClusterIdentifier=self.secondary_arn,
            AllowDataLoss=True)

        self.assertEqual("failing-over", response["GlobalCluster"]["Status"])
        self.assertTrue(response["GlobalCluster"]["FailoverState"]["IsDataLossAllowed"])
        self.assertEqual(self.primary_arn, self.writer_arn())
        lab.wait_until(lambda: self.writer_arn() == self.secondary_arn, timeout=lab.wall_seconds(60) + 5)
        self.assertGreaterEqual(time.monotonic() - started, lab.wall_seconds(60) * 0.9)
        lost = lab.state()["lostWrites"]
        self.assertGreater(lost["count"], 0)
        self.assertAlmostEqual(lost["count"] / 10, lost["modelSpanSeconds"], places=3)
        self.assertEqual(1, len(lab.requests_of("FailoverGlobalCluster", outcome="OK")))

    def failover_state(self):
        return self.rds.describe_global_clusters()["GlobalClusters"][0].get("FailoverState", {}).get("Status")

    def test_switchover_while_primary_region_down_is_accepted_then_cancelled(self):
        lab.inject(kind="RegionOutage", region=self.env["DR_PRIMARY_REGION"])

        response = self.rds.switchover_global_cluster(
            GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"], TargetDbClusterIdentifier=self.secondary_arn)

        self.assertEqual("pending", response["GlobalCluster"]["FailoverState"]["Status"])
        lab.wait_until(lambda: self.failover_state() == "cancelling", timeout=lab.wall_seconds(10) + 5, interval=0.05)
        lab.wait_until(lambda: self.failover_state() is None, timeout=lab.wall_seconds(30) + 5)
        self.assertEqual(self.primary_arn, self.writer_arn())
        self.assertEqual("Cancelled", lab.state()["database"]["operations"][0]["outcome"])

    def test_failover_without_allow_data_loss_is_a_switchover_and_cancelled_while_primary_down(self):
        lab.inject(kind="DatabaseOutage", region=self.env["DR_PRIMARY_REGION"])

        response = self.rds.failover_global_cluster(
            GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"], TargetDbClusterIdentifier=self.secondary_arn)

        self.assertFalse(response["GlobalCluster"]["FailoverState"]["IsDataLossAllowed"])
        lab.wait_until(lambda: lab.state()["database"]["operations"][0]["outcome"] == "Cancelled", timeout=lab.wall_seconds(40) + 5)
        self.assertEqual(self.primary_arn, self.writer_arn())

    def test_describe_db_clusters_status_is_failing_over_during_a_database_outage(self):
        lab.inject(kind="DatabaseOutage", region=self.env["DR_SECONDARY_REGION"])

        self.assertEqual("failing-over", self.rds.describe_db_clusters()["DBClusters"][0]["Status"])

    def test_switchover_with_healthy_primary_loses_no_writes(self):
        response = self.rds.switchover_global_cluster(
            GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"], TargetDbClusterIdentifier=self.secondary_arn)

        self.assertEqual("pending", response["GlobalCluster"]["FailoverState"]["Status"])
        lab.wait_until(lambda: self.failover_state() == "switching-over", timeout=lab.wall_seconds(10) + 5, interval=0.05)
        lab.wait_until(lambda: self.writer_arn() == self.secondary_arn, timeout=lab.wall_seconds(120) + 5)
        self.assertEqual(0, lab.state()["lostWrites"]["count"])

    def test_second_operation_while_one_runs_is_invalid_global_cluster_state(self):
        self.rds.switchover_global_cluster(
            GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"], TargetDbClusterIdentifier=self.secondary_arn)

        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.rds.failover_global_cluster(
                GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"], TargetDbClusterIdentifier=self.secondary_arn,
                AllowDataLoss=True)

        self.assertEqual("InvalidGlobalClusterStateFault", caught.exception.response["Error"]["Code"])

    def test_allow_data_loss_with_switchover_is_invalid_parameter_combination(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.rds.failover_global_cluster(
                GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"], TargetDbClusterIdentifier=self.secondary_arn,
                AllowDataLoss=True, Switchover=True)

        self.assertEqual("InvalidParameterCombination", caught.exception.response["Error"]["Code"])
        self.assertEqual([], lab.state()["database"]["operations"])

    def test_unknown_target_cluster_is_db_cluster_not_found(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.rds.failover_global_cluster(
                GlobalClusterIdentifier=self.env["DR_GLOBAL_CLUSTER_ID"],
                TargetDbClusterIdentifier="arn:aws:rds:eu-west-1:111122223333:cluster:other", AllowDataLoss=True)

        self.assertEqual("DBClusterNotFoundFault", caught.exception.response["Error"]["Code"])

    def test_primary_region_endpoint_unreachable_during_region_outage(self):
        lab.inject(kind="RegionOutage", region=self.env["DR_PRIMARY_REGION"])

        with self.assertRaises((botocore.exceptions.ConnectionClosedError, botocore.exceptions.EndpointConnectionError,
                                botocore.exceptions.ReadTimeoutError)):
            lab.client("rds", region=self.env["DR_PRIMARY_REGION"]).describe_db_clusters()

        self.assertEqual("Unreachable", lab.requests_of("DescribeDBClusters", region=self.env["DR_PRIMARY_REGION"])[-1]["outcome"])

    def test_awscli_describe_global_clusters_and_failover(self):
        described = lab.aws_cli("rds", "describe-global-clusters")
        self.assertEqual(self.env["DR_GLOBAL_CLUSTER_ID"], described["GlobalClusters"][0]["GlobalClusterIdentifier"])

        failed_over = lab.aws_cli("rds", "failover-global-cluster", "--global-cluster-identifier", self.env["DR_GLOBAL_CLUSTER_ID"],
                                  "--target-db-cluster-identifier", self.secondary_arn, "--allow-data-loss")

        self.assertEqual(self.secondary_arn, failed_over["GlobalCluster"]["FailoverState"]["ToDbClusterArn"])

    def test_awscli_second_switchover_reports_error_code(self):
        lab.aws_cli("rds", "switchover-global-cluster", "--global-cluster-identifier", self.env["DR_GLOBAL_CLUSTER_ID"],
                    "--target-db-cluster-identifier", self.secondary_arn)

        with self.assertRaises(subprocess.CalledProcessError) as caught:
            lab.aws_cli("rds", "switchover-global-cluster", "--global-cluster-identifier", self.env["DR_GLOBAL_CLUSTER_ID"],
                        "--target-db-cluster-identifier", self.secondary_arn)

        self.assertIn("InvalidGlobalClusterStateFault", caught.exception.stderr)


if __name__ == "__main__":
    unittest.main()
