package org.yizhan.outbox;

import java.time.Instant;

/**
 * A message in the outbox. {@code key} is its idempotency id (sent as {@code Idempotency-Key}, so the server
 * counts a repeat once); {@code held} while the act it records is under way (a ticket printing);
 * {@code refused} the server's reason once it refused the message for good, which keeps it aside.
 */
public record OutboxMessage(long id, String key, String kind, String path, String body, boolean droppable,
                            Instant createdAt, int attempts, Instant nextTryAt, String lastError, boolean held,
                            String refused) {
}
