using System.Globalization;

namespace DrLambdas.Shared.Rto;

/// <summary>Sums budget items against the target and says in words whether the target is reachable and why.</summary>
internal static class RtoBudgetComposer
{
    /// <summary>The budget of <paramref name="items"/>; <paramref name="path"/> names the RTO (null: the recovery actions').</summary>
    public static RtoBudget Compose(IReadOnlyList<RtoBudgetItem> items, TimeSpan target, string? path = null)
    {
        var total = items.Sum(item => item.Seconds);
        var targetSeconds = Seconds(target);
        var reachable = total <= targetSeconds;
        return new RtoBudget(targetSeconds, total, reachable, items, Explain(items, total, targetSeconds, reachable, path));
    }

    /// <summary>Whole seconds, rounded up: a budget never promises less than the configuration allows.</summary>
    public static int Seconds(TimeSpan duration) => (int)Math.Ceiling(duration.TotalSeconds);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Explain(IReadOnlyList<RtoBudgetItem> items, int total, int target, bool reachable, string? path)
    {
        var subject = path is null ? Invariant($"The {target} s RTO target") : Invariant($"The {target} s RTO target for {path}");
        if (reachable)
        {
            return Invariant($"{subject} is reachable: the budget is {total} s, {target - total} s inside it.");
        }

        var alone = items.Where(item => item.Seconds > target).ToList();
        var why = alone.Count > 0
            ? string.Join(" ", alone.Select(item => Invariant($"{Capitalise(item.Name)} alone takes {item.Seconds} s ({item.Explanation.TrimEnd('.')}), already more than the target.")))
            : Invariant($"No single stage exceeds it, but together they do; the largest is {items.MaxBy(item => item.Seconds)!.Name} at {items.Max(item => item.Seconds)} s.");
        return Invariant($"{subject} is not reachable: the budget is {total} s. ") + why;
    }

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
