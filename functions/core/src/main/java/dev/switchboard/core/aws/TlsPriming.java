package dev.switchboard.core.aws;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Warms the JDK's TLS client for priming, without a network: TLS 1.3 handshakes between a client
 * {@link SSLEngine} and a server {@link SSLEngine} in memory, then one request and answer over each. The
 * first real HTTPS call after a SnapStart restore then finds JSSE's classes loaded and its handshake code
 * (key share, key schedule, certificate path validation and hostname check, signature verification,
 * AES-GCM records) already run, and pays mainly for its own round trips.
 *
 * <p>What it exercises is what an AWS endpoint negotiates with the SDK's client: TLS 1.3 with an RSA
 * certificate chain (RSA-PSS handshake signature, {@code sha256WithRSAEncryption} certificate signature,
 * {@code TLS_AES_128_GCM_SHA256}), and an ECDSA P-256 chain (the local emulator's kind, and the JDK's own
 * preferred {@code TLS_AES_256_GCM_SHA384}); the key exchange is the JDK client's default group.
 *
 * <p>Nothing of it survives into a snapshot: the keys and certificates are generated here and dropped,
 * both ends use their own throw-away {@link SSLContext} (so no session or ticket reaches the contexts real
 * connections use), no socket is opened, and randomness comes from {@code SecureRandom}, which Lambda's
 * Java runtimes keep unique across restored snapshots.
 */
public final class TlsPriming {

    /** The host the throw-away certificates name; {@code .invalid} can never resolve. */
    static final String HOST = "priming.switchboard.invalid";

    private static final byte[] REQUEST = ("POST / HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ROUNDS = 64;

    /** What one priming handshake negotiated, as the client saw it. */
    public record Handshake(String protocol, String cipherSuite, String serverKey) {
    }

    private TlsPriming() {
    }

    /** Runs the handshakes once (RSA chain, then ECDSA chain) and returns what each negotiated. */
    public static List<Handshake> run() {
        return run(1);
    }

    /**
     * The same {@code rounds} times over (each round with new client contexts, so new full handshakes), on
     * keys generated once: repeating gives the JIT compiler the handshake's hot code to compile.
     */
    public static List<Handshake> run(int rounds) {
        try {
            Chain rsa = Chain.of(keys("RSA"));
            Chain ec = Chain.of(keys("EC"));
            List<Handshake> done = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                done.add(handshake(rsa, "TLS_AES_128_GCM_SHA256"));
                done.add(handshake(ec, null));
            }
            return done;
        } catch (GeneralSecurityException | SSLException e) {
            throw new IllegalStateException("TLS priming handshake failed", e);
        }
    }

    /** A throw-away client context and the server context it trusts (ECDSA chain), for {@link LoopbackPriming}. */
    record Contexts(SSLContext client, SSLContext server) {

        static Contexts create() {
            try {
                Chain ec = Chain.of(keys("EC"));
                return new Contexts(clientContext(ec.root()), serverContext(ec.leaf(), ec.serverKey()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS priming contexts failed", e);
            }
        }
    }

    /** A root, the server's certificate it issued, and the server's key. */
    private record Chain(X509Certificate root, X509Certificate leaf, PrivateKey serverKey) {

        static Chain of(KeyPair[] keys) throws GeneralSecurityException {
            KeyPair rootKey = keys[0];
            KeyPair serverKey = keys[1];
            X509Certificate root = PrimingCertificate.root("Switchboard Priming Root", rootKey);
            return new Chain(root, PrimingCertificate.leaf(HOST, serverKey.getPublic().getEncoded(), root,
                    rootKey.getPrivate()), serverKey.getPrivate());
        }
    }

    /**
     * The root's and the server's key pairs. RSA generates one pair for both: a 2048-bit RSA key takes
     * most of a second to find on a cold JVM, and a chain verifies the same way whether or not the two
     * keys differ.
     */
    private static KeyPair[] keys(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("RSA")) {
            generator.initialize(2048);
            KeyPair both = generator.generateKeyPair();
            return new KeyPair[] {both, both};
        }
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return new KeyPair[] {generator.generateKeyPair(), generator.generateKeyPair()};
    }

