package dev.switchboard.core.identity;

import java.util.Map;

/** Proves who sent an ALB request. Throws a 401 or 503 {@code SwitchboardException} when it cannot. */
@FunctionalInterface
public interface IdentityVerifier {

    Employee verify(Map<String, String> lowerCaseHeaders);
}
