package org.yizhan.hall;

import java.net.http.HttpRequest;
import java.util.Objects;

/**
 * Who is asking, on every request to the hall server: {@code X-Yizhan-Kiosk}, {@code X-Yizhan-Hall} and the
 * {@code User-Agent} with the kiosk's version (docs/protocol.md). An empty value leaves its header out.
 *
 * @param kioskId {@code kiosk.id}
 * @param hallId  {@code hall.id}, or ""
 * @param version the kiosk's version, e.g. {@code 0.1.0}, or ""
 */
public record KioskIdentity(String kioskId, String hallId, String version) {
    /** For tools and tests that speak to a hall server as no kiosk in particular. */
    public static final KioskIdentity NONE = new KioskIdentity("", "", "");

    public KioskIdentity {
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(hallId, "hallId");
        Objects.requireNonNull(version, "version");
    }

    public String userAgent() {
        return version.isEmpty() ? "Yizhan-kiosk" : "Yizhan-kiosk/" + version;
    }

    void addTo(HttpRequest.Builder request) {
        request.header("User-Agent", userAgent());
        if (!kioskId.isEmpty()) {
            request.header("X-Yizhan-Kiosk", kioskId);
        }
        if (!hallId.isEmpty()) {
            request.header("X-Yizhan-Hall", hallId);
        }
    }
}
