package dev.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.switchboard.template.CfnTemplate.list;
import static dev.switchboard.template.CfnTemplate.map;

/**
 * The environment {@code sam local invoke <Function> --env-vars FILE} gives a function, worked out as the SAM CLI's
 * own code does (samcli/lib/providers/sam_base_provider.py, samcli/lib/intrinsic_resolver/, and
 * samcli/local/lambdafn/env_vars.py):
 * <ul>
 *   <li>parameters take their Default (or an override); pseudo parameters are fixed: AccountId 123456789012,
 *       Region us-east-1, StackName {@code local}, URLSuffix localhost, Partition aws;</li>
 *   <li>a {@code Ref} to a resource resolves to its logical id ({@code !Ref LoadBalancer} is "LoadBalancer"), a
 *       {@code Ref} to a parameter without Default to the parameter's name; a {@code GetAtt ...Arn} to a Lambda-style
 *       ARN; any other GetAtt fails;</li>
 *   <li>a List parameter stays one string, so {@code !Join [",", !Ref TargetSubnetIds]} fails; {@code Fn::If}
 *       resolves both branches and the condition; a variable whose value fails to resolve becomes "";</li>
 *   <li>then SAM's {@code AWS_*} variables are added, and a variable the template declares takes the value the
 *       env-vars file gives for that function's logical id (the file cannot add variables).</li>
 * </ul>
 * The shell's own environment, which SAM also lets override declared variables, is left out: tests are hermetic.
 */
final class SamLocalResolution {

    static final Map<String, String> PSEUDO = Map.of(
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::Region", "us-east-1",
            "AWS::StackName", "local",
            "AWS::StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/local/51af3dc0-da77-11e4-872e-1234567db123",
            "AWS::URLSuffix", "localhost");
    private static final Pattern SUB = Pattern.compile("\\$\\{(AWS::.*?|[a-zA-Z0-9]*?\\.?[a-zA-Z0-9]*?)}");

