"""SSM Parameter Store (awsJson1_1) against the lab with boto3 and awscli: put, get, delete, by path, errors, IAM."""

import unittest

import botocore.exceptions

import drlab_harness as lab

ACCOUNT = "111122223333"
ACCOUNT_ROLE = f"arn:aws:iam::{ACCOUNT}:role/"


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


def deploy(name, statements, **more):
    """Replaces the lab's roles with these (name → statements); returns an SSM client per role, the first alone when one."""
    roles = {name: statements, **more}
    status, body = lab.control("PUT", "/_lab/iam/roles", {"roles": [
        {"arn": ACCOUNT_ROLE + n, "policies": [{"name": "p", "document": {"Version": "2012-10-17", "Statement": s}}]}
        for n, s in roles.items()]})
    assert status == 200, body
    clients = [lab.client("ssm", access_key=r["accessKeyId"], secret=r["secretAccessKey"]) for r in body["roles"]]
    return clients[0] if len(clients) == 1 else clients


class SsmConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.ssm = lab.client("ssm")
        self.region = lab.env()["AWS_REGION"]

    def error_of(self, call):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call()
        return caught.exception.response

    def arn(self, name):
        return f"arn:aws:ssm:{self.region}:{ACCOUNT}:parameter/{name.lstrip('/')}"

    def test_put_then_get_returns_value_version_and_arn_without_leading_slash(self):
        put = self.ssm.put_parameter(Name="/drlambdas/dr/pause", Value='{"reason":"x"}', Type="String")

        got = self.ssm.get_parameter(Name="/drlambdas/dr/pause")["Parameter"]

        self.assertEqual({"Version": 1, "Tier": "Standard"}, {k: put[k] for k in ("Version", "Tier")})
        self.assertEqual(('{"reason":"x"}', "String", 1, self.arn("/drlambdas/dr/pause"), "text"),
                         (got["Value"], got["Type"], got["Version"], got["ARN"], got["DataType"]))

    def test_put_existing_without_overwrite_is_parameter_already_exists(self):
        self.ssm.put_parameter(Name="/a/b", Value="1", Type="String")

        response = self.error_of(lambda: self.ssm.put_parameter(Name="/a/b", Value="2", Type="String"))

        self.assertEqual(("ParameterAlreadyExists", 400), (response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]))
        self.assertEqual("1", self.ssm.get_parameter(Name="/a/b")["Parameter"]["Value"])

    def test_overwrite_bumps_version_and_keeps_type(self):
        self.ssm.put_parameter(Name="/a/b", Value="1", Type="String")

        put = self.ssm.put_parameter(Name="/a/b", Value="2", Overwrite=True)

        got = self.ssm.get_parameter(Name="/a/b")["Parameter"]
        self.assertEqual((2, "2", "String"), (put["Version"], got["Value"], got["Type"]))

    def test_get_missing_is_parameter_not_found(self):
        response = self.error_of(lambda: self.ssm.get_parameter(Name="/nope"))

        self.assertEqual(("ParameterNotFound", 400), (response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]))

    def test_delete_then_get_not_found_and_second_delete_not_found(self):
        self.ssm.put_parameter(Name="/a/b", Value="1", Type="String")

        self.ssm.delete_parameter(Name="/a/b")

        self.assertEqual("ParameterNotFound", self.error_of(lambda: self.ssm.get_parameter(Name="/a/b"))["Error"]["Code"])
        self.assertEqual("ParameterNotFound", self.error_of(lambda: self.ssm.delete_parameter(Name="/a/b"))["Error"]["Code"])

    def test_secure_string_is_opaque_without_decryption_plain_with_it(self):
        self.ssm.put_parameter(Name="/approvals/e1", Value="token-123", Type="SecureString")

        hidden = self.ssm.get_parameter(Name="/approvals/e1")["Parameter"]["Value"]
        shown = self.ssm.get_parameter(Name="/approvals/e1", WithDecryption=True)["Parameter"]["Value"]

        self.assertNotIn("token-123", hidden)
        self.assertEqual("token-123", shown)

    def test_create_without_type_is_validation_exception(self):
        response = self.error_of(lambda: self.ssm.put_parameter(Name="/a/b", Value="1"))

        self.assertEqual("ValidationException", response["Error"]["Code"])
        self.assertIn("parameter type is required", response["Error"]["Message"])

    def test_invalid_names_are_validation_exceptions(self):
        for name in ("a/b", "/aws/x", "/a b/c", "ssm-x"):
            with self.subTest(name=name):
                response = self.error_of(lambda n=name: self.ssm.put_parameter(Name=n, Value="1", Type="String"))
                self.assertEqual("ValidationException", response["Error"]["Code"])

    def test_sixteen_levels_exceed_the_hierarchy_limit(self):
        fifteen = "".join(f"/l{i}" for i in range(15))
        self.ssm.put_parameter(Name=fifteen, Value="1", Type="String")

        response = self.error_of(lambda: self.ssm.put_parameter(Name=fifteen + "/l15", Value="1", Type="String"))

        self.assertEqual("HierarchyLevelLimitExceededException", response["Error"]["Code"])

    def test_value_over_4096_characters_is_validation_exception(self):
        self.ssm.put_parameter(Name="/a/max", Value="x" * 4096, Type="String")

        response = self.error_of(lambda: self.ssm.put_parameter(Name="/a/over", Value="x" * 4097, Type="String"))

        self.assertEqual("ValidationException", response["Error"]["Code"])
        self.assertIn("4096", response["Error"]["Message"])

    def test_by_path_one_level_or_recursive_with_pages(self):
        for name in ("/app/a", "/app/b", "/app/sub/c", "/other/d"):
            self.ssm.put_parameter(Name=name, Value=name, Type="String")

        flat = self.ssm.get_parameters_by_path(Path="/app")["Parameters"]
        first = self.ssm.get_parameters_by_path(Path="/app/", Recursive=True, MaxResults=2)
        rest = self.ssm.get_parameters_by_path(Path="/app/", Recursive=True, MaxResults=2, NextToken=first["NextToken"])

        self.assertEqual(["/app/a", "/app/b"], [p["Name"] for p in flat])
        self.assertEqual(["/app/a", "/app/b", "/app/sub/c"], [p["Name"] for p in first["Parameters"] + rest["Parameters"]])
        self.assertNotIn("NextToken", rest)

    def test_by_path_max_results_above_ten_is_validation_exception(self):
        response = self.error_of(lambda: self.ssm.get_parameters_by_path(Path="/app", MaxResults=11))

        self.assertEqual("ValidationException", response["Error"]["Code"])

    def test_parameters_are_regional(self):
        self.ssm.put_parameter(Name="/a/b", Value="1", Type="String")
        other = lab.client("ssm", region=lab.env()["DR_PRIMARY_REGION"]
                           if lab.env()["AWS_REGION"] != lab.env()["DR_PRIMARY_REGION"] else lab.env()["DR_SECONDARY_REGION"])

        self.assertEqual("ParameterNotFound", self.error_of(lambda: other.get_parameter(Name="/a/b"))["Error"]["Code"])

    def test_awscli_put_get_delete(self):
        lab.aws_cli("ssm", "put-parameter", "--name", "/cli/p", "--value", "v1", "--type", "String")

        got = lab.aws_cli("ssm", "get-parameter", "--name", "/cli/p")
        lab.aws_cli("ssm", "delete-parameter", "--name", "/cli/p")

        self.assertEqual("v1", got["Parameter"]["Value"])
        self.assertEqual("ParameterNotFound", self.error_of(lambda: self.ssm.get_parameter(Name="/cli/p"))["Error"]["Code"])


