package dev.switchboard.vpn.autooff;

import dev.switchboard.vpn.UsageLedger;

import java.util.List;

/**
 * What one run found, decided and did: returned to the invoker and logged as one JSON line. Times are
 * ISO-8601 strings (null when unknown).
 *
 * @param ok           false when a disassociation failed (result {@code partial} or {@code failed})
 * @param decision     a {@link Decision} code
 * @param result       {@code done}, {@code dry-run} (would have acted), {@code no-op}, {@code partial}, {@code failed}
 * @param disassociated association ids this run disassociated
 * @param alreadyGone  association ids EC2 no longer knew when we asked (someone else was faster)
 * @param leftAlone    associated subnets outside TARGET_SUBNET_IDS: still billed, not ours to turn off
 * @param tagged       whether the TURNED_OFF tags were written (null when there was nothing to record)
 * @param finishing    the unfinished scheduled turn-off this idle run completes (its pending mark), or null
 * @param markedPending whether this run left a mark for the idle checks to finish: a forced turn-off that could not
 *                     complete, or the nightly turn-off waiting for the last person (null: not needed)
 * @param saving       null unless the run turned (or would turn) something off
 * @param month        this month's association-hours and cost so far beside always-on, from the endpoint's
 *                     usage ledger (association charges only: the per-connection charge is not included)
 */
public record AutoOffSummary(boolean ok, String mode, boolean dryRun, String trigger, String endpointId,
                             String checkedAt, Found found, String decision, String reason, String result,
                             List<String> disassociated, List<String> alreadyGone, List<String> leftAlone,
                             List<Failure> failures,
                             Boolean tagged, SavingEstimate saving, String finishing, Boolean markedPending,
                             UsageLedger.MonthCost month) {

    public static final String DONE = "done";
    public static final String DRY_RUN = "dry-run";
    public static final String NO_OP = "no-op";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";

    public AutoOffSummary {
        disassociated = List.copyOf(disassociated);
        alreadyGone = List.copyOf(alreadyGone);
        leftAlone = List.copyOf(leftAlone);
        failures = List.copyOf(failures);
    }

    /**
     * The state the decision was based on; null where the run did not need to look (e.g. connections are
     * not read when the VPN is already off).
     */
    public record Found(List<AssociationState> associations, Integer activeConnections, List<String> activeUsernames,
                        String turnedOnAt, String idleSince, String idleOffAfter) {
        public Found {
            associations = associations == null ? null : List.copyOf(associations);
            activeUsernames = activeUsernames == null ? null : List.copyOf(activeUsernames);
        }
    }

    public record AssociationState(String associationId, String subnetId, String status) {
    }

    /** A disassociation that did not happen: the stable error code and the plain message, never the SDK's. */
    public record Failure(String associationId, String subnetId, String error, String message) {
    }
}
