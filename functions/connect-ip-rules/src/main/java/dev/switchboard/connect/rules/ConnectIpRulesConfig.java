package dev.switchboard.connect.rules;

import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.config.Patterns;

import java.util.Optional;

/**
 * This function's configuration: the identity settings, {@code CONNECT_INSTANCE_ID} (a UUID) and the optional
 * {@code CONNECT_AUTHENTICATION_PROFILE_ID} (default: the instance's default profile, found by listing).
 */
public record ConnectIpRulesConfig(IdentityConfig identity, String instanceId, String profileId) {

    public static ConnectIpRulesConfig from(Env env) {
        return new ConnectIpRulesConfig(IdentityConfig.from(env),
                env.required("CONNECT_INSTANCE_ID", Patterns.CONNECT_INSTANCE_ID, "a Connect instance id (UUID)"),
                env.optional("CONNECT_AUTHENTICATION_PROFILE_ID", Patterns.CONNECT_PROFILE_ID,
                        "an authentication profile id").orElse(null));
    }

    public Optional<String> configuredProfileId() {
        return Optional.ofNullable(profileId);
    }
}
