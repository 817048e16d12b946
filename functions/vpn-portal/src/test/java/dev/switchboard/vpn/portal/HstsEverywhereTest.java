package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.emulator.Fault;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the portal gives through ALB carries Strict-Transport-Security (issue 13.5), the error answers of
 * every layer too: the dispatcher's (401, 413), the routes' (403, 404, 405, 400), the EC2 adapter's (503, 500).
 */
class HstsEverywhereTest extends PortalTestSupport {

    @Test
    void everyAnswer_successOrError_carriesHsts() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("page", call(navigate("/", EMPLOYEE)));
        answers.put("status page", call(navigate("/status", EMPLOYEE)));
        answers.put("status json", call(AlbEvents.get("/status").token(token(EMPLOYEE)).header("accept", "application/json")));
        answers.put("303", call(postFromPage("/on", EMPLOYEE, Map.of())));
        answers.put("401", call(AlbEvents.get("/").header("sec-fetch-site", "none")));
        answers.put("403", call(postFromPage("/off", EMPLOYEE, Map.of("confirm", "yes"))));
        answers.put("404", call(AlbEvents.get("/admin").token(token(EMPLOYEE))));
        answers.put("405", call(AlbEvents.get("/on").token(token(EMPLOYEE))));
        answers.put("400", call(AlbEvents.post("/on").token(token(EMPLOYEE)).header("accept", "application/json")
                .json("{not json")));
        answers.put("413", call(AlbEvents.post("/on").token(token(EMPLOYEE)).header("sec-fetch-site", "same-origin")
                .header("content-type", "application/x-www-form-urlencoded").rawBody("x=" + "a".repeat(1024 * 1024 + 10), false)));
        emu.injectFault(Fault.http503("ec2", 1000));
        answers.put("503", call(AlbEvents.get("/status").token(token(EMPLOYEE))));
        emu.reset();
        handler = newHandler(Map.of("CLIENT_VPN_ENDPOINT_ID", "cvpn-endpoint-0ffffffffffffffff"));
        answers.put("500", call(navigate("/", EMPLOYEE)));

        assertThat(answers.values().stream().map(a -> a.path("statusCode").asInt()).toList())
                .containsExactly(200, 200, 200, 303, 401, 403, 404, 405, 400, 413, 503, 500);
        answers.forEach((name, a) -> assertThat(a.path("headers").path("strict-transport-security").asText())
                .as(name).isEqualTo("max-age=31536000"));
        assertThat(List.copyOf(answers.keySet())).hasSize(12);
    }
}
