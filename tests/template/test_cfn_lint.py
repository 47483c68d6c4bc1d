"""cfn-lint (with the SAM transform) must report no error and no warning on either template."""
import shutil
import subprocess
import unittest

from template_loader import REPO, TEMPLATES


class CfnLintTests(unittest.TestCase):
    def test_cfn_lint_every_template_reports_no_error_or_warning(self):
        cfn_lint = shutil.which("cfn-lint")
        self.assertIsNotNone(cfn_lint, "cfn-lint is not on PATH")
        for template in TEMPLATES:
            with self.subTest(template=template.name):
                completed = subprocess.run(
                    [cfn_lint, "--format", "parseable", "--", str(template.relative_to(REPO))],
                    cwd=REPO,
                    capture_output=True,
                    text=True,
                    timeout=300,
                    check=False,
                )
                self.assertEqual(completed.returncode, 0, completed.stdout + completed.stderr)
                self.assertEqual(completed.stdout.strip(), "")


if __name__ == "__main__":
    unittest.main()
