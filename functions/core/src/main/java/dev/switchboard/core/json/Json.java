package dev.switchboard.core.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Jackson mapper, built once per container (building it is start-up work worth sharing), and the one
 * way JSON is read: Lambda events, direct commands and request bodies all go through {@link #readObject}.
 *
 * <p>Reading is strict because ambiguity is a security problem here: with Jackson's defaults
 * {@code {"action":"status","action":"off"}} meant "off" (the last duplicate wins) while a reviewer, a log line
 * or another parser may see "status", and text after the object was silently ignored. So a duplicate key, any
 * content after the first value, and anything outside RFC 8259 (comments, single quotes, NaN, leading zeros,
 * unquoted names; all off by default in Jackson, pinned here) is refused before any command or route runs.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_MISSING_VALUES,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Jackson's duplicate-key message: {@code Duplicate field 'action'}. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,80})");

    private Json() {
    }

    /** For writing, and for converting values that are already in memory. Never for reading untrusted text. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one JSON object, strictly. Anything else is an invalid-input {@link SwitchboardException} that names
     * {@code what} was read (e.g. "the event") and, for a duplicate key, the key.
     */
    public static ObjectNode readObject(byte[] json, Message what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonParseException | MismatchedInputException e) {
            throw refusal(e, what);
        } catch (JsonProcessingException e) {
            throw SwitchboardException.because(e, CoreErrors.MALFORMED_JSON, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || node.isMissingNode()) {
            throw new SwitchboardException(CoreErrors.MALFORMED_JSON, what);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new SwitchboardException(CoreErrors.NOT_JSON_OBJECT, what);
        }
        return object;
    }

    private static SwitchboardException refusal(JsonProcessingException e, Message what) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return SwitchboardException.because(e, CoreErrors.DUPLICATE_KEY, what, duplicate.group(1));
        }
        if (original.startsWith("Trailing token")) {
            return SwitchboardException.because(e, CoreErrors.TRAILING_CONTENT, what);
        }
        return SwitchboardException.because(e, CoreErrors.MALFORMED_JSON, what);
    }
}
