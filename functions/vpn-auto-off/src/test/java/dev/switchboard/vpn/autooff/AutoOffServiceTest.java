package dev.switchboard.vpn.autooff;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;
import dev.switchboard.vpn.Association;
import dev.switchboard.vpn.ClientVpn;
import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.Endpoint;
import dev.switchboard.vpn.VpnErrors;
import dev.switchboard.vpn.VpnSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Edges the emulator cannot stage: EC2 answers that races and tag failures happened. */
@ExtendWith(MockitoExtension.class)
class AutoOffServiceTest {

    private static final String ENDPOINT = "cvpn-endpoint-0123456789abcdef0";
    private static final Instant NOW = Instant.parse("2026-11-21T13:00:00Z");

    @Mock
    ClientVpn vpn;
    @Mock
    AuditLog audit;

    private final VpnSettings settings = VpnSettings.from(Env.of(Map.of(
            "CLIENT_VPN_ENDPOINT_ID", ENDPOINT,
            "TARGET_SUBNET_IDS", "subnet-0aaa1111bbbb2222c,subnet-0ddd3333eeee4444f")));

    /** Every run reads the endpoint's tags; these edges need none. */
    private void endpointWithoutTags() {
        when(vpn.endpoint(ENDPOINT)).thenReturn(new Endpoint(ENDPOINT, "available", Map.of()));
    }

    private AutoOffService service() {
        return new AutoOffService(settings, vpn, Clock.fixed(NOW, ZoneOffset.UTC), audit);
    }

    @Test
    void run_tagWriteFails_vpnStillOffReportedUntaggedAndAudited() {
        endpointWithoutTags();
        when(vpn.associations(ENDPOINT)).thenReturn(List.of(associated("cvpn-assoc-0a", "subnet-0aaa1111bbbb2222c")));
        when(vpn.connections(ENDPOINT)).thenReturn(List.of());
        when(vpn.disassociate(ENDPOINT, "cvpn-assoc-0a")).thenReturn(true);
        doThrow(SwitchboardException.because(new RuntimeException("throttled"), VpnErrors.VPN_UNAVAILABLE))
                .when(vpn).tag(eq(ENDPOINT), anyMap());

        AutoOffSummary summary = service().run(new AutoOffRequest(AutoOffMode.FORCE, false, AutoOffRequest.DIRECT));

        assertThat(summary.result()).isEqualTo(AutoOffSummary.DONE);
        assertThat(summary.tagged()).isFalse();
        assertThat(summary.disassociated()).containsExactly("cvpn-assoc-0a");
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit).record(event.capture());
        assertThat(event.getValue().result()).isEqualTo("ok");
    }

    @Test
    void run_associationGoneBeforeWeAsked_countedAsAlreadyGoneNotAsOurs() {
        endpointWithoutTags();
        when(vpn.associations(ENDPOINT)).thenReturn(List.of(associated("cvpn-assoc-0a", "subnet-0aaa1111bbbb2222c"),
                associated("cvpn-assoc-0c", "subnet-0ddd3333eeee4444f")));
        when(vpn.connections(ENDPOINT)).thenReturn(List.of());
        when(vpn.disassociate(ENDPOINT, "cvpn-assoc-0a")).thenReturn(false);
        when(vpn.disassociate(ENDPOINT, "cvpn-assoc-0c")).thenReturn(true);

        AutoOffSummary summary = service().run(new AutoOffRequest(AutoOffMode.FORCE, false, AutoOffRequest.DIRECT));

        assertThat(summary.result()).isEqualTo(AutoOffSummary.DONE);
        assertThat(summary.disassociated()).containsExactly("cvpn-assoc-0c");
        assertThat(summary.alreadyGone()).containsExactly("cvpn-assoc-0a");
        assertThat(summary.saving().subnetsStopped()).isEqualTo(1);
        verify(vpn).tag(eq(ENDPOINT), any());
    }

    @Test
    void run_onlyFailedAssociations_isAlreadyOff() {
        endpointWithoutTags();
        when(vpn.associations(ENDPOINT)).thenReturn(List.of(new Association("cvpn-assoc-0a",
                "subnet-0aaa1111bbbb2222c", "vpc-1", Association.FAILED, "subnet has no free addresses")));

        AutoOffSummary summary = service().run(new AutoOffRequest(AutoOffMode.FORCE, false, AutoOffRequest.DIRECT));

        assertThat(summary.decision()).isEqualTo(Decision.ALREADY_OFF.code());
        verify(vpn, never()).disassociate(any(), any());
    }

    @Test
    void run_summaryWithEveryPart_isWrittenAsJacksonsMapperWritesIt() throws Exception {
        endpointWithoutTags();
        when(vpn.associations(ENDPOINT)).thenReturn(List.of(associated("cvpn-assoc-0a", "subnet-0aaa1111bbbb2222c"),
                associated("cvpn-assoc-0c", "subnet-0ddd3333eeee4444f")));
        when(vpn.connections(ENDPOINT)).thenReturn(List.of(new Connection("cvpn-connection-1", "taro", "172.16.0.9",
                "active", NOW.minusSeconds(600), null)));
        when(vpn.disassociate(ENDPOINT, "cvpn-assoc-0a")).thenReturn(true);
        when(vpn.disassociate(ENDPOINT, "cvpn-assoc-0c")).thenThrow(
                SwitchboardException.because(new RuntimeException("throttled"), VpnErrors.VPN_UNAVAILABLE));

        AutoOffSummary summary = service().run(new AutoOffRequest(AutoOffMode.FORCE, false, AutoOffRequest.DIRECT));

        // Written without the mapper (the answer, and the log line's fields): byte for byte what the mapper wrote.
        assertThat(summary.failures()).hasSize(1);
        assertThat(summary.saving()).isNotNull();
        assertThat(Json.write(summary)).isEqualTo(Json.mapper().writeValueAsString(summary));
        assertThat(Json.write(Json.fields(summary))).isEqualTo(Json.write(Json.mapper().convertValue(summary, Map.class)));
    }

    private static Association associated(String id, String subnet) {
        return new Association(id, subnet, "vpc-1", Association.ASSOCIATED, null);
    }
}
