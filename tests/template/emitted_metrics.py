"""The metrics the functions emit, read from the C# source: what a dashboard or an alarm may show.

EMF metrics: every `invocation.WriteMetric(NAME, value, unit, DIMENSIONS...)` call under src/<Project>/, in the
runtime's namespace (LambdaHostOptions.MetricsNamespace) with the host's FunctionName dimension first. PutMetricData
metrics: every `PutMetricDataAsync(NAMESPACE, ...)` file's `MetricDatum` constructions. Names and dimension names are
string literals or `const string` constants anywhere in src/. Which function runs which project's code is the
Makefile's `build-<LogicalId>: ... --function <Project>`."""
import re
from pathlib import Path

from template_loader import REPO

SRC = REPO / "src"


def _constants():
    """{name: values} and {(declaring type, name): value}; a file's constants belong to the types it declares."""
    by_name, by_type = {}, {}
    for path in SRC.rglob("*.cs"):
        text = path.read_text(encoding="utf-8")
        types = re.findall(r"\b(?:class|record|struct|interface) (\w+)", text)
        for name, value in re.findall(r'const string (\w+) = "([^"]*)";', text):
            by_name.setdefault(name, set()).add(value)
            for declaring in types:
                by_type[(declaring, name)] = value
    return by_name, by_type


CONSTANTS, TYPED_CONSTANTS = _constants()


def text_of(expression):
    """A string literal's text or a constant's value (Type.Name, or a name unique in src/)."""
    expression = expression.strip()
    if re.fullmatch(r'"[^"]*"', expression):
        return expression[1:-1]
    parts = expression.split(".")
    if len(parts) >= 2 and (parts[-2], parts[-1]) in TYPED_CONSTANTS:
        return TYPED_CONSTANTS[(parts[-2], parts[-1])]
    values = CONSTANTS.get(parts[-1], set())
    if len(values) != 1:
        raise ValueError(f"cannot resolve {expression!r} to one constant (candidates {sorted(values)})")
    return next(iter(values))


def _arguments(text, open_index):
    """The top-level arguments of the call whose '(' is at open_index."""
    depth, current, arguments = 0, [], []
    for char in text[open_index + 1:]:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                arguments.append("".join(current))
                return [argument.strip() for argument in arguments]
            depth -= 1
        if char == "," and depth == 0:
            arguments.append("".join(current))
            current = []
        else:
            current.append(char)
    raise ValueError("unbalanced call")


def _dimension_names(argument, locals_):
    names = [text_of(match) for match in re.findall(r"new MetricDimension\(\s*([^,]+),", argument)]
    if not names and argument in locals_:
        names = [locals_[argument]]
    return names


def emf_namespace():
    options = (SRC / "Runtime" / "LambdaHostOptions.cs").read_text(encoding="utf-8")
    return re.search(r'MetricsNamespace \{ get; init; \} = "([^"]+)"', options).group(1)


def functions_by_project():
    """{project folder: [function logical ids]} from the Makefile's build targets."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    projects = {}
    for logical_id, project in re.findall(r"^build-(\w+):\n\t[^\n]*--function (\w+)", makefile, re.MULTILINE):
        projects.setdefault(project, []).append(logical_id)
    return projects


def emitted():
    """{(namespace, metric name): {(function logical id or None, frozenset of dimension names)}}."""
    metrics = {}
    namespace = emf_namespace()
    for project, functions in functions_by_project().items():
        for path in (SRC / project).rglob("*.cs"):
            text = path.read_text(encoding="utf-8")
            locals_ = {name: text_of(value) for name, value in re.findall(r"var (\w+) = new MetricDimension\(\s*([^,]+),", text)}
            for match in re.finditer(r"\bWriteMetric\(", text):
                arguments = _arguments(text, match.end() - 1)
                dimensions = frozenset(["FunctionName"] + [name for argument in arguments[3:] for name in _dimension_names(argument, locals_)])
                for function in functions:
                    metrics.setdefault((namespace, text_of(arguments[0])), set()).add((function, dimensions))
            for published in re.finditer(r"\bPutMetricDataAsync\(", text):
                data_namespace = text_of(_arguments(text, published.end() - 1)[0])
                for datum in re.finditer(r"MetricDatum \w+\([^)]*\) => new\(|new MetricDatum\(", text):
                    arguments = _arguments(text, datum.end() - 1)
                    dimensions = frozenset(name for name in _dimension_names(arguments[1], locals_))
                    metrics.setdefault((data_namespace, text_of(arguments[0])), set()).add((None, dimensions))
    return metrics
