package dev.switchboard.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.switchboard.template.CfnTemplate.list;
import static dev.switchboard.template.CfnTemplate.map;

/**
 * The contract checks on template.yaml. Each returns the problems it found, in words a reviewer can act on; an
 * empty list means the check passed. Tests run them on the real template and on small broken templates, so a
 * check that silently stopped finding anything would fail too.
 */
final class TemplateChecks {

    private TemplateChecks() {
    }

    // ------------------------------------------------------------------ handlers and code

    /** The module each function's code comes from, as the build (Makefile target or CodeUri) says. */
    static Map<String, String> functionModules(CfnTemplate template, Path root, List<String> problems) {
        Map<String, String> modules = new LinkedHashMap<>();
        SourceScan scan = new SourceScan(root);
        for (String id : template.functions()) {
            Map<String, Object> props = template.functionProperties(id);
            String codeUri = String.valueOf(props.get("CodeUri"));
            Path codeDir = root.resolve(codeUri).normalize();
            boolean makefile = "makefile".equals(map(template.resource(id).get("Metadata")).get("BuildMethod"));
            Optional<String> module;
            if (makefile) {
                Path makefilePath = codeDir.resolve("Makefile");
                if (!Files.isRegularFile(makefilePath)) {
                    problems.add(id + ": BuildMethod makefile but there is no Makefile in CodeUri " + codeUri);
                    continue;
                }
                module = scan.makefileModule(makefilePath, id);
                if (module.isEmpty()) {
                    problems.add(id + ": the Makefile has no target build-" + id + " naming a functions/<module>");
                    continue;
                }
            } else {
                Path relative = root.relativize(codeDir);
                module = relative.getNameCount() >= 2 && relative.getName(0).toString().equals("functions")
                        ? Optional.of(relative.getName(1).toString()) : Optional.empty();
                if (module.isEmpty() || !Files.exists(codeDir)) {
                    problems.add(id + ": CodeUri " + codeUri + " is not an existing functions/<module> path");
                    continue;
                }
            }
            if (!Files.isRegularFile(scan.moduleDir(module.get()).resolve("pom.xml"))) {
                problems.add(id + ": module functions/" + module.get() + " does not exist");
                continue;
            }
            modules.put(id, module.get());
        }
        return modules;
    }

    static List<String> handlerProblems(CfnTemplate template, Path root) {
        List<String> problems = new ArrayList<>();
        Map<String, String> modules = functionModules(template, root, problems);
        for (String id : template.functions()) {
            Map<String, Object> props = template.functionProperties(id);
            if (!"java21".equals(props.get("Runtime"))) {
                problems.add(id + ": Runtime must be java21 (got " + props.get("Runtime") + ")");
            }
            String handler = String.valueOf(props.get("Handler"));
            String[] parts = handler.split("::", 2);
            if (parts.length != 2 || !parts[1].equals("handleRequest")) {
                problems.add(id + ": Handler " + handler + " must be <class>::handleRequest");
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(parts[0], false, TemplateChecks.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                problems.add(id + ": handler class " + parts[0] + " does not exist");
                continue;
            }
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                problems.add(id + ": " + parts[0] + " is not a RequestStreamHandler");
                continue;
            }
            try {
                type.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
                type.getConstructor();
            } catch (NoSuchMethodException e) {
                problems.add(id + ": " + parts[0] + " needs a public no-arg constructor and handleRequest");
            }
            String module = modules.get(id);
            if (module != null) {
                Path source = root.resolve("functions").resolve(module).resolve("src/main/java")
                        .resolve(parts[0].replace('.', '/') + ".java");
                if (!Files.isRegularFile(source)) {
                    problems.add(id + ": " + parts[0] + " is not in module functions/" + module
                            + ", the one its build packages");
                }
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ configuration contract

    static List<String> environmentProblems(CfnTemplate template, Path root) {
        List<String> problems = new ArrayList<>();
        Map<String, String> modules = functionModules(template, root, problems);
        SourceScan scan = new SourceScan(root);
        modules.forEach((id, module) -> {
            Set<String> set = template.environment(id).keySet();
            for (String name : scan.environmentReads(module)) {
                if (!set.contains(name)) {
                    problems.add(id + ": functions/" + module + " reads " + name + " but the template does not set it");
                }
            }
            set.stream().filter(SourceScan::platformProvided)
                    .forEach(name -> problems.add(id + ": sets " + name + ", which Lambda or the SDK owns"));
        });
        return problems;
    }

    // ------------------------------------------------------------------ least privilege

    record Statement(String where, Map<String, Object> body) {
    }

    /** Every permission statement the template grants (trust policies excluded). */
    static List<Statement> statements(CfnTemplate template) {
        List<Statement> found = new ArrayList<>();
        template.resources().forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            Map<String, Object> props = map(resource.get("Properties"));
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group" ->
                        list(props.get("Policies")).forEach(p -> addStatements(found, id, map(map(p).get("PolicyDocument"))));
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy" ->
                        addStatements(found, id, map(props.get("PolicyDocument")));
                case CfnTemplate.FUNCTION_TYPE -> list(template.functionProperties(id).get("Policies"))
                        .forEach(p -> addStatements(found, id, map(p)));
                default -> {
                }
            }
        });
        return found;
    }

