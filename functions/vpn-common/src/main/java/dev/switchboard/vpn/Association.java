package dev.switchboard.vpn;

/**
 * A target-network association.
 *
 * @param status  EC2's code: {@code associating}, {@code associated}, {@code association-failed},
 *                {@code disassociating}, {@code disassociated}
 * @param message EC2's status message, when it gives one (e.g. why an association failed)
 */
public record Association(String id, String subnetId, String vpcId, String status, String message) {

    public static final String ASSOCIATING = "associating";
    public static final String ASSOCIATED = "associated";
    public static final String FAILED = "association-failed";
    public static final String DISASSOCIATING = "disassociating";
    public static final String DISASSOCIATED = "disassociated";

    /** Still in progress: the schedule never acts while any association is in this state. */
    public boolean inProgress() {
        return ASSOCIATING.equals(status) || DISASSOCIATING.equals(status);
    }

    /** Counts as "on": billed, and either usable or becoming usable. */
    public boolean onOrTurningOn() {
        return ASSOCIATING.equals(status) || ASSOCIATED.equals(status);
    }
}
