package dev.switchboard.core.identity;

import java.security.interfaces.ECPublicKey;

/**
 * Where the ALB's token-signing public keys come from. The production source is {@link HttpAlbPublicKeys}
 * (the regional ELB key endpoint); tests pass their own.
 */
@FunctionalInterface
public interface AlbPublicKeys {

    /**
     * The P-256 public key with this key id.
     *
     * @param kid the {@code kid} of the token header, already checked to be a UUID
     * @throws AlbKeyException when there is no such key ({@link AlbKeyException.Reason#NOT_FOUND}), the
     *                         endpoint answered with something that is not a P-256 key ({@code INVALID}), or the
     *                         endpoint could not be reached in time ({@code UNAVAILABLE})
     */
    ECPublicKey get(String kid);
}