    private static void addStatements(List<Statement> found, String where, Map<String, Object> document) {
        list(document.get("Statement")).forEach(s -> found.add(new Statement(where, map(s))));
    }

    static List<String> iamProblems(CfnTemplate template) {
        List<String> problems = new ArrayList<>();
        for (Statement statement : statements(template)) {
            Map<String, Object> body = statement.body();
            String label = statement.where() + (body.containsKey("Sid") ? "/" + body.get("Sid") : "");
            if (body.containsKey("NotAction") || body.containsKey("NotResource")) {
                problems.add(label + ": NotAction/NotResource grant more than they name");
            }
            if (!"Allow".equals(body.get("Effect"))) {
                continue;
            }
            List<String> actions = list(body.get("Action")).stream().map(String::valueOf).toList();
            for (String action : actions) {
                if (action.equals("*") || action.endsWith(":*")) {
                    problems.add(label + ": wildcard action " + action);
                }
            }
            if (containsStar(body.get("Resource"))) {
                for (String action : actions) {
                    if (!readOnly(action)) {
                        problems.add(label + ": " + action + " changes things but is granted on Resource \"*\"");
                    }
                }
            }
        }
        template.resources().forEach((id, value) -> {
            Map<String, Object> props = map(map(value).get("Properties"));
            List<Object> managed = new ArrayList<>(list(props.get("ManagedPolicyArns")));
            if (CfnTemplate.FUNCTION_TYPE.equals(map(value).get("Type"))) {
                list(template.functionProperties(id).get("Policies")).stream().filter(p -> p instanceof String)
                        .forEach(managed::add);
            }
            for (Object policy : managed) {
                String text = String.valueOf(policy);
                if (text.contains("FullAccess") || text.endsWith("AdministratorAccess") || text.endsWith("PowerUserAccess")) {
                    problems.add(id + ": broad managed policy " + text);
                }
            }
        });
        return problems;
    }

    static boolean readOnly(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get");
    }

    private static boolean containsStar(Object node) {
        if ("*".equals(node)) {
            return true;
        }
        if (node instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(TemplateChecks::containsStar);
        }
        return node instanceof List<?> l && l.stream().anyMatch(TemplateChecks::containsStar);
    }

    // ------------------------------------------------------------------ logs

