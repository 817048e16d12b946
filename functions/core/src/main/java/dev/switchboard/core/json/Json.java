package dev.switchboard.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.Message;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way JSON is read (Lambda events, direct commands, request bodies, the ALB token's segments all go through
 * {@link #readObject}) and the usual way it is written.
 *
 * <p>Reading is strict because ambiguity is a security problem here: with Jackson's defaults
 * {@code {"action":"status","action":"off"}} meant "off" (the last duplicate wins) while a reviewer, a log line
 * or another parser may see "status", and text after the object was silently ignored. So a duplicate key, any
 * content after the first value, and anything outside RFC 8259 (comments, single quotes, NaN, leading zeros,
 * unquoted names; all off by default in Jackson, pinned here) is refused before any command or route runs.
 *
 * <p>Both directions stream through jackson-core and build or walk the tree themselves: Jackson's
 * {@code ObjectMapper} is several hundred classes and costly to construct, which a Lambda cold start pays on the
 * first request for nothing when all it reads is a tree and all it writes is maps, lists, records, strings and
 * numbers. The mapper is built only when a value of another kind is written ({@link #mapper()}: an enum, an
 * annotated record), and writes those exactly as before.
 */
public final class Json {

    private static final JsonFactory FACTORY = strictFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Jackson's duplicate-key message: {@code Duplicate field 'action'}. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,80})");

    private Json() {
    }

    private static JsonFactory strictFactory() {
        JsonFactoryBuilder builder = new JsonFactoryBuilder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        // One at a time: jackson-core 2.20's disable(first, others...) enables the others (JsonTest shows it).
        for (JsonReadFeature lenient : List.of(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_MISSING_VALUES,
                JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)) {
            builder.disable(lenient);
        }
        return builder.build();
    }

    /** Built on first use only (see the class comment). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * For writing and converting values that are already in memory (records, beans). Never for reading untrusted
     * text: that is {@link #readObject}. Building it is the costly part of Jackson; the paths a person waits on
     * do not need it.
     */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** The value as one line of JSON, as Jackson's mapper writes it. */
    public static String write(Object value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the value to the stream as UTF-8 JSON, as Jackson's mapper writes it; leaves the stream open. */
    public static void write(OutputStream output, Object value) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(output)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeValue(g, value);
        }
    }

    /**
     * Maps with string keys, collections, plain records, strings, numbers, booleans and null are written here;
     * anything else (enums, arrays, maps with other keys, records with Jackson annotations or getters) goes to the
     * mapper, which writes it as it always has.
     */
    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Map<?, ?> map && stringKeys(map)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Record record && PLAIN_RECORDS.get(record.getClass()).isPresent()) {
            g.writeStartObject();
            for (Method accessor : PLAIN_RECORDS.get(record.getClass()).get()) {
                g.writeFieldName(accessor.getName());
                writeValue(g, read(accessor, record));
            }
            g.writeEndObject();
        } else {
            mapper().writeValue(g, value);
        }
    }

    /**
     * A record's accessors in declaration order, made callable once per record class (records may be private);
     * empty when Jackson might write the record otherwise: an annotation on it, its components or methods, or
     * another method Jackson takes for a property ({@code getX()}, {@code isX()}). Those go to the mapper.
     */
    private static final ClassValue<Optional<List<Method>>> PLAIN_RECORDS = new ClassValue<>() {
        @Override
        protected Optional<List<Method>> computeValue(Class<?> type) {
            if (type.getAnnotations().length > 0) {
                return Optional.empty();
            }
            List<Method> accessors = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getAnnotations().length > 0) {
                    return Optional.empty();
                }
                accessors.add(c.getAccessor());
                names.add(c.getName());
            }
            for (Method m : type.getDeclaredMethods()) {
                String name = m.getName();
                boolean getterLike = m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && !names.contains(name) && (name.startsWith("get") || name.startsWith("is"));
                if (getterLike || m.getAnnotations().length > 0) {
                    return Optional.empty();
                }
            }
            accessors.forEach(a -> a.setAccessible(true));
            return Optional.of(List.copyOf(accessors));
        }
    };

    /**
     * A value's top-level fields, to merge into a log line: a plain record's components by name (nested values are
     * written as they are), anything else as the mapper converts it.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fields(Object value) {
        if (value instanceof Record record && PLAIN_RECORDS.get(record.getClass()).isPresent()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Method accessor : PLAIN_RECORDS.get(record.getClass()).get()) {
                out.put(accessor.getName(), read(accessor, record));
            }
            return out;
        }
        return mapper().convertValue(value, Map.class);
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads one JSON object, strictly. Anything else is an invalid-input {@link SwitchboardException} that names
     * {@code what} was read (e.g. "the event") and, for a duplicate key, the key.
     */
    public static ObjectNode readObject(byte[] json, Message what) {
        JsonNode node;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SwitchboardException(CoreErrors.MALFORMED_JSON, what);
            }
            node = readValue(p, first);
            if (p.nextToken() != null) {
                throw new SwitchboardException(CoreErrors.TRAILING_CONTENT, what);
            }
        } catch (JsonProcessingException e) {
            throw refusal(e, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new SwitchboardException(CoreErrors.NOT_JSON_OBJECT, what);
        }
        return object;
    }

    /** The tree Jackson's mapper would read: int, long or big-integer nodes for integers, doubles for the rest. */
    private static JsonNode readValue(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    object.set(name, readValue(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(readValue(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static SwitchboardException refusal(JsonProcessingException e, Message what) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return SwitchboardException.because(e, CoreErrors.DUPLICATE_KEY, what, duplicate.group(1));
        }
        return SwitchboardException.because(e, CoreErrors.MALFORMED_JSON, what);
    }
}