class SsmIam(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.region = lab.env()["AWS_REGION"]
        self.admin = lab.client("ssm")

    def error_of(self, call):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call()
        return caught.exception.response

    def arn(self, name):
        return f"arn:aws:ssm:{self.region}:{ACCOUNT}:parameter/{name}"

    def test_get_allowed_on_exactly_that_parameter_denied_on_its_sibling(self):
        self.admin.put_parameter(Name="/dr/pause", Value="p", Type="String")
        self.admin.put_parameter(Name="/dr/other", Value="o", Type="String")
        ssm = deploy("reader", [{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": self.arn("dr/pause")}])

        allowed = ssm.get_parameter(Name="/dr/pause")["Parameter"]["Value"]
        denied = self.error_of(lambda: ssm.get_parameter(Name="/dr/other"))

        self.assertEqual("p", allowed)
        self.assertEqual(("AccessDeniedException", 400), (denied["Error"]["Code"], denied["ResponseMetadata"]["HTTPStatusCode"]))
        self.assertIn(f"ssm:GetParameter on resource: {self.arn('dr/other')}", denied["Error"]["Message"])

    def test_a_leading_slash_in_the_policy_resource_matches_nothing(self):
        self.admin.put_parameter(Name="/dr/pause", Value="p", Type="String")
        ssm = deploy("slash", [{"Effect": "Allow", "Action": "ssm:GetParameter",
                                "Resource": f"arn:aws:ssm:{self.region}:{ACCOUNT}:parameter//dr/pause"}])

        self.assertEqual("AccessDeniedException", self.error_of(lambda: ssm.get_parameter(Name="/dr/pause"))["Error"]["Code"])

    def test_get_only_role_cannot_put_or_delete(self):
        ssm = deploy("reader", [{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": self.arn("dr/*")}])

        put = self.error_of(lambda: ssm.put_parameter(Name="/dr/pause", Value="p", Type="String"))
        delete = self.error_of(lambda: ssm.delete_parameter(Name="/dr/pause"))

        self.assertEqual(["AccessDeniedException"] * 2, [put["Error"]["Code"], delete["Error"]["Code"]])
        self.assertEqual([], [r for r in lab.requests_of("PutParameter") if r["outcome"] == "OK"])

    def test_by_path_is_authorised_on_the_path(self):
        self.admin.put_parameter(Name="/dr/approvals/e1", Value="t", Type="SecureString")
        ssm = deploy("lister", [{"Effect": "Allow", "Action": "ssm:GetParametersByPath", "Resource": self.arn("dr/approvals")}])

        listed = ssm.get_parameters_by_path(Path="/dr/approvals", WithDecryption=True)["Parameters"]
        denied = self.error_of(lambda: ssm.get_parameters_by_path(Path="/dr"))

        self.assertEqual(["t"], [p["Value"] for p in listed])
        self.assertEqual("AccessDeniedException", denied["Error"]["Code"])

    def test_customer_managed_key_needs_kms_decrypt_default_key_does_not(self):
        key = f"arn:aws:kms:{self.region}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        self.admin.put_parameter(Name="/dr/cmk", Value="secret", Type="SecureString", KeyId=key)
        self.admin.put_parameter(Name="/dr/default", Value="plain", Type="SecureString")
        ssm, with_kms = deploy(
            "no_kms", [{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": self.arn("dr/*")}],
            kms=[{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": self.arn("dr/*")},
                 {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": key,
                  "Condition": {"StringEquals": {"kms:ViaService": f"ssm.{self.region}.amazonaws.com"}}}])

        denied = self.error_of(lambda: ssm.get_parameter(Name="/dr/cmk", WithDecryption=True))

        self.assertEqual("AccessDeniedException", denied["Error"]["Code"])
        self.assertIn(f"kms:Decrypt on resource: {key}", denied["Error"]["Message"])
        self.assertEqual("plain", ssm.get_parameter(Name="/dr/default", WithDecryption=True)["Parameter"]["Value"])
        self.assertNotEqual("secret", ssm.get_parameter(Name="/dr/cmk")["Parameter"]["Value"])
        self.assertEqual("secret", with_kms.get_parameter(Name="/dr/cmk", WithDecryption=True)["Parameter"]["Value"])


if __name__ == "__main__":
    unittest.main()
