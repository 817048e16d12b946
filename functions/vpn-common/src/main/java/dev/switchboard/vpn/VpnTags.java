package dev.switchboard.vpn;

/**
 * Tag keys on the Client VPN endpoint where the portal records who turned the VPN on and when, so the
 * page and the auto-off grace period can read it back without a database.
 */
public final class VpnTags {

    /** E-mail of whoever turned the VPN on (or {@code schedule}). */
    public static final String TURNED_ON_BY = "switchboard:turned-on-by";
    /**
     * The token {@code sub} of whoever turned the VPN on, beside the e-mail: two people whose addresses look
     * alike are still told apart. Absent when no token was involved (a schedule, a direct command).
     */
    public static final String TURNED_ON_BY_SUB = "switchboard:turned-on-by-sub";
    /** ISO-8601 instant of the last turn-on, e.g. {@code 2026-11-21T09:30:00Z}. */
    public static final String TURNED_ON_AT = "switchboard:turned-on-at";
    /** Who turned it off last (an admin's e-mail, {@code auto-off:force}, {@code auto-off:idle}). */
    public static final String TURNED_OFF_BY = "switchboard:turned-off-by";
    /** The token {@code sub} of the admin who turned it off; empty when no token was involved. */
    public static final String TURNED_OFF_BY_SUB = "switchboard:turned-off-by-sub";
    /** ISO-8601 instant of the last turn-off. */
    public static final String TURNED_OFF_AT = "switchboard:turned-off-at";
    /**
     * Subnets whose failed association the portal already retried during the current turn-on:
     * {@code <turned-on-at>|subnet-a,subnet-b}. The prefix ties the list to one turn-on, so a new turn-on
     * starts with an empty list without anyone clearing it.
     */
    public static final String RETRIED_SUBNETS = "switchboard:retried-subnets";

    /**
     * ISO-8601 instant when a scheduled turn-off could not finish (a disassociation failed, or an association
     * was still in progress). The idle checks complete it, unless the VPN was turned on or off after it.
     */
    public static final String OFF_PENDING_SINCE = "switchboard:off-pending-since";

    /**
     * ISO-8601 instant of the nightly run that found the VPN in use (or still associating). While it is newer
     * than the last turn-on and turn-off, the idle checks turn the VPN off as soon as nobody has been connected
     * for NIGHTLY_IDLE_MINUTES. A turn-on after it makes it stale: that turn-on is never undone by it.
     */
    public static final String NIGHTLY_SINCE = "switchboard:nightly-since";

    /**
     * This month's closed on-periods, written with every turn-off: {@code 2026-12;since=<instant>;subnet-seconds=<n>}
     * (see {@link UsageLedger}).
     */
    public static final String USAGE = "switchboard:usage";

    private VpnTags() {
    }
}
