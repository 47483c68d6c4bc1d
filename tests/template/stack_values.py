"""Parameter values of a reference deployment for evaluating the template (intrinsics.Evaluator)."""

REQUIRED = {
    "GlobalClusterId": "app-global",
    "PrimaryClusterArn": "arn:aws:rds:ap-east-2:111122223333:cluster:app-tpe",
    "SecondaryClusterArn": "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt",
    "HostedZoneId": "Z0123456789ABCDEFGHIJ",
    "RecordName": "api.example.com",
    "PrimarySetIdentifier": "tpe",
    "SecondarySetIdentifier": "nrt",
    "PrimaryHealthUrl": "https://tpe.example.com/actuator/health",
    "SecondaryHealthUrl": "https://nrt.example.com/actuator/health",
}

# Two valid deployments (the template's Rules): adopted health checks without a witness, and created ones with a witness.
ADOPTED = {
    **REQUIRED,
    "HealthChecks": "adopt",
    "PrimaryHealthCheckId": "0d7a1b2c-3e4f-4a5b-8c6d-000000000001",
    "SecondaryHealthCheckId": "0d7a1b2c-3e4f-4a5b-8c6d-000000000002",
}

CREATED_WITH_WITNESS = {
    **REQUIRED,
    "HealthChecks": "create",
    "PrimaryHealthCheckFqdn": "tpe.example.com",
    "SecondaryHealthCheckFqdn": "nrt.example.com",
    "WitnessRegion": "us-west-2",
    "ProbeMetricRegion": "ap-northeast-1",
}

VARIANTS = {"adopted checks": ADOPTED, "created checks and a witness": CREATED_WITH_WITNESS}
