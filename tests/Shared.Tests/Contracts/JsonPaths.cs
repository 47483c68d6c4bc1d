using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// The small part of Step Functions' path handling the function Tasks use: reference paths (<c>$.a.b</c>),
/// <c>"key.$"</c> parameters and <c>States.Format</c>. Anything else is reported, never guessed.
/// </summary>
internal static partial class JsonPaths
{
    /// <summary>The node at a reference path; false when a member on the way is missing.</summary>
    public static bool TryResolve(JsonNode document, string path, out JsonNode? value)
    {
        value = document;
        if (path == "$")
        {
            return true;
        }

        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"'{path}' is not a reference path");
        }

        foreach (var member in path[2..].Split('.'))
        {
            if (value is not JsonObject section || !section.TryGetPropertyValue(member, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    /// <summary>The input a Task's <c>Parameters</c> give its function when run on <paramref name="document"/>.</summary>
    public static JsonObject ResolveParameters(JsonObject parameters, JsonNode document)
    {
        var input = new JsonObject();
        foreach (var (key, value) in parameters)
        {
            if (key.EndsWith(".$", StringComparison.Ordinal))
            {
                input[key[..^2]] = Evaluate(value!.GetValue<string>(), document);
            }
            else
            {
                input[key] = value is JsonObject nested ? ResolveParameters(nested, document) : value?.DeepClone();
            }
        }

        return input;
    }

    private static JsonNode? Evaluate(string expression, JsonNode document)
    {
        var format = FormatCall().Match(expression);
        if (format.Success)
        {
            var arguments = format.Groups["argument"].Captures.Select(argument => Resolve(document, argument.Value)!.ToString());
            var template = format.Groups["template"].Value;
            return JsonValue.Create(arguments.Aggregate(template, (text, argument) => ReplaceFirst(text, "{}", argument)));
        }

        if (expression.StartsWith("States.", StringComparison.Ordinal) || expression.StartsWith("$$", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"'{expression}' is not evaluated by this test; extend JsonPaths");
        }

        return Resolve(document, expression)?.DeepClone();
    }

    private static JsonNode? Resolve(JsonNode document, string path) =>
        TryResolve(document, path, out var value) ? value : throw new InvalidOperationException($"'{path}' does not resolve in the execution document");

    private static string ReplaceFirst(string text, string placeholder, string value)
    {
        var index = text.IndexOf(placeholder, StringComparison.Ordinal);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), value, text.AsSpan(index + placeholder.Length));
    }

    [GeneratedRegex(@"^States\.Format\('(?<template>[^']*)'(\s*,\s*(?<argument>\$(\.\w+)+))*\)$")]
    private static partial Regex FormatCall();
}
