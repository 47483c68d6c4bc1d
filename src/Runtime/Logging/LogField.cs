namespace DrLambdas.Runtime.Logging;

/// <summary>
/// A structured field of a log line or an EMF record, e.g. <c>new LogField("incidentId", id)</c>.
/// Values are written as JSON according to their type (strings, numbers, booleans, timestamps,
/// <see cref="System.Text.Json.JsonElement"/>, string sequences); anything else as its invariant string.
/// </summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Value">The value; <see langword="null"/> is written as JSON null.</param>
public readonly record struct LogField(string Name, object? Value);
