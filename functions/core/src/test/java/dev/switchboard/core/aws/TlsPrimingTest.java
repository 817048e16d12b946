package dev.switchboard.core.aws;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TlsPrimingTest {

    @TempDir
    Path temp;

    @Test
    void run_negotiatesTls13_withAnRsaChainAsAwsEndpoints_andAnEcdsaChainAsTheEmulator() {
        assertThat(TlsPriming.run()).containsExactly(
                new TlsPriming.Handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", "RSA"),
                new TlsPriming.Handshake("TLSv1.3", "TLS_AES_256_GCM_SHA384", "EC"));
    }

    @Test
    void run_leavesNoSessionInTheDefaultContext_whichRealConnectionsUse() throws Exception {
        SSLSessionContext sessions = SSLContext.getDefault().getClientSessionContext();
        List<String> before = peers(sessions);

        TlsPriming.run();
        NoDelayConnections.prime();

        assertThat(peers(sessions)).containsExactlyInAnyOrderElementsOf(before).doesNotContain(TlsPriming.HOST);
    }

    @Test
    void run_readsAndWritesNoSocket() throws Exception {
        // A handshake over any socket would write and read it; JFR records every socket write and read.
        List<RecordedEvent> events;
        Path dump = temp.resolve("priming.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO);
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
            recording.start();
            TlsPriming.run();
            NoDelayConnections.prime();
            recording.stop();
            recording.dump(dump);
            events = RecordingFile.readAllEvents(dump);
        }

        assertThat(events).noneMatch(e -> e.getThread() != null
                && e.getThread().getJavaThreadId() == Thread.currentThread().getId());
    }

    @Test
    void leaf_namesTheHost_isIssuedByTheRoot_andVerifiesWithItsKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        var rootKey = ec.generateKeyPair();
        var serverKey = ec.generateKeyPair();

        X509Certificate root = PrimingCertificate.root("Test Root", rootKey);
        X509Certificate leaf = PrimingCertificate.leaf("host.test.invalid", serverKey.getPublic().getEncoded(), root,
                rootKey.getPrivate());

        root.verify(rootKey.getPublic());
        leaf.verify(rootKey.getPublic());
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(leaf.getPublicKey()).isEqualTo(serverKey.getPublic());
        assertThat(leaf.getSubjectAlternativeNames())
                .containsExactly(List.of(2, "host.test.invalid"), List.of(7, "127.0.0.1"));
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
    }

    @Test
    void oid_encodesMultiByteArcs() {
        // 1.2.840.113549.1.1.11 (sha256WithRSAEncryption), as RFC 8017 lists its DER.
        assertThat(PrimingCertificate.oid("1.2.840.113549.1.1.11")).containsExactly(
                0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B);
    }

    private static List<String> peers(SSLSessionContext sessions) {
        List<String> peers = new ArrayList<>();
        for (byte[] id : Collections.list(sessions.getIds())) {
            SSLSession session = sessions.getSession(id);
            if (session != null) {
                peers.add(session.getPeerHost());
            }
        }
        return peers;
    }
}
