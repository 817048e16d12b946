package dev.switchboard.connect.rules;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Message;
import dev.switchboard.core.text.Problem;

/**
 * What an admin reads before adding {@code 0.0.0.0/0} or {@code ::/0}: an entry that matches every address of its
 * family changes who may sign in for everyone, not only for the admin, so it always asks first.
 */
public final class WholeFamilyText {

    public static final ErrorCode ALLOW = ErrorCode.of("whole_family_allow", Problem.CONFLICT,
            "Allowing {0} lets every address of its kind (IPv4 or IPv6) sign in to Amazon Connect: the allowed list no"
                    + " longer restricts them. Nothing was written; confirm to apply it anyway.",
            "{0} を許可すると、同じ種類 (IPv4 または IPv6) のすべてのアドレスが Amazon Connect にサインインできるようになり、"
                    + "許可リストによる制限がなくなります。まだ何も書き込んでいません。適用するには確認してください。");
    public static final ErrorCode BLOCK = ErrorCode.of("whole_family_block", Problem.CONFLICT,
            "Blocking {0} refuses every agent who signs in from an address of its kind (IPv4 or IPv6); only the"
                    + " emergency admin login still works. Nothing was written; confirm to apply it anyway.",
            "{0} をブロックすると、同じ種類 (IPv4 または IPv6) のアドレスからサインインするすべてのエージェントが拒否されます"
                    + " (緊急管理者ログインだけが使えます)。まだ何も書き込んでいません。適用するには確認してください。");
    public static final Message TITLE = Message.of("whole_family_title",
            "This change affects every address of a kind", "この変更は同じ種類のすべてのアドレスに影響します");

    private WholeFamilyText() {
    }
}
