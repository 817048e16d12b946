package dev.switchboard.vpn.portal;

import dev.switchboard.vpn.Association;

import java.util.List;

/**
 * Where the VPN stands, from its associations. Precedence, first match wins:
 * <ol>
 *   <li>{@link #TURNING_OFF}: any association is {@code disassociating} (a turn-off is in progress; the
 *       last one ending also ends every connection);</li>
 *   <li>{@link #TURNING_ON}: any is {@code associating};</li>
 *   <li>{@link #READY}: at least one is {@code associated} and none is in progress. People can connect as
 *       soon as one subnet is associated, so a target subnet that failed does not hold READY back: it is
 *       reported next to the state instead;</li>
 *   <li>{@link #OFF}: nothing is associated (failed and disassociated associations do not count).</li>
 * </ol>
 */
public enum VpnState {
    OFF("off"), TURNING_ON("turning-on"), READY("ready"), TURNING_OFF("turning-off");

    private final String code;

    VpnState(String code) {
        this.code = code;
    }

    /** The stable name in JSON answers. */
    public String code() {
        return code;
    }

    /** True while EC2 is still working: the page keeps refreshing itself. */
    public boolean settling() {
        return this == TURNING_ON || this == TURNING_OFF;
    }

    public static VpnState of(List<Association> associations) {
        if (associations.stream().anyMatch(a -> Association.DISASSOCIATING.equals(a.status()))) {
            return TURNING_OFF;
        }
        if (associations.stream().anyMatch(a -> Association.ASSOCIATING.equals(a.status()))) {
            return TURNING_ON;
        }
        if (associations.stream().anyMatch(a -> Association.ASSOCIATED.equals(a.status()))) {
            return READY;
        }
        return OFF;
    }
}
