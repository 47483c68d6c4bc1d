"""Loads the CloudFormation templates the way cfn-lint reads them, with the SAM transform applied."""
import os
from pathlib import Path

from cfnlint.decode import decode
from cfnlint.template.transforms._sam import Transform

REPO = Path(__file__).resolve().parents[2]
MAIN_TEMPLATE = REPO / "template.yaml"
FORWARDER_TEMPLATE = REPO / "templates" / "route53-alarm-forwarder.yaml"
WITNESS_TEMPLATE = REPO / "templates" / "witness.yaml"
TEMPLATES = (MAIN_TEMPLATE, FORWARDER_TEMPLATE, WITNESS_TEMPLATE)


def load_source(path):
    """The template as written (SAM resources untranslated)."""
    template, problems = decode(str(path))
    if problems:
        raise ValueError(f"{path}: {[str(p) for p in problems]}")
    return template


def load_deployed(path):
    """The template as CloudFormation will deploy it: SAM resources translated to plain resources."""
    template = load_source(path)
    if "Transform" not in template:
        return template
    region = os.environ.get("AWS_DEFAULT_REGION")
    try:
        transform = Transform(str(path), template, "ap-northeast-1")
        problems = transform.transform_template()
    finally:
        # The SAM translator sets AWS_DEFAULT_REGION; leave the environment as it was.
        if region is None:
            os.environ.pop("AWS_DEFAULT_REGION", None)
        else:
            os.environ["AWS_DEFAULT_REGION"] = region
    if problems:
        raise ValueError(f"{path}: {[str(p) for p in problems]}")
    return transform._template  # the translated template; cfn-lint exposes no public accessor


def as_list(value):
    return value if isinstance(value, list) else [value]


def unconditional(value):
    """Both branches of an Fn::If, flattened; AWS::NoValue dropped."""
    if isinstance(value, dict) and set(value) == {"Fn::If"}:
        _, when_true, when_false = value["Fn::If"]
        return unconditional(when_true) + unconditional(when_false)
    if value == {"Ref": "AWS::NoValue"}:
        return []
    return [value]


def iam_statements(template):
    """(resource logical id, document kind, statement) for every policy statement in the template."""
    found = []

    def add(logical_id, kind, document):
        for statement in as_list(document.get("Statement", [])):
            for concrete in unconditional(statement):
                found.append((logical_id, kind, concrete))

    for logical_id, resource in template["Resources"].items():
        properties = resource.get("Properties", {})
        kind = resource["Type"]
        if kind == "AWS::IAM::Role":
            add(logical_id, "trust", properties["AssumeRolePolicyDocument"])
            for policy in properties.get("Policies", []):
                add(logical_id, "identity", policy["PolicyDocument"])
        elif kind in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            add(logical_id, "identity", properties["PolicyDocument"])
        elif kind in ("AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy"):
            add(logical_id, "resource", properties["PolicyDocument"])
        elif kind == "AWS::KMS::Key":
            add(logical_id, "key", properties["KeyPolicy"])
    return found


def resources_of_type(template, kind):
    return {logical_id: r for logical_id, r in template["Resources"].items() if r["Type"] == kind}
