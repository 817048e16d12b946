package dev.switchboard.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions of a template for given parameter values, the way CloudFormation would, so
 * tests can assert on what a deployment really gets (IAM resource ARNs, schedule expressions, environment).
 * Resources are not created: a Ref to one renders as {@code <Ref Id>}, a GetAtt as {@code <Id.Attribute>}.
 */
final class CfnEvaluator {

    /** What {@code AWS::NoValue} evaluates to; removed from maps and lists. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final CfnTemplate template;
    private final Map<String, Object> parameters = new HashMap<>();
    private final Map<String, Object> pseudo = Map.of(
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::Region", "ap-northeast-1",
            "AWS::StackName", "switchboard",
            "AWS::StackId", "arn:aws:cloudformation:ap-northeast-1:123456789012:stack/switchboard/"
                    + "6f1c2a90-0b7e-11ef-9c2a-0a1b2c3d4e5f",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::NoValue", NO_VALUE);

    /**
     * @param values parameter values; list parameters as comma-separated strings, as the console takes them.
     *               Parameters not given take their Default; a parameter with neither fails the evaluation.
     */
    CfnEvaluator(CfnTemplate template, Map<String, String> values) {
        this.template = template;
        template.parameters().forEach((name, definition) -> {
            Map<String, Object> def = CfnTemplate.map(definition);
            Object raw = values.containsKey(name) ? values.get(name) : def.get("Default");
            if (raw == null) {
                return;
            }
            String text = String.valueOf(raw);
            String type = String.valueOf(def.get("Type"));
            parameters.put(name, type.startsWith("List<") || type.equals("CommaDelimitedList")
                    ? Arrays.stream(text.split(",", -1)).map(String::trim).toList() : text);
        });
        values.keySet().forEach(name -> {
            if (!template.parameters().containsKey(name)) {
                throw new IllegalArgumentException("the template has no parameter " + name);
            }
        });
    }

    boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new IllegalArgumentException("undefined condition " + name);
        }
        return (Boolean) evaluate(definition);
    }

    /** Whether a resource or output would exist. */
    boolean created(String resourceId) {
        return template.condition(resourceId).map(this::condition).orElse(true);
    }

    Object evaluate(Object node) {
        if (CfnTemplate.intrinsic(node).isPresent()) {
            String fn = CfnTemplate.intrinsic(node).get();
            Object arg = CfnTemplate.map(node).get(fn);
            return switch (fn) {
                case "Ref" -> ref(String.valueOf(arg));
                case "Condition" -> condition(String.valueOf(arg));
                case "Fn::GetAtt" -> "<" + String.join(".", CfnTemplate.list(arg).stream().map(String::valueOf).toList()) + ">";
                case "Fn::Sub" -> sub(arg);
                case "Fn::FindInMap" -> {
                    List<Object> keys = CfnTemplate.list(arg);
                    Map<String, Object> mapping = CfnTemplate.map(CfnTemplate.map(template.root().get("Mappings"))
                            .get(String.valueOf(evaluate(keys.get(0)))));
                    Object second = CfnTemplate.map(mapping).get(String.valueOf(evaluate(keys.get(1))));
                    if (second == null) {
                        throw new IllegalStateException("Fn::FindInMap: no key " + evaluate(keys.get(1)) + " in "
                                + keys.get(0));
                    }
                    yield CfnTemplate.map(second).get(String.valueOf(evaluate(keys.get(2))));
                }
                case "Fn::Join" -> {
                    List<Object> parts = CfnTemplate.list(arg);
                    yield String.join(String.valueOf(parts.get(0)), strings(evaluate(parts.get(1))));
                }
                case "Fn::Split" -> {
                    List<Object> parts = CfnTemplate.list(arg);
                    yield Arrays.asList(String.valueOf(evaluate(parts.get(1))).split(Pattern.quote(String.valueOf(parts.get(0))), -1));
                }
                case "Fn::Select" -> {
                    List<Object> parts = CfnTemplate.list(arg);
                    int index = Integer.parseInt(String.valueOf(evaluate(parts.get(0))));
                    List<String> items = strings(evaluate(parts.get(1)));
                    if (index < 0 || index >= items.size()) {
                        throw new IllegalStateException("Fn::Select index " + index + " out of range of " + items);
                    }
                    yield items.get(index);
                }
                case "Fn::If" -> {
                    List<Object> parts = CfnTemplate.list(arg);
                    yield condition(String.valueOf(parts.get(0))) ? evaluate(parts.get(1)) : evaluate(parts.get(2));
                }
                case "Fn::Equals" -> {
                    List<Object> parts = CfnTemplate.list(arg);
                    yield String.valueOf(evaluate(parts.get(0))).equals(String.valueOf(evaluate(parts.get(1))));
                }
                case "Fn::Not" -> !(Boolean) evaluate(CfnTemplate.list(arg).get(0));
                case "Fn::And" -> CfnTemplate.list(arg).stream().allMatch(c -> (Boolean) evaluate(c));
                case "Fn::Or" -> CfnTemplate.list(arg).stream().anyMatch(c -> (Boolean) evaluate(c));
                default -> throw new UnsupportedOperationException(fn + " is not evaluated by this test helper");
            };
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                Object value = evaluate(v);
                if (value != NO_VALUE) {
                    out.put(String.valueOf(k), value);
                }
            });
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                Object value = evaluate(item);
                if (value != NO_VALUE) {
                    out.add(value);
                }
            }
            return out;
        }
        return node == null ? null : node instanceof String ? node : String.valueOf(node);
    }

    private Object ref(String name) {
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (template.parameters().containsKey(name)) {
            throw new IllegalStateException("parameter " + name + " has no value and no Default");
        }
        String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (template.resources().containsKey(id)) {
            return "<Ref " + name + ">";
        }
        throw new IllegalStateException("Ref to unknown " + name);
    }

    private String sub(Object arg) {
        List<Object> parts = arg instanceof String ? List.of(arg) : CfnTemplate.list(arg);
        Map<String, Object> locals = parts.size() > 1 ? CfnTemplate.map(parts.get(1)) : Map.of();
        Matcher m = SUB_VARIABLE.matcher(String.valueOf(parts.get(0)));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).trim();
            String value;
            if (variable.startsWith("!")) {
                value = "${" + variable.substring(1) + "}";
            } else if (locals.containsKey(variable)) {
                value = String.valueOf(evaluate(locals.get(variable)));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                value = "<" + variable + ">";
            } else {
                value = String.valueOf(ref(variable));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> strings(Object value) {
        return CfnTemplate.list(value).stream().map(String::valueOf).toList();
    }
}
