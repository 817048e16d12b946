package dev.switchboard.core.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;

/**
 * A minimal X.509 v3 certificate writer (DER), for {@link TlsPriming}'s throw-away certificates: the JDK
 * signs and parses certificates but has no public API to build one, and a keystore made at build time
 * would ship a private key in the jar. A certificate here names a host under {@code .invalid}, is signed
 * with a key generated moments before, and is trusted by nothing but the priming's own trust manager.
 *
 * <p>Writes what an AWS endpoint's chain carries and the client checks: a root with basic constraints
 * {@code CA:true} and key usage {@code keyCertSign}; a leaf with key usage {@code digitalSignature}, extended
 * key usage {@code serverAuth} and the host as a DNS subject alternative name (and 127.0.0.1). Fixed validity (2020-2049)
 * and serial numbers: nothing in it depends on the clock or on randomness but the keys.
 */
final class PrimingCertificate {

    private static final String NOT_BEFORE = "200101000000Z";
    private static final String NOT_AFTER = "491231235959Z";

    private PrimingCertificate() {
    }

    /** A self-signed root named {@code CN=<name>}. */
    static X509Certificate root(String name, KeyPair key) throws GeneralSecurityException {
        byte[] extensions = seq(
                extension("2.5.29.19", true, seq(bool(true))),
                extension("2.5.29.15", true, keyUsage(0x06, 1)));
        return sign(1, name, name, key.getPublic().getEncoded(), extensions, key.getPrivate());
    }

    /** A server certificate for {@code host}, with {@code publicKey}, issued by {@code issuer}. */
    static X509Certificate leaf(String host, byte[] publicKey, X509Certificate issuer, PrivateKey issuerKey)
            throws GeneralSecurityException {
        byte[] extensions = seq(
                extension("2.5.29.15", true, keyUsage(0x80, 7)),
                extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"))),
                // Also the loopback address, which LoopbackPriming's TLS connections are made to.
                extension("2.5.29.17", false, seq(tlv(0x82, ascii(host)), tlv(0x87, new byte[] {127, 0, 0, 1}))));
        return sign(2, commonName(issuer), host, publicKey, extensions, issuerKey);
    }

    private static String commonName(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().substring("CN=".length());
    }

    private static X509Certificate sign(int serial, String issuer, String subject, byte[] publicKey, byte[] extensions,
                                        PrivateKey signer) throws GeneralSecurityException {
        boolean rsa = signer.getAlgorithm().equals("RSA");
        byte[] algorithm = rsa
                ? seq(oid("1.2.840.113549.1.1.11"), new byte[] {0x05, 0x00})
                : seq(oid("1.2.840.10045.4.3.2"));
        byte[] tbs = seq(
                tlv(0xA0, tlv(0x02, new byte[] {2})),
                tlv(0x02, new byte[] {(byte) serial}),
                algorithm,
                name(issuer),
                seq(tlv(0x17, ascii(NOT_BEFORE)), tlv(0x17, ascii(NOT_AFTER))),
                name(subject),
                publicKey,
                tlv(0xA3, extensions));
        Signature signature = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
        signature.initSign(signer);
        signature.update(tbs);
        byte[] der = seq(tbs, algorithm, bitString(signature.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] name(String commonName) {
        return seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? seq(oid(oid), bool(true), tlv(0x04, value)) : seq(oid(oid), tlv(0x04, value));
    }

    private static byte[] keyUsage(int bits, int unusedBits) {
        return tlv(0x03, new byte[] {(byte) unusedBits, (byte) bits});
    }

    private static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = 1;
            while (arc >>> (7 * groups) != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
