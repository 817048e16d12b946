package dev.switchboard.core.text;

/**
 * An error's code and text. Domain code says what kind of problem it is ({@link Problem}), never an HTTP status:
 * the edge ({@code ErrorResponses}) maps the problem to a status, once.
 * <pre>{@code
 * public static final ErrorCode INVALID_ENTRY = ErrorCode.of("invalid_entry", Problem.INVALID,
 *         "'{0}' is not an IPv4 or IPv6 address or CIDR range.", "'{0}' は IPv4/IPv6 アドレスでも CIDR 範囲でもありません。");
 * }</pre>
 */
public interface ErrorCode extends Message {

    Problem problem();

    static ErrorCode of(String code, Problem problem, String english, String japanese) {
        return new ErrorText(code, problem, english, japanese);
    }

    /** A catalog entry for an error. */
    record ErrorText(String code, Problem problem, String english, String japanese) implements ErrorCode {
        @Override
        public String toString() {
            return code;
        }
    }
}
