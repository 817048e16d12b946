package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The real template.yaml against the contract checks (each check is itself proven in TemplateChecksTest). */
class TemplateContractTest {

    private static final Path ROOT = RepoRoot.get();
    private static final CfnTemplate TEMPLATE = CfnTemplate.load(ROOT.resolve("template.yaml"));

    @Test
    void template_functions_areTheThreeOfTheDesignAndTheOptionalNotifier() {
        assertThat(TEMPLATE.functions())
                .containsExactlyInAnyOrder("VpnPortalFunction", "VpnAutoOffFunction", "ConnectIpRulesFunction", "NotifierFunction");
    }

    @Test
    void handlers_everyFunction_existsAsRequestStreamHandlerInTheModuleItsBuildPackages() {
        assertThat(TemplateChecks.handlerProblems(TEMPLATE, ROOT)).isEmpty();
    }

    @Test
    void environment_everyVariableTheCodeReads_isSetForThatFunction() {
        assertThat(TemplateChecks.environmentProblems(TEMPLATE, ROOT)).isEmpty();
    }

    @Test
    void environment_vpnFunctions_setEveryVariableTheSharedVpnCodeReads() {
        // Holds even while a handler does not reach the shared settings yet.
        Set<String> reads = new TreeSet<>();
        SourceScan.javaSources(ROOT.resolve("functions/vpn-common")).forEach(f -> reads.addAll(read(f)));
        reads.removeIf(SourceScan::platformProvided);

        assertThat(reads).isNotEmpty();
        assertThat(TEMPLATE.environment("VpnPortalFunction").keySet()).containsAll(reads);
        assertThat(TEMPLATE.environment("VpnAutoOffFunction").keySet()).containsAll(reads);
    }

    @Test
    void environment_albFrontedFunctions_setEveryVariableTheIdentityConfigurationReads() {
        Set<String> reads = new TreeSet<>(read(ROOT.resolve(
                "functions/core/src/main/java/dev/switchboard/core/config/IdentityConfig.java")));
        reads.removeIf(SourceScan::platformProvided);

        assertThat(reads).contains("ALB_ARN");
        assertThat(TEMPLATE.environment("VpnPortalFunction").keySet()).containsAll(reads);
        assertThat(TEMPLATE.environment("ConnectIpRulesFunction").keySet()).containsAll(reads);
        assertThat(TEMPLATE.environment("VpnAutoOffFunction").keySet()).doesNotContain("ALB_ARN", "ADMIN_EMAILS");
    }

    @Test
    void iam_everyStatement_grantsNoWildcardAndNoChangeOnEverything() {
        assertThat(TemplateChecks.statements(TEMPLATE)).hasSizeGreaterThan(10);
        assertThat(TemplateChecks.iamProblems(TEMPLATE)).isEmpty();
    }

    @Test
    void logs_everyFunction_writesToItsOwnLogGroupWithRetention() {
        assertThat(TemplateChecks.logGroupProblems(TEMPLATE)).isEmpty();
    }

    @Test
    void operations_everyAlarmMetricFilterAndSavedQuery_staysInsideTheStack() {
        assertThat(TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(TEMPLATE.resourcesOfType("AWS::Logs::QueryDefinition")).hasSize(4);
        assertThat(TemplateChecks.operationsProblems(TEMPLATE)).isEmpty();
    }

    @Test
    void references_everyRefGetAttAndSubVariable_resolves() {
        assertThat(TemplateChecks.referenceProblems(TEMPLATE)).isEmpty();
    }

    @Test
    void conditions_everyCondition_isDefinedUsedAndGuardsWhatDependsOnIt() {
        assertThat(TemplateChecks.conditionProblems(TEMPLATE)).isEmpty();
    }

    @Test
    void dependencies_resources_formNoCycle() {
        assertThat(TemplateChecks.cycleProblems(TEMPLATE)).isEmpty();
    }

    @Test
    void events_everySampleEvent_isAJsonObjectForAFunctionOfTheTemplate() {
        assertThat(TemplateChecks.eventProblems(TEMPLATE, ROOT, ROOT.resolve("events"))).isEmpty();
    }

    private static Set<String> read(Path file) {
        try {
            return SourceScan.environmentReadsIn(java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
