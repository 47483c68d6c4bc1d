"""Evaluates the CloudFormation intrinsics the template's own values use, for one set of parameter values.

Covers Ref (parameters, pseudo parameters, resources as "<LogicalId>"), Fn::GetAtt ("<LogicalId.Attribute>"), Fn::Sub
(both forms), Fn::Join, Fn::Split, Fn::Select, Fn::If with the template's Conditions, and AWS::NoValue removal from
lists, so a test can read a resolved value (an ARN list, a dashboard body) instead of the template's expression."""
import re

PSEUDO = {"AWS::Partition": "aws", "AWS::Region": "ap-northeast-1", "AWS::AccountId": "111122223333",
          "AWS::StackName": "drlambdas", "AWS::URLSuffix": "amazonaws.com"}
NO_VALUE = object()


class Evaluator:
    def __init__(self, template, parameters):
        self.template = template
        declared = template.get("Parameters", {})
        self.parameters = {}
        for name, declaration in declared.items():
            value = parameters.get(name, declaration.get("Default"))
            if value is None:
                raise KeyError(f"parameter {name} needs a value")
            if declaration["Type"] == "CommaDelimitedList":
                value = value if isinstance(value, list) else [item.strip() for item in str(value).split(",")]
            else:
                value = str(value)
            self.parameters[name] = value
        unknown = set(parameters) - set(declared)
        if unknown:
            raise KeyError(f"parameters not declared: {unknown}")
        self._conditions = {}

    def condition(self, name):
        if name not in self._conditions:
            self._conditions[name] = bool(self.value(self.template["Conditions"][name]))
        return self._conditions[name]

    def ref(self, name):
        if name in PSEUDO:
            return PSEUDO[name]
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in self.parameters:
            return self.parameters[name]
        if name in self.template["Resources"]:
            return f"<{name}>"
        raise KeyError(f"Ref {name}")

    def sub(self, text, variables):
        def replace(match):
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in variables:
                return str(variables[name])
            if "." in name:
                resource, attribute = name.split(".", 1)
                return f"<{resource}.{attribute}>"
            value = self.ref(name)
            if isinstance(value, list):
                raise ValueError(f"Fn::Sub of list parameter {name}")
            return value
        return re.sub(r"\$\{([^}]+)\}", replace, text)

    def value(self, node):
        if isinstance(node, list):
            return [item for item in (self.value(entry) for entry in node) if item is not NO_VALUE]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, argument), = node.items()
            if key == "Ref":
                return self.ref(argument)
            if key == "Condition":
                return self.condition(argument)
            if key == "Fn::GetAtt":
                parts = argument if isinstance(argument, list) else argument.split(".", 1)
                return f"<{parts[0]}.{parts[1]}>"
            if key == "Fn::If":
                name, when_true, when_false = argument
                return self.value(when_true if self.condition(name) else when_false)
            if key == "Fn::Equals":
                left, right = (self.value(side) for side in argument)
                return left == right
            if key == "Fn::Not":
                return not self.value(argument[0])
            if key == "Fn::Or":
                return any(self.value(entry) for entry in argument)
            if key == "Fn::And":
                return all(self.value(entry) for entry in argument)
            if key == "Fn::Join":
                delimiter, items = argument
                return delimiter.join(str(item) for item in self.value(items))
            if key == "Fn::Split":
                delimiter, text = argument
                return self.value(text).split(delimiter)
            if key == "Fn::Select":
                index, items = argument
                return self.value(items)[int(self.value(index))]
            if key == "Fn::Sub":
                if isinstance(argument, str):
                    return self.sub(argument, {})
                text, variables = argument
                return self.sub(text, {name: self.value(value) for name, value in variables.items()})
        return {key: self.value(value) for key, value in node.items() if self.value(value) is not NO_VALUE}
