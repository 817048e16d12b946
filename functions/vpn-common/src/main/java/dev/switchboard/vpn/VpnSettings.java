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
 * @param idleMinutes        {@code IDLE_MINUTES}: turn off after this long with no active connection; 0 = never
 * @param graceMinutes       {@code GRACE_MINUTES}: the idle rule waits this long after each turn-on
 * @param nightlyOffTime     {@code NIGHTLY_OFF_TIME}: e.g. {@code 22:00}; empty = no nightly turn-off
 * @param timeZone           {@code SCHEDULE_TIMEZONE}: the zone of the nightly time, e.g. {@code Asia/Tokyo}
 * @param hourlyPricePerSubnet {@code HOURLY_PRICE_USD}: price of one associated subnet for one hour
 */
public record VpnSettings(String endpointId, List<String> subnetIds, List<RouteSpec> routes, int idleMinutes,
                          int graceMinutes, Optional<LocalTime> nightlyOffTime, ZoneId timeZone,
                          double hourlyPricePerSubnet) {

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
        int idle = env.integer("IDLE_MINUTES", 60, 0, 24 * 60);
        int grace = env.integer("GRACE_MINUTES", 30, 0, 24 * 60);
        Optional<LocalTime> nightly = env.optional("NIGHTLY_OFF_TIME", HH_MM, "a time of day as HH:MM, e.g. 22:00")
                .map(LocalTime::parse);
        ZoneId zone;
        try {
            zone = ZoneId.of(env.optional("SCHEDULE_TIMEZONE").orElse("UTC"));
        } catch (DateTimeException e) {
            throw new ConfigurationException("SCHEDULE_TIMEZONE", "must be a time zone name such as Asia/Tokyo");
        }
        double price = env.decimal("HOURLY_PRICE_USD", 0.15, 0, 100);
        return new VpnSettings(endpoint, subnets, routes, idle, grace, nightly, zone, price);
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
