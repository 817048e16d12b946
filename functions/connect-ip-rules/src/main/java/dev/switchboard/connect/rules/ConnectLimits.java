package dev.switchboard.connect.rules;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Message;
import dev.switchboard.core.text.Problem;

/**
 * How long an allowed or blocked list may grow through Switchboard, and what is said when it would grow longer.
 *
 * <p>Connect documents no maximum number of entries: neither the API reference (UpdateAuthenticationProfile,
 * AuthenticationProfile) nor the service model (botocore {@code connect/2017-08-08}: {@code IpCidrList} is a list
 * without {@code max}) gives one; only each entry's length, 2 to 50 characters, which {@link IpEntry#MAX_LENGTH}
 * and the emulator enforce. The cap is therefore ours, chosen so that everything that shows a profile stays well
 * within the load balancer's 1 MB response limit with both lists full of the longest entries (the page and the
 * JSON answers, measured by {@code ConnectLimitsTest}), and an audit line with the lists before and after stays
 * under CloudWatch Logs' 256 KB event limit. Another tool may still store more in Connect: such a list is shown
 * up to the cap with a count of the rest, can be shortened here, and cannot be lengthened.
 */
public final class ConnectLimits {

    /** Entries in one list that Switchboard writes or shows. */
    public static final int MAX_ENTRIES_PER_LIST = 1000;

    public static final ErrorCode LIST_TOO_LONG = ErrorCode.of("list_too_long", Problem.INVALID,
            "After this change {0} would hold {1} entries; Switchboard keeps each list to at most {2}. Nothing was changed.",
            "この変更で{0}は {1} 件になります。Switchboard では各リストを最大 {2} 件までとしています。何も変更していません。");
    public static final Message NOT_SHOWN = Message.of("list_entries_not_shown",
            "{0} more entries are stored in Connect and not shown here (Switchboard shows at most {1} per list).",
            "ほかに {0} 件のエントリが Connect に登録されていますが、ここには表示していません (1 つのリストにつき最大 {1} 件まで表示します)。");

    private ConnectLimits() {
    }

    /** The first {@link #MAX_ENTRIES_PER_LIST} entries of a stored list. */
    static java.util.List<String> shown(java.util.List<String> stored) {
        return stored.size() <= MAX_ENTRIES_PER_LIST ? stored : stored.subList(0, MAX_ENTRIES_PER_LIST);
    }
}
