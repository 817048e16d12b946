package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.text.CoreErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reads the raw Lambda event and writes the answer. Handlers are {@code RequestStreamHandler}s so one
 * function takes both ALB requests and plain JSON commands, and the events in {@code events/} go through
 * exactly this code in tests.
 */
public final class LambdaIo {

    /** Lambda caps synchronous payloads at 6 MB; ALB at 1 MB. Anything larger is not read. */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    private LambdaIo() {
    }

    /** Parses the event. Malformed JSON or an oversized event is a 400/413 {@link SwitchboardException}. */
    public static JsonNode readEvent(InputStream input) {
        try {
            byte[] bytes = input.readNBytes(MAX_EVENT_BYTES + 1);
            if (bytes.length > MAX_EVENT_BYTES) {
                throw new SwitchboardException(CoreErrors.PAYLOAD_TOO_LARGE);
            }
            JsonNode node = Json.mapper().readTree(bytes);
            if (node == null || !node.isObject()) {
                throw SwitchboardException.badRequest("malformed_event", "The event must be a JSON object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SwitchboardException.badRequest("malformed_event", "The event is not valid JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(OutputStream output, Object answer) {
        try {
            Json.mapper().writeValue(output, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
