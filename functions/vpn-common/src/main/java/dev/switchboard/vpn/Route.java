package dev.switchboard.vpn;

/**
 * A Client VPN route.
 *
 * @param origin {@code associate} (added with an association) or {@code add-route} (added by a person or us)
 * @param status {@code creating}, {@code active}, {@code failed}, {@code deleting}
 */
public record Route(String destinationCidr, String targetSubnet, String origin, String status) {
}
