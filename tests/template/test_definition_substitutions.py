"""Every ${...} placeholder of an ASL file is substituted by the template, and every substitution is used."""
import re
import unittest

from template_loader import MAIN_TEMPLATE, REPO, load_source, resources_of_type

PLACEHOLDER = re.compile(r"\$\{([A-Za-z0-9_]+)\}")


def state_machines():
    return resources_of_type(load_source(MAIN_TEMPLATE), "AWS::Serverless::StateMachine")


class DefinitionSubstitutionTests(unittest.TestCase):
    def test_state_machines_deploy_every_asl_file(self):
        deployed = sorted(sm["Properties"]["DefinitionUri"] for sm in state_machines().values())
        on_disk = sorted(str(p.relative_to(REPO)) for p in (REPO / "statemachine").glob("*.asl.json"))
        self.assertEqual(deployed, on_disk)

    def test_placeholders_each_state_machine_placeholder_is_substituted_and_each_substitution_used(self):
        for logical_id, machine in state_machines().items():
            with self.subTest(state_machine=logical_id):
                text = (REPO / machine["Properties"]["DefinitionUri"]).read_text(encoding="utf-8")
                placeholders = set(PLACEHOLDER.findall(text))
                substitutions = set(machine["Properties"]["DefinitionSubstitutions"])
                self.assertTrue(placeholders)
                self.assertEqual(placeholders - substitutions, set(), "placeholders without a substitution")
                self.assertEqual(substitutions - placeholders, set(), "substitutions the definition never uses")

    def test_function_arn_substitutions_point_at_the_function_of_the_same_name(self):
        for logical_id, machine in state_machines().items():
            for key, value in machine["Properties"]["DefinitionSubstitutions"].items():
                if key.endswith("FunctionArn"):
                    with self.subTest(state_machine=logical_id, substitution=key):
                        self.assertEqual(value, {"Fn::GetAtt": [key.removesuffix("Arn"), "Arn"]})


if __name__ == "__main__":
    unittest.main()
