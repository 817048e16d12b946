package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.CoreText;

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

    /**
     * Parses the event through the one strict reader ({@link Json#readObject}): malformed JSON, a duplicate key,
     * trailing content or anything but an object is a 400, an oversized event a 413 {@link SwitchboardException}.
     */
    public static ObjectNode readEvent(InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_EVENT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_EVENT_BYTES) {
            throw new SwitchboardException(CoreErrors.PAYLOAD_TOO_LARGE);
        }
        return Json.readObject(bytes, CoreText.THE_EVENT);
    }

    /** Writes the answer as JSON: an {@link AlbResponse} in the shape ALB reads, anything else as Jackson writes it. */
    public static void write(OutputStream output, Object answer) {
        try {
            Json.write(output, answer instanceof AlbResponse response ? response.wireFields() : answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
