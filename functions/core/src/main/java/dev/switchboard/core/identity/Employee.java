package dev.switchboard.core.identity;

import java.util.Objects;

/**
 * Who is making the request, as proven by the ALB-signed {@code x-amzn-oidc-data} token.
 *
 * @param email    the {@code email} claim with ASCII {@code A}–{@code Z} lower-cased and nothing else changed (a
 *                 look-alike character stays visible in audit lines); what {@code ADMIN_EMAILS} is compared with
 *                 (see {@link AdminEmails})
 * @param username the {@code username} claim, or the email when the IdP sends none
 * @param sub      the {@code sub} claim: the stable user id in the Cognito user pool
 * @param sourceIp the client address: the right-most entry of {@code x-forwarded-for}: the one ALB appended, which a client cannot forge
 */
public record Employee(String email, String username, String sub, String sourceIp) {

    public Employee {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(sourceIp, "sourceIp");
    }
}
