"""template.yaml against docs/contracts.md and the deployment requirements of issue 7."""
import re
import unittest

from template_loader import (
    FORWARDER_TEMPLATE,
    MAIN_TEMPLATE,
    REPO,
    load_deployed,
    load_source,
    resources_of_type,
)

FUNCTIONS = ("HealthValidatorFunction", "AuroraPromoterFunction", "DnsUpdaterFunction")
STATE_MACHINES = ("FailoverStateMachine", "FailbackStateMachine")


def contract_environment_variables():
    """The DR_* names of docs/contracts.md section 2 (the configuration table)."""
    text = (REPO / "docs" / "contracts.md").read_text(encoding="utf-8")
    section = text.split("## 2.", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(DR_[A-Z0-9_]+)` \|", section, re.MULTILINE)


def parameter_refs(value):
    """Names of the template parameters a value is built from."""
    if isinstance(value, dict):
        if set(value) == {"Ref"}:
            return {value["Ref"]}
        return set().union(*(parameter_refs(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(set(), *(parameter_refs(v) for v in value))
    return set()


class EnvironmentTests(unittest.TestCase):
    def setUp(self):
        self.template = load_deployed(MAIN_TEMPLATE)
        self.variables = contract_environment_variables()

    def test_contract_table_is_parsed(self):
        self.assertIn("DR_PRIMARY_REGION", self.variables)
        self.assertIn("DR_SOURCE_TIMEOUT_MS", self.variables)

    def test_functions_every_contract_variable_is_set(self):
        for function in FUNCTIONS:
            environment = self.template["Resources"][function]["Properties"]["Environment"]["Variables"]
            with self.subTest(function=function):
                self.assertEqual(sorted(set(self.variables) - set(environment)), [])
                self.assertEqual(sorted(name for name in environment if name not in self.variables), [])

    def test_functions_every_variable_except_the_stacks_own_names_comes_from_a_parameter(self):
        # The health check ids come from the check the stack creates or from the adopted id parameter.
        parameters = set(self.template["Parameters"]) | {"PrimaryHealthCheck", "SecondaryHealthCheck"}
        environment = self.template["Resources"]["HealthValidatorFunction"]["Properties"]["Environment"]["Variables"]
        # Names the stack derives from itself: its machines (by their fixed names) and its SSM parameters; and its topic.
        derived = {"DR_STATE_MACHINE_ARN", "DR_FAILOVER_STATE_MACHINE_ARN", "DR_FAILBACK_STATE_MACHINE_ARN", "DR_PAUSE_PARAMETER_NAME", "DR_READINESS_PARAMETER_NAME", "DR_APPROVAL_PARAMETER_PREFIX"}
        parameters |= {"AlertTopic"}
        for name, value in environment.items():
            if name in derived:
                self.assertIn("${AWS::StackName}", str(value), name)
                continue
            with self.subTest(variable=name):
                refs = parameter_refs(value)
                self.assertTrue(refs, f"{name} is not wired from a parameter: {value}")
                self.assertLessEqual(refs, parameters)


class FunctionTests(unittest.TestCase):
    def setUp(self):
        self.source = load_source(MAIN_TEMPLATE)
        self.deployed = load_deployed(MAIN_TEMPLATE)

    def test_functions_are_native_aot_bootstraps_built_by_the_makefile(self):
        for function in FUNCTIONS:
            resource = self.source["Resources"][function]
            with self.subTest(function=function):
                self.assertEqual(resource["Type"], "AWS::Serverless::Function")
                self.assertEqual(resource["Metadata"], {"BuildMethod": "makefile"})
        globals_ = self.source["Globals"]["Function"]
        self.assertEqual(globals_["Runtime"], "provided.al2023")
        self.assertEqual(globals_["Handler"], "bootstrap")
        self.assertEqual(globals_["CodeUri"], ".")

    def test_functions_size_trace_and_log_as_required(self):
        for function in FUNCTIONS:
            properties = self.deployed["Resources"][function]["Properties"]
            with self.subTest(function=function):
                self.assertEqual(properties["Architectures"], [{"Ref": "Architecture"}])
                self.assertEqual(properties["MemorySize"], 256)
                self.assertEqual(properties["TracingConfig"], {"Mode": "Active"})
                self.assertEqual(properties["LoggingConfig"]["LogFormat"], "JSON")
                log_group = self.deployed["Resources"][properties["LoggingConfig"]["LogGroup"]["Ref"]]
                self.assertEqual(log_group["Properties"]["RetentionInDays"], {"Ref": "LogRetentionDays"})
        self.assertEqual(self.deployed["Parameters"]["Architecture"]["AllowedValues"], ["x86_64", "arm64"])

    def test_function_timeouts_fit_inside_the_task_timeouts_of_the_state_machines(self):
        for function in FUNCTIONS:
            with self.subTest(function=function):
                self.assertLess(self.deployed["Resources"][function]["Properties"]["Timeout"], 60)


class OrchestrationTests(unittest.TestCase):
    def setUp(self):
        self.deployed = load_deployed(MAIN_TEMPLATE)
        self.resources = self.deployed["Resources"]

    def test_state_machines_log_everything_and_trace(self):
        for machine in STATE_MACHINES:
            properties = self.resources[machine]["Properties"]
            with self.subTest(machine=machine):
                self.assertEqual(properties["StateMachineType"], "STANDARD")
                self.assertEqual(properties["LoggingConfiguration"]["Level"], "ALL")
                self.assertEqual(properties["TracingConfiguration"], {"Enabled": True})
                log_group_id = properties["LoggingConfiguration"]["Destinations"][0]["CloudWatchLogsLogGroup"]["LogGroupArn"]["Fn::GetAtt"][0]
                self.assertEqual(self.resources[log_group_id]["Properties"]["RetentionInDays"], {"Ref": "LogRetentionDays"})

    def test_alarm_rule_starts_failover_with_the_event_for_configured_alarms_entering_alarm(self):
        rule = self.resources["FailoverTriggerRule"]
        pattern = rule["Properties"]["EventPattern"]
        self.assertEqual(pattern["source"], ["aws.cloudwatch"])
        self.assertEqual(pattern["detail-type"], ["CloudWatch Alarm State Change"])
        self.assertEqual(pattern["detail"]["state"], {"value": ["ALARM"]})
        self.assertEqual(
            parameter_refs(pattern["detail"]["alarmName"]) - {"AWS::NoValue"},
            {"AlarmNames", "SecondaryAlarmNames", "PrimaryHealthCheckAlarmName", "SecondaryHealthCheckAlarmName",
             "PrimaryProbeAlarmName", "SecondaryProbeAlarmName"},
        )
        (target,) = rule["Properties"]["Targets"]
        self.assertEqual(target["Arn"], {"Ref": "FailoverStateMachine"})
        self.assertFalse({"Input", "InputPath", "InputTransformer"} & set(target), "the event itself must be the input")
        self.assertIn("DeadLetterConfig", target)

    def test_probe_alarms_fire_only_when_the_recovery_region_and_the_witness_agree(self):
        for role in ("Primary", "Secondary"):
            composite = self.resources[f"{role}ProbeAlarm"]
            with self.subTest(role=role):
                self.assertEqual(composite["Type"], "AWS::CloudWatch::CompositeAlarm")
                self.assertEqual(composite["Condition"], "HasWitness")
                rule = composite["Properties"]["AlarmRule"]["Fn::Sub"]
                self.assertEqual(rule, f'ALARM("${{{role}RecoveryProbeAlarm}}") AND ALARM("${{{role}WitnessProbeAlarm}}")')
                for observer in ("Recovery", "Witness"):
                    alarm = self.resources[f"{role}{observer}ProbeAlarm"]["Properties"]
                    self.assertEqual((alarm["Namespace"], alarm["MetricName"]), ("DrLambdas/Probes", "EndpointHealthy"))
                    self.assertEqual(alarm["TreatMissingData"], "notBreaching")
                    self.assertEqual(alarm["Period"], {"Ref": "ProbeAlarmPeriodSeconds"})

    def test_probe_schedule_invokes_the_probe_every_minute(self):
        schedule = self.resources["ProbeSchedule"]["Properties"]
        self.assertEqual(schedule["ScheduleExpression"], "rate(1 minute)")
        self.assertEqual(schedule["Target"]["Arn"], {"Fn::GetAtt": ["ProbeFunction", "Arn"]})
        self.assertEqual(schedule["Target"]["Input"], '{"operation":"probe"}')
        self.assertGreater(self.resources["ProbeFunction"]["Properties"]["Timeout"], 60)

    def test_failback_schedule_is_disabled_by_default(self):
        rule = self.resources["FailbackScheduleRule"]["Properties"]
        self.assertEqual(rule["State"], {"Fn::If": ["FailbackScheduleOn", "ENABLED", "DISABLED"]})
        self.assertEqual(self.deployed["Parameters"]["FailbackScheduleEnabled"]["Default"], "false")
        self.assertEqual(rule["Targets"][0]["Arn"], {"Ref": "FailbackStateMachine"})

    def test_alert_topic_is_kms_encrypted_with_optional_email(self):
        topic = self.resources["AlertTopic"]["Properties"]
        self.assertEqual(topic["KmsMasterKeyId"], {"Ref": "AlertKey"})
        self.assertTrue(self.resources["AlertKey"]["Properties"]["EnableKeyRotation"])
        subscription = self.resources["AlertEmailSubscription"]
        self.assertEqual(subscription["Condition"], "HasAlertEmail")
        self.assertEqual(subscription["Properties"]["Protocol"], "email")

    def test_failed_and_timed_out_executions_of_both_machines_alarm_to_the_topic(self):
        alarms = resources_of_type(self.deployed, "AWS::CloudWatch::Alarm").values()
        covered = {
            (a["Properties"]["MetricName"], a["Properties"]["Dimensions"][0]["Value"]["Ref"])
            for a in alarms
            if a["Properties"]["Namespace"] == "AWS/States" and a["Properties"]["AlarmActions"] == [{"Ref": "AlertTopic"}]
        }
        for machine in STATE_MACHINES:
            for metric in ("ExecutionsFailed", "ExecutionsTimedOut"):
                with self.subTest(machine=machine, metric=metric):
                    self.assertIn((metric, machine), covered)

    def test_every_log_group_has_a_retention(self):
        for logical_id, log_group in resources_of_type(self.deployed, "AWS::Logs::LogGroup").items():
            with self.subTest(log_group=logical_id):
                self.assertEqual(log_group["Properties"]["RetentionInDays"], {"Ref": "LogRetentionDays"})

    def test_outputs_name_the_state_machines_and_the_topic(self):
        outputs = self.deployed["Outputs"]
        self.assertEqual(outputs["FailoverStateMachineArn"]["Value"], {"Ref": "FailoverStateMachine"})
        self.assertEqual(outputs["FailbackStateMachineArn"]["Value"], {"Ref": "FailbackStateMachine"})
        self.assertEqual(outputs["AlertTopicArn"]["Value"], {"Ref": "AlertTopic"})


class ForwarderTests(unittest.TestCase):
    def setUp(self):
        self.template = load_source(FORWARDER_TEMPLATE)
        self.resources = self.template["Resources"]

    def test_forwarder_is_pinned_to_us_east_1(self):
        (assertion,) = self.template["Rules"]["OnlyInUsEast1"]["Assertions"]
        self.assertEqual(assertion["Assert"], {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]})

    def test_forwarder_alarms_watch_route53_health_checks(self):
        for logical_id in ("PrimaryHealthCheckAlarm", "SecondaryHealthCheckAlarm"):
            properties = self.resources[logical_id]["Properties"]
            with self.subTest(alarm=logical_id):
                self.assertEqual((properties["Namespace"], properties["MetricName"]), ("AWS/Route53", "HealthCheckStatus"))

    def test_forwarder_outputs_one_name_per_health_check_alarm_as_the_main_parameters(self):
        main = load_source(MAIN_TEMPLATE)["Parameters"]
        for output in ("PrimaryHealthCheckAlarmName", "SecondaryHealthCheckAlarmName"):
            with self.subTest(output=output):
                self.assertIn(output, self.template["Outputs"])
                self.assertEqual(main[output]["Type"], "String")

    def test_forwarder_sends_alarm_events_to_the_recovery_region_default_bus(self):
        rule = self.resources["ForwardToRecoveryRegionRule"]["Properties"]
        self.assertEqual(rule["EventPattern"]["detail"]["state"], {"value": ["ALARM"]})
        (target,) = rule["Targets"]
        self.assertEqual(target["Arn"], {"Fn::Sub": "arn:${AWS::Partition}:events:${RecoveryRegion}:${AWS::AccountId}:event-bus/default"})


if __name__ == "__main__":
    unittest.main()
