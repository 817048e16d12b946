package dev.switchboard.devserver;

import dev.switchboard.emulator.AwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each function's shaded jar — what Lambda runs — in a new JVM whose only settings are the
 * environment variables of the configuration contract, with the SDK's standard
 * {@code AWS_ENDPOINT_URL_EC2} / {@code AWS_ENDPOINT_URL_CONNECT} pointing at the emulator. It proves the
 * jars are complete, lean (no Connect SDK in the VPN jars) and need no endpoint code of ours.
 */
class ShadedJarTest {

    private static AwsEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = AwsEmulator.start(0);
        AwsEmulator.seedDemo(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    static Path root() {
        return Path.of(System.getProperty("switchboard.root", "../.."));
    }

    static Path shadedJar(String module) throws IOException {
        try (var files = Files.list(root().resolve("functions").resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("switchboard-" + module + "-.*-lambda\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no shaded jar for " + module + ": run mvn package"));
        }
    }

    /** The cold-start harness (local/benchmark's plain jar), which loads nothing of ours but the handler. */
    static Path harnessJar() throws IOException {
        try (var files = Files.list(root().resolve("local/benchmark/target"))) {
            return files.filter(p -> p.getFileName().toString().matches("switchboard-benchmark-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no benchmark harness jar: run mvn package"));
        }
    }

    private String runCold(String module, String handler, String eventJson) throws Exception {
        Path event = Files.createTempFile("event", ".json");
        Files.writeString(event, eventJson);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", shadedJar(module) + java.io.File.pathSeparator + harnessJar(),
                "dev.switchboard.benchmark.ColdStart", handler, event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ALB_"));
        env.putAll(DevServer.demoEnvironment("http://127.0.0.1:1/keys"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_EC2", emulator.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CONNECT", emulator.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SNS", emulator.endpoint().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void vpnPortalJar_onCommand_associatesThroughStandardEndpointVariable() throws Exception {
        int before = emulator.callCount("AssociateClientVpnTargetNetwork");

        String output = runCold("vpn-portal", "dev.switchboard.vpn.portal.VpnPortalHandler",
                "{\"command\":\"on\",\"requestedBy\":\"shaded-jar-test\"}");

        assertThat(output).contains("\"firstMs\"").contains("\"ok\":true");
        assertThat(emulator.callCount("AssociateClientVpnTargetNetwork") - before).isEqualTo(2);
    }

    @Test
    void vpnAutoOffJar_dryRun_answersWithoutActing() throws Exception {
        String output = runCold("vpn-auto-off", "dev.switchboard.vpn.autooff.VpnAutoOffHandler",
                "{\"command\":\"idle\",\"dryRun\":true}");

        assertThat(output).contains("\"firstMs\"").contains("\"mode\":\"idle\"");
        assertThat(emulator.callCount("DisassociateClientVpnTargetNetwork")).isZero();
    }

    @Test
    void connectJar_show_readsTheProfileThroughStandardEndpointVariable() throws Exception {
        int before = emulator.callCount("DescribeAuthenticationProfile");

        String output = runCold("connect-ip-rules", "dev.switchboard.connect.rules.ConnectIpRulesHandler",
                "{\"command\":\"show\"}");

        assertThat(output).contains("\"firstMs\"").contains("\"ok\":true");
        assertThat(emulator.callCount("DescribeAuthenticationProfile")).isGreaterThan(before);
    }

    @Test
    void notifierJar_subscriptionEvent_publishesThroughStandardEndpointVariable() throws Exception {
        int before = emulator.published(AwsEmulator.DEMO_TOPIC_ARN).size();

        String output = runCold("notifier", "dev.switchboard.notify.NotifierHandler",
                Files.readString(root().resolve("events/notifier-subscription.json")));

        assertThat(output).contains("\"firstMs\"").contains("\"ok\":true").contains("\"published\":1");
        assertThat(emulator.published(AwsEmulator.DEMO_TOPIC_ARN).size() - before).isEqualTo(1);
    }

    @Test
    void vpnJars_containNoConnectSdk_andConnectJarNoEc2Sdk() throws Exception {
        assertThat(packages("vpn-portal")).noneMatch(p -> p.startsWith("software/amazon/awssdk/services/connect/"));
        assertThat(packages("vpn-auto-off")).noneMatch(p -> p.startsWith("software/amazon/awssdk/services/connect/"));
        assertThat(packages("connect-ip-rules")).noneMatch(p -> p.startsWith("software/amazon/awssdk/services/ec2/"));
        assertThat(packages("notifier")).noneMatch(p -> p.startsWith("software/amazon/awssdk/services/ec2/")
                || p.startsWith("software/amazon/awssdk/services/connect/"));
        for (String module : List.of("vpn-portal", "vpn-auto-off", "connect-ip-rules", "notifier")) {
            assertThat(packages(module)).as(module + " has no Apache/Netty HTTP client")
                    .noneMatch(p -> p.startsWith("software/amazon/awssdk/http/apache/")
                            || p.startsWith("software/amazon/awssdk/http/nio/netty/") || p.startsWith("io/netty/"));
        }
    }

    private static List<String> packages(String module) throws IOException {
        try (JarFile jar = new JarFile(shadedJar(module).toFile())) {
            return jar.stream().map(e -> e.getName()).collect(Collectors.toList());
        }
    }
}
