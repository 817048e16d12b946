package dev.switchboard.connect.rules;

import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.config.Patterns;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * This function's configuration: the identity settings, {@code CONNECT_INSTANCE_ID} (a UUID), the optional
 * {@code CONNECT_AUTHENTICATION_PROFILE_ID} (default: the instance's default profile, found by listing) and
 * {@code SCHEDULE_TIMEZONE} (default {@code UTC}, as for the VPN functions): the zone the page shows times in.
 */
public record ConnectIpRulesConfig(IdentityConfig identity, String instanceId, String profileId, ZoneId zone) {

    /** Times shown in UTC. */
    public ConnectIpRulesConfig(IdentityConfig identity, String instanceId, String profileId) {
        this(identity, instanceId, profileId, ZoneId.of("UTC"));
    }

    public static ConnectIpRulesConfig from(Env env) {
        ZoneId zone;
        try {
            zone = ZoneId.of(env.optional("SCHEDULE_TIMEZONE").orElse("UTC"));
        } catch (DateTimeException e) {
            throw new ConfigurationException("SCHEDULE_TIMEZONE", "must be a time zone name such as Asia/Tokyo");
        }
        return new ConnectIpRulesConfig(IdentityConfig.from(env),
                env.required("CONNECT_INSTANCE_ID", Patterns.CONNECT_INSTANCE_ID, "a Connect instance id (UUID)"),
                env.optional("CONNECT_AUTHENTICATION_PROFILE_ID", Patterns.CONNECT_PROFILE_ID,
                        "an authentication profile id").orElse(null), zone);
    }

    public Optional<String> configuredProfileId() {
        return Optional.ofNullable(profileId);
    }
}
