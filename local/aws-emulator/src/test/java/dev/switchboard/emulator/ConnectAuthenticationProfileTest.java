package dev.switchboard.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.model.AuthenticationProfile;
import software.amazon.awssdk.services.connect.model.ConnectException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.ThrottlingException;

import java.time.Duration;
import java.time.Instant;

import static dev.switchboard.emulator.AwsEmulator.DEMO_CONNECT_INSTANCE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectAuthenticationProfileTest extends EmulatorTestSupport {

    private static String defaultId() {
        return emu.seedConnectInstance(DEMO_CONNECT_INSTANCE_ID); // idempotent: returns the existing default
    }

    private static AuthenticationProfile describe(String id) {
        return connect.describeAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).authenticationProfileId(id))
                .authenticationProfile();
    }

    @Test
    void list_seededInstance_returnsDefaultAndPages() {
        emu.seedAuthenticationProfile(DEMO_CONNECT_INSTANCE_ID, "p-2", "Office", false);
        emu.seedAuthenticationProfile(DEMO_CONNECT_INSTANCE_ID, "p-3", "Remote", false);
        var all = connect.listAuthenticationProfiles(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)).authenticationProfileSummaryList();
        assertThat(all).extracting(s -> s.name()).containsExactly("Default", "Office", "Remote");
        assertThat(all.get(0).isDefault()).isTrue();
        assertThat(all.get(0).arn()).isEqualTo("arn:aws:connect:ap-northeast-1:123456789012:instance/"
                + DEMO_CONNECT_INSTANCE_ID + "/authentication-profile/" + defaultId());
        assertThat(all.get(0).lastModifiedTime()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));

        var p1 = connect.listAuthenticationProfiles(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).maxResults(2));
        assertThat(p1.authenticationProfileSummaryList()).hasSize(2);
        var p2 = connect.listAuthenticationProfiles(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).maxResults(2).nextToken(p1.nextToken()));
        assertThat(p2.authenticationProfileSummaryList()).extracting(s -> s.id()).containsExactly("p-3");
        assertThat(p2.nextToken()).isNull();
    }

    @Test
    void describe_default_hasAllModelFields() {
        AuthenticationProfile p = describe(defaultId());
        assertThat(p.name()).isEqualTo("Default");
        assertThat(p.isDefault()).isTrue();
        assertThat(p.allowedIps()).isEmpty();
        assertThat(p.blockedIps()).isEmpty();
        assertThat(p.periodicSessionDuration()).isEqualTo(60);
        assertThat(p.maxSessionDuration()).isEqualTo(720);
        assertThat(p.sessionInactivityDuration()).isBetween(15, 720);
        assertThat(p.createdTime()).isNotNull();
        assertThat(p.lastModifiedRegion()).isEqualTo("ap-northeast-1");
    }

    @Test
    void update_onlySentFields_changeAndLastModifiedMoves() {
        String id = defaultId();
        AuthenticationProfile before = describe(id);
        emu.advanceClock(Duration.ofMinutes(3));
        connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).authenticationProfileId(id)
                .allowedIps("192.0.2.0/24", "2001:db8::/32", "198.51.100.7"));
        AuthenticationProfile after = describe(id);
        assertThat(after.allowedIps()).containsExactly("192.0.2.0/24", "2001:db8::/32", "198.51.100.7");
        assertThat(after.blockedIps()).isEmpty();
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.description()).isEqualTo(before.description());
        assertThat(after.periodicSessionDuration()).isEqualTo(before.periodicSessionDuration());
        assertThat(after.sessionInactivityDuration()).isEqualTo(before.sessionInactivityDuration());
        assertThat(after.createdTime()).isEqualTo(before.createdTime());
        assertThat(after.lastModifiedTime()).isAfterOrEqualTo(before.lastModifiedTime().plus(Duration.ofMinutes(3)));
        assertThat(after.lastModifiedRegion()).isEqualTo("ap-northeast-1");

        connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).authenticationProfileId(id)
                .periodicSessionDuration(15).sessionInactivityDuration(30).blockedIps("203.0.113.9/32"));
        AuthenticationProfile third = describe(id);
        assertThat(third.allowedIps()).containsExactly("192.0.2.0/24", "2001:db8::/32", "198.51.100.7");
        assertThat(third.blockedIps()).containsExactly("203.0.113.9/32");
        assertThat(third.periodicSessionDuration()).isEqualTo(15);
        assertThat(third.sessionInactivityDuration()).isEqualTo(30);
    }

    /**
     * The documented limits and no others (issue 13.6): each IpCidr is 2 to 50 characters (API reference and
     * botocore's model); IpCidrList has no documented maximum, so a long list is stored; /0 is an entry like any.
     */
    @Test
    void update_ipCidrLength_documentedLimitsOnly() {
        String id = defaultId();
        // No address or range is spelt in more than 50 characters; this pins the error's code and shape.
        String fiftyOne = "2001:0db8:0000:0000:0000:0000:0000:0001/128".concat("0".repeat(8));
        assertThatThrownBy(() -> connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)
                .authenticationProfileId(id).allowedIps(fiftyOne)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)
                .authenticationProfileId(id).blockedIps("1")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(describe(id).allowedIps()).isEmpty();

        java.util.List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add("10." + (i / 256) + "." + (i % 256) + ".0/24");
        }
        many.add("0.0.0.0/0");
        connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).authenticationProfileId(id)
                .allowedIps(many).blockedIps("::/0"));

        assertThat(describe(id).allowedIps()).hasSize(2001).contains("0.0.0.0/0");
        assertThat(describe(id).blockedIps()).containsExactly("::/0");
    }

    @Test
    void update_invalidValues_rejectedAndNothingChanges() {
        String id = defaultId();
        AuthenticationProfile before = describe(id);
        assertThatThrownBy(() -> connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)
                .authenticationProfileId(id).periodicSessionDuration(9).allowedIps("192.0.2.1")))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(t -> assertThat(((ConnectException) t).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)
                .authenticationProfileId(id).sessionInactivityDuration(721)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)
                .authenticationProfileId(id).blockedIps("300.1.2.3")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> connect.updateAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)
                .authenticationProfileId(id).allowedIps("example.com")))
                .isInstanceOf(InvalidParameterException.class);
        AuthenticationProfile after = describe(id);
        assertThat(after.allowedIps()).isEmpty();
        assertThat(after.periodicSessionDuration()).isEqualTo(before.periodicSessionDuration());
        assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
    }

    @Test
    void describe_unknownIds_resourceNotFound() {
        assertThatThrownBy(() -> connect.describeAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).authenticationProfileId("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(t -> assertThat(((ConnectException) t).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> connect.listAuthenticationProfiles(r -> r.instanceId("00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void throttle_connect_retriedThenSurfacedWhenRetriesDisabled() {
        emu.injectFault(Fault.throttle("connect", 2));
        assertThat(connect.listAuthenticationProfiles(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)).authenticationProfileSummaryList()).hasSize(1);
        assertThat(emu.callCount("ListAuthenticationProfiles")).isEqualTo(3);

        emu.injectFault(Fault.throttle("connect", 1));
        assertThatThrownBy(() -> connectNoRetry.listAuthenticationProfiles(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID)))
                .isInstanceOf(ThrottlingException.class)
                .satisfies(t -> assertThat(((ConnectException) t).statusCode()).isEqualTo(429))
                .satisfies(t -> assertThat(((ConnectException) t).isThrottlingException()).isTrue());
    }

    @Test
    void http500_connect_surfacesInternalServiceException() {
        emu.injectFault(Fault.http500("connect", 1));
        assertThatThrownBy(() -> connectNoRetry.describeAuthenticationProfile(r -> r.instanceId(DEMO_CONNECT_INSTANCE_ID).authenticationProfileId(defaultId())))
                .isInstanceOf(software.amazon.awssdk.services.connect.model.InternalServiceException.class);
    }
}
