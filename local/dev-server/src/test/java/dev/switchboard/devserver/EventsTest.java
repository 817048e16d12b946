package dev.switchboard.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample in {@code events/} runs, as {@code --invoke} runs it, through the function it names against
 * the emulator, in an order that makes each one meaningful (allow before remove, on before off). A sample
 * that no longer matches what its function accepts fails here.
 */
class EventsTest {

    private static final List<String> ORDER = List.of(
            "vpn-portal-status", "vpn-portal-alb-get-root", "vpn-portal-alb-get-status", "vpn-portal-on",
            "vpn-portal-alb-post-on", "vpn-portal-repair", "vpn-auto-off-dry-run", "vpn-auto-off-idle", "vpn-auto-off-scheduler",
            "vpn-auto-off-scheduled-event", "vpn-portal-alb-post-off", "vpn-portal-off", "vpn-auto-off-force",
            "connect-show", "connect-alb-get", "connect-alb-get-check", "connect-allow", "connect-alb-post-allow",
            "connect-block", "connect-check", "connect-remove", "connect-set-sessions", "connect-reset",
            "notifier-subscription");

    private static DevServer server;

    @BeforeAll
    static void start() {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Path events() {
        return ShadedJarTest.root().resolve("events");
    }

    @Test
    void order_coversEveryEventFile() throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(events())) {
            all.filter(p -> p.toString().endsWith(".json"))
                    .forEach(p -> files.add(p.getFileName().toString().replace(".json", "")));
        }
        assertThat(ORDER).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyEvent_runsThroughItsFunction_withoutError() throws Exception {
        for (String name : ORDER) {
            String function = name.startsWith("vpn-portal") ? "vpn-portal"
                    : name.startsWith("vpn-auto-off") ? "vpn-auto-off"
                    : name.startsWith("notifier") ? "notifier" : "connect-ip-rules";
            String output = server.invoke(function, Files.readAllBytes(events().resolve(name + ".json")),
                    DemoUsers.ADMIN.email());
            JsonNode answer = Json.mapper().readTree(output);

            if (answer.has("statusCode")) {
                assertThat(answer.get("statusCode").asInt()).as(name + ": " + output).isIn(200, 303);
            } else {
                assertThat(answer.path("ok").asBoolean()).as(name + ": " + output).isTrue();
            }
        }
    }
}
