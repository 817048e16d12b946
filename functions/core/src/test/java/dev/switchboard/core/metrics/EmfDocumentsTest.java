package dev.switchboard.core.metrics;

import dev.switchboard.core.testing.EmfDocuments;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The test's reading of the EMF specification must itself catch broken documents, or the metric tests prove nothing. */
class EmfDocumentsTest {

    private static final Instant NOW = MetricsTest.NOW;
    private static final long MS = NOW.toEpochMilli();

    private static String document(String aws, String members) {
        return "{\"_aws\":" + aws + members + "}";
    }

    private static String directive(String namespace, String dimensions, String metrics) {
        return "{\"Timestamp\":" + MS + ",\"CloudWatchMetrics\":[{\"Namespace\":" + namespace + ",\"Dimensions\":"
                + dimensions + ",\"Metrics\":" + metrics + "}]}";
    }

    @Test
    void problems_validDocument_none() {
        String line = document(directive("\"Switchboard\"", "[[\"Reason\"]]",
                "[{\"Name\":\"TurnOffs\",\"Unit\":\"Count\",\"StorageResolution\":60}]"), ",\"Reason\":\"idle\",\"TurnOffs\":1");

        assertThat(EmfDocuments.problems(line, NOW)).isEmpty();
    }

    @Test
    void problems_brokenDocuments_eachReported() {
        assertThat(EmfDocuments.problems("not json", NOW)).containsExactly("the log event is not one JSON object");
        assertThat(EmfDocuments.problems("prefix {\"_aws\":{}}", NOW)).contains("the log event is not one JSON object");
        assertThat(EmfDocuments.problems("{\"a\":1}", NOW)).containsExactly("_aws is missing or not an object");
        assertThat(EmfDocuments.problems(document("{\"CloudWatchMetrics\":[]}", ""), NOW))
                .containsExactly("_aws.Timestamp is missing or not a number");
        assertThat(EmfDocuments.problems(document("{\"Timestamp\":" + (MS - 15L * 24 * 3600 * 1000)
                + ",\"CloudWatchMetrics\":[]}", ""), NOW)).hasSize(1);
        assertThat(EmfDocuments.problems(document(directive("\"\"", "[[]]", "[]"), ""), NOW))
                .containsExactly("Namespace must be a string of 1-255 characters not starting with ':'");
        assertThat(EmfDocuments.problems(document(directive("\"N\"", "[[\"Missing\"]]", "[]"), ""), NOW))
                .containsExactly("dimension \"Missing\" does not name a root member holding a string of 1-1024 characters");
        assertThat(EmfDocuments.problems(document(directive("\"N\"", "[[\"Reason\"]]", "[]"), ",\"Reason\":3"), NOW))
                .hasSize(1);
        assertThat(EmfDocuments.problems(document(directive("\"N\"", "[[]]", "[{\"Name\":\"M\"}]"), ",\"M\":\"one\""), NOW))
                .containsExactly("metric M does not name a root member holding a number (or up to 100)");
        assertThat(EmfDocuments.problems(document(directive("\"N\"", "[[]]", "[{\"Name\":\"M\",\"Unit\":\"Things\"}]"),
                ",\"M\":1"), NOW)).containsExactly("metric M has the unknown Unit \"Things\"");
        assertThat(EmfDocuments.problems(document(directive("\"N\"", "[[]]", "[{\"Name\":\"M\",\"StorageResolution\":5}]"),
                ",\"M\":1"), NOW)).containsExactly("metric M has StorageResolution 5, not 1 or 60");
        assertThat(EmfDocuments.problems(document(directive("\"N\"", "[[]]", "[{\"Name\":\"M\",\"Color\":\"red\"}]"),
                ",\"M\":1"), NOW)).containsExactly("MetricDefinition M has the unknown member Color");
    }

    @Test
    void problems_overTheSpecLimits_reported() {
        StringBuilder dims = new StringBuilder("[[");
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            dims.append(i == 0 ? "" : ",").append("\"D").append(i).append('"');
            members.append(",\"D").append(i).append("\":\"v\"");
        }
        dims.append("]]");
        StringBuilder metrics = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            metrics.append(i == 0 ? "" : ",").append("{\"Name\":\"M").append(i).append("\"}");
            members.append(",\"M").append(i).append("\":1");
        }
        metrics.append(']');

        assertThat(EmfDocuments.problems(document(directive("\"N\"", dims.toString(), metrics.toString()),
                members.toString()), NOW)).containsExactly("a DimensionSet has 31 dimensions, over 30",
                "Metrics has 101 definitions, over 100");
    }
}
