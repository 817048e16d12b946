package dev.switchboard.vpn;

import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.Patterns;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The VPN settings the portal and auto-off share, read from the environment.
 *
 * @param endpointId         {@code CLIENT_VPN_ENDPOINT_ID}
 * @param subnetIds          {@code TARGET_SUBNET_IDS}: at most one per Availability Zone (EC2 enforces it)
 * @param routes             {@code VPN_ROUTES}: {@code cidr=subnet,cidr=subnet}; re-created after each association
 * @param idleMinutes        {@code IDLE_MINUTES}: turn off this long after the last person disconnected; 0 = no
 *                           idle rule by day. At most 60: EC2 lists ended connections for 60 minutes only
 * @param graceMinutes       {@code GRACE_MINUTES}: after a turn-on that nobody has used yet, turn off this long
 *                           after the turn-on (it covers the 5-10 minute association and the first connection)
 * @param nightlyOffTime     {@code NIGHTLY_OFF_TIME}: e.g. {@code 22:00}; from then on the VPN goes off as soon
 *                           as nobody is connected; empty = no nightly turn-off
 * @param nightlyIdleMinutes {@code NIGHTLY_IDLE_MINUTES}: after the nightly time, turn off this long after the last
 *                           person disconnected (the shorter of this and IDLE_MINUTES)
 * @param nightlyDeadline    {@code NIGHTLY_DEADLINE}: optional later time the same evening at which the VPN is turned
 *                           off even with people connected; empty = never cut anyone
 * @param timeZone           {@code SCHEDULE_TIMEZONE}: the zone of the nightly time, e.g. {@code Asia/Tokyo}
 * @param hourlyPricePerSubnet {@code HOURLY_PRICE_USD}: price of one associated subnet for one hour
 */
public record VpnSettings(String endpointId, List<String> subnetIds, List<RouteSpec> routes, int idleMinutes,
                          int graceMinutes, Optional<LocalTime> nightlyOffTime, int nightlyIdleMinutes,
                          Optional<LocalTime> nightlyDeadline, ZoneId timeZone, double hourlyPricePerSubnet) {

    /** EC2 lists ended connections for this long: idle time beyond it could not be measured. */
    public static final int MAX_IDLE_MINUTES = 60;

    // The template's defaults, chosen with the month simulation (COST.md); the code's own defaults match them.
    static final int DEFAULT_IDLE_MINUTES = 10;
    static final int DEFAULT_GRACE_MINUTES = 20;
    static final int DEFAULT_NIGHTLY_IDLE_MINUTES = 5;

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    /** A route to re-create after association: traffic to {@code cidr} goes through {@code subnetId}. */
    public record RouteSpec(String cidr, String subnetId) {
    }

    public VpnSettings {
        subnetIds = List.copyOf(subnetIds);
        routes = List.copyOf(routes);
    }

    public static VpnSettings from(Env env) {
        String endpoint = env.required("CLIENT_VPN_ENDPOINT_ID", Patterns.CLIENT_VPN_ENDPOINT_ID,
                "a Client VPN endpoint id such as cvpn-endpoint-0123456789abcdef0");
        List<String> subnets = env.requiredList("TARGET_SUBNET_IDS", Patterns.SUBNET_ID,
                "a subnet id such as subnet-0123456789abcdef0");
        List<RouteSpec> routes = new ArrayList<>();
        for (String item : env.list("VPN_ROUTES")) {
            int eq = item.indexOf('=');
            String cidr = eq < 0 ? "" : item.substring(0, eq).trim();
            String subnet = eq < 0 ? "" : item.substring(eq + 1).trim();
            if (!isIpv4Cidr(cidr) || !Patterns.SUBNET_ID.matcher(subnet).matches()) {
                throw new ConfigurationException("VPN_ROUTES",
                        "each item must be CIDR=subnet-id, e.g. 10.20.0.0/16=subnet-0123456789abcdef0 (got '" + item + "')");
            }
            if (!subnets.contains(subnet)) {
                throw new ConfigurationException("VPN_ROUTES", "route " + cidr + " targets " + subnet
                        + ", which is not in TARGET_SUBNET_IDS");
            }
            routes.add(new RouteSpec(cidr, subnet));
        }
        int idle = env.integer("IDLE_MINUTES", DEFAULT_IDLE_MINUTES, 0, MAX_IDLE_MINUTES);
        int grace = env.integer("GRACE_MINUTES", DEFAULT_GRACE_MINUTES, 0, 24 * 60);
        Optional<LocalTime> nightly = env.optional("NIGHTLY_OFF_TIME", HH_MM, "a time of day as HH:MM, e.g. 22:00")
                .map(LocalTime::parse);
        int nightlyIdle = env.integer("NIGHTLY_IDLE_MINUTES", DEFAULT_NIGHTLY_IDLE_MINUTES, 0, MAX_IDLE_MINUTES);
        Optional<LocalTime> deadline = env.optional("NIGHTLY_DEADLINE", HH_MM,
                "empty or a time of day as HH:MM later than NIGHTLY_OFF_TIME, e.g. 23:30").map(LocalTime::parse);
        if (deadline.isPresent() && nightly.isEmpty()) {
            throw new ConfigurationException("NIGHTLY_DEADLINE", "needs NIGHTLY_OFF_TIME: the deadline is a later time "
                    + "the same evening");
        }
        if (deadline.isPresent() && !deadline.get().isAfter(nightly.get())) {
            throw new ConfigurationException("NIGHTLY_DEADLINE", "must be later the same evening than NIGHTLY_OFF_TIME "
                    + nightly.get() + " (got '" + deadline.get() + "')");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(env.optional("SCHEDULE_TIMEZONE").orElse("UTC"));
        } catch (DateTimeException e) {
            throw new ConfigurationException("SCHEDULE_TIMEZONE", "must be a time zone name such as Asia/Tokyo");
        }
        double price = env.decimal("HOURLY_PRICE_USD", 0.15, 0, 100);
        return new VpnSettings(endpoint, subnets, routes, idle, grace, nightly, nightlyIdle, deadline, zone, price);
    }

    private static boolean isIpv4Cidr(String cidr) {
        // Client VPN routes are IPv4 CIDRs; a strict shape check is enough for a setting read once.
        if (!cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            return false;
        }
        String[] parts = cidr.split("[./]");
        for (int i = 0; i < 4; i++) {
            if (Integer.parseInt(parts[i]) > 255) {
                return false;
            }
        }
        return Integer.parseInt(parts[4]) <= 32;
    }
}
