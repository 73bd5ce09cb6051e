package org.yizhan.server.status;

/**
 * How an applicant is shown: a person's name keeps its first and, from three characters on, its last character
 * (张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜); a company's name is public (it is on its licence) and stays as it is.
 * Counted in code points, so a rare character outside the BMP is one character, not two halves.
 */
final class ApplicantMask {
    static final String PERSON = "person";
    static final String COMPANY = "company";

    private ApplicantMask() {
    }

    static String mask(String name, String kind) {
        String trimmed = name.strip();
        if (COMPANY.equals(kind)) {
            return trimmed;
        }
        int[] points = trimmed.codePoints().toArray();
        if (points.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(points[0]);
        masked.append("*".repeat(points.length == 2 ? 1 : points.length - 2));
        if (points.length > 2) {
            masked.appendCodePoint(points[points.length - 1]);
        }
        return masked.toString();
    }
}
