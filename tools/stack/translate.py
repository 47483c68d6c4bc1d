#!/usr/bin/env python3
"""SAM -> CloudFormation for the drill's template deployment (tools/stack/README.md).

Reads a template (SAM or plain CloudFormation, YAML with short-form intrinsics or JSON), rewrites local
CodeUri/DefinitionUri to the S3 locations `sam package` would write (CodeUri -> s3://bucket/key,
DefinitionUri -> {Bucket, Key}), runs aws-sam-translator's transform when the template declares the SAM
transform, and prints the CloudFormation template as JSON on stdout.

Intrinsic functions are left as they are: tools/stack/resolve.mjs resolves them. The local files behind
the rewritten locations are listed under the top-level key "DrLambdasLocalArtifacts" (S3 key -> path
relative to the template), so the deployment can map the state machines' DefinitionS3Location back to
their ASL files.

Usage: translate.py TEMPLATE [--bucket NAME] [--region REGION]. Exit 2 on bad input, with one line on stderr.
"""
import argparse
import hashlib
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
DEFAULT_BUCKET = "drlambdas-lab-artifacts"


class NoManagedPolicies:
    """The templates give every function its own role, so SAM never needs to look up a managed policy ARN."""

    def load(self):
        return {}


def fail(message):
    sys.stderr.write(f"translate.py: {message}\n")
    sys.exit(2)


def artifact_key(template_dir, local_path):
    """Like `sam package`: the S3 key is the MD5 of the artifact (here: of the path and, for a file, its bytes)."""
    path = os.path.normpath(os.path.join(template_dir, local_path))
    digest = hashlib.md5(local_path.encode("utf-8"))
    if os.path.isfile(path):
        with open(path, "rb") as handle:
            digest.update(handle.read())
    elif not os.path.isdir(path):
        fail(f"{local_path}: no such file or directory next to the template")
    return digest.hexdigest()


def is_local(uri):
    return isinstance(uri, str) and not uri.startswith("s3://")


def package(template, template_dir, bucket, artifacts):
    """Rewrites local CodeUri/DefinitionUri (in Globals and resources) to S3 locations."""
    globals_function = (template.get("Globals") or {}).get("Function") or {}
    if is_local(globals_function.get("CodeUri")):
        key = artifact_key(template_dir, globals_function["CodeUri"])
        artifacts[key] = globals_function["CodeUri"]
        globals_function["CodeUri"] = f"s3://{bucket}/{key}"
    for logical_id, resource in (template.get("Resources") or {}).items():
        if not isinstance(resource, dict):
            fail(f"resource {logical_id} is not an object")
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and is_local(properties.get("CodeUri")):
            key = artifact_key(template_dir, properties["CodeUri"])
            artifacts[key] = properties["CodeUri"]
            properties["CodeUri"] = f"s3://{bucket}/{key}"
        if resource.get("Type") == "AWS::Serverless::StateMachine" and is_local(properties.get("DefinitionUri")):
            key = artifact_key(template_dir, properties["DefinitionUri"])
            artifacts[key] = properties["DefinitionUri"]
            properties["DefinitionUri"] = {"Bucket": bucket, "Key": key}


def main():
    parser = argparse.ArgumentParser(description="SAM template -> CloudFormation JSON (local artifacts as S3 locations).")
    parser.add_argument("template")
    parser.add_argument("--bucket", default=DEFAULT_BUCKET)
    parser.add_argument("--region", default="us-east-1", help="the Region the stack is deployed in (SAM partition lookup)")
    args = parser.parse_args()
    # The translator asks boto for the Region (only to choose the partition); no AWS call is made.
    os.environ["AWS_DEFAULT_REGION"] = args.region
    os.environ["AWS_REGION"] = args.region
    try:
        with open(args.template, encoding="utf-8") as handle:
            template = yaml_parse(handle.read())
    except OSError as error:
        fail(f"cannot read {args.template}: {error.strerror}")
    except Exception as error:  # the YAML/JSON parser's own errors
        fail(f"{args.template} is not a valid template: {error}")
    if not isinstance(template, dict) or not isinstance(template.get("Resources"), dict):
        fail(f"{args.template} has no Resources section")
    artifacts = {}
    package(template, os.path.dirname(os.path.abspath(args.template)), args.bucket, artifacts)
    transforms = template.get("Transform")
    transforms = transforms if isinstance(transforms, list) else [transforms] if transforms else []
    if SAM_TRANSFORM in transforms:
        try:
            template = transform(template, {}, NoManagedPolicies())
        except Exception as error:  # InvalidDocumentException and friends carry the translator's own messages
            causes = getattr(error, "causes", None) or []
            details = "; ".join(getattr(cause, "message", str(cause)) for cause in causes) or str(error)
            fail(f"the SAM transform refused {args.template}: {details}")
    elif transforms:
        fail(f"unsupported Transform {transforms}")
    template["DrLambdasLocalArtifacts"] = artifacts
    json.dump(template, sys.stdout, indent=1, sort_keys=False, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
