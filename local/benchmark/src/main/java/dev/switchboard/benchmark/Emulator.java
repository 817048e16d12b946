package dev.switchboard.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Puts the emulator back to the benchmark's starting state between warm runs: {@code POST
 * /_emulator/reset}, then {@code POST /_emulator/seed/demo} (the VPN off, two subnets, one Connect
 * instance). The emulator's address is {@code BENCH_EMULATOR_URL}.
 */
final class Emulator {

    private Emulator() {
    }

    static void reset() throws IOException {
        String base = System.getenv("BENCH_EMULATOR_URL");
        if (base == null) {
            throw new IllegalStateException("BENCH_EMULATOR_URL is not set: warm runs need the emulator to reset");
        }
        post(base + "/_emulator/reset");
        post(base + "/_emulator/seed/demo");
    }

    private static void post(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("content-type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        if (c.getResponseCode() != 200) {
            throw new IOException(url + " answered " + c.getResponseCode());
        }
        c.getInputStream().readAllBytes();
    }
}
