"""A scan of every IAM statement of both templates, as deployed (SAM resources translated)."""
import re
import unittest
from xml.etree import ElementTree

from template_loader import (
    FORWARDER_TEMPLATE,
    MAIN_TEMPLATE,
    REPO,
    TEMPLATES,
    as_list,
    iam_statements,
    load_deployed,
)

READ_PREFIXES = ("Describe", "Get", "List")

# The only read allowed on "*": the RPO-lag metric query, which has no resource type.
READS_ALLOWED_ON_STAR = {"cloudwatch:GetMetricData"}

# The approval gate's one write (docs/contracts.md "Approval gate"): HealthValidator keeps a waiting execution's task
# token in a SecureString named after the execution, under the stack's own path, and deletes it. It changes nothing
# of the recovered system, and the wildcard is the execution name.
APPROVAL_TOKEN_WRITES = {"ssm:PutParameter", "ssm:DeleteParameter"}
APPROVAL_TOKEN_PATH = "parameter/drlambdas/${AWS::StackName}/approvals/*"

# PutMetricData has no resource type either; the probe may publish only into its own namespace, so the statement must
# carry the cloudwatch:namespace condition.
NAMESPACED_PUBLISH = {"cloudwatch:PutMetricData"}

# Telemetry and log-delivery actions that AWS defines without any resource type, so they cannot be
# scoped; the issue requires X-Ray tracing and Step Functions logging, which need them. They change
# no resource of the system being recovered. Any other action on "*" fails the scan.
NO_RESOURCE_TYPE_TELEMETRY = {
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "logs:CreateLogDelivery",
    "logs:GetLogDelivery",
    "logs:UpdateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:ListLogDeliveries",
    "logs:PutResourcePolicy",
    "logs:DescribeResourcePolicies",
    "logs:DescribeLogGroups",
}


# Answering a .waitForTaskToken task: AWS defines SendTaskSuccess/SendTaskFailure without a resource type (the task
# token is the capability). Only the operator policy (drctl approve/reject) holds them; the tokens sit in SecureStrings
# only approvers can read.
NO_RESOURCE_TYPE_CALLBACKS = {"states:SendTaskSuccess", "states:SendTaskFailure"}


def is_read(action):
    return action.split(":", 1)[1].startswith(READ_PREFIXES)


