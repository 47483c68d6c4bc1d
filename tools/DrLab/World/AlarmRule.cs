namespace DrLambdas.DrLab.World;

/// <summary>
/// A composite alarm's AlarmRule: <c>ALARM(x)</c>, <c>OK(x)</c>, <c>INSUFFICIENT_DATA(x)</c> (x an alarm name, quoted or
/// not, or its ARN), <c>TRUE</c>, <c>FALSE</c>, combined with <c>AND</c>, <c>OR</c>, <c>NOT</c> and parentheses (NOT binds
/// tightest, then AND, then OR). <c>AT_LEAST</c> is not modelled and is refused.
/// </summary>
internal sealed class AlarmRule
{
    private readonly Func<Func<string, string?>, bool> _evaluate;

    private AlarmRule(Func<Func<string, string?>, bool> evaluate, IReadOnlyList<string> alarms)
    {
        _evaluate = evaluate;
        Alarms = alarms;
    }

    /// <summary>The alarm names or ARNs the rule refers to.</summary>
    public IReadOnlyList<string> Alarms { get; }

    /// <summary>Whether the rule holds, given each referenced alarm's state (null when unknown).</summary>
    public bool IsTrue(Func<string, string?> stateOf) => _evaluate(stateOf);

    /// <summary>Parses <paramref name="text"/>; a malformed rule is CloudWatch's ValidationError.</summary>
    public static AlarmRule Parse(string text)
    {
        var parser = new Parser(Tokenize(text));
        var alarms = new List<string>();
        var rule = parser.Or(alarms);
        if (!parser.AtEnd)
        {
            throw Invalid($"unexpected '{parser.Peek}'");
        }

        return new AlarmRule(rule, alarms);
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw Invalid("unterminated quoted alarm name");
                }

                tokens.Add("\"" + text[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static LabError Invalid(string problem) => new("ValidationError", $"The AlarmRule is not valid: {problem}.");

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        public bool AtEnd => _position >= tokens.Count;

        public string Peek => AtEnd ? "end of rule" : tokens[_position];

        public Func<Func<string, string?>, bool> Or(List<string> alarms)
        {
            var left = And(alarms);
            while (Accept("OR"))
            {
                var l = left;
                var right = And(alarms);
                left = states => l(states) || right(states);
            }

            return left;
        }

        private Func<Func<string, string?>, bool> And(List<string> alarms)
        {
            var left = Not(alarms);
            while (Accept("AND"))
            {
                var l = left;
                var right = Not(alarms);
                left = states => l(states) && right(states);
            }

            return left;
        }

        private Func<Func<string, string?>, bool> Not(List<string> alarms)
        {
            if (Accept("NOT"))
            {
                var inner = Not(alarms);
                return states => !inner(states);
            }

            return Primary(alarms);
        }

        private Func<Func<string, string?>, bool> Primary(List<string> alarms)
        {
            if (Accept("("))
            {
                var inner = Or(alarms);
                Expect(")");
                return inner;
            }

            if (Accept("TRUE"))
            {
                return _ => true;
            }

            if (Accept("FALSE"))
            {
                return _ => false;
            }

            var function = Peek;
            if (function is not ("ALARM" or "OK" or "INSUFFICIENT_DATA"))
            {
                throw Invalid(function == "AT_LEAST" ? "AT_LEAST is not modelled by the lab" : $"expected ALARM, OK, INSUFFICIENT_DATA, TRUE, FALSE, NOT or '(', got '{function}'");
            }

            _position++;
            Expect("(");
            if (AtEnd || tokens[_position] is "(" or ")")
            {
                throw Invalid($"{function}() needs an alarm name");
            }

            var alarm = tokens[_position++].TrimStart('"');
            Expect(")");
            alarms.Add(alarm);
            return states => string.Equals(states(alarm), function, StringComparison.Ordinal);
        }

        private bool Accept(string token)
        {
            if (!AtEnd && string.Equals(tokens[_position], token, StringComparison.Ordinal))
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw Invalid($"expected '{token}', got '{Peek}'");
            }
        }
    }
}
