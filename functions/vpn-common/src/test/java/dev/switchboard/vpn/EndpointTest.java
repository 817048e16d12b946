package dev.switchboard.vpn;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointTest {

    @Test
    void instantTag_isoInstant_isRead() {
        Endpoint endpoint = new Endpoint("cvpn-endpoint-0123456789abcdef0", "available",
                Map.of(VpnTags.TURNED_ON_AT, " 2026-11-21T09:30:00Z "));

        assertThat(endpoint.instantTag(VpnTags.TURNED_ON_AT)).contains(Instant.parse("2026-11-21T09:30:00Z"));
    }

    @Test
    void instantTag_absentOrEditedByHand_isEmpty() {
        Endpoint endpoint = new Endpoint("cvpn-endpoint-0123456789abcdef0", "available",
                Map.of(VpnTags.TURNED_ON_AT, "yesterday evening"));

        assertThat(endpoint.instantTag(VpnTags.TURNED_ON_AT)).isEmpty();
        assertThat(endpoint.instantTag(VpnTags.TURNED_OFF_AT)).isEmpty();
    }
}
