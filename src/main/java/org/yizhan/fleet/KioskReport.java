package org.yizhan.fleet;

import java.util.List;

/**
 * One kiosk in the hall server's answer to {@code GET /fleet}: its latest heartbeat, when the server last heard
 * from it (by the server's clock), and what is wrong with it, worst first (empty when it is fine).
 */
public record KioskReport(String kioskId, String hallId, String lastSeen, long secondsSinceSeen,
                          List<Problem> problems, Heartbeat heartbeat) {
    public KioskReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
