"""Starts the DR lab for a conformance test module and gives the tests official AWS clients pointed at it.

Each test module calls ``start_lab()`` in ``setUpModule`` and ``stop_lab()`` in ``tearDownModule``: the lab runs
on a free port on 127.0.0.1 with the fast profile. The lab binary is ``$DRLAB_DLL`` when set, else the Release (or
Debug) build of tools/DrLab, rebuilt in Release first when missing or older than its sources.
"""

import json
import os
import select
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import boto3
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ROOT / "tools" / "DrLab"
ACCESS_KEY = "AKIDDRLAB"
SECRET_KEY = "drlab-secret"

_lab = {}


def _newest_source_mtime():
    files = [p for p in PROJECT.rglob("*") if p.suffix in (".cs", ".csproj") and "/obj/" not in str(p) and "/bin/" not in str(p)]
    return max(p.stat().st_mtime for p in files)


def lab_dll():
    """The lab assembly to run, building tools/DrLab (Release) when no current build exists."""
    if os.environ.get("DRLAB_DLL"):
        return os.environ["DRLAB_DLL"]
    newest = _newest_source_mtime()
    for configuration in ("Release", "Debug"):
        dll = PROJECT / "bin" / configuration / "net10.0" / "DrLambdas.DrLab.dll"
        if dll.exists() and dll.stat().st_mtime >= newest:
            return str(dll)
    subprocess.run(["dotnet", "build", str(PROJECT), "-c", "Release", "-nologo", "-v", "q"], check=True, cwd=ROOT)
    return str(PROJECT / "bin" / "Release" / "net10.0" / "DrLambdas.DrLab.dll")


def start_lab(profile="fast"):
    """Starts the lab and returns its ready document (baseUrl, profile, timeScale, env...)."""
    log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"drlab-conformance-{os.getpid()}.log", "w")
    process = subprocess.Popen(
        ["dotnet", lab_dll(), "--port", "0", "--profile", profile],
        stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
    deadline = time.monotonic() + 60
    line = ""
    while time.monotonic() < deadline and not line:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            line = process.stdout.readline()
        if process.poll() is not None:
            break
    if not line:
        process.kill()
        raise RuntimeError(f"the lab did not print its ready line (see {log.name})")
    _lab.update(process=process, log=log, ready=json.loads(line))
    return _lab["ready"]


def stop_lab():
    process = _lab.pop("process", None)
    if process is not None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
    log = _lab.pop("log", None)
    if log is not None:
        log.close()


def ready():
    return _lab["ready"]


def env():
    return ready()["env"]


def base_url():
    return ready()["baseUrl"]


def client(service, region=None, max_attempts=1, secret=SECRET_KEY, access_key=ACCESS_KEY):
    """A boto3 client for the lab; one attempt by default so failures surface unretried."""
    return boto3.session.Session().client(
        service,
        endpoint_url=base_url(),
        region_name=region or env()["AWS_REGION"],
        aws_access_key_id=access_key,
        aws_secret_access_key=secret,
        config=Config(retries={"mode": "standard", "max_attempts": max_attempts}, connect_timeout=5, read_timeout=10))


def aws_cli(*args, region=None):
    """Runs awscli against the lab and returns its parsed JSON output (raises CalledProcessError on failure)."""
    cli_env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    cli_env.update(env())
    cli_env.update(AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_MAX_ATTEMPTS="1")
    if region:
        cli_env.update(AWS_REGION=region, AWS_DEFAULT_REGION=region)
    result = subprocess.run(["aws", *args, "--output", "json"], env=cli_env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise subprocess.CalledProcessError(result.returncode, result.args, result.stdout, result.stderr)
    return json.loads(result.stdout) if result.stdout.strip() else None


def control(method, path, body=None):
    """Calls the lab's control API; returns (status, parsed JSON)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base_url() + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def state():
    return control("GET", "/_lab/state")[1]


def reset():
    status, _ = control("POST", "/_lab/reset")
    assert status == 200


def inject(**fault):
    status, body = control("POST", "/_lab/faults", fault)
    assert status == 201, body
    return body["faults"]


def wall_seconds(model_seconds):
    """Wall-clock seconds of a modelled duration under the running profile."""
    return model_seconds / ready()["timeScale"]


def wait_until(predicate, timeout, interval=0.1):
    """Polls until predicate() is truthy; returns its value or raises AssertionError after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


def requests_of(operation, **filters):
    query = "&".join(f"{k}={v}" for k, v in {"operation": operation, **filters}.items())
    return control("GET", "/_lab/requests?" + query)[1]


HEALTH_CHECK_ALARM_REGION = "us-east-1"
STATE_MACHINE_ROLE = "arn:aws:iam::111122223333:role/drlab-conformance-states"
TRIVIAL_DEFINITION = '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'


def put_health_check_alarm(watched_region, alarm_region=HEALTH_CHECK_ALARM_REGION, name=None):
    """Creates the Route 53 health-check alarm of a lab Region as the forwarder template deploys it; returns its name."""
    name = name or f"drlab-{watched_region}-unhealthy"
    health_check_id = env()["DR_PRIMARY_HEALTH_CHECK_ID"] if watched_region == env()["DR_PRIMARY_REGION"] else env()["DR_SECONDARY_HEALTH_CHECK_ID"]
    client("cloudwatch", region=alarm_region).put_metric_alarm(
        AlarmName=name, Namespace="AWS/Route53", MetricName="HealthCheckStatus",
        Dimensions=[{"Name": "HealthCheckId", "Value": health_check_id}], Statistic="Minimum", Period=60,
        EvaluationPeriods=1, Threshold=1, ComparisonOperator="LessThanThreshold", TreatMissingData="breaching")
    return name


def create_topic(region=None, name="dr-notifications", attributes=None):
    """Creates (idempotently) an SNS topic in the Region and returns its ARN."""
    return client("sns", region=region).create_topic(Name=name, Attributes=attributes or {})["TopicArn"]


def create_state_machine(region=None, name="dr-failover", definition=TRIVIAL_DEFINITION):
    """Creates (idempotently) a state machine in the Region and returns its ARN."""
    return client("stepfunctions", region=region).create_state_machine(
        name=name, definition=definition, roleArn=STATE_MACHINE_ROLE)["stateMachineArn"]
