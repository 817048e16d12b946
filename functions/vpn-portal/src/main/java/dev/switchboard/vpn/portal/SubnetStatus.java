package dev.switchboard.vpn.portal;

/**
 * One target subnet as the page shows it.
 *
 * @param status        EC2's association status, or {@link #NOT_ASSOCIATED}
 * @param associationId the current association, or null
 * @param failed        the subnet could not be associated even after one retry (or is waiting for it):
 *                      reported to the user, who should tell IT
 * @param message       EC2's reason for a failure, or null
 */
public record SubnetStatus(String subnetId, String status, String associationId, boolean failed, String message) {

    public static final String NOT_ASSOCIATED = "not-associated";
}
