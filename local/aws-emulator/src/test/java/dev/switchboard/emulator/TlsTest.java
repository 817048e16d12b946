package dev.switchboard.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator over HTTPS, as the cold-start benchmark runs it so the TLS handshake is measured too. */
class TlsTest {

    private static final char[] PASSWORD = "emulator".toCharArray();

    @Test
    void start_withTls_servesTheSdkOverHttps() throws Exception {
        Path dir = Files.createTempDirectory("emulator-tls");
        Path keyStore = dir.resolve("emulator.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "emulator", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, PASSWORD);
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("emulator", trusted.getCertificate("emulator"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);

        try (AwsEmulator emu = AwsEmulator.start("127.0.0.1", 0, AwsEmulator.tlsFromKeyStore(keyStore, PASSWORD));
             Ec2Client ec2 = Ec2Client.builder().endpointOverride(emu.endpoint()).region(Region.AP_NORTHEAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers).build())
                     .build()) {
            AwsEmulator.seedDemo(emu);

            assertThat(emu.endpoint().getScheme()).isEqualTo("https");
            assertThat(ec2.describeClientVpnEndpoints().clientVpnEndpoints())
                    .extracting(e -> e.clientVpnEndpointId()).isEqualTo(List.of(AwsEmulator.DEMO_ENDPOINT_ID));
        }
    }
}
