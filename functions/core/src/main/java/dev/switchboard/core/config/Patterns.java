package dev.switchboard.core.config;

import java.util.regex.Pattern;

/** Shapes of the AWS identifiers the configuration contract names. */
public final class Patterns {

    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    public static final Pattern ALB_ARN = Pattern.compile(
            "arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:loadbalancer/app/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}");
    public static final Pattern CLIENT_VPN_ENDPOINT_ID = Pattern.compile("cvpn-endpoint-[0-9a-f]{8,17}");
    public static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
    public static final Pattern CONNECT_INSTANCE_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Authentication profile ids are not documented as UUIDs; accept the id charset Connect uses. */
    public static final Pattern CONNECT_PROFILE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+");

    private Patterns() {
    }
}
