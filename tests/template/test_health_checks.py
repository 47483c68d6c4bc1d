"""template.yaml's Route 53 health checks (issue 14 item 1): created or adopted, never owning the weighted records."""
import unittest

from template_loader import MAIN_TEMPLATE, load_deployed, resources_of_type

CHECKS = ("PrimaryHealthCheck", "SecondaryHealthCheck")


class HealthCheckResourceTests(unittest.TestCase):
    def setUp(self):
        self.template = load_deployed(MAIN_TEMPLATE)
        self.resources = self.template["Resources"]
        self.parameters = self.template["Parameters"]

    def test_stack_creates_one_health_check_per_region_only_in_create_mode(self):
        self.assertEqual(sorted(resources_of_type(self.template, "AWS::Route53::HealthCheck")), sorted(CHECKS))
        for check in CHECKS:
            with self.subTest(check=check):
                self.assertEqual(self.resources[check]["Condition"], "CreateHealthChecks")
        self.assertEqual(self.template["Conditions"]["CreateHealthChecks"], {"Fn::Equals": [{"Ref": "HealthChecks"}, "create"]})
        self.assertEqual(self.parameters["HealthChecks"]["AllowedValues"], ["create", "adopt"])

    def test_stack_does_not_own_the_weighted_records(self):
        self.assertEqual(resources_of_type(self.template, "AWS::Route53::RecordSet"), {})
        self.assertEqual(resources_of_type(self.template, "AWS::Route53::RecordSetGroup"), {})

    def test_health_checks_probe_https_on_the_configured_path_interval_threshold_and_checker_regions(self):
        for role, check in zip(("Primary", "Secondary"), CHECKS):
            config = self.resources[check]["Properties"]["HealthCheckConfig"]
            with self.subTest(check=check):
                self.assertEqual(config["Type"], "HTTPS")
                self.assertEqual(config["ResourcePath"], {"Ref": "HealthCheckPath"})
                self.assertEqual(config["Port"], {"Ref": "HealthCheckPort"})
                self.assertEqual(config["RequestInterval"], {"Ref": "HealthCheckIntervalSeconds"})
                self.assertEqual(config["FailureThreshold"], {"Ref": "HealthCheckFailureThreshold"})
                self.assertEqual(config["Regions"], {"Fn::If": ["HasHealthCheckRegions", {"Ref": "HealthCheckRegions"}, {"Ref": "AWS::NoValue"}]})
                self.assertEqual(config["FullyQualifiedDomainName"],
                                 {"Fn::If": [f"{role}HealthCheckByName", {"Ref": f"{role}HealthCheckFqdn"}, {"Ref": "AWS::NoValue"}]})
                self.assertEqual(config["IPAddress"],
                                 {"Fn::If": [f"{role}HealthCheckByAddress", {"Ref": f"{role}HealthCheckIpAddress"}, {"Ref": "AWS::NoValue"}]})

    def test_interval_is_ten_or_thirty_and_threshold_defaults_to_three(self):
        self.assertEqual(self.parameters["HealthCheckIntervalSeconds"]["AllowedValues"], [10, 30])
        self.assertEqual(self.parameters["HealthCheckFailureThreshold"]["Default"], 3)
        self.assertEqual((self.parameters["HealthCheckFailureThreshold"]["MinValue"], self.parameters["HealthCheckFailureThreshold"]["MaxValue"]), (1, 10))

    def test_default_path_is_the_region_local_health_group_not_the_whole_actuator(self):
        self.assertEqual(self.parameters["HealthCheckPath"]["Default"], "/actuator/health/regional")

    def test_replaced_checks_are_retained_until_associate_repoints_the_records(self):
        for check in CHECKS:
            with self.subTest(check=check):
                self.assertEqual(self.resources[check]["UpdateReplacePolicy"], "Retain")

    def test_rules_require_ids_to_adopt_and_an_endpoint_to_create(self):
        rules = self.template["Rules"]
        self.assertEqual(rules["AdoptedHealthChecksNeedTheirIds"]["RuleCondition"], {"Fn::Equals": [{"Ref": "HealthChecks"}, "adopt"]})
        self.assertEqual(rules["CreatedHealthChecksNeedEndpoints"]["RuleCondition"], {"Fn::Equals": [{"Ref": "HealthChecks"}, "create"]})
        self.assertEqual(len(rules["CreatedHealthChecksNeedEndpoints"]["Assertions"]), 2)

    def test_functions_get_the_created_or_adopted_ids(self):
        for function in ("HealthValidatorFunction", "AuroraPromoterFunction", "DnsUpdaterFunction"):
            variables = self.resources[function]["Properties"]["Environment"]["Variables"]
            for role in ("Primary", "Secondary"):
                with self.subTest(function=function, role=role):
                    self.assertEqual(variables[f"DR_{role.upper()}_HEALTH_CHECK_ID"],
                                     {"Fn::If": ["CreateHealthChecks", {"Ref": f"{role}HealthCheck"}, {"Ref": f"{role}HealthCheckId"}]})


class OutputTests(unittest.TestCase):
    def setUp(self):
        self.outputs = load_deployed(MAIN_TEMPLATE)["Outputs"]

    def test_outputs_name_the_health_checks_in_use(self):
        for role in ("Primary", "Secondary"):
            with self.subTest(role=role):
                self.assertEqual(self.outputs[f"{role}RegionHealthCheckId"]["Value"],
                                 {"Fn::If": ["CreateHealthChecks", {"Ref": f"{role}HealthCheck"}, {"Ref": f"{role}HealthCheckId"}]})

    def test_outputs_name_the_aurora_global_writer_endpoint_from_its_parameter(self):
        output = self.outputs["AuroraGlobalWriterEndpoint"]
        self.assertEqual(output["Value"], {"Ref": "GlobalWriterEndpoint"})
        self.assertEqual(output["Condition"], "HasGlobalWriterEndpoint")


class DnsUpdaterRoleTests(unittest.TestCase):
    def test_dns_updater_role_still_only_swaps_records_no_health_check_rights(self):
        template = load_deployed(MAIN_TEMPLATE)
        statements = template["Resources"]["DnsUpdaterRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
        actions = sorted(a for s in statements for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"]) if a.startswith("route53:"))
        self.assertEqual(actions, ["route53:ChangeResourceRecordSets", "route53:GetChange", "route53:ListResourceRecordSets"])


if __name__ == "__main__":
    unittest.main()
