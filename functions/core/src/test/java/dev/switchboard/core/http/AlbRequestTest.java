package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.testing.AlbEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlbRequestTest {

    @Test
    void from_mixedCaseHeaders_namesAreLowerCased() {
        ObjectNode event = AlbEvents.get("/").toJson();
        ((ObjectNode) event.get("headers")).put("Accept-Language", "ja");

        AlbRequest request = AlbRequest.from(event);

        assertThat(request.header("accept-language")).contains("ja");
        assertThat(request.header("ACCEPT-LANGUAGE")).contains("ja");
    }

    @Test
    void from_rawQueryValues_areUrlDecoded() {
        AlbRequest request = AlbRequest.from(AlbEvents.get("/connect/check").query("ip", "2001%3Adb8%3A%3A1").toJson());

        assertThat(request.query("ip")).contains("2001:db8::1");
    }

    @Test
    void from_malformedQueryEncoding_isBadRequest() {
        assertThatThrownBy(() -> AlbRequest.from(AlbEvents.get("/").query("ip", "%zz").toJson()))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void form_base64Body_isDecodedAndParsed() {
        AlbRequest request = AlbRequest.from(AlbEvents.post("/connect")
                .form(Map.of("op", "allow", "entry", "10.0.0.0/8 ")).toJson());

        assertThat(request.form()).containsEntry("op", "allow").containsEntry("entry", "10.0.0.0/8 ");
    }

    @Test
    void form_repeatedField_keepsFirstValue() {
        String body = Base64.getEncoder().encodeToString("a=1&a=2&b=%E3%81%82".getBytes(StandardCharsets.UTF_8));
        AlbRequest request = AlbRequest.from(AlbEvents.post("/on").rawBody(body, true).toJson());

        assertThat(request.form()).containsEntry("a", "1").containsEntry("b", "あ");
    }

    @Test
    void from_bodyOverOneMegabyte_isPayloadTooLarge() {
        String big = "x".repeat(AlbRequest.MAX_BODY_BYTES + 1);

        assertThatThrownBy(() -> AlbRequest.from(AlbEvents.post("/on").rawBody(big, false).toJson()))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void from_base64BodyOverOneMegabyteDecoded_isPayloadTooLarge() {
        String big = Base64.getEncoder().encodeToString(new byte[AlbRequest.MAX_BODY_BYTES + 10]);

        assertThatThrownBy(() -> AlbRequest.from(AlbEvents.post("/on").rawBody(big, true).toJson()))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void from_bodyOfExactlyOneMegabyte_isAccepted() {
        String body = "x".repeat(AlbRequest.MAX_BODY_BYTES);

        assertThat(AlbRequest.from(AlbEvents.post("/on").rawBody(body, false).toJson()).body()).hasSize(body.length());
    }

    @Test
    void from_invalidBase64_isBadRequest() {
        assertThatThrownBy(() -> AlbRequest.from(AlbEvents.post("/on").rawBody("!!!not base64!!!", true).toJson()))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.code()).isEqualTo("malformed_body"));
    }

    @Test
    void wantsJson_acceptJson_isTrue_browserAccept_isFalse() {
        assertThat(AlbRequest.from(AlbEvents.get("/").header("accept", "application/json").toJson()).wantsJson()).isTrue();
        assertThat(AlbRequest.from(AlbEvents.get("/")
                .header("accept", "text/html,application/xhtml+xml,application/json;q=0.9").toJson()).wantsJson()).isFalse();
    }

    @Test
    void isAlbEvent_directCommand_isFalse() throws Exception {
        assertThat(AlbRequest.isAlbEvent(dev.switchboard.core.json.Json.mapper().readTree("{\"action\":\"on\"}"))).isFalse();
        assertThat(AlbRequest.isAlbEvent(AlbEvents.get("/").toJson())).isTrue();
    }

    @Test
    void isFromOwnPage_sameOriginOrAbsent_isTrue() {
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("sec-fetch-site", "same-origin")
                .header("origin", "https://vpn.example.com").toJson()).isFromOwnPage()).isTrue();
        assertThat(AlbRequest.from(AlbEvents.post("/on").toJson()).isFromOwnPage()).isTrue();
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("origin", "https://vpn.example.com:443").toJson())
                .isFromOwnPage()).isTrue();
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("origin", "https://VPN.Example.COM").toJson())
                .isFromOwnPage()).isTrue();
    }

    @Test
    void isFromOwnPage_plainHttpListener_matchesHttpOriginWithPort() {
        // The dev server (and an HTTP listener) forwards x-forwarded-proto: http.
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("host", "localhost:8080")
                .header("x-forwarded-proto", "http").header("sec-fetch-site", "same-origin")
                .header("origin", "http://localhost:8080").toJson()).isFromOwnPage()).isTrue();
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("host", "localhost:8080")
                .header("x-forwarded-proto", "http").header("origin", "https://localhost:8080").toJson())
                .isFromOwnPage()).as("https origin on an http listener").isFalse();
    }

    @Test
    void isFromOwnPage_fetchMetadataNotSameOrigin_isFalseEvenWithOurOrigin() {
        for (String site : java.util.List.of("cross-site", "same-site", "none", "", "same-origin, cross-site")) {
            assertThat(AlbRequest.from(AlbEvents.post("/on").header("sec-fetch-site", site)
                    .header("origin", "https://vpn.example.com").toJson()).isFromOwnPage()).as(site).isFalse();
        }
    }

    @Test
    void isFromOwnPage_sandboxedFrameOrigin_null_isFalse() {
        // A sandboxed iframe (no allow-same-origin) posts with an opaque origin: Origin: null.
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("origin", "null").toJson()).isFromOwnPage()).isFalse();
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("sec-fetch-site", "cross-site")
                .header("origin", "null").toJson()).isFromOwnPage()).isFalse();
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("sec-fetch-site", "same-origin")
                .header("origin", "null").toJson()).isFromOwnPage()).isFalse();
    }

    @Test
    void isFromOwnPage_otherOriginsAndLookAlikes_isFalse() {
        for (String origin : java.util.List.of("https://evil.example", "https://vpn.example.com.evil.example",
                "http://vpn.example.com", "https://vpn.example.com:8443", "https://x@vpn.example.com",
                "https://vpn.example.com@evil.example", "https://vpn.example.com/", "https://vpn.example.com/on",
                "https://vpn.example.com?x", "ftp://vpn.example.com", "https://vpn.example.co\u212a",
                "https://vpn.example.com:0443x", "https://vpn.example.com:", "not a url", "")) {
            assertThat(AlbRequest.from(AlbEvents.post("/on").header("origin", origin).toJson()).isFromOwnPage())
                    .as(origin).isFalse();
            assertThat(AlbRequest.from(AlbEvents.post("/on").header("sec-fetch-site", "same-origin")
                    .header("origin", origin).toJson()).isFromOwnPage()).as("same-origin + " + origin).isFalse();
        }
    }

    @Test
    void canonicalOrigin_browserSerialisation_defaultPortDroppedAndAsciiLowerCase() {
        assertThat(AlbRequest.canonicalOrigin("HTTPS://Vpn.Example.com:443")).contains("https://vpn.example.com");
        assertThat(AlbRequest.canonicalOrigin("http://localhost:80")).contains("http://localhost");
        assertThat(AlbRequest.canonicalOrigin("http://localhost:8080")).contains("http://localhost:8080");
        assertThat(AlbRequest.canonicalOrigin("https://[::1]:8443")).contains("https://[::1]:8443");
        assertThat(AlbRequest.canonicalOrigin("https://\u212aelvin.example")).isEmpty();
        assertThat(AlbRequest.canonicalOrigin("null")).isEmpty();
    }

    @Test
    void answersInJson_acceptJsonOrJsonBody_isTrue_browserForm_isFalse() {
        assertThat(AlbRequest.from(AlbEvents.get("/").header("accept", "application/json").toJson()).answersInJson()).isTrue();
        assertThat(AlbRequest.from(AlbEvents.post("/on").json("{}").toJson()).answersInJson()).isTrue();
        assertThat(AlbRequest.from(AlbEvents.post("/on").header("accept", "text/html")
                .form(Map.of("confirm", "yes")).toJson()).answersInJson()).isFalse();
    }
}