    static List<String> logGroupProblems(CfnTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (String id : template.functions()) {
            Map<String, Object> logging = map(template.functionProperties(id).get("LoggingConfig"));
            Object group = logging.get("LogGroup");
            String groupId = CfnTemplate.intrinsic(group).filter("Ref"::equals).map(k -> String.valueOf(map(group).get(k)))
                    .orElse(null);
            if (groupId == null || !"AWS::Logs::LogGroup".equals(map(template.resources().get(groupId)).get("Type"))) {
                problems.add(id + ": LoggingConfig.LogGroup must !Ref its own AWS::Logs::LogGroup");
                continue;
            }
            if (!"JSON".equals(logging.get("LogFormat"))) {
                problems.add(id + ": LoggingConfig.LogFormat must be JSON");
            }
            if (!template.properties(groupId).containsKey("RetentionInDays")) {
                problems.add(groupId + ": log group of " + id + " keeps logs forever (no RetentionInDays)");
            }
            String previous = owner.putIfAbsent(groupId, id);
            if (previous != null) {
                problems.add(groupId + ": shared by " + previous + " and " + id);
            }
            if (!template.condition(groupId).equals(template.condition(id))) {
                problems.add(groupId + ": must exist exactly when " + id + " does (same Condition)");
            }
            if (!roleCanWriteTo(template, id, groupId)) {
                problems.add(id + ": its role has no logs:PutLogEvents on " + groupId);
            }
        }
        return problems;
    }

    private static boolean roleCanWriteTo(CfnTemplate template, String functionId, String groupId) {
        Object role = template.functionProperties(functionId).get("Role");
        List<CfnTemplate.Reference> roleRefs = CfnTemplate.references(role, Set.of());
        if (roleRefs.isEmpty()) {
            return false;
        }
        String roleId = roleRefs.get(0).logicalId();
        return statements(template).stream()
                .filter(s -> s.where().equals(roleId))
                .filter(s -> list(s.body().get("Action")).contains("logs:PutLogEvents"))
                .anyMatch(s -> CfnTemplate.references(s.body().get("Resource"), Set.of()).stream()
                        .anyMatch(r -> r.logicalId().equals(groupId)));
    }

    // ------------------------------------------------------------------ operations: alarms, metric filters, queries

