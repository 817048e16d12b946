package dev.switchboard.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed template with the few views the checks need. Values are the raw YAML trees (maps, lists, strings). */
final class CfnTemplate {

    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, Object> root;

    private CfnTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static CfnTemplate parse(String yaml) {
        return new CfnTemplate(CfnYaml.parse(yaml));
    }

    static CfnTemplate load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> parameters() {
        return section("Parameters");
    }

    Map<String, Object> conditions() {
        return section("Conditions");
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> outputs() {
        return section("Outputs");
    }

    Map<String, Object> resource(String id) {
        Map<String, Object> resource = map(resources().get(id));
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("no resource " + id);
        }
        return resource;
    }

    Map<String, Object> properties(String id) {
        return map(resource(id).get("Properties"));
    }

    Optional<String> condition(String id) {
        return Optional.ofNullable((String) resource(id).get("Condition"));
    }

    String type(String id) {
        return (String) resource(id).get("Type");
    }

    List<String> resourcesOfType(String type) {
        return resources().entrySet().stream()
                .filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Function ids, in template order. */
    List<String> functions() {
        return resourcesOfType(FUNCTION_TYPE);
    }

    /** A function's properties with the template's Globals.Function filled in where the function sets nothing. */
    Map<String, Object> functionProperties(String id) {
        Map<String, Object> merged = new LinkedHashMap<>(map(map(section("Globals").get("Function"))));
        merged.putAll(properties(id));
        return merged;
    }

    /** Environment variables a function sets (names only matter to most checks). */
    Map<String, Object> environment(String functionId) {
        return map(map(functionProperties(functionId).get("Environment")).get("Variables"));
    }

    private Map<String, Object> section(String name) {
        return map(root.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    static List<Object> list(Object value) {
        if (value instanceof List<?> items) {
            return new ArrayList<>(items);
        }
        return value == null ? List.of() : List.of(value);
    }

    /** The single-key intrinsic name of a node ({@code Ref}, {@code Fn::Sub}, {@code Condition}), if it is one. */
    static Optional<String> intrinsic(Object node) {
        if (node instanceof Map<?, ?> m && m.size() == 1) {
            String key = String.valueOf(m.keySet().iterator().next());
            if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** What a template element points at: a Ref, a GetAtt, or a variable inside a Sub. */
    record Reference(String kind, String target, Set<String> knownTrue) {
        /** The logical id or parameter the reference depends on ({@code Fn.Alias} → {@code Fn}). */
        String logicalId() {
            int dot = target.indexOf('.');
            return dot < 0 ? target : target.substring(0, dot);
        }
    }

    /**
     * Every Ref, GetAtt and Sub variable under {@code node}. {@code knownTrue} collects the conditions that must hold
     * for the element to be evaluated: the resource's own Condition plus the first argument of each enclosing
     * {@code Fn::If} true branch.
     */
    static List<Reference> references(Object node, Set<String> knownTrue) {
        List<Reference> found = new ArrayList<>();
        collect(node, knownTrue, found);
        return found;
    }

    private static void collect(Object node, Set<String> knownTrue, List<Reference> found) {
        Optional<String> fn = intrinsic(node);
        if (fn.isPresent()) {
            Object arg = map(node).get(fn.get());
            switch (fn.get()) {
                case "Ref" -> {
                    found.add(new Reference("Ref", String.valueOf(arg), knownTrue));
                    return;
                }
                case "Fn::GetAtt" -> {
                    List<Object> parts = list(arg);
                    found.add(new Reference("GetAtt", String.valueOf(parts.get(0)), knownTrue));
                    return;
                }
                case "Fn::Sub" -> {
                    List<Object> parts = arg instanceof String ? List.of(arg) : list(arg);
                    Map<String, Object> locals = parts.size() > 1 ? map(parts.get(1)) : Map.of();
                    Matcher m = SUB_VARIABLE.matcher(String.valueOf(parts.get(0)));
                    while (m.find()) {
                        String variable = m.group(1).trim();
                        if (!variable.startsWith("!") && !locals.containsKey(variable)) {
                            found.add(new Reference(variable.contains(".") && !variable.startsWith("AWS::")
                                    ? "GetAtt" : "Ref", variable, knownTrue));
                        }
                    }
                    locals.values().forEach(v -> collect(v, knownTrue, found));
                    return;
                }
                case "Fn::If" -> {
                    List<Object> parts = list(arg);
                    Set<String> whenTrue = new java.util.HashSet<>(knownTrue);
                    whenTrue.add(String.valueOf(parts.get(0)));
                    collect(parts.get(1), Set.copyOf(whenTrue), found);
                    collect(parts.get(2), knownTrue, found);
                    return;
                }
                default -> {
                    // Other functions just nest values.
                }
            }
        }
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, knownTrue, found));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, knownTrue, found));
        }
    }

    /** Every condition name used: Fn::If first arguments and {@code {"Condition": name}} nodes. */
    static List<String> conditionUses(Object node) {
        List<String> found = new ArrayList<>();
        collectConditionUses(node, found);
        return found;
    }

    private static void collectConditionUses(Object node, List<String> found) {
        Optional<String> fn = intrinsic(node);
        if (fn.isPresent() && fn.get().equals("Fn::If")) {
            found.add(String.valueOf(list(map(node).get("Fn::If")).get(0)));
        } else if (fn.isPresent() && fn.get().equals("Condition")) {
            found.add(String.valueOf(map(node).get("Condition")));
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectConditionUses(v, found));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectConditionUses(v, found));
        }
    }
}
