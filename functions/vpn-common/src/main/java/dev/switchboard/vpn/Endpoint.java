package dev.switchboard.vpn;

import java.time.DateTimeException;
import java.time.Instant;
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

    /**
     * A mark ({@link VpnTags#NIGHTLY_SINCE}, {@link VpnTags#OFF_PENDING_SINCE}) that still stands: newer than the
     * last turn-on and the last turn-off. Empty when absent, unreadable or stale.
     */
    public Optional<Instant> standingMark(String key) {
        Optional<Instant> mark = instantTag(key);
        for (String later : new String[] {VpnTags.TURNED_ON_AT, VpnTags.TURNED_OFF_AT}) {
            Optional<Instant> at = instantTag(later);
            if (mark.isPresent() && at.isPresent() && !mark.get().isAfter(at.get())) {
                return Optional.empty();
            }
        }
        return mark;
    }

    /** The last turn-on, when no turn-off came after it: the VPN is wanted on. */
    public Optional<Instant> turnedOnAndNotOff() {
        Optional<Instant> on = instantTag(VpnTags.TURNED_ON_AT);
        Optional<Instant> off = instantTag(VpnTags.TURNED_OFF_AT);
        return on.filter(o -> off.map(f -> !o.isBefore(f)).orElse(true));
    }

    /**
     * A tag holding an ISO-8601 instant ({@code VpnTags.TURNED_ON_AT} and the like). Empty when absent or
     * unreadable: a tag edited by hand must not break the page or the schedule.
     */
    public Optional<Instant> instantTag(String key) {
        return tag(key).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text.trim()));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }
}