    /**
     * Alarms notify only this stack's own SNS topics (an ARN typed in would notify someone else); metric filters and
     * saved queries read only this stack's log groups; no topic policy opens a topic to everyone.
     */
    static List<String> operationsProblems(CfnTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> topics = Set.copyOf(template.resourcesOfType("AWS::SNS::Topic"));
        Set<String> logGroups = Set.copyOf(template.resourcesOfType("AWS::Logs::LogGroup"));
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            List<Object> actions = new ArrayList<>();
            for (String key : List.of("AlarmActions", "OKActions", "InsufficientDataActions")) {
                actions.addAll(list(template.properties(alarm).get(key)));
            }
            if (list(template.properties(alarm).get("AlarmActions")).isEmpty()) {
                problems.add(alarm + ": has no AlarmActions, so nobody hears it");
            }
            for (Object action : actions) {
                if (!refersOnlyTo(action, topics)) {
                    problems.add(alarm + ": notifies " + action + ", which is not an SNS topic of this stack");
                }
            }
        }
        for (String filter : template.resourcesOfType("AWS::Logs::MetricFilter")) {
            if (!refersOnlyTo(template.properties(filter).get("LogGroupName"), logGroups)) {
                problems.add(filter + ": reads a log group that is not one of this stack's");
            }
        }
        for (String query : template.resourcesOfType("AWS::Logs::QueryDefinition")) {
            Object groups = template.properties(query).get("LogGroupNames");
            if (groups == null || !refersOnlyTo(groups, logGroups)) {
                problems.add(query + ": LogGroupNames must name only this stack's log groups");
            }
        }
        problems.addAll(subscriptionProblems(template, logGroups));
        for (String policy : template.resourcesOfType("AWS::SNS::TopicPolicy")) {
            for (Object statement : list(map(template.properties(policy).get("PolicyDocument")).get("Statement"))) {
                Object principal = map(statement).get("Principal");
                if ("*".equals(principal) || "*".equals(map(principal).get("AWS"))) {
                    problems.add(policy + ": opens a topic to every principal");
                }
            }
        }
        return problems;
    }

    /**
     * Subscription filters read only this stack's log groups, at most two on one group (CloudWatch Logs' limit) and
     * deliver only to this stack's functions, each of which lets CloudWatch Logs invoke it for exactly that log group
     * of this account; a permission for CloudWatch Logs names one of this stack's log groups and the account.
     */
    private static List<String> subscriptionProblems(CfnTemplate template, Set<String> logGroups) {
        List<String> problems = new ArrayList<>();
        Set<String> functions = Set.copyOf(template.functions());
        Map<String, Integer> perGroup = new HashMap<>();
        List<String> permissions = template.resourcesOfType("AWS::Lambda::Permission").stream()
                .filter(id -> "logs.amazonaws.com".equals(template.properties(id).get("Principal"))).toList();
        for (String permission : permissions) {
            Map<String, Object> props = template.properties(permission);
            if (!refersOnlyTo(props.get("SourceArn"), logGroups)) {
                problems.add(permission + ": lets CloudWatch Logs invoke for a SourceArn that is not one of this stack's log groups");
            }
            if (!Map.of("Ref", "AWS::AccountId").equals(props.get("SourceAccount"))) {
                problems.add(permission + ": SourceAccount must be !Ref AWS::AccountId");
            }
        }
        for (String filter : template.resourcesOfType("AWS::Logs::SubscriptionFilter")) {
            Map<String, Object> props = template.properties(filter);
            Object group = props.get("LogGroupName");
            if (!refersOnlyTo(group, logGroups)) {
                problems.add(filter + ": reads a log group that is not one of this stack's");
                continue;
            }
            String groupId = CfnTemplate.references(group, Set.of()).get(0).logicalId();
            if (perGroup.merge(groupId, 1, Integer::sum) == 3) {
                problems.add(groupId + ": more than two subscription filters (CloudWatch Logs allows two per log group)");
            }
            Object destination = props.get("DestinationArn");
            if (!refersOnlyTo(destination, functions)) {
                problems.add(filter + ": delivers to " + destination + ", which is not a function of this stack");
                continue;
            }
            boolean allowed = permissions.stream().map(template::properties)
                    .anyMatch(p -> p.get("FunctionName") != null && p.get("FunctionName").equals(destination)
                            && CfnTemplate.references(p.get("SourceArn"), Set.of()).stream()
                            .anyMatch(r -> r.logicalId().equals(groupId)));
            if (!allowed) {
                problems.add(filter + ": no AWS::Lambda::Permission lets CloudWatch Logs invoke " + destination
                        + " for " + groupId);
            }
        }
        return problems;
    }

    /** Whether every Ref/GetAtt under {@code node} names one of {@code ids}, and there is at least one, and no literal. */
    private static boolean refersOnlyTo(Object node, Set<String> ids) {
        List<CfnTemplate.Reference> refs = CfnTemplate.references(node, Set.of());
        if (refs.isEmpty() || hasLiteral(node)) {
            return false;
        }
        return refs.stream().allMatch(r -> ids.contains(r.logicalId()) || r.target().equals("AWS::NoValue"));
    }

    /** A plain string among the values (outside intrinsic functions' own arguments, e.g. Fn::If's condition). */
    private static boolean hasLiteral(Object node) {
        if (node instanceof String) {
            return true;
        }
        Optional<String> fn = CfnTemplate.intrinsic(node);
        if (fn.isPresent()) {
            if (fn.get().equals("Fn::If")) {
                List<Object> parts = list(map(node).get("Fn::If"));
                return hasLiteral(parts.get(1)) || hasLiteral(parts.get(2));
            }
            return false;
        }
        if (node instanceof List<?> l) {
            return l.stream().anyMatch(TemplateChecks::hasLiteral);
        }
        return false;
    }

    // ------------------------------------------------------------------ references, conditions, cycles

    static List<String> referenceProblems(CfnTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> aliased = aliasedFunctions(template);
        forEachElement(template, (where, element, condition) -> {
            for (CfnTemplate.Reference ref : CfnTemplate.references(element, Set.of())) {
                String target = ref.target();
                boolean ok;
                if (ref.kind().equals("Ref")) {
                    ok = CfnTemplate.PSEUDO_PARAMETERS.contains(target) || template.parameters().containsKey(target)
                            || template.resources().containsKey(target)
                            || (target.endsWith(".Alias") || target.endsWith(".Version")) && aliased.contains(ref.logicalId());
                } else {
                    ok = template.resources().containsKey(ref.logicalId());
                }
                if (!ok) {
                    problems.add(where + ": " + ref.kind() + " to " + target + ", which is not a "
                            + (ref.kind().equals("Ref") ? "parameter, resource or pseudo parameter" : "resource"));
                }
            }
        });
        template.resources().forEach((id, value) -> dependsOn(value).stream()
                .filter(d -> !template.resources().containsKey(d))
                .forEach(d -> problems.add(id + ": DependsOn " + d + ", which is not a resource")));
        return problems;
    }

    static List<String> conditionProblems(CfnTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> defined = template.conditions().keySet();
        List<String> used = new ArrayList<>(CfnTemplate.conditionUses(template.root()));
        template.resources().values().forEach(r -> Optional.ofNullable(map(r).get("Condition")).map(String::valueOf).ifPresent(used::add));
        template.outputs().values().forEach(o -> Optional.ofNullable(map(o).get("Condition")).map(String::valueOf).ifPresent(used::add));
        used.stream().filter(c -> !defined.contains(c)).distinct()
                .forEach(c -> problems.add("condition " + c + " is used but not defined in Conditions"));
        defined.stream().filter(c -> !used.contains(c))
                .forEach(c -> problems.add("condition " + c + " is defined but never used"));
        // A resource that exists without the condition of a resource it points at breaks the stack when that
        // condition is false ("unresolved resource dependencies").
        forEachElement(template, (where, element, condition) -> {
            Set<String> known = condition == null ? Set.of() : Set.of(condition);
            for (CfnTemplate.Reference ref : CfnTemplate.references(element, known)) {
                checkGuarded(template, where, ref.logicalId(), ref.knownTrue(), problems);
            }
        });
        template.resources().forEach((id, value) -> {
            String condition = (String) map(value).get("Condition");
            dependsOn(value).forEach(d -> checkGuarded(template, id, d,
                    condition == null ? Set.of() : Set.of(condition), problems));
        });
        return problems;
    }

    private static void checkGuarded(CfnTemplate template, String where, String targetId, Set<String> knownTrue,
                                     List<String> problems) {
        Object target = template.resources().get(targetId);
        String needed = target == null ? null : (String) map(target).get("Condition");
        if (needed != null && knownTrue.stream().noneMatch(c -> implies(template, c, needed))) {
            problems.add(where + ": uses " + targetId + ", which exists only when " + needed
                    + ", without being under that condition");
        }
    }

    /** Whether condition {@code a} being true guarantees {@code b}: the same, or {@code a} is an And over {@code b}. */
    static boolean implies(CfnTemplate template, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Object definition = template.conditions().get(a);
        if (CfnTemplate.intrinsic(definition).filter("Fn::And"::equals).isPresent()) {
            for (Object part : list(map(definition).get("Fn::And"))) {
                if (CfnTemplate.intrinsic(part).filter("Condition"::equals).isPresent()
                        && implies(template, String.valueOf(map(part).get("Condition")), b)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> cycleProblems(CfnTemplate template) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        template.resources().forEach((id, value) -> {
            Set<String> targets = new HashSet<>(dependsOn(value));
            CfnTemplate.references(map(value).get("Properties"), Set.of()).stream()
                    .map(CfnTemplate.Reference::logicalId)
                    .filter(template.resources()::containsKey)
                    .forEach(targets::add);
            edges.put(id, targets);
        });
        List<String> problems = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String id : edges.keySet()) {
            findCycle(id, edges, state, new ArrayList<>(), problems);
        }
        return problems;
    }

    private static void findCycle(String id, Map<String, Set<String>> edges, Map<String, Integer> state,
                                  List<String> path, List<String> problems) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            problems.add("dependency cycle: " + String.join(" -> ", path.subList(path.indexOf(id), path.size())) + " -> " + id);
            return;
        }
        state.put(id, 1);
        path.add(id);
        for (String next : edges.getOrDefault(id, Set.of())) {
            findCycle(next, edges, state, path, problems);
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    // ------------------------------------------------------------------ sample events

    /**
     * Every events/*.json is a JSON object whose file name starts with a function's module name (or a shorter
     * prefix of it that no other function's module shares, e.g. {@code connect-} for connect-ip-rules), and an ALB
     * event only goes to a function a target group puts behind the load balancer.
     */
    static List<String> eventProblems(CfnTemplate template, Path root, Path eventsDir) {
        List<String> problems = new ArrayList<>();
        Map<String, String> modules = functionModules(template, root, problems);
        Map<String, String> functionByPrefix = eventPrefixes(modules);
        Set<String> albTargets = albTargetFunctions(template);
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(eventsDir) ? Files.list(eventsDir) : Stream.empty()) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of("cannot list " + eventsDir + ": " + e.getMessage());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode event;
            try {
                event = Json.mapper().readTree(Files.readString(file));
            } catch (IOException e) {
                problems.add(name + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
                continue;
            }
            if (event == null || !event.isObject()) {
                problems.add(name + ": must be a JSON object");
                continue;
            }
            Optional<String> function = functionByPrefix.entrySet().stream()
                    .filter(e -> name.startsWith(e.getKey() + "-"))
                    .map(Map.Entry::getValue)
                    .findFirst();
            if (function.isEmpty()) {
                problems.add(name + ": names no function (prefixes: " + functionByPrefix.keySet() + ")");
                continue;
            }
            if (event.path("requestContext").has("elb") && !albTargets.contains(function.get())) {
                problems.add(name + ": an ALB event, but no target group puts " + function.get() + " behind the ALB");
            }
        }
        return problems;
    }

    static Map<String, String> eventPrefixes(Map<String, String> modules) {
        Map<String, String> byPrefix = new LinkedHashMap<>();
        modules.forEach((id, module) -> {
            String prefix = module;
            while (true) {
                byPrefix.put(prefix, id);
                int dash = prefix.lastIndexOf('-');
                if (dash < 0) {
                    break;
                }
                String shorter = prefix.substring(0, dash);
                boolean shared = modules.values().stream().anyMatch(m -> !m.equals(module)
                        && (m.equals(shorter) || m.startsWith(shorter + "-")));
                if (shared) {
                    break;
                }
                prefix = shorter;
            }
        });
        return byPrefix;
    }

    static Set<String> albTargetFunctions(CfnTemplate template) {
        Set<String> functions = new HashSet<>();
        for (String tg : template.resourcesOfType("AWS::ElasticLoadBalancingV2::TargetGroup")) {
            list(template.properties(tg).get("Targets")).forEach(t -> CfnTemplate.references(map(t).get("Id"), Set.of())
                    .forEach(r -> functions.add(r.logicalId())));
        }
        return functions;
    }

    // ------------------------------------------------------------------ helpers

    interface ElementVisitor {
        void visit(String where, Object element, String condition);
    }

    /** Resource properties, metadata and outputs, each with its own Condition. */
    private static void forEachElement(CfnTemplate template, ElementVisitor visitor) {
        template.resources().forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            String condition = (String) resource.get("Condition");
            visitor.visit(id, resource.get("Properties"), condition);
        });
        template.outputs().forEach((id, value) -> visitor.visit("Outputs." + id, map(value).get("Value"),
                (String) map(value).get("Condition")));
        Object globals = template.root().get("Globals");
        if (globals != null) {
            visitor.visit("Globals", globals, null);
        }
    }

    private static List<String> dependsOn(Object resource) {
        return list(map(resource).get("DependsOn")).stream().map(String::valueOf).toList();
    }

    private static Set<String> aliasedFunctions(CfnTemplate template) {
        Set<String> aliased = new HashSet<>();
        for (String id : template.functions()) {
            if (template.functionProperties(id).get("AutoPublishAlias") != null) {
                aliased.add(id);
            }
        }
        return aliased;
    }
}
