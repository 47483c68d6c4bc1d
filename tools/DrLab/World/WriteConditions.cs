namespace DrLambdas.DrLab.World;

/// <summary>What the write stream needs to know about the world during one interval.</summary>
internal readonly record struct WriteConditions(
    bool AcceptingWrites, string? WriterRegion, bool ReplicationUp, double LagMilliseconds);
