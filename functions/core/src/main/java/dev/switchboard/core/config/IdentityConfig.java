package dev.switchboard.core.config;

import dev.switchboard.core.identity.AdminEmails;

import java.net.URI;
import java.util.Optional;

/**
 * What the ALB identity verifier needs: {@code ALB_ARN}, {@code ALB_CLIENT_ID}, {@code ALB_ISSUER},
 * {@code ALB_PUBLIC_KEY_URL} (default: the regional ELB key endpoint) and {@code ADMIN_EMAILS}.
 */
public record IdentityConfig(String region, String albArn, Optional<String> clientId, Optional<String> issuer,
                             URI publicKeyUrl, AdminEmails adminEmails) {

    public static IdentityConfig from(Env env) {
        String region = env.required("AWS_REGION", Patterns.REGION, "an AWS region such as ap-northeast-1");
        String albArn = env.required("ALB_ARN", Patterns.ALB_ARN, "an application load balancer ARN");
        URI keys = env.httpUrl("ALB_PUBLIC_KEY_URL", "https://public-keys.auth.elb." + region + ".amazonaws.com");
        for (String email : env.list("ADMIN_EMAILS")) {
            if (!Patterns.EMAIL.matcher(email).matches()) {
                throw new ConfigurationException("ADMIN_EMAILS", "each item must be an e-mail address (got '" + email + "')");
            }
        }
        return new IdentityConfig(region, albArn, env.optional("ALB_CLIENT_ID"), env.optional("ALB_ISSUER"), keys,
                AdminEmails.parse(env.optional("ADMIN_EMAILS").orElse("")));
    }
}
