package dev.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.metrics.Metrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.switchboard.template.CfnTemplate.list;
import static dev.switchboard.template.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarms and the dashboard as a deployment gets them (intrinsics evaluated, with and without Connect): they
 * watch only metrics the functions really emit (or a metric filter makes), under dimension values the code uses,
 * in the namespace the functions are told to write to; and the dashboard body is JSON CloudWatch accepts.
 */
class OperationsTemplateTest {

    private static final CfnTemplate TEMPLATE = CfnTemplate.load(RepoRoot.get().resolve("template.yaml"));
    private static final String NAMESPACE = "Switchboard/switchboard";

    private static CfnEvaluator render(String connectInstance) {
        Map<String, String> values = new HashMap<>(TemplateRenderingTest.required());
        values.put("ConnectInstanceId", connectInstance);
        return new CfnEvaluator(TEMPLATE, values);
    }

    /** A metric of ours as an alarm or widget names it: name and dimensions. */
    private record Watched(String where, String name, Map<String, String> dimensions) {
    }

    private static Set<String> filterMetrics(CfnEvaluator rendered) {
        Set<String> names = new TreeSet<>();
        for (String filter : TEMPLATE.resourcesOfType("AWS::Logs::MetricFilter")) {
            if (rendered.created(filter)) {
                for (Object t : list(map(rendered.evaluate(TEMPLATE.properties(filter))).get("MetricTransformations"))) {
                    assertThat(map(t).get("MetricNamespace")).as(filter).isEqualTo(NAMESPACE);
                    names.add(String.valueOf(map(t).get("MetricName")));
                }
            }
        }
        return names;
    }

    private static List<Watched> alarmMetrics(CfnEvaluator rendered) {
        List<Watched> watched = new ArrayList<>();
        for (String alarm : TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")) {
            if (!rendered.created(alarm)) {
                continue;
            }
            Map<String, Object> props = map(rendered.evaluate(TEMPLATE.properties(alarm)));
            List<Map<String, Object>> metrics = new ArrayList<>();
            if (props.containsKey("MetricName")) {
                metrics.add(props);
            }
            for (Object query : list(props.get("Metrics"))) {
                Map<String, Object> stat = map(map(query).get("MetricStat"));
                if (!stat.isEmpty()) {
                    metrics.add(map(stat.get("Metric")));
                }
            }
            for (Map<String, Object> metric : metrics) {
                Map<String, String> dims = new LinkedHashMap<>();
                list(metric.get("Dimensions")).forEach(d -> dims.put(String.valueOf(map(d).get("Name")),
                        String.valueOf(map(d).get("Value"))));
                if (NAMESPACE.equals(metric.get("Namespace"))) {
                    watched.add(new Watched(alarm, String.valueOf(metric.get("MetricName")), dims));
                } else {
                    assertThat(metric.get("Namespace")).as(alarm).isEqualTo("AWS/Lambda");
                    assertThat(dims.get("FunctionName")).as(alarm).startsWith("<Ref ").endsWith("Function>");
                }
            }
        }
        return watched;
    }

    private static JsonNode dashboard(CfnEvaluator rendered) throws IOException {
        Object body = rendered.evaluate(TEMPLATE.properties("OperationsDashboard").get("DashboardBody"));
        return Json.mapper().readTree(String.valueOf(body));
    }

    private static List<Watched> dashboardMetrics(JsonNode body) {
        List<Watched> watched = new ArrayList<>();
        for (JsonNode widget : body.path("widgets")) {
            for (JsonNode row : widget.path("properties").path("metrics")) {
                List<String> strings = new ArrayList<>();
                row.forEach(item -> {
                    if (item.isTextual()) {
                        strings.add(item.asText());
                    }
                });
                if (strings.isEmpty() || !strings.get(0).equals(NAMESPACE)) {
                    continue;
                }
                Map<String, String> dims = new LinkedHashMap<>();
                for (int i = 2; i + 1 < strings.size(); i += 2) {
                    dims.put(strings.get(i), strings.get(i + 1));
                }
                watched.add(new Watched(widget.path("properties").path("title").asText(), strings.get(1), dims));
            }
        }
        return watched;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2fb42df9-78a2-2e74-d572-c8af67ed289b"})
    void alarmsAndDashboard_everyMetricOfOurs_isOneTheCodeEmitsUnderDimensionsItUses(String connectInstance)
            throws IOException {
        CfnEvaluator rendered = render(connectInstance);
        Set<String> known = new TreeSet<>(Metrics.NAMES);
        known.addAll(filterMetrics(rendered));
        List<Watched> watched = new ArrayList<>(alarmMetrics(rendered));
        watched.addAll(dashboardMetrics(dashboard(rendered)));

        assertThat(watched).hasSizeGreaterThan(20);
        assertThat(watched).allSatisfy(w -> {
            assertThat(known).as(w.where()).contains(w.name());
            w.dimensions().forEach((key, value) -> assertThat(Metrics.DIMENSION_VALUES.get(key))
                    .as(w.where() + " " + w.name() + " " + key).contains(value));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2fb42df9-78a2-2e74-d572-c8af67ed289b"})
    void functions_metricsNamespace_isTheOneAlarmsAndDashboardWatch(String connectInstance) {
        CfnEvaluator rendered = render(connectInstance);

        for (String function : TEMPLATE.functions()) {
            if (rendered.created(function)) {
                Map<String, Object> env = map(map(rendered.evaluate(TEMPLATE.functionProperties(function)
                        .get("Environment"))).get("Variables"));
                assertThat(env.get("METRICS_NAMESPACE")).as(function).isEqualTo(NAMESPACE);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2fb42df9-78a2-2e74-d572-c8af67ed289b"})
    void alarms_metricMath_everyIdTheExpressionUsesExistsInThatDeployment(String connectInstance) {
        CfnEvaluator rendered = render(connectInstance);

        for (String alarm : TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")) {
            List<Object> queries = list(map(rendered.evaluate(TEMPLATE.properties(alarm))).get("Metrics"));
            Set<String> ids = new TreeSet<>();
            queries.forEach(q -> ids.add(String.valueOf(map(q).get("Id"))));
            for (Object query : queries) {
                Object expression = map(query).get("Expression");
                if (expression != null) {
                    Set<String> used = new TreeSet<>(List.of(String.valueOf(expression)
                            .replaceAll("\\b(FILL|IF|AND|OR)\\b", " ").split("[^a-z0-9]+")));
                    used.removeIf(s -> s.isEmpty() || s.chars().allMatch(Character::isDigit));
                    assertThat(ids).as(alarm + " " + expression).containsAll(used);
                    assertThat(queries.stream().filter(q -> !Boolean.FALSE.equals(map(q).get("ReturnData"))
                            && !"false".equals(String.valueOf(map(q).get("ReturnData"))))).as(alarm).hasSize(1);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2fb42df9-78a2-2e74-d572-c8af67ed289b"})
    void dashboard_body_isJsonWithTheWidgetsTheIssueAsksFor(String connectInstance) throws IOException {
        JsonNode body = dashboard(render(connectInstance));

        List<String> titles = new ArrayList<>();
        body.path("widgets").forEach(w -> titles.add(w.path("properties").path("title").asText()));
        assertThat(titles).contains("Subnets associated and active connections",
                "Association-hours and estimated Client VPN cost (time range)", "Turn-ons and turn-offs per day",
                "Errors");
        assertThat(body.toString()).contains("hours * 0.15").doesNotContain("${");
    }
}
