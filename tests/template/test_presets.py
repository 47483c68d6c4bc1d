"""presets/seed.json and presets/fast.json (issue 14 item 5): CloudFormation parameter files for template.yaml.

Each names only parameters the template declares, in the `aws cloudformation deploy --parameter-overrides file://...`
format, with values the template's constraints accept; and the template with each preset's values is accepted by the
SAM transform and by cfn-lint (which itself ignores parameter files on a SAM template, so the values are written into
the parameters' defaults of a copy of the template).
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from template_loader import MAIN_TEMPLATE, REPO, load_deployed, load_source

PRESETS = REPO / "presets"


def preset(name):
    with open(PRESETS / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def as_dict(entries):
    return {entry["ParameterKey"]: entry["ParameterValue"] for entry in entries}


def constraint_problems(declaration, value):
    """What CloudFormation would refuse in `value` for a parameter `declaration` (empty when it accepts it)."""
    problems = []
    if not isinstance(value, str):
        problems.append(f"ParameterValue must be a string, got {value!r}")
        return problems
    allowed = declaration.get("AllowedValues")
    if allowed is not None and value not in [str(candidate) for candidate in allowed]:
        problems.append(f"{value!r} is not one of {allowed}")
    if declaration.get("Type") == "Number":
        try:
            number = float(value)
        except ValueError:
            return problems + [f"{value!r} is not a number"]
        if "MinValue" in declaration and number < float(declaration["MinValue"]):
            problems.append(f"{value} < MinValue {declaration['MinValue']}")
        if "MaxValue" in declaration and number > float(declaration["MaxValue"]):
            problems.append(f"{value} > MaxValue {declaration['MaxValue']}")
    pattern = declaration.get("AllowedPattern")
    if pattern is not None and declaration.get("Type") == "String" and not re.fullmatch(pattern, value):
        problems.append(f"{value!r} does not match AllowedPattern {pattern}")
    return problems


class PresetFileTests(unittest.TestCase):
    def setUp(self):
        self.parameters = load_source(MAIN_TEMPLATE)["Parameters"]

    def test_every_preset_is_a_cloudformation_parameter_list(self):
        for name in ("seed", "fast"):
            entries = preset(name)
            with self.subTest(preset=name):
                self.assertIsInstance(entries, list)
                for entry in entries:
                    self.assertEqual(sorted(entry), ["ParameterKey", "ParameterValue"], entry)
                keys = [entry["ParameterKey"] for entry in entries]
                self.assertEqual(len(keys), len(set(keys)), f"{name}: a parameter is named twice")

    def test_every_preset_names_only_template_parameters_with_allowed_values(self):
        for name in ("seed", "fast"):
            for key, value in as_dict(preset(name)).items():
                with self.subTest(preset=name, parameter=key):
                    self.assertIn(key, self.parameters, f"presets/{name}.json names {key}, which template.yaml does not declare")
                    self.assertEqual(constraint_problems(self.parameters[key], value), [])

    def test_constraint_check_refuses_what_cloudformation_refuses(self):
        # The check above is only worth something if it catches a value the template does not allow.
        self.assertNotEqual(constraint_problems(self.parameters["HealthCheckIntervalSeconds"], "20"), [])
        self.assertNotEqual(constraint_problems(self.parameters["ProbeAlarmPeriodSeconds"], "5"), [])
        self.assertNotEqual(constraint_problems(self.parameters["DnsTtlSeconds"], "-1"), [])

    def test_seed_is_the_original_design(self):
        self.assertEqual(as_dict(preset("seed")), {
            "HealthCheckIntervalSeconds": "30", "HealthCheckFailureThreshold": "3", "DnsTtlSeconds": "60",
            "AlarmEvaluationSeconds": "60", "WitnessRegion": "",
        })

    def test_fast_checks_every_10_seconds_probes_every_5_with_a_10_second_3_of_3_alarm_and_ttl_15(self):
        fast = as_dict(preset("fast"))
        self.assertEqual((fast["HealthCheckIntervalSeconds"], fast["HealthCheckFailureThreshold"]), ("10", "3"))
        self.assertEqual(fast["DnsTtlSeconds"], "15")
        self.assertEqual(fast["ProbeIntervalSeconds"], "5")
        self.assertEqual((fast["ProbeAlarmPeriodSeconds"], fast["ProbeAlarmDatapointsToAlarm"], fast["ProbeAlarmEvaluationPeriods"]), ("10", "3", "3"))

    def test_fast_names_a_witness_region_the_user_replaces(self):
        # An example third Region (docs/deploy.md: replace it with yours); empty would create no probe resource at all.
        witness = as_dict(preset("fast"))["WitnessRegion"]
        self.assertRegex(witness, r"^[a-z]{2}(-[a-z]+)+-\d$")


class PresetTemplateTests(unittest.TestCase):
    """The template with a preset's values: the SAM transform and cfn-lint accept it."""

    def with_values(self, values):
        with open(MAIN_TEMPLATE, encoding="utf-8") as handle:
            text = handle.read()
        declared = load_source(MAIN_TEMPLATE)["Parameters"]
        # Only the Default lines of the named parameters change; the rest of the template stays byte for byte.
        for key, value in values.items():
            literal = value if declared[key].get("Type") == "Number" else json.dumps(value)
            pattern = re.compile(rf"(\n  {re.escape(key)}:\n(?:    .*\n)*?    Default: )[^\n]*")
            text, count = pattern.subn(lambda match, literal=literal: match.group(1) + literal, text, count=1)
            if count == 0:
                text = re.sub(rf"(\n  {re.escape(key)}:\n)", lambda match, literal=literal: match.group(1) + f"    Default: {literal}\n", text, count=1)
        handle, path = tempfile.mkstemp(prefix=".preset-", suffix=".yaml", dir=REPO)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        self.addCleanup(os.remove, path)
        return path

    def check(self, name, values):
        path = self.with_values(values)
        defaults = {key: str(declaration.get("Default")) for key, declaration in load_source(path)["Parameters"].items() if key in values}
        self.assertEqual(defaults, values, f"{name}: the copy does not carry the preset's values")
        deployed = load_deployed(REPO / os.path.basename(path))
        self.assertIn("HealthValidatorFunction", deployed["Resources"])
        cfn_lint = shutil.which("cfn-lint")
        self.assertIsNotNone(cfn_lint, "cfn-lint is not on PATH")
        completed = subprocess.run([cfn_lint, "--format", "parseable", "--", os.path.basename(path)], cwd=REPO,
                                   capture_output=True, text=True, timeout=300, check=False)
        self.assertEqual((completed.returncode, completed.stdout.strip()), (0, ""), completed.stdout + completed.stderr)

    def test_seed_values_pass_the_transform_and_cfn_lint(self):
        self.check("seed", as_dict(preset("seed")))

    def test_fast_values_with_a_witness_pass_the_transform_and_cfn_lint(self):
        self.check("fast", as_dict(preset("fast")))


if __name__ == "__main__":
    unittest.main()
