package org.yizhan.status;

/** PLACEHOLDER until the server half lands. */
public record CaseLookup(String number, String check) {
}
