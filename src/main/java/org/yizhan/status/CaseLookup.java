package org.yizhan.status;

/**
 * {@code POST /status/lookup}: the application number from the receipt and the check only the applicant
 * knows (last 4 digits of the phone, or last 6 characters of the ID number — the case says which). Both are
 * personal: never logged, never written to a disk.
 */
public record CaseLookup(String number, String check) {

    /** Without the values: a record's default toString would put them into any log line that prints it. */
    @Override
    public String toString() {
        return "CaseLookup[…]";
    }
}
