package dev.switchboard.template;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.json.Json;
import dev.switchboard.emulator.AwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code sam build} then {@code sam local invoke <Function> -e events/<command>.json --env-vars local/sam/env-vars.json}
 * for every direct command: each function is started with the environment SAM CLI would give it (see
 * {@link SamLocalResolution}) and runs every direct-command sample of its own, here against the emulator (whose
 * demo endpoint, subnets and Connect instance the shipped file names) instead of an AWS account.
 */
class SamLocalInvokeTest {

    private static final Path ROOT = RepoRoot.get();
    private static final CfnTemplate TEMPLATE = CfnTemplate.load(ROOT.resolve("template.yaml"));
    /** "on" before "off", a dry run before the real one, an allow before its remove. */
    private static final List<String> ORDER = List.of("status", "show", "on", "repair", "dry-run", "idle", "scheduler",
            "scheduled-event", "off", "force", "allow", "block", "check", "remove", "set-sessions", "reset", "subscription");
    private static final Map<String, String> PROPERTIES = Map.of("aws.endpointUrlEc2", "", "aws.endpointUrlConnect", "",
            "aws.endpointUrlSns", "", "aws.accessKeyId", "local", "aws.secretAccessKey", "local");

    private static AwsEmulator emulator;
    private static final Map<String, String> previous = new HashMap<>();

    @BeforeAll
    static void startEmulator() {
        emulator = AwsEmulator.start(0);
        AwsEmulator.seedDemo(emulator);
        // What AWS_ENDPOINT_URL_* would do in the container, through the SDK's own system-property twins.
        PROPERTIES.forEach((key, value) -> {
            previous.put(key, System.getProperty(key));
            System.setProperty(key, value.isEmpty() ? emulator.endpoint().toString() : value);
        });
    }

    @AfterAll
    static void stopEmulator() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        emulator.close();
    }

    private static JsonNode envVarsFile() throws IOException {
        return Json.mapper().readTree(Files.readString(ROOT.resolve("local/sam/env-vars.json")));
    }

    private static RequestStreamHandler start(String functionId, Map<String, String> env) throws Exception {
        String handler = String.valueOf(TEMPLATE.functionProperties(functionId).get("Handler")).split("::")[0];
        try {
            return (RequestStreamHandler) Class.forName(handler).getConstructor(Env.class).newInstance(Env.of(env));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** The direct-command samples (no ALB request) of each function, in a meaningful order. */
    private static Map<String, List<Path>> directCommands() throws IOException {
        Map<String, String> modules = TemplateChecks.functionModules(TEMPLATE, ROOT, new ArrayList<>());
        Map<String, String> byPrefix = TemplateChecks.eventPrefixes(modules);
        Map<String, List<Path>> commands = new HashMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                if (Json.mapper().readTree(Files.readString(file)).path("requestContext").has("elb")) {
                    continue;
                }
                String name = file.getFileName().toString();
                byPrefix.entrySet().stream().filter(e -> name.startsWith(e.getKey() + "-")).findFirst()
                        .ifPresent(e -> commands.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(file));
            }
        }
        commands.values().forEach(list -> list.sort(Comparator.comparingInt(SamLocalInvokeTest::rank)));
        return commands;
    }

    private static int rank(Path file) {
        String name = file.getFileName().toString().replace(".json", "");
        for (int i = 0; i < ORDER.size(); i++) {
            if (name.endsWith("-" + ORDER.get(i))) {
                return i;
            }
        }
        return ORDER.size();
    }

    @Test
    void samLocalInvoke_everyDirectCommandOfEveryFunction_runsWithTheShippedEnvVarsFile() throws Exception {
        Map<String, List<Path>> commands = directCommands();
        JsonNode file = envVarsFile();

        assertThat(commands.keySet()).containsExactlyInAnyOrderElementsOf(TEMPLATE.functions());
        int ran = 0;
        for (String function : TEMPLATE.functions()) {
            Map<String, String> env = new SamLocalResolution(TEMPLATE, Map.of()).environment(function, file);
            RequestStreamHandler handler = start(function, env);
            for (Path event : commands.get(function)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(event)), out, null);
                JsonNode answer = Json.mapper().readTree(out.toByteArray());

                assertThat(answer.path("ok").asBoolean()).as(function + " " + event.getFileName() + ": " + answer).isTrue();
                ran++;
            }
        }
        assertThat(ran).isGreaterThanOrEqualTo(10);
    }

    @Test
    void samLocalInvoke_withoutTheEnvVarsFile_albFunctionsFailTheirInitOnTheUnresolvedLoadBalancerRef() throws Exception {
        for (String function : List.of("VpnPortalFunction", "ConnectIpRulesFunction")) {
            Map<String, String> env = new SamLocalResolution(TEMPLATE, Map.of()).environment(function, null);

            assertThat(env.get("ALB_ARN")).isEqualTo("LoadBalancer");
            assertThat(catchThrowable(() -> start(function, env))).as(function)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("ALB_ARN");
        }
    }

    @Test
    void samLocalInvoke_withoutTheEnvVarsFile_parametersWithoutDefaultAndTheSubnetListDoNotResolve() {
        Map<String, String> env = new SamLocalResolution(TEMPLATE, Map.of()).environment("VpnAutoOffFunction", null);

        assertThat(env).containsEntry("TARGET_SUBNET_IDS", "")
                .containsEntry("CLIENT_VPN_ENDPOINT_ID", "ClientVpnEndpointId")
                .containsEntry("METRICS_NAMESPACE", "Switchboard/local")
                .containsEntry("IDLE_MINUTES", parameterDefault("IdleMinutes"))
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "VpnAutoOffFunction");
        assertThat(catchThrowable(() -> start("VpnAutoOffFunction", env)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLIENT_VPN_ENDPOINT_ID");
        // --parameter-overrides cannot help the list: SAM CLI keeps a List parameter as one string, and Join refuses it.
        Map<String, String> overridden = new SamLocalResolution(TEMPLATE,
                Map.of("TargetSubnetIds", "subnet-0aaa1111bbbb2222c,subnet-0ddd3333eeee4444f")).environment("VpnAutoOffFunction", null);
        assertThat(overridden).containsEntry("TARGET_SUBNET_IDS", "");
    }

    /** A parameter's default as the template writes it: the defaults are chosen elsewhere (COST.md), not here. */
    private static String parameterDefault(String parameter) {
        return String.valueOf(CfnTemplate.map(TEMPLATE.parameters().get(parameter)).get("Default"));
    }

    @Test
    void envVarsFile_namesOnlyFunctionsAndVariablesTheTemplateDeclares() throws IOException {
        // SAM CLI ignores a variable the template does not declare for that function: such an entry would be a lie.
        envVarsFile().fields().forEachRemaining(function -> {
            assertThat(TEMPLATE.functions()).contains(function.getKey());
            function.getValue().fieldNames().forEachRemaining(name ->
                    assertThat(TEMPLATE.environment(function.getKey())).as(function.getKey()).containsKey(name));
        });
    }
}
