package dev.switchboard.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads log lines as CloudWatch Logs reads Embedded Metric Format documents, and checks them against the
 * specification ("Specification: Embedded metric format", Amazon CloudWatch User Guide):
 * <ul>
 *   <li>the log event is one JSON object with nothing before or after it, at most 256 KB;</li>
 *   <li>root member {@code _aws} is an object with {@code Timestamp} (a number, epoch milliseconds; CloudWatch
 *       refuses more than two weeks in the past or two hours in the future) and {@code CloudWatchMetrics}, an
 *       array of MetricDirective objects;</li>
 *   <li>a MetricDirective has {@code Namespace} (a string of 1–255 characters, not only a colon pattern),
 *       {@code Dimensions} (an array of DimensionSet arrays, each at most 30 dimension keys, each key a string
 *       naming a root member whose value is a string) and {@code Metrics} (an array of at most 100
 *       MetricDefinition objects);</li>
 *   <li>a MetricDefinition has {@code Name} (a string naming a root member whose value is a number or an array
 *       of at most 100 numbers), an optional {@code Unit} among CloudWatch's units and an optional
 *       {@code StorageResolution} of 1 or 60; the directive objects take no other members.</li>
 * </ul>
 */
public final class EmfDocuments {

    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");
    private static final int MAX_EVENT_BYTES = 256 * 1024;

    /** One metric value as CloudWatch would extract it. */
    public record Datum(String namespace, Map<String, String> dimensions, String name, double value, String unit) {
    }

    private EmfDocuments() {
    }

    /** Whether the line is meant as an EMF document (has {@code _aws}). */
    public static boolean isEmf(String line) {
        JsonNode root = parse(line);
        return root != null && root.has("_aws");
    }

    /** What is wrong with the document by the specification; empty when CloudWatch would extract it. */
    public static List<String> problems(String line, Instant now) {
        List<String> problems = new ArrayList<>();
        if (line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            problems.add("the log event is over 256 KB");
        }
        JsonNode root = parse(line);
        String trimmed = line.strip();
        if (root == null || !root.isObject() || !trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            problems.add("the log event is not one JSON object");
            return problems;
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("_aws is missing or not an object");
            return problems;
        }
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null || !timestamp.isNumber()) {
            problems.add("_aws.Timestamp is missing or not a number");
        } else {
            Instant at = Instant.ofEpochMilli(timestamp.asLong());
            if (at.isBefore(now.minus(Duration.ofDays(14))) || at.isAfter(now.plus(Duration.ofHours(2)))) {
                problems.add("_aws.Timestamp " + at + " is more than 14 days before or 2 hours after " + now);
            }
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray()) {
            problems.add("_aws.CloudWatchMetrics is missing or not an array");
            return problems;
        }
        for (JsonNode directive : directives) {
            checkDirective(root, directive, problems);
        }
        return problems;
    }

    private static void checkDirective(JsonNode root, JsonNode directive, List<String> problems) {
        if (!directive.isObject()) {
            problems.add("a MetricDirective is not an object");
            return;
        }
        directive.fieldNames().forEachRemaining(name -> {
            if (!Set.of("Namespace", "Dimensions", "Metrics").contains(name)) {
                problems.add("MetricDirective has the unknown member " + name);
            }
        });
        JsonNode namespace = directive.get("Namespace");
        if (namespace == null || !namespace.isTextual() || namespace.asText().isEmpty()
                || namespace.asText().length() > 255 || namespace.asText().startsWith(":")) {
            problems.add("Namespace must be a string of 1-255 characters not starting with ':'");
        }
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null || !dimensions.isArray()) {
            problems.add("Dimensions must be an array of DimensionSets");
        } else {
            for (JsonNode set : dimensions) {
                if (!set.isArray()) {
                    problems.add("a DimensionSet is not an array");
                    continue;
                }
                if (set.size() > 30) {
                    problems.add("a DimensionSet has " + set.size() + " dimensions, over 30");
                }
                for (JsonNode key : set) {
                    JsonNode value = key.isTextual() ? root.get(key.asText()) : null;
                    if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > 1024) {
                        problems.add("dimension " + key + " does not name a root member holding a string of 1-1024 characters");
                    }
                }
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null || !metrics.isArray()) {
            problems.add("Metrics must be an array of MetricDefinitions");
            return;
        }
        if (metrics.size() > 100) {
            problems.add("Metrics has " + metrics.size() + " definitions, over 100");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode definition : metrics) {
            JsonNode name = definition.get("Name");
            if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 255) {
                problems.add("a MetricDefinition has no Name of 1-255 characters");
                continue;
            }
            definition.fieldNames().forEachRemaining(member -> {
                if (!Set.of("Name", "Unit", "StorageResolution").contains(member)) {
                    problems.add("MetricDefinition " + name.asText() + " has the unknown member " + member);
                }
            });
            if (!names.add(name.asText())) {
                problems.add("metric " + name.asText() + " is defined twice");
            }
            JsonNode unit = definition.get("Unit");
            if (unit != null && !(unit.isTextual() && UNITS.contains(unit.asText()))) {
                problems.add("metric " + name.asText() + " has the unknown Unit " + unit);
            }
            JsonNode resolution = definition.get("StorageResolution");
            if (resolution != null && !(resolution.isInt() && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
                problems.add("metric " + name.asText() + " has StorageResolution " + resolution + ", not 1 or 60");
            }
            JsonNode value = root.get(name.asText());
            boolean numbers = value != null && (value.isNumber()
                    || value.isArray() && value.size() <= 100 && value.size() > 0
                    && java.util.stream.StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isNumber));
            if (!numbers) {
                problems.add("metric " + name.asText() + " does not name a root member holding a number (or up to 100)");
            }
        }
    }

    /** Every metric value in the lines that are EMF documents, as CloudWatch would extract it. */
    public static List<Datum> metrics(List<String> lines) {
        List<Datum> data = new ArrayList<>();
        for (String line : lines) {
            JsonNode root = parse(line);
            if (root == null || !root.has("_aws")) {
                continue;
            }
            for (JsonNode directive : root.path("_aws").path("CloudWatchMetrics")) {
                for (JsonNode set : directive.path("Dimensions")) {
                    Map<String, String> dims = new LinkedHashMap<>();
                    set.forEach(key -> dims.put(key.asText(), root.path(key.asText()).asText()));
                    for (JsonNode definition : directive.path("Metrics")) {
                        String name = definition.path("Name").asText();
                        data.add(new Datum(directive.path("Namespace").asText(), Map.copyOf(dims), name,
                                root.path(name).asDouble(), definition.path("Unit").asText("None")));
                    }
                }
            }
        }
        return data;
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
