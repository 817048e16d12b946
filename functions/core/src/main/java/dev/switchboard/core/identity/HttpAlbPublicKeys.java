package dev.switchboard.core.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The ALB signing keys from the regional ELB endpoint ({@code ALB_PUBLIC_KEY_URL}, by default
 * {@code https://public-keys.auth.elb.<region>.amazonaws.com}): {@code GET <base>/<kid>} answers a PEM
 * {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo), not a JWKS.
 *
 * <p>Uses {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: it loads far fewer classes and
 * starts no selector thread, which matters at Lambda cold start for one small GET. Time is bounded three ways:
 * connect timeout, read timeout (per blocking read), and a total deadline checked between reads so a server
 * dripping body bytes cannot hold the request open (worst case about deadline + one read timeout); the body is
 * capped at {@value #MAX_BODY_BYTES} bytes. Redirects are not followed. Not bounded by the deadline: DNS lookup and
 * a status line/headers dripped slower than the read timeout allows; the endpoint is AWS's own and the Lambda
 * timeout is the last bound, so no watchdog thread is started for that.
 *
 * <p>Keys are cached by URL in a process-wide map (at most {@value #MAX_CACHED_KEYS} entries), so a warm
 * container, or a handler that builds a new verifier per request, fetches each key once. ALB keys do not change
 * under a given kid, so entries never expire. Failures are never cached.
 */
public final class HttpAlbPublicKeys implements AlbPublicKeys {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_CACHED_KEYS = 16;
    static final int MAX_BODY_BYTES = 8 * 1024;

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";
    private static final Map<String, ECPublicKey> CACHE = new ConcurrentHashMap<>();

    private final String base;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final long totalDeadlineNanos;

    public HttpAlbPublicKeys(URI baseUrl) {
        this(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param baseUrl        the key endpoint; the key is at {@code baseUrl + "/" + kid}
     * @param connectTimeout TCP (and TLS) connect timeout
     * @param readTimeout    timeout of each blocking read; the whole fetch is also bounded by
     *                       {@code connectTimeout + readTimeout}, checked between reads
     */
    public HttpAlbPublicKeys(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!AsciiCase.equalsIgnoreCase("https", scheme) && !AsciiCase.equalsIgnoreCase("http", scheme)) {
            throw new IllegalArgumentException("key endpoint must be an http(s) URL: " + baseUrl);
        }
        String s = baseUrl.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.connectTimeoutMillis = positiveMillis(connectTimeout, "connectTimeout");
        this.readTimeoutMillis = positiveMillis(readTimeout, "readTimeout");
        this.totalDeadlineNanos = connectTimeout.plus(readTimeout).toNanos();
    }

    @Override
    public ECPublicKey get(String kid) {
        // The verifier checks this already; a key source that builds URLs checks it again.
        if (kid == null || !UUID.matcher(kid).matches()) {
            throw new AlbKeyException(AlbKeyException.Reason.NOT_FOUND, "kid is not a UUID, not fetched");
        }
        String url = base + "/" + kid;
        ECPublicKey cached = CACHE.get(url);
        if (cached != null) {
            return cached;
        }
        ECPublicKey key = parsePem(fetch(url), url);
        if (CACHE.size() >= MAX_CACHED_KEYS) {
            Iterator<String> it = CACHE.keySet().iterator();
            if (it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        CACHE.put(url, key);
        return key;
    }

    /** How many keys are cached (tests). */
    static int cacheSize() {
        return CACHE.size();
    }

    private String fetch(String url) {
        long deadline = System.nanoTime() + totalDeadlineNanos;
        HttpURLConnection conn = null;
        try {
            URLConnection c = new URL(url).openConnection();
            if (!(c instanceof HttpURLConnection)) {
                throw new AlbKeyException(AlbKeyException.Reason.UNAVAILABLE, "key endpoint is not HTTP: " + url);
            }
            conn = (HttpURLConnection) c;
            conn.setConnectTimeout(connectTimeoutMillis);
            conn.setReadTimeout(readTimeoutMillis);
            conn.setInstanceFollowRedirects(false);
            conn.setUseCaches(false);
            conn.setRequestProperty("Accept", "application/x-pem-file, text/plain, */*");
            int status = conn.getResponseCode();
            if (status == 200) {
                try (InputStream in = conn.getInputStream()) {
                    return readBounded(in, deadline, url);
                }
            }
            if (status == 404 || status == 403 || status == 410 || status == 400) {
                throw new AlbKeyException(AlbKeyException.Reason.NOT_FOUND,
                        "key endpoint answered " + status + " for " + url + ": no such key in this region");
            }
            throw new AlbKeyException(AlbKeyException.Reason.UNAVAILABLE,
                    "key endpoint answered " + status + " for " + url);
        } catch (SocketTimeoutException e) {
            throw new AlbKeyException(AlbKeyException.Reason.UNAVAILABLE, "key endpoint timed out: " + url, e);
        } catch (IOException e) {
            throw new AlbKeyException(AlbKeyException.Reason.UNAVAILABLE,
                    "key endpoint unreachable: " + url + " (" + e + ")", e);
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }

    private static String readBounded(InputStream in, long deadline, String url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] buf = new byte[1024];
        int n;
        while ((n = in.read(buf)) != -1) {
            out.write(buf, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                throw new AlbKeyException(AlbKeyException.Reason.INVALID,
                        "key endpoint answered more than " + MAX_BODY_BYTES + " bytes for " + url);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AlbKeyException(AlbKeyException.Reason.UNAVAILABLE,
                        "key endpoint too slow, total deadline passed: " + url);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static ECPublicKey parsePem(String body, String url) {
        int begin = body.indexOf(PEM_BEGIN);
        int end = body.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new AlbKeyException(AlbKeyException.Reason.INVALID,
                    "key endpoint answered something that is not a PEM public key: " + url);
        }
        String b64 = body.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s+", "");
        PublicKey key;
        try {
            byte[] der = Base64.getDecoder().decode(b64);
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new AlbKeyException(AlbKeyException.Reason.INVALID,
                    "key endpoint answered a PEM that is not an EC P-256 public key: " + url + " (" + e + ")", e);
        }
        if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
            throw new AlbKeyException(AlbKeyException.Reason.INVALID,
                    "key endpoint answered an EC key that is not on P-256 (secp256r1): " + url);
        }
        return ec;
    }

    private static boolean isP256(ECParameterSpec params) {
        if (params == null || params.getCurve().getField().getFieldSize() != 256) {
            return false;
        }
        ECParameterSpec p256 = P256.SPEC;
        return params.getCurve().equals(p256.getCurve())
                && params.getGenerator().equals(p256.getGenerator())
                && params.getOrder().equals(p256.getOrder())
                && params.getCofactor() == p256.getCofactor();
    }

    private static int positiveMillis(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return (int) d.toMillis();
    }

    /** secp256r1 parameters, looked up once and only when a key is first parsed. */
    private static final class P256 {
        static final ECParameterSpec SPEC;

        static {
            try {
                AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
                ap.init(new ECGenParameterSpec("secp256r1"));
                SPEC = ap.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
