using System.Text.Json.Nodes;

namespace DrLambdas.Drctl.Services;

/// <summary>The manual execution document of docs/contracts.md section 4, as drctl writes it.</summary>
internal static class ManualDocument
{
    /// <summary><c>{"mode","targetRegion"?,"reason","force","requestedBy"}</c>.</summary>
    public static JsonObject Create(string mode, string? targetRegion, string reason, bool force, string requestedBy)
    {
        var document = new JsonObject { ["mode"] = mode };
        if (targetRegion is not null)
        {
            document["targetRegion"] = targetRegion;
        }

        document["reason"] = reason;
        document["force"] = force;
        document["requestedBy"] = requestedBy;
        return document;
    }
}
