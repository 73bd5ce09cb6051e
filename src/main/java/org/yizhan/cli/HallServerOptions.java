package org.yizhan.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.hall.ServerTrust;
import picocli.CommandLine.Option;

/** How a technician's command reaches the hall server: its address, the hall secret, and the https trust. */
final class HallServerOptions {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/",
            description = "The hall server (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--secret-file", paramLabel = "FILE", defaultValue = "yizhan-server/hall.secret",
            description = "The hall secret, DATA/hall.secret on the hall server (default: ${DEFAULT-VALUE}).")
    Path secretFile;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "With an https --server: the PEM file of the CA that signed its certificate (as server.ca).")
    Path ca;

    @Option(names = "--pin", paramLabel = "SHA256",
            description = "With an https --server: trust only the certificate with this SHA-256 fingerprint (as server.pin).")
    String pin;

    /**
     * A client of {@code --server} trusting what {@code --ca} or {@code --pin} say, without the hall secret.
     *
     * @throws IllegalArgumentException both given, a --pin that is no fingerprint, a --server that is no URL
     * @throws IOException              the --ca file cannot be read
     * @throws GeneralSecurityException the --ca file is no certificate
     */
    HallClient client() throws IOException, GeneralSecurityException {
        if (ca != null && pin != null) {
            throw new IllegalArgumentException("give --ca or --pin, not both");
        }
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        return HallClient.create(URI.create(base), KioskIdentity.NONE).withTrust(ca != null ? ServerTrust.ca(ca, "--ca")
                : pin != null ? ServerTrust.pin(pin, "--pin") : ServerTrust.SYSTEM);
    }

    /** What {@link #client} threw, in a line. */
    String trustProblem(Exception e) {
        return e instanceof IOException io ? "cannot read --ca " + ca + ": " + FileProblems.describe(io)
                : "cannot use " + (ca != null ? "--ca " + ca : "--pin") + ": " + e.getMessage();
    }

    /** Why a command cannot ask the hall server, in the line it prints. */
    static final class CannotAsk extends Exception {
        CannotAsk(String problem) {
            super(problem);
        }
    }

    /**
     * A client of {@code --server} with the hall secret of {@code --secret-file}, for the reads only a technician may
     * make (the fleet, the ratings).
     *
     * @throws CannotAsk the secret cannot be read, or the trust options cannot be used
     */
    HallClient trustedClient() throws CannotAsk {
        String secret;
        try {
            secret = secret();
        } catch (IOException e) {
            throw new CannotAsk("cannot read the hall secret: " + FileProblems.describe(e)
                    + " (it is DATA/hall.secret on the hall server; give it with --secret-file)");
        }
        try {
            return client().withHallSecret(secret);
        } catch (IllegalArgumentException e) {
            throw new CannotAsk(e.getMessage()); // both, a --pin that is no fingerprint, a --server that is no URL
        } catch (IOException | GeneralSecurityException e) {
            throw new CannotAsk(trustProblem(e));
        }
    }

    /** The hall secret from {@code --secret-file}. */
    String secret() throws IOException {
        return org.yizhan.server.queue.HallSecret.read(secretFile);
    }
}
