"""IAM in the lab with boto3: deployed roles get their own keys, and denied calls parse as each service's error."""

import unittest

import botocore.exceptions

import drlab_harness as lab

ACCOUNT_ROLE = "arn:aws:iam::111122223333:role/"


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


def deploy(name, statements):
    status, body = lab.control("PUT", "/_lab/iam/roles", {"roles": [
        {"arn": ACCOUNT_ROLE + name, "policies": [{"name": "p", "document": {"Version": "2012-10-17", "Statement": statements}}]}]})
    assert status == 200, body
    role = body["roles"][0]
    return role["accessKeyId"], role["secretAccessKey"]


def client_as(keys, service, region=None):
    return lab.client(service, region=region, access_key=keys[0], secret=keys[1])


class IamConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.zone = lab.env()["DR_HOSTED_ZONE_ID"]

    def error_of(self, call):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call()
        return caught.exception.response

    def test_route53_upsert_only_role_denied_delete_create_batch(self):
        keys = deploy("dns-updater", [
            {"Effect": "Allow", "Action": ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
             "Resource": f"arn:aws:route53:::hostedzone/{self.zone}",
             "Condition": {"ForAllValues:StringEquals": {"route53:ChangeResourceRecordSetsActions": ["UPSERT"]}}}])
        route53 = client_as(keys, "route53")
        record = route53.list_resource_record_sets(HostedZoneId=self.zone, StartRecordName="api.example.com.", StartRecordType="A",
                                                   StartRecordIdentifier="tpe", MaxItems="1")["ResourceRecordSets"][0]

        response = self.error_of(lambda: route53.change_resource_record_sets(HostedZoneId=self.zone, ChangeBatch={"Changes": [
            {"Action": "DELETE", "ResourceRecordSet": record},
            {"Action": "CREATE", "ResourceRecordSet": {**record, "Weight": 60}}]}))

        self.assertEqual("AccessDenied", response["Error"]["Code"])
        self.assertEqual(403, response["ResponseMetadata"]["HTTPStatusCode"])
        self.assertIn("assumed-role/dns-updater/", response["Error"]["Message"])
        denied = lab.requests_of("ChangeResourceRecordSets", outcome="AccessDenied")
        self.assertEqual([ACCOUNT_ROLE + "dns-updater"], [r["principal"] for r in denied])

    def test_each_protocol_answers_its_own_access_denied(self):
        keys = deploy("nothing", [{"Effect": "Allow", "Action": "xray:PutTraceSegments", "Resource": "*"}])
        region = lab.env()["AWS_REGION"]
        machine = f"arn:aws:states:{region}:111122223333:stateMachine:dr-failover"
        cases = {
            "rds": (lambda: client_as(keys, "rds").describe_global_clusters(), "AccessDenied", 403),
            "cloudwatch": (lambda: client_as(keys, "cloudwatch").describe_alarms(AlarmNames=["x"]), "AccessDenied", 403),
            "sns": (lambda: client_as(keys, "sns").publish(TopicArn=lab.ready()["topicArns"][region], Message="m"), "AuthorizationError", 403),
            "stepfunctions": (lambda: client_as(keys, "stepfunctions").list_executions(stateMachineArn=machine), "AccessDeniedException", 400),
        }
        for service, (call, code, status) in cases.items():
            with self.subTest(service=service):
                response = self.error_of(call)
                self.assertEqual((code, status), (response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]))

    def test_requested_region_condition_limits_the_role_to_one_region(self):
        keys = deploy("regional", [{"Effect": "Allow", "Action": "rds:DescribeDBClusters", "Resource": "*",
                                    "Condition": {"StringEquals": {"aws:RequestedRegion": lab.env()["DR_SECONDARY_REGION"]}}}])

        allowed = client_as(keys, "rds", region=lab.env()["DR_SECONDARY_REGION"]).describe_db_clusters()
        response = self.error_of(lambda: client_as(keys, "rds", region=lab.env()["DR_PRIMARY_REGION"]).describe_db_clusters())

        self.assertEqual(1, len(allowed["DBClusters"]))
        self.assertEqual("AccessDenied", response["Error"]["Code"])

    def test_administrative_identity_is_unaffected_by_deployed_roles(self):
        deploy("deny-all", [{"Effect": "Deny", "Action": "*", "Resource": "*"}])

        self.assertEqual(1, len(lab.client("rds").describe_global_clusters()["GlobalClusters"]))