    /**
     * A full handshake, then a second connection from the same client context, which resumes the first's
     * session with its ticket (pre-shared key), as the SDK's second connection to an endpoint does.
     */
    private static Handshake handshake(Chain chain, String serverCipherSuite)
            throws GeneralSecurityException, SSLException {
        SSLContext clientContext = clientContext(chain.root());
        SSLContext serverContext = serverContext(chain.leaf(), chain.serverKey());
        Handshake full = connect(clientContext, serverContext, serverCipherSuite);
        connect(clientContext, serverContext, serverCipherSuite);
        return full;
    }

    private static Handshake connect(SSLContext clientContext, SSLContext serverContext, String serverCipherSuite)
            throws SSLException {
        SSLEngine client = clientContext.createSSLEngine(HOST, 443);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        // As HttpsURLConnection sets them: the server name sent, and the certificate checked against it.
        parameters.setServerNames(List.of(new SNIHostName(HOST)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);

        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        if (serverCipherSuite != null) {
            server.setEnabledCipherSuites(new String[] {serverCipherSuite});
        }
        exchange(client, server);
        SSLSession session = client.getSession();
        return new Handshake(session.getProtocol(), session.getCipherSuite(),
                session.getPeerCertificates()[0].getPublicKey().getAlgorithm());
    }

    /** A client context like the JVM's default one, trusting only {@code root}, through the default (PKIX) trust manager. */
    private static SSLContext clientContext(X509Certificate root) throws GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            trusted.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        trusted.setCertificateEntry("root", root);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static SSLContext serverContext(X509Certificate leaf, PrivateKey key) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new OneKey(leaf, key)}, null, null);
        return context;
    }

    /** Drives both engines until the client has the server's answer to its request, then closes both. */
    private static void exchange(SSLEngine client, SSLEngine server) throws SSLException {
        ByteBuffer request = ByteBuffer.wrap(REQUEST);
        ByteBuffer response = ByteBuffer.wrap(RESPONSE);
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        ByteBuffer atServer = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
        ByteBuffer atClient = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
        for (int round = 0; atClient.position() < RESPONSE.length; round++) {
            if (round == MAX_ROUNDS) {
                throw new SSLException("no answer after " + MAX_ROUNDS + " rounds");
            }
            wrap(client, request, toServer);
            unwrap(server, toServer, atServer);
            wrap(server, atServer.position() >= REQUEST.length ? response : ByteBuffer.allocate(0), toClient);
            unwrap(client, toClient, atClient);
        }
        client.closeOutbound();
        wrap(client, ByteBuffer.allocate(0), toServer);
        unwrap(server, toServer, atServer);
    }

    private static void wrap(SSLEngine engine, ByteBuffer from, ByteBuffer to) throws SSLException {
        SSLEngineResult result;
        do {
            result = engine.wrap(from, to);
            runTasks(engine);
        } while (result.getStatus() == SSLEngineResult.Status.OK && result.bytesProduced() > 0
                && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP);
    }

    private static void unwrap(SSLEngine engine, ByteBuffer from, ByteBuffer to) throws SSLException {
        from.flip();
        try {
            while (from.hasRemaining()) {
                SSLEngineResult result = engine.unwrap(from, to);
                runTasks(engine);
                if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
                    break;
                }
            }
        } finally {
            from.compact();
        }
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    /** The server's one certificate and key. */
    private static final class OneKey extends X509ExtendedKeyManager {

        private static final String ALIAS = "priming";
        private final X509Certificate certificate;
        private final PrivateKey key;

        OneKey(X509Certificate certificate, PrivateKey key) {
            this.certificate = certificate;
            this.key = key;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return keyType.equals(key.getAlgorithm()) ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keyType.equals(key.getAlgorithm()) ? ALIAS : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keyType.equals(key.getAlgorithm()) ? new String[] {ALIAS} : null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? new X509Certificate[] {certificate} : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
