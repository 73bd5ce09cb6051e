package org.yizhan.server.status;

import com.fasterxml.jackson.databind.JsonNode;

/** One record of a feed and the line it starts on; {@code problem} is set when it could not even be read. */
record FeedEntry(int line, JsonNode node, String problem) {

    static FeedEntry of(int line, JsonNode node) {
        return new FeedEntry(line, node, null);
    }

    static FeedEntry unreadable(int line, String problem) {
        return new FeedEntry(line, null, problem);
    }

    @Override
    public String toString() {
        return "FeedEntry[line " + line + "]";
    }
}
