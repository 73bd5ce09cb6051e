package org.yizhan.hall;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which hall server certificate the kiosk (or the counter command) trusts over https: the Java runtime's own CAs
 * (the default), the CA of a file ({@code server.ca}: a hall's own CA, or the county's), or exactly one
 * certificate, by the SHA-256 fingerprint of its DER bytes ({@code server.pin}: a hall without a CA). A
 * certificate that does not fit fails the handshake with a {@link Mismatch} that names the key to look at.
 */
public final class ServerTrust {
    /** The runtime's CAs, for a server with a public certificate (or plain http). */
    public static final ServerTrust SYSTEM = new ServerTrust(null, "");

    private final SSLContext context;
    private final String describe;

    private ServerTrust(SSLContext context, String describe) {
        this.context = context;
        this.describe = describe;
    }

    /** The handshake's refusal, in words that name the setting. */
    public static final class Mismatch extends CertificateException {
        Mismatch(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Trusts the certificates a CA in {@code caFile} (PEM, one or more) signed, for the name in server.url. */
    public static ServerTrust ca(Path caFile, String key) throws IOException, GeneralSecurityException {
        List<X509Certificate> cas = readCertificates(caFile);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        X509ExtendedTrustManager system = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
        String words = "the hall server's certificate is not signed by the CA in " + key + " (" + caFile
                + "), or not for the address in server.url";
        return new ServerTrust(context(new Checked(system, words)), key + " " + caFile);
    }

    /** Trusts exactly the certificate whose SHA-256 is {@code fingerprint} (hex, colons allowed). */
    public static ServerTrust pin(String fingerprint, String key) throws GeneralSecurityException {
        String want = normalize(fingerprint).orElseThrow(() -> new IllegalArgumentException(
                key + " must be a SHA-256 fingerprint: 64 hex digits, colons allowed"));
        return new ServerTrust(context(new Pinned(want, key)), key + " " + want);
    }

    /** 64 lower-case hex digits, or empty if {@code text} is not a SHA-256 fingerprint. */
    private static Optional<String> normalize(String text) {
        String hex = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? Optional.of(hex) : Optional.empty();
    }

    /** The fingerprint {@code server.pin} takes for {@code certificate}, as openssl prints it without colons. */
    public static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new CertificateException(file + " holds no certificate (PEM, -----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        }
    }

    /** The context for the HTTP client, or empty for the runtime's default. */
    Optional<SSLContext> context() {
        return Optional.ofNullable(context);
    }

    @Override
    public String toString() {
        return context == null ? "the runtime's CAs" : describe;
    }

    private static SSLContext context(TrustManager manager) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {manager}, null);
        return context;
    }

    /** A trust manager of a client: it is never asked about clients. */
    private abstract static class ServerSide extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a kiosk is no server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a kiosk is no server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a kiosk is no server");
        }
    }

    /** The CA's own checks (chain, dates, the name in server.url), with a refusal that names the key. */
    private static final class Checked extends ServerSide {
        private final X509ExtendedTrustManager system;
        private final String words;

        Checked(X509ExtendedTrustManager system, String words) {
            this.system = system;
            this.words = words;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            named(() -> system.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            named(() -> system.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            named(() -> system.checkServerTrusted(chain, authType));
        }

        private interface Check {
            void run() throws CertificateException;
        }

        private void named(Check check) throws CertificateException {
            try {
                check.run();
            } catch (CertificateException e) {
                throw new Mismatch(words + ": " + e.getMessage(), e);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return system.getAcceptedIssuers();
        }
    }

    /**
     * Exactly one certificate. Its name is not checked against server.url: the pin names the certificate itself,
     * which says more than a name (a hall server is reached by its address, which a self-made certificate may
     * not carry).
     */
    private static final class Pinned extends ServerSide {
        private final String want;
        private final String key;

        Pinned(String want, String key) {
            this.want = want;
            this.key = key;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new Mismatch("the hall server sent no certificate; " + key + " names one", null);
            }
            String got = fingerprint(chain[0]);
            if (!got.equals(want)) {
                throw new Mismatch("the hall server's certificate is not the one " + key + " names: its SHA-256 is "
                        + got + ", " + key + " is " + want, null);
            }
            try {
                chain[0].checkValidity();
            } catch (CertificateException e) {
                throw new Mismatch("the certificate " + key + " names is out of its dates (" + e.getMessage()
                        + "); make a new one and pin it", e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
