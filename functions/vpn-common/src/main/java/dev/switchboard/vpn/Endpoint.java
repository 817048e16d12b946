package dev.switchboard.vpn;

import java.util.Map;
import java.util.Optional;

/**
 * A Client VPN endpoint as EC2 describes it.
 *
 * @param status {@code pending-associate} (nothing associated), {@code available}, ...
 * @param tags   the endpoint's tags, where Switchboard records who turned it on and when
 */
public record Endpoint(String id, String status, Map<String, String> tags) {

    public Endpoint {
        tags = Map.copyOf(tags);
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }
}
