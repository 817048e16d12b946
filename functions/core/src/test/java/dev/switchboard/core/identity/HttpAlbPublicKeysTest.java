package dev.switchboard.core.identity;

import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.core.testing.PublicKeyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpAlbPublicKeysTest {

    AlbTokenSigner signer;
    PublicKeyServer server;
    HttpAlbPublicKeys keys;

    @BeforeEach
    void setUp() {
        signer = new AlbTokenSigner();
        server = PublicKeyServer.serving(signer);
        keys = new HttpAlbPublicKeys(server.baseUrl());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    AlbKeyException failure(HttpAlbPublicKeys source, String kid) {
        AlbKeyException e = catchThrowableOfType(AlbKeyException.class, () -> source.get(kid));
        assertThat(e).as("an AlbKeyException").isNotNull();
        return e;
    }

    @Test
    void get_servedPem_returnsTheP256Key() {
        assertThat(keys.get(signer.kid())).isEqualTo(signer.publicKey());
        assertThat(server.requestedPaths()).containsExactly("/" + signer.kid());
    }

    @Test
    void get_baseUrlWithTrailingSlash_noDoubleSlash() {
        HttpAlbPublicKeys slash = new HttpAlbPublicKeys(URI.create(server.baseUrl() + "/"));

        assertThat(slash.get(signer.kid())).isEqualTo(signer.publicKey());
        assertThat(server.requestedPaths()).containsExactly("/" + signer.kid());
    }

    @Test
    void get_sameKidTwice_fetchedOnceEvenAcrossInstances() {
        keys.get(signer.kid());
        new HttpAlbPublicKeys(server.baseUrl()).get(signer.kid());

        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void get_manyKids_cacheStaysBounded() {
        for (int i = 0; i < HttpAlbPublicKeys.MAX_CACHED_KEYS + 5; i++) {
            AlbTokenSigner other = new AlbTokenSigner();
            server.put(other.kid(), other.publicKeyPem());
            keys.get(other.kid());
        }

        assertThat(HttpAlbPublicKeys.cacheSize()).isLessThanOrEqualTo(HttpAlbPublicKeys.MAX_CACHED_KEYS);
    }

    @Test
    void get_kidNotUuid_refusedWithoutRequest() {
        assertThat(failure(keys, "../secret").reason()).isEqualTo(AlbKeyException.Reason.NOT_FOUND);
        assertThat(failure(keys, null).getMessage()).contains("not a UUID");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void get_unknownKid_notFound() {
        AlbKeyException e = failure(keys, UUID.randomUUID().toString());

        assertThat(e.reason()).isEqualTo(AlbKeyException.Reason.NOT_FOUND);
        assertThat(e).hasMessageContaining("answered 404");
    }

    @Test
    void get_garbageBody_invalid() {
        server.mode(PublicKeyServer.Mode.GARBAGE);

        assertThat(failure(keys, signer.kid()).reason()).isEqualTo(AlbKeyException.Reason.INVALID);
    }

    @Test
    void get_pemWithBrokenBase64_invalid() {
        server.put(signer.kid(), "-----BEGIN PUBLIC KEY-----\n!!!notbase64!!!\n-----END PUBLIC KEY-----\n");

        AlbKeyException e = failure(keys, signer.kid());

        assertThat(e.reason()).isEqualTo(AlbKeyException.Reason.INVALID);
        assertThat(e).hasMessageContaining("not an EC P-256 public key");
    }

    @Test
    void get_rsaKey_invalid() {
        server.mode(PublicKeyServer.Mode.RSA_KEY);

        AlbKeyException e = failure(keys, signer.kid());

        assertThat(e.reason()).isEqualTo(AlbKeyException.Reason.INVALID);
        assertThat(e).hasMessageContaining("not an EC P-256 public key");
    }

    @Test
    void get_p384Key_invalid() {
        server.put(signer.kid(), AlbTokenSigner.pem(AlbTokenSigner.newKeyPair("secp384r1").getPublic()));

        AlbKeyException e = failure(keys, signer.kid());

        assertThat(e.reason()).isEqualTo(AlbKeyException.Reason.INVALID);
        assertThat(e).hasMessageContaining("not on P-256");
    }

    @Test
    void get_oversizedBody_invalid() {
        server.put(signer.kid(), "x".repeat(HttpAlbPublicKeys.MAX_BODY_BYTES + 10));

        assertThat(failure(keys, signer.kid()).reason()).isEqualTo(AlbKeyException.Reason.INVALID);
    }

    @Test
    void get_serverError_unavailableAndNotCached() {
        server.mode(PublicKeyServer.Mode.SERVER_ERROR);
        assertThat(failure(keys, signer.kid()).reason()).isEqualTo(AlbKeyException.Reason.UNAVAILABLE);

        server.mode(PublicKeyServer.Mode.SERVE);
        assertThat(keys.get(signer.kid())).isEqualTo(signer.publicKey());
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void get_hangingServer_unavailableAfterReadTimeout() {
        server.mode(PublicKeyServer.Mode.HANG).hangFor(Duration.ofSeconds(20));
        HttpAlbPublicKeys quick = new HttpAlbPublicKeys(server.baseUrl(), Duration.ofMillis(500),
                Duration.ofMillis(300));

        long start = System.nanoTime();
        AlbKeyException e = failure(quick, signer.kid());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.reason()).isEqualTo(AlbKeyException.Reason.UNAVAILABLE);
        assertThat(e).hasMessageContaining("timed out");
        assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void get_slowDripBody_unavailableAtTotalDeadline() {
        server.mode(PublicKeyServer.Mode.DRIP).hangFor(Duration.ofSeconds(20));
        HttpAlbPublicKeys keys = new HttpAlbPublicKeys(server.baseUrl(), Duration.ofMillis(500), Duration.ofSeconds(1));

        long start = System.nanoTime();
        AlbKeyException e = failure(keys, signer.kid());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.reason()).isEqualTo(AlbKeyException.Reason.UNAVAILABLE);
        assertThat(e).hasMessageContaining("total deadline");
        assertThat(elapsed).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(3));
    }

    @Test
    void get_closedPort_unavailable() {
        HttpAlbPublicKeys closed = new HttpAlbPublicKeys(PublicKeyServer.unreachableUrl());

        AlbKeyException e = failure(closed, signer.kid());

        assertThat(e.reason()).isEqualTo(AlbKeyException.Reason.UNAVAILABLE);
        assertThat(e).hasMessageContaining("unreachable");
    }

    @Test
    void new_nonHttpUrl_rejected() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new HttpAlbPublicKeys(URI.create("file:///etc")))).hasMessageContaining("http(s)");
    }
}