    /** Why a value does not resolve; SAM then leaves the variable's intrinsic in place, which becomes "". */
    static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message);
        }
    }

    private final CfnTemplate template;
    private final Map<String, Object> values = new LinkedHashMap<>();

    SamLocalResolution(CfnTemplate template, Map<String, String> parameterOverrides) {
        this.template = template;
        values.putAll(PSEUDO);
        template.parameters().forEach((name, definition) -> {
            Object fallback = map(definition).get("Default");
            if (fallback != null) {
                values.put(name, String.valueOf(fallback));
            }
        });
        values.putAll(parameterOverrides);
    }

    /** What the function's process environment holds under {@code sam local invoke}. */
    Map<String, String> environment(String functionId, JsonNode envVarsFile) {
        Map<String, Object> properties = template.functionProperties(functionId);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_SAM_LOCAL", "true");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(properties.get("MemorySize")));
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", String.valueOf(properties.get("Timeout")));
        env.put("AWS_LAMBDA_FUNCTION_HANDLER", String.valueOf(properties.get("Handler")));
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "aws/lambda/" + functionId);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "defaultkey");
        env.put("AWS_SECRET_ACCESS_KEY", "defaultsecret");
        env.put("AWS_ACCOUNT_ID", "123456789012");
        JsonNode overrides = envVarsFile == null ? null : envVarsFile.get(functionId);
        template.environment(functionId).forEach((name, value) -> {
            String resolved;
            try {
                resolved = string(resolve(value));
            } catch (Unresolved e) {
                resolved = "";
            }
            if (overrides != null && overrides.has(name)) {
                resolved = overrides.get(name).asText();
            }
            env.put(name, resolved);
        });
        return env;
    }

    Object resolve(Object node) {
        if (node instanceof List<?> items) {
            List<Object> out = new ArrayList<>();
            items.forEach(item -> out.add(resolve(item)));
            return out;
        }
        if (!(node instanceof Map<?, ?> m) || m.isEmpty()) {
            return node;
        }
        String fn = String.valueOf(m.keySet().iterator().next());
        Object arg = m.get(fn);
        return switch (fn) {
            case "Ref" -> symbol(text(resolve(arg)), "Ref");
            case "Fn::GetAtt" -> {
                List<Object> parts = list(resolve(arg));
                yield symbol(text(parts.get(0)), text(parts.get(1)));
            }
            case "Fn::Sub" -> sub(arg);
            case "Fn::Join" -> {
                List<Object> parts = list(resolve(arg));
                Object items = resolve(parts.get(1));
                if (!(items instanceof List<?> l)) {
                    throw new Unresolved("Fn::Join needs a list, got " + items);
                }
                List<String> strings = new ArrayList<>();
                l.forEach(item -> strings.add(text(resolve(item))));
                yield String.join(text(parts.get(0)), strings);
            }
            case "Fn::Split" -> {
                List<Object> parts = list(resolve(arg));
                yield List.of(text(parts.get(1)).split(Pattern.quote(text(parts.get(0))), -1));
            }
            case "Fn::Select" -> {
                List<Object> parts = list(resolve(arg));
                Object items = resolve(parts.get(1));
                int index = Integer.parseInt(text(parts.get(0)));
                if (!(items instanceof List<?> l) || index < 0 || index >= l.size()) {
                    throw new Unresolved("Fn::Select out of range");
                }
                yield l.get(index);
            }
            case "Fn::If" -> {
                List<Object> parts = list(arg);
                Object whenTrue = resolve(parts.get(1));
                Object whenFalse = resolve(parts.get(2));
                yield condition(text(parts.get(0))) ? whenTrue : whenFalse;
            }
            case "Fn::Equals" -> {
                List<Object> parts = list(arg);
                yield String.valueOf(resolve(parts.get(0))).equals(String.valueOf(resolve(parts.get(1))));
            }
            case "Fn::Not" -> !truth(list(arg).get(0));
            case "Fn::And" -> list(arg).stream().allMatch(this::truth);
            case "Fn::Or" -> list(arg).stream().anyMatch(this::truth);
            case "Condition" -> condition(text(arg));
            default -> {
                if (fn.startsWith("Fn::")) {
                    throw new Unresolved(fn + " is not resolved here");
                }
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v)));
                yield out;
            }
        };
    }

    private boolean truth(Object node) {
        Object value = resolve(node);
        if (!(value instanceof Boolean b)) {
            throw new Unresolved("not a condition: " + node);
        }
        return b;
    }

    private boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new Unresolved("no condition " + name);
        }
        return truth(definition);
    }

    /** SAM's symbol table: parameters and pseudo parameters, else a resource's logical id, else an ARN for Arn. */
    private Object symbol(String logicalId, String attribute) {
        if (attribute.equals("Ref")) {
            if (values.containsKey(logicalId)) {
                return values.get(logicalId);
            }
            if (logicalId.equals("AWS::NoValue")) {
                return null;
            }
            return logicalId;
        }
        if (attribute.equals("Arn")) {
            return "arn:aws:lambda:us-east-1:123456789012:function:" + logicalId;
        }
        throw new Unresolved("GetAtt " + logicalId + "." + attribute);
    }

    private String sub(Object arg) {
        List<Object> parts = arg instanceof String ? List.of(arg, Map.of()) : list(arg);
        String text = text(resolve(parts.get(0)));
        Map<String, Object> variables = map(resolve(parts.get(1)));
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String item = m.group(1);
            String name = variables.containsKey(item) ? text(variables.get(item)) : item;
            Object value;
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && !name.startsWith("AWS::")) {
                String attribute = name.substring(dot + 1);
                value = attribute.equals("Arn") ? symbol(name.substring(0, dot), "Arn") : "${" + name + "}";
            } else {
                value = symbol(name, "Ref");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) {
            throw new Unresolved("not a string: " + value);
        }
        return s;
    }

    /** SAM's stringify: lists, maps and null become "", booleans lower-case. */
    private static String string(Object value) {
        if (value == null || value instanceof List<?> || value instanceof Map<?, ?>) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return String.valueOf(value);
    }
}
