package dev.switchboard.core.text;

/** What kind of problem an error is, in the domain's words; {@code ErrorResponses} maps each to its HTTP status. */
public enum Problem {
    /** The input cannot be used as it is; the person can correct it. */
    INVALID,
    /** No valid identity came with the request. */
    UNAUTHENTICATED,
    /** The person is known but may not do this, or the request did not come from our own page. */
    FORBIDDEN,
    /** There is no such thing (page, profile, instance). */
    NOT_FOUND,
    /** The address exists but does not take this kind of request. */
    METHOD_NOT_ALLOWED,
    /** The state has moved on (someone else changed it, it is turning off) or a confirmation is needed. */
    CONFLICT,
    /** The request is larger than we read. */
    TOO_LARGE,
    /** An upstream service is busy or unreachable; trying again later may work. */
    UNAVAILABLE,
    /** Our configuration or permissions are wrong: a person in IT must act, retrying will not help. */
    MISCONFIGURED,
    /** Something we did not foresee. */
    INTERNAL
}
