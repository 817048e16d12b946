package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.EmulatorState.Page;
import dev.switchboard.emulator.EmulatorState.Profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Connect authentication profiles over REST/JSON (botocore connect 2017-08-08, protocol rest-json):
 * <ul>
 *   <li>ListAuthenticationProfiles: GET /authentication-profiles-summary/{InstanceId}?maxResults=&amp;nextToken=</li>
 *   <li>DescribeAuthenticationProfile: GET /authentication-profiles/{InstanceId}/{AuthenticationProfileId}</li>
 *   <li>UpdateAuthenticationProfile: POST /authentication-profiles/{InstanceId}/{AuthenticationProfileId}</li>
 * </ul>
 * Errors are the operations' modelled ones: ResourceNotFoundException (404), InvalidParameterException and
 * InvalidRequestException (400), ThrottlingException (429), InternalServiceException (500); the code is in the
 * {@code x-amzn-ErrorType} header and the body is {@code {"Message": "..."}}. Timestamps are epoch seconds.
 */
final class ConnectApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUMMARY = Pattern.compile("^/authentication-profiles-summary/([^/]+)/?$");
    private static final Pattern PROFILE = Pattern.compile("^/authentication-profiles/([^/]+)/([^/]+)/?$");
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?$");

    private final EmulatorState state;

    ConnectApi(EmulatorState state) {
        this.state = state;
    }

    record Reply(int status, String body, String errorType) {
    }

    /** The operation a request is for, or null when the path is not a Connect operation we serve. */
    static String operation(String method, String path) {
        if (SUMMARY.matcher(path).matches() && method.equals("GET")) {
            return "ListAuthenticationProfiles";
        }
        if (PROFILE.matcher(path).matches()) {
            if (method.equals("GET")) {
                return "DescribeAuthenticationProfile";
            }
            if (method.equals("POST")) {
                return "UpdateAuthenticationProfile";
            }
        }
        return null;
    }

    static boolean looksLikeConnect(String path) {
        return path.startsWith("/authentication-profiles");
    }

    static Reply error(int status, String type, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Message", message);
        return new Reply(status, n.toString(), type);
    }

    Reply handle(String op, String path, Map<String, String> query, byte[] body, String callerRegion) {
        try {
            synchronized (state) {
                state.tick();
                return switch (op) {
                    case "ListAuthenticationProfiles" -> list(group(SUMMARY, path, 1), query);
                    case "DescribeAuthenticationProfile" -> describe(group(PROFILE, path, 1), group(PROFILE, path, 2));
                    case "UpdateAuthenticationProfile" ->
                            update(group(PROFILE, path, 1), group(PROFILE, path, 2), body, callerRegion);
                    default -> error(404, "UnknownOperationException", "Unknown operation " + op);
                };
            }
        } catch (AwsError e) {
            return error(e.status, e.code, e.getMessage());
        }
    }

    private static String group(Pattern p, String path, int g) {
        Matcher m = p.matcher(path);
        if (!m.matches()) {
            throw new IllegalStateException(path);
        }
        return java.net.URLDecoder.decode(m.group(g).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Map<String, Profile> instance(String instanceId) {
        Map<String, Profile> profiles = state.instances.get(instanceId);
        if (profiles == null) {
            throw new AwsError(404, "ResourceNotFoundException", "Instance not found: " + instanceId);
        }
        return profiles;
    }

    private Profile profile(String instanceId, String profileId) {
        Profile p = instance(instanceId).get(profileId);
        if (p == null) {
            throw new AwsError(404, "ResourceNotFoundException",
                    "Authentication profile not found: " + profileId + " in instance " + instanceId);
        }
        return p;
    }

    private String arn(Profile p) {
        return "arn:aws:connect:" + state.region + ":" + EmulatorState.ACCOUNT_ID + ":instance/" + p.instanceId
                + "/authentication-profile/" + p.id;
    }

    private static BigDecimal epochSeconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli(), 3);
    }

    // botocore connect 2017-08-08 ListAuthenticationProfilesRequest / ListAuthenticationProfilesResponse
    private Reply list(String instanceId, Map<String, String> query) {
        Map<String, Profile> profiles = instance(instanceId);
        Integer max = null;
        String raw = query.get("maxResults");
        if (raw != null) {
            try {
                max = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new AwsError(400, "InvalidParameterException", "maxResults must be a number: " + raw);
            }
            if (max < 1 || max > 1000) { // MaxResult1000: min 1, max 1000
                throw new AwsError(400, "InvalidParameterException", "maxResults must be between 1 and 1000");
            }
        }
        Page<Profile> page = EmulatorState.page(new ArrayList<>(profiles.values()), max, query.get("nextToken"),
                "profiles:" + instanceId, new AwsError(400, "InvalidParameterException", "The nextToken is not valid."));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("AuthenticationProfileSummaryList");
        for (Profile p : page.items()) {
            ObjectNode n = items.addObject();
            n.put("Id", p.id);
            n.put("Arn", arn(p));
            n.put("Name", p.name);
            n.put("IsDefault", p.isDefault);
            n.put("LastModifiedTime", epochSeconds(p.lastModified));
            n.put("LastModifiedRegion", p.lastModifiedRegion);
        }
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return new Reply(200, out.toString(), null);
    }

    // botocore connect 2017-08-08 DescribeAuthenticationProfileResponse.AuthenticationProfile
    private Reply describe(String instanceId, String profileId) {
        Profile p = profile(instanceId, profileId);
        ObjectNode out = JSON.createObjectNode();
        out.set("AuthenticationProfile", toJson(p));
        return new Reply(200, out.toString(), null);
    }

    ObjectNode toJson(Profile p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Id", p.id);
        n.put("Arn", arn(p));
        n.put("Name", p.name);
        if (p.description != null) {
            n.put("Description", p.description);
        }
        p.allowedIps.forEach(n.putArray("AllowedIps")::add);
        p.blockedIps.forEach(n.putArray("BlockedIps")::add);
        n.put("IsDefault", p.isDefault);
        n.put("CreatedTime", epochSeconds(p.created));
        n.put("LastModifiedTime", epochSeconds(p.lastModified));
        n.put("LastModifiedRegion", p.lastModifiedRegion);
        n.put("PeriodicSessionDuration", p.periodicSessionDuration);
        n.put("MaxSessionDuration", p.maxSessionDuration);
        n.put("SessionInactivityDuration", p.sessionInactivityDuration);
        n.put("SessionInactivityHandlingEnabled", p.sessionInactivityHandlingEnabled);
        return n;
    }

    // botocore connect 2017-08-08 UpdateAuthenticationProfileRequest: only the members sent change
    private Reply update(String instanceId, String profileId, byte[] body, String callerRegion) {
        Profile p = profile(instanceId, profileId);
        JsonNode in;
        try {
            in = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AwsError(400, "InvalidRequestException", "The request body is not valid JSON.");
        }
        if (in == null || !in.isObject()) {
            throw new AwsError(400, "InvalidRequestException", "The request body must be a JSON object.");
        }
        // validate everything first, so an invalid request changes nothing
        String name = text(in, "Name", 1, 128);
        String description = text(in, "Description", 1, 250);
        List<String> allowed = ips(in, "AllowedIps");
        List<String> blocked = ips(in, "BlockedIps");
        Integer periodic = number(in, "PeriodicSessionDuration", 10, 60);       // AccessTokenDuration
        Integer inactivity = number(in, "SessionInactivityDuration", 15, 720);  // InactivityDuration
        JsonNode handling = in.get("SessionInactivityHandlingEnabled");
        if (handling != null && !handling.isNull() && !handling.isBoolean()) {
            throw new AwsError(400, "InvalidParameterException", "SessionInactivityHandlingEnabled must be a boolean.");
        }
        if (name != null) {
            p.name = name;
        }
        if (description != null) {
            p.description = description;
        }
        if (allowed != null) {
            p.allowedIps = allowed;
        }
        if (blocked != null) {
            p.blockedIps = blocked;
        }
        if (periodic != null) {
            p.periodicSessionDuration = periodic;
        }
        if (inactivity != null) {
            p.sessionInactivityDuration = inactivity;
        }
        if (handling != null && !handling.isNull()) {
            p.sessionInactivityHandlingEnabled = handling.booleanValue();
        }
        p.lastModified = state.now();
        p.lastModifiedRegion = callerRegion != null ? callerRegion : state.region;
        return new Reply(200, "{}", null);
    }

    private static String text(JsonNode in, String field, int min, int max) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.textValue().length() < min || v.textValue().length() > max) {
            throw new AwsError(400, "InvalidParameterException",
                    field + " must be a string of " + min + " to " + max + " characters.");
        }
        return v.textValue();
    }

    private static Integer number(JsonNode in, String field, int min, int max) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < min || v.intValue() > max) {
            throw new AwsError(400, "InvalidParameterException",
                    field + " must be an integer between " + min + " and " + max + ", got " + v);
        }
        return v.intValue();
    }

    private static List<String> ips(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new AwsError(400, "InvalidParameterException", field + " must be a list of IP addresses or CIDR ranges.");
        }
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            // IpCidr: length 2..50. (The model's pattern ^[A-Za-z0-9:/]*$ has no '.', which would reject every
            // IPv4 address the service accepts; we check for a real IPv4/IPv6 address or CIDR instead.)
            if (!e.isTextual() || e.textValue().length() < 2 || e.textValue().length() > 50 || !isIpOrCidr(e.textValue())) {
                throw new AwsError(400, "InvalidParameterException",
                        field + " contains an invalid IP address or CIDR range: " + e);
            }
            out.add(e.textValue());
        }
        return out;
    }

    static boolean isIpOrCidr(String s) {
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        String addr = s;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            String bits = s.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > 128) {
                return false;
            }
            addr = s.substring(0, slash);
        }
        return isIpv6(addr);
    }

    static boolean isIpv6(String s) {
        if (!s.matches("[0-9A-Fa-f:]+") || !s.contains(":")) {
            return false;
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        String[] parts = dc >= 0
                ? (s.substring(0, dc) + ":" + s.substring(dc + 2)).split(":", -1)
                : s.split(":", -1);
        int groups = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                if (dc < 0) {
                    return false;
                }
                continue;
            }
            if (part.length() > 4) {
                return false;
            }
            groups++;
        }
        return dc >= 0 ? groups < 8 : groups == 8;
    }
}
