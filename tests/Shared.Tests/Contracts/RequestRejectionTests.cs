using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// Every function request accepts its sample event and rejects, with a <see cref="JsonException"/> (which the
/// functions report as <c>InputValidationException</c>), unknown top-level members, missing required members
/// and nulls in non-nullable members.
/// </summary>
public class RequestRejectionTests
{
    public static TheoryData<string> Samples => new(SampleEvents.All);

    public static TheoryData<string, string> RequiredMembers => new()
    {
        { SampleEvents.AssessAlarm, "operation" },
        { SampleEvents.AssessAlarm, "trigger" },
        { SampleEvents.AssessAlarm, "execution" },
        { SampleEvents.Verify, "operation" },
        { SampleEvents.Verify, "document" },
        { SampleEvents.Recovery, "operation" },
        { SampleEvents.Recovery, "history" },
        { SampleEvents.Gate, "operation" },
        { SampleEvents.Gate, "region" },
        { SampleEvents.StartFailover, "operation" },
        { SampleEvents.StartFailover, "incidentId" },
        { SampleEvents.StartFailover, "action" },
        { SampleEvents.StartFailover, "targetRegion" },
        { SampleEvents.StartFailover, "targetClusterArn" },
        { SampleEvents.StartFailover, "allowDataLoss" },
        { SampleEvents.PromotionStatus, "operation" },
        { SampleEvents.PromotionStatus, "targetClusterArn" },
        { SampleEvents.PromotionStatus, "startedAt" },
        { SampleEvents.DnsApply, "operation" },
        { SampleEvents.DnsApply, "incidentId" },
        { SampleEvents.DnsApply, "desiredWeights" },
        { SampleEvents.DnsStatus, "operation" },
        { SampleEvents.DnsStatus, "changeIds" },
        { SampleEvents.DnsStatus, "submittedAt" },
    };

    /// <summary>The required members that cannot be null (<c>trigger</c> is raw JSON, checked by the trigger parser).</summary>
    public static TheoryData<string, string> NonNullableMembers
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in RequiredMembers)
            {
                var (sample, member) = ((string)row[0], (string)row[1]);
                if (member != "trigger")
                {
                    data.Add(sample, member);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_SampleEvent_IsAccepted(string sample)
    {
        var request = SampleEvents.ReadAs(sample, SampleEvents.Load(sample).ToJsonString());

        Assert.NotNull(request);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_UnknownTopLevelMember_ThrowsJsonException(string sample)
    {
        var json = SampleEvents.With(sample, document => document["unexpectedMember"] = "x");

        Assert.Throws<JsonException>(() => SampleEvents.ReadAs(sample, json));
    }

    [Theory]
    [MemberData(nameof(RequiredMembers))]
    public void Read_RequiredMemberMissing_ThrowsJsonException(string sample, string member)
    {
        var json = SampleEvents.With(sample, document => Assert.True(document.Remove(member), member + " not in the sample"));

        Assert.Throws<JsonException>(() => SampleEvents.ReadAs(sample, json));
    }

    [Theory]
    [MemberData(nameof(NonNullableMembers))]
    public void Read_RequiredMemberNull_ThrowsJsonException(string sample, string member)
    {
        var json = SampleEvents.With(sample, document => document[member] = (JsonNode?)null);

        Assert.Throws<JsonException>(() => SampleEvents.ReadAs(sample, json));
    }
}