def literal(value):
    """The literal text of a Resource entry (Fn::Sub templates included), None for other intrinsics."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "Fn::Sub" in value:
        sub = value["Fn::Sub"]
        return sub if isinstance(sub, str) else sub[0]
    return None


def allow_statements(template):
    return [(lid, s) for lid, kind, s in iam_statements(template) if kind == "identity" and s["Effect"] == "Allow"]


def role_statements(template, role):
    return [s for lid, s in allow_statements(template) if lid == role]


def actions_of(statement):
    return as_list(statement["Action"])


class IamScanTests(unittest.TestCase):
    templates = {}

    @classmethod
    def setUpClass(cls):
        cls.templates = {path.name: load_deployed(path) for path in TEMPLATES}

    def test_scan_no_mutating_action_has_a_star_resource(self):
        for name, template in self.templates.items():
            for logical_id, statement in allow_statements(template):
                if "*" not in [literal(r) for r in as_list(statement["Resource"])]:
                    continue
                for action in actions_of(statement):
                    with self.subTest(template=name, role=logical_id, action=action):
                        if action in NAMESPACED_PUBLISH:
                            self.assertIn("cloudwatch:namespace", statement.get("Condition", {}).get("StringEquals", {}))
                            continue
                        self.assertIn(action, READS_ALLOWED_ON_STAR | NO_RESOURCE_TYPE_TELEMETRY | NO_RESOURCE_TYPE_CALLBACKS)
                        if not is_read(action):
                            self.assertIn(action, NO_RESOURCE_TYPE_TELEMETRY | NO_RESOURCE_TYPE_CALLBACKS)

    def test_scan_wildcard_arns_grant_reads_only(self):
        for name, template in self.templates.items():
            for logical_id, statement in allow_statements(template):
                patterns = [literal(r) for r in as_list(statement["Resource"])]
                if not any(p and p != "*" and "*" in p for p in patterns):
                    continue
                for action in actions_of(statement):
                    with self.subTest(template=name, role=logical_id, action=action):
                        approval_write = action in APPROVAL_TOKEN_WRITES and all(p.endswith(APPROVAL_TOKEN_PATH) for p in patterns)
                        self.assertTrue(is_read(action) or approval_write, f"{action} on {patterns}")

    def test_scan_no_action_wildcards_in_identity_policies(self):
        for name, template in self.templates.items():
            for logical_id, statement in allow_statements(template):
                for action in actions_of(statement):
                    with self.subTest(template=name, role=logical_id, action=action):
                        self.assertNotIn("*", action)

    def test_scan_star_statements_are_only_the_documented_ones(self):
        star_actions = set()
        for template in self.templates.values():
            for _, statement in allow_statements(template):
                if "*" in [literal(r) for r in as_list(statement["Resource"])]:
                    star_actions.update(actions_of(statement))
        self.assertEqual(
            star_actions - READS_ALLOWED_ON_STAR - NO_RESOURCE_TYPE_TELEMETRY - NAMESPACED_PUBLISH - NO_RESOURCE_TYPE_CALLBACKS, set())

    def test_service_trust_policies_are_confined_to_this_account(self):
        for name, template in self.templates.items():
            for logical_id, kind, statement in iam_statements(template):
                if kind != "trust":
                    continue
                service = statement["Principal"].get("Service")
                if service in ("states.amazonaws.com", "events.amazonaws.com"):
                    with self.subTest(template=name, role=logical_id):
                        self.assertEqual(statement["Condition"]["StringEquals"]["aws:SourceAccount"], {"Ref": "AWS::AccountId"})

    def test_resource_policies_grant_services_only_for_this_account(self):
        for name, template in self.templates.items():
            for logical_id, kind, statement in iam_statements(template):
                if kind in ("resource", "key") and "Service" in statement.get("Principal", {}):
                    with self.subTest(template=name, resource=logical_id, sid=statement.get("Sid")):
                        self.assertEqual(statement["Condition"]["StringEquals"]["aws:SourceAccount"], {"Ref": "AWS::AccountId"})


class FunctionRoleTests(unittest.TestCase):
    template = None

    @classmethod
    def setUpClass(cls):
        cls.template = load_deployed(MAIN_TEMPLATE)

    def test_functions_each_runs_with_its_own_role(self):
        roles = {
            name: self.template["Resources"][name]["Properties"]["Role"]
            for name in ("HealthValidatorFunction", "AuroraPromoterFunction", "DnsUpdaterFunction")
        }
        self.assertEqual(roles["HealthValidatorFunction"], {"Fn::GetAtt": ["HealthValidatorRole", "Arn"]})
        self.assertEqual(roles["AuroraPromoterFunction"], {"Fn::GetAtt": ["AuroraPromoterRole", "Arn"]})
        self.assertEqual(roles["DnsUpdaterFunction"], {"Fn::GetAtt": ["DnsUpdaterRole", "Arn"]})

    # Readiness's only writes: its notice to the alert topic (encrypted with the topic's key) and its own last findings.
    READINESS_WRITES = {
        "sns:Publish": {"Ref": "AlertTopic"},
        "kms:GenerateDataKey": {"Fn::GetAtt": ["AlertKey", "Arn"]},
        "kms:Decrypt": {"Fn::GetAtt": ["AlertKey", "Arn"]},
        "ssm:PutParameter": {"Fn::Sub": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/drlambdas/${AWS::StackName}/readiness"},
    }

    def test_health_validator_changes_nothing_in_the_recovered_system(self):
        for statement in role_statements(self.template, "HealthValidatorRole"):
            approval_tokens = all((literal(r) or "").endswith(APPROVAL_TOKEN_PATH) for r in as_list(statement["Resource"]))
            for action in actions_of(statement):
                with self.subTest(action=action):
                    if action in self.READINESS_WRITES and not approval_tokens:
                        self.assertEqual(statement["Resource"], self.READINESS_WRITES[action])
                        continue
                    self.assertTrue(
                        is_read(action) or action in NO_RESOURCE_TYPE_TELEMETRY or action.startswith("logs:")
                        or (action in APPROVAL_TOKEN_WRITES and approval_tokens),
                        action,
                    )

    def test_aurora_promoter_promotes_only_within_the_global_cluster(self):
        promote = [s for s in role_statements(self.template, "AuroraPromoterRole") if "rds:FailoverGlobalCluster" in actions_of(s)]
        self.assertEqual(len(promote), 1)
        self.assertEqual(sorted(actions_of(promote[0])), ["rds:FailoverGlobalCluster", "rds:SwitchoverGlobalCluster"])
        self.assertEqual(
            promote[0]["Resource"],
            [
                {"Fn::Sub": "arn:${AWS::Partition}:rds::${AWS::AccountId}:global-cluster:${GlobalClusterId}"},
                {"Ref": "PrimaryClusterArn"},
                {"Ref": "SecondaryClusterArn"},
            ],
        )

    def test_dns_updater_changes_only_the_managed_record_in_the_hosted_zone(self):
        change = [s for s in role_statements(self.template, "DnsUpdaterRole") if "route53:ChangeResourceRecordSets" in actions_of(s)]
        self.assertEqual(len(change), 1)
        self.assertEqual(actions_of(change[0]), ["route53:ChangeResourceRecordSets"])
        self.assertEqual(change[0]["Resource"], {"Fn::Sub": "arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}"})
        self.assertEqual(list(change[0]["Condition"]), ["ForAllValues:StringEquals"])

    def test_dns_updater_policy_allows_the_batch_the_code_sends_and_nothing_wider(self):
        # The batch is the golden fixture tests/DnsUpdater.Tests pins to what ApplyOperation puts on the wire
        # (ChangePolicyTests); here it is evaluated against the deployed statement with stack values resolved.
        statement = self._dns_change_statement()
        context = change_batch_context(DNS_UPDATER_BATCH.read_text(encoding="utf-8"))
        self.assertEqual(context["route53:ChangeResourceRecordSetsActions"], {"DELETE", "CREATE"})
        self.assertTrue(for_all_values_string_equals(statement, context), context)
        for key, values in allowed_values(statement).items():
            with self.subTest(key=key):
                self.assertEqual(set(values), context[key], "the policy allows more than the code sends")

    def test_dns_updater_policy_refuses_upsert_and_other_records(self):
        statement = self._dns_change_statement()
        context = change_batch_context(DNS_UPDATER_BATCH.read_text(encoding="utf-8"))
        for key, extra in (
            ("route53:ChangeResourceRecordSetsActions", "UPSERT"),
            ("route53:ChangeResourceRecordSetsNormalizedRecordNames", "www.example.com"),
            ("route53:ChangeResourceRecordSetsRecordTypes", "TXT"),
        ):
            with self.subTest(key=key, extra=extra):
                widened = {**context, key: context[key] | {extra}}
                self.assertFalse(for_all_values_string_equals(statement, widened))

    def _dns_change_statement(self):
        [statement] = [s for s in role_statements(self.template, "DnsUpdaterRole") if "route53:ChangeResourceRecordSets" in actions_of(s)]
        return resolve(statement, STACK_VALUES)

    def test_health_validator_reads_health_checks_by_arn(self):
        reads = [s for s in role_statements(self.template, "HealthValidatorRole") if "route53:GetHealthCheckStatus" in actions_of(s)]
        self.assertEqual(len(reads), 1)
        resources = [r for arm in as_list(reads[0]["Resource"]) for r in _branches(arm)]
        self.assertEqual([literal(r) for r in resources], ["arn:${AWS::Partition}:route53:::healthcheck/${Id}"] * 2)
        # Each ARN names the created check or the adopted id, whichever the function reads as DR_*_HEALTH_CHECK_ID.
        ids = [r["Fn::Sub"][1]["Id"] for r in resources]
        self.assertEqual(ids, [
            {"Fn::If": ["CreateHealthChecks", {"Ref": "PrimaryHealthCheck"}, {"Ref": "PrimaryHealthCheckId"}]},
            {"Fn::If": ["CreateHealthChecks", {"Ref": "SecondaryHealthCheck"}, {"Ref": "SecondaryHealthCheckId"}]},
        ])
        environment = self.template["Resources"]["HealthValidatorFunction"]["Properties"]["Environment"]["Variables"]
        self.assertEqual(ids, [environment["DR_PRIMARY_HEALTH_CHECK_ID"], environment["DR_SECONDARY_HEALTH_CHECK_ID"]])

    def test_health_validator_reads_the_health_check_alarms_in_their_region(self):
        reads = [s for s in role_statements(self.template, "HealthValidatorRole")
                 if "cloudwatch:DescribeAlarms" in actions_of(s) and s.get("Sid") != "ReadExtraSignalAlarmsInTheirRegions"]
        arns = sorted(literal(r) for s in reads for arm in as_list(s["Resource"]) for r in _branches(arm))
        self.assertEqual(
            arns,
            sorted([
                "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*",
                "arn:${AWS::Partition}:cloudwatch:${HealthCheckAlarmRegion}:${AWS::AccountId}:alarm:${PrimaryHealthCheckAlarmName}",
                "arn:${AWS::Partition}:cloudwatch:${HealthCheckAlarmRegion}:${AWS::AccountId}:alarm:${SecondaryHealthCheckAlarmName}",
            ]),
        )

    def test_health_validator_reads_the_history_of_failover_executions_only(self):
        reads = [s for s in role_statements(self.template, "HealthValidatorRole") if "states:GetExecutionHistory" in actions_of(s)]
        self.assertEqual(
            [literal(s["Resource"]) for s in reads],
            ["arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${AWS::StackName}-failover:*"],
        )

    def test_health_validator_reads_exactly_the_pause_parameter_it_is_given(self):
        statements = role_statements(self.template, "HealthValidatorRole")
        # Readiness reads and writes its own parameter; only one statement may name the pause, and only to read it.
        ssm = [s for s in statements if any(a.startswith("ssm:") for a in actions_of(s)) and "/pause" in str(s["Resource"])]
        self.assertEqual([actions_of(s) for s in ssm], [["ssm:GetParameter"]])
        self.assertEqual(
            literal(ssm[0]["Resource"]),
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/drlambdas/${AWS::StackName}/pause",
        )
        environment = self.template["Resources"]["HealthValidatorFunction"]["Properties"]["Environment"]["Variables"]
        name = literal(environment["DR_PAUSE_PARAMETER_NAME"])
        # The parameter ARN is the name without its leading slash.
        self.assertEqual(name, "/drlambdas/${AWS::StackName}/pause")
        self.assertTrue(literal(ssm[0]["Resource"]).endswith(":parameter" + name))

    def test_health_validator_reads_executions_of_the_failover_machine_only(self):
        statements = role_statements(self.template, "HealthValidatorRole")
        list_executions = [s for s in statements if "states:ListExecutions" in actions_of(s)]
        self.assertEqual(
            [literal(s["Resource"]) for s in list_executions],
            ["arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${AWS::StackName}-failover"],
        )
        self.assertEqual(
            self.template["Resources"]["FailoverStateMachine"]["Properties"]["StateMachineName"],
            {"Fn::Sub": "${AWS::StackName}-failover"},
        )

    def test_state_machines_invoke_only_the_three_functions_and_publish_only_to_the_topic(self):
        statements = role_statements(self.template, "OrchestrationRole")
        by_action = {a: s["Resource"] for s in statements for a in actions_of(s)}
        self.assertEqual(
            by_action["lambda:InvokeFunction"],
            [
                {"Fn::GetAtt": ["HealthValidatorFunction", "Arn"]},
                {"Fn::GetAtt": ["AuroraPromoterFunction", "Arn"]},
                {"Fn::GetAtt": ["DnsUpdaterFunction", "Arn"]},
            ],
        )
        self.assertEqual(by_action["sns:Publish"], {"Ref": "AlertTopic"})
        self.assertEqual(by_action["kms:GenerateDataKey"], {"Fn::GetAtt": ["AlertKey", "Arn"]})
        for machine in ("FailoverStateMachine", "FailbackStateMachine"):
            self.assertEqual(self.template["Resources"][machine]["Properties"]["RoleArn"], {"Fn::GetAtt": ["OrchestrationRole", "Arn"]})

    def test_event_roles_start_only_their_state_machine(self):
        for role, machine in (("FailoverTriggerRole", "FailoverStateMachine"), ("FailbackScheduleRole", "FailbackStateMachine")):
            with self.subTest(role=role):
                statements = role_statements(self.template, role)
                self.assertEqual([actions_of(s) for s in statements], [["states:StartExecution"]])
                self.assertEqual(statements[0]["Resource"], {"Ref": machine})


# The stack values of the reference configuration the DnsUpdater tests use (tests/HealthValidator.Tests/Support/TestConfiguration.cs).
STACK_VALUES = {"RecordName": "api.example.com", "RecordType": "A", "HostedZoneId": "Z0123456789ABCDEFGHIJ", "AWS::Partition": "aws"}
DNS_UPDATER_BATCH = REPO / "tests" / "DnsUpdater.Tests" / "Fixtures" / "failover-change-batch.xml"
ROUTE53_NS = "{https://route53.amazonaws.com/doc/2013-04-01/}"


def resolve(value, values):
    """Ref and Fn::Sub of stack values resolved (enough for the DnsUpdater statement)."""
    if isinstance(value, dict) and set(value) == {"Ref"}:
        return values[value["Ref"]]
    if isinstance(value, dict) and set(value) == {"Fn::Sub"}:
        return re.sub(r"\$\{([A-Za-z0-9:]+)\}", lambda m: values[m.group(1)], value["Fn::Sub"])
    if isinstance(value, dict):
        return {k: resolve(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, values) for v in value]
    return value


def normalized_record_name(name):
    """route53:ChangeResourceRecordSetsNormalizedRecordNames form: lower case, no trailing dot, others as \\ooo."""
    return "".join(c if re.fullmatch(r"[a-z0-9_.-]", c) else "\\%03o" % ord(c) for c in name.lower().rstrip("."))


def change_batch_context(body):
    """The condition-key values Route 53 builds from a ChangeResourceRecordSets request body."""
    changes = ElementTree.fromstring(body).iter(ROUTE53_NS + "Change")
    context = {"route53:ChangeResourceRecordSetsActions": set(), "route53:ChangeResourceRecordSetsNormalizedRecordNames": set(),
               "route53:ChangeResourceRecordSetsRecordTypes": set()}
    for change in changes:
        record = change.find(ROUTE53_NS + "ResourceRecordSet")
        context["route53:ChangeResourceRecordSetsActions"].add(change.findtext(ROUTE53_NS + "Action"))
        context["route53:ChangeResourceRecordSetsNormalizedRecordNames"].add(normalized_record_name(record.findtext(ROUTE53_NS + "Name")))
        context["route53:ChangeResourceRecordSetsRecordTypes"].add(record.findtext(ROUTE53_NS + "Type"))
    return context


def allowed_values(statement):
    return {key: as_list(values) for key, values in statement["Condition"]["ForAllValues:StringEquals"].items()}


def for_all_values_string_equals(statement, context):
    """ForAllValues:StringEquals: every request value of every key is among the policy's values (case-sensitive)."""
    return all(value in values for key, values in allowed_values(statement).items() for value in context.get(key, set()))


def _branches(value):
    if isinstance(value, dict) and "Fn::If" in value:
        return [v for v in value["Fn::If"][1:] if v != {"Ref": "AWS::NoValue"}]
    return [value]


if __name__ == "__main__":
    unittest.main()
