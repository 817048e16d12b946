package dev.switchboard.devserver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The two requests every dev-server HTTP test starts with: sign in as a demo user, then open a page in English. */
final class DevServerHttp {

    private DevServerHttp() {
    }

    /** Signs in through the stand-in's form, as its page posts it, and returns the session cookie ("name=value"). */
    static String signIn(HttpClient http, URI server, String email) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve(DevServer.SIGN_IN_PATH))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&return=%2F")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).contains("/");
        return response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    /** GET in English, with the session cookie and Sec-Fetch-Site when given (null leaves the header out). */
    static HttpResponse<String> get(HttpClient http, URI server, String path, String cookie, String secFetchSite)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).GET().header("accept-language", "en");
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        if (secFetchSite != null) {
            request.header("sec-fetch-site", secFetchSite);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
